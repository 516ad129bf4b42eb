/**
 * Number BIFs: the arithmetic and comparison operators as functions (`erlang:'+'/2`...),
 * integer/float conversions to and from text, boolean operators, max/min, and the `math`
 * module. Behaviour checked against erl (OTP 25) by test/vectors/numbers.json
 * (scripts/gen-number-vectors.mjs); the less obvious findings:
 *
 * - float_to_list(F, [{decimals, D}]) for D =< 18 and |F| < 2^53 rounds like ERTS's fast
 *   path: the integer part exactly, and the fraction as the double product frac * 10^D rounded
 *   half up (so 0.125 with 2 decimals is "0.13", and digits past ~17 significant ones are those
 *   of the double product). Otherwise it is the exact value rounded half to even (C's "%.*f").
 *   Output longer than 255 characters is badarg (e.g. 1.0e300 with 3 decimals).
 * - list_to_integer takes the low byte of each character (so [16#131] is 1), except for the
 *   sign.
 * - {scientific, N} is C's "%.*e" (exact value, half to even); a negative N means 6.
 *   The last of decimals/scientific/short wins; compact only affects decimals.
 * - list_to_float accepts `,` for the point and ignores everything after a NUL character.
 * - math functions raise badarg for a non-number and badarith for an integer too large for a
 *   double or a result that is not finite (log(0), sqrt(-1), exp(1000)...).
 */
import { badarg, badarith, raiseError } from '../exception.js';
import * as A from '../term/arith.js';
import { bigToDouble, bitLength, MAX_INTEGER_BITS, normBig } from '../term/arith.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { BitString, binary } from '../term/binary.js';
import { compare } from '../term/compare.js';
import { ErlFloat } from '../term/float.js';
import { formatFloatShort } from '../term/floatformat.js';
import { Cons, NIL } from '../term/list.js';
import type { ErlInteger, Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const bool = (b: boolean): Atom => (b ? TRUE : FALSE);

// ---------------------------------------------------------------------------------------------
// Text helpers: charlists and binaries of (ASCII) strings.

function strList(s: string): Term {
  let l: Term = NIL;
  for (let i = s.length - 1; i >= 0; i--) l = new Cons(s.charCodeAt(i), l);
  return l;
}

function strBin(s: string): BitString {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return binary(b);
}

/**
 * The text list_to_integer reads from a list: ERTS takes the low byte of each element (any
 * integer it holds as a small, |c| < 2^59), except that a leading sign must be exactly `+`/`-`.
 */
function listIntegerText(l: Term): string | undefined {
  let s = '';
  for (; l instanceof Cons; l = l.tail) {
    const c = l.head;
    let b: number;
    if (typeof c === 'number') b = c & 0xff;
    else if (typeof c === 'bigint' && c >= -(2n ** 59n) && c < 2n ** 59n) b = Number(c & 0xffn);
    else return undefined;
    if ((b === 0x2b || b === 0x2d) && (s !== '' || b !== c)) b = 0x21; // not a sign: an invalid digit
    s += String.fromCharCode(b);
  }
  return l === NIL ? s : undefined;
}

/** A proper list of characters 0..255 as a string; undefined otherwise. */
function listLatin1(l: Term): string | undefined {
  let s = '';
  while (l instanceof Cons) {
    const c = l.head;
    if (typeof c !== 'number' || c < 0 || c > 255) return undefined;
    s += String.fromCharCode(c);
    l = l.tail;
  }
  return l === NIL ? s : undefined;
}

/** The bytes of a binary (not a bitstring) as a latin1 string; undefined otherwise. */
function binLatin1(b: Term): string | undefined {
  if (!(b instanceof BitString) || (b.bitSize & 7) !== 0) return undefined;
  let s = '';
  const bytes = b.bytes;
  const n = b.bitSize >>> 3;
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(n, i + 8192)));
  return s;
}

// ---------------------------------------------------------------------------------------------
// Integers to and from text.

function base(b: Term, args: Term[]): number {
  if (typeof b !== 'number' || b < 2 || b > 36) badarg(args);
  return b;
}

function integerText(i: Term, b: number, args: Term[]): string {
  if (typeof i === 'number' || typeof i === 'bigint') return i.toString(b).toUpperCase();
  return badarg(args);
}

const DIGIT_RE: RegExp[] = [];
function digitRe(b: number): RegExp {
  let re = DIGIT_RE[b];
  if (re === undefined) {
    const cls = b <= 10 ? `0-${b - 1}` : `0-9a-${String.fromCharCode(0x60 + b - 10)}A-${String.fromCharCode(0x40 + b - 10)}`;
    re = DIGIT_RE[b] = new RegExp(`^[+-]?[${cls}]+$`);
  }
  return re;
}

/** Parses `[+-]digits` in base b; undefined if malformed. */
export function parseInteger(s: string, b: number, args: Term[]): ErlInteger | undefined {
  if (!digitRe(b).test(s)) return undefined;
  const neg = s[0] === '-';
  const digits = s[0] === '-' || s[0] === '+' ? s.slice(1) : s;
  if (digits.length <= 10) {
    const v = parseInt(digits, b);
    return neg ? 0 - v : v;
  }
  let v: bigint;
  if (b === 10) v = BigInt(digits);
  else if (b === 16) v = BigInt('0x' + digits);
  else if (b === 8) v = BigInt('0o' + digits);
  else if (b === 2) v = BigInt('0b' + digits);
  else {
    // Chunks of 10 digits: base^10 < 2^53 for every base up to 36.
    const chunk = BigInt(b) ** 10n;
    const head = digits.length % 10 || 10;
    v = BigInt(parseInt(digits.slice(0, head), b));
    for (let i = head; i < digits.length; i += 10) v = v * chunk + BigInt(parseInt(digits.slice(i, i + 10), b));
  }
  if (neg) v = -v;
  if (digits.length > MAX_INTEGER_BITS / 5 && bitLength(v) > MAX_INTEGER_BITS) raiseError(atom('system_limit'), args);
  return normBig(v);
}

function textToInteger(s: string | undefined, b: number, args: Term[]): ErlInteger {
  const v = s === undefined ? undefined : parseInteger(s, b, args);
  if (v === undefined) badarg(args);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Floats to text.

/** The exact value of a finite |v| as n / 10^k (n a bigint, k >= 0). */
function exactDecimal(a: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0) & 0x7fffffff;
  const lo = view.getUint32(4);
  const bexp = hi >>> 20;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    m |= 1n << 52n;
    e2 = bexp - 1075;
  }
  if (e2 >= 0) return [m << BigInt(e2), 0];
  return [m * 5n ** BigInt(-e2), -e2];
}

/** n / 10^drop rounded half to even. */
function roundDiv10(n: bigint, drop: number): bigint {
  if (drop <= 0) return n * 10n ** BigInt(-drop);
  const d = 10n ** BigInt(drop);
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q++;
  return q;
}

const signOf = (v: number): string => (v < 0 || Object.is(v, -0) ? '-' : '');

/** C's "%.*e" (glibc: exact value, half to even; at least two exponent digits). */
export function formatScientific(v: number, prec: number): string {
  const sign = signOf(v);
  const a = Math.abs(v);
  let digits: string;
  let exp10 = 0;
  if (a === 0) digits = '0'.repeat(prec + 1);
  else {
    const [n, k] = exactDecimal(a);
    const len = n.toString().length;
    exp10 = len - 1 - k;
    let q = roundDiv10(n, len - (prec + 1));
    digits = q.toString();
    if (digits.length > prec + 1) {
      // Rounded up to a power of ten.
      q /= 10n;
      digits = q.toString();
      exp10++;
    }
  }
  const es = Math.abs(exp10).toString().padStart(2, '0');
  return `${sign}${digits[0]}${prec > 0 ? '.' + digits.slice(1) : ''}e${exp10 < 0 ? '-' : '+'}${es}`;
}

const POW10: number[] = Array.from({ length: 19 }, (_, i) => Number(`1e${i}`));

/**
 * float_to_list(F, [{decimals, D} | compact?]). For D =< 18 and |F| < 2^53 ERTS takes a fast
 * path: the integer part exactly, and the fraction as the double product frac * 10^D rounded
 * half up. Otherwise it is C's "%.*f" (the exact value rounded half to even), and there
 * `compact` with D = 0 strips the trailing zeros of the integer itself (1.0e20 -> "1").
 */
export function formatDecimals(v: number, d: number, compact: boolean): string {
  const sign = signOf(v);
  const a = Math.abs(v);
  let ip: string;
  let frac = '';
  const fast = d <= 18 && a < 9007199254740992;
  if (fast) {
    let i = Math.trunc(a);
    const p = POW10[d];
    const pr = (a - i) * p;
    let f = Math.floor(pr);
    if (pr - f >= 0.5) f++;
    if (f >= p) {
      f -= p;
      i += 1;
    }
    ip = String(i);
    if (d > 0) frac = (f <= Number.MAX_SAFE_INTEGER ? String(f) : BigInt(f).toString()).padStart(d, '0');
  } else {
    const [n, k] = exactDecimal(a);
    const s = roundDiv10(n, k - d).toString().padStart(d + 1, '0');
    ip = s.slice(0, s.length - d);
    frac = s.slice(s.length - d);
  }
  if (compact) {
    if (d > 0) frac = frac.replace(/(?<=.)0+$/, '');
    else if (!fast) ip = ip.replace(/0+$/, '');
  }
  return d > 0 ? `${sign}${ip}.${frac}` : sign + ip;
}

const DECIMALS = atom('decimals');
const SCIENTIFIC = atom('scientific');
const COMPACT = atom('compact');
const SHORT = atom('short');

/** float_to_list/2 and float_to_binary/2 text; badarg for bad options or output over 255. */
export function floatToText(f: Term, opts: Term, args: Term[]): string {
  if (!(f instanceof ErlFloat)) badarg(args);
  let mode: 'sci' | 'dec' | 'short' = 'sci';
  let prec = 20;
  let compact = false;
  let l = opts;
  for (; l instanceof Cons; l = l.tail) {
    const o = l.head;
    if (o === COMPACT) compact = true;
    else if (o === SHORT) mode = 'short';
    else if (Array.isArray(o) && o.length === 2 && typeof o[1] === 'number') {
      const n = o[1];
      if (o[0] === DECIMALS && n >= 0 && n <= 253) {
        mode = 'dec';
        prec = n;
      } else if (o[0] === SCIENTIFIC && n <= 249) {
        mode = 'sci';
        prec = n < 0 ? 6 : n;
      } else badarg(args);
    } else badarg(args);
  }
  if (l !== NIL) badarg(args);
  const v = f.value;
  if (mode === 'short') return formatFloatShort(v);
  // The length limit applies to the text before `compact` (ERTS formats into a 256-byte buffer).
  const full = mode === 'sci' ? formatScientific(v, prec) : formatDecimals(v, prec, false);
  if (full.length > 255) badarg(args);
  return mode === 'dec' && compact ? formatDecimals(v, prec, true) : full;
}

// ---------------------------------------------------------------------------------------------
// Text to floats: [+-]digits(.|,)digits[(e|E)[+-]digits], up to an optional NUL.

const FLOAT_RE = /^[+-]?[0-9]+[.,][0-9]+(?:[eE][+-]?[0-9]+)?$/;

export function textToFloat(s: string | undefined, args: Term[]): ErlFloat {
  if (s === undefined) badarg(args);
  const nul = s.indexOf('\0');
  if (nul >= 0) s = s.slice(0, nul);
  if (!FLOAT_RE.test(s)) badarg(args);
  const v = Number(s.replace(',', '.'));
  if (!Number.isFinite(v)) badarg(args);
  return new ErlFloat(v);
}

// ---------------------------------------------------------------------------------------------
// Booleans.

function isBool(t: Term): boolean {
  return t === TRUE || t === FALSE;
}

function boolOp(a: Term, b: Term, op: (x: boolean, y: boolean) => boolean): Atom {
  if (!isBool(a) || !isBool(b)) badarg([a, b]);
  return bool(op(a === TRUE, b === TRUE));
}

defineBifs('erlang', {
  '+/2': A.add,
  '-/2': A.sub,
  '*/2': A.mul,
  '//2': A.fdiv,
  'div/2': A.div,
  'rem/2': A.rem,
  'band/2': A.band,
  'bor/2': A.bor,
  'bxor/2': A.bxor,
  'bsl/2': A.bsl,
  'bsr/2': A.bsr,
  'bnot/1': A.bnot,
  '-/1': A.neg,
  '+/1': A.plus,
  'abs/1': A.abs,
  'float/1': A.float,
  'trunc/1': A.trunc,
  'round/1': A.round,
  'floor/1': A.floor,
  'ceil/1': A.ceil,
  'max/2': (a, b) => (compare(a, b) < 0 ? b : a),
  'min/2': (a, b) => (compare(a, b) > 0 ? b : a),

  'integer_to_list/1': (i) => strList(integerText(i, 10, [i])),
  'integer_to_list/2': (i, b) => strList(integerText(i, base(b, [i, b]), [i, b])),
  'integer_to_binary/1': (i) => strBin(integerText(i, 10, [i])),
  'integer_to_binary/2': (i, b) => strBin(integerText(i, base(b, [i, b]), [i, b])),
  'list_to_integer/1': (l) => textToInteger(listIntegerText(l), 10, [l]),
  'list_to_integer/2': (l, b) => textToInteger(listIntegerText(l), base(b, [l, b]), [l, b]),
  'binary_to_integer/1': (l) => textToInteger(binLatin1(l), 10, [l]),
  'binary_to_integer/2': (l, b) => textToInteger(binLatin1(l), base(b, [l, b]), [l, b]),

  'float_to_list/1': (f) => strList(floatToText(f, NIL, [f])),
  'float_to_list/2': (f, o) => strList(floatToText(f, o, [f, o])),
  'float_to_binary/1': (f) => strBin(floatToText(f, NIL, [f])),
  'float_to_binary/2': (f, o) => strBin(floatToText(f, o, [f, o])),
  'list_to_float/1': (l) => textToFloat(listLatin1(l), [l]),
  'binary_to_float/1': (b) => textToFloat(binLatin1(b), [b]),

  '==/2': (a, b) => bool(A.eq(a, b)),
  '/=/2': (a, b) => bool(!A.eq(a, b)),
  '=:=/2': (a, b) => bool(A.eqExact(a, b)),
  '=/=/2': (a, b) => bool(!A.eqExact(a, b)),
  '</2': (a, b) => bool(A.lt(a, b)),
  '>/2': (a, b) => bool(A.gt(a, b)),
  '=</2': (a, b) => bool(A.le(a, b)),
  '>=/2': (a, b) => bool(A.ge(a, b)),

  'and/2': (a, b) => boolOp(a, b, (x, y) => x && y),
  'or/2': (a, b) => boolOp(a, b, (x, y) => x || y),
  'xor/2': (a, b) => boolOp(a, b, (x, y) => x !== y),
  'not/1': (a) => (a === TRUE ? FALSE : a === FALSE ? TRUE : badarg([a])),
});

// ---------------------------------------------------------------------------------------------
// The math module.

/** A math argument as a double: badarg if not a number, badarith if it does not fit. */
function mathArg(x: Term, args: Term[]): number {
  if (typeof x === 'number') return x;
  if (x instanceof ErlFloat) return x.value;
  if (typeof x === 'bigint') {
    const d = bigToDouble(x);
    if (Number.isFinite(d)) return d;
    badarith(args);
  }
  return badarg(args);
}

function mathResult(r: number, args: Term[]): ErlFloat {
  if (!Number.isFinite(r)) badarith(args);
  return new ErlFloat(r);
}

/** The argument as a double without allocating on the common path (number or float). */
const num = (x: Term, args: () => Term[]): number => (typeof x === 'number' ? x : x instanceof ErlFloat ? x.value : mathArg(x, args()));

const m1 =
  (fn: (x: number) => number) =>
  (x: Term): Term => {
    const r = fn(num(x, () => [x]));
    return Number.isFinite(r) ? new ErlFloat(r) : mathResult(r, [x]);
  };
const m2 =
  (fn: (x: number, y: number) => number) =>
  (x: Term, y: Term): Term => {
    const r = fn(num(x, () => [x, y]), num(y, () => [x, y]));
    return Number.isFinite(r) ? new ErlFloat(r) : mathResult(r, [x, y]);
  };

defineBifs('math', {
  'pi/0': () => new ErlFloat(Math.PI),
  'sin/1': m1(Math.sin),
  'cos/1': m1(Math.cos),
  'tan/1': m1(Math.tan),
  'asin/1': m1(Math.asin),
  'acos/1': m1(Math.acos),
  'atan/1': m1(Math.atan),
  'atan2/2': m2(Math.atan2),
  'sinh/1': m1(Math.sinh),
  'cosh/1': m1(Math.cosh),
  'tanh/1': m1(Math.tanh),
  'asinh/1': m1(Math.asinh),
  'acosh/1': m1(Math.acosh),
  'atanh/1': m1(Math.atanh),
  'exp/1': m1(Math.exp),
  'log/1': m1(Math.log),
  'log2/1': m1(Math.log2),
  'log10/1': m1(Math.log10),
  'pow/2': m2(pow),
  'sqrt/1': m1(Math.sqrt),
  'erf/1': m1(erf),
  'erfc/1': m1(erfc),
  'floor/1': m1(Math.floor),
  'ceil/1': m1(Math.ceil),
  'fmod/2': m2((x, y) => x % y),
});

// ---------------------------------------------------------------------------------------------
// pow: V8's Math.pow is not correctly rounded for integer exponents (10^-5 gives
// 9.999999999999999e-6); glibc's pow is. For integer exponents up to 2048 the exact power is
// a rational computed with bigints, rounded once; other exponents use Math.pow.

function pow(x: number, y: number): number {
  const r = Math.pow(x, y);
  if (!Number.isInteger(y) || Math.abs(y) > 2048 || x === 0 || !Number.isFinite(r) || r === 0) return r;
  const [m, e] = decompose(Math.abs(x)); // |x| = m * 2^e exactly
  const n = Math.abs(y);
  let num = m ** BigInt(n);
  let den = 1n;
  const e2 = e * n;
  if (e2 >= 0) num <<= BigInt(e2);
  else den <<= BigInt(-e2);
  if (y < 0) [num, den] = [den, num];
  const v = ratioToDouble(num, den);
  return x < 0 && n % 2 === 1 ? -v : v;
}

/** A finite positive double as m * 2^e with m a bigint. */
function decompose(x: number): [bigint, number] {
  let e = 0;
  while (!Number.isInteger(x)) {
    x *= 2;
    e--;
  }
  return [BigInt(x), e];
}

function bitLen(n: bigint): number {
  return n.toString(2).length;
}

/** num/den (both > 0) rounded to the nearest double, ties to even, subnormals included. */
function ratioToDouble(num: bigint, den: bigint): number {
  const shift = 66 - (bitLen(num) - bitLen(den)); // quotient of 65-67 bits
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  const q = n / d;
  const sticky = n % d !== 0n;
  const top = bitLen(q) - 1 - shift; // value in [2^top, 2^(top+1))
  let drop = bitLen(q) - 53;
  if (top < -1022) drop += -1022 - top; // subnormal: fewer mantissa bits
  if (drop <= 0) return ldexp(Number(q), -shift);
  let mant = q >> BigInt(drop);
  const rem = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  if (rem > half || (rem === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  return ldexp(Number(mant), drop - shift);
}

/** x * 2^k in steps that stay exact until the last. */
function ldexp(x: number, k: number): number {
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}

// ---------------------------------------------------------------------------------------------
// erf and erfc, which JS lacks: computed in bigint fixed point with enough bits to round
// correctly (glibc's are within an ulp of that), from two series of positive terms,
//   erf(x) = 2/sqrt(pi) * S / E,  S = sum 2^n x^(2n+1) / (1*3*...*(2n+1)),  E = e^(x^2),
// so nothing cancels; erfc(x) = 1 - erf(x) with as many extra bits as the cancellation costs.

const constCache = new Map<number, bigint>();

/** atan(1/x) * 2^P. */
function atanInv(x: bigint, P: number): bigint {
  const one = 1n << BigInt(P);
  const x2 = x * x;
  let term = one / x;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term /= x2;
    const t = term / (2n * k + 1n);
    sum += k & 1n ? -t : t;
  }
  return sum;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** 2/sqrt(pi) * 2^P (P a multiple of 64, cached). */
function twoOverSqrtPi(P: number): bigint {
  let c = constCache.get(P);
  if (c === undefined) {
    const G = P + 64;
    const pi = 16n * atanInv(5n, 2 * G) - 4n * atanInv(239n, 2 * G); // pi * 2^(2G)
    c = (1n << BigInt(P + 1 + G)) / isqrt(pi);
    constCache.set(P, c);
  }
  return c;
}

/** erf(x) * 2^P for 2^-60 <= x < 28. */
function erfFixed(x: number, P: number): bigint {
  const [m, e] = mantExp(x);
  const X = P + e >= 0 ? m << BigInt(P + e) : m >> BigInt(-(P + e));
  const p = BigInt(P);
  const X2 = (X * X) >> p;
  let t = 1n << p;
  let E = t;
  for (let n = 1n; t !== 0n; n++) {
    t = (t * X2) >> p;
    t /= n;
    E += t;
  }
  t = X;
  let S = t;
  for (let n = 3n; t !== 0n; n += 2n) {
    t = ((t * X2) >> p) * 2n;
    t /= n;
    S += t;
  }
  return (twoOverSqrtPi(P) * S) / E;
}

/** |x| = m * 2^e with m an integer. */
function mantExp(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0) & 0x7fffffff;
  const lo = view.getUint32(4);
  const bexp = hi >>> 20;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return bexp === 0 ? [m, -1074] : [m | (1n << 52n), bexp - 1075];
}

/** V / 2^P (V >= 0) rounded to the nearest double, subnormals included. */
function fixedToDouble(V: bigint, P: number): number {
  if (V === 0n) return 0;
  // Keep 54 bits (53 and a rounding bit), or fewer where the result is subnormal.
  let sh = Math.max(bitLength(V) - 54, P - 1075);
  let q = sh >= 0 ? V >> BigInt(sh) : V << BigInt(-sh);
  q = (q + 1n) >> 1n;
  sh += 1;
  const s = sh - P;
  const d = Number(q);
  return s < -1000 ? d * 2 ** (s + 600) * 2 ** -600 : d * 2 ** s;
}

const roundP = (bits: number): number => Math.ceil(bits / 64) * 64;

export function erf(x: number): number {
  const a = Math.abs(x);
  let r: number;
  if (a === 0) return x;
  if (a >= 6) r = 1;
  else if (a < 2 ** -60) {
    const [m, e] = mantExp(a);
    r = fixedToDouble(m * twoOverSqrtPi(192), 192 - e);
  } else r = fixedToDouble(erfFixed(a, 192), 192);
  return x < 0 ? -r : r;
}

export function erfc(x: number): number {
  const a = Math.abs(x);
  if (a < 2 ** -60) return 1;
  if (x >= 28) return 0;
  if (x <= -6) return 2;
  if (x >= 3) return erfcTail(x);
  const P = roundP(192 + (x > 0 ? x * x * 1.4427 : 0));
  const one = 1n << BigInt(P);
  const e = erfFixed(a, P);
  return fixedToDouble(x > 0 ? one - e : one + e, P);
}

/**
 * erfc(x) for x >= 3 without the cancellation of 1 - erf(x): e^(-x^2) / sqrt(pi) / K with
 * the continued fraction K = x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))), which
 * converges quickly there, and e^(x^2) from a short series squared k times.
 */
function erfcTail(x: number): number {
  const P = 192;
  const [m, e] = mantExp(x);
  const X = P + e >= 0 ? m << BigInt(P + e) : m >> BigInt(-(P + e));
  // e^(x^2) = (e^(x^2 / 2^k))^(2^k), with k guard bits for the squarings.
  const k = Math.max(0, Math.ceil(Math.log2(x * x)) + 4);
  const P1 = P + k + 16;
  const p1 = BigInt(P1);
  const y = (m * m) << BigInt(P1 + 2 * e - k); // x^2 / 2^k * 2^P1 (exact: 2e + P1 - k >= 0 here)
  let t = 1n << p1;
  let E = t;
  for (let n = 1n; t !== 0n; n++) {
    t = ((t * y) >> p1) / n;
    E += t;
  }
  for (let i = 0; i < k; i++) E = (E * E) >> p1;
  // K, evaluated from the tail.
  const N = Math.ceil(((P * 0.6932) / (2 * x)) ** 2 + 40);
  let K = X;
  for (let n = N; n >= 1; n--) K = X + (BigInt(n) << BigInt(2 * P - 1)) / K;
  // erfc = (2/sqrt(pi)) / 2 / (E K), as a fixed-point number with Q fractional bits.
  const Q = 1300;
  const V = (twoOverSqrtPi(P) << BigInt(P1 + P + Q - 1 - P)) / (E * K);
  return fixedToDouble(V, Q);
}
