/**
 * FLOAT_EXT (tag 99): a float as the text of C's `printf("%.20e")` in a 31-byte field padded
 * with NULs. Emitted by `term_to_binary(F, [{minor_version, 0}])`; still accepted on input.
 */

/** C's `%.20e` for a finite double: exact decimal expansion, rounded half-to-even (glibc). */
export function formatOldFloat(v: number): string {
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  if (a === 0) return (neg ? '-' : '') + '0.' + '0'.repeat(20) + 'e+00';
  // a = m * 2^e2 exactly; then a = d * 10^-k with d an integer.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = hi >>> 20;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    m |= 1n << 52n;
    e2 = bexp - 1075;
  }
  let d: bigint;
  let k: number;
  if (e2 >= 0) {
    d = m << BigInt(e2);
    k = 0;
  } else {
    d = m * 5n ** BigInt(-e2);
    k = -e2;
  }
  const s = d.toString();
  let exp10 = s.length - 1 - k;
  let head: string;
  if (s.length <= 21) head = s.padEnd(21, '0');
  else {
    head = s.slice(0, 21);
    const rest = s.slice(21);
    const half = rest[0] > '5' || (rest[0] === '5' && /[1-9]/.test(rest.slice(1)));
    const tie = rest[0] === '5' && !half;
    if (half || (tie && (Number(head[20]) & 1) === 1)) {
      head = (BigInt(head) + 1n).toString();
      if (head.length > 21) {
        head = head.slice(0, 21);
        exp10++;
      }
    }
  }
  const es = Math.abs(exp10).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${head[0]}.${head.slice(1)}e${exp10 < 0 ? '-' : '+'}${es}`;
}

// What OTP's decoder accepts: sign, digits, point, digits, optional exponent; nothing else.
const OLD_FLOAT = /^[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?$/;

/** Parses the text of a FLOAT_EXT field (up to its first NUL); undefined if malformed or not finite. */
export function parseOldFloat(text: string): number | undefined {
  if (!OLD_FLOAT.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}
