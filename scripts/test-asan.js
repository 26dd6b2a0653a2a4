'use strict';
// npm run test:asan (after npm install): builds the addon with AddressSanitizer + UndefinedBehaviorSanitizer into
// build-asan/ (plain g++/clang++, same sources and per-ISA flags as binding.gyp, -O1 -g), then runs
// the native tests against it with libasan preloaded into node. Any out-of-bounds access, use
// after free or undefined behaviour aborts the run.
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const out = path.join(root, 'build-asan');
const CXX = process.env.CXX || 'g++';

function nodeIncludes() {
  const candidates = [process.env.npm_config_nodedir, path.dirname(path.dirname(process.execPath))].filter(Boolean);
  for (const c of candidates) {
    const dir = path.join(c, 'include/node');
    if (fs.existsSync(path.join(dir, 'node_api.h'))) return dir;
  }
  throw new Error('Node headers (include/node/node_api.h) not found next to node; set npm_config_nodedir');
}

function main() {
  require('./gen-native-spec.js').main();
  fs.mkdirSync(out, { recursive: true });
  const common = ['-std=c++17', '-O1', '-g', '-fPIC', '-fno-omit-frame-pointer', '-fno-exceptions', '-fno-rtti',
    '-ffp-contract=off', '-fno-fast-math', '-fsanitize=address,undefined', '-fno-sanitize-recover=all',
    '-DNAPI_VERSION=8', '-DNAPI_DISABLE_CPP_EXCEPTIONS', `-I${path.join(root, 'native')}`, `-I${nodeIncludes()}`];
  const units = [['addon', []], ['isa/scalar', []]];
  if (process.arch === 'x64') {
    units.push(['isa/sse2', ['-msse2']], ['isa/avx2', ['-mavx2', '-mno-fma']],
      ['isa/avx512', ['-mavx512f', '-mavx512bw', '-mavx512dq', '-mavx512vl', '-Wno-maybe-uninitialized']]);
  }
  const objects = [];
  for (const [unit, flags] of units) {
    const obj = path.join(out, unit.replace('/', '_') + '.o');
    console.log(`compile ${unit}.cpp`);
    execFileSync(CXX, [...common, ...flags, '-c', path.join(root, 'native', unit + '.cpp'), '-o', obj], { stdio: 'inherit' });
    objects.push(obj);
  }
  const addon = path.join(out, 'simd_activations.node');
  execFileSync(CXX, ['-shared', '-pthread', '-fsanitize=address,undefined', ...objects, '-o', addon], { stdio: 'inherit' });
  const preload = ['libasan.so', 'libubsan.so'].map((l) => execFileSync(CXX, [`-print-file-name=${l}`], { encoding: 'utf8' }).trim());
  const env = {
    ...process.env,
    LD_PRELOAD: preload.join(':'),
    SIMD_ACTIVATIONS_ADDON: addon,
    // Node itself is not instrumented and keeps memory until exit: leaks are checked separately
    // (scripts/native-leak.js); here every out-of-bounds access or UB is fatal.
    ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1:halt_on_error=1',
    UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
  };
  const files = process.argv.slice(2);
  const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
  const tests = files.length ? files : ['test/native.test.js', 'test/elementwise.test.js', 'test/rowwise.test.js', 'test/prelu.test.js'];
  const r = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '120000', ...tests], { cwd: root, env, stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}

main();
