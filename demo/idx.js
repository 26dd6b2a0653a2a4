'use strict';
// Reader for the IDX format of (Fashion-)MNIST (LeCun's description): a magic number of four
// bytes, 0, 0, the element type and the number of dimensions, then each dimension as a big-endian
// uint32, then the data, big-endian, row-major. Gzipped files (magic 1f 8b) are inflated first.
const fs = require('fs');
const zlib = require('zlib');

const TYPES = {
  0x08: { name: 'ubyte', size: 1, Array: Uint8Array, read: (v, o) => v.getUint8(o) },
  0x09: { name: 'byte', size: 1, Array: Int8Array, read: (v, o) => v.getInt8(o) },
  0x0b: { name: 'short', size: 2, Array: Int16Array, read: (v, o) => v.getInt16(o) },
  0x0c: { name: 'int', size: 4, Array: Int32Array, read: (v, o) => v.getInt32(o) },
  0x0d: { name: 'float', size: 4, Array: Float32Array, read: (v, o) => v.getFloat32(o) },
  0x0e: { name: 'double', size: 8, Array: Float64Array, read: (v, o) => v.getFloat64(o) },
};

/** { shape, type, data } from the bytes of an IDX file (gzipped or not). `what` names it in errors. */
function parseIdx(bytes, what = 'IDX data') {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  if (buf.length < 4 || buf[0] !== 0 || buf[1] !== 0) throw new Error(`${what}: not an IDX file (the first two bytes must be 0)`);
  const type = TYPES[buf[2]];
  if (!type) throw new Error(`${what}: unknown IDX element type 0x${buf[2].toString(16)}`);
  const rank = buf[3];
  const header = 4 + 4 * rank;
  if (buf.length < header) throw new Error(`${what}: truncated header`);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shape = [];
  for (let k = 0; k < rank; k++) shape.push(view.getUint32(4 + 4 * k));
  const count = shape.reduce((p, d) => p * d, 1);
  const expected = header + count * type.size;
  if (buf.length !== expected) throw new Error(`${what}: ${buf.length} bytes, expected ${expected} for shape [${shape.join(', ')}] of ${type.name}`);
  let data;
  if (type.size === 1) {
    data = new type.Array(count);
    data.set(type.name === 'ubyte' ? buf.subarray(header) : new Int8Array(buf.buffer, buf.byteOffset + header, count));
  } else {
    data = new type.Array(count);
    for (let i = 0; i < count; i++) data[i] = type.read(view, header + i * type.size);
  }
  return { shape, type: type.name, data };
}

function readIdx(file) {
  return parseIdx(fs.readFileSync(file), file);
}

/** The bytes of an IDX file (for tests and tools): type name, shape, values. */
function encodeIdx(typeName, shape, values) {
  const code = Number(Object.keys(TYPES).find((k) => TYPES[k].name === typeName));
  const type = TYPES[code];
  const header = 4 + 4 * shape.length;
  const buf = Buffer.alloc(header + values.length * type.size);
  buf[2] = code;
  buf[3] = shape.length;
  shape.forEach((d, k) => buf.writeUInt32BE(d, 4 + 4 * k));
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const write = { ubyte: 'setUint8', byte: 'setInt8', short: 'setInt16', int: 'setInt32', float: 'setFloat32', double: 'setFloat64' }[typeName];
  for (let i = 0; i < values.length; i++) view[write](header + i * type.size, values[i]);
  return buf;
}

module.exports = { parseIdx, readIdx, encodeIdx };
