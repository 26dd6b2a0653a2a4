'use strict';
// The install hook: builds the native addon (build/Release/simd_activations.node) with node-gyp
// from the kernel list of the spec. A failed build never fails `npm install`: the library then
// runs on wasm or js, and backendStatus() shows the reason written to build/native-build-error.txt.
// SIMD_ACTIVATIONS_SKIP_NATIVE=1 skips the build. With --if-stale (run by `npm run build`) it only
// recompiles an addon that exists and is older than its sources (node-gyp build, incremental), so
// `npm test` never runs the tests against a stale addon.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const errorFile = path.join(root, 'build', 'native-build-error.txt');

function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch { /* not installed locally */ }
  return candidates.find((c) => c && fs.existsSync(c));
}

/** Node's own headers, so node-gyp needs no download (nothing is fetched at install time). */
function nodedirArgs() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = path.dirname(path.dirname(process.execPath));
  return fs.existsSync(path.join(prefix, 'include/node/node_api.h')) ? [`--nodedir=${prefix}`] : [];
}

function record(reason) {
  fs.mkdirSync(path.dirname(errorFile), { recursive: true });
  fs.writeFileSync(errorFile, reason);
  console.warn(`simd-activations: the native addon was not built (${reason.split('\n')[0]}); the library will use wasm or js.`);
}

/** The newest modification time among binding.gyp and native/ (generated files excepted). */
function newestSource() {
  let newest = fs.statSync(path.join(root, 'binding.gyp')).mtimeMs;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'generated') walk(p); } else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'native'));
  return Math.max(newest, fs.statSync(path.join(root, 'src/spec.ts')).mtimeMs);
}

function rebuildIfStale() {
  const addon = path.join(root, 'build', 'Release', 'simd_activations.node');
  if (!fs.existsSync(addon) || !fs.existsSync(path.join(root, 'build', 'Makefile'))) return;
  if (newestSource() <= fs.statSync(addon).mtimeMs) return;
  console.log('simd-activations: native sources changed, rebuilding the addon (node-gyp build)');
  require('./gen-native-spec.js').main();
  const r = spawnSync(process.execPath, [nodeGyp(), 'build', '-j', '2'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.warn('simd-activations: the incremental native build failed; run npm run build:native');
}

function main() {
  if (process.argv.includes('--if-stale')) {
    rebuildIfStale();
    return;
  }
  if (process.env.SIMD_ACTIVATIONS_SKIP_NATIVE === '1') {
    record('SIMD_ACTIVATIONS_SKIP_NATIVE=1 was set during npm install');
    return;
  }
  try {
    require('./gen-native-spec.js').main();
  } catch (e) {
    record(`the kernel list could not be generated from the spec: ${e.message}`);
    return;
  }
  const gyp = nodeGyp();
  if (!gyp) {
    record('node-gyp was not found');
    return;
  }
  const args = [gyp, 'rebuild', '-j', '2', ...nodedirArgs()];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout || '');
  process.stderr.write(r.stderr || '');
  if (r.status !== 0) {
    const lines = String(r.stderr || r.error || '').split('\n').filter((l) => /error/i.test(l)).slice(0, 5);
    record(`node-gyp rebuild failed (exit ${r.status}): ${lines.join(' | ') || 'no error line'} (see the npm install log)`);
    return;
  }
  if (fs.existsSync(errorFile)) fs.unlinkSync(errorFile);
}

main();
