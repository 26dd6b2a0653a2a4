'use strict';
// npm run bench [-- --full] [--float64] [--only sigmoid,tanh] [--json file] [--browser] ...
// The comparative benchmark: every function of lib.SPEC, forward and backward, on every backend
// that loaded (through the public API), the hand-written Math.* loop, and the peers (tfjs cpu and
// wasm, onnxruntime-node and -web), with the memory bandwidth at each size measured in the same
// process. Prints a table; writes bench/results/{report.md, results.json, crossovers.json, *.svg}.
const fs = require('fs');
const path = require('path');
const { parseArgs, USAGE } = require('./lib/args');
const { runSuite } = require('./lib/suite');
const { environment } = require('./lib/environment');
const { variantsOf, runVariants } = require('./lib/variants');
const { ourImpls } = require('./impls/ours');
const { naiveImpls } = require('./impls/naive');
const { annotate, crossovers } = require('./report/analyze');
const { terminalTable } = require('./report/table');
const { writeReport, publish } = require('./report/write');
const { writeRouting, provenanceOf } = require('./report/routing');

// Quick mode benches the peers on a few representative functions only (ours run everything).
const QUICK_PEER_FUNCTIONS = ['relu', 'sigmoid', 'tanh', 'softmax'];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) { console.log(USAGE); return; }
  const lib = require('..');
  const specs = lib.SPEC.filter((s) => !opts.only || opts.only.includes(s.name));
  if (specs.length === 0) throw new Error(`--only matched no function of the spec (${lib.SPEC.map((s) => s.name).join(', ')})`);
  const notes = [];

  if (opts.child) return child(lib, opts, specs, notes);
  if (opts.writeRouting && !opts.publish) return routingOnly(lib, opts, specs, notes);

  let impls = [...ourImpls(lib, { variants: opts.variants }), ...naiveImpls()];
  const peerVersions = {};
  if (opts.peers) {
    const failed = require('./lib/peers-install').ensurePeers();
    if (failed) notes.push(failed);
    else {
      const peers = [
        ...(await require('./impls/tfjs').tfjsImpls(notes, { opAlone: opts.full || 'wasm', type: opts.type })),
        ...(await require('./impls/onnxruntime').ortImpls(notes, { opAlone: opts.full })),
      ];
      // Every package of bench/peers with its installed version (the rows name the runtime only).
      const { PEERS_DIR, peerVersion } = require('./impls/peer-require');
      for (const name of Object.keys(require(path.join(PEERS_DIR, 'package.json')).dependencies)) peerVersions[name] = peerVersion(name);
      for (const p of peers) {
        if (!opts.full) p.only = QUICK_PEER_FUNCTIONS;
      }
      impls = impls.concat(peers);
    }
  }

  const env = environment(lib, peerVersions, process.argv.slice(2));
  console.log(`simd-activations bench (${opts.full ? 'full' : 'quick'}): ${opts.type}, sizes ${opts.sizes.join(', ')}`);
  console.log(`${env.cpu}, ${env.cores} cores, node ${env.node}; backends ${lib.availableBackends().join(', ')}`);
  console.log(`rows: ${impls.map((i) => i.label).join('; ')}\n`);

  const { rows, bandwidth } = await runSuite({ lib, opts, specs, impls, notes });
  if (opts.variants) {
    for (const v of variantsOf(lib, notes)) {
      const r = await runVariants(v, process.argv.slice(2), notes);
      if (r) rows.push(...r.rows.map((row) => ({ ...row, variant: v.id, bandwidthInChild: r.bandwidth.find((b) => b.n === row.n)?.gbPerS })));
    }
  }
  annotate(rows, bandwidth);
  let sweep;
  if (opts.sweep !== 'none') sweep = await crossoverSweep(lib, opts, specs, notes);
  const cross = sweep ? kindCrossovers(lib, sweep.rows, sweep.sizes, opts.type) : kindCrossovers(lib, rows, opts.sizes, opts.type);
  cross.measuredOn = sweep
    ? `the sweep over ${sweep.sizes.join(', ')}${opts.sweep === 'quick' ? ' (quick mode: relu and sigmoid forward only; --full or --sweep for every function)' : ''}`
    : `the table's sizes ${opts.sizes.join(', ')}`;
  const result = { env, options: opts, bandwidth, rows, crossovers: cross, sweep, notes };

  console.log(terminalTable({ rows, bandwidth, sizes: opts.sizes, type: opts.type }));
  printCrossovers(cross);
  if (notes.length) console.log(`\nNotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`);

  const outDir = opts.out || path.join(__dirname, 'results');
  const written = writeReport(result, outDir);
  if (opts.json) { fs.writeFileSync(opts.json, JSON.stringify(result, null, 1)); written.push(opts.json); }
  console.log(`\nWrote ${written.map((w) => path.relative(process.cwd(), w)).join(', ')}`);

  const browser = opts.browser ? await require('./browser/run').runBrowser(lib, opts, specs, outDir) : undefined;
  if (opts.publish) console.log(`Wrote ${publish(result, browser).map((w) => path.relative(process.cwd(), w)).join(', ')}`);
  if (opts.publish || opts.writeRouting) console.log(routingLines(lib, opts, env, sweep, cross).join('\n'));
}

/** The facade's routing kind of a spec entry and direction (src/routing.ts, built into dist). */
const routingKindOf = (s, dir) => require('../dist/cjs/routing.js').routingKind(s, dir);

/** The crossovers grouped as the facade's routing thresholds are. */
function kindCrossovers(lib, rows, sizes, type) {
  const kindOf = (name, dir) => routingKindOf(lib.SPEC.find((f) => f.name === name), dir);
  return crossovers(rows, sizes, type, kindOf);
}

/** Rewrites src/routing.ts from this run's sweep (see report/routing.js for the rule and refusals). */
function routingLines(lib, opts, env, sweep, cross) {
  return writeRouting({
    backends: lib.availableBackends(), crossovers: sweep ? cross : undefined, sweep: opts.sweep,
    nativeUnrouted: !!sweep && sweep.rows.some((r) => r.backend === 'native' && r.variant === 'unrouted'),
    // A kind counts as measured only with every one of its functions in both directions.
    expected: lib.SPEC.reduce((e, s) => {
      for (const dir of ['forward', 'backward']) { const k = routingKindOf(s, dir); e[k] = (e[k] || 0) + 1; }
      return e;
    }, {}),
    provenance: provenanceOf(env, cross || { type: opts.type, sizes: [] }),
  });
}

/** --write-routing without --publish: the crossover sweep alone (no table, no peers), then src/routing.ts. */
async function routingOnly(lib, opts, specs, notes) {
  const env = environment(lib, {}, process.argv.slice(2));
  console.log(`simd-activations crossover sweep: ${opts.type}; ${env.cpu}, ${env.cores} cores, node ${env.node}; backends ${lib.availableBackends().join(', ')}`);
  const sweep = await crossoverSweep(lib, opts, specs, notes);
  const cross = sweep ? kindCrossovers(lib, sweep.rows, sweep.sizes, opts.type) : undefined;
  if (cross) {
    cross.measuredOn = `the sweep over ${sweep.sizes.join(', ')}`;
    printCrossovers(cross);
    const outDir = opts.out || path.join(__dirname, 'results');
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `crossovers${opts.type === 'float64' ? '-f64' : ''}.json`);
    fs.writeFileSync(file, JSON.stringify(cross, null, 2));
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  }
  if (notes.length) console.log(`\nNotes:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
  console.log(routingLines(lib, opts, env, sweep, cross).join('\n'));
}

// Small sizes where the backends cross (the facade's routing thresholds, src/routing.ts, are taken from here).
const SWEEP_SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];
const QUICK_SWEEP = { sizes: [4, 8, 16, 32, 64, 128, 256, 512], functions: ['relu', 'sigmoid'], dirs: ['forward'] };

/** Native (its addon, without small-array routing where possible), wasm on user arrays, js. */
async function crossoverSweep(lib, opts, specs, notes) {
  const all = ourImpls(lib, { variants: true });
  const unrouted = all.find((i) => i.variant === 'unrouted');
  const wasmCopy = all.find((i) => i.backend === 'wasm' && i.id.endsWith('-copy'));
  const impls = [unrouted || all.find((i) => i.backend === 'native' && !i.variant),
    wasmCopy && unroutedWasm(wasmCopy), all.find((i) => i.id === 'js')]
    .filter(Boolean).map((i) => ({ ...i, maxN: undefined }));
  if (impls.length < 2) return undefined;
  const quick = opts.sweep === 'quick';
  const sizes = quick ? QUICK_SWEEP.sizes : SWEEP_SIZES;
  const sweepSpecs = quick ? specs.filter((s) => QUICK_SWEEP.functions.includes(s.name)) : specs;
  const dirs = quick ? opts.dirs.filter((d) => QUICK_SWEEP.dirs.includes(d)) : opts.dirs;
  if (sweepSpecs.length === 0 || dirs.length === 0) return undefined;
  process.stderr.write('crossover sweep\n');
  const r = await runSuite({ lib, opts: { ...opts, sizes, dirs }, specs: sweepSpecs, impls, notes });
  return { ...r, sizes };
}

/** The wasm row with the small-array routing off around it: the copying path itself, at every size. */
function unroutedWasm(impl) {
  let routing;
  try { routing = require('../dist/cjs/routing.js'); } catch { return impl; }
  return { ...impl, prepare: async (c) => {
    routing.setSmallArrayRouting(false);
    const h = await impl.prepare(c);
    return { ...h, dispose() { routing.setSmallArrayRouting(true); return h && h.dispose && h.dispose(); } };
  } };
}

/** A child process benches one variant of one backend (env set by the parent) and returns rows. */
async function child(lib, opts, specs, notes) {
  // The native label names the ISA the addon reports (the parent drops the rows if it is not the
  // one asked for); the wasm build is named by the variant.
  const [backend, flavour] = opts.child.split(':');
  const impls = ourImpls(lib, { suffix: backend === 'wasm' ? flavour : undefined }).filter((i) => i.backend === backend);
  const { rows, bandwidth } = await runSuite({ lib, opts, specs, impls, notes });
  fs.writeFileSync(opts.json, JSON.stringify({ rows, bandwidth, notes }));
}

function printCrossovers(cross) {
  const t = cross.thresholds;
  if (Object.keys(t).length === 0) return;
  const kinds = Object.entries(cross.byKind || {}).map(([kind, k]) => `${kind}: native over wasm from n≈${k.nativeOverWasm?.medianEstimate ?? '–'}, over js from n≈${k.nativeOverJs?.medianEstimate ?? '–'}`);
  console.log('\nCrossovers (A over B: the size from which A stays faster; native measured without its small-array routing where that row exists):');
  for (const [k, v] of Object.entries(t)) {
    const all = v.maxFirst === null ? `${v.neverAhead} of ${v.functions} never ahead` : `every function ahead from n=${v.maxFirst}`;
    console.log(`  ${k.padEnd(18)} median crossing n≈${v.medianEstimate ?? 'never'}; ${all} (${v.functions} function-directions)`);
  }
  console.log(`  measured on ${cross.measuredOn}`);
  if (kinds.length) console.log(`  by kind (median): ${kinds.join('; ')}`);
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exitCode = 1; });
