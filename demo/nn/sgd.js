'use strict';
// Plain SGD (no momentum, no weight decay): p -= lr · g for every parameter of every layer, then
// each layer's constraint if it has one (PReLU's alphaConstraint), then zero the gradients.

function sgdStep(modules, lr) {
  for (const m of modules) {
    const ps = m.parameters();
    const gs = m.gradients();
    for (let k = 0; k < ps.length; k++) {
      const p = ps[k];
      const g = gs[k];
      for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
    }
    if (typeof m.applyConstraint === 'function') m.applyConstraint();
    m.zeroGrad();
  }
}

module.exports = { sgdStep };
