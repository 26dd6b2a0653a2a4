'use strict';
// A fully connected layer y = x·Wᵀ + b on Float32Array, batch-major, W stored [out][in] like
// PyTorch's nn.Linear so both loops of the forward pass run over contiguous memory.

class Linear {
  /** PyTorch's default initialisation: W and b uniform in ±1/sqrt(in). */
  constructor(inFeatures, outFeatures, rng) {
    this.in = inFeatures;
    this.out = outFeatures;
    const bound = 1 / Math.sqrt(inFeatures);
    this.weight = new Float32Array(inFeatures * outFeatures).map(() => (2 * rng.uniform() - 1) * bound);
    this.bias = new Float32Array(outFeatures).map(() => (2 * rng.uniform() - 1) * bound);
    this.dweight = new Float32Array(this.weight.length);
    this.dbias = new Float32Array(outFeatures);
    this.x = null;
    this.batch = 0;
  }

  /** x: batch × in → batch × out. Keeps x for backward. */
  forward(x, batch) {
    const { in: n, out: m, weight: w, bias } = this;
    const y = new Float32Array(batch * m);
    for (let b = 0; b < batch; b++) {
      const xo = b * n;
      for (let o = 0; o < m; o++) {
        const wo = o * n;
        let s = bias[o];
        for (let i = 0; i < n; i++) s += x[xo + i] * w[wo + i];
        y[b * m + o] = s;
      }
    }
    this.x = x;
    this.batch = batch;
    return y;
  }

  /** Accumulates dW and db; returns dx unless `needInputGrad` is false (the first layer). */
  backward(dy, needInputGrad = true) {
    const { in: n, out: m, weight: w, dweight: dw, dbias: db, x, batch } = this;
    const dx = needInputGrad ? new Float32Array(batch * n) : null;
    for (let b = 0; b < batch; b++) {
      const xo = b * n;
      for (let o = 0; o < m; o++) {
        const g = dy[b * m + o];
        if (g === 0) continue;
        db[o] += g;
        const wo = o * n;
        for (let i = 0; i < n; i++) dw[wo + i] += g * x[xo + i];
        if (dx) for (let i = 0; i < n; i++) dx[xo + i] += g * w[wo + i];
      }
    }
    return dx;
  }

  parameters() { return [this.weight, this.bias]; }
  gradients() { return [this.dweight, this.dbias]; }
  zeroGrad() { this.dweight.fill(0); this.dbias.fill(0); }
}

module.exports = { Linear };
