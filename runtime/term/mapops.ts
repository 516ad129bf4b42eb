/**
 * Map operations for the map instructions. Keys stay sorted in OTP's flatmap order, so a
 * lookup is a binary search by `mapKeyCompare`. Updates copy (maps are immutable); a HAMT
 * for large maps is future work (docs/terms.md).
 */
import { mapKeyCompare } from './compare.js';
import { ErlMap } from './map.js';
import type { Term } from './term.js';

function find(m: ErlMap, key: Term): number {
  let lo = 0;
  let hi = m.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = mapKeyCompare(m.keys[mid], key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -(lo + 1);
}

export function mapGet(m: ErlMap, key: Term): Term | undefined {
  const i = find(m, key);
  return i >= 0 ? m.values[i] : undefined;
}

/** Inserts or replaces each key/value pair (`pairs` alternates keys and values). */
export function mapPutPairs(m: ErlMap, pairs: readonly Term[]): ErlMap {
  const keys = m.keys.slice();
  const values = m.values.slice();
  for (let k = 0; k < pairs.length; k += 2) {
    const tmp = new ErlMap(keys, values);
    const i = find(tmp, pairs[k]);
    if (i >= 0) values[i] = pairs[k + 1];
    else {
      keys.splice(-i - 1, 0, pairs[k]);
      values.splice(-i - 1, 0, pairs[k + 1]);
    }
  }
  return new ErlMap(keys, values);
}

/** Replaces existing keys only; returns the missing key if one is absent. */
export function mapUpdatePairs(m: ErlMap, pairs: readonly Term[]): ErlMap | { missing: Term } {
  const values = m.values.slice();
  for (let k = 0; k < pairs.length; k += 2) {
    const i = find(m, pairs[k]);
    if (i < 0) return { missing: pairs[k] };
    values[i] = pairs[k + 1];
  }
  return new ErlMap(m.keys, values);
}

export function mapRemove(m: ErlMap, key: Term): ErlMap {
  const i = find(m, key);
  if (i < 0) return m;
  const keys = m.keys.slice();
  const values = m.values.slice();
  keys.splice(i, 1);
  values.splice(i, 1);
  return new ErlMap(keys, values);
}
