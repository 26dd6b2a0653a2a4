'use strict';
// Our library's rows, all through the public API (validation included), with a preallocated out:
// the facade as users get it (auto routing), then each loaded backend pinned with lib.backends.<b>.
// The wasm backend gets two rows when the library can allocate in wasm memory: arrays living there
// (no copies) and ordinary arrays (copied in and out by the backend).

/** The call a user writes for this case, on one API object. */
function callFor(api, c, x, dy, out, dalpha) {
  const { spec } = c;
  if (spec.kind === 'prelu') {
    const opts = { shape: c.shape, out };
    if (c.dir === 'forward') return () => api.prelu(x, c.alpha, opts);
    const bopts = { shape: c.shape, out, dalphaOut: dalpha };
    return () => api.backward.prelu(x, c.alpha, dy, bopts);
  }
  if (spec.kind === 'rowwise') {
    const opts = { shape: c.shape, out };
    return c.dir === 'forward' ? () => api[spec.name](x, opts) : () => api.backward[spec.name](x, dy, opts);
  }
  return c.dir === 'forward' ? () => api[spec.name](x, { out }) : () => api.backward[spec.name](x, dy, { out });
}

/** Plain arrays: the user's own Float32Array/Float64Array. */
function plainHandle(api, c) {
  const out = new c.T(c.n);
  const dalpha = c.alpha ? new c.T(c.alpha.length) : undefined;
  return { run: callFor(api, c, c.x, c.dy, out, dalpha), result: () => out, dispose() {} };
}

/** Arrays allocated in wasm memory by lib.wasm.alloc (the zero-copy path), freed after the row. */
function wasmMemoryHandle(lib, api, c) {
  const views = [];
  const alloc = (n) => { const v = lib.wasm.alloc(c.T, n); views.push(v); return v; };
  const x = alloc(c.n);
  const dy = c.dy ? alloc(c.n) : undefined;
  const out = alloc(c.n);
  const dalpha = c.alpha && c.dir === 'backward' ? alloc(c.alpha.length) : undefined;
  // Copy after every allocation: a later alloc may grow the memory and replace the buffer.
  const live = () => views.every((v) => v.length > 0 || c.n === 0);
  x.set(c.x);
  if (dy) dy.set(c.dy);
  if (!live()) throw new Error('a wasm view was detached by a later allocation');
  return {
    run: callFor(api, c, x, dy, out, dalpha),
    result: () => out,
    dispose() { for (const v of views.reverse()) lib.wasm.free(v); },
  };
}

/** The ISA path the native backend runs, if the addon says (several spellings are accepted). */
function nativeIsa(lib) {
  const candidates = [lib.backends.native, lib.native, lib];
  for (const o of candidates) {
    if (!o) continue;
    for (const k of ['isa', 'nativeIsa', 'simd']) {
      const v = typeof o[k] === 'function' ? safe(() => o[k]()) : o[k];
      if (typeof v === 'string' && v) return v;
    }
  }
  return undefined;
}
function safe(f) { try { return f(); } catch { return undefined; } }

/** A label for a wasm build when the library names it (simd or scalar). */
function wasmFlavour(lib) {
  const candidates = [lib.wasm, lib.backends.wasm];
  for (const o of candidates) {
    if (!o) continue;
    for (const k of ['flavour', 'flavor', 'build', 'variant', 'isa', 'simd']) {
      const v = o[k];
      if (typeof v === 'string' && v) return v;
      if (k === 'simd' && typeof v === 'boolean') return v ? 'simd' : 'scalar';
    }
  }
  return 'simd';
}

/**
 * Our implementations: [{ id, label, group: 'ours', backend, prepare(c) }].
 * `suffix` names a variant (an ISA path, the scalar wasm build) benched in a child process.
 */
function ourImpls(lib, { suffix } = {}) {
  const impls = [];
  const backends = lib.availableBackends();
  impls.push({ id: 'auto', label: `auto (facade → ${lib.getBackend()})`, group: 'ours', backend: 'auto',
    prepare: (c) => plainHandle(lib, c) });
  for (const b of backends) {
    const api = lib.backends[b];
    if (!api) continue;
    if (b === 'native') {
      const isa = suffix || nativeIsa(lib);
      impls.push({ id: isa ? `native-${isa}` : 'native', label: isa ? `native ${isa}` : 'native', group: 'ours', backend: 'native',
        prepare: (c) => plainHandle(api, c) });
    } else if (b === 'wasm') {
      const flavour = suffix || wasmFlavour(lib);
      if (lib.wasm && typeof lib.wasm.alloc === 'function' && typeof lib.wasm.free === 'function') {
        impls.push({ id: `wasm-${flavour}-mem`, label: `wasm ${flavour} (data in wasm memory)`, group: 'ours', backend: 'wasm',
          prepare: (c) => wasmMemoryHandle(lib, api, c) });
      }
      impls.push({ id: `wasm-${flavour}-copy`, label: `wasm ${flavour} (copied in and out)`, group: 'ours', backend: 'wasm',
        prepare: (c) => plainHandle(api, c) });
    } else {
      impls.push({ id: b, label: b === 'js' ? 'js reference' : b, group: 'ours', backend: b, prepare: (c) => plainHandle(api, c) });
    }
  }
  return impls;
}

module.exports = { ourImpls, callFor, nativeIsa, wasmFlavour };
