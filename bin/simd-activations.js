#!/usr/bin/env node
'use strict';
// The simd-activations command line. One command so far:
//   simd-activations plot [functions...] [--alpha n] [--theta n] [--beta n] [--threshold n]
//                    [--from n] [--to n] [--points n] [--float32] [--out dir] [--gallery]
// writes one SVG per function (f and f′), or with --gallery one chart of several functions.
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');

const USAGE = `Usage: simd-activations plot [function[:param=value,...]...] [options]

  Writes <out>/<function>.svg with the function and its derivative, computed by the library.
  With --gallery: <out>/gallery.svg, several functions on one chart (default: sigmoid, tanh,
  relu, leakyRelu:alpha=0.1, elu, after seed 004).

Options:
  --alpha n, --theta n, --beta n, --threshold n
                   parameters for every listed function that has them (or per function:
                   leakyRelu:alpha=0.2, softplus:beta=2,threshold=10)
  --from n         left end of the x-range (default -5)
  --to n           right end of the x-range (default 5)
  --points n       samples per curve (default 401)
  --float32        compute on Float32Array (default Float64Array)
  --out dir        output directory (default .), created if missing
  --gallery        one chart with several functions
  -h, --help       this text

Functions: `;

class UsageError extends Error {}

/** A number argument, strictly: "0.2", "-5", "1e-3"; not "", "0x10" or "2abc". */
function toNumber(s, name) {
  const v = Number(s);
  if (typeof s !== 'string' || s.trim() === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim()) || !Number.isFinite(v)) {
    throw new UsageError(`Expected a finite number for ${name} but received ${JSON.stringify(s)}`);
  }
  return v;
}

function parseSpec(arg, known, defaults) {
  const [name, list] = arg.split(':', 2);
  if (!known.includes(name)) {
    throw new UsageError(`Expected a function name (${known.join(', ')}) but received ${JSON.stringify(name)}`);
  }
  const params = {};
  for (const item of list ? list.split(',') : []) {
    const [k, v] = item.split('=');
    if (!(k in defaults(name)) || v === undefined) {
      const names = Object.keys(defaults(name));
      throw new UsageError(`Expected ${names.length ? `one of ${names.map((n) => `${n}=<number>`).join(', ')}` : 'no parameters'} for ${name} but received ${JSON.stringify(item)}`);
    }
    params[k] = toNumber(v, `${name}:${k}`);
  }
  return { name, params };
}

const VALUE_OPTIONS = ['alpha', 'theta', 'beta', 'threshold', 'from', 'to', 'points', 'out'];

/** "--from -3" as "--from=-3": parseArgs takes a leading dash for the next option otherwise. */
function joinNegativeValues(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (VALUE_OPTIONS.includes(argv[i].slice(2)) && argv[i].startsWith('--') && /^-[\d.]/.test(argv[i + 1] ?? '')) {
      out.push(`${argv[i]}=${argv[++i]}`);
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

function plot(argv) {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(argv),
    allowPositionals: true,
    options: {
      alpha: { type: 'string' }, theta: { type: 'string' }, beta: { type: 'string' }, threshold: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, points: { type: 'string' }, out: { type: 'string' },
      float32: { type: 'boolean' }, gallery: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const p = require('../dist/cjs/plot/index.js');
  const known = p.plottableNames();
  if (values.help) {
    process.stdout.write(USAGE + known.join(', ') + '\n');
    return;
  }
  const specs = positionals.length ? positionals.map((a) => parseSpec(a, known, p.parameterDefaults))
    : values.gallery ? p.GALLERY.map((s) => ({ name: s.name, params: { ...s.params } }))
      : null;
  if (!specs) throw new UsageError('Expected at least one function name (or --gallery) but received none');
  for (const key of ['alpha', 'theta', 'beta', 'threshold']) {
    if (values[key] === undefined) continue;
    const v = toNumber(values[key], `--${key}`);
    const takers = specs.filter((s) => key in p.parameterDefaults(s.name));
    if (!takers.length) throw new UsageError(`Expected a function with a ${key} parameter for --${key} but received ${specs.map((s) => s.name).join(', ')}`);
    for (const s of takers) if (!(key in s.params)) s.params[key] = v;
  }
  const opts = {
    from: values.from === undefined ? -5 : toNumber(values.from, '--from'),
    to: values.to === undefined ? 5 : toNumber(values.to, '--to'),
    points: values.points === undefined ? 401 : toNumber(values.points, '--points'),
    type: values.float32 ? 'float32' : 'float64',
  };
  const out = values.out ?? '.';
  fs.mkdirSync(out, { recursive: true });
  const files = values.gallery ? [['gallery.svg', p.plotGallery(specs, opts)]]
    : specs.map((s) => [`${s.name}.svg`, p.plotFunction(s, opts)]);
  for (const [name, svg] of files) {
    const file = path.join(out, name);
    fs.writeFileSync(file, svg);
    process.stdout.write(`wrote ${file}\n`);
  }
}

function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'plot') return plot(rest);
  if (command === undefined || command === '-h' || command === '--help') {
    process.stdout.write(USAGE + '(see the README)\n');
    return;
  }
  throw new UsageError(`Expected a command (plot) but received ${JSON.stringify(command)}`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  // Usage errors, parseArgs' errors and the library's TypeError/RangeError: one line, exit 2.
  if (e instanceof UsageError || e instanceof TypeError || e instanceof RangeError || (e && e.code && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`simd-activations: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
