#!/usr/bin/env node
'use strict';
// npm run demo:dying-relu — the seeds' "dead neuron" story, measured: the network 784 → 100 → 10
// (log-softmax, NLL, plain SGD) on Fashion-MNIST with ReLU, LeakyReLU(0.01), PReLU and ELU, at an
// ordinary and at a deliberately high learning rate. Prints a table (stdout), a progress bar
// (stderr), and writes an SVG chart. Subsampled (seeded) to finish in about 2 minutes.
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');
const lib = require('..');
const fashion = require('./fashion-mnist');
const { runComparison, subsample } = require('./dying-relu/experiment');
const { textTable, markdownTable, chart } = require('./dying-relu/report');
const { progressBar } = require('./progress');

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: fashion.DEFAULT_DIR },
    train: { type: 'string', default: '8000' },
    test: { type: 'string', default: '2000' },
    epochs: { type: 'string', default: '4' },
    batch: { type: 'string', default: '64' },
    lr: { type: 'string', default: '0.05,1' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: path.join(__dirname, '..', 'docs', 'dying-relu.svg') },
    markdown: { type: 'boolean', default: false },
  },
});

function int(name, min) {
  const v = Number(values[name]);
  if (!Number.isInteger(v) || v < min) {
    process.stderr.write(`Expected an integer ≥ ${min} for --${name} but received ${JSON.stringify(values[name])}\n`);
    process.exit(2);
  }
  return v;
}

const learningRates = values.lr.split(',').map(Number);
if (!learningRates.length || learningRates.some((v) => !(v > 0 && v < Infinity))) {
  process.stderr.write(`Expected comma-separated positive numbers for --lr but received ${JSON.stringify(values.lr)}\n`);
  process.exit(2);
}
const opts = { epochs: int('epochs', 1), batch: int('batch', 1), seed: int('seed', 0), learningRates };

let data;
try {
  data = fashion.load(values.data);
} catch (e) {
  if (e.code !== 'FASHION_MNIST_MISSING') throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
const train = subsample(data.train, int('train', 1), opts.seed + 1);
const test = subsample(data.test, int('test', 1), opts.seed + 2);
process.stderr.write(`Fashion-MNIST from ${values.data}: training on ${train.count} of ${data.train.count} images, `
  + `testing on ${test.count} of ${data.test.count} (seeded subsamples), ${opts.epochs} epochs, batch ${opts.batch}, `
  + `learning rates ${learningRates.join(' and ')}; activations on the ${lib.getBackend()} backend.\n`);

const bar = progressBar();
const t0 = Date.now();
const runs = runComparison({ train, test }, { ...opts, onProgress: (d, t, s) => bar.update(d, t, s) });
bar.done();
const seconds = (Date.now() - t0) / 1000;

process.stdout.write(`${values.markdown ? markdownTable(runs) : textTable(runs)}\n`);
for (const r of runs) {
  if (r.alphaMean !== undefined && !r.diverged) process.stdout.write(`PReLU at lr ${r.lr}: mean learned alpha ${r.alphaMean.toFixed(4)}\n`);
}
process.stdout.write(`${runs.length} runs in ${seconds.toFixed(0)} s.\n`);
const title = `Dying ReLU on Fashion-MNIST: 784 → 100 → 10, plain SGD, ${train.count} training images, ${opts.epochs} epochs (solid lr ${learningRates[0]}${learningRates[1] ? `, dashed lr ${learningRates.slice(1).join(', ')}` : ''})`;
fs.mkdirSync(path.dirname(values.out), { recursive: true });
fs.writeFileSync(values.out, chart(runs, title));
process.stderr.write(`wrote ${values.out}\n`);
