/**
 * The store of set, bag and duplicate_bag tables: groups in a slot array in insertion order
 * (a group keeps its slot when replaced), found through a hash index on the key (phash2;
 * keys compare with `=:=`).
 *
 * OTP iterates these tables in the order of its linear hash table, which depends on
 * VM-internal hashes (of atom indexes, among others); we iterate in insertion order instead.
 * Programs cannot rely on either (the documentation leaves the order undefined).
 *
 * Deleting leaves a hole in the slot array, compacted once holes dominate. While the table is
 * fixed (ets:safe_fixtable, or foldl which fixes it) deleted groups stay in the index marked
 * dead, so a deleted key can still be passed to next/2, as OTP allows for fixed tables.
 */
import { termHash } from '../bif/hash.js';
import { exactEqual } from '../term/compare.js';
import type { Term } from '../term/term.js';
import { MISSING, type Cursor, type Group, type Store } from './store.js';

class Slot implements Group {
  dead = false;
  constructor(
    readonly key: Term,
    public objs: Term[],
    public pos: number,
  ) {}
}

/** Small integers hash to themselves; the index compares keys exactly anyway. */
const keyHash = (k: Term): number => (typeof k === 'number' ? k : termHash(k));

export class HashStore implements Store {
  private slots: (Slot | undefined)[] = [];
  private index = new Map<number, Slot | Slot[]>();
  private holes = 0;
  private fixes = 0;
  private dead: Slot[] = [];
  count = 0;

  /** The slot for `key`, live or (while fixed) dead. */
  private find(key: Term): Slot | undefined {
    const e = this.index.get(keyHash(key));
    if (e === undefined) return undefined;
    if (!Array.isArray(e)) return exactEqual(e.key, key) ? e : undefined;
    for (const s of e) if (exactEqual(s.key, key)) return s;
    return undefined;
  }

  private unindex(s: Slot): void {
    const h = keyHash(s.key);
    const e = this.index.get(h);
    if (e === s) this.index.delete(h);
    else if (Array.isArray(e)) {
      const rest = e.filter((x) => x !== s);
      if (rest.length === 1) this.index.set(h, rest[0]);
      else this.index.set(h, rest);
    }
  }

  get(key: Term): readonly Term[] | undefined {
    const s = this.find(key);
    return s === undefined || s.dead ? undefined : s.objs;
  }

  put(key: Term, objs: Term[]): void {
    const s = this.find(key);
    if (s !== undefined) {
      this.count += objs.length - (s.dead ? 0 : s.objs.length);
      s.objs = objs;
      s.dead = false;
      return;
    }
    const n = new Slot(key, objs, this.slots.length);
    this.slots.push(n);
    const h = keyHash(key);
    const e = this.index.get(h);
    if (e === undefined) this.index.set(h, n);
    else if (Array.isArray(e)) e.push(n);
    else this.index.set(h, [e, n]);
    this.count += objs.length;
  }

  delete(key: Term): boolean {
    const s = this.find(key);
    if (s === undefined || s.dead) return false;
    this.count -= s.objs.length;
    if (this.fixes > 0) {
      s.dead = true;
      s.objs = [];
      this.dead.push(s);
      return true;
    }
    this.remove(s);
    this.maybeCompact();
    return true;
  }

  private remove(s: Slot): void {
    this.unindex(s);
    this.slots[s.pos] = undefined;
    this.holes++;
  }

  private maybeCompact(): void {
    if (this.fixes > 0 || this.holes < 32 || this.holes * 2 < this.slots.length) return;
    const live = this.slots.filter((s): s is Slot => s !== undefined);
    live.forEach((s, i) => (s.pos = i));
    this.slots = live;
    this.holes = 0;
  }

  clear(): void {
    if (this.fixes > 0) {
      for (const s of this.slots) {
        if (s !== undefined && !s.dead) {
          s.dead = true;
          s.objs = [];
          this.dead.push(s);
        }
      }
    } else {
      this.slots = [];
      this.index.clear();
      this.holes = 0;
    }
    this.count = 0;
  }

  private liveFrom(pos: number): Slot | undefined {
    for (let i = pos; i < this.slots.length; i++) {
      const s = this.slots[i];
      if (s !== undefined && !s.dead) return s;
    }
    return undefined;
  }

  firstKey(): Term | undefined {
    return this.liveFrom(0)?.key;
  }

  /** A hash table has no reverse order: last/prev are first/next, as in OTP. */
  lastKey(): Term | undefined {
    return this.firstKey();
  }

  nextKey(key: Term): Term | undefined | typeof MISSING {
    const s = this.find(key);
    if (s === undefined) return MISSING;
    return this.liveFrom(s.pos + 1)?.key;
  }

  prevKey(key: Term): Term | undefined | typeof MISSING {
    return this.nextKey(key);
  }

  *scan(from: Cursor | undefined, _reverse: boolean): Iterable<[Group, Cursor]> {
    let i = typeof from === 'number' ? from + 1 : 0;
    for (; i < this.slots.length; i++) {
      const s = this.slots[i];
      if (s !== undefined && !s.dead) yield [s, i];
    }
  }

  slot(i: number): readonly Term[] | undefined {
    if (i >= this.slots.length) return undefined;
    const s = this.slots[i];
    return s === undefined || s.dead ? [] : s.objs;
  }

  get slotCount(): number {
    return this.slots.length;
  }

  fix(): void {
    this.fixes++;
  }

  unfix(): void {
    if (this.fixes === 0) return;
    if (--this.fixes > 0) return;
    for (const s of this.dead) if (s.dead) this.remove(s);
    this.dead = [];
    this.maybeCompact();
  }
}
