'use strict';
// The peers package (bench/peers) is installed on the first npm run bench, never by the
// library's own install. --ignore-scripts: onnxruntime-node's install script tries to download
// CUDA files; its CPU binaries ship inside the npm package.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { PEERS_DIR } = require('../impls/peer-require');

function peersInstalled() {
  const pkg = JSON.parse(fs.readFileSync(path.join(PEERS_DIR, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies).every((name) => fs.existsSync(path.join(PEERS_DIR, 'node_modules', name, 'package.json')));
}

/** Installs the peers if missing; returns a note when that fails (the run goes on without them). */
function ensurePeers() {
  if (peersInstalled()) return undefined;
  process.stderr.write('Installing the benchmark peers into bench/peers (first run only)...\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', PEERS_DIR, '--ignore-scripts', '--no-audit', '--no-fund'],
    { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !peersInstalled()) return `peers: npm install in bench/peers failed (exit ${r.status}); running without them`;
  return undefined;
}

module.exports = { ensurePeers };
