'use strict';
// A minimal protocol-buffers encoder: just the wire types an ONNX model needs (varint, 64-bit is
// never needed, length-delimited, 32-bit float). Messages are written as arrays of byte chunks and
// joined once, so nested messages know their length before their parent writes it.

/** Varint bytes of an integer; negatives are int64 two's complement (10 bytes), as protobuf does. */
function varint(n) {
  if (!Number.isSafeInteger(n)) throw new RangeError(`varint needs a safe integer, got ${n}`);
  let v = BigInt.asUintN(64, BigInt(n));
  const bytes = [];
  while (v >= 0x80n) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  return Uint8Array.from(bytes);
}

/** Field key: field number and wire type (0 varint, 2 length-delimited, 5 fixed 32-bit). */
const key = (field, wire) => varint(field * 8 + wire);

class Message {
  constructor() { this.chunks = []; this.length = 0; }
  push(bytes) { this.chunks.push(bytes); this.length += bytes.length; return this; }

  /** An integer field (int32, int64, enum) as a varint. */
  int(field, n) { return this.push(key(field, 0)).push(varint(n)); }
  /** A float field (fixed 32-bit, little endian). */
  float(field, x) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, x, true);
    return this.push(key(field, 5)).push(b);
  }
  bytes(field, data) { return this.push(key(field, 2)).push(varint(data.length)).push(data); }
  string(field, s) { return this.bytes(field, new TextEncoder().encode(s)); }
  message(field, m) { return this.bytes(field, m.finish()); }
  /** Packed repeated float (proto3 default for repeated scalars). */
  packedFloats(field, values) {
    const b = new Uint8Array(4 * values.length);
    const v = new DataView(b.buffer);
    values.forEach((x, i) => v.setFloat32(4 * i, x, true));
    return this.bytes(field, b);
  }
  packedDoubles(field, values) {
    const b = new Uint8Array(8 * values.length);
    const v = new DataView(b.buffer);
    values.forEach((x, i) => v.setFloat64(8 * i, x, true));
    return this.bytes(field, b);
  }

  finish() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) { out.set(c, at); at += c.length; }
    return out;
  }
}

module.exports = { Message, varint };
