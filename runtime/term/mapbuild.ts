/**
 * Building maps in canonical form: keys sorted by `mapKeyCompare`, no exactly-equal keys.
 * Kept apart from map.ts so the map class does not depend on the comparison code.
 */
import { mapKeyCompare } from './compare.js';
import { ErlMap } from './map.js';
import type { Term } from './term.js';

/**
 * A map from key/value pairs. Like `maps:from_list/1`, a later pair replaces an earlier one
 * with an exactly-equal key (key and value both: `[{0.0,a},{-0.0,b}]` gives `#{-0.0 => b}`).
 */
export function makeMap(pairs: readonly (readonly [Term, Term])[]): ErlMap {
  const n = pairs.length;
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
