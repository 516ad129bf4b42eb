// Maps against erl (test/vectors/map-order.json, scripts/gen-map-vectors.mjs): every recipe is
// rebuilt with the runtime's own map BIFs, then its iteration order, maps:keys/to_list order,
// erlang:display text (the HAMT layout), ~w, external format and iterator path are compared
// with what OTP 25 produced.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../../runtime/bif/maps.js';
import { lookupBif } from '../../runtime/bif/registry.js';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { encodeExternal } from '../../runtime/etf/encode.js';
import { formatChars } from '../../runtime/io/format.js';
import { Atom, atom } from '../../runtime/term/atom.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { formatDisplay } from '../../runtime/term/display.js';
import { Cons, list, listToArray, NIL } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import { makeMap } from '../../runtime/term/mapbuild.js';
import { formatTerm } from '../../runtime/term/print.js';
import type { Term } from '../../runtime/term/term.js';
import { fromHex, toHex } from '../vectors/load.js';

interface MapVector {
  name: string;
  recipe: string;
  size: number;
  order?: string;
  orderSha1: string;
  keysOrder: 'same' | 'reversed';
  display?: string;
  w?: string;
  etf?: string;
  path32?: string;
}
interface AtomVector {
  names: string[];
  indices: number[];
  order: number[];
  display: string;
}
const { vectors, atoms }: { vectors: MapVector[]; atoms: AtomVector[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../vectors/map-order.json', import.meta.url)), 'utf8'),
);

const bif = (name: string) => {
  const [m, fa] = name.split(':');
  const [f, a] = fa.split('/');
  const fn = lookupBif(m, f, Number(a));
  if (fn === undefined) throw new Error(`no BIF ${name}`);
  return fn;
};
const put = bif('maps:put/3');
const update = bif('maps:update/3');
const remove = bif('maps:remove/2');
const merge = bif('maps:merge/2');
const fromList = bif('maps:from_list/1');
const keys = bif('maps:keys/1');
const values = bif('maps:values/1');
const toList = bif('maps:to_list/1');
const mapNext = bif('erts_internal:map_next/3');
const ITERATOR = atom('iterator');
const NONE = atom('none');

const items = (l: Term) => listToArray(l)!;
const pairs = (l: Term) => items(l) as [Term, Term][];
const num = (t: Term) => Number(t as number | bigint);

/** Builds a recipe (see the generator) with the runtime's BIFs. */
function build(r: Term): ErlMap {
  const [tag, a, b, c] = r as Term[];
  switch ((tag as Atom).name) {
    case 'seq': {
      const ps: Term[] = [];
      for (let i = num(a); i <= num(b); i++) ps.push([i, i]);
      return fromList(list(ps)) as ErlMap;
    }
    case 'scaled': {
      const ps: Term[] = [];
      const [mul, mod] = [BigInt(b as number), BigInt(c as number)];
      for (let i = 1; i <= num(a); i++) ps.push([Number((BigInt(i) * mul) % mod), i]);
      return fromList(list(ps)) as ErlMap;
    }
    case 'pairs':
      return fromList(a) as ErlMap;
    case 'puts':
      return pairs(b).reduce<Term>((m, [k, v]) => put(k, v, m), build(a)) as ErlMap;
    case 'updates':
      return pairs(b).reduce<Term>((m, [k, v]) => update(k, v, m), build(a)) as ErlMap;
    case 'removes':
      return items(b).reduce<Term>((m, k) => remove(k, m), build(a)) as ErlMap;
    case 'merge':
      return merge(build(a), build(b)) as ErlMap;
  }
  throw new Error(`bad recipe ${formatTerm(r)}`);
}

/** erts_internal:map_next/3 in iterator mode, followed to the end: keys, and each batch's end. */
function iterate(m: ErlMap, from: Term = 0): { keys: Term[]; ends: Term[] } {
  const ks: Term[] = [];
  const ends: Term[] = [];
  let it: Term = mapNext(from, m, ITERATOR);
  for (;;) {
    while (Array.isArray(it)) {
      ks.push(it[0]);
      it = it[2];
    }
    ends.push(it);
    if (it === NONE) return { keys: ks, ends };
    const c = it as Cons;
    expect(c.tail).toBe(m);
    it = mapNext(c.head, m, ITERATOR);
  }
}

const hexOf = (t: Term) => toHex(encodeExternal(t));
const sha1 = (t: Term) => createHash('sha1').update(encodeExternal(t)).digest('hex').toUpperCase();

describe('maps against erl', () => {
  it.each(vectors.map((v) => [`${v.name} (${v.size} keys)`, v] as const))('%s', (_, v) => {
    const m = build(decodeExternal(fromHex(v.recipe)));
    expect(m.size).toBe(v.size);
    expect(m.root === undefined).toBe(v.size <= 32);

    // Iteration order (maps:fold, maps:next, ~p) and the order maps:keys & co. list keys in.
    const order = list(m.keys as Term[]);
    if (v.order !== undefined) expect(hexOf(order)).toBe(v.order);
    expect(sha1(order)).toBe(v.orderSha1);
    const listed = v.keysOrder === 'same' ? [...m.keys] : [...m.keys].reverse();
    expect(items(keys(m))).toEqual(listed);
    expect(items(toList(m)).map((p) => (p as Term[])[0])).toEqual(listed);
    const vs = items(values(m));
    expect(vs.length).toBe(m.size);
    const want = v.keysOrder === 'same' ? [...m.values] : [...m.values].reverse();
    for (let i = 0; i < vs.length; i++) expect(vs[i]).toBe(want[i]);

    // The iterator: the keys again, the first batch ending at OTP's path.
    const { keys: iterated, ends } = iterate(m);
    expect(iterated).toEqual(m.keys);
    if (v.path32 === undefined) expect(ends[0]).toBe(NONE);
    else expect(String((ends[0] as Cons).head)).toBe(v.path32);

    if (v.display !== undefined) expect(formatDisplay(m)).toBe(v.display);
    if (v.w !== undefined) {
      expect(formatTerm(m)).toBe(v.w);
      expect(String.fromCodePoint(...formatChars(list([...'~w'].map((c) => c.charCodeAt(0))), list([m])))).toBe(v.w);
    }
    if (v.etf !== undefined) {
      expect(hexOf(m)).toBe(v.etf);
      const back = decodeExternal(fromHex(v.etf)) as ErlMap;
      expect(exactEqual(back, m)).toBe(true);
      expect(back.keys).toEqual(m.keys);
    }
  });

  it('resuming an iterator from any batch end yields the rest in order', () => {
    const m = build(decodeExternal(fromHex(vectors.find((v) => v.size === 5001)!.recipe)));
    const { keys: all } = iterate(m);
    // Walk with 32-key batches only (path 0 each time is the only way to ask OTP for 32),
    // following the paths our iterator returns.
    let seen = 0;
    let from: Term = 0;
    while (from !== NONE) {
      const { keys: rest, ends } = iterate(m, from);
      expect(rest).toEqual(all.slice(seen));
      let it: Term = mapNext(from, m, ITERATOR);
      let n = 0;
      while (Array.isArray(it)) (n++, (it = it[2]));
      seen += n;
      from = it === NONE ? NONE : (it as Cons).head;
      expect(ends.length).toBeGreaterThan(0);
    }
    expect(seen).toBe(m.size);
  });

  it('a bad path is badarg', () => {
    const m = build(decodeExternal(fromHex(vectors.find((v) => v.size === 41)!.recipe)));
    expect(() => mapNext(15, m, ITERATOR)).toThrow(); // the root has 15 slots (bitmap fffb)
    expect(() => mapNext(-1, m, ITERATOR)).toThrow();
    expect(() => mapNext(0, m, atom('x'))).toThrow();
    const small = makeMap([[1, 1]]);
    expect(() => mapNext(2, small, ITERATOR)).toThrow();
    expect(mapNext(1, small, ITERATOR)).toEqual([1, 1, NONE]); // a small map ignores the path
    expect(mapNext(0, small, NIL)).toEqual(new Cons([1, 1], NIL));
  });
});

describe('atom keys against erl, hashed by OTP atom-table index', () => {
  // Stand-ins for atoms with the indices OTP gave them (interned atoms get this runtime's).
  const fakeAtom = (name: string, id: number): Atom => Object.create(Atom.prototype, { id: { value: id }, name: { value: name } });

  it.each(atoms.map((v) => [v.names.length, v] as const))('%i atoms', (_, v) => {
    const as = v.names.map((n, i) => fakeAtom(n, v.indices[i]));
    const m = makeMap(as.map((a, i) => [a, i]));
    expect((m.keys as Atom[]).map((a) => as.indexOf(a))).toEqual(v.order);
    expect(formatDisplay(m)).toBe(v.display);
  });
});
