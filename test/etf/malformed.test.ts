// Untrusted input: truncation, bit flips, lying length fields, deep nesting. The decoder must
// either return a term or throw TermFormatError: never another error, a hang, or a huge allocation.
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { decodeExternal, decodeTermAt } from '../../runtime/etf/decode.js';
import { encodeExternal } from '../../runtime/etf/encode.js';
import { TermFormatError } from '../../runtime/etf/errors.js';
import { compare, exactEqual } from '../../runtime/term/compare.js';
import { listToArray, type Term } from '../../runtime/term/index.js';
import { formatTerm } from '../../runtime/term/print.js';
import { fromHex, mulberry32, termVectors } from '../vectors/load.js';

const inputs = termVectors.vectors.flatMap((v) => [v.hex, v.hexV0, v.hexV2, v.hexZ].filter((h): h is string => !!h).map(fromHex));

/** Decodes, or returns the TermFormatError; any other exception fails the test. */
function tryDecode(b: Uint8Array): Term | TermFormatError {
  try {
    return decodeExternal(b);
  } catch (e) {
    if (e instanceof TermFormatError) {
      expect(e.message).toMatch(/ at byte \d+$/);
      return e;
    }
    throw new Error(`non-TermFormatError for ${Buffer.from(b).toString('hex').slice(0, 200)}: ${e}`);
  }
}

const cat = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('truncation', () => {
  it(`every prefix of ${inputs.length} encodings fails; an extra byte fails`, () => {
    const rnd = mulberry32(7);
    let count = 0;
    for (const b of inputs) {
      let lengths: number[];
      if (b.length <= 3000) lengths = Array.from({ length: b.length }, (_, i) => i);
      else {
        lengths = Array.from({ length: 300 }, (_, i) => i);
        for (let i = 0; i < 300; i++) lengths.push(b.length - 1 - i, Math.floor(rnd() * b.length));
      }
      for (const n of lengths) {
        expect(tryDecode(b.subarray(0, n))).toBeInstanceOf(TermFormatError);
        count++;
      }
      const err = tryDecode(cat(b, [0]));
      expect(err).toBeInstanceOf(TermFormatError);
      expect((err as Error).message).toMatch(/trailing/);
    }
    expect(count).toBeGreaterThan(10_000);
  });
});

describe('random corruption', () => {
  const small = inputs.filter((b) => b.length <= 2000);
  it('20000 bit-flipped encodings decode or throw TermFormatError', () => {
    const rnd = mulberry32(1234);
    let decoded = 0;
    for (let n = 0; n < 20_000; n++) {
      const b = small[Math.floor(rnd() * small.length)].slice();
      const flips = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < flips; k++) {
        const bit = Math.floor(rnd() * b.length * 8);
        b[bit >> 3] ^= 1 << (bit & 7);
      }
      const t = tryDecode(b);
      if (!(t instanceof TermFormatError)) {
        decoded++;
        // Whatever decodes is a well-formed term.
        expect(exactEqual(decodeExternal(encodeExternal(t)), t)).toBe(true);
        expect(compare(t, t)).toBe(0);
        formatTerm(t);
      }
    }
    expect(decoded).toBeGreaterThan(1000);
  });
  it('5000 random byte strings', () => {
    const rnd = mulberry32(99);
    for (let n = 0; n < 5000; n++) {
      const len = 1 + Math.floor(rnd() * 40);
      const b = Uint8Array.from({ length: len }, (_, i) => (i === 0 ? 131 : Math.floor(rnd() * 256)));
      if (rnd() < 0.5) b[1] = [97, 98, 100, 104, 107, 108, 109, 110, 111, 116, 77, 88, 90, 112, 113, 118, 119][Math.floor(rnd() * 17)];
      tryDecode(b);
    }
  });
});

describe('lying length fields fail fast', () => {
  const max = u32(0xffffffff);
  const cases: [string, number[]][] = [
    ['LIST_EXT', [131, 108, ...max, 106]],
    ['LARGE_TUPLE_EXT', [131, 105, ...max, 106]],
    ['MAP_EXT', [131, 116, ...max, 97, 1, 97, 2]],
    ['BINARY_EXT', [131, 109, ...max, 1, 2, 3]],
    ['BIT_BINARY_EXT', [131, 77, ...max, 3, 1, 2, 3]],
    ['LARGE_BIG_EXT', [131, 111, ...max, 0, 1, 2]],
    ['STRING_EXT', [131, 107, 255, 255, 1]],
    ['ATOM_UTF8_EXT', [131, 118, 255, 255, 97]],
    ['NEWER_REFERENCE_EXT', [131, 90, 0, 5, 100, 0, 1, 97, 0, 0, 0, 0]],
    ['NEW_FUN_EXT free vars', [131, 112, ...u32(100), 1, ...new Array(16).fill(0), ...u32(0), ...max, 100, 0, 1, 109, 97, 0, 97, 0, 88, 100, 0, 1, 110, ...u32(0), ...u32(0), ...u32(0)]],
    ['COMPRESSED size', [131, 80, ...max, ...pako.deflate(Uint8Array.of(106))]],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => expect(tryDecode(Uint8Array.from(bytes))).toBeInstanceOf(TermFormatError));
  }
  it('a decompression bomb stops at the declared size', () => {
    const bomb = pako.deflate(new Uint8Array(5_000_000));
    const t0 = Date.now();
    const err = tryDecode(cat([131, 80], u32(100), bomb));
    expect(err).toBeInstanceOf(TermFormatError);
    expect((err as Error).message).toMatch(/declared size/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('specific rejections', () => {
    const msg = (b: number[]) => (tryDecode(Uint8Array.from(b)) as Error).message;
    expect(msg([131, 82, 0])).toMatch(/ATOM_CACHE_REF/);
    expect(msg([131, 121])).toMatch(/LOCAL_EXT/);
    expect(msg([131, 117, 0, 0, 0, 0])).toMatch(/FUN_EXT/);
    expect(msg([131, 70, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0])).toMatch(/not finite/);
    expect(msg([131, 104, 1, 80, 0, 0, 0, 1])).toMatch(/top level/);
    expect(msg([130, 106])).toMatch(/version/);
    expect(msg([131, 255])).toMatch(/unknown tag 255 at byte 1/);
  });
});

describe('deep nesting', () => {
  const N = 100_000;
  const rep = (unit: number[], n: number) => {
    const out = new Uint8Array(unit.length * n);
    for (let i = 0; i < n; i++) out.set(unit, i * unit.length);
    return out;
  };
  const roundTrip = (b: Uint8Array) => {
    const t = decodeExternal(b);
    expect(Buffer.from(encodeExternal(t)).equals(Buffer.from(b))).toBe(true);
    expect(compare(t, decodeExternal(b))).toBe(0);
    return t;
  };
  it('a 100,000-cell list chained through LIST_EXT tails', () => {
    // [a|[a|[a|...]]] written one cell per LIST_EXT; re-encoded as one flat LIST_EXT.
    const t = decodeExternal(cat([131], rep([108, 0, 0, 0, 1, 100, 0, 1, 97], N), [106]));
    expect(listToArray(t)!.length).toBe(N);
    const flat = cat([131, 108], u32(N), rep([100, 0, 1, 97], N), [106]);
    expect(Buffer.from(encodeExternal(t)).equals(Buffer.from(flat))).toBe(true);
    expect(exactEqual(decodeExternal(flat), t)).toBe(true);
  });
  it('lists nested 100,000 deep through heads', () => {
    const t = roundTrip(cat([131], rep([108, 0, 0, 0, 1], N), [106], rep([106], N)));
    expect(formatTerm(t).length).toBe(2 * N + 2);
  });
  it('tuples and maps nested 100,000 deep', () => {
    roundTrip(cat([131], rep([104, 1], N), [106]));
    roundTrip(cat([131], rep([116, 0, 0, 0, 1, 97, 1], N), [106]));
  });
});

describe('decodeTermAt', () => {
  it('decodes an embedded term and reports where it ends', () => {
    const b = Uint8Array.from([0, 0, 104, 2, 97, 1, 106, 99]);
    const { term, next } = decodeTermAt(b, 2);
    expect(formatTerm(term)).toBe('{1,[]}');
    expect(next).toBe(7);
    expect(() => decodeTermAt(b, 8)).toThrow(TermFormatError);
    expect(() => decodeTermAt(b, 99)).toThrow(TermFormatError);
  });
  it('latin1 atoms map bytes 128..159 to the same code points', () => {
    const t = decodeExternal(Uint8Array.of(131, 100, 0, 2, 0x80, 0x9f));
    expect(formatTerm(t)).toBe("'\\200\\237'");
    expect([...encodeExternal(t)]).toEqual([131, 100, 0, 2, 0x80, 0x9f]);
  });
  it('safe mode refuses new atoms', () => {
    const b = Uint8Array.from([131, 100, 0, 5, ...Buffer.from('zq9x7')]);
    expect(() => decodeExternal(b, { safe: true })).toThrow(/unknown atom/);
    decodeExternal(b);
    expect(formatTerm(decodeExternal(b, { safe: true }))).toBe('zq9x7');
  });
});
