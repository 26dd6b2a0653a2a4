'use strict';
// The hand-written Math.* loops (bench/naive.js, bench/naive-backward.js) as benchmark rows.
const forward = require('../naive');
const backward = require('../naive-backward');

function prepare(c) {
  const out = new c.T(c.n);
  const name = c.name;
  if (c.dir === 'forward') {
    const f = forward[name];
    if (!f) return { skip: 'no hand-written loop for this function' };
    if (c.spec.kind === 'prelu') return { run: () => f(c.x, out, c.alpha, c.cols), result: () => out, dispose() {} };
    if (c.spec.kind === 'rowwise') return { run: () => f(c.x, out, c.cols), result: () => out, dispose() {} };
    return { run: () => f(c.x, out), result: () => out, dispose() {} };
  }
  const b = backward[name];
  if (!b) return { skip: 'no hand-written loop for this function' };
  if (c.spec.kind === 'prelu') {
    const dalpha = new c.T(c.cols);
    return { run: () => b(c.x, c.dy, out, c.alpha, c.cols, dalpha), result: () => out, dispose() {} };
  }
  if (c.spec.kind === 'rowwise') return { run: () => b(c.x, c.dy, out, c.cols), result: () => out, dispose() {} };
  return { run: () => b(c.x, c.dy, out), result: () => out, dispose() {} };
}

const naiveImpls = () => [{ id: 'naive', label: 'hand-written Math.* loop', group: 'baseline', prepare }];

module.exports = { naiveImpls };
