// runtime/term/arith.ts beyond the erl vectors: the bignum size limit (too big for the vector
// file), canonical integers and negative zero on the fast paths, ERTS's bignum-to-double
// conversion, and the fast paths agreeing with the slow ones on random safe integers.
import { describe, expect, it } from 'vitest';
import * as A from '../../runtime/term/arith.js';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { compare } from '../../runtime/term/compare.js';
import { ErlFloat, float } from '../../runtime/term/float.js';
import type { Term } from '../../runtime/term/term.js';
import { mulberry32 } from '../vectors/load.js';

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ErlangException) return String(e.reason);
    throw e;
  }
  return 'no error';
}

describe('the bignum size limit (checked with erl: 2^25 - 64 bits of magnitude)', () => {
  const L = A.MAX_INTEGER_BITS - 1; // largest n with 1 bsl n allowed
  it('bsl', () => {
    expect(A.bitLength(A.bsl(1, L) as bigint)).toBe(A.MAX_INTEGER_BITS);
    expect(A.bitLength(A.bsl(-1, L) as bigint)).toBe(A.MAX_INTEGER_BITS);
    expect(reason(() => A.bsl(1, L + 1))).toBe('system_limit');
    expect(reason(() => A.bsl(-1, L + 1))).toBe('system_limit');
    expect(reason(() => A.bsl(3, L))).toBe('system_limit');
    expect(reason(() => A.bsl(1, 2n ** 64n))).toBe('system_limit');
    expect(reason(() => A.bsr(1, -(2n ** 64n)))).toBe('system_limit');
    expect(A.bsl(0, 2n ** 64n)).toBe(0);
    expect(A.bsl(-5, -(2n ** 100n))).toBe(-1);
    expect(A.bsr(5, 2n ** 100n)).toBe(0);
  });
  it('add, sub, mul, bnot', () => {
    const X = A.bsl(1, L) as bigint;
    expect(reason(() => A.add(X, X))).toBe('system_limit');
    expect(reason(() => A.sub(A.neg(X), X))).toBe('system_limit');
    expect(A.bitLength(A.add(X - 1n, X) as bigint)).toBe(A.MAX_INTEGER_BITS);
    expect(reason(() => A.bnot(X + X - 1n))).toBe('system_limit');
    expect(reason(() => A.mul(X, 2))).toBe('system_limit');
    const Y = A.bsl(1, L >> 1) as bigint;
    expect(A.bitLength(A.mul(A.mul(Y, Y), 2) as bigint)).toBe(A.MAX_INTEGER_BITS);
    try {
      A.add(X, X);
    } catch (e) {
      expect((e as ErlangException).args).toEqual([X, X]);
    }
  });
});

describe('canonical integers', () => {
  const isPosZero = (t: Term) => t === 0 && Object.is(t, 0);
  it('never produces -0 as an integer', () => {
    expect(isPosZero(A.mul(0, -5))).toBe(true);
    expect(isPosZero(A.mul(-5, 0))).toBe(true);
    expect(isPosZero(A.div(1, -2))).toBe(true);
    expect(isPosZero(A.div(0, -3))).toBe(true);
    expect(isPosZero(A.rem(-4, 2))).toBe(true);
    expect(isPosZero(A.neg(0))).toBe(true);
    expect(isPosZero(A.trunc(float(-0.5)))).toBe(true);
    expect(isPosZero(A.ceil(float(-5e-324)))).toBe(true);
    expect(isPosZero(A.round(float(-0.4)))).toBe(true);
    expect(isPosZero(A.bsr(0, 3))).toBe(true);
    expect(isPosZero(A.band(-4, 3))).toBe(true);
  });
  it('leaves the safe range through bigint and comes back', () => {
    expect(A.add(Number.MAX_SAFE_INTEGER, 1)).toBe(2n ** 53n);
    expect(A.sub(2n ** 53n, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(A.mul(2 ** 30, 2 ** 30)).toBe(2n ** 60n);
    expect(A.div(2n ** 60n, 2 ** 30)).toBe(2 ** 30);
    expect(A.bnot(Number.MAX_SAFE_INTEGER)).toBe(-(2n ** 53n));
    expect(A.band(-(2 ** 53) + 1, -(2 ** 53) + 2)).toBe(-(2n ** 53n));
    expect(A.neg(-(2n ** 53n))).toBe(2n ** 53n);
    expect(A.abs(-(2n ** 53n))).toBe(2n ** 53n);
    expect(A.trunc(float(2 ** 60))).toBe(2n ** 60n);
  });
  it('keeps float signs as the BEAM does', () => {
    expect(Object.is((A.abs(float(-0)) as ErlFloat).value, -0)).toBe(true);
    expect(Object.is((A.neg(float(0)) as ErlFloat).value, -0)).toBe(true);
    expect(Object.is((A.add(float(-0), 0) as ErlFloat).value, 0)).toBe(true);
    expect(Object.is((A.fdiv(0, -1) as ErlFloat).value, -0)).toBe(true);
  });
});

describe('bigToDouble is ERTS big_to_double, not correct rounding', () => {
  it('rounds each 64-bit digit', () => {
    const x = 2n ** 64n + 2n ** 63n + 2n ** 11n + 1n;
    expect(A.bigToDouble(x)).toBe(2 ** 64 + 2 ** 63);
    expect(Number(x)).not.toBe(2 ** 64 + 2 ** 63);
    expect(A.bigToDouble(-x)).toBe(-(2 ** 64 + 2 ** 63));
    expect(A.bigToDouble(2n ** 1024n)).toBe(Infinity);
    expect(reason(() => A.float(2n ** 1024n))).toBe('badarg');
    expect(reason(() => A.add(2n ** 1024n, float(1)))).toBe('badarith');
  });
});

describe('fast paths agree with bigint arithmetic', () => {
  const rnd = mulberry32(7);
  const pick = (): number => {
    const k = rnd();
    const mag = k < 0.3 ? 2 ** 8 : k < 0.6 ? 2 ** 31 : k < 0.8 ? 2 ** 40 : 2 ** 53;
    const v = Math.floor(rnd() * mag);
    return Math.min(v, Number.MAX_SAFE_INTEGER) * (rnd() < 0.5 ? -1 : 1) + 0;
  };
  const norm = (r: bigint): Term => (r >= -(2n ** 53n) + 1n && r <= 2n ** 53n - 1n ? Number(r) : r);
  it('on 20000 random pairs', () => {
    const bad: string[] = [];
    const check = (what: string, got: Term | boolean, want: Term | boolean) => {
      if (got !== want) bad.push(`${what}: got ${String(got)}, want ${String(want)}`);
    };
    for (let i = 0; i < 20000; i++) {
      const a = pick();
      const b = pick();
      const x = BigInt(a);
      const y = BigInt(b);
      check(`${a} + ${b}`, A.add(a, b), norm(x + y));
      check(`${a} - ${b}`, A.sub(a, b), norm(x - y));
      check(`${a} * ${b}`, A.mul(a, b), norm(x * y));
      if (b !== 0) {
        check(`${a} div ${b}`, A.div(a, b), norm(x / y));
        check(`${a} rem ${b}`, A.rem(a, b), norm(x % y));
      }
      check(`${a} band ${b}`, A.band(a, b), norm(x & y));
      check(`${a} bor ${b}`, A.bor(a, b), norm(x | y));
      check(`${a} bxor ${b}`, A.bxor(a, b), norm(x ^ y));
      const s = Math.floor(rnd() * 70) - 10;
      check(`${a} bsl ${s}`, A.bsl(a, s), norm(s >= 0 ? x << BigInt(s) : x >> BigInt(-s)));
      check(`${a} bsr ${s}`, A.bsr(a, s), norm(s >= 0 ? x >> BigInt(s) : x << BigInt(-s)));
      check(`bnot ${a}`, A.bnot(a), norm(-x - 1n));
      check(`${a} < ${b}`, A.lt(a, b), x < y);
      check(`${a} >= ${b}`, A.ge(a, b), x >= y);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('comparisons', () => {
  it('mixed integers and floats compare by exact value', () => {
    const big = 2n ** 53n + 1n;
    expect(A.gt(big, float(2 ** 53))).toBe(true);
    expect(A.eq(big, float(2 ** 53))).toBe(false);
    expect(A.eq(2 ** 53 - 1, float(2 ** 53 - 1))).toBe(true);
    expect(A.eqExact(1, float(1))).toBe(false);
    expect(A.ne(1, 2)).toBe(true);
    expect(A.neExact(atom('a'), atom('a'))).toBe(false);
    expect(A.le(float(1), 1)).toBe(true);
    expect(A.lt(1, atom('a'))).toBe(compare(1, atom('a')) < 0);
  });
  it('type tests', () => {
    expect(A.isInteger(2n ** 70n) && A.isInteger(1) && !A.isInteger(float(1))).toBe(true);
    expect(A.isFloat(float(1)) && !A.isFloat(1)).toBe(true);
    expect(A.isNumber(float(1)) && A.isNumber(2n ** 70n) && !A.isNumber(atom('a'))).toBe(true);
  });
});
