/**
 * ETS tables: what a table is (type, key position, protection, owner, heir, its store), the
 * node-wide registry of tables by id and by name, access checks, and what happens to a
 * process's tables when it exits.
 *
 * Table ids are references (OTP 25 returns them for unnamed tables; named tables are
 * addressed by their name, and also by the reference ets:whereis/1 gives). The current
 * process is asked for at call time through the erlang:self/0 BIF, so this module does not
 * depend on how processes are implemented.
 */
import { badargBecause } from '../exception.js';
import { lookupBif, type Bif } from '../bif/registry.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { exactEqual } from '../term/compare.js';
import { Pid, Ref } from '../term/identity.js';
import type { Term } from '../term/term.js';
import { HashStore } from './hashstore.js';
import { OrderedStore } from './orderedstore.js';
import type { Store } from './store.js';

export type TableType = 'set' | 'ordered_set' | 'bag' | 'duplicate_bag';
export type Protection = 'public' | 'protected' | 'private';

export interface TableOptions {
  type: TableType;
  protection: Protection;
  named: boolean;
  keypos: number;
  heir: Pid | undefined;
  heirData: Term;
  readConcurrency: boolean;
  writeConcurrency: Term;
  decentralizedCounters: boolean;
  compressed: boolean;
}

export class Table {
  readonly store: Store;
  /** Fixations by process (ets:safe_fixtable), keyed by pidKey. */
  readonly fixations = new Map<string, { pid: Pid; count: number }>();
  deleted = false;

  constructor(
    readonly tid: Ref,
    public name: Atom,
    public owner: Pid,
    readonly opts: TableOptions,
  ) {
    this.store = opts.type === 'ordered_set' ? new OrderedStore() : new HashStore();
  }

  get type(): TableType {
    return this.opts.type;
  }
  get keypos(): number {
    return this.opts.keypos;
  }
  /** What the program uses to address the table: its name if named, else its id. */
  get handle(): Term {
    return this.opts.named ? this.name : this.tid;
  }
}

const byTid = new Map<string, Table>();
const byName = new Map<Atom, Table>();
/** Tables by the identity of a Ref object already looked up (programs reuse their table ids). */
const byRefObject = new WeakMap<Ref, Table>();

const refKey = (r: Ref): string => `${r.node.name}/${r.creation}/${r.ids.join('.')}`;
export const pidKey = (p: Pid): string => `${p.node.name}/${p.id}.${p.serial}/${p.creation}`;

let selfBif: Bif | undefined;

/** The calling process (erlang:self/0, looked up at the first call, after all BIFs are defined). */
export function self(): Pid {
  selfBif ??= lookupBif('erlang', 'self', 0);
  const p = selfBif?.();
  if (!(p instanceof Pid)) throw new Error('ets: erlang:self/0 is not available');
  return p;
}

export function newRef(): Ref {
  const r = lookupBif('erlang', 'make_ref', 0)?.();
  if (!(r instanceof Ref)) throw new Error('ets: erlang:make_ref/0 is not available');
  return r;
}

export const samePid = (a: Pid, b: Pid): boolean => exactEqual(a, b);

/** Whether a process is alive: erlang:is_process_alive/1 if there is one, else only self. */
export function isAlive(p: Pid): boolean {
  const f = lookupBif('erlang', 'is_process_alive', 1);
  if (f !== undefined) return f(p) === TRUE;
  return samePid(p, self());
}

/** Sends a message with erlang:send/2 (ownership transfers); a no-op without processes. */
export function send(to: Pid, msg: Term): void {
  lookupBif('erlang', 'send', 2)?.(to, msg);
}

export function register(t: Table): void {
  byTid.set(refKey(t.tid), t);
  if (t.opts.named) byName.set(t.name, t);
}

/** Whether a named table of this name exists. */
export const nameTaken = (name: Atom): boolean => byName.has(name);

/** The table `tab` names (a name or an id), or undefined. */
export function find(tab: Term): Table | undefined {
  if (tab instanceof Atom) return byName.get(tab);
  if (!(tab instanceof Ref)) return undefined;
  const known = byRefObject.get(tab);
  if (known !== undefined && !known.deleted) return known;
  const t = byTid.get(refKey(tab));
  if (t !== undefined) byRefObject.set(tab, t);
  return t;
}

export type Access = 'read' | 'write' | 'owner';

/** The table for an operation needing `access`; badarg if it does not exist or is not allowed. */
export function table(tab: Term, access: Access, args: Term[]): Table {
  const t = find(tab);
  if (t === undefined) return badargBecause('id', args);
  const p = t.opts.protection;
  if (access === 'owner' || p === 'private' || (p === 'protected' && access === 'write')) {
    if (!samePid(t.owner, self())) return badargBecause('access', args);
  }
  return t;
}

export function rename(t: Table, name: Atom): void {
  if (t.opts.named) {
    byName.delete(t.name);
    byName.set(name, t);
  }
  t.name = name;
}

export function drop(t: Table): void {
  t.deleted = true;
  byTid.delete(refKey(t.tid));
  if (t.opts.named && byName.get(t.name) === t) byName.delete(t.name);
  t.store.clear();
}

/** Every table, in creation order. */
export const allTables = (): Table[] => [...byTid.values()];

/** Gives a table to a new owner and tells it so, as give_away and heirs do. */
export function transfer(t: Table, to: Pid, from: Pid, data: Term): void {
  t.owner = to;
  send(to, [atom('ETS-TRANSFER'), t.handle, from, data]);
}

/**
 * Called when a process exits: its tables go to their heir if the heir is alive (with an
 * 'ETS-TRANSFER' message), or are deleted; its fixations are released.
 */
export function deleteTablesOwnedBy(pid: Pid): void {
  // Most processes that end never touched a table: skip the walk when there is none.
  if (byTid.size === 0) return;
  const key = pidKey(pid);
  for (const t of allTables()) {
    const fix = t.fixations.get(key);
    if (fix !== undefined) {
      t.fixations.delete(key);
      for (let i = 0; i < fix.count; i++) t.store.unfix();
    }
    if (!samePid(t.owner, pid)) continue;
    const heir = t.opts.heir;
    if (heir !== undefined && !samePid(heir, pid) && isAlive(heir)) transfer(t, heir, pid, t.opts.heirData);
    else drop(t);
  }
}

export const boolTerm = (b: boolean): Term => (b ? TRUE : FALSE);
