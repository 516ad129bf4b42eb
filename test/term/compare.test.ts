// Term order, ==, =:= and map key order, checked pairwise against erl (test/vectors/terms.json).
import { describe, expect, it } from 'vitest';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { compare, compareCodePoints, equal, exactEqual, mapKeyCompare } from '../../runtime/term/compare.js';
import { makeMap } from '../../runtime/term/mapbuild.js';
import { atom, BitString, Cons, ErlFloat, float, int, list, NIL, type Term } from '../../runtime/term/index.js';
import { formatTerm } from '../../runtime/term/print.js';
import { fromHex, termVectors } from '../vectors/load.js';

const { vectors, cmpIndex, matrix } = termVectors;
const terms = cmpIndex.map((i) => decodeExternal(fromHex(vectors[i].hex)));
const ord = (c: string) => (c === '<' ? -1 : c === '>' ? 1 : 0);

describe('pairwise against erl', () => {
  it(`${terms.length}^2 pairs: compare, =:=, ==, map key order`, () => {
    const bad: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      for (let j = 0; j < terms.length; j++) {
        const a = terms[i];
        const b = terms[j];
        const want = [ord(matrix.cmp[i][j]), matrix.exact[i][j] === '1', matrix.eq[i][j] === '1', ord(matrix.key[i][j])];
        const got = [compare(a, b), exactEqual(a, b), equal(a, b), mapKeyCompare(a, b)];
        if (want.some((w, k) => w !== got[k])) {
          bad.push(`${vectors[cmpIndex[i]].expr} vs ${vectors[cmpIndex[j]].expr}: want ${want} got ${got}`);
        }
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('sorting the corpus matches erl lists:sort order (consistency)', () => {
    const sorted = [...terms].sort(compare);
    for (let i = 1; i < sorted.length; i++) expect(compare(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
  });
});

describe('numbers', () => {
  const big = 2n ** 60n;
  it('int/float ties are equal but not exactly equal', () => {
    expect(compare(1, float(1))).toBe(0);
    expect(equal(1, float(1))).toBe(true);
    expect(exactEqual(1, float(1))).toBe(false);
    expect(mapKeyCompare(1, float(1))).toBe(-1);
    expect(mapKeyCompare(float(-5), 2n ** 70n)).toBe(1); // every integer before every float
  });
  it('bignum against float is exact', () => {
    expect(compare(big + 1n, float(Number(big)))).toBe(1);
    expect(compare(big, float(Number(big)))).toBe(0);
    expect(compare(int(9007199254740993n), float(9007199254740992))).toBe(1);
    expect(compare(2n ** 1024n, float(Number.MAX_VALUE))).toBe(1);
    expect(compare(-(2n ** 1024n), float(-Number.MAX_VALUE))).toBe(-1);
    expect(compare(float(0.5), 1)).toBe(-1);
    expect(compare(float(-0), float(0))).toBe(0);
    expect(exactEqual(float(-0), float(0))).toBe(true); // OTP 25
  });
});

describe('atoms', () => {
  it('order by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('a\u{1F600}', 'a\uFFFD')).toBe(1);
    expect(compareCodePoints('a\uE000', 'a\u{10000}')).toBe(-1);
    expect(compareCodePoints('ab', 'abc')).toBe(-1);
    expect(compare(atom('b'), atom('ab'))).toBe(1);
  });
});

describe('structures', () => {
  it('maps compare keys before values', () => {
    const m = (...kv: Term[]) => makeMap(kv.flatMap((_, i) => (i % 2 ? [] : [[kv[i], kv[i + 1]] as [Term, Term]])));
    expect(compare(m(1, atom('a')), m(float(1), atom('a')))).toBe(-1);
    expect(equal(m(1, atom('a')), m(float(1), atom('a')))).toBe(false);
    expect(equal(m(atom('a'), 1), m(atom('a'), float(1)))).toBe(true);
    expect(exactEqual(m(atom('a'), 1), m(atom('a'), float(1)))).toBe(false);
    expect(compare(m(float(1), 1), m(1, 0))).toBe(1);
  });
  it('bitstrings compare bitwise, prefix first', () => {
    const bits = (bytes: number[], size: number) => new BitString(Uint8Array.from(bytes), size);
    expect(compare(bits([0x20], 3), bits([1], 8))).toBe(1);
    expect(compare(bits([0x80], 1), bits([0x80], 8))).toBe(-1);
    expect(compare(bits([], 0), bits([0], 1))).toBe(-1);
  });
  it('deep nesting does not overflow the stack', () => {
    const deep = (n: number): Term => {
      let t: Term = NIL;
      for (let i = 0; i < n; i++) t = i % 3 === 0 ? [t, 1] : i % 3 === 1 ? new Cons(t, NIL) : makeMap([[atom('k'), t]]);
      return t;
    };
    const a = deep(200_000);
    const b = deep(200_000);
    expect(compare(a, b)).toBe(0);
    expect(exactEqual(a, b)).toBe(true);
    const long = list(Array.from({ length: 500_000 }, (_, i) => i));
    expect(compare(long, list(Array.from({ length: 500_000 }, (_, i) => (i === 499_999 ? new ErlFloat(i) : i))))).toBe(0);
  });
});

describe('makeMap', () => {
  it('sorts keys in OTP order and lets later duplicates win', () => {
    const m = makeMap([
      [float(1), atom('a')],
      [1, atom('b')],
      [2, atom('c')],
      [atom('a'), atom('d')],
      [2, atom('e')],
    ]);
    expect(formatTerm(m)).toBe('#{1 => b,2 => e,1.0 => a,a => d}');
    const z = makeMap([
      [float(0), atom('a')],
      [float(-0), atom('b')],
    ]);
    expect(formatTerm(z)).toBe('#{-0.0 => b}'); // as maps:from_list/1
    expect(makeMap([]).size).toBe(0);
  });
});
