// raise/3's trace validation, node/1 and function_exported/3 (found by the exc_* fixtures;
// expected behaviour checked with erl, OTP 25). error/2,3's frames are checked end to end by
// the exc_error_args fixture, since they need a running Erlang caller.
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/index.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { list, listToArray, NIL } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';

const bif = (m: string, f: string, a: number) => lookupBif(m, f, a) as (...args: Term[]) => Term;
const raise = bif('erlang', 'raise', 3);
const [m, f] = [atom('m'), atom('f')];

function raised(t: Term): ErlangException | Term {
  try {
    return raise(atom('error'), atom('r'), t);
  } catch (e) {
    if (e instanceof ErlangException) return e;
    throw e;
  }
}

describe('erlang:raise/3', () => {
  it('returns badarg for traces ERTS rejects', () => {
    for (const bad of [list([atom('foo')]), list([[m, f, 1, NIL]], atom('tail')), list([[m, f, 1, atom('nolist')]]), list([[1, f, 1, NIL]]), atom('x')]) {
      expect(raised(bad)).toBe(atom('badarg'));
    }
  });
  it('gives old-style {M, F, A} entries an empty location', () => {
    const e = raised(list([[m, f, 1]])) as ErlangException;
    expect(e.trace).toEqual([[m, f, 1, NIL]]);
  });
});

describe('node/1 and function_exported/3', () => {
  it('node/1 rejects non-identifiers', () => {
    expect(() => bif('erlang', 'node', 1)(1)).toThrow(ErlangException);
  });
  it('function_exported/3 knows BIFs of erlang', () => {
    expect(bif('erlang', 'function_exported', 3)(atom('erlang'), atom('abs'), 1)).toBe(atom('true'));
    expect(bif('erlang', 'function_exported', 3)(atom('erlang'), atom('abs'), 7)).toBe(atom('false'));
  });
});

describe('size/1', () => {
  it('counts tuple elements and whole bytes of bitstrings, else badarg', async () => {
    const { BitString } = await import('../../runtime/term/binary.js');
    const size = bif('erlang', 'size', 1);
    expect(size([atom('a'), atom('b')])).toBe(2);
    expect(size(new BitString(new Uint8Array([1, 2]), 12))).toBe(1);
    expect(() => size(list([1]))).toThrow(ErlangException);
  });
});

describe('convert_time_unit/3', () => {
  it('rounds toward minus infinity and knows integer units (values from erl)', () => {
    const c = bif('erlang', 'convert_time_unit', 3);
    expect(c(-1, atom('nanosecond'), atom('second'))).toBe(-1);
    expect(c(-1500, atom('millisecond'), atom('second'))).toBe(-2);
    expect(c(1, atom('second'), atom('native'))).toBe(1000000000);
    expect(c(7, 1000, 3)).toBe(0);
    expect(() => c(1, atom('fortnight'), atom('second'))).toThrow(ErlangException);
  });
});

describe('iolist_to_iovec/1', () => {
  it('copies small pieces together and keeps binaries of 256 bytes or more apart (as erl)', async () => {
    const { binary } = await import('../../runtime/term/binary.js');
    const v = bif('erlang', 'iolist_to_iovec', 1);
    const big = (n: number, b: number) => binary(new Uint8Array(n).fill(b));
    const r = listToArray(v(list([big(300, 1), list([97, 98]), big(255, 2), big(256, 3)]))) as { byteSize: number }[];
    expect(r.map((b) => b.byteSize)).toEqual([300, 257, 256]);
    expect(v(list([NIL, binary(new Uint8Array(0))]))).toBe(NIL);
  });
});
