'use strict';
// Negative log-likelihood on log-probabilities (PyTorch's F.nll_loss after log_softmax, i.e. the
// cross-entropy), averaged over the batch.

/** Returns the mean loss and d(loss)/d(logProbs). */
function nllLoss(logProbs, labels, batch, classes) {
  const grad = new Float32Array(batch * classes);
  let loss = 0;
  for (let b = 0; b < batch; b++) {
    const k = b * classes + labels[b];
    loss -= logProbs[k];
    grad[k] = -1 / batch;
  }
  return { loss: loss / batch, grad };
}

/** Index of the largest value in each row. */
function argmaxRows(v, batch, classes) {
  const out = new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (v[b * classes + c] > v[b * classes + best]) best = c;
    out[b] = best;
  }
  return out;
}

module.exports = { nllLoss, argmaxRows };
