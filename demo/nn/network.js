'use strict';
// The seeds' network: Linear(784 → 100) → activation → Linear(100 → 10) → log-softmax, trained
// with NLL. The activation and the log-softmax are the library's layers (forward and backward);
// the matrix products are the plain loops of linear.js.
const { layers } = require('../..');
const { Linear } = require('./linear');
const { nllLoss, argmaxRows } = require('./loss');
const { sgdStep } = require('./sgd');

class Network {
  /** activation: a layers.* instance (ReLU, LeakyReLU, PReLU, ELU, ...). */
  constructor(sizes, activation, rng) {
    const [input, hidden, classes] = sizes;
    this.sizes = sizes;
    this.fc1 = new Linear(input, hidden, rng);
    this.act = activation;
    this.fc2 = new Linear(hidden, classes, rng);
    this.logSoftmax = new layers.LogSoftmax({ axis: 1 });
    this.modules = [this.fc1, this.act, this.fc2];
  }

  /** Log-probabilities (batch × classes); `hidden` gets the activation's output when asked. */
  forward(x, batch, keep) {
    const [, hidden, classes] = this.sizes;
    const z = this.fc1.forward(x, batch);
    if (keep) keep.pre = this.act.inplace ? z.slice() : z;
    const h = this.act.forward(z, [batch, hidden]);
    if (keep) keep.hidden = h;
    return this.logSoftmax.forward(this.fc2.forward(h, batch), [batch, classes]);
  }

  /** One SGD step on a batch; returns the batch's mean loss. */
  trainStep(x, labels, batch, lr) {
    const classes = this.sizes[2];
    const logp = this.forward(x, batch);
    const { loss, grad } = nllLoss(logp, labels, batch, classes);
    const dlogits = this.logSoftmax.backward(grad);
    const dh = this.fc2.backward(dlogits);
    const dz = this.act.backward(dh);
    this.fc1.backward(dz, false);
    sgdStep(this.modules, lr);
    return loss;
  }

  /**
   * Accuracy on (x, labels), and per hidden unit whether it output exactly 0 for every example
   * ("dead") and whether its pre-activation was ≤ 0 for every example ("off": for ReLU the same
   * thing; for the leaky variants the unit still passes a gradient and can come back).
   */
  evaluate(x, labels, count, chunk = 500) {
    const [input, hidden, classes] = this.sizes;
    let correct = 0;
    const everNonZero = new Uint8Array(hidden);
    const everPositive = new Uint8Array(hidden);
    for (let start = 0; start < count; start += chunk) {
      const n = Math.min(chunk, count - start);
      const keep = {};
      const logp = this.forward(x.subarray(start * input, (start + n) * input), n, keep);
      const pred = argmaxRows(logp, n, classes);
      for (let b = 0; b < n; b++) if (pred[b] === labels[start + b]) correct++;
      const z = keep.pre;
      for (let i = 0; i < n * hidden; i++) {
        if (keep.hidden[i] !== 0) everNonZero[i % hidden] = 1;
        if (z[i] > 0) everPositive[i % hidden] = 1;
      }
    }
    const frac = (flags) => flags.reduce((s, f) => s + (f ? 0 : 1), 0) / hidden;
    return { accuracy: correct / count, dead: frac(everNonZero), off: frac(everPositive) };
  }
}

module.exports = { Network };
