// Decoding and encoding against erl's own term_to_binary output.
import { describe, expect, it } from 'vitest';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { encodeExternal } from '../../runtime/etf/encode.js';
import { TermFormatError } from '../../runtime/etf/errors.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { formatTerm } from '../../runtime/term/print.js';
import { fromHex, termVectors, toHex } from '../vectors/load.js';

const { vectors, decodeCases } = termVectors;

describe('term_to_binary vectors from erl', () => {
  it('has vectors', () => {
    expect(termVectors.otp).toBe('25');
    expect(vectors.length).toBeGreaterThan(200);
  });

  for (const v of vectors) {
    it(`${v.expr.slice(0, 60)}`, () => {
      const t = decodeExternal(fromHex(v.hex));
      // Every variant decodes to the same term.
      for (const h of [v.hexV0, v.hexV2, v.hexZ]) {
        if (h !== undefined) expect(exactEqual(decodeExternal(fromHex(h)), t)).toBe(true);
      }
      if (v.noEncode) {
        expect(exactEqual(decodeExternal(encodeExternal(t)), t)).toBe(true);
      } else {
        expect(toHex(encodeExternal(t))).toBe(v.hex);
        expect(toHex(encodeExternal(t, { minorVersion: 1 }))).toBe(v.hex);
        expect(toHex(encodeExternal(t, { minorVersion: 0 }))).toBe(v.hexV0 ?? v.hex);
        expect(toHex(encodeExternal(t, { minorVersion: 2 }))).toBe(v.hexV2 ?? v.hex);
        expect(toHex(encodeExternal(t, { compressed: true }))).toBe(v.hexZ ?? v.hex);
      }
      if (v.w !== undefined) expect(formatTerm(t)).toBe(v.w);
    });
  }
});

describe('hand-made inputs judged by erl binary_to_term', () => {
  for (const c of decodeCases) {
    it(`${c.expr.slice(0, 70)} -> ${c.error ? 'badarg' : 'ok'}`, () => {
      const bytes = fromHex(c.hex);
      if (c.error) {
        expect(() => decodeExternal(bytes)).toThrow(TermFormatError);
      } else {
        const t = decodeExternal(bytes);
        expect(toHex(encodeExternal(t))).toBe(c.canonical);
      }
    });
  }
});
