// erlang:phash/2 and phash2/1,2 against erl (test/vectors/hash.json, scripts/gen-hash-vectors.mjs):
// every vector term decoded and hashed both ways, the range forms and their badargs, deep
// terms that a recursive hash would overflow the JS stack on, and the hash ETS places keys by.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { legacyHash, termHash } from '../../runtime/bif/hash.js';
import { bucketHash } from '../../runtime/ets/keyhash.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { float } from '../../runtime/term/float.js';
import { list, NIL } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import { formatTerm } from '../../runtime/term/print.js';
import { int, type Term } from '../../runtime/term/term.js';

interface HashVectors {
  otp: string;
  terms: [string, number, number][];
  ranges: [number, string, number | string, number | string][];
  deep: [string, number, number, number][];
  etsBuckets: [string, number][];
}
const vectors: HashVectors = JSON.parse(readFileSync(fileURLToPath(new URL('../vectors/hash.json', import.meta.url)), 'utf8'));
const terms = vectors.terms.map(([b64]) => decodeExternal(Buffer.from(b64, 'base64')));

const bif = (name: string, arity: number) => {
  const f = lookupBif('erlang', name, arity);
  if (!f) throw new Error(`erlang:${name}/${arity} undefined`);
  return f;
};
const show = (t: Term) => {
  const s = formatTerm(t);
  return s.length > 200 ? s.slice(0, 200) + '...' : s;
};

describe('phash2 and phash against erl', () => {
  it(`has a few thousand vectors (OTP ${vectors.otp})`, () => {
    expect(vectors.terms.length).toBeGreaterThan(3000);
  });

  it('phash2: every term', () => {
    const failures: string[] = [];
    vectors.terms.forEach(([, want], i) => {
      const got = termHash(terms[i]);
      if (got !== want) failures.push(`#${i} ${show(terms[i])}: ${got}, erl ${want}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('phash: every term', () => {
    const failures: string[] = [];
    vectors.terms.forEach(([, , want], i) => {
      const got = legacyHash(terms[i]);
      if (got !== want) failures.push(`#${i} ${show(terms[i])}: ${got}, erl ${want}`);
    });
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('phash2/1 keeps the low 27 bits', () => {
    const phash2 = bif('phash2', 1);
    vectors.terms.forEach(([, want], i) => expect(phash2(terms[i])).toBe(want & 0x7ffffff));
  });

  it('phash2/2 and phash/2 with ranges, and badarg for a bad range', () => {
    const phash2 = bif('phash2', 2);
    const phash = bif('phash', 2);
    const rangeTerm = (s: string): Term => (s === 'a' ? atom('a') : s.includes('.') ? float(Number(s)) : int(BigInt(s)));
    const outcome = (f: () => Term): number | string => {
      try {
        return f() as number;
      } catch (e) {
        if (e instanceof ErlangException) return `!${formatTerm(e.reason)}`;
        throw e;
      }
    };
    for (const [i, r, want2, want] of vectors.ranges) {
      const range = rangeTerm(r);
      expect(outcome(() => phash2(terms[i], range)), `phash2(#${i}, ${r})`).toBe(want2);
      expect(outcome(() => phash(terms[i], range)), `phash(#${i}, ${r})`).toBe(want);
    }
  });

  it('deep and long terms, without overflowing the stack', () => {
    const build = (kind: string, n: number): Term => {
      let t: Term;
      switch (kind) {
        case 'nested_list':
          t = NIL;
          for (let i = 1; i <= n; i++) t = list([i, t]);
          return t;
        case 'nested_tuple':
          t = [];
          for (let i = 1; i <= n; i++) t = [t, i];
          return t;
        case 'nested_map':
          t = new ErlMap([], []);
          for (let i = 1; i <= n; i++) t = new ErlMap([i], [t]);
          return t;
        case 'seq':
          return list(Array.from({ length: n }, (_, i) => i + 1));
      }
      throw new Error(kind);
    };
    expect(vectors.deep.length).toBe(4);
    for (const [kind, n, want2, want] of vectors.deep) {
      const t = build(kind, n);
      expect(termHash(t), kind).toBe(want2);
      expect(legacyHash(t), kind).toBe(want);
    }
  });

  it('ETS key hash: the bucket of each key in a fresh set table (256 buckets)', () => {
    expect(vectors.etsBuckets.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    for (const [b64, bucket] of vectors.etsBuckets) {
      const key = decodeExternal(Buffer.from(b64, 'base64'));
      const got = bucketHash(key) & 255;
      if (got !== bucket) failures.push(`${show(key)}: bucket ${got}, erl ${bucket}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('a binary that views part of a larger buffer hashes like a copy', () => {
    const buf = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);
    const view = new BitString(buf.subarray(5, 30), 25 * 8 - 3);
    const copy = new BitString(buf.slice(5, 30), 25 * 8 - 3);
    // The view's last byte has low bits set that are not part of the bitstring; a copy made
    // by our bit syntax has them zero. Only the 5 significant bits may count.
    copy.bytes[24] &= 0xf8;
    expect(termHash(view)).toBe(termHash(copy));
    expect(legacyHash(view)).toBe(legacyHash(copy));
  });
});
