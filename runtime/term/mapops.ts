/**
 * Map operations for the map instructions and BIFs, on both representations (map.ts). A small
 * map's keys stay sorted, so a lookup is a binary search by `mapKeyCompare`; a large map is a
 * HAMT (hamt.ts). A map crosses between the two exactly at 32 keys, both ways, as in OTP.
 *
 * Where OTP's two representations differ on which of two `=:=` keys survives (0.0 and -0.0):
 * a small map's put and update keep the old key, a large map's take the new one, and merge
 * takes the right-hand map's key.
 */
import { Atom } from './atom.js';
import { compareAtoms, mapKeyCompare } from './compare.js';
import { changedSize, hamtGet, hamtPut, hamtRemove } from './hamt.js';
import { mapHash } from './hash-internal.js';
import { ErlMap } from './map.js';
import { fromRoot, largeMap, SMALL_MAP_LIMIT, smallFromRoot } from './mapbuild.js';
import type { Term } from './term.js';

/** `mapKeyCompare`, with integers and atoms (the usual keys) decided without the walker. */
function keyCompare(a: Term, b: Term): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Atom && b instanceof Atom) return compareAtoms(a, b);
  return mapKeyCompare(a, b);
}

/** Index of `key` in sorted `keys`, or -(insertion point + 1). */
function find(keys: readonly Term[], key: Term): number {
  // Most lookups find the very key object (atoms are interned, small integers are values).
  const n = keys.length;
  for (let i = 0; i < n; i++) if (keys[i] === key) return i;
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = keyCompare(keys[mid], key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -(lo + 1);
}

export function mapGet(m: ErlMap, key: Term): Term | undefined {
  if (m.root !== undefined) return hamtGet(m.root, key, mapHash(key, 0));
  const i = find(m.keys, key);
  return i >= 0 ? m.values[i] : undefined;
}

/** Inserts or replaces each key/value pair (`pairs` alternates keys and values). */
export function mapPutPairs(m: ErlMap, pairs: readonly Term[]): ErlMap {
  let k = 0;
  if (m.root === undefined) {
    // Arrays are copied on first write; replacing a value leaves the keys array shared.
    let keys = m.keys as Term[];
    let values = m.values as Term[];
    let ownKeys = false;
    let ownValues = false;
    for (; k < pairs.length; k += 2) {
      const key = pairs[k];
      const value = pairs[k + 1];
      const i = find(keys, key);
      if (i >= 0) {
        if (values[i] === value) continue;
        if (!ownValues) (values = values.slice()), (ownValues = true);
        values[i] = value;
        continue;
      }
      if (keys.length === SMALL_MAP_LIMIT) {
        m = largeMap(keys, values); // the rest go into the HAMT below
        break;
      }
      if (!ownKeys) (keys = keys.slice()), (ownKeys = true);
      if (!ownValues) (values = values.slice()), (ownValues = true);
      keys.splice(-i - 1, 0, key);
      values.splice(-i - 1, 0, value);
    }
    if (k >= pairs.length) return ownKeys || ownValues ? new ErlMap(keys, values) : m;
  }
  let root = m.root!;
  let size = m.size;
  for (; k < pairs.length; k += 2) {
    root = hamtPut(root, pairs[k], pairs[k + 1], mapHash(pairs[k], 0));
    if (changedSize) size++;
  }
  return root === m.root ? m : fromRoot(root, size);
}

/** Replaces existing keys only; returns the missing key if one is absent. */
export function mapUpdatePairs(m: ErlMap, pairs: readonly Term[]): ErlMap | { missing: Term } {
  if (m.root !== undefined) {
    let root = m.root;
    for (let k = 0; k < pairs.length; k += 2) {
      root = hamtPut(root, pairs[k], pairs[k + 1], mapHash(pairs[k], 0));
      if (changedSize) return { missing: pairs[k] };
    }
    return root === m.root ? m : fromRoot(root, m.size);
  }
  const keys = m.keys;
  let values = m.values as Term[];
  let own = false;
  for (let k = 0; k < pairs.length; k += 2) {
    const i = find(keys, pairs[k]);
    if (i < 0) return { missing: pairs[k] };
    if (values[i] === pairs[k + 1]) continue;
    if (!own) (values = values.slice()), (own = true);
    values[i] = pairs[k + 1];
  }
  return own ? new ErlMap(keys, values) : m;
}

export function mapRemove(m: ErlMap, key: Term): ErlMap {
  if (m.root !== undefined) {
    const root = hamtRemove(m.root, key, mapHash(key, 0));
    if (!changedSize) return m;
    return m.size - 1 > SMALL_MAP_LIMIT ? fromRoot(root, m.size - 1) : smallFromRoot(root);
  }
  const i = find(m.keys, key);
  if (i < 0) return m;
  const keys = m.keys.slice();
  const values = m.values.slice();
  keys.splice(i, 1);
  values.splice(i, 1);
  return new ErlMap(keys, values);
}

/** `maps:merge/2`: every association of `b`, and those of `a` whose key `b` lacks. */
export function mapMerge(a: ErlMap, b: ErlMap): ErlMap {
  if (a.root === undefined && b.root === undefined) return mergeSmall(a, b);
  // Insert the smaller map's associations into the larger (which is a HAMT).
  const [base, other, keep] = a.size >= b.size ? [a, b, false] : [b, a, true];
  let root = base.root!;
  let size = base.size;
  const ks = other.keys;
  const vs = other.values;
  for (let i = 0; i < ks.length; i++) {
    root = hamtPut(root, ks[i], vs[i], mapHash(ks[i], 0), keep);
    if (changedSize) size++;
  }
  return root === base.root ? base : fromRoot(root, size);
}

/** Merges two sorted key lists; `b` wins ties. */
function mergeSmall(a: ErlMap, b: ErlMap): ErlMap {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const keys: Term[] = [];
  const values: Term[] = [];
  const ak = a.keys;
  const av = a.values;
  const bk = b.keys;
  const bv = b.values;
  let i = 0;
  let j = 0;
  while (i < ak.length || j < bk.length) {
    const c = i === ak.length ? 1 : j === bk.length ? -1 : mapKeyCompare(ak[i], bk[j]);
    if (c < 0) {
      keys.push(ak[i]);
      values.push(av[i++]);
    } else {
      if (c === 0) i++;
      keys.push(bk[j]);
      values.push(bv[j++]);
    }
  }
  return keys.length > SMALL_MAP_LIMIT ? largeMap(keys, values) : new ErlMap(keys, values);
}
