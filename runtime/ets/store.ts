/**
 * What an ETS table keeps its objects in: groups of objects with the same key, in an
 * iteration order of their own. Two implementations: `HashStore` (set, bag, duplicate_bag;
 * keys compare exactly, `=:=`) and `OrderedStore` (ordered_set; keys compare in term order,
 * `==`, so 1 and 1.0 are one key). The table decides what a group holds (one object for
 * sets, several for bags); the store only places and finds groups. Chunked selects resume
 * by key in an OrderedStore and by bucket in a HashStore (ets-select.ts).
 */
import type { Term } from '../term/term.js';

export interface Group {
  readonly key: Term;
  readonly objs: readonly Term[];
}

/** `nextKey`/`prevKey` of a key that is not in a hash store (and was not while fixed). */
export const MISSING = Symbol('missing key');

export interface Store {
  /** Number of objects (not groups). */
  readonly count: number;
  get(key: Term): readonly Term[] | undefined;
  /** Sets the group for `key` (in place if it exists, else at the end of the order). */
  put(key: Term, objs: Term[]): void;
  /** Adds one object to the group for `key` (bags), creating the group if needed. */
  append(key: Term, obj: Term): void;
  delete(key: Term): boolean;
  clear(): void;
  firstKey(): Term | undefined;
  lastKey(): Term | undefined;
  nextKey(key: Term): Term | undefined | typeof MISSING;
  prevKey(key: Term): Term | undefined | typeof MISSING;
  /** Every group, in the order select/match/tab2list return them (`reverse`: select_reverse). */
  all(reverse: boolean): Iterable<Group>;
  /** Every group, in first/next order (what foldl visits). */
  walk(): Iterable<Group>;
  /** The objects at a slot index, or undefined past the end (ets:slot/2). */
  slot(i: number): readonly Term[] | undefined;
  readonly slotCount: number;
  /** safe_fixtable: while fixed, deleted keys stay usable as iteration positions. */
  fix(): void;
  unfix(): void;
}
