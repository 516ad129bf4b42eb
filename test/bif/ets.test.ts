// ETS internals against simple models: the ordered and hash stores under random operations
// (including fixation and growth), match-spec compilation, and what happens to a
// process's tables when it exits. The ets_* fixtures check the BIFs end to end against erl.
import { beforeAll, describe, expect, it } from 'vitest';
import { Process, PROCESSES } from '../../runtime/process/process.js';
import { S } from '../../runtime/process/state.js';
import '../../runtime/bif/index.js';
import { BIFS, lookupBif, type Bif } from '../../runtime/bif/registry.js';
import { ErlangException } from '../../runtime/exception.js';
import { HashStore } from '../../runtime/ets/hashstore.js';
import { compileMatchSpec, NO_MATCH } from '../../runtime/ets/matchspec.js';
import { OrderedStore } from '../../runtime/ets/orderedstore.js';
import { MISSING } from '../../runtime/ets/store.js';
import { deleteTablesOwnedBy, find } from '../../runtime/ets/table.js';
import { atom, TRUE, UNDEFINED } from '../../runtime/term/atom.js';
import { compare } from '../../runtime/term/compare.js';
import { float } from '../../runtime/term/float.js';
import { Pid } from '../../runtime/term/identity.js';
import { list, listToArray, NIL } from '../../runtime/term/list.js';
import { formatTerm } from '../../runtime/term/print.js';
import type { Term } from '../../runtime/term/term.js';
import { mulberry32 } from '../vectors/load.js';

const ets = (name: string, arity: number): Bif => {
  const f = lookupBif('ets', name, arity);
  if (!f) throw new Error(`ets:${name}/${arity} undefined`);
  return f;
};
const show = (t: Term) => formatTerm(t);

describe('OrderedStore', () => {
  it('keeps keys in term order under random inserts and deletes (1 and 1.0 are one key)', () => {
    const rnd = mulberry32(7);
    const s = new OrderedStore();
    const model = new Map<number, Term>(); // by numeric value: == semantics
    const key = (n: number): Term => (rnd() < 0.3 ? float(n) : n);
    for (let round = 0; round < 4000; round++) {
      const n = Math.floor(rnd() * 1500);
      const k = key(n);
      if (rnd() < 0.65) {
        const obj = [k, round];
        s.put(k, [obj]);
        model.set(n, obj);
      } else {
        expect(s.delete(k)).toBe(model.delete(n));
      }
    }
    const sorted = [...model.keys()].sort((a, b) => a - b);
    const keys = [...s.all(false)].map((g) => g.key);
    expect(keys.map((k) => Number(typeof k === 'number' ? k : (k as { value: number }).value))).toEqual(sorted);
    expect(s.count).toBe(sorted.length);
    // Objects are the latest put for their key, and the stored key is that object's key.
    for (const g of s.all(false)) expect(g.objs[0]).toBe(model.get(Number(show(g.key))));
    const rev = [...s.all(true)].map((g) => show(g.key));
    expect(rev).toEqual(keys.map(show).reverse());
    // next/prev from any term, present or not.
    for (let i = 0; i < 300; i++) {
      const probe = Math.floor(rnd() * 1600) - 50 + 0.5;
      const next = sorted.find((x) => x > probe);
      const prev = [...sorted].reverse().find((x) => x < probe);
      const sn = s.nextKey(float(probe));
      const sp = s.prevKey(float(probe));
      expect(sn === undefined ? undefined : Number(show(sn))).toBe(next);
      expect(sp === undefined ? undefined : Number(show(sp))).toBe(prev);
    }
    expect(Number(show(s.firstKey()!))).toBe(sorted[0]);
    expect(Number(show(s.lastKey()!))).toBe(sorted[sorted.length - 1]);
    expect(show((s.slot(10)![0] as Term[])[0])).toBe(show(keys[10]));
    expect(s.slot(sorted.length)).toBeUndefined();
  });

  it('resumes a scan after the table changed under it', () => {
    const s = new OrderedStore();
    for (let i = 0; i < 1000; i++) s.put(i, [[i]]);
    const seen: number[] = [];
    for (const g of s.all(false)) {
      const k = g.key as number;
      seen.push(k);
      // Delete the next key and insert one far ahead: the scan skips the one and finds the other.
      s.delete(k + 1);
      if (k === 10) s.put(5000, [[5000]]);
    }
    expect(seen.slice(0, 4)).toEqual([0, 2, 4, 6]);
    expect(seen[seen.length - 1]).toBe(5000);
    expect(seen.length).toBe(501);
  });
});

describe('HashStore', () => {
  it('matches a model under random operations, keys compared exactly', () => {
    const rnd = mulberry32(11);
    const s = new HashStore();
    const model = new Map<string, [Term, Term[]]>();
    const keys: Term[] = [];
    for (let i = 0; i < 300; i++) keys.push(i, float(i), atom(`k${i}`), [i, atom('t')], list([i]));
    const id = (k: Term) => show(k) + (k instanceof Object && 'value' in k ? 'f' : '');
    for (let round = 0; round < 20000; round++) {
      const k = keys[Math.floor(rnd() * keys.length)];
      if (rnd() < 0.55) {
        const objs = [[k, round]];
        s.put(k, objs);
        model.set(id(k), [k, objs]);
      } else {
        expect(s.delete(k)).toBe(model.delete(id(k)));
      }
    }
    expect(s.count).toBe(model.size);
    for (const [, [k, objs]] of model) expect(s.get(k)).toBe(objs);
    expect(s.get(1)).not.toBe(s.get(float(1)));
    const all = [...s.all()].map((g) => id(g.key));
    expect(new Set(all)).toEqual(new Set(model.keys()));
    // first/next visit the select order backwards, every key once.
    expect([...s.walk()].map((g) => id(g.key))).toEqual([...all].reverse());
    const walked: string[] = [];
    for (let k = s.firstKey(); k !== undefined; ) {
      walked.push(id(k));
      const nk = s.nextKey(k);
      if (nk === MISSING) throw new Error('missing');
      k = nk;
    }
    expect(walked).toEqual([...all].reverse());
  });

  it('grows one bucket per object beyond 256, never shrinks, and resets when cleared', () => {
    const s = new HashStore();
    for (let i = 0; i < 256; i++) s.put(i, [[i]]);
    expect(s.bucketCount).toBe(256);
    for (let i = 256; i < 1000; i++) s.put(i, [[i]]);
    expect(s.bucketCount).toBe(1000);
    s.put(5, [[5, 'again']]);
    expect(s.bucketCount).toBe(1000);
    for (let i = 0; i < 900; i++) s.delete(i);
    expect(s.bucketCount).toBe(1000);
    expect(s.slot(999)).toBeDefined();
    expect(s.slot(1000)).toBeUndefined();
    s.clear();
    expect(s.bucketCount).toBe(256);
    expect(s.count).toBe(0);
    // Every object is still found after all those splits.
    for (let i = 0; i < 600; i++) s.put([i], [[[i], i]]);
    for (let i = 0; i < 600; i++) expect(s.get([i])).toEqual([[[i], i]]);
  });

  it('keeps deleted keys usable by next/2 while fixed, and does not grow until unfixed', () => {
    const s = new HashStore();
    for (let i = 0; i < 100; i++) s.put(i, [[i]]);
    s.fix();
    const seen: number[] = [];
    for (let k = s.firstKey(); k !== undefined; ) {
      seen.push(k as number);
      s.delete(k);
      const nk = s.nextKey(k);
      expect(nk).not.toBe(MISSING);
      k = nk as Term | undefined;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(s.count).toBe(0);
    for (let i = 100; i < 400; i++) s.put(i, [[i]]);
    expect(s.bucketCount).toBe(256);
    s.put(5, [[5, 'again']]);
    expect(s.get(5)).toEqual([[5, 'again']]);
    s.unfix();
    expect(s.nextKey(3)).toBe(MISSING);
    expect(s.count).toBe(301);
    // Catching up: at most 5 buckets per insert.
    s.put(1000, [[1000]]);
    expect(s.bucketCount).toBe(261);
  });
});

describe('match specifications', () => {
  const ms = (t: Term) => compileMatchSpec(t);
  const $ = (n: number) => atom(`$${n}`);

  it('rejects malformed specs', () => {
    for (const bad of [atom('x'), list([atom('x')]), list([[atom('_'), NIL, NIL]]), list([[atom('_'), NIL, list([$(1)])]]), list([[atom('_'), NIL, list([[atom('nosuchfn'), 1]])]])]) {
      expect(ms(bad), show(bad)).toBeUndefined();
    }
  });

  it('binds variables, checks repeats exactly, and returns the body value or EXIT', () => {
    const spec = ms(list([[[$(1), $(1), atom('_')], NIL, list([[[$(1)]]])], [[$(2), atom('_')], list([[atom('>'), $(2), 5]]), list([[atom('hd'), $(2)]])]]))!;
    expect(show(spec.run([1, 1, 9]) as Term)).toBe('{1}');
    expect(spec.run([1, float(1), 9])).toBe(NO_MATCH);
    expect(spec.run([3, 0])).toBe(NO_MATCH);
    expect(show(spec.run([7, 0]) as Term)).toBe("'EXIT'");
  });
});

describe('tables of an exiting process', () => {
  const other = new Pid(atom('nonode@nohost'), 999, 0, 0);
  // The BIFs run as a process would call them: give them one.
  beforeAll(() => {
    const p = new Process(new Pid(atom('nonode@nohost'), 9, 0, 0), NIL, undefined);
    PROCESSES.set(9, p);
    S.current = p;
  });

  it('are deleted, or go to a live heir with an ETS-TRANSFER message', () => {
    const me = lookupBif('erlang', 'self', 0)!() as Pid;
    const plain = ets('new', 2)(atom('plain'), NIL);
    const inherited = ets('new', 2)(atom('inherited'), list([[atom('heir'), me, atom('gift')]]));
    ets('insert', 2)(inherited, [atom('k'), 1]);
    // Pretend another process created both tables and holds a fixation on one.
    find(plain)!.owner = other;
    find(inherited)!.owner = other;
    const sent: Term[][] = [];
    const oldSend = BIFS.get('erlang:send/2');
    BIFS.set('erlang:send/2', (to, msg) => {
      sent.push([to, msg]);
      return msg;
    });
    try {
      deleteTablesOwnedBy(other);
    } finally {
      if (oldSend) BIFS.set('erlang:send/2', oldSend);
      else BIFS.delete('erlang:send/2');
    }
    expect(ets('info', 1)(plain)).toBe(UNDEFINED);
    expect(() => ets('lookup', 2)(plain, atom('k'))).toThrow(ErlangException);
    expect(find(inherited)!.owner).toBe(me);
    expect(show(ets('lookup', 2)(inherited, atom('k')))).toBe('[{k,1}]');
    expect(sent.length).toBe(1);
    expect(sent[0][0]).toBe(me);
    const msg = sent[0][1] as Term[];
    expect(msg[0]).toBe(atom('ETS-TRANSFER'));
    expect(msg[1]).toBe(inherited);
    expect(msg[2]).toBe(other);
    expect(msg[3]).toBe(atom('gift'));
    // The heir is now the owner; when it exits too, the table goes.
    deleteTablesOwnedBy(me);
    expect(ets('info', 1)(inherited)).toBe(UNDEFINED);
  });

  it('release the exiting process fixations on tables it does not own', () => {
    const t = ets('new', 2)(atom('fixed'), list([atom('public')]));
    ets('safe_fixtable', 2)(t, TRUE);
    const me = lookupBif('erlang', 'self', 0)!() as Pid;
    const tab = find(t)!;
    tab.owner = other;
    expect(ets('info', 2)(t, atom('fixed'))).toBe(TRUE);
    deleteTablesOwnedBy(me);
    expect(ets('info', 2)(t, atom('fixed'))).toBe(atom('false'));
    expect(listToArray(ets('all', 0)())!.some((x) => compare(x, t) === 0)).toBe(true);
    deleteTablesOwnedBy(other);
    expect(find(t)).toBeUndefined();
  });
});
