// Construction (bs_create_bin / bs_put_*) against erl: every shape of test/vectors/bits.json is
// replayed as the compiler would emit it, through createBin, with Size operands as terms, and
// (for appends) in place on a writable binary.
import { describe, expect, it } from 'vitest';
import { BitString } from '../../runtime/term/binary.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { formatTerm } from '../../runtime/term/print.js';
import type { Term } from '../../runtime/term/term.js';
import { args, bitsVectors, decodeHex, runBuild, runBuildTerms, wellFormed, type BuildMode } from './vectors.js';

describe('bit-syntax construction vectors from erl', () => {
  it('has vectors from OTP 25', () => {
    expect(bitsVectors.otp).toBe('25');
    expect(bitsVectors.build.length).toBeGreaterThan(500);
  });

  for (const [n, shape] of bitsVectors.build.entries()) {
    it(`#${n} ${shape.src}`, () => {
      const failures: string[] = [];
      for (const [argHex, resHex] of shape.runs) {
        const a = args(argHex);
        const want = decodeHex(resHex);
        const modes: BuildMode[] = ['low', 'create', 'plain', 'inplace'];
        for (const mode of modes) {
          const got = runBuild(shape.segs, a, mode);
          if (!exactEqual(got, want)) failures.push(`${mode} ${formatTerm(a)}: got ${formatTerm(got)}, want ${formatTerm(want)}`);
          const r = (got as Term[])[1];
          if (r instanceof BitString && !wellFormed(r)) failures.push(`${mode} ${formatTerm(a)}: malformed result`);
        }
        if (!(shape.segs[0].t === 'binary' && shape.segs[0].s === 'all')) {
          const got = runBuildTerms(shape.segs, a);
          if (!exactEqual(got, want)) failures.push(`terms ${formatTerm(a)}: got ${formatTerm(got)}, want ${formatTerm(want)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
