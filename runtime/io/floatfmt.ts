/**
 * `~e`, `~f` and `~g` as OTP 25's io_lib_format writes them. OTP does not format from the
 * double directly: it takes the 21 significant digits of float_to_list/1 (C's "%.20e", i.e.
 * the exact value correctly rounded half-to-even) and then rounds that digit string again,
 * half up on the first dropped digit. Digits beyond the 21st are zeros (`~.30f` of 0.1 ends
 * in zeros, not in the double's exact expansion). We reproduce both steps.
 */
import { formatOldFloat } from '../etf/oldfloat.js';

export class FloatFormatError extends Error {}

/** float_data/1: the 21 digits and the exponent E such that value = 0.DIGITS * 10^E. */
function floatData(v: number): { ds: string; e: number } {
  const text = formatOldFloat(v);
  const k = text.indexOf('e');
  const ds = text.slice(0, k).replace(/[^0-9]/g, '');
  return { ds, e: Number(text.slice(k + 1)) + 1 };
}

const signbit = (v: number) => (v < 0 || Object.is(v, -0) ? '-' : '');

/**
 * float_man/3: `int` digits, a point and `dec` decimals from the digit string, rounded half up
 * on the next digit; `carry` when the rounding overflowed the leading digit (then the result
 * has all zeros).
 */
function floatMan(ds: string, int: number, dec: number): { s: string; carry: boolean } {
  if (ds.length <= int) {
    // Ran out of digits in the integer part: pad, nothing to round.
    return { s: ds + '0'.repeat(int - ds.length) + '.' + '0'.repeat(dec), carry: false };
  }
  const need = int + dec;
  const digits = (ds.length >= need ? ds.slice(0, need) : ds + '0'.repeat(need - ds.length)).split('').map(Number);
  let carry = ds.length > need && ds.charCodeAt(need) >= 0x35;
  for (let i = need - 1; i >= 0 && carry; i--) {
    if (digits[i] === 9) digits[i] = 0;
    else {
      digits[i]++;
      carry = false;
    }
  }
  const all = digits.join('');
  return { s: all.slice(0, int) + '.' + all.slice(int), carry };
}

const floatExp = (e: number) => (e >= 0 ? `e+${e}` : `e${e}`);

/** float_e/3: `p` significant digits in scientific form. */
export function floatE(v: number, p: number): string {
  const { ds, e } = floatData(Math.abs(v));
  const { s, carry } = floatMan(ds, 1, p - 1);
  return signbit(v) + (carry ? '1' + s.slice(1) + floatExp(e) : s + floatExp(e - 1));
}

/** float_f/3: `p` decimals. */
export function floatF(v: number, p: number): string {
  let { ds, e } = floatData(Math.abs(v));
  if (e <= 0) {
    ds = '0'.repeat(-e + 1) + ds;
    e = 1;
  }
  const { s, carry } = floatMan(ds, e, p);
  return signbit(v) + (carry ? '1' + s : s);
}

export type GChoice = { form: 'f' | 'e'; p: number };

/**
 * fwrite_g/5's choice: plain `~f` with p-1-E decimals when 0.1 <= |v| < 10^p (E the decimal
 * exponent), otherwise `~e` with p digits (at least 2).
 */
export function gChoice(v: number, p: number): GChoice {
  const a = Math.abs(v);
  const e =
    a < 0.1 ? -2 : a < 1 ? -1 : a < 10 ? 0 : a < 100 ? 1 : a < 1000 ? 2 : a < 10000 ? 3 : undefined;
  if ((p <= 1 && e === -1) || (e !== undefined && p - 1 > e && e >= -1)) return { form: 'f', p: p - 1 - e! };
  return { form: 'e', p: p <= 1 ? 2 : p };
}
