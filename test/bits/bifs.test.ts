// The binary BIFs (erlang, binary, unicode) against erl, good and bad arguments alike.
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/binaries.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { formatTerm } from '../../runtime/term/print.js';
import { args, bitsVectors, decodeHex, outcome } from './vectors.js';

const groups = new Map<string, typeof bitsVectors.bifs>();
for (const v of bitsVectors.bifs) {
  const key = `${v.m}:${v.f}/${args(v.args).length}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key)!.push(v);
}

describe('binary BIF vectors from erl', () => {
  for (const [key, vs] of groups) {
    it(`${key} (${vs.length} calls)`, () => {
      const failures: string[] = [];
      for (const v of vs) {
        const a = args(v.args);
        const fn = lookupBif(v.m, v.f, a.length);
        expect(fn, key).toBeDefined();
        const want = decodeHex(v.out);
        const got = outcome(() => {
          if (v.cp !== undefined) a[v.cp] = lookupBif('binary', 'compile_pattern', 1)!(a[v.cp]);
          return fn!(...a);
        });
        if (!exactEqual(got, want)) failures.push(`${v.m}:${v.f}(${v.src}): got ${formatTerm(got)}, want ${formatTerm(want)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
