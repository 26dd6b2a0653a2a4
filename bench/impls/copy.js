'use strict';
// The memory-bandwidth limit at each size: a read + write copy between two arrays of the data
// type. TypedArray.prototype.set between same-type arrays is a memcpy inside V8; if the native
// addon exposes a copy of its own, that one is used instead (it is what its kernels compete with).

function nativeCopy(lib) {
  const n = lib.backends && lib.backends.native;
  const candidates = [n && n.copy, lib.native && lib.native.copy];
  return candidates.find((f) => typeof f === 'function');
}

/** A handle whose run copies n elements; bytes moved per element = 2 × element size. */
function copyHandle(lib, T, n) {
  const src = new T(n).fill(1.5);
  const dst = new T(n);
  const copy = nativeCopy(lib);
  return {
    label: copy ? 'native copy' : 'TypedArray.set (memcpy)',
    run: copy ? () => copy(dst, src) : () => dst.set(src),
    bytesPerElement: 2 * T.BYTES_PER_ELEMENT,
  };
}

module.exports = { copyHandle };
