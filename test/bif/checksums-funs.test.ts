// Checksums (crc32/adler32 and their combine forms, md5) and the fun BIFs found missing by the
// sequential conformance fixtures; expected values were printed by erl (OTP 25).
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/index.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { binaryFromString } from '../../runtime/term/binary.js';
import { ExportFun } from '../../runtime/term/fun.js';
import { listToArray } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';

const bif = (m: string, f: string, a: number) => {
  const fn = lookupBif(m, f, a);
  if (!fn) throw new Error(`${m}:${f}/${a} undefined`);
  return fn as (...args: Term[]) => Term;
};
const b = binaryFromString;
const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ErlangException) return String(e.reason);
    throw e;
  }
  return 'no error';
};

describe('checksums', () => {
  it('crc32 and its combine', () => {
    const crc = bif('erlang', 'crc32', 1);
    expect(crc(b('hello world'))).toBe(222957957);
    expect(bif('erlang', 'crc32', 2)(crc(b('hello ')), b('world'))).toBe(222957957);
    expect(bif('erlang', 'crc32_combine', 3)(crc(b('hello ')), crc(b('world')), 5)).toBe(222957957);
    expect(reason(() => crc(atom('x')))).toBe('badarg');
  });
  it('adler32 and its combine', () => {
    const ad = bif('erlang', 'adler32', 1);
    expect(ad(b('hello world'))).toBe(436929629);
    expect(bif('erlang', 'adler32_combine', 3)(ad(b('hello ')), ad(b('world')), 5)).toBe(436929629);
  });
  it('md5, whole and incremental', () => {
    const want = [144, 1, 80, 152, 60, 210, 79, 176, 214, 150, 63, 125, 40, 225, 127, 114];
    const whole = bif('erlang', 'md5', 1)(b('abc')) as { bytes: Uint8Array };
    expect([...whole.bytes]).toEqual(want);
    const ctx = bif('erlang', 'md5_update', 2)(bif('erlang', 'md5_update', 2)(bif('erlang', 'md5_init', 0)(), b('a')), b('bc'));
    expect([...(bif('erlang', 'md5_final', 1)(ctx) as { bytes: Uint8Array }).bytes]).toEqual(want);
  });
});

describe('fun BIFs', () => {
  it('make_fun/3 builds an external fun and checks its arguments', () => {
    const f = bif('erlang', 'make_fun', 3)(atom('lists'), atom('map'), 2);
    expect(f).toBeInstanceOf(ExportFun);
    expect(reason(() => bif('erlang', 'make_fun', 3)(atom('lists'), atom('map'), 256))).toBe('badarg');
  });
  it('fun_to_list/1 prints like ~w', () => {
    const s = bif('erlang', 'fun_to_list', 1)(new ExportFun(atom('lists'), atom('reverse'), 1));
    expect(String.fromCharCode(...(listToArray(s) as number[]))).toBe('fun lists:reverse/1');
  });
  it('fun_info/1 of an external fun lists five items', () => {
    const items = listToArray(bif('erlang', 'fun_info', 1)(new ExportFun(atom('m'), atom('f'), 0))) as Term[][];
    expect(items.map((i) => (i[0] as { name: string }).name)).toEqual(['module', 'name', 'arity', 'env', 'type']);
  });
});
