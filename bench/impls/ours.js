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
  const w = lib.wasm;
  const bytes = (c.n * (c.dy ? 3 : 2) + (c.alpha ? c.alpha.length : 0) + 64) * c.T.BYTES_PER_ELEMENT;
  if (typeof w.reserve === 'function') w.reserve(bytes); // grow once, so later allocs detach nothing
  const views = [];
  const alloc = (n) => { views.push(w.alloc(c.T, n)); return views.length - 1; };
  const ix = alloc(c.n);
  const idy = c.dy ? alloc(c.n) : -1;
  const iout = alloc(c.n);
  const ida = c.alpha && c.dir === 'backward' ? alloc(c.alpha.length) : -1;
  // An allocation that grew the memory detached the views made before it: take live ones.
  if (typeof w.refresh === 'function') for (let i = 0; i < views.length; i++) views[i] = w.refresh(views[i]);
  if (views.some((v) => v.length === 0 && c.n > 0)) throw new Error('a wasm memory view was detached by a later allocation');
  const [x, dy, out, dalpha] = [ix, idy, iout, ida].map((i) => (i < 0 ? undefined : views[i]));
  x.set(c.x);
  if (dy) dy.set(c.dy);
  return {
    run: callFor(api, c, x, dy, out, dalpha),
    result: () => out,
    dispose() { for (const v of views.reverse()) w.free(v); },
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

/**
 * In-process ISA control, when the library offers it: an object with setIsa(name) and the list of
 * paths this CPU supports (supportedIsas() or isas). Otherwise each path needs its own process.
 */
function isaControl(lib) {
  for (const o of [lib.native, lib.backends.native, lib]) {
    if (!o || typeof o.setIsa !== 'function') continue;
    const list = typeof o.supportedIsas === 'function' ? safe(() => o.supportedIsas())
      : Array.isArray(o.supportedIsas) ? o.supportedIsas : Array.isArray(o.isas) ? o.isas : undefined;
    if (!Array.isArray(list) || list.length === 0) continue;
    const get = () => (typeof o.getIsa === 'function' ? o.getIsa() : nativeIsa(lib));
    return { supported: list.map(String), set: (isa) => o.setIsa(isa), get };
  }
  return undefined;
}

/** The native loader's switch for its small-array routing (an internal hook its tests use), if present. */
function smallArrayRouting() {
  try {
    const m = require('../../dist/cjs/backends/native.js');
    return typeof m.setSmallArrayRouting === 'function' ? (on) => m.setSmallArrayRouting(on) : undefined;
  } catch { return undefined; }
}

/** In-process thread control of the native backend (setThreads/getThreads), if offered. */
function threadControl(lib) {
  for (const o of [lib.native, lib.backends.native, lib]) {
    if (o && typeof o.setThreads === 'function' && typeof o.getThreads === 'function') {
      return { get: () => o.getThreads(), set: (n) => o.setThreads(n) };
    }
  }
  return undefined;
}

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
 * `suffix` names a variant (an ISA path, the scalar wasm build) benched in a child process;
 * `variants` adds the in-process variants (other ISA paths, one thread) when the library offers them.
 */
function ourImpls(lib, { suffix, variants = false } = {}) {
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
      // One thread, when native uses more by default: the like-for-like row next to the peers.
      const threads = threadControl(lib);
      if (variants && threads && safe(threads.get) > 1) {
        impls.push({ id: `native-${isa || 'default'}-1thread`, label: `native ${isa || ''}, 1 thread`.replace('  ', ' '), group: 'ours',
          backend: 'native', variant: 'threads',
          prepare: (c) => {
            const before = threads.get();
            threads.set(1);
            return { ...plainHandle(api, c), dispose() { threads.set(before); } };
          } });
      }
      // The addon itself on small arrays: the native backend hands arrays below its thresholds
      // to wasm or js, so measuring where the addon starts to win needs that routing off.
      const routing = variants ? smallArrayRouting() : undefined;
      if (routing) {
        impls.push({ id: `native-${isa || 'default'}-unrouted`, label: `native ${isa || ''} (no small-array routing)`.replace('  ', ' '),
          group: 'ours', backend: 'native', variant: 'unrouted', maxN: 4096,
          prepare: (c) => { routing(false); return { ...plainHandle(api, c), dispose() { routing(true); } }; } });
      }
      // The other ISA paths, switched in this process around each of their rows.
      const ctl = variants ? isaControl(lib) : undefined;
      for (const other of ctl ? ctl.supported.filter((i) => i !== isa) : []) {
        impls.push({ id: `native-${other}`, label: `native ${other}`, group: 'ours', backend: 'native', variant: 'isa',
          prepare: (c) => {
            const before = ctl.get();
            ctl.set(other);
            const h = plainHandle(api, c);
            return { ...h, dispose() { ctl.set(before); } };
          } });
      }
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

module.exports = { ourImpls, callFor, nativeIsa, wasmFlavour, isaControl, threadControl };
