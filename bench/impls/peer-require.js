'use strict';
// Peers live in their own package (bench/peers), never in the library's dependencies.
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const PEERS_DIR = path.join(__dirname, '..', 'peers');
const peerRequire = createRequire(path.join(PEERS_DIR, 'package.json'));

/** The installed version, read from disk (some packages do not export their package.json). */
function peerVersion(name) {
  try { return JSON.parse(fs.readFileSync(path.join(PEERS_DIR, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return undefined; }
}

/** Runs f (sync or async) with console.warn/log/info silenced (tfjs greets Node users with a banner). */
async function quietly(f) {
  const saved = [console.warn, console.log, console.info];
  console.warn = console.log = console.info = () => {};
  try { return await f(); } finally { [console.warn, console.log, console.info] = saved; }
}

module.exports = { PEERS_DIR, peerRequire, peerVersion, quietly };
