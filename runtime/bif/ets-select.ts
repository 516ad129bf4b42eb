/**
 * The ETS functions that run match specifications over a table: select/1,2,3 (and _reverse),
 * match/1,2,3, match_object/1,2,3, select_count, select_delete, select_replace, and the
 * compiled-spec functions match_spec_compile/match_spec_run_r/is_compiled_ms.
 *
 * Results come in table order (key order for ordered_set, descending for the _reverse
 * variants; insertion order otherwise). A head that fixes the key is looked up instead of
 * scanned. Chunked selects return OTP-shaped continuations — {Tid, Pos, Limit, MSRef, Rest,
 * Rev} for hash tables and {Tid, LastKey, [], Limit, MSRef, Rest, Rev, 0} for ordered_set —
 * whose MSRef is a reference standing for the compiled spec (valid within this node).
 */
import { badarg } from '../exception.js';
import { atom, FALSE, TRUE } from '../term/atom.js';
import { compare, exactEqual } from '../term/compare.js';
import { Ref } from '../term/identity.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { compileMatchSpec, MatchSpec, NO_MATCH } from '../ets/matchspec.js';
import type { Cursor } from '../ets/store.js';
import { newRef, table, type Table } from '../ets/table.js';
import { defineBifs } from './registry.js';

const END = atom('$end_of_table');
const ALL = atom('$_');
const BINDINGS = atom('$$');

// ---------------------------------------------------------------------------------------------
// Compiled specifications.

/** Specs compiled from a given term (terms are immutable, so identity is a safe cache key). */
const compiledFrom = new WeakMap<object, MatchSpec>();
/** The spec a match_spec_compile / continuation reference stands for. */
const byRef = new WeakMap<Ref, MatchSpec>();

function spec(ms: Term, args: Term[]): MatchSpec {
  if (typeof ms === 'object') {
    const hit = compiledFrom.get(ms);
    if (hit !== undefined) return hit;
  }
  const c = compileMatchSpec(ms) ?? badarg(args);
  if (typeof ms === 'object') compiledFrom.set(ms, c);
  return c;
}

/** The spec of match/2,3 or match_object/2,3 for a pattern, cached per pattern. */
const patternSpecs = { match: new WeakMap<object, MatchSpec>(), object: new WeakMap<object, MatchSpec>() };
function patternSpec(pattern: Term, kind: 'match' | 'object', args: Term[]): MatchSpec {
  const cache = patternSpecs[kind];
  if (typeof pattern === 'object') {
    const hit = cache.get(pattern);
    if (hit !== undefined) return hit;
  }
  const ms = list([[pattern, NIL, list([kind === 'match' ? BINDINGS : ALL])]]);
  const c = compileMatchSpec(ms) ?? badarg(args);
  if (typeof pattern === 'object') cache.set(pattern, c);
  return c;
}

function refFor(ms: MatchSpec): Ref {
  const r = newRef();
  byRef.set(r, ms);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Running a spec over a table.

interface Hit {
  result: Term;
  obj: Term;
  /** The key of the object's group: the same JS value for every object of a group. */
  key: Term;
  cursor: Cursor;
}

/**
 * Every match in table order (or reversed), after `from` if given. With `byKey`, a spec whose
 * heads all fix the key is run on those keys' objects only (chunked selects always scan, so
 * that their positions can be resumed).
 */
function* hits(t: Table, ms: MatchSpec, reverse: boolean, from?: Cursor, byKey = true): Generator<Hit> {
  const keys = byKey ? ms.boundKeys(t.keypos) : undefined;
  if (keys !== undefined) {
    yield* keyHits(t, ms, keys, reverse);
    return;
  }
  for (const [g, cursor] of t.store.scan(from, reverse)) {
    for (const obj of g.objs) {
      const result = ms.run(obj);
      if (result !== NO_MATCH) yield { result, obj, key: g.key, cursor };
    }
  }
}

/** Matches among the objects of the given keys only (each key once, in key order if ordered). */
function* keyHits(t: Table, ms: MatchSpec, keys: Term[], reverse: boolean): Generator<Hit> {
  const ordered = t.type === 'ordered_set';
  const same = ordered ? (a: Term, b: Term) => compare(a, b) === 0 : exactEqual;
  let ks = keys.filter((k, i) => keys.findIndex((x) => same(x, k)) === i);
  if (ordered) {
    ks = ks.sort(compare);
    if (reverse) ks.reverse();
  }
  for (const k of ks) {
    const objs = t.store.get(k) ?? [];
    if (objs.length === 0) continue;
    const key = (objs[0] as Term[])[t.keypos - 1];
    for (const obj of objs) {
      const result = ms.run(obj);
      if (result !== NO_MATCH) yield { result, obj, key, cursor: { key } };
    }
  }
}

function selectAll(tab: Term, ms: MatchSpec, reverse: boolean, args: Term[]): Term {
  const t = table(tab, 'read', args);
  const out: Term[] = [];
  for (const h of hits(t, ms, reverse)) out.push(h.result);
  return list(out);
}

// ---------------------------------------------------------------------------------------------
// Chunks and continuations.

function limitOf(n: Term, args: Term[]): number {
  if (typeof n !== 'number' || n < 1) return badarg(args);
  return n;
}

/**
 * Up to `limit` results from `from` on (after handing out `pending` ones left over from the
 * last chunk): `{Results, Continuation}`, `{Results, '$end_of_table'}` when the table ran
 * out, or `'$end_of_table'` when there was nothing at all.
 */
function chunk(t: Table, ms: MatchSpec, ref: Ref, limit: number, reverse: boolean, from: Cursor | undefined, pending: Term[]): Term {
  const out = pending.slice(0, limit);
  const rest = pending.slice(limit);
  let cursor = from;
  if (rest.length === 0 && out.length < limit) {
    let lastCursor: Cursor | undefined;
    for (const h of hits(t, ms, reverse, from, false)) {
      // A group (bag key) can yield several results: finish it, keeping extras for later.
      if (out.length >= limit) {
        if (!sameCursor(h.cursor, lastCursor)) break;
        rest.push(h.result);
        continue;
      }
      out.push(h.result);
      lastCursor = h.cursor;
    }
    if (out.length < limit || lastCursor === undefined) return out.length === 0 ? END : [list(out), END];
    cursor = lastCursor;
  }
  const rev = reverse ? 1 : 0;
  const cont: Term =
    t.type === 'ordered_set'
      ? [t.tid, (cursor as { key: Term }).key, NIL, limit, ref, list(rest), rev, 0]
      : [t.tid, cursor as number, limit, ref, list(rest), rev];
  return [list(out), cont];
}

const sameCursor = (a: Cursor, b: Cursor | undefined): boolean =>
  typeof a === 'number' ? a === b : typeof b === 'object' && a.key === b.key;

function selectChunk(tab: Term, ms: MatchSpec, n: Term, reverse: boolean, args: Term[]): Term {
  const t = table(tab, 'read', args);
  return chunk(t, ms, refFor(ms), limitOf(n, args), reverse, undefined, []);
}

/** select/1, match/1, match_object/1 and select_reverse/1: the next chunk of a continuation. */
function continueSelect(cont: Term): Term {
  const args = [cont];
  if (cont === END) return END;
  if (!Array.isArray(cont) || (cont.length !== 6 && cont.length !== 8)) return badarg(args);
  const ordered = cont.length === 8;
  const [tid, pos] = cont;
  const [limit, ref, rest, rev] = ordered ? [cont[3], cont[4], cont[5], cont[6]] : [cont[2], cont[3], cont[4], cont[5]];
  const ms = ref instanceof Ref ? byRef.get(ref) : undefined;
  const pending = listToArray(rest);
  if (ms === undefined || pending === undefined || typeof limit !== 'number') return badarg(args);
  const t = table(tid, 'read', args);
  if ((t.type === 'ordered_set') !== ordered || (!ordered && typeof pos !== 'number')) return badarg(args);
  return chunk(t, ms, ref as Ref, limit, rev === 1, ordered ? { key: pos } : (pos as number), pending);
}

// ---------------------------------------------------------------------------------------------
// Counting, deleting, replacing.

function selectCount(tab: Term, msTerm: Term): Term {
  const args = [tab, msTerm];
  const ms = spec(msTerm, args);
  const t = table(tab, 'read', args);
  let n = 0;
  for (const h of hits(t, ms, false)) if (h.result === TRUE) n++;
  return n;
}

/** Stores the new contents of each changed key group (after the scan, not during it). */
function rewriteGroups(t: Table, changes: Map<Term, Term[]>): void {
  for (const [key, objs] of changes) {
    if (objs.length === 0) t.store.delete(key);
    else t.store.put(key, objs);
  }
}

/** Objects of the matched keys, grouped: key -> the objects it holds now. */
function groupsOfHits(t: Table, hs: Hit[]): Map<Term, Term[]> {
  const groups = new Map<Term, Term[]>();
  for (const h of hs) {
    if (!groups.has(h.key)) groups.set(h.key, [...(t.store.get(h.key) ?? [])]);
  }
  return groups;
}

function selectDelete(tab: Term, msTerm: Term): Term {
  const args = [tab, msTerm];
  const ms = spec(msTerm, args);
  const t = table(tab, 'write', args);
  const hs = [...hits(t, ms, false)].filter((h) => h.result === TRUE);
  const groups = groupsOfHits(t, hs);
  for (const h of hs) {
    const objs = groups.get(h.key)!;
    objs.splice(objs.indexOf(h.obj), 1);
  }
  rewriteGroups(t, groups);
  return hs.length;
}

/**
 * select_replace/2: not for bags, and only with a spec that provably keeps each object's key
 * (else badarg before anything changes). Results that are not such objects are skipped.
 */
function selectReplace(tab: Term, msTerm: Term): Term {
  const args = [tab, msTerm];
  const ms = spec(msTerm, args);
  const t = table(tab, 'write', args);
  if (t.type === 'bag' || !ms.keepsKey(t.keypos)) return badarg(args);
  const hs = [...hits(t, ms, false)].filter((h) => {
    const r = h.result;
    if (!Array.isArray(r) || r.length < t.keypos) return false;
    return exactEqual(r[t.keypos - 1], (h.obj as Term[])[t.keypos - 1]);
  });
  const groups = groupsOfHits(t, hs);
  for (const h of hs) {
    const objs = groups.get(h.key)!;
    objs[objs.indexOf(h.obj)] = h.result;
  }
  rewriteGroups(t, groups);
  return hs.length;
}

// ---------------------------------------------------------------------------------------------
// Compiled specifications as terms.

function matchSpecRun(items: Term, ref: Term, acc: Term): Term {
  const args = [items, ref, acc];
  const ms = ref instanceof Ref ? byRef.get(ref) : undefined;
  const xs = listToArray(items);
  if (ms === undefined || xs === undefined) return badarg(args);
  let out = acc;
  for (const x of xs) {
    const r = ms.run(x);
    if (r !== NO_MATCH) out = new Cons(r, out);
  }
  return out;
}

defineBifs('ets', {
  'select/2': (tab, ms) => selectAll(tab, spec(ms, [tab, ms]), false, [tab, ms]),
  'select/3': (tab, ms, n) => selectChunk(tab, spec(ms, [tab, ms, n]), n, false, [tab, ms, n]),
  'select/1': continueSelect,
  'select_reverse/2': (tab, ms) => selectAll(tab, spec(ms, [tab, ms]), true, [tab, ms]),
  'select_reverse/3': (tab, ms, n) => selectChunk(tab, spec(ms, [tab, ms, n]), n, true, [tab, ms, n]),
  'select_reverse/1': continueSelect,
  'match/2': (tab, p) => selectAll(tab, patternSpec(p, 'match', [tab, p]), false, [tab, p]),
  'match/3': (tab, p, n) => selectChunk(tab, patternSpec(p, 'match', [tab, p, n]), n, false, [tab, p, n]),
  'match/1': continueSelect,
  'match_object/2': (tab, p) => selectAll(tab, patternSpec(p, 'object', [tab, p]), false, [tab, p]),
  'match_object/3': (tab, p, n) => selectChunk(tab, patternSpec(p, 'object', [tab, p, n]), n, false, [tab, p, n]),
  'match_object/1': continueSelect,
  'select_count/2': selectCount,
  'internal_select_delete/2': selectDelete,
  'select_replace/2': selectReplace,
  'match_spec_compile/1': (ms) => {
    const c = compileMatchSpec(ms);
    if (c === undefined || ms === NIL) return badarg([ms]);
    return refFor(c);
  },
  'match_spec_run_r/3': matchSpecRun,
  'is_compiled_ms/1': (x) => (x instanceof Ref && byRef.has(x) ? TRUE : FALSE),
});
