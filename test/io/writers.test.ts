// The term writers behind ~w and ~p (io_lib:write/print are OTP's own Erlang code, run
// compiled; these are the native printers io:format uses), and io:printable_range/0.
// Expected strings printed by erl (OTP 25).
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/index.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { prettyPrint } from '../../runtime/io/pretty.js';
import { writeTerm } from '../../runtime/io/write.js';
import { atom } from '../../runtime/term/atom.js';
import { list } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';

const bif = (m: string, f: string, a: number) => lookupBif(m, f, a) as (...args: Term[]) => Term;
const text = (cs: ArrayLike<number>) => String.fromCodePoint(...Array.from(cs));
const T: Term = [atom('a'), list([1, 2, 3, 4, 5, 6]), list([104, 105])];

describe('term writers', () => {
  it('~W with a depth', () => {
    expect(text(writeTerm(T, 2, 'latin1'))).toBe('{a,...}');
    expect(text(writeTerm(T, 3, 'latin1'))).toBe('{a,[...],...}');
    expect(text(writeTerm(T, -1, 'latin1'))).toBe('{a,[1,2,3,4,5,6],[104,105]}');
  });
  it('~p breaks lines at the given width', () => {
    const p = (col: number, width: number) =>
      text(prettyPrint(T, { column: col, lineLength: width, depth: -1, encoding: 'latin1', strings: true, printableRange: 'latin1' }));
    expect(p(1, 10)).toBe('{a,[1,2,\n    3,4,\n    5,6],\n   "hi"}');
    expect(p(1, 80)).toBe('{a,[1,2,3,4,5,6],"hi"}');
  });
  it('printable_range/0 is latin1', () => {
    expect(bif('io', 'printable_range', 0)()).toBe(atom('latin1'));
  });
});

describe('io:getopts/1', () => {
  it('answers for a named device like getopts/0', () => {
    expect(bif('io', 'getopts', 1)(atom('standard_io'))).toEqual(bif('io', 'getopts', 0)());
  });
});
