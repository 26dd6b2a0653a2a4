// softplus (reference: src/reference/softplus.ts): PyTorch's threshold rule, then
// (max(t, 0) + log1p(e^-|t|)) / beta with t = beta·x.
import { exp, log1p } from '../math';
import { abs, add, div, gt, mul, neg, sel, splat } from '../lanes';
import { sigmoid64, sigmoidPrecise } from './sigmoid';

export class Softplus {
  // @ts-ignore: decorator
  @inline f<T>(x: T, beta: f64, threshold: f64): T {
    const t = mul<T>(splat<T>(beta), x);
    const pos = sel<T>(gt<T>(t, splat<T>(0.0)), t, splat<T>(0.0));
    const y = div<T>(add<T>(pos, log1p<T>(exp<T>(neg<T>(abs<T>(t))))), splat<T>(beta));
    return sel<T>(gt<T>(t, splat<T>(threshold)), x, y);
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, beta: f64, threshold: f64): T {
    const t = mul<T>(splat<T>(beta), x);
    return sel<T>(gt<T>(t, splat<T>(threshold)), splat<T>(1.0), sigmoid64<T>(t));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return this.f<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, beta: f64, threshold: f64): T {
    const t = mul<T>(splat<T>(beta), x);
    return sel<T>(gt<T>(t, splat<T>(threshold)), splat<T>(1.0), sigmoidPrecise<T>(t));
  }
}
