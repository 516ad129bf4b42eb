/**
 * Building maps in canonical form: up to 32 keys a small map, keys sorted by `mapKeyCompare`;
 * beyond, a HAMT (hamt.ts). No two keys are exactly equal.
 */
import { mapKeyCompare } from './compare.js';
import { changedSize, hamtPut } from './hamt.js';
import { mapHash } from './hash-internal.js';
import { ErlMap, forEachLeaf, type HamtNode } from './map.js';
import type { Term } from './term.js';

/** The most keys a small map holds (OTP's MAP_SMALL_MAP_LIMIT). */
export const SMALL_MAP_LIMIT = 32;

const NONE: readonly Term[] = [];
export const EMPTY_MAP = new ErlMap(NONE, NONE);
const EMPTY_ROOT: HamtNode = [0, 0];

/** The large map with this HAMT (its keys and values arrays are filled on demand). */
export function fromRoot(root: HamtNode, size: number): ErlMap {
  return new ErlMap(NONE, NONE, root, size);
}

/**
 * A map from key/value pairs. Like `maps:from_list/1`, a later pair replaces an earlier one
 * with an exactly-equal key (key and value both: `[{0.0,a},{-0.0,b}]` gives `#{-0.0 => b}`).
 */
export function makeMap(pairs: readonly (readonly [Term, Term])[]): ErlMap {
  const n = pairs.length;
  if (n > SMALL_MAP_LIMIT) {
    let root = EMPTY_ROOT;
    let size = 0;
    for (const [k, v] of pairs) {
      root = hamtPut(root, k, v, mapHash(k, 0));
      if (changedSize) size++;
    }
    return size > SMALL_MAP_LIMIT ? fromRoot(root, size) : smallFromRoot(root);
  }
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Ties broken by input position, so the last of a run of equal keys is the latest pair.
  order.sort((i, j) => mapKeyCompare(pairs[i][0], pairs[j][0]) || i - j);
  const keys: Term[] = [];
  const values: Term[] = [];
  for (let k = 0; k < n; k++) {
    const p = pairs[order[k]];
    if (k + 1 < n && mapKeyCompare(p[0], pairs[order[k + 1]][0]) === 0) continue;
    keys.push(p[0]);
    values.push(p[1]);
  }
  return new ErlMap(keys, values);
}

/** A large map from distinct keys (a small map growing past the limit). */
export function largeMap(keys: readonly Term[], values: readonly Term[]): ErlMap {
  let root = EMPTY_ROOT;
  for (let i = 0; i < keys.length; i++) root = hamtPut(root, keys[i], values[i], mapHash(keys[i], 0));
  return fromRoot(root, keys.length);
}

/** The small map holding a HAMT's associations (a large map shrinking to the limit). */
export function smallFromRoot(root: HamtNode): ErlMap {
  const pairs: [Term, Term][] = [];
  forEachLeaf(root, (k, v) => pairs.push([k, v]));
  pairs.sort((a, b) => mapKeyCompare(a[0], b[0]));
  return new ErlMap(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}
