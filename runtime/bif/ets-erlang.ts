/**
 * Native versions of functions that OTP's ets.erl writes in Erlang on top of the BIFs.
 * They exist because ets.erl cannot be loaded until receive compiles (ets:all/0 receives
 * messages, and beamjs compiles whole modules), and most programs only use these:
 * tab2list, foldl/foldr, delete_all_objects, select_delete, match_delete, match_spec_run,
 * repair_continuation. The rest of ets.erl (tab2file, qlc tables, init_table, i/0) needs
 * OTP's module.
 *
 * foldl/foldr call the fun, which may suspend, so they cannot loop natively: they hand a
 * snapshot of the table's objects to lists:foldl/foldr (a tail call into Erlang code, as
 * erlang:apply/3 does). OTP instead walks the fixed table key by key, so objects that the
 * fun deletes or changes before they are reached are seen as they are then; here they are
 * seen as they were when the fold started.
 */
import { applyMFA } from '../ops.js';
import { atom, TRUE } from '../term/atom.js';
import { list, listToArray, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { table } from '../ets/table.js';
import { defineBifs, lookupBif } from './registry.js';

const ALL_OBJECTS = list([[atom('_'), NIL, list([atom('$_')])]]);

/** Another ets native, by name (all are registered by the time these run). */
const ets = (name: string, arity: number) => lookupBif('ets', name, arity)!;

/** The table's objects in first/next order; with `reverseGroups`, each key's objects reversed. */
function objects(tab: Term, args: Term[], reverseGroups = false): Term[] {
  const t = table(tab, 'read', args);
  const out: Term[] = [];
  for (const g of t.store.walk()) {
    if (reverseGroups) for (let i = g.objs.length - 1; i >= 0; i--) out.push(g.objs[i]);
    else out.push(...g.objs);
  }
  return out;
}

defineBifs('ets', {
  'tab2list/1': (tab) => ets('select', 2)(tab, ALL_OBJECTS),
  'foldl/3': (f, acc, tab) => applyMFA(atom('lists'), atom('foldl'), [f, acc, list(objects(tab, [f, acc, tab]))]),
  'foldr/3': (f, acc, tab) => {
    // OTP's foldr walks from last/1 by prev/2, folding each key's objects from the right:
    // descending keys for ordered_set; for hash tables (where last/prev are first/next) keys
    // in foldl's order, each key's objects reversed.
    const args = [f, acc, tab];
    if (table(tab, 'read', args).type === 'ordered_set') {
      return applyMFA(atom('lists'), atom('foldr'), [f, acc, list(objects(tab, args))]);
    }
    return applyMFA(atom('lists'), atom('foldl'), [f, acc, list(objects(tab, args, true))]);
  },
  'delete_all_objects/1': (tab) => {
    ets('internal_delete_all', 2)(tab, atom('undefined'));
    return TRUE;
  },
  'select_delete/2': (tab, ms) => ets('internal_select_delete', 2)(tab, ms),
  'match_delete/2': (tab, pattern) => {
    ets('internal_select_delete', 2)(tab, list([[pattern, NIL, list([TRUE])]]));
    return TRUE;
  },
  'match_spec_run/2': (items, compiled) => {
    const r = listToArray(ets('match_spec_run_r', 3)(items, compiled, NIL))!;
    return list(r.reverse());
  },
  // Continuations made here keep their compiled spec for as long as the node runs.
  'repair_continuation/2': (cont) => cont,
});
