/**
 * The store of ordered_set tables: objects sorted by key in term order (`compare`, so 1 and
 * 1.0 are the same key), kept in blocks of at most BLOCK entries so inserts and deletes move
 * little memory, with binary search over the blocks' last keys and then within a block.
 * Positions are keys, so a scan resumes correctly after any change to the table.
 */
import { compare } from '../term/compare.js';
import type { Term } from '../term/term.js';
import type { Group, Store } from './store.js';

const BLOCK = 256;

interface Block {
  keys: Term[];
  objs: Term[];
}

export class OrderedStore implements Store {
  private blocks: Block[] = [];
  count = 0;

  /** The block that holds `key` or would: the first whose last key is >= key (or the last). */
  private blockFor(key: Term): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = this.blocks[mid];
      if (compare(b.keys[b.keys.length - 1], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first key >= `key` in a block, and whether it is equal. */
  private static search(b: Block, key: Term): [number, boolean] {
    let lo = 0;
    let hi = b.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(b.keys[mid], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return [lo, lo < b.keys.length && compare(b.keys[lo], key) === 0];
  }

  get(key: Term): readonly Term[] | undefined {
    if (this.blocks.length === 0) return undefined;
    const b = this.blocks[this.blockFor(key)];
    const [i, found] = OrderedStore.search(b, key);
    return found ? [b.objs[i]] : undefined;
  }

  /** An ordered_set holds one object per key: `objs` is that one object. */
  put(key: Term, objs: Term[]): void {
    const obj = objs[0];
    if (this.blocks.length === 0) {
      this.blocks.push({ keys: [key], objs: [obj] });
      this.count = 1;
      return;
    }
    const bi = this.blockFor(key);
    const b = this.blocks[bi];
    const [i, found] = OrderedStore.search(b, key);
    if (found) {
      // The new object's key replaces the old (they are ==, not necessarily =:=).
      b.keys[i] = key;
      b.objs[i] = obj;
      return;
    }
    b.keys.splice(i, 0, key);
    b.objs.splice(i, 0, obj);
    this.count++;
    if (b.keys.length > BLOCK) {
      const half = b.keys.length >>> 1;
      this.blocks.splice(bi + 1, 0, { keys: b.keys.splice(half), objs: b.objs.splice(half) });
    }
  }

  /** An ordered_set holds one object per key: appending replaces. */
  append(key: Term, obj: Term): void {
    this.put(key, [obj]);
  }

  delete(key: Term): boolean {
    if (this.blocks.length === 0) return false;
    const bi = this.blockFor(key);
    const b = this.blocks[bi];
    const [i, found] = OrderedStore.search(b, key);
    if (!found) return false;
    b.keys.splice(i, 1);
    b.objs.splice(i, 1);
    if (b.keys.length === 0) this.blocks.splice(bi, 1);
    this.count--;
    return true;
  }

  clear(): void {
    this.blocks = [];
    this.count = 0;
  }

  firstKey(): Term | undefined {
    return this.blocks.length === 0 ? undefined : this.blocks[0].keys[0];
  }

  lastKey(): Term | undefined {
    if (this.blocks.length === 0) return undefined;
    const b = this.blocks[this.blocks.length - 1];
    return b.keys[b.keys.length - 1];
  }

  /** The block and index of the first key > `key` (strictly). */
  private successor(key: Term): [number, number] {
    if (this.blocks.length === 0) return [0, 0];
    let bi = this.blockFor(key);
    const b = this.blocks[bi];
    let [i, found] = OrderedStore.search(b, key);
    if (found) i++;
    if (i >= b.keys.length) {
      bi++;
      i = 0;
    }
    return [bi, i];
  }

  /** The block and index of the last key < `key` (strictly); block -1 if none. */
  private predecessor(key: Term): [number, number] {
    if (this.blocks.length === 0) return [-1, 0];
    let bi = this.blockFor(key);
    let [i] = OrderedStore.search(this.blocks[bi], key);
    i--;
    if (i < 0) {
      bi--;
      if (bi < 0) return [-1, 0];
      i = this.blocks[bi].keys.length - 1;
    }
    return [bi, i];
  }

  /** Any term works as a position in an ordered_set (it need not be a key in the table). */
  nextKey(key: Term): Term | undefined {
    const [bi, i] = this.successor(key);
    return bi < this.blocks.length ? this.blocks[bi].keys[i] : undefined;
  }

  prevKey(key: Term): Term | undefined {
    const [bi, i] = this.predecessor(key);
    return bi < 0 ? undefined : this.blocks[bi].keys[i];
  }

  all(reverse: boolean): Iterable<Group> {
    return this.after(undefined, reverse);
  }

  walk(): Iterable<Group> {
    return this.after(undefined, false);
  }

  /** The groups after `start` (all if undefined) in key order, or before it in reverse. */
  *after(start: Term | undefined, reverse: boolean): Iterable<Group> {
    if (!reverse) {
      let [bi, i] = start === undefined ? [0, 0] : this.successor(start);
      // Step on while the table is unchanged; else re-locate (the caller may change it).
      while (bi < this.blocks.length) {
        const b = this.blocks[bi];
        const key = b.keys[i];
        yield { key, objs: [b.objs[i]] };
        if (this.blocks[bi] === b && b.keys[i] === key) {
          if (++i >= b.keys.length) [bi, i] = [bi + 1, 0];
        } else [bi, i] = this.successor(key);
      }
    } else {
      let [bi, i] = start === undefined ? this.lastPos() : this.predecessor(start);
      while (bi >= 0) {
        const b = this.blocks[bi];
        const key = b.keys[i];
        yield { key, objs: [b.objs[i]] };
        if (this.blocks[bi] === b && b.keys[i] === key) {
          if (--i < 0 && --bi >= 0) i = this.blocks[bi].keys.length - 1;
        } else [bi, i] = this.predecessor(key);
      }
    }
  }

  private lastPos(): [number, number] {
    const n = this.blocks.length;
    return n === 0 ? [-1, 0] : [n - 1, this.blocks[n - 1].keys.length - 1];
  }

  slot(i: number): readonly Term[] | undefined {
    for (const b of this.blocks) {
      if (i < b.keys.length) return [b.objs[i]];
      i -= b.keys.length;
    }
    return undefined;
  }

  get slotCount(): number {
    return this.count;
  }

  /** Positions are keys, which stay valid across deletes: nothing to do. */
  fix(): void {}
  unfix(): void {}
}
