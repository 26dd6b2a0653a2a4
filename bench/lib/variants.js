'use strict';
// Variants that need their own process because the library picks them at load time: each native
// ISA path (SIMD_ACTIVATIONS_ISA) and the scalar wasm build. Each child benches only its backend's
// rows, with the same options, and measures the copy bandwidth again for reference.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { nativeIsa, isaControl, threadControl } = require('../impls/ours');

const ISAS = ['avx512', 'avx2', 'sse2', 'scalar'];

/** Whether the compiled native loader reads SIMD_ACTIVATIONS_THREADS (its thread count at load). */
function nativeThreadsEnv() {
  try {
    const src = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'cjs', 'backends', 'native.js'), 'utf8');
    return src.includes('SIMD_ACTIVATIONS_THREADS') ? 'SIMD_ACTIVATIONS_THREADS' : undefined;
  } catch { return undefined; }
}

/** The env var the wasm backend reads to force its scalar build, found in its compiled loader. */
function wasmScalarEnv() {
  try {
    const src = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'cjs', 'backends', 'wasm.js'), 'utf8');
    const m = src.match(/SIMD_ACTIVATIONS_WASM[A-Z_]*/);
    return m ? m[0] : undefined;
  } catch { return undefined; }
}

function variantsOf(lib, notes) {
  const list = [];
  const backends = lib.availableBackends();
  if (backends.includes('native')) {
    const current = nativeIsa(lib);
    if (isaControl(lib)) { /* every ISA path runs in this process (ours.js) */ } else if (!current) notes.push('native: the addon does not name its ISA path, so no per-ISA rows');
    else {
      for (const isa of ISAS.filter((i) => i !== current)) {
        list.push({ id: `native:${isa}`, backend: 'native', expect: isa, env: { SIMD_ACTIVATIONS_ISA: isa } });
      }
    }
    // Native may use several threads; one row on one thread compares like with like.
    const threads = threadControl(lib);
    if (!threads && nativeThreadsEnv()) {
      list.push({ id: 'native:1thread', backend: 'native', expect: 'native', tag: '1 thread', env: { [nativeThreadsEnv()]: '1' } });
    }
  }
  if (backends.includes('wasm')) {
    const name = wasmScalarEnv();
    if (name) list.push({ id: 'wasm:scalar', backend: 'wasm', expect: 'scalar', env: { [name]: 'scalar' } });
    else notes.push('wasm: no env var for the scalar build was found, so no wasm scalar rows');
  }
  return list;
}

/** Runs one variant in a child process; resolves to { rows, bandwidth } or undefined (noted). */
function runVariants(v, argv, notes) {
  const tmp = path.join(os.tmpdir(), `simd-bench-${process.pid}-${v.id.replace(':', '-')}.json`);
  const args = [path.join(__dirname, '..', 'run.js'), ...stripOwn(argv), '--child', v.id, '--json', tmp];
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { env: { ...process.env, ...v.env }, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        const r = JSON.parse(fs.readFileSync(tmp, 'utf8'));
        fs.unlinkSync(tmp);
        const rows = r.rows.filter((row) => row.impl.includes(v.expect))
          .map((row) => (v.tag ? { ...row, impl: `${row.impl}-${v.tag.replace(/\W+/g, '')}`, label: `${row.label}, ${v.tag}` } : row));
        if (rows.length === 0) throw new Error(`the child did not run the ${v.expect} path (not on this CPU or not built)`);
        notes.push(...r.notes.map((n) => `${v.id}: ${n}`));
        resolve({ rows, bandwidth: r.bandwidth });
      } catch (e) {
        notes.push(`${v.id}: skipped (${e.message})`);
        resolve(undefined);
      }
    });
  });
}

/** The parent's options minus those that only the parent acts on. */
function stripOwn(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json' || argv[i] === '--out') { i++; continue; }
    if (argv[i] === '--browser') continue;
    out.push(argv[i]);
  }
  return [...out, '--no-peers'];
}

module.exports = { variantsOf, runVariants };
