'use strict';
// Command-line options of npm run bench (see the usage text below).
const USAGE = `npm run bench -- [options]
  --full              sizes 16, 256, 4K, 64K, 1M, 16M and every peer (default: quick, 1K, 64K, 1M)
  --float64           Float64Array data (default Float32Array)
  --only a,b          only these functions (spec names, e.g. sigmoid,tanh)
  --dir forward|backward  only one direction
  --sizes 1024,65536  explicit sizes
  --no-peers          skip tfjs and onnxruntime (and their installation)
  --sweep             measure the crossovers on small sizes 1..4096 for every function (native, wasm,
                      js only; default in --full; quick mode sweeps relu and sigmoid forward only)
  --variants          run the child processes for the other native ISA paths and the wasm scalar
                      build (default in --full; --no-variants turns them off)
  --browser           also run the js and wasm rows in headless Chromium
  --json file         also write the raw results there
  --publish           also write bench/RESULTS.md and its charts to bench/charts/ (the committed run),
                      and src/routing.ts as --write-routing does
  --write-routing     run only the full crossover sweep (no table, no peers) and rewrite the facade's
                      small-array thresholds in src/routing.ts from it (with --publish: after the
                      whole run, from its sweep, which must be the full one: --sweep or --full)
  --out dir           report directory (default bench/results)
  --max-time s        benchmark.js maxTime per row (seconds)`;

function parseArgs(argv) {
  const has = (name) => argv.includes(name);
  const value = (name) => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    return v;
  };
  const known = new Set(['--full', '--float64', '--only', '--dir', '--sizes', '--no-peers', '--sweep', '--no-sweep', '--variants', '--no-variants', '--browser',
    '--json', '--out', '--publish', '--write-routing', '--max-time', '--child', '--help']);
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    if (!known.has(argv[i])) throw new Error(`Unknown option ${argv[i]}\n${USAGE}`);
  }
  const full = has('--full');
  const sizes = value('--sizes')
    ? value('--sizes').split(',').map(Number)
    : full ? [16, 256, 4096, 65536, 1 << 20, 1 << 24] : [1024, 65536, 1 << 20];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes positive integers\n${USAGE}`);
  const dir = value('--dir');
  if (dir && dir !== 'forward' && dir !== 'backward') throw new Error(`--dir is forward or backward\n${USAGE}`);
  return {
    help: has('--help'),
    full,
    sizes,
    type: has('--float64') ? 'float64' : 'float32',
    only: value('--only') ? value('--only').split(',') : null,
    dirs: dir ? [dir] : ['forward', 'backward'],
    peers: !has('--no-peers'),
    variants: has('--variants') || (full && !has('--no-variants')),
    // --write-routing alone is a sweep-only run (the full sweep, no table, no peers).
    sweep: has('--no-sweep') && !has('--write-routing') ? 'none' : has('--sweep') || full || has('--write-routing') ? 'all' : 'quick',
    browser: has('--browser'),
    json: value('--json'),
    publish: has('--publish'),
    writeRouting: has('--write-routing'),
    out: value('--out'),
    // A child process benches one variant (an ISA path, the wasm scalar build) and returns rows.
    child: value('--child'),
    // Quick mode keeps every row short; the full run samples longer for tighter medians.
    maxTime: value('--max-time') ? Number(value('--max-time')) : full ? 0.1 : 0.05,
  };
}

module.exports = { parseArgs, USAGE };
