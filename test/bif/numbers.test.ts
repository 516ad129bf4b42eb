// Number BIFs and runtime/term/arith.ts against erl (test/vectors/numbers.json), plus the
// limits and fast paths the vectors cannot cover cheaply.
import { afterAll, describe, expect, it } from 'vitest';
import '../../runtime/bif/numbers.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { groupsOf, runGroup } from './vectors.js';

const LIST_FNS = /^(length|hd|tl|\+\+|--|.*atom.*|tuple_.*|list_to_tuple|element|setelement|make_tuple|append_element|insert_element|delete_element|is_.*)$/;
const numberGroups = groupsOf((m, f) => m === 'erlang' && !LIST_FNS.test(f));
const mathGroups = groupsOf((m) => m === 'math');

describe('erlang number BIFs against erl', () => {
  it.each(numberGroups.map((g) => [g.fn, g] as const))('%s', (_, g) => {
    const r = runGroup(g);
    expect(r.failures.slice(0, 15)).toEqual([]);
  });
});

const inexact: string[] = [];
describe('math against erl', () => {
  afterAll(() => console.log(`math results within tolerance but not bit-identical to erl: ${inexact.filter((s) => !s.includes(' 0/')).join(', ')}`));
  it.each(mathGroups.map((g) => [g.fn, g] as const))('%s', (_, g) => {
    // glibc's math functions are not correctly rounded; V8's (and our erf/erfc, which are)
    // can differ by an ulp, and glibc's erfc by a few ulps deep in its tail.
    const r = runGroup(g, { ulpTolerance: g.fn === 'math:erfc/1' ? 4 : 1 });
    inexact.push(`${g.fn}: ${r.inexact}/${r.total}`);
    expect(r.failures.slice(0, 15)).toEqual([]);
  });
});

describe('math:pow with integer exponents is correctly rounded (V8 Math.pow is not)', () => {
  // Values printed by erl (glibc's pow); exact-tie cases such as 10^23 are left out, where
  // glibc does not always round to even.
  it.each([
    [10, -5, 1e-5], [10, -7, 1e-7], [1.1, 100, 13780.61233982238], [3, 40, 1.2157665459056929e19],
    [0.5, 1074, 5e-324], [-2.5, 7, -610.3515625], [7, -300, 2.955207605012408e-254], [7, 19, 11398895185373144],
  ])('%s ^ %s', (x, y, want) => {
    const pow = lookupBif('math', 'pow', 2)!;
    expect((pow(x, y) as { value: number }).value).toBe(want);
  });
});
