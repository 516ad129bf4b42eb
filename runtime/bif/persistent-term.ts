/**
 * `persistent_term`: a node-wide table of terms, read much more often than written. Keys
 * compare exactly (`=:=`), so the table is a map term.
 */
import { badarg } from '../exception.js';
import { atom, FALSE, OK, TRUE } from '../term/atom.js';
import { ErlMap } from '../term/map.js';
import { mapGet, mapPutPairs, mapRemove } from '../term/mapops.js';
import { list, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

/**
 * The state a node has after boot: OTP's `init` runs erl_features:init_features(), which with
 * no `-enable-feature` arguments records that no features and no extra keywords are enabled
 * (stdlib's erl_scan/io_lib ask for them). beamjs has no boot sequence, so it starts from there.
 */
const ERL_FEATURES = atom('erl_features');
let table = mapPutPairs(new ErlMap([], []), [
  [ERL_FEATURES, atom('enabled_features')], NIL,
  [ERL_FEATURES, atom('keywords')], NIL,
  [ERL_FEATURES, atom('init_done')], TRUE,
]);

defineBifs('persistent_term', {
  'get/1': (k) => mapGet(table, k) ?? badarg([k]),
  'get/2': (k, d) => mapGet(table, k) ?? d,
  'get/0': () => list(table.keys.map((k, i) => [k, table.values[i]] as Term)),
  'put/2': (k, v) => {
    table = mapPutPairs(table, [k, v]);
    return OK;
  },
  'erase/1': (k) => {
    if (mapGet(table, k) === undefined) return FALSE;
    table = mapRemove(table, k);
    return TRUE;
  },
  'info/0': () => list([[atom('count'), table.size], [atom('memory'), 0]]),
});
