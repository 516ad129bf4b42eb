// Native io_lib:write/1,2 and print/1,4 and io:printable_range/0 (OTP's versions reach
// modules that need processes). Expected strings printed by erl (OTP 25).
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/index.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { atom } from '../../runtime/term/atom.js';
import { list, listToArray } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';

const bif = (m: string, f: string, a: number) => lookupBif(m, f, a) as (...args: Term[]) => Term;
const text = (t: Term) => String.fromCodePoint(...(listToArray(t) as number[]));
const T: Term = [atom('a'), list([1, 2, 3, 4, 5, 6]), list([104, 105])];

describe('io_lib natives', () => {
  it('write/2 with a depth', () => {
    expect(text(bif('io_lib', 'write', 2)(T, 2))).toBe('{a,...}');
    expect(text(bif('io_lib', 'write', 2)(T, 3))).toBe('{a,[...],...}');
    expect(text(bif('io_lib', 'write', 2)(T, list([[atom('depth'), 3]])))).toBe('{a,[...],...}');
    expect(text(bif('io_lib', 'write', 1)(T))).toBe('{a,[1,2,3,4,5,6],[104,105]}');
  });
  it('print/4 breaks lines at the given width', () => {
    expect(text(bif('io_lib', 'print', 4)(T, 1, 10, -1))).toBe('{a,[1,2,\n    3,4,\n    5,6],\n   "hi"}');
    expect(text(bif('io_lib', 'print', 1)(T))).toBe('{a,[1,2,3,4,5,6],"hi"}');
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
