/**
 * The `ets` module's BIFs for creating, writing, reading and walking tables (the match and
 * select family is in ets-select.ts). They override the `erlang:nif_error` stubs of OTP's
 * ets.erl, whose Erlang functions (tab2list, foldl, delete_all_objects, match_delete, ...) run
 * on top of them unchanged. Behaviour follows OTP 25, checked against erl by the ets_*
 * fixtures; details below where OTP's choice is not obvious.
 */
import { onProcessExit } from '../process/signals.js';
import { badarg } from '../exception.js';
import * as A from '../term/arith.js';
import { Atom, atom, FALSE, TRUE, UNDEFINED } from '../term/atom.js';
import { compare, exactEqual } from '../term/compare.js';
import { Pid, Ref } from '../term/identity.js';
import { float } from '../term/float.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { HashStore } from '../ets/hashstore.js';
import { MISSING } from '../ets/store.js';
import {
  allTables, boolTerm, deleteTablesOwnedBy, drop, find, isAlive, nameTaken, newRef, pidKey, register,
  rename, samePid, self, table, Table, transfer, type TableOptions, type TableType,
} from '../ets/table.js';
import { defineBifs } from './registry.js';

export { deleteTablesOwnedBy };

const END = atom('$end_of_table');
const NONE = atom('none');

// ---------------------------------------------------------------------------------------------
// ets:new/2.

const TYPES = new Set(['set', 'ordered_set', 'bag', 'duplicate_bag']);
const PROTECTIONS = new Set(['public', 'protected', 'private']);
const isBool = (t: Term) => t === TRUE || t === FALSE;

function parseOptions(opts: Term, args: Term[]): TableOptions {
  const items = listToArray(opts) ?? badarg(args);
  const o: TableOptions = {
    type: 'set', protection: 'protected', named: false, keypos: 1, heir: undefined, heirData: UNDEFINED,
    readConcurrency: false, writeConcurrency: FALSE, decentralizedCounters: false, compressed: false,
  };
  for (const it of items) {
    if (it instanceof Atom) {
      if (TYPES.has(it.name)) o.type = it.name as TableType;
      else if (PROTECTIONS.has(it.name)) o.protection = it.name as TableOptions['protection'];
      else if (it.name === 'named_table') o.named = true;
      else if (it.name === 'compressed') o.compressed = true;
      else badarg(args);
      continue;
    }
    if (!Array.isArray(it) || it.length < 2 || !(it[0] instanceof Atom)) return badarg(args);
    const [k, v] = it;
    switch (`${(k as Atom).name}/${it.length}`) {
      case 'keypos/2':
        if (typeof v !== 'number' || v < 1) badarg(args);
        o.keypos = v as number;
        break;
      case 'heir/2':
        if (v !== NONE) badarg(args);
        o.heir = undefined;
        break;
      case 'heir/3':
        if (!(v instanceof Pid)) badarg(args);
        o.heir = v as Pid;
        o.heirData = it[2];
        break;
      case 'read_concurrency/2':
        if (!isBool(v)) badarg(args);
        o.readConcurrency = v === TRUE;
        break;
      case 'write_concurrency/2':
        if (!isBool(v) && v !== atom('auto')) badarg(args);
        o.writeConcurrency = v;
        break;
      case 'decentralized_counters/2':
        if (!isBool(v)) badarg(args);
        o.decentralizedCounters = v === TRUE;
        break;
      default:
        badarg(args);
    }
  }
  return o;
}

function newTable(name: Term, opts: Term): Term {
  const args = [name, opts];
  if (!(name instanceof Atom)) return badarg(args);
  const o = parseOptions(opts, args);
  if (o.named && nameTaken(name)) badarg(args);
  const t = new Table(newRef(), name, self(), o);
  register(t);
  return t.handle;
}

// ---------------------------------------------------------------------------------------------
// Objects and writing.

const isBag = (t: Table) => t.type === 'bag' || t.type === 'duplicate_bag';

/** The objects of an insert: one tuple or a proper list of them, each with a key. */
function objectsOf(t: Table, x: Term, args: Term[]): Term[][] {
  const objs = Array.isArray(x) ? [x] : listToArray(x);
  if (objs === undefined) return badarg(args);
  for (const o of objs) if (!Array.isArray(o) || o.length < t.keypos) badarg(args);
  return objs as Term[][];
}

/** Adds one object with set/bag/duplicate_bag semantics. */
function put(t: Table, obj: Term[]): void {
  const key = obj[t.keypos - 1];
  if (!isBag(t)) {
    t.store.put(key, [obj]);
    return;
  }
  if (t.type === 'bag' && t.store.get(key)?.some((o) => exactEqual(o, obj))) return;
  t.store.append(key, obj);
}

/**
 * A bag inserts a list's objects last first (so after `insert(T, [{k,1},{k,2}])` lookup
 * gives [{k,2},{k,1}]); sets (last one wins) and duplicate bags take them in order.
 */
function putAll(t: Table, objs: Term[][]): void {
  if (t.type === 'bag') for (let i = objs.length - 1; i >= 0; i--) put(t, objs[i]);
  else for (const o of objs) put(t, o);
}

function insert(tab: Term, x: Term): Term {
  const args = [tab, x];
  const t = table(tab, 'write', args);
  putAll(t, objectsOf(t, x, args));
  return TRUE;
}

/** All or nothing: false (and nothing inserted) if any key is already in the table. */
function insertNew(tab: Term, x: Term): Term {
  const args = [tab, x];
  const t = table(tab, 'write', args);
  const objs = objectsOf(t, x, args);
  if (objs.some((o) => t.store.get(o[t.keypos - 1]) !== undefined)) return FALSE;
  putAll(t, objs);
  return TRUE;
}

function deleteObject(tab: Term, obj: Term): Term {
  const args = [tab, obj];
  const t = table(tab, 'write', args);
  if (!Array.isArray(obj) || obj.length < t.keypos) return badarg(args);
  const key = obj[t.keypos - 1];
  const old = t.store.get(key);
  if (old === undefined) return TRUE;
  const rest = old.filter((o) => !exactEqual(o, obj));
  if (rest.length === 0) t.store.delete(key);
  else if (rest.length !== old.length) t.store.put(key, rest);
  return TRUE;
}

// ---------------------------------------------------------------------------------------------
// update_counter and update_element (set and ordered_set only).

/** The single object of a set table's key, or undefined. */
function single(t: Table, key: Term, args: Term[]): Term[] | undefined {
  if (isBag(t)) badarg(args);
  return t.store.get(key)?.[0] as Term[] | undefined;
}

const isInt = (x: Term): x is number | bigint => typeof x === 'number' || typeof x === 'bigint';

/** One update operation `{Pos, Incr}` / `{Pos, Incr, Threshold, SetValue}` / `Incr`. */
interface CounterOp {
  pos: number;
  incr: number | bigint;
  threshold?: number | bigint;
  setValue?: number | bigint;
}

function counterOps(t: Table, op: Term, args: Term[]): { ops: CounterOp[]; many: boolean } {
  const one = (x: Term): CounterOp => {
    if (isInt(x)) return { pos: t.keypos + 1, incr: x };
    if (!Array.isArray(x) || (x.length !== 2 && x.length !== 4)) return badarg(args);
    const [pos, incr, threshold, setValue] = x;
    if (typeof pos !== 'number' || !isInt(incr)) return badarg(args);
    if (x.length === 2) return { pos, incr };
    if (!isInt(threshold) || !isInt(setValue)) return badarg(args);
    return { pos, incr, threshold, setValue };
  };
  if (op === NIL || op instanceof Cons) {
    const items = listToArray(op) ?? badarg(args);
    return { ops: items.map(one), many: true };
  }
  return { ops: [one(op)], many: false };
}

function updateCounter(tab: Term, key: Term, op: Term, dflt: Term | undefined): Term {
  const args = dflt === undefined ? [tab, key, op] : [tab, key, op, dflt];
  const t = table(tab, 'write', args);
  const { ops, many } = counterOps(t, op, args);
  let obj = single(t, key, args);
  if (obj === undefined) {
    // The default object, with the key put in its key position.
    if (dflt === undefined || !Array.isArray(dflt) || dflt.length < t.keypos) return badarg(args);
    obj = dflt.slice();
    obj[t.keypos - 1] = key;
  }
  const updated = obj.slice();
  const results: Term[] = [];
  for (const o of ops) {
    if (o.pos < 1 || o.pos > updated.length || o.pos === t.keypos) return badarg(args);
    const cur = updated[o.pos - 1];
    if (!isInt(cur)) return badarg(args);
    let v = A.add(cur, o.incr) as number | bigint;
    if (o.threshold !== undefined) {
      const neg = compare(o.incr, 0) < 0;
      if (neg ? compare(v, o.threshold) < 0 : compare(v, o.threshold) > 0) v = o.setValue!;
    }
    updated[o.pos - 1] = v;
    results.push(v);
  }
  t.store.put(key, [updated]);
  return many ? list(results) : results[0];
}

/** {Pos, Value} or a list of them; false if the key is absent (checked before positions). */
function updateElement(tab: Term, key: Term, spec: Term): Term {
  const args = [tab, key, spec];
  const t = table(tab, 'write', args);
  const obj = single(t, key, args);
  const items = Array.isArray(spec) ? [spec] : listToArray(spec) ?? badarg(args);
  if (obj === undefined) return FALSE;
  const updated = obj.slice();
  for (const it of items) {
    if (!Array.isArray(it) || it.length !== 2) return badarg(args);
    const [pos, v] = it;
    if (typeof pos !== 'number' || pos < 1 || pos > updated.length || pos === t.keypos) return badarg(args);
    updated[pos - 1] = v;
  }
  t.store.put(key, [updated]);
  return TRUE;
}

// ---------------------------------------------------------------------------------------------
// Reading and walking.

function lookupElement(tab: Term, key: Term, pos: Term): Term {
  const args = [tab, key, pos];
  const t = table(tab, 'read', args);
  const objs = t.store.get(key);
  if (objs === undefined || typeof pos !== 'number' || pos < 1) return badarg(args);
  if (objs.some((o) => (o as Term[]).length < pos)) return badarg(args);
  const elems = objs.map((o) => (o as Term[])[pos - 1]);
  return isBag(t) ? list(elems) : elems[0];
}

const keyOrEnd = (k: Term | undefined): Term => (k === undefined ? END : k);

function step(tab: Term, key: Term, dir: 'next' | 'prev'): Term {
  const args = [tab, key];
  const t = table(tab, 'read', args);
  const k = dir === 'next' ? t.store.nextKey(key) : t.store.prevKey(key);
  if (k === MISSING) return badarg(args);
  return keyOrEnd(k);
}

/** slot/2: a hash table's bucket I (objects in chain order), an ordered_set's I-th object. */
function slot(tab: Term, i: Term): Term {
  const args = [tab, i];
  const t = table(tab, 'read', args);
  if (typeof i !== 'number' || i < 0) return badarg(args);
  const n = t.store.slotCount;
  if (i > n) return badarg(args);
  if (i === n) return END;
  return list([...(t.store.slot(i) ?? [])]);
}

// ---------------------------------------------------------------------------------------------
// info/1,2.

/** An estimate of the table's size in words (OTP's figure depends on its allocator). */
function memoryWords(t: Table): number {
  return 300 + t.store.count * 8;
}

function fixedInfo(t: Table): Term {
  if (t.fixations.size === 0) return FALSE;
  const now = 0;
  return [now, list([...t.fixations.values()].map((f) => [f.pid, f.count] as Term))];
}

/**
 * info(T, stats) for a hash table: {Buckets, AvgChainLen, StdDev, ExpectedStdDev, MinChainLen,
 * MaxChainLen, _, _} over chain lengths in objects, in single precision as ERTS computes them
 * (the last two we report as OTP does for an ordinary table). false for ordered_set.
 */
function stats(t: Table): Term {
  const store = t.store;
  if (!(store instanceof HashStore)) return FALSE;
  const lens = store.chainLengths();
  const n = lens.length;
  const items = store.count;
  const f = Math.fround;
  const avg = f(items / n);
  const sqSum = lens.reduce((s, l) => s + l * l, 0);
  const sd = f(Math.sqrt((sqSum - avg * items) / n));
  const expected = f(Math.sqrt(avg * (1 - 1 / n)));
  return [n, float(avg), float(sd), float(expected), Math.min(...lens), Math.max(...lens), 0, 1];
}

const INFO_ORDER = [
  'id', 'decentralized_counters', 'read_concurrency', 'write_concurrency', 'compressed', 'memory', 'owner',
  'heir', 'name', 'size', 'node', 'named_table', 'type', 'keypos', 'protection',
];

function infoItem(t: Table, item: string): Term | undefined {
  const o = t.opts;
  switch (item) {
    case 'id': return t.tid;
    case 'decentralized_counters': return boolTerm(o.decentralizedCounters);
    case 'read_concurrency': return boolTerm(o.readConcurrency);
    case 'write_concurrency': return o.writeConcurrency;
    case 'compressed': return boolTerm(o.compressed);
    case 'memory': return memoryWords(t);
    case 'owner': return t.owner;
    case 'heir': return o.heir ?? NONE;
    case 'name': return t.name;
    case 'size': return t.store.count;
    case 'node': return t.tid.node;
    case 'named_table': return boolTerm(o.named);
    case 'type': return atom(o.type);
    case 'keypos': return o.keypos;
    case 'protection': return atom(o.protection);
    case 'fixed': return boolTerm(t.fixations.size > 0);
    case 'safe_fixed':
    case 'safe_fixed_monotonic_time': return fixedInfo(t);
    case 'stats': return stats(t);
    case 'binary': return NIL;
  }
  return undefined;
}

/** info/1,2 of a table that does not exist is `undefined`; of something not a table id, badarg. */
function info1(tab: Term): Term {
  if (!(tab instanceof Atom) && !(tab instanceof Ref)) return badarg([tab]);
  const t = find(tab);
  if (t === undefined) return UNDEFINED;
  return list(INFO_ORDER.map((k) => [atom(k), infoItem(t, k)!] as Term));
}

function info2(tab: Term, item: Term): Term {
  const args = [tab, item];
  if ((!(tab instanceof Atom) && !(tab instanceof Ref)) || !(item instanceof Atom)) return badarg(args);
  const t = find(tab);
  if (t === undefined) return UNDEFINED;
  return infoItem(t, item.name) ?? badarg(args);
}

// ---------------------------------------------------------------------------------------------
// Ownership, naming, fixing.

function giveAway(tab: Term, pid: Term, gift: Term): Term {
  const args = [tab, pid, gift];
  const t = table(tab, 'owner', args);
  const me = self();
  if (!(pid instanceof Pid) || samePid(pid, me) || !isAlive(pid)) return badarg(args);
  transfer(t, pid, me, gift);
  return TRUE;
}

function setopts(tab: Term, opts: Term): Term {
  const args = [tab, opts];
  const t = table(tab, 'owner', args);
  const items = Array.isArray(opts) ? [opts] : listToArray(opts) ?? badarg(args);
  for (const it of items) {
    if (!Array.isArray(it) || it[0] !== atom('heir')) return badarg(args);
    if (it.length === 2 && it[1] === NONE) t.opts.heir = undefined;
    else if (it.length === 3 && it[1] instanceof Pid) {
      t.opts.heir = it[1];
      t.opts.heirData = it[2];
    } else return badarg(args);
  }
  return TRUE;
}

/**
 * rename/2 returns the table's handle: the new name for a named table, else its id. Only
 * named tables need a free name (even renaming one to its own name is badarg).
 */
function renameTable(tab: Term, name: Term): Term {
  const args = [tab, name];
  const t = table(tab, 'write', args);
  if (!(name instanceof Atom) || (t.opts.named && nameTaken(name))) return badarg(args);
  rename(t, name);
  return t.handle;
}

function safeFixtable(tab: Term, on: Term): Term {
  const args = [tab, on];
  const t = table(tab, 'read', args);
  if (!isBool(on)) return badarg(args);
  const me = self();
  const key = pidKey(me);
  const f = t.fixations.get(key);
  if (on === TRUE) {
    if (f === undefined) t.fixations.set(key, { pid: me, count: 1 });
    else f.count++;
    t.store.fix();
  } else if (f !== undefined) {
    if (--f.count === 0) t.fixations.delete(key);
    t.store.unfix();
  }
  return TRUE;
}

defineBifs('ets', {
  'new/2': newTable,
  'insert/2': insert,
  'insert_new/2': insertNew,
  'lookup/2': (tab, key) => list([...(table(tab, 'read', [tab, key]).store.get(key) ?? [])]),
  'lookup_element/3': lookupElement,
  'member/2': (tab, key) => boolTerm(table(tab, 'read', [tab, key]).store.get(key) !== undefined),
  'take/2': (tab, key) => {
    const t = table(tab, 'write', [tab, key]);
    const objs = t.store.get(key) ?? [];
    t.store.delete(key);
    return list([...objs]);
  },
  'delete/1': (tab) => {
    drop(table(tab, 'write', [tab]));
    return TRUE;
  },
  'delete/2': (tab, key) => {
    table(tab, 'write', [tab, key]).store.delete(key);
    return TRUE;
  },
  'delete_object/2': deleteObject,
  'internal_delete_all/2': (tab, x) => {
    const t = table(tab, 'write', [tab, x]);
    const n = t.store.count;
    t.store.clear();
    return n;
  },
  'update_counter/3': (tab, key, op) => updateCounter(tab, key, op, undefined),
  'update_counter/4': updateCounter,
  'update_element/3': updateElement,
  'first/1': (tab) => keyOrEnd(table(tab, 'read', [tab]).store.firstKey()),
  'last/1': (tab) => keyOrEnd(table(tab, 'read', [tab]).store.lastKey()),
  'next/2': (tab, key) => step(tab, key, 'next'),
  'prev/2': (tab, key) => step(tab, key, 'prev'),
  'slot/2': slot,
  'info/1': info1,
  'info/2': info2,
  'whereis/1': (name) => {
    if (!(name instanceof Atom)) return badarg([name]);
    return find(name)?.tid ?? UNDEFINED;
  },
  'rename/2': renameTable,
  'give_away/3': giveAway,
  'setopts/2': setopts,
  'safe_fixtable/2': safeFixtable,
  // ets:all/0 in OTP collects tables from every scheduler by message; natively it is a list.
  'all/0': () => list(allTables().map((t) => t.handle)),
});

// Tables die with their owner (or pass to its heir).
onProcessExit((p) => deleteTablesOwnedBy(p.pid));
