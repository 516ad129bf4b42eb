/**
 * Floats as OTP 25 writes them with `~w` / `float_to_list(F, [short])`: the shortest digits
 * that read back to the same double, laid out either as a plain decimal (`123.5`, `0.001`) or
 * in scientific form (`1.0e-5`, `1.0e3`), whichever is shorter, preferring the decimal on a
 * tie — but only below 2^53, beyond which OTP always uses scientific form. (Rule checked
 * against erl on thousands of floats; see test/vectors/floats.json.)
 */
export function formatFloatShort(v: number): string {
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  if (a === 0) return neg ? '-0.0' : '0.0';
  // toExponential() with no argument yields the shortest round-trip digits, like Ryu.
  const s = a.toExponential();
  const e = s.indexOf('e');
  const digits = s[0] + s.slice(2, e); // "1.2345e-4" -> "12345"
  const exp = Number(s.slice(e + 1));
  let out = `${digits[0]}.${digits.length > 1 ? digits.slice(1) : '0'}e${exp}`;
  if (a < 9007199254740992) {
    let dec: string;
    if (exp < 0) dec = `0.${'0'.repeat(-exp - 1)}${digits}`;
    else if (digits.length <= exp + 1) dec = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
    else dec = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    if (dec.length <= out.length) out = dec;
  }
  return neg ? '-' + out : out;
}
