/**
 * Every error the library throws reads "Expected <what> for <parameter> but received <what>":
 * TypeError for a wrong type, RangeError for a wrong value.
 */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'bigint') return `bigint ${v}n`;
  if (typeof v !== 'object' && typeof v !== 'function') return typeof v;
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name;
    return 'length' in v ? `${name} of length ${(v as unknown as { length: number }).length}` : name;
  }
  if (Array.isArray(v)) return 'Array';
  const ctor = (v as object).constructor;
  return ctor && ctor !== Object ? ctor.name : 'object';
}

export function typeError(param: string, expected: string, received: unknown): TypeError {
  return new TypeError(`Expected ${expected} for ${param} but received ${describe(received)}`);
}

/** `received` is already worded (e.g. "[2,3] (12 elements)"). */
export function rangeError(param: string, expected: string, received: string): RangeError {
  return new RangeError(`Expected ${expected} for ${param} but received ${received}`);
}
