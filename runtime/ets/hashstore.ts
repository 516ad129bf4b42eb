/**
 * The store of set, bag and duplicate_bag tables: a linear hash table laid out the way ERTS
 * 25 lays out its own, so that tables iterate in OTP's order (for keys whose hash is
 * portable, see keyhash.ts). What we reproduce, as observed on erl:
 *
 * - 256 buckets to start with; after adding an object, while the table holds more objects
 *   than buckets, one bucket is added (up to 5 per insert, catching up after a fixation),
 *   by splitting a bucket in linear-hashing order, keeping the order of its chain. Deleting
 *   never shrinks the table; deleting all objects (delete_all_objects) resets it.
 * - A new key goes to the head of its bucket's chain; the objects of one key stay together.
 * - select/match/tab2list visit buckets from the last to the first, each chain from its
 *   head; first/next visit exactly the reverse.
 * - While the table is fixed, deleted keys stay in their chains (so next/2 works from them)
 *   and the table does not grow; unfixing removes them.
 *
 * Keys compare exactly (`=:=`).
 */
import { exactEqual } from '../term/compare.js';
import type { Term } from '../term/term.js';
import { bucketHash } from './keyhash.js';
import { MISSING, type Group, type Store } from './store.js';

const FIRST_BUCKETS = 256;
/** Buckets added per insert at most (OTP catches up gradually after a fixation). */
const MAX_GROW_STEPS = 5;

class Entry implements Group {
  dead = false;
  constructor(
    readonly key: Term,
    public objs: Term[],
    readonly hash: number,
  ) {}
}

export class HashStore implements Store {
  /** Chains, head first. */
  private buckets: Entry[][] = [];
  /** All-ones mask covering the bucket count (linear hashing's current level). */
  private mask = FIRST_BUCKETS - 1;
  private fixes = 0;
  private dead: Entry[] = [];
  count = 0;

  constructor() {
    this.reset();
  }

  private reset(): void {
    this.buckets = Array.from({ length: FIRST_BUCKETS }, () => []);
    this.mask = FIRST_BUCKETS - 1;
  }

  get bucketCount(): number {
    return this.buckets.length;
  }

  private index(hash: number): number {
    const ix = hash & this.mask;
    return ix >= this.buckets.length ? ix & (this.mask >>> 1) : ix;
  }

  /** The entry for `key`, live or (while fixed) dead, and its bucket. */
  private find(key: Term, hash = bucketHash(key)): [Entry | undefined, number] {
    const b = this.index(hash);
    for (const e of this.buckets[b]) if (e.hash === hash && exactEqual(e.key, key)) return [e, b];
    return [undefined, b];
  }

  get(key: Term): readonly Term[] | undefined {
    const [e] = this.find(key);
    return e === undefined || e.dead ? undefined : e.objs;
  }

  put(key: Term, objs: Term[]): void {
    const hash = bucketHash(key);
    const [e, b] = this.find(key, hash);
    const before = this.count;
    if (e !== undefined) {
      this.count += objs.length - (e.dead ? 0 : e.objs.length);
      e.objs = objs;
      e.dead = false;
    } else {
      this.buckets[b].unshift(new Entry(key, objs, hash));
      this.count += objs.length;
    }
    if (this.count > before) this.grow();
  }

  append(key: Term, obj: Term): void {
    const [e] = this.find(key);
    if (e === undefined || e.dead) {
      this.put(key, [obj]);
      return;
    }
    e.objs.push(obj);
    this.count++;
    this.grow();
  }

  /** Adds buckets while there are more objects than buckets (not while fixed). */
  private grow(): void {
    if (this.fixes > 0) return;
    for (let i = 0; i < MAX_GROW_STEPS && this.count > this.buckets.length; i++) {
      const n = this.buckets.length;
      if (n > this.mask) this.mask = this.mask * 2 + 1;
      const from = n & (this.mask >>> 1);
      const stay: Entry[] = [];
      const move: Entry[] = [];
      for (const e of this.buckets[from]) ((e.hash & this.mask) === n ? move : stay).push(e);
      this.buckets[from] = stay;
      this.buckets.push(move);
    }
  }

  delete(key: Term): boolean {
    const [e, b] = this.find(key);
    if (e === undefined || e.dead) return false;
    this.count -= e.objs.length;
    if (this.fixes > 0) {
      e.dead = true;
      e.objs = [];
      this.dead.push(e);
    } else {
      const chain = this.buckets[b];
      chain.splice(chain.indexOf(e), 1);
    }
    return true;
  }

  clear(): void {
    if (this.fixes > 0) {
      for (const chain of this.buckets) {
        for (const e of chain) {
          if (!e.dead) {
            e.dead = true;
            e.objs = [];
            this.dead.push(e);
          }
        }
      }
    } else this.reset();
    this.count = 0;
  }

  *all(): Iterable<Group> {
    for (let b = this.buckets.length - 1; b >= 0; b--) {
      for (const e of this.buckets[b]) if (!e.dead) yield e;
    }
  }

  *walk(): Iterable<Group> {
    for (const chain of this.buckets) {
      for (let i = chain.length - 1; i >= 0; i--) if (!chain[i].dead) yield chain[i];
    }
  }

  /** The live entries of one bucket, head first (chunked selects go bucket by bucket). */
  bucket(b: number): Group[] {
    return this.buckets[b].filter((e) => !e.dead);
  }

  /** The first live entry in first/next order from bucket `b`, chain position `i` down. */
  private liveFrom(b: number, i: number): Term | undefined {
    for (; b < this.buckets.length; b++) {
      const chain = this.buckets[b];
      for (let j = Math.min(i, chain.length - 1); j >= 0; j--) if (!chain[j].dead) return chain[j].key;
      i = Infinity;
    }
    return undefined;
  }

  firstKey(): Term | undefined {
    return this.liveFrom(0, Infinity);
  }

  /** A hash table has no reverse order: last/prev are first/next, as in OTP. */
  lastKey(): Term | undefined {
    return this.firstKey();
  }

  nextKey(key: Term): Term | undefined | typeof MISSING {
    const [e, b] = this.find(key);
    if (e === undefined) return MISSING;
    return this.liveFrom(b, this.buckets[b].indexOf(e) - 1);
  }

  prevKey(key: Term): Term | undefined | typeof MISSING {
    return this.nextKey(key);
  }

  slot(i: number): readonly Term[] | undefined {
    if (i >= this.buckets.length) return undefined;
    return this.buckets[i].flatMap((e) => (e.dead ? [] : e.objs));
  }

  get slotCount(): number {
    return this.buckets.length;
  }

  /** Chain lengths (in objects) per bucket, for info(T, stats). */
  chainLengths(): number[] {
    return this.buckets.map((chain) => chain.reduce((n, e) => n + e.objs.length, 0));
  }

  fix(): void {
    this.fixes++;
  }

  unfix(): void {
    if (this.fixes === 0) return;
    if (--this.fixes > 0) return;
    for (const e of this.dead) {
      if (!e.dead) continue;
      const chain = this.buckets[this.index(e.hash)];
      chain.splice(chain.indexOf(e), 1);
    }
    this.dead = [];
  }
}
