/**
 * The map BIFs (`maps` module natives and erlang:map_get/map_size/is_map_key), plus
 * `erts_internal:map_next/3`, the iterator OTP's own maps.erl builds fold/map/filter/to_list on.
 * Higher-order map functions stay OTP's Erlang code: a native cannot resume a fun that suspends.
 */
import { badarg, taggedError } from '../exception.js';
import { atom, FALSE, TRUE } from '../term/atom.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import { makeMap } from '../term/mapbuild.js';
import { mapGet, mapPutPairs, mapRemove, mapUpdatePairs } from '../term/mapops.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const ERROR_ATOM = atom('error');
const OK_ATOM = atom('ok');
const ITERATOR = atom('iterator');
const NONE = atom('none');
const EMPTY = new ErlMap([], []);

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
 * `map_next(Path, Map, Acc)`: with Acc = iterator, `{K, V, [Path+1 | Map]}` or `none`; with a
 * list, every remaining `{K, V}` in iteration order consed onto Acc (all at once: no partial
 * results, so the caller's loop ends at once).
 */
function mapNext(path: Term, m: Term, acc: Term): Term {
  if (typeof path !== 'number' || !(m instanceof ErlMap)) badarg([path, m, acc]);
  if (acc === ITERATOR) {
    if (path >= m.size) return NONE;
    return [m.keys[path], m.values[path], new Cons(path + 1, m)];
  }
  let out = acc;
  for (let i = m.size - 1; i >= path; i--) out = new Cons([m.keys[i], m.values[i]], out);
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
  'keys/1': (m) => list(map(m).keys as Term[]),
  'values/1': (m) => list(map(m).values as Term[]),
  'merge/2': (a, b) => {
    const mb = map(b);
    return mapPutPairs(map(a), mb.keys.flatMap((k, i) => [k, mb.values[i]]));
  },
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
  'new/0': () => EMPTY,
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
