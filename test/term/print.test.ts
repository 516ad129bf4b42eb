// ~w printing: floats against erl (test/vectors/floats.json), other terms by hand
// (the erl-generated term vectors are checked in test/etf/vectors.test.ts).
import { describe, expect, it } from 'vitest';
import { formatFloatShort } from '../../runtime/term/floatformat.js';
import { atom, BitString, Cons, ExportFun, float, list, NIL, Pid, Ref, type Term } from '../../runtime/term/index.js';
import { formatAtom, formatTerm } from '../../runtime/term/print.js';
import { floatVectors } from '../vectors/load.js';

describe('floats as erl ~w prints them', () => {
  it(`${floatVectors.floats.length} floats`, () => {
    const bad: string[] = [];
    for (const [hex, w] of floatVectors.floats) {
      const v = Buffer.from(hex, 'hex').readDoubleBE(0);
      const got = formatFloatShort(v);
      if (got !== w) bad.push(`${hex}: want ${w} got ${got}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
  it('edge cases', () => {
    const cases: [number, string][] = [
      [0, '0.0'], [-0, '-0.0'], [1, '1.0'], [0.1, '0.1'], [1e20, '1.0e20'], [1e-5, '1.0e-5'], [100, '100.0'],
      [1000, '1.0e3'], [123456789, '123456789.0'], [2 ** 53, '9.007199254740992e15'], [5e-324, '5.0e-324'],
      [0.0001, '0.0001'], [0.00012, '1.2e-4'], [12345678900, '12345678900.0'],
    ];
    for (const [v, w] of cases) expect(formatFloatShort(v)).toBe(w);
  });
});

describe('atoms', () => {
  const cases: [string, string][] = [
    ['a', 'a'], ['hello_World@1', 'hello_World@1'], ['Hello', "'Hello'"], ['', "''"], ['a b', "'a b'"],
    ['\n', "'\\n'"], ["it's", "'it\\'s'"], ['\\', "'\\\\'"], ['and', "'and'"], ['receive', "'receive'"],
    ['maybe', 'maybe'], ['héllo', 'héllo'], ['ß', 'ß'], ['×', "'×'"], ['日本', "'\\x{65E5}\\x{672C}'"],
    ['\x7f', "'\\d'"], ['\x9f', "'\\237'"], ['\x01', "'\\001'"], ['a\u{1F600}', "'a\\x{1F600}'"], ['_x', "'_x'"],
  ];
  for (const [name, w] of cases) it(JSON.stringify(name), () => expect(formatAtom(atom(name))).toBe(w));
});

describe('structures', () => {
  it('lists, tuples, maps, binaries, funs, pids', () => {
    expect(formatTerm(list([1, 2], 3))).toBe('[1,2|3]');
    expect(formatTerm(list([97, 98]))).toBe('[97,98]');
    expect(formatTerm([atom('a'), [], NIL, float(1.5)])).toBe('{a,{},[],1.5}');
    expect(formatTerm(new BitString(Uint8Array.from([1, 0x40]), 11))).toBe('<<1,2:3>>');
    expect(formatTerm(new BitString(new Uint8Array(0)))).toBe('<<>>');
    expect(formatTerm(new ExportFun(atom('A'), atom('b c'), 1))).toBe("fun 'A':'b c'/1");
    expect(formatTerm(new Pid(atom('nonode@nohost'), 80, 0, 0))).toBe('<0.80.0>');
    expect(formatTerm(new Ref(atom('nonode@nohost'), 0, [3, 2, 1]))).toBe('#Ref<0.1.2.3>');
    expect(formatTerm(2n ** 64n)).toBe('18446744073709551616');
  });
  it('deep and long terms print without recursion', () => {
    let t: Term = NIL;
    for (let i = 0; i < 100_000; i++) t = i & 1 ? [t] : new Cons(t, NIL);
    const s = formatTerm(t);
    expect(s.length).toBe(200_000 + 2);
    expect(formatTerm(list(Array.from({ length: 300_000 }, () => 0))).length).toBe(600_001);
  });
});

describe('formatTerm with strings (as ~p shows them)', () => {
  it('prints printable lists and binaries as strings, and nothing else', async () => {
    const { formatTerm } = await import('../../runtime/term/print.js');
    const { list } = await import('../../runtime/term/list.js');
    const { binaryFromString, BitString } = await import('../../runtime/term/binary.js');
    const codes = (s: string) => list([...s].map((c) => c.codePointAt(0)!));
    const o = { strings: true };
    expect(formatTerm(codes('hello "x"\n'), o)).toBe('"hello \\"x\\"\\n"');
    expect(formatTerm(codes('hello'))).toBe('[104,101,108,108,111]');
    expect(formatTerm(list([104, 1000]), o)).toBe('[104,1000]');
    expect(formatTerm(list([104], 105), o)).toBe('[104|105]');
    expect(formatTerm(binaryFromString('abc'), o)).toBe('<<"abc">>');
    expect(formatTerm(new BitString(Uint8Array.of(0x61, 0x80), 9), o)).toBe('<<97,1:1>>');
    expect(formatTerm(new BitString(Uint8Array.of(1, 2)), o)).toBe('<<1,2>>');
    const long = 'x'.repeat(200_000);
    expect(formatTerm(codes(long), o)).toBe(`"${long}"`);
  });
});
