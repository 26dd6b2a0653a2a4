'use strict';
// One .wasm build instantiated on its own (no facade) with room for x, dy and out of n float32
// elements each after its static data: the kernel scripts' common setup.
const fs = require('fs');

/** { ex, X, DY, OUT, f32, u32 }: the exports and the three arrays' byte addresses in its memory. */
function kernelsOf(file, n) {
  const ex = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}).exports;
  const base = (ex.heap_base() + 63) & ~63;
  const need = base + 3 * n * 4;
  if (need > ex.memory.buffer.byteLength) ex.memory.grow(Math.ceil((need - ex.memory.buffer.byteLength) / 65536));
  return { ex, X: base, DY: base + n * 4, OUT: base + 2 * n * 4, f32: new Float32Array(ex.memory.buffer), u32: new Uint32Array(ex.memory.buffer) };
}

/** x = sin(i)·8 and dy = cos(i) (the timing scripts' data). */
function fillSinCos(k, n) {
  for (let i = 0; i < n; i++) { k.f32[k.X / 4 + i] = Math.sin(i) * 8; k.f32[k.DY / 4 + i] = Math.cos(i); }
  return k;
}

module.exports = { kernelsOf, fillSinCos };
