/** Linear scales and "nice" ticks (steps of 1, 2 or 5 × 10^k) for chart axes. */

export function tickStep(lo: number, hi: number, target: number): number {
  const raw = (hi - lo) / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
}

/** Tick values between lo and hi inclusive, multiples of the step (cleaned of binary noise). */
export function ticks(lo: number, hi: number, target = 8): number[] {
  const step = tickStep(lo, hi, target);
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(clean(k * step));
  return out;
}

/** The domain widened to the enclosing ticks, with a small margin so curves do not touch the frame. */
export function niceDomain(lo: number, hi: number, target = 8): [number, number] {
  if (!(hi > lo)) {
    const c = Number.isFinite(lo) ? lo : 0;
    return [c - 1, c + 1];
  }
  const pad = (hi - lo) * 0.04;
  const step = tickStep(lo - pad, hi + pad, target);
  return [clean(Math.floor((lo - pad) / step) * step), clean(Math.ceil((hi + pad) / step) * step)];
}

function clean(v: number): number {
  const r = Number(v.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** "−2.5" with a true minus sign, no binary noise. */
export function formatTick(v: number): string {
  const s = String(clean(v));
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : s;
}

export interface Scale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  (v: number): number;
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const f = ((v: number) => r0 + (v - d0) * k) as Scale;
  return Object.assign(f, { domain, range });
}
