'use strict';
// What the numbers were measured on: machine, CPU flags, Node, backends, peer versions, command.
const fs = require('fs');
const os = require('os');

function cpuFlags() {
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const line = info.split('\n').find((l) => l.startsWith('flags'));
    const all = line ? line.split(':')[1].trim().split(/\s+/) : [];
    return all.filter((f) => /^(sse|ssse|avx|fma|f16c|bmi|popcnt)/.test(f));
  } catch { return []; }
}

function environment(lib, peerVersions, argv) {
  return {
    date: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    cpu: os.cpus()[0] ? os.cpus()[0].model.trim() : 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    cpuFlags: cpuFlags(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    backends: lib.backendStatus(),
    nativeIsa: lib.backends && lib.backends.native ? lib.backends.native.isa : undefined,
    nativeThreads: typeof lib.getThreads === 'function' && lib.availableBackends().includes('native') ? lib.getThreads() : undefined,
    wasmBuild: lib.wasm && lib.wasm.available ? lib.wasm.build : undefined,
    library: require('../../package.json').version,
    peers: peerVersions,
  };
}

module.exports = { environment };
