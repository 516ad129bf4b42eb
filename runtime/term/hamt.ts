/**
 * The persistent HAMT behind large maps, laid out as OTP 25's hashmaps are (erl_map.c): 16-way
 * nodes indexed by the key's `mapHash` four bits at a time, lowest bits first, a fresh salted
 * hash every eight levels. A key sits at the shallowest level where no other key shares its
 * hash prefix (removal collapses a node left with one leaf), so the layout, and with it the
 * iteration order, depends only on the set of keys. Updates copy one path: O(log n).
 */
import { mapKeyCompare } from './compare.js';
import { mapHash } from './hash-internal.js';
import { HamtLeaf, type HamtEntry, type HamtNode } from './map.js';
import type { Term } from './term.js';

/**
 * Past this level the hashes of two distinct keys have agreed on 512 bits; only keys whose
 * hash omits something equality sees (see hash-internal.ts) can get here. Such keys share a
 * collision node: a plain list of leaves.
 */
const COLLISION_LEVEL = 128;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function sameKey(leaf: HamtLeaf, key: Term, hash: number): boolean {
  return leaf.hash === hash && (leaf.key === key || mapKeyCompare(leaf.key, key) === 0);
}

/** The hash bits for `level`, shifted so that the level's nibble is lowest. */
function hashAt(key: Term, hash: number, level: number): number {
  return level < 8 ? hash >>> (4 * level) : mapHash(key, level >>> 3) >>> (4 * (level & 7));
}

/** From one level's bits to the next level's. */
function nextBits(key: Term, bits: number, level: number): number {
  return (level + 1) & 7 ? bits >>> 4 : mapHash(key, (level + 1) >>> 3);
}

/** The slot of a node: slots start at index 1, after the bitmap. */
const slot = (node: HamtNode, i: number) => node[i + 1] as HamtEntry;

export function hamtGet(root: HamtNode, key: Term, hash: number): Term | undefined {
  let node = root;
  let bits = hash;
  for (let level = 0; ; level++) {
    if (level === COLLISION_LEVEL) {
      for (let i = 1; i < node.length; i++) if (sameKey(node[i] as HamtLeaf, key, hash)) return (node[i] as HamtLeaf).value;
      return undefined;
    }
    const bitmap = node[0];
    const bit = 1 << (bits & 15);
    if ((bitmap & bit) === 0) return undefined;
    const child = slot(node, popcount(bitmap & (bit - 1)));
    if (child instanceof HamtLeaf) return sameKey(child, key, hash) ? child.value : undefined;
    node = child;
    bits = nextBits(key, bits, level);
  }
}

/** Set by `hamtPut` (added a key) and `hamtRemove` (removed one). */
export let changedSize = false;

/**
 * Inserts, or replaces an existing key's association (key and value, as OTP's hashmap put and
 * update do), or with `keep` leaves it alone. Returns `node` itself when nothing changes.
 */
export function hamtPut(node: HamtNode, key: Term, value: Term, hash: number, keep = false): HamtNode {
  changedSize = false;
  return put(node, 0, key, value, hash, hash, keep);
}

/** A copy of `node` with slot `i` replaced. */
function withSlot(node: HamtNode, i: number, e: HamtEntry): HamtNode {
  const out = node.slice() as unknown as HamtEntry[];
  out[i + 1] = e;
  return out as unknown as HamtNode;
}

function put(node: HamtNode, level: number, key: Term, value: Term, hash: number, bits: number, keep: boolean): HamtNode {
  if (level === COLLISION_LEVEL) {
    let i = 1;
    while (i < node.length && !sameKey(node[i] as HamtLeaf, key, hash)) i++;
    if (i < node.length) {
      const l = node[i] as HamtLeaf;
      if (keep || (l.value === value && l.key === key)) return node;
    } else changedSize = true;
    return withSlot(node, i - 1, new HamtLeaf(key, value, hash));
  }
  const bitmap = node[0];
  const bit = 1 << (bits & 15);
  const idx = popcount(bitmap & (bit - 1));
  if ((bitmap & bit) === 0) {
    changedSize = true;
    const out: (number | HamtEntry)[] = node.slice(0, idx + 1);
    out[0] = bitmap | bit;
    out.push(new HamtLeaf(key, value, hash));
    for (let i = idx + 1; i < node.length; i++) out.push(node[i]);
    return out as unknown as HamtNode;
  }
  const child = slot(node, idx);
  let repl: HamtEntry;
  if (child instanceof HamtLeaf) {
    if (sameKey(child, key, hash)) {
      if (keep || (child.value === value && child.key === key)) return node;
      repl = new HamtLeaf(key, value, hash);
    } else {
      changedSize = true;
      const next = level + 1;
      repl = split(child, hashAt(child.key, child.hash, next), new HamtLeaf(key, value, hash), nextBits(key, bits, level), next);
    }
  } else {
    repl = put(child, level + 1, key, value, hash, nextBits(key, bits, level), keep);
    if (repl === child) return node;
  }
  return withSlot(node, idx, repl);
}

/** The subtree at `level` holding two leaves whose hashes agree on every level above it. */
function split(a: HamtLeaf, abits: number, b: HamtLeaf, bbits: number, level: number): HamtNode {
  if (level === COLLISION_LEVEL) return [0, a, b];
  const ia = abits & 15;
  const ib = bbits & 15;
  if (ia !== ib) return ia < ib ? [(1 << ia) | (1 << ib), a, b] : [(1 << ia) | (1 << ib), b, a];
  return [1 << ia, split(a, nextBits(a.key, abits, level), b, nextBits(b.key, bbits, level), level + 1)];
}

/** Removes `key` if present; returns `root` itself when absent. The root never collapses. */
export function hamtRemove(root: HamtNode, key: Term, hash: number): HamtNode {
  changedSize = false;
  return remove(root, 0, key, hash, hash) as HamtNode;
}

/** The node without the key: the node itself if absent, or its last leaf when one is left. */
function remove(node: HamtNode, level: number, key: Term, hash: number, bits: number): HamtEntry {
  const n = node.length - 1;
  let idx: number;
  let bitmap = node[0];
  if (level === COLLISION_LEVEL) {
    idx = 0;
    while (idx < n && !sameKey(slot(node, idx) as HamtLeaf, key, hash)) idx++;
    if (idx === n) return node;
  } else {
    const bit = 1 << (bits & 15);
    if ((bitmap & bit) === 0) return node;
    idx = popcount(bitmap & (bit - 1));
    const child = slot(node, idx);
    if (!(child instanceof HamtLeaf)) {
      const r = remove(child, level + 1, key, hash, nextBits(key, bits, level));
      if (r === child) return node;
      // A subtree reduced to one leaf moves up; so does this node if that was its only slot.
      if (r instanceof HamtLeaf && n === 1 && level > 0) return r;
      return withSlot(node, idx, r);
    }
    if (!sameKey(child, key, hash)) return node;
    bitmap &= ~bit;
  }
  changedSize = true;
  if (n === 2 && level > 0 && slot(node, 1 - idx) instanceof HamtLeaf) return slot(node, 1 - idx);
  const out: (number | HamtEntry)[] = node.slice();
  out.splice(idx + 1, 1);
  out[0] = bitmap;
  return out as unknown as HamtNode;
}
