/**
 * Arithmetic on terms with BEAM semantics: what generated code calls for `+ - * / div rem
 * band bor bxor bsl bsr bnot`, the number BIFs built on them (abs, trunc, round, float,
 * floor, ceil), and the comparisons guards use.
 *
 * Every hot function starts with a `typeof ... === 'number'` fast path over two small
 * integers and leaves everything else (bignums, floats, errors) to a separate slow function,
 * so the fast path stays small and monomorphic. Integers stay canonical: a result outside the
 * safe-integer range is computed again with bigint, and bigint results are normalised back.
 *
 * Behaviour checked against erl (OTP 25) by test/vectors/numbers.json:
 * - mixed integer/float arithmetic converts the integer the way ERTS does (`bigToDouble`),
 *   a float result that is not finite raises badarith, and so does dividing by zero (or 0.0);
 * - `div` truncates toward zero and `rem` takes the sign of the dividend;
 * - bitwise operators work on integers only, with two's complement semantics on bignums;
 *   `bsl` by a negative amount is `bsr`;
 * - no integer may exceed 2^25 - 64 bits of magnitude (ERTS's bignum size limit): a result
 *   beyond raises system_limit (e.g. `1 bsl 33554368`, or `1 bsl (1 bsl 64)`);
 * - abs/trunc/round/float/floor/ceil of a non-number raise badarg (they are BIFs), while
 *   the operators raise badarith; `abs(-0.0)` is `-0.0`, and `round` rounds half away from zero.
 */
import { BADARITH, ErlangException, ERROR, badarg, raiseError } from '../exception.js';
import { atom } from './atom.js';
import { compare, equal, exactEqual } from './compare.js';
import { ErlFloat } from './float.js';
import type { ErlInteger, Term } from './term.js';

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;
const MAXB = BigInt(MAX);
const MINB = BigInt(MIN);
const TWO32 = 4294967296;

/** Largest magnitude, in bits, of an integer ERTS can build (OTP 25, 64-bit). */
export const MAX_INTEGER_BITS = 33554368;

const SYSTEM_LIMIT = atom('system_limit');

function badarith2(a: Term, b: Term): never {
  throw new ErlangException(ERROR, BADARITH, [a, b]);
}
function badarith1(a: Term): never {
  throw new ErlangException(ERROR, BADARITH, [a]);
}

// ---------------------------------------------------------------------------------------------
// Type tests (the codegen's is_integer / is_float / is_number).

export const isInteger = (t: Term): t is ErlInteger => typeof t === 'number' || typeof t === 'bigint';
export const isFloat = (t: Term): t is ErlFloat => t instanceof ErlFloat;
export const isNumber = (t: Term): t is ErlInteger | ErlFloat =>
  typeof t === 'number' || typeof t === 'bigint' || t instanceof ErlFloat;

// ---------------------------------------------------------------------------------------------
// Integer helpers.

/** A bigint result as a canonical integer term (a number when it is a safe integer). */
export function normBig(r: bigint): ErlInteger {
  return r >= MINB && r <= MAXB ? Number(r) : r;
}

/** Bits in the magnitude of an integer (0 for 0). */
export function bitLength(v: ErlInteger): number {
  if (typeof v === 'number') {
    const a = v < 0 ? -v : v;
    if (a < TWO32) return 32 - Math.clz32(a);
    return 32 + (32 - Math.clz32(Math.floor(a / TWO32)));
  }
  const m = v < 0n ? -v : v;
  const h = m.toString(16);
  return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0], 16)));
}

// Results above BIG_CHECK in magnitude are compared with 2^MAX_INTEGER_BITS (built on first
// need: 4 MB). Comparing bigints of different lengths does not scan their digits.
const BIG_CHECK = 1n << 65536n;
let bigLimit: bigint | undefined;

/** Raises system_limit (with `args`) if a bigint result is too large for ERTS. */
function checkBig(r: bigint, args: Term[]): ErlInteger {
  if (r > BIG_CHECK || r < -BIG_CHECK) {
    bigLimit ??= 1n << BigInt(MAX_INTEGER_BITS);
    if (r >= bigLimit || r <= -bigLimit) raiseError(SYSTEM_LIMIT, args);
  }
  return normBig(r);
}

/** A (possibly negative-zero) integral double as a canonical integer term. */
export function fromIntegralDouble(v: number): ErlInteger {
  return v <= MAX && v >= MIN ? v + 0 : BigInt(v);
}

/**
 * An integer as a double, exactly as ERTS converts it (`big_to_double`): most significant
 * 64-bit digit first, `d = d * 2^64 + digit`, each step rounded — which is not always the
 * correctly rounded value (e.g. 2^64 + 2^63 + 2^11 + 1). Infinity when it does not fit.
 */
export function bigToDouble(v: ErlInteger): number {
  if (typeof v === 'number') return v;
  const neg = v < 0n;
  let m = neg ? -v : v;
  let d: number;
  if (m < 18446744073709551616n) {
    d = Number(m);
  } else {
    const digits: bigint[] = [];
    while (m > 0n) {
      digits.push(BigInt.asUintN(64, m));
      m >>= 64n;
    }
    d = 0;
    for (let i = digits.length - 1; i >= 0; i--) {
      d = d * 18446744073709551616 + Number(digits[i]);
      if (d === Infinity) break;
    }
  }
  return neg ? -d : d;
}

/** A number term as a double for float arithmetic; badarith for anything else or an overflow. */
function fl(t: Term, a: Term, b: Term): number {
  if (typeof t === 'number') return t;
  if (t instanceof ErlFloat) return t.value;
  if (typeof t === 'bigint') {
    const d = bigToDouble(t);
    if (d !== Infinity && d !== -Infinity) return d;
  }
  return badarith2(a, b);
}

function floatResult(r: number, a: Term, b: Term): ErlFloat {
  if (r - r !== 0) badarith2(a, b); // NaN or ±Infinity
  return new ErlFloat(r);
}

// ---------------------------------------------------------------------------------------------
// + - * /

export function add(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= MIN) return r;
  }
  return addSlow(a, b);
}

function addSlow(a: Term, b: Term): Term {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return checkBig(BigInt(a) + BigInt(b), [a, b]);
  }
  return floatResult(fl(a, a, b) + fl(b, a, b), a, b);
}

export function sub(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= MIN) return r;
  }
  return subSlow(a, b);
}

function subSlow(a: Term, b: Term): Term {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return checkBig(BigInt(a) - BigInt(b), [a, b]);
  }
  return floatResult(fl(a, a, b) - fl(b, a, b), a, b);
}

export function mul(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    // A product within the safe range is exact; `+ 0` turns 0 * -5 = -0 into 0.
    if (r <= MAX && r >= MIN) return r + 0;
  }
  return mulSlow(a, b);
}

function mulSlow(a: Term, b: Term): Term {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return checkBig(BigInt(a) * BigInt(b), [a, b]);
  }
  return floatResult(fl(a, a, b) * fl(b, a, b), a, b);
}

/** `/`: always a float; dividing by zero (integer or float) is badarith. */
export function fdiv(a: Term, b: Term): ErlFloat {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) return new ErlFloat(a / b);
  const x = fl(a, a, b);
  const y = fl(b, a, b);
  if (y === 0) badarith2(a, b);
  return floatResult(x / y, a, b);
}

/** Unary minus. */
export function neg(a: Term): Term {
  if (typeof a === 'number') return 0 - a; // safe range is symmetric; 0 - 0 is +0
  if (typeof a === 'bigint') return normBig(-a);
  if (a instanceof ErlFloat) return new ErlFloat(-a.value);
  return badarith1(a);
}

/** Unary plus: any number unchanged. */
export function plus(a: Term): Term {
  if (typeof a === 'number' || typeof a === 'bigint' || a instanceof ErlFloat) return a;
  return badarith1(a);
}

// ---------------------------------------------------------------------------------------------
// div rem

export function div(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    // `%` on doubles is exact, so (a - r) / b is the exact truncated quotient.
    return (a - (a % b)) / b + 0;
  }
  return divSlow(a, b);
}

function divSlow(a: Term, b: Term): Term {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint') && b != 0) {
    return normBig(BigInt(a) / BigInt(b));
  }
  return badarith2(a, b);
}

export function rem(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) return (a % b) + 0;
  return remSlow(a, b);
}

function remSlow(a: Term, b: Term): Term {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint') && b != 0) {
    return normBig(BigInt(a) % BigInt(b));
  }
  return badarith2(a, b);
}

// ---------------------------------------------------------------------------------------------
// Bitwise operators. Safe integers are split into a signed high half (|h| <= 2^21) and an
// unsigned low 32 bits, which keeps two's complement semantics without bigint.

export function band(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    if ((a | 0) === a && (b | 0) === b) return a & b;
    const ah = Math.floor(a / TWO32);
    const bh = Math.floor(b / TWO32);
    return safe((ah & bh) * TWO32 + (((a - ah * TWO32) & (b - bh * TWO32)) >>> 0));
  }
  return bitSlow(a, b, 0);
}

export function bor(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    if ((a | 0) === a && (b | 0) === b) return a | b;
    const ah = Math.floor(a / TWO32);
    const bh = Math.floor(b / TWO32);
    return safe((ah | bh) * TWO32 + (((a - ah * TWO32) | (b - bh * TWO32)) >>> 0));
  }
  return bitSlow(a, b, 1);
}

export function bxor(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    if ((a | 0) === a && (b | 0) === b) return a ^ b;
    const ah = Math.floor(a / TWO32);
    const bh = Math.floor(b / TWO32);
    return safe((ah ^ bh) * TWO32 + (((a - ah * TWO32) ^ (b - bh * TWO32)) >>> 0));
  }
  return bitSlow(a, b, 2);
}

/** Results of the split computation lie in [-2^53, 2^53): only -2^53 needs a bigint. */
function safe(r: number): ErlInteger {
  return r >= MIN ? r : BigInt(r);
}

function bitSlow(a: Term, b: Term, op: number): Term {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    const x = BigInt(a);
    const y = BigInt(b);
    return checkBig(op === 0 ? x & y : op === 1 ? x | y : x ^ y, [a, b]);
  }
  return badarith2(a, b);
}

export function bnot(a: Term): Term {
  if (typeof a === 'number') {
    const r = -a - 1;
    return r >= MIN ? r : BigInt(r);
  }
  if (typeof a === 'bigint') return checkBig(-a - 1n, [a]);
  return badarith1(a);
}

const POW2: number[] = Array.from({ length: 54 }, (_, i) => 2 ** i);

export function bsl(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number' && b >= 0 && b < 54) {
    const r = a * POW2[b];
    if (r <= MAX && r >= MIN) return r;
  }
  return shift(a, b, false);
}

export function bsr(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number' && b >= 0) {
    if (b < 54) return Math.floor(a / POW2[b]);
    return a < 0 ? -1 : 0;
  }
  return shift(a, b, true);
}

/** General shift: `right` is bsr. Shift amounts may be bignums. */
function shift(a: Term, b: Term, right: boolean): Term {
  if (!(typeof a === 'number' || typeof a === 'bigint') || !(typeof b === 'number' || typeof b === 'bigint')) {
    return badarith2(a, b);
  }
  // Normalise to a left shift by n (negative n shifts right).
  const n = right ? -b : b;
  if (a === 0) return 0;
  if (typeof n === 'bigint' || n > MAX_INTEGER_BITS || n < -MAX_INTEGER_BITS) {
    if (n > 0) raiseError(SYSTEM_LIMIT, [a, b]);
    return a < 0 ? -1 : 0;
  }
  if (n < 0) return normBig(BigInt(a) >> BigInt(-n));
  return checkBig(BigInt(a) << BigInt(n), [a, b]);
}

// ---------------------------------------------------------------------------------------------
// Number BIFs: abs, float, trunc, round, floor, ceil. A non-number is badarg.

export function abs(a: Term): Term {
  if (typeof a === 'number') return a < 0 ? -a : a;
  if (typeof a === 'bigint') return a < 0n ? -a : a;
  if (a instanceof ErlFloat) return a.value < 0 ? new ErlFloat(-a.value) : a; // abs(-0.0) is -0.0
  return badarg([a]);
}

export function float(a: Term): ErlFloat {
  if (a instanceof ErlFloat) return a;
  if (typeof a === 'number') return new ErlFloat(a);
  if (typeof a === 'bigint') {
    const d = bigToDouble(a);
    if (d !== Infinity && d !== -Infinity) return new ErlFloat(d);
  }
  return badarg([a]);
}

export function trunc(a: Term): Term {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (a instanceof ErlFloat) return fromIntegralDouble(Math.trunc(a.value));
  return badarg([a]);
}

/** Half away from zero, like C's round(). */
export function round(a: Term): Term {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (a instanceof ErlFloat) {
    const v = a.value;
    return fromIntegralDouble(v < 0 ? -Math.round(-v) : Math.round(v));
  }
  return badarg([a]);
}

export function floor(a: Term): Term {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (a instanceof ErlFloat) return fromIntegralDouble(Math.floor(a.value));
  return badarg([a]);
}

export function ceil(a: Term): Term {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (a instanceof ErlFloat) return fromIntegralDouble(Math.ceil(a.value));
  return badarg([a]);
}

// ---------------------------------------------------------------------------------------------
// Comparisons (guards and the comparison operators): small integers compare directly; anything
// else goes through the term order, which compares integers and floats by exact value.

export function lt(a: Term, b: Term): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a < b : compare(a, b) < 0;
}
export function le(a: Term, b: Term): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a <= b : compare(a, b) <= 0;
}
export function gt(a: Term, b: Term): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a > b : compare(a, b) > 0;
}
export function ge(a: Term, b: Term): boolean {
  return typeof a === 'number' && typeof b === 'number' ? a >= b : compare(a, b) >= 0;
}
/** `==` */
export function eq(a: Term, b: Term): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' ? false : equal(a, b));
}
/** `/=` */
export function ne(a: Term, b: Term): boolean {
  return !eq(a, b);
}
/** `=:=` */
export function eqExact(a: Term, b: Term): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' ? false : exactEqual(a, b));
}
/** `=/=` */
export function neExact(a: Term, b: Term): boolean {
  return !eqExact(a, b);
}

