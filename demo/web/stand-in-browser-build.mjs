// TEMPORARY stand-in for dist/browser/simd-activations.mjs (the browser build made by the wasm
// work), served by demo/serve.js only while that file does not exist. It runs the package's
// CommonJS build (dist/cjs) in the browser with a tiny fetch-based require(), so the page works
// with the same API on the js backend. Delete once the real browser build is in main.
const base = new URL('/dist/cjs/', import.meta.url);
const sources = new Map();

/** Fetches a module and, recursively, every relative require() it contains. */
async function fetchTree(url) {
  if (sources.has(url)) return;
  const res = await fetch(url);
  const text = res.ok ? await res.text() : null;
  sources.set(url, text);
  if (text === null) return;
  const deps = [...text.matchAll(/require\("(\.[^"]+)"\)/g)].map((m) => resolve(m[1], url));
  await Promise.all(deps.map(fetchTree));
}

function resolve(spec, from) {
  const u = new URL(spec, from).href;
  return u.endsWith('.js') ? u : `${u}.js`;
}

const cache = new Map();
function load(url) {
  if (cache.has(url)) return cache.get(url).exports;
  const text = sources.get(url);
  if (text == null) throw new Error(`${url} is not available in the browser`);
  const module = { exports: {} };
  cache.set(url, module);
  const req = (spec) => {
    if (!spec.startsWith('.')) throw new Error(`${spec} is a Node module`);
    return load(resolve(spec, url));
  };
  new Function('exports', 'require', 'module', '__filename', '__dirname', text)(module.exports, req, module, url, new URL('.', url).href);
  return module.exports;
}

const entry = new URL('index.js', base).href;
await fetchTree(entry);
const lib = load(entry);

export const {
  relu, leakyRelu, prelu, thresholdedRelu, elu, selu, softplus, sigmoid, tanh, softmax, logSoftmax, derivative, backward,
  availableBackends, backendStatus, getBackend, setBackend, setVerify, backends, SPEC, FUNCTION_NAMES, layers, wasm,
} = lib;
export const standIn = true;
export async function ready() {}
export default lib;
