// Compiled by `npm test` (tsc --noEmit) against the built declarations: the public types accept
// what the README shows and reject misuse (each @ts-expect-error must be an error).
import { async, backward, derivative, leakyRelu, prelu, sigmoid, softmax, setBackend, backends } from '../dist/cjs/index';

const x32 = new Float32Array(8);
const a: Float32Array = sigmoid(x32);
const b: Float64Array = sigmoid([1, 2, 3]);
const c: Float32Array = leakyRelu(x32, { alpha: 0.2, out: x32 });
const d: Float32Array = softmax(x32, { shape: [2, 4], axis: -1 });
const e: Float32Array = derivative.sigmoid(x32);
const g = backward.prelu(x32, new Float32Array(2), x32, { shape: [4, 2] });
const dx: Float32Array = g.dx;
const dalpha: Float32Array = g.dalpha;
const h: number = backward.prelu(x32, 0.25, x32).dalpha;
const i: Float32Array = prelu(x32, 0.25);
const j: Float32Array = backends.js.tanh(x32);
setBackend('js');
// The per-call threads option, on every kind of function and async.
const t1: Float32Array = sigmoid(x32, { threads: 2 });
const t2: Float32Array = backward.prelu(x32, [0.1], x32, { threads: 1 }).dx;
const t3: Promise<Float32Array> = async.softmax(x32, { threads: 2, shape: [2, 2] });
// @ts-expect-error threads is a number
sigmoid(x32, { threads: '2' });
// @ts-expect-error unknown backend name
setBackend('gpu');
// @ts-expect-error misspelt option
leakyRelu(x32, { alhpa: 0.2 });
// @ts-expect-error softmax has no elementwise derivative
derivative.softmax(x32);
// @ts-expect-error a Float64Array result is not a Float32Array
const k: Float32Array = sigmoid(new Float64Array(2));
export { a, b, c, d, e, dx, dalpha, h, i, j, k, t1, t2, t3 };
