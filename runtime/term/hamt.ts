/**
 * The persistent HAMT behind large maps, laid out as OTP 25's hashmaps are (erl_map.c): 16-way
 * nodes indexed by the key's `mapHash` four bits at a time, lowest bits first, a fresh salted
 * hash every eight levels. A key sits at the shallowest level where no other key shares its
 * hash prefix (removal collapses a node left with one leaf), so the layout, and with it the
 * iteration order, depends only on the set of keys. Updates copy one path: O(log n).
 */
import { mapKeyCompare } from './compare.js';
import { mapHash } from './hash-internal.js';
import { HamtLeaf, HamtNode, type HamtEntry } from './map.js';
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

export function hamtGet(root: HamtNode, key: Term, hash: number): Term | undefined {
  let node = root;
  let bits = hash;
  for (let level = 0; ; level++) {
    if (level === COLLISION_LEVEL) {
      for (const c of node.children as HamtLeaf[]) if (sameKey(c, key, hash)) return c.value;
      return undefined;
    }
    const bit = 1 << (bits & 15);
    if ((node.bitmap & bit) === 0) return undefined;
    const child = node.children[popcount(node.bitmap & (bit - 1))];
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

function put(node: HamtNode, level: number, key: Term, value: Term, hash: number, bits: number, keep: boolean): HamtNode {
  const ch = node.children;
  if (level === COLLISION_LEVEL) {
    const i = ch.findIndex((c) => sameKey(c as HamtLeaf, key, hash));
    if (i >= 0 && keep) return node;
    const out = ch.slice();
    if (i >= 0) out[i] = new HamtLeaf(key, value, hash);
    else {
      changedSize = true;
      out.push(new HamtLeaf(key, value, hash));
    }
    return new HamtNode(0, out);
  }
  const bit = 1 << (bits & 15);
  const idx = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    changedSize = true;
    const out = new Array<HamtEntry>(ch.length + 1);
    for (let i = 0; i < idx; i++) out[i] = ch[i];
    out[idx] = new HamtLeaf(key, value, hash);
    for (let i = idx; i < ch.length; i++) out[i + 1] = ch[i];
    return new HamtNode(node.bitmap | bit, out);
  }
  const child = ch[idx];
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
  const out = ch.slice();
  out[idx] = repl;
  return new HamtNode(node.bitmap, out);
}

/** The subtree at `level` holding two leaves whose hashes agree on every level above it. */
function split(a: HamtLeaf, abits: number, b: HamtLeaf, bbits: number, level: number): HamtNode {
  if (level === COLLISION_LEVEL) return new HamtNode(0, [a, b]);
  const ia = abits & 15;
  const ib = bbits & 15;
  if (ia !== ib) return new HamtNode((1 << ia) | (1 << ib), ia < ib ? [a, b] : [b, a]);
  const sub = split(a, nextBits(a.key, abits, level), b, nextBits(b.key, bbits, level), level + 1);
  return new HamtNode(1 << ia, [sub]);
}

/** Removes `key` if present; returns `root` itself when absent. The root never collapses. */
export function hamtRemove(root: HamtNode, key: Term, hash: number): HamtNode {
  changedSize = false;
  return remove(root, 0, key, hash, hash) as HamtNode;
}

/** The node without the key: the node itself if absent, or its last leaf when one is left. */
function remove(node: HamtNode, level: number, key: Term, hash: number, bits: number): HamtEntry {
  const ch = node.children;
  let idx: number;
  if (level === COLLISION_LEVEL) {
    idx = ch.findIndex((c) => sameKey(c as HamtLeaf, key, hash));
    if (idx < 0) return node;
  } else {
    const bit = 1 << (bits & 15);
    if ((node.bitmap & bit) === 0) return node;
    idx = popcount(node.bitmap & (bit - 1));
    const child = ch[idx];
    if (child instanceof HamtNode) {
      const r = remove(child, level + 1, key, hash, nextBits(key, bits, level));
      if (r === child) return node;
      // A subtree reduced to one leaf moves up; so does this node if that was its only slot.
      if (r instanceof HamtLeaf && ch.length === 1 && level > 0) return r;
      const out = ch.slice();
      out[idx] = r;
      return new HamtNode(node.bitmap, out);
    }
    if (!sameKey(child, key, hash)) return node;
  }
  changedSize = true;
  if (ch.length === 2 && level > 0 && ch[1 - idx] instanceof HamtLeaf) return ch[1 - idx];
  const out = ch.slice();
  out.splice(idx, 1);
  return new HamtNode(level === COLLISION_LEVEL ? 0 : node.bitmap & ~(1 << (bits & 15)), out);
}
