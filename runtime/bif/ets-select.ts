/**
 * The ETS functions that run match specifications over a table: select/1,2,3 (and _reverse),
 * match/1,2,3, match_object/1,2,3, select_count, select_delete, select_replace, and the
 * compiled-spec functions match_spec_compile/match_spec_run_r/is_compiled_ms.
 *
 * Results come in the table's order (key order for ordered_set, descending for the _reverse
 * variants; OTP's bucket order for hash tables, see hashstore.ts). A head that fixes the key
 * is looked up instead of scanned. Chunked selects return continuations shaped like OTP's —
 * {Tid, Bucket, Limit, MSRef, Rest, Rev} for hash tables and {Tid, LastKey, [], Limit, MSRef,
 * [], Rev, 0} for ordered_set — whose MSRef is a reference standing for the compiled spec
 * (valid within this node).
 */
import { badarg } from '../exception.js';
import { atom, FALSE, TRUE } from '../term/atom.js';
import { compare, exactEqual } from '../term/compare.js';
import { Ref } from '../term/identity.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { compileMatchSpec, MatchSpec, NO_MATCH } from '../ets/matchspec.js';
import { HashStore } from '../ets/hashstore.js';
import { OrderedStore } from '../ets/orderedstore.js';
import type { Group } from '../ets/store.js';
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
}

/** Matches among the objects of some groups, in order. */
function* groupHits(groups: Iterable<Group>, ms: MatchSpec): Generator<Hit> {
  for (const g of groups) {
    for (const obj of g.objs) {
      const result = ms.run(obj);
      if (result !== NO_MATCH) yield { result, obj, key: g.key };
    }
  }
}

/**
 * Every match in the order select returns them (reversed for select_reverse on an
 * ordered_set). A spec whose heads all fix the key is run on those keys' objects only.
 */
function hits(t: Table, ms: MatchSpec, reverse: boolean): Generator<Hit> {
  const keys = ms.boundKeys(t.keypos);
  return groupHits(keys === undefined ? t.store.all(reverse) : keyGroups(t, keys, reverse), ms);
}

/** The groups of the given keys (each once, in key order if ordered). */
function* keyGroups(t: Table, keys: Term[], reverse: boolean): Generator<Group> {
  const ordered = t.type === 'ordered_set';
  const same = ordered ? (a: Term, b: Term) => compare(a, b) === 0 : exactEqual;
  let ks = keys.filter((k, i) => keys.findIndex((x) => same(x, k)) === i);
  if (ordered) {
    ks = ks.sort(compare);
    if (reverse) ks.reverse();
  }
  for (const k of ks) {
    const objs = t.store.get(k);
    if (objs !== undefined && objs.length > 0) yield { key: (objs[0] as Term[])[t.keypos - 1], objs };
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
 * The next chunk of an ordered_set select: up to `limit` results after `from` (a key) in key
 * order, or before it for select_reverse. `{Results, Continuation}`; `{Results,
 * '$end_of_table'}` when the table ran out; `'$end_of_table'` when there was nothing.
 */
function orderedChunk(t: Table, store: OrderedStore, ms: MatchSpec, ref: Ref, limit: number, reverse: boolean, from: Term | undefined): Term {
  const out: Term[] = [];
  let last: Term | undefined;
  for (const h of groupHits(store.after(from, reverse), ms)) {
    out.push(h.result);
    last = h.key;
    if (out.length === limit) break;
  }
  if (out.length < limit) return out.length === 0 ? END : [list(out), END];
  return [list(out), [t.tid, last!, NIL, limit, ref, NIL, reverse ? 1 : 0, 0]];
}

/**
 * The next chunk of a set/bag select, as ERTS does it: whole buckets in ascending order, each
 * bucket's matches put in front of those gathered so far (starting from the ones left over
 * last time), until there are `limit`. The last `limit` are returned; any before them are
 * kept in the continuation (which resumes at the next bucket): in order after the first
 * call, reversed after a continuation call (ERTS copies them there instead of splitting the
 * list in place).
 */
function hashChunk(t: Table, store: HashStore, ms: MatchSpec, ref: Ref, limit: number, reverse: boolean, from: number, pending: Term[] | undefined): Term {
  const first = pending === undefined;
  let acc = pending ?? [];
  let b = from;
  while (acc.length < limit && b < store.bucketCount) {
    const found = [...groupHits(store.bucket(b), ms)].map((h) => h.result);
    acc = found.concat(acc);
    b++;
  }
  if (acc.length < limit) return acc.length === 0 ? END : [list(acc), END];
  const extra = acc.length - limit;
  const rest = first ? acc.slice(0, extra) : acc.slice(0, extra).reverse();
  return [list(acc.slice(extra)), [t.tid, b, limit, ref, list(rest), reverse ? 1 : 0]];
}

function selectChunk(tab: Term, ms: MatchSpec, n: Term, reverse: boolean, args: Term[]): Term {
  const t = table(tab, 'read', args);
  const limit = limitOf(n, args);
  const store = t.store;
  if (store instanceof OrderedStore) return orderedChunk(t, store, ms, refFor(ms), limit, reverse, undefined);
  return hashChunk(t, store as HashStore, ms, refFor(ms), limit, reverse, 0, undefined);
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
  const store = t.store;
  if (store instanceof OrderedStore) {
    if (!ordered) return badarg(args);
    return orderedChunk(t, store, ms, ref as Ref, limit, rev === 1, pos);
  }
  if (ordered || typeof pos !== 'number') return badarg(args);
  return hashChunk(t, store as HashStore, ms, ref as Ref, limit, rev === 1, pos, pending);
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
