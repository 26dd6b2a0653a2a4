#!/usr/bin/env node
'use strict';
// npm run demo — a small static server for the interactive page (demo/web/) and the package's
// dist/ (for the browser build), on localhost only. No dependencies, nothing downloaded.
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const WEB = path.join(__dirname, 'web');
const DIST = path.join(ROOT, 'dist');
const BROWSER_BUILD = path.join(DIST, 'browser', 'simd-activations.mjs');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm',
  '.png': 'image/png', '.map': 'application/json',
};

/** The file for a URL path, inside `base` only (no "..", no absolute escapes); undefined if none. */
function resolveIn(base, urlPath) {
  const file = path.normalize(path.join(base, urlPath));
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return resolveIn(base, path.join(urlPath, 'index.html'));
    return file;
  } catch {
    return undefined;
  }
}

function route(urlPath) {
  if (urlPath.startsWith('/dist/')) return resolveIn(DIST, urlPath.slice('/dist'.length));
  return resolveIn(WEB, urlPath);
}

function createServer() {
  return http.createServer((req, res) => {
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      urlPath = undefined;
    }
    const file = urlPath === undefined || req.method !== 'GET' && req.method !== 'HEAD' ? undefined : route(urlPath);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/** Starts the server on 127.0.0.1; resolves to { server, url }. port 0 picks a free port. */
function start(port = 8080) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (require.main === module) {
  const arg = process.argv.indexOf('--port');
  const port = Number(arg > 0 ? process.argv[arg + 1] : process.env.PORT ?? 8080);
  if (!fs.existsSync(BROWSER_BUILD)) {
    process.stderr.write(`${path.relative(ROOT, BROWSER_BUILD)} is missing: run npm run build (npm install does it) first.\n`);
    process.exit(1);
  }
  start(port).then(({ url }) => {
    process.stdout.write(`simd-activations demo: ${url}  (Ctrl+C stops it)\n`);
  }, (e) => {
    process.stderr.write(`cannot listen on port ${port}: ${e.message} (try --port 0)\n`);
    process.exit(1);
  });
}

module.exports = { start, createServer };
