// List, tuple, atom and type-test BIFs against erl (test/vectors/numbers.json), and `--` on
// large random inputs against a naive reference.
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/lists.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { ErlangException } from '../../runtime/exception.js';
import { atom, Atom } from '../../runtime/term/atom.js';
import { binaryFromString } from '../../runtime/term/binary.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { float } from '../../runtime/term/float.js';
import { Cons, list, listToArray, NIL } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';
import { canonical } from '../support/canonical.js';
import { mulberry32 } from '../vectors/load.js';
import { groupsOf, runGroup } from './vectors.js';

const LIST_FNS = /^(length|hd|tl|\+\+|--|.*atom.*|tuple_.*|list_to_tuple|element|setelement|make_tuple|append_element|insert_element|delete_element|is_.*)$/;
const groups = groupsOf((m, f) => m === 'lists' || (m === 'erlang' && LIST_FNS.test(f)));

describe('list, tuple, atom and type BIFs against erl', () => {
  it.each(groups.map((g) => [g.fn, g] as const))('%s', (_, g) => {
    // lists:reverse/1 reports a badarg from reverse/2 with that call's arguments.
    const r = runGroup(g, { checkArgs: g.fn !== 'lists:reverse/1' });
    expect(r.failures.slice(0, 15)).toEqual([]);
  });
});

const bif = (name: string) => {
  const [m, rest] = name.split(':');
  const i = rest.lastIndexOf('/');
  const f = lookupBif(m, rest.slice(0, i), Number(rest.slice(i + 1)));
  if (!f) throw new Error(`${name} undefined`);
  return f;
};
const subtract = bif("erlang:--/2");
const append = bif('erlang:++/2');

/** `--` as the BEAM defines it, quadratically. */
function naiveSubtract(a: Term[], b: Term[]): Term[] {
  const rest = a.slice();
  for (const y of b) {
    const i = rest.findIndex((x) => exactEqual(x, y));
    if (i >= 0) rest.splice(i, 1);
  }
  return rest;
}

describe('-- on large inputs', () => {
  const rnd = mulberry32(42);
  const pool: Term[] = [0, 1, 2, -1, float(0), float(-0), float(1), float(2), 2n ** 64n, float(2 ** 64), atom('a'), atom('b'), NIL,
    list([1]), list([float(1)]), [1, 2], [1, float(2)], [], binaryFromString('a'), binaryFromString('b'), list([97])];
  const randList = (n: number) => Array.from({ length: n }, () => pool[Math.floor(rnd() * pool.length)]);

  it('matches the naive definition on random multisets (bag path)', () => {
    for (let round = 0; round < 40; round++) {
      const a = randList(1 + Math.floor(rnd() * 300));
      const b = randList(Math.floor(rnd() * 300));
      const got = listToArray(subtract(list(a), list(b)))!;
      expect(canonical(list(got))).toBe(canonical(list(naiveSubtract(a, b))));
    }
  });

  it('is fast on 200k -- 100k elements', () => {
    const a = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 150_000);
    const b = Array.from({ length: 100_000 }, (_, i) => [i % 2 === 0 ? i : i + 0.5].map((x) => (Number.isInteger(x) ? x : float(x)))[0]);
    const r = listToArray(subtract(list(a), list(b)))!;
    // Each even i < 100000 removes its first occurrence.
    expect(r.length).toBe(200_000 - 50_000);
    const tuples = Array.from({ length: 50_000 }, (_, i) => [atom('k'), i] as Term);
    const r2 = listToArray(subtract(list(tuples), list(tuples.slice().reverse())))!;
    expect(r2.length).toBe(0);
  });

  it('returns the left list itself when nothing is removed', () => {
    const a = list([1, 2, 3]);
    expect(subtract(a, list([4]))).toBe(a);
    expect(subtract(a, NIL)).toBe(a);
  });

  it('errors carry both arguments', () => {
    const bad = new Cons(1, 2);
    try {
      subtract(bad, NIL);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ErlangException);
      expect((e as ErlangException).args).toEqual([bad, NIL]);
    }
  });
});

describe('++', () => {
  it('shares the right list and handles long left lists', () => {
    const right = list([9]);
    const left = list(Array.from({ length: 100_000 }, (_, i) => i));
    const r = append(left, right);
    let x: Term = r;
    for (let i = 0; i < 100_000; i++) x = (x as Cons).tail;
    expect(x).toBe(right);
    expect(append(NIL, atom('x'))).toBe(atom('x'));
  });
});

describe('atoms', () => {
  it('atom_to_list gives code points; list_to_atom takes them back', () => {
    const name = 'a\u{1F600}\u65E5\u00FF';
    const l = bif('erlang:atom_to_list/1')(atom(name));
    expect(listToArray(l)).toEqual([0x61, 0x1f600, 0x65e5, 0xff]);
    expect(bif('erlang:list_to_atom/1')(l)).toBe(atom(name));
  });
  it('255 characters above U+FFFF are allowed; 256 are a system_limit', () => {
    const ok = list(Array.from({ length: 255 }, () => 0x1f600));
    expect((bif('erlang:list_to_atom/1')(ok) as Atom).name.length).toBe(510);
    try {
      bif('erlang:list_to_atom/1')(new Cons(0x1f600, ok));
      expect.unreachable();
    } catch (e) {
      expect((e as ErlangException).reason).toBe(atom('system_limit'));
    }
  });
});
