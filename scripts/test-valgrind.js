'use strict';
// npm run test:valgrind (after npm install, with valgrind installed): the native tests under
// valgrind memcheck, on the addon npm install built. valgrind has no AVX-512, and the CPU it
// emulates does not report it, so the addon runs its avx2 path (and the tests force sse2 and
// scalar as usual). Any invalid read or write, use of uninitialised memory or bad free in the
// addon fails the run (exit status 9). scripts/valgrind-node.supp silences one report that comes
// from node itself (its garbage collector scanning the stack). About 15 minutes on this machine.
//   node scripts/test-valgrind.js [test files...]
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const files = process.argv.slice(2);
const tests = files.length ? files
  : ['test/native.test.js', 'test/errors.test.js', 'test/elementwise.test.js', 'test/rowwise.test.js', 'test/prelu.test.js',
    'test/threads-option.test.js'];
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
const args = ['--error-exitcode=9', '--smc-check=all-non-file', `--suppressions=${path.join(__dirname, 'valgrind-node.supp')}`,
  process.execPath, mocha, '--no-config', '--timeout', '3600000', ...tests];
const r = spawnSync('valgrind', args, { cwd: root, stdio: 'inherit' });
if (r.error) {
  console.error(`valgrind could not be started (${r.error.message}): install it, e.g. apt-get install valgrind`);
  process.exit(1);
}
process.exit(r.status === null ? 1 : r.status);
