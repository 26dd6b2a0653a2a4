'use strict';
// The dying-ReLU comparison: the same network (same initial weights, same batches) trained with
// each activation at each learning rate, measuring after every epoch the training loss, the test
// accuracy and the share of hidden units that are dead (output exactly 0 for every test example).
const { layers } = require('../..');
const { Network } = require('../nn/network');
const { makeRng } = require('../nn/rng');

/** The four activations compared, as in the seeds: ReLU, LeakyReLU(0.01), PReLU (learned), ELU. */
const ACTIVATIONS = [
  { label: 'ReLU', make: () => new layers.ReLU() },
  { label: 'LeakyReLU(0.01)', make: () => new layers.LeakyReLU({ alpha: 0.01 }) },
  { label: 'PReLU', make: (hidden) => new layers.PReLU({ numParameters: hidden, init: 0.01, alphaConstraint: { min: 0, max: 1 } }) },
  { label: 'ELU', make: () => new layers.ELU() },
];

/**
 * Trains and evaluates every (learning rate, activation) pair. data: { train, test } each
 * { x: Float32Array rows, labels, count, features }. Returns one record per run with per-epoch
 * rows (epoch 0 = before training). onProgress(done, total, text) is called after every batch.
 */
function runComparison(data, o) {
  const { hidden = 100, classes = 10, epochs = 4, batch = 64, learningRates, seed = 1, activations = ACTIVATIONS,
    onProgress = () => {} } = o;
  const features = data.train.features;
  const batchesPerEpoch = Math.ceil(data.train.count / batch);
  const total = learningRates.length * activations.length * epochs * batchesPerEpoch;
  let done = 0;
  const runs = [];
  for (const lr of learningRates) {
    for (const act of activations) {
      // One seed per run: every activation starts from the same weights and sees the same batches.
      const rng = makeRng(seed);
      const layer = act.make(hidden);
      const net = new Network([features, hidden, classes], layer, rng);
      const rows = [{ epoch: 0, loss: NaN, ...net.evaluate(data.test.x, data.test.labels, data.test.count) }];
      const t0 = Date.now();
      let diverged = 0;
      for (let epoch = 1; epoch <= epochs && !diverged; epoch++) {
        const order = rng.permutation(data.train.count);
        const xb = new Float32Array(batch * features);
        const yb = new Int32Array(batch);
        let lossSum = 0;
        let seen = 0;
        for (let start = 0; start < data.train.count; start += batch) {
          const n = Math.min(batch, data.train.count - start);
          for (let b = 0; b < n; b++) {
            const i = order[start + b];
            xb.set(data.train.x.subarray(i * features, (i + 1) * features), b * features);
            yb[b] = data.train.labels[i];
          }
          const loss = trainOrNaN(net, xb.subarray(0, n * features), yb.subarray(0, n), n, lr);
          done++;
          if (!Number.isFinite(loss)) {
            // Diverged (weights overflowed): the run ends here, the table says so.
            diverged = epoch;
            done += (epochs - epoch + 1) * batchesPerEpoch - Math.ceil((start + n) / batch);
            break;
          }
          lossSum += loss * n;
          seen += n;
          if (done % 10 === 0 || done === total) onProgress(done, total, `${act.label} lr=${lr} epoch ${epoch}/${epochs}`);
        }
        if (!diverged) rows.push({ epoch, loss: lossSum / seen, ...net.evaluate(data.test.x, data.test.labels, data.test.count) });
      }
      const alpha = layer.name === 'PReLU' ? layer.parameters()[0] : undefined;
      runs.push({
        activation: act.label, lr, rows, diverged, seconds: (Date.now() - t0) / 1000,
        alphaMean: alpha ? alpha.reduce((s, a) => s + a, 0) / alpha.length : undefined,
      });
    }
  }
  return runs;
}

/** The batch loss, or NaN once the weights have overflowed (the library rejects a NaN alpha). */
function trainOrNaN(net, x, labels, n, lr) {
  try {
    return net.trainStep(x, labels, n, lr);
  } catch (e) {
    if (e instanceof RangeError && /received (NaN|-?Infinity)/.test(e.message)) return NaN;
    throw e;
  }
}

/** A seeded subsample of n rows (the whole set if n ≥ count). */
function subsample(split, n, seed) {
  if (n >= split.count) return split;
  const order = makeRng(seed).permutation(split.count).subarray(0, n);
  const f = split.features;
  const x = new Float32Array(n * f);
  const labels = new Uint8Array(n);
  order.forEach((i, k) => {
    x.set(split.x.subarray(i * f, (i + 1) * f), k * f);
    labels[k] = split.labels[i];
  });
  return { x, labels, count: n, features: f };
}

module.exports = { runComparison, subsample, ACTIVATIONS };
