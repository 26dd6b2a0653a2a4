/**
 * The canonical summation order of src/reference/sum.ts: terms in index order, blocks of 4096,
 * term j of a block into lane j mod 16 of sixteen binary64 partial sums starting at +0, lanes
 * folded in halves (l[i] += l[i+8], += l[i+4], += l[i+2], then l[0] + l[1]), block sums added
 * left to right. In the SIMD build vector k holds lanes 2k and 2k+1, so the halving folds are
 * vector adds. A partial group at the end of a block is padded with +0, which changes nothing:
 * a lane that starts at +0 and only receives additions is never -0, and v + 0 = v otherwise.
 */
export const SUM_BLOCK: i32 = 4096;

/** 16 binary64 lanes: the padded last group (SIMD) or the lane array itself (scalar). */
const LANES: usize = memory.data(128, 16);

function blockSum(p: usize, len: i32): f64 {
  const full = <usize>(len & ~15) << 3;
  const rest = <usize>(len & 15) << 3;
  if (ASC_FEATURE_SIMD) {
    const z = f64x2.splat(0);
    let a0 = z, a1 = z, a2 = z, a3 = z, a4 = z, a5 = z, a6 = z, a7 = z;
    for (let o: usize = 0; o < full; o += 128) {
      const q = p + o;
      a0 = f64x2.add(a0, v128.load(q)); a1 = f64x2.add(a1, v128.load(q, 16));
      a2 = f64x2.add(a2, v128.load(q, 32)); a3 = f64x2.add(a3, v128.load(q, 48));
      a4 = f64x2.add(a4, v128.load(q, 64)); a5 = f64x2.add(a5, v128.load(q, 80));
      a6 = f64x2.add(a6, v128.load(q, 96)); a7 = f64x2.add(a7, v128.load(q, 112));
    }
    if (rest) {
      memory.fill(LANES, 0, 128);
      memory.copy(LANES, p + full, rest);
      a0 = f64x2.add(a0, v128.load(LANES)); a1 = f64x2.add(a1, v128.load(LANES, 16));
      a2 = f64x2.add(a2, v128.load(LANES, 32)); a3 = f64x2.add(a3, v128.load(LANES, 48));
      a4 = f64x2.add(a4, v128.load(LANES, 64)); a5 = f64x2.add(a5, v128.load(LANES, 80));
      a6 = f64x2.add(a6, v128.load(LANES, 96)); a7 = f64x2.add(a7, v128.load(LANES, 112));
    }
    a0 = f64x2.add(a0, a4); a1 = f64x2.add(a1, a5); a2 = f64x2.add(a2, a6); a3 = f64x2.add(a3, a7);
    a0 = f64x2.add(a0, a2); a1 = f64x2.add(a1, a3);
    a0 = f64x2.add(a0, a1);
    return f64x2.extract_lane(a0, 0) + f64x2.extract_lane(a0, 1);
  } else {
    memory.fill(LANES, 0, 128);
    const end = full + rest;
    for (let o: usize = 0; o < end; o += 8) {
      const l = LANES + (o & 127);
      store<f64>(l, load<f64>(l) + load<f64>(p + o));
    }
    for (let half: usize = 64; half >= 8; half >>= 1) {
      for (let i: usize = 0; i < half; i += 8) store<f64>(LANES + i, load<f64>(LANES + i) + load<f64>(LANES + i + half));
    }
    return load<f64>(LANES);
  }
}

/**
 * Continues a canonical sum over the terms p[0..len) (binary64). `first`: these terms start the
 * sum (the first block's sum is the total, not total + it; an empty sum is +0). Otherwise `total`
 * is the sum so far and p starts at a block boundary. len is a multiple of 4096 except at the end.
 */
export function sumBlocks(p: usize, len: i32, total: f64, first: bool): f64 {
  if (first && len == 0) return blockSum(p, 0);
  for (let start = 0; start < len; start += SUM_BLOCK) {
    const b = blockSum(p + (<usize>start << 3), min(SUM_BLOCK, len - start));
    total = first && start == 0 ? b : total + b;
  }
  return total;
}
