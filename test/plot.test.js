'use strict';
// The plot CLI: it writes well-formed SVG files whose curves are the library's own values (kept
// exactly in <metadata>, and drawn at those values by the path data), with the parameters in the
// legend; and it rejects unknown functions, bad numbers and misplaced parameters with exit code 2.
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { lib, firstDifference } = require('./helpers');

const BIN = path.join(__dirname, '..', 'bin', 'simd-activations.js');
const run = (...args) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

/** Tags open and close in order (a small well-formedness check; the files are our own output). */
function assertWellFormed(svg) {
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), 'root element');
  const stack = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) assert.strictEqual(stack.pop(), m[2], `closing </${m[2]}>`);
    else stack.push(m[2]);
  }
  assert.deepStrictEqual(stack, []);
  assert.ok(!/&(?!amp;|lt;|gt;|quot;)/.test(svg), 'entities escaped');
}

function metadata(svg) {
  const m = /<metadata id="data">([\s\S]*?)<\/metadata>/.exec(svg);
  const json = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return JSON.parse(json);
}

/** The points of each curve's path, in pixels. */
function curves(svg) {
  return [...svg.matchAll(/<path class="curve" data-series="(\d+)" d="([^"]*)"/g)].map((m) => m[2].split(/(?=[ML])/).map((s) => s.slice(1).split(' ').map(Number)));
}

/** Path points lie where the panel's scales put the metadata values (to the 0.01 px of the file). */
function assertDrawnAt(panel, points) {
  const { area, xDomain, yDomain } = panel;
  panel.series.forEach((s, k) => {
    assert.strictEqual(points[k].length, s.x.length, 'one point per value');
    points[k].forEach(([px, py], i) => {
      const X = area.x + ((s.x[i] - xDomain[0]) / (xDomain[1] - xDomain[0])) * area.w;
      const Y = area.y + area.h - ((s.y[i] - yDomain[0]) / (yDomain[1] - yDomain[0])) * area.h;
      assert.ok(Math.abs(px - X) <= 0.006 && Math.abs(py - Y) <= 0.006, `${s.label} point ${i}`);
    });
  });
}

describe('plot CLI', () => {
  let dir;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plot-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one SVG per function with f and f′ computed by the library, parameters in the legend', () => {
    const r = run('plot', 'sigmoid', 'leakyRelu', '--alpha', '0.2', '--out', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    for (const [name, params] of [['sigmoid', {}], ['leakyRelu', { alpha: 0.2 }]]) {
      const svg = fs.readFileSync(path.join(dir, `${name}.svg`), 'utf8');
      assertWellFormed(svg);
      const [panel] = metadata(svg).panels;
      const x = Float64Array.from(panel.series[0].x);
      assert.strictEqual(x.length, 401);
      assert.deepStrictEqual([x[0], x[400], x[200]], [-5, 5, 0]);
      assert.strictEqual(firstDifference(Float64Array.from(panel.series[0].y), lib[name](x, params)), -1, 'f');
      assert.strictEqual(firstDifference(Float64Array.from(panel.series[1].y), lib.derivative[name](x, params)), -1, "f'");
      assertDrawnAt(panel, curves(svg));
      if (name === 'leakyRelu') assert.ok(svg.includes('leakyRelu(x), α = 0.2') && svg.includes('leakyRelu′(x), α = 0.2'));
      assert.ok(svg.includes('class="axis"'), 'axes through the origin');
    }
  });

  it('--gallery draws seed 004\'s five functions on one chart, derivatives beside them', () => {
    const r = run('plot', '--gallery', '--from', '-3', '--to', '3', '--out', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const svg = fs.readFileSync(path.join(dir, 'gallery.svg'), 'utf8');
    assertWellFormed(svg);
    const { panels } = metadata(svg);
    assert.deepStrictEqual(panels[0].series.map((s) => s.label),
      ['sigmoid(x)', 'tanh(x)', 'relu(x)', 'leakyRelu(x), α = 0.1', 'elu(x), α = 1']);
    assert.deepStrictEqual(panels[0].xDomain, [-3, 3]);
    const x = Float64Array.from(panels[1].series[1].x);
    assert.strictEqual(firstDifference(Float64Array.from(panels[1].series[1].y), lib.derivative.tanh(x)), -1);
    const points = curves(svg);
    assertDrawnAt(panels[0], points.slice(0, 5));
    assertDrawnAt(panels[1], points.slice(5));
  });

  it('docs/gallery.svg is what `plot --gallery --out docs` writes today', () => {
    const r = run('plot', '--gallery', '--out', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'gallery.svg'), 'utf8');
    assert.ok(committed === fs.readFileSync(path.join(dir, 'gallery.svg'), 'utf8'), 'regenerate it with: npx simd-activations plot --gallery --out docs');
  });

  it('per-function parameters, --points, --float32 and prelu', () => {
    const r = run('plot', 'softplus:beta=2,threshold=10', 'prelu', 'thresholdedRelu', '--theta', '-0.5', '--points', '11', '--float32', '--out', dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const soft = metadata(fs.readFileSync(path.join(dir, 'softplus.svg'), 'utf8')).panels[0];
    const x = Float32Array.from(soft.series[0].x);
    assert.strictEqual(x.length, 11);
    assert.strictEqual(firstDifference(Float32Array.from(soft.series[0].y), lib.softplus(x, { beta: 2, threshold: 10 })), -1);
    assert.strictEqual(soft.series[0].label, 'softplus(x), β = 2, threshold = 10');
    const prelu = metadata(fs.readFileSync(path.join(dir, 'prelu.svg'), 'utf8')).panels[0];
    assert.strictEqual(firstDifference(Float32Array.from(prelu.series[1].y), lib.derivative.prelu(x, 0.25)), -1);
    const thr = metadata(fs.readFileSync(path.join(dir, 'thresholdedRelu.svg'), 'utf8')).panels[0];
    assert.strictEqual(thr.series[0].label, 'thresholdedRelu(x), θ = -0.5');
  });

  const failures = [
    [['plot', 'swish'], /Expected a function name .* but received "swish"/],
    [['plot', 'softmax'], /Expected a function name .* but received "softmax"/],
    [['plot', 'elu', '--alpha', 'abc'], /Expected a finite number for --alpha but received "abc"/],
    [['plot', 'elu', '--alpha', '1x'], /Expected a finite number for --alpha but received "1x"/],
    [['plot', 'elu', '--from', '2', '--to', '1'], /Expected a number greater than from \(2\) for to but received 1/],
    [['plot', 'sigmoid', '--theta', '1'], /Expected a function with a theta parameter for --theta but received sigmoid/],
    [['plot', 'relu:alpha=1'], /Expected no parameters for relu but received "alpha=1"/],
    [['plot', 'softplus', '--beta', '0'], /Expected a finite number > 0 for beta but received 0/],
    [['plot', 'elu', '--points', '1'], /Expected an integer ≥ 2 for points but received 1/],
    [['plot'], /Expected at least one function name/],
    [['draw', 'elu'], /Expected a command \(plot\) but received "draw"/],
    [['plot', 'elu', '--colour', 'red'], /Unknown option '--colour'/],
  ];
  for (const [args, message] of failures) {
    it(`exits 2 with one line for: ${args.join(' ')}`, () => {
      const r = run(...args, '--out', dir);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1);
    });
  }
});
