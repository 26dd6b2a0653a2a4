'use strict';
// bench/results/: report.md (tables, crossovers, notes, environment), results.json (everything,
// raw), crossovers.json (the facade's routing thresholds), and one SVG chart per function and
// direction.
const fs = require('fs');
const path = require('path');
const { implsOf } = require('./table');
const { lineChart } = require('./svg');
const { sizeLabel, num, ratio, pct } = require('./format');
const { targetLines } = require('./targets');

const isVariant = (r) => !!r.variant || r.opAlone;

/**
 * The main chart has each backend's default row, the hand-written loop and the peers as users call
 * them; the variants chart has the ISA paths, one thread, no routing, wasm scalar and the peers'
 * op-alone rows, with the default native and wasm rows again for reference.
 */
function chartFor(result, fn, dir, which = 'main') {
  const { rows, bandwidth, options } = result;
  const all = rows.filter((r) => r.fn === fn && r.dir === dir);
  const reference = (r) => !isVariant(r) && (r.backend === 'native' || r.backend === 'wasm');
  const br = all.filter((r) => (which === 'main' ? !isVariant(r) : isVariant(r) || reference(r)));
  const series = implsOf(br).map((i) => ({
    label: i.label, group: i.group,
    points: options.sizes.map((n) => br.find((r) => r.impl === i.impl && r.n === n)).filter(Boolean).map((r) => ({ n: r.n, v: r.melemPerS })),
  }));
  const bpe = br[0].bytesPerElement;
  const roofline = bandwidth.map((b) => ({ n: b.n, v: (b.gbPerS * 1e9) / bpe / 1e6 }));
  return lineChart({
    title: `${fn} ${dir}: throughput vs size${which === 'main' ? '' : ' (variants)'}`,
    subtitle: `${options.type === 'float64' ? 'Float64Array' : 'Float32Array'}, median Melem/s; bound = copy bandwidth / ${bpe} bytes per element · ${result.env.cpu}, node ${result.env.node}`,
    series, roofline, sizes: options.sizes,
  });
}

/**
 * One line per function and direction at one size (1M when measured, else the largest): the
 * facade, each backend's default row, the hand-written loop and the best peer.
 */
function summary(result, blocks) {
  const { rows, options } = result;
  const n = options.sizes.includes(1 << 20) ? 1 << 20 : Math.max(...options.sizes);
  const cols = [
    ['auto (facade)', (r) => r.impl === 'auto'],
    ['native', (r) => r.backend === 'native' && !r.variant],
    ['wasm, wasm memory', (r) => r.backend === 'wasm' && !r.variant && r.impl.endsWith('-mem')],
    ['wasm, copied', (r) => r.backend === 'wasm' && !r.variant && r.impl.endsWith('-copy')],
    ['js', (r) => r.impl === 'js'],
    ['Math.* loop', (r) => r.impl === 'naive'],
  ].filter(([, f]) => rows.some((r) => r.n === n && f(r)));
  const L = [`## Summary at n=${sizeLabel(n)} (Melem/s, median)`, ''];
  L.push(`function | ${cols.map(([h]) => h).join(' | ')} | best peer | facade ÷ best peer | facade % of bandwidth`);
  L.push(`--- | ${cols.map(() => '---:').join(' | ')} | --- | ---: | ---:`);
  for (const b of blocks) {
    const [fn, dir] = b.split('|');
    const at = rows.filter((r) => r.fn === fn && r.dir === dir && r.n === n);
    const auto = at.find((r) => r.impl === 'auto');
    const peers = at.filter((r) => r.group === 'peer').sort((p, q) => q.melemPerS - p.melemPerS);
    const best = peers[0];
    L.push(`${fn} ${dir} | ${cols.map(([, f]) => { const r = at.find(f); return r ? num(r.melemPerS) : ''; }).join(' | ')} | ${best ? `${num(best.melemPerS)} ${best.label}` : '–'} | ${auto && best ? ratio(auto.ratioBestPeer) : ''} | ${auto ? pct(auto.pctBandwidth) : ''}`);
  }
  L.push('');
  return L;
}

const hasVariants = (result, fn, dir) => result.rows.some((r) => r.fn === fn && r.dir === dir && isVariant(r));

function markdown(result, charts) {
  const { rows, bandwidth, options, env, crossovers, notes } = result;
  const L = [];
  L.push(`# simd-activations benchmark (${options.full ? 'full' : 'quick'}, ${options.type})`);
  L.push('');
  L.push(`Command: \`${env.command}\` · ${env.date}`);
  L.push('');
  L.push(`Machine: ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.platform}; ${env.runtime || `Node ${env.node} (V8 ${env.v8})`}.`);
  L.push(`CPU flags: ${env.cpuFlags.join(' ')}.`);
  L.push(`Backends: ${env.backends.map((b) => (b.available ? b.name : `${b.name} (not available: ${b.reason})`)).join(', ')}${env.nativeIsa ? `; native on ${env.nativeIsa} with ${env.nativeThreads} thread(s) for large arrays` : ''}${env.wasmBuild ? `; wasm ${env.wasmBuild} build` : ''}.`);
  const peers = Object.entries(env.peers);
  L.push(`Peers: ${peers.length ? peers.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}.`);
  L.push('');
  L.push('Each cell: Melem/s (median of the benchmark.js samples, [first–third quartile]), ×ratio to the best peer of the same case, % of the copy bandwidth (bytes the kernel must move per element: x in, y out, and dy in for backward). All rows run on the same inputs in one process; `out` is preallocated for our rows and the hand-written loop. Threads: native uses its default (see Backends; the "1 thread" row is single-threaded), onnxruntime-node runs with intra-op threads = 1, onnxruntime-web and tfjs wasm on one thread, everything else is single-threaded JavaScript. The copy bandwidth is one thread\'s.');
  L.push('');
  L.push('## Memory bandwidth (copy, read + write)');
  L.push('');
  L.push(`size | ${options.sizes.map(sizeLabel).join(' | ')}`);
  L.push(`--- | ${options.sizes.map(() => '---:').join(' | ')}`);
  const cell = (n, field) => { const b = bandwidth.find((x) => x.n === n); return b && b[field] !== undefined ? b[field].toFixed(1) : '–'; };
  L.push(`GB/s (${bandwidth[0] ? bandwidth[0].method : ''}), the reference | ${options.sizes.map((n) => cell(n, 'gbPerS')).join(' | ')}`);
  if (bandwidth.some((b) => b.gbPerSBefore !== undefined)) {
    L.push(`measured before the kernels | ${options.sizes.map((n) => cell(n, 'gbPerSBefore')).join(' | ')}`);
    L.push(`measured after the kernels | ${options.sizes.map((n) => cell(n, 'gbPerSAfter')).join(' | ')}`);
    L.push('');
    L.push('The reference at each size is the higher of the two medians, so that a slow copy measurement cannot flatter the kernels\' % of bandwidth.');
  }
  L.push('');
  L.push(...targetLines(result));
  const t = crossovers.thresholds;
  if (Object.keys(t).length) {
    L.push('## Crossovers');
    L.push('');
    L.push(`Measured on ${crossovers.measuredOn}. \`A over B\`: the size from which A stays faster than B (native: the addon itself, without its small-array routing, where that row exists; wasm: on ordinary arrays, copied in and out). Per function in \`crossovers.json\`.`);
    L.push('');
    L.push('pair | median crossing (interpolated) | all functions ahead from | never ahead');
    L.push('--- | ---: | ---: | ---:');
    for (const [k, v] of Object.entries(t)) L.push(`${k} | ${v.medianEstimate ?? 'never'} | ${v.maxFirst ?? 'never (some)'} | ${v.neverAhead} of ${v.functions}`);
    L.push('');
    const pairs = Object.keys(t);
    L.push(`function | ${pairs.join(' | ')}`);
    L.push(`--- | ${pairs.map(() => '---:').join(' | ')}`);
    for (const [fd, e] of Object.entries(crossovers.perFunction)) {
      L.push(`${fd} | ${pairs.map((p) => (e[p] ? (e[p].first === null ? 'never' : `${e[p].first} (≈${e[p].estimate})`) : '')).join(' | ')}`);
    }
    L.push('');
    L.push('Cells: first measured size from which A stays ahead (≈ interpolated crossing).');
    L.push('');
    if (crossovers.byKind) {
      L.push('By routing kind (the grouping of the facade\'s small-array thresholds, `src/routing.ts`), median of the interpolated crossings:');
      L.push('');
      L.push(`kind | ${pairs.join(' | ')}`);
      L.push(`--- | ${pairs.map(() => '---:').join(' | ')}`);
      for (const [kind, k] of Object.entries(crossovers.byKind)) L.push(`${kind} | ${pairs.map((p) => (k[p] ? k[p].medianEstimate ?? 'never' : '')).join(' | ')}`);
      L.push('');
    }
  }
  const blocks = [...new Set(rows.map((r) => `${r.fn}|${r.dir}`))];
  L.push(...summary(result, blocks));
  for (const b of blocks) {
    const [fn, dir] = b.split('|');
    const br = rows.filter((r) => r.fn === fn && r.dir === dir);
    L.push(`## ${fn} ${dir}`);
    L.push('');
    if (charts[b]) L.push(`![${fn} ${dir}](${charts[b]})`, '');
    if (charts[`${b}|variants`]) L.push(`Variants: [${charts[`${b}|variants`]}](${charts[`${b}|variants`]})`, '');
    L.push(`implementation | ${options.sizes.map((n) => `n=${sizeLabel(n)}`).join(' | ')}`);
    L.push(`--- | ${options.sizes.map(() => '---:').join(' | ')}`);
    for (const i of implsOf(br)) {
      const cells = options.sizes.map((n) => {
        const r = br.find((x) => x.impl === i.impl && x.n === n);
        if (!r) return '';
        const parts = [`**${num(r.melemPerS)}** [${num(r.n / r.q3 / 1e6)}–${num(r.n / r.q1 / 1e6)}]`];
        if (r.group !== 'peer' && r.ratioBestPeer !== undefined) parts.push(ratio(r.ratioBestPeer));
        parts.push(pct(r.pctBandwidth));
        if (r.group === 'ours' && !r.sameBitsAsJs) parts.push('(NOT bit-identical to js)');
        return parts.join(' ');
      });
      L.push(`${i.label} | ${cells.join(' | ')}`);
    }
    L.push('');
  }
  if (notes.length) {
    L.push('## Notes');
    L.push('');
    for (const n of notes) L.push(`- ${n}`);
    L.push('');
  }
  return L.join('\n');
}

function writeReport(result, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const charts = {};
  const suffix = result.options.type === 'float64' ? '-f64' : '';
  for (const b of [...new Set(result.rows.map((r) => `${r.fn}|${r.dir}`))]) {
    const [fn, dir] = b.split('|');
    const file = `${fn}-${dir}${suffix}.svg`;
    fs.writeFileSync(path.join(outDir, file), chartFor(result, fn, dir));
    charts[b] = file;
    if (hasVariants(result, fn, dir)) {
      const vfile = `${fn}-${dir}-variants${suffix}.svg`;
      fs.writeFileSync(path.join(outDir, vfile), chartFor(result, fn, dir, 'variants'));
      charts[`${b}|variants`] = vfile;
    }
  }
  const files = {
    [`report${suffix}.md`]: markdown(result, charts),
    [`results${suffix}.json`]: JSON.stringify(result, null, 1),
    [`crossovers${suffix}.json`]: JSON.stringify(result.crossovers, null, 2),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(outDir, name), text);
    written.push(path.join(outDir, name));
  }
  written.push(path.join(outDir, `*${suffix}.svg (${Object.keys(charts).length} charts)`));
  return written;
}

/** Writes the charts of a result into dir (names prefixed), returns { block: relative path }. */
function writeCharts(result, dir, prefix, rel) {
  const charts = {};
  const suffix = result.options.type === 'float64' ? '-f64' : '';
  for (const b of [...new Set(result.rows.map((r) => `${r.fn}|${r.dir}`))]) {
    const [fn, d] = b.split('|');
    const file = `${prefix}${fn}-${d}${suffix}.svg`;
    fs.writeFileSync(path.join(dir, file), chartFor(result, fn, d));
    charts[b] = `${rel}${file}`;
    if (hasVariants(result, fn, d)) {
      const vfile = `${prefix}${fn}-${d}-variants${suffix}.svg`;
      fs.writeFileSync(path.join(dir, vfile), chartFor(result, fn, d, 'variants'));
      charts[`${b}|variants`] = `${rel}${vfile}`;
    }
  }
  return charts;
}

/**
 * The committed run: bench/RESULTS.md with its charts in bench/charts/ (bench/results/ is not
 * committed); the headless Chromium run, when there is one, follows as a second part.
 */
function publish(result, browser) {
  const dir = path.join(__dirname, '..', 'charts');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let md = markdown(result, writeCharts(result, dir, '', 'charts/'));
  if (browser) {
    const part = markdown(browser, writeCharts(browser, dir, 'browser-', 'charts/'));
    // One document: the browser report's title gives way to this part's own.
    md += `\n\n# In headless Chromium (--browser)\n\n${part.split('\n').slice(1).join('\n')}`;
  }
  const file = path.join(__dirname, '..', 'RESULTS.md');
  fs.writeFileSync(file, md);
  return [file, path.join(dir, '*.svg')];
}

module.exports = { writeReport, publish, markdown, chartFor };
