/**
 * The map BIFs (`maps` module natives and erlang:map_get/map_size/is_map_key), plus
 * `erts_internal:map_next/3`, the iterator OTP's own maps.erl builds fold/map/filter/to_list on.
 * Higher-order map functions stay OTP's Erlang code: a native cannot resume a fun that suspends.
 */
import { badarg, taggedError } from '../exception.js';
import { atom, FALSE, TRUE } from '../term/atom.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import { EMPTY_MAP, makeMap } from '../term/mapbuild.js';
import { hamtSlice } from '../term/mapiter.js';
import { mapGet, mapMerge, mapPutPairs, mapRemove, mapUpdatePairs } from '../term/mapops.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const ERROR_ATOM = atom('error');
const OK_ATOM = atom('ok');
const ITERATOR = atom('iterator');
const NONE = atom('none');
/**
 * Associations per iterator batch from a large map: 32 on the first call (path 0), as OTP;
 * later OTP takes as many as the caller's remaining reductions allow, so any size is faithful.
 */
const FIRST_BATCH = 32;
const BATCH = 1000;

function tagged(tag: string, v: Term): never {
  throw taggedError(tag, v);
}

function map(m: Term): ErlMap {
  if (!(m instanceof ErlMap)) tagged('badmap', m);
  return m;
}

function get(k: Term, m: Term): Term {
  const v = mapGet(map(m), k);
  if (v === undefined) tagged('badkey', k);
  return v;
}

function fromList(l: Term): Term {
  const items = listToArray(l);
  if (items === undefined) badarg([l]);
  const pairs: [Term, Term][] = [];
  for (const it of items) {
    if (!Array.isArray(it) || it.length !== 2) badarg([l]);
    pairs.push([it[0], it[1]]);
  }
  return makeMap(pairs);
}

/**
 * `map_next(Path, Map, Acc)`, as OTP 25 answers it. With Acc = iterator: the next batch of
 * associations as `{K1, V1, {K2, V2, ... Rest}}`, Rest being `[NextPath | Map]` or `none`. With
 * a list: every remaining `{K, V}` consed onto Acc one by one (so a large map's come out
 * reversed, as in OTP's maps:to_list/1), all at once rather than in batches. A small map
 * always yields all its associations; a large map's Path is an index path into its HAMT.
 */
function mapNext(path: Term, m: Term, acc: Term): Term {
  const isPath = typeof path === 'number' ? path >= 0 : typeof path === 'bigint' && path >= 0n;
  if (!isPath || !(m instanceof ErlMap) || !(acc === ITERATOR || acc === NIL || acc instanceof Cons)) badarg([path, m, acc]);
  if (m.root === undefined) {
    if (typeof path !== 'number' || path > m.size) badarg([path, m, acc]);
    const ks = m.keys;
    const vs = m.values;
    let out: Term = acc === ITERATOR ? NONE : acc;
    for (let i = m.size - 1; i >= 0; i--) out = acc === ITERATOR ? [ks[i], vs[i], out] : new Cons([ks[i], vs[i]], out);
    return out;
  }
  const max = acc !== ITERATOR ? Infinity : path === 0 ? FIRST_BATCH : BATCH;
  if (acc !== ITERATOR) {
    let out = acc;
    const next = hamtSlice(m.root, path as number | bigint, max, (k, v) => {
      out = new Cons([k, v], out);
    });
    if (next === null) badarg([path, m, acc]);
    return out;
  }
  // The batch is built front to back, each tuple's tail filled in when the next one exists.
  const head: Term[] = [NONE, NONE, NONE];
  let last = head;
  const next = hamtSlice(m.root, path as number | bigint, max, (k, v) => {
    const t: Term[] = [k, v, NONE];
    last[2] = t;
    last = t;
  });
  if (next === null) badarg([path, m, acc]);
  last[2] = next === undefined ? NONE : new Cons(next, m);
  return head[2];
}

/** maps:keys/values order: a small map's sorted keys; a large map's iteration reversed. */
function listed(m: ErlMap, items: readonly Term[]): Term {
  if (m.root === undefined) return list(items as Term[]);
  let out: Term = NIL;
  for (const x of items) out = new Cons(x, out);
  return out;
}

defineBifs('maps', {
  'get/2': get,
  'find/2': (k, m) => {
    const v = mapGet(map(m), k);
    return v === undefined ? ERROR_ATOM : [OK_ATOM, v];
  },
  'from_list/1': fromList,
  'from_keys/2': (ks, v) => {
    const items = listToArray(ks);
    if (items === undefined) badarg([ks, v]);
    return makeMap(items.map((k) => [k, v] as [Term, Term]));
  },
  'is_key/2': (k, m) => (mapGet(map(m), k) === undefined ? FALSE : TRUE),
  'keys/1': (m) => listed(map(m), map(m).keys),
  'values/1': (m) => listed(map(m), map(m).values),
  'merge/2': (a, b) => mapMerge(map(a), map(b)),
  'put/3': (k, v, m) => mapPutPairs(map(m), [k, v]),
  'remove/2': (k, m) => mapRemove(map(m), k),
  'take/2': (k, m) => {
    const v = mapGet(map(m), k);
    return v === undefined ? ERROR_ATOM : [v, mapRemove(m as ErlMap, k)];
  },
  'to_list/1': (m) => mapNext(0, map(m), NIL),
  'update/3': (k, v, m) => {
    const r = mapUpdatePairs(map(m), [k, v]);
    if (!(r instanceof ErlMap)) tagged('badkey', k);
    return r;
  },
  'new/0': () => EMPTY_MAP,
  'size/1': (m) => map(m).size,
});

defineBifs('erlang', {
  'map_get/2': get,
  'map_size/1': (m) => map(m).size,
  'is_map_key/2': (k, m) => (mapGet(map(m), k) === undefined ? FALSE : TRUE),
});

defineBifs('erts_internal', {
  'map_next/3': mapNext,
});
