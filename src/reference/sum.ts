/**
 * The canonical summation order, shared by softmax's Σe, the backward dot products and prelu's
 * dalpha. Fixing it here makes those sums bit-identical across backends, vector widths and
 * thread counts:
 *  - terms are taken in index order j = 0, 1, ..., n-1 and grouped in blocks of 4096;
 *  - inside a block, term j is added to lane (j mod 16) of 16 binary64 partial sums starting at +0;
 *  - the 16 lanes are folded in halves: l[i] += l[i+8], then l[i] += l[i+4], l[i] += l[i+2],
 *    and l[0] + l[1] is the block's sum (the natural order of a SIMD horizontal reduction);
 *  - block sums are added left to right (threads may compute blocks in parallel).
 */
export const SUM_LANES = 16;
export const SUM_BLOCK = 4096;

/** One or more independent canonical sums (prelu's dalpha has one per alpha element). */
export class CanonicalSum {
  private readonly lanes: Float64Array;
  private readonly counts: Float64Array;
  private readonly totals: Float64Array;

  constructor(readonly slots = 1) {
    this.lanes = new Float64Array(slots * SUM_LANES);
    this.counts = new Float64Array(slots);
    this.totals = new Float64Array(slots);
  }

  reset(): void {
    this.lanes.fill(0);
    this.counts.fill(0);
    this.totals.fill(0);
  }

  add(term: number, slot = 0): void {
    const c = this.counts[slot];
    this.lanes[slot * SUM_LANES + (c % SUM_LANES)] += term;
    this.counts[slot] = c + 1;
    if ((c + 1) % SUM_BLOCK === 0) this.closeBlock(slot);
  }

  result(slot = 0): number {
    const c = this.counts[slot];
    if (c === 0 || c % SUM_BLOCK !== 0) this.closeBlock(slot);
    return this.totals[slot];
  }

  private closeBlock(slot: number): void {
    const l = this.lanes;
    const b = slot * SUM_LANES;
    for (let half = SUM_LANES / 2; half >= 1; half >>= 1) {
      for (let i = 0; i < half; i++) l[b + i] += l[b + i + half];
    }
    this.totals[slot] = this.counts[slot] <= SUM_BLOCK ? l[b] : this.totals[slot] + l[b];
    l.fill(0, b, b + SUM_LANES);
  }
}

const lanes = new Float64Array(SUM_LANES);

/** The canonical sum of terms[0..n), for terms already in a contiguous array (the fast path). */
export function sumCanonical(terms: Float64Array, n: number): number {
  let total = 0;
  for (let start = 0; start < n || start === 0; start += SUM_BLOCK) {
    lanes.fill(0);
    const end = Math.min(n, start + SUM_BLOCK);
    let j = start;
    for (; j + SUM_LANES <= end; j += SUM_LANES) {
      for (let l = 0; l < SUM_LANES; l++) lanes[l] += terms[j + l];
    }
    for (let l = 0; j < end; j++, l++) lanes[l] += terms[j];
    for (let half = SUM_LANES / 2; half >= 1; half >>= 1) {
      for (let i = 0; i < half; i++) lanes[i] += lanes[i + half];
    }
    total = start === 0 ? lanes[0] : total + lanes[0];
  }
  return total;
}
