// Matching against erl: each shape of test/vectors/bits.json replayed with the checked
// instructions (bs_get_*), with OTP 26 bs_match commands where the shape allows, on a
// sub-binary view, and at unaligned offsets inside a larger bitstring.
import { describe, expect, it } from 'vitest';
import { BitString } from '../../runtime/term/binary.js';
import { startMatch } from '../../runtime/term/bits/match.js';
import { formatTerm } from '../../runtime/term/print.js';
import { args, asView, atOffset, bitsVectors, decodeHex, expectedMatch, runBsMatch, runMatchCtx, sameValues } from './vectors.js';

const show = (v: unknown) => (v === null ? 'nomatch' : v === undefined ? 'n/a' : formatTerm(v as never));

describe('bit-syntax match vectors from erl', () => {
  it('has vectors', () => {
    expect(bitsVectors.match.length).toBeGreaterThan(500);
  });

  for (const [n, shape] of bitsVectors.match.entries()) {
    it(`#${n} ${shape.src}`, () => {
      const failures: string[] = [];
      for (const [argHex, resHex] of shape.runs) {
        const [bin, ...extra] = args(argHex);
        const want = expectedMatch(decodeHex(resHex));
        const check = (what: string, got: unknown) => {
          if (!sameValues(got as never, want)) failures.push(`${what} ${formatTerm(bin)}: got ${show(got)}, want ${show(want)}`);
        };
        check('checked', runMatchCtx(startMatch(bin)!, shape.segs, extra));
        if (!(bin instanceof BitString)) continue;
        check('view', runMatchCtx(startMatch(asView(bin))!, shape.segs, extra));
        for (const shift of [3, 8, 13]) check(`at+${shift}`, runMatchCtx(atOffset(bin, shift), shape.segs, extra));
        const bs = runBsMatch(startMatch(bin)!, shape.segs);
        if (bs !== undefined) check('bs_match', bs);
        const bs5 = runBsMatch(atOffset(bin, 5), shape.segs);
        if (bs5 !== undefined) check('bs_match+5', bs5);
      }
      expect(failures).toEqual([]);
    });
  }
});
