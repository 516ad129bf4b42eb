/**
 * The persistent HAMT behind large maps, laid out as OTP 25's hashmaps are (erl_map.c): 16-way
 * nodes indexed by the key's `mapHash` four bits at a time, lowest bits first, a fresh salted
 * hash every eight levels. A key sits at the shallowest level where no other key shares its
 * hash prefix (removal collapses a node left with one pair), so the layout, and with it the
 * iteration order, depends only on the set of keys. Updates copy one path: O(log n).
 *
 * Nodes keep their pairs inline (map.ts: `[datamap, nodemap, pairs..., children...]`); the
 * slot order OTP iterates in is recovered from the two bitmaps.
 */
import { mapKeyCompare } from './compare.js';
import { mapHash } from './hash-internal.js';
import { popcount, type HamtNode } from './map.js';
import type { Term } from './term.js';

/**
 * Past this level the hashes of two distinct keys have agreed on 512 bits; only keys whose
 * hash omits something equality sees (see hash-internal.ts) can get here. Such keys share a
 * collision node: both bitmaps 0, then the pairs.
 */
const COLLISION_LEVEL = 128;

/** `=:=` on map keys; integers (numbers) and interned atoms decide by identity. */
export function sameKey(a: unknown, b: Term): boolean {
  return a === b || (typeof b === 'object' && mapKeyCompare(a as Term, b) === 0);
}

/** The hash bits for `level`, shifted so that the level's nibble is lowest. */
function hashAt(key: Term, level: number): number {
  return mapHash(key, level >>> 3) >>> (4 * (level & 7));
}

/** From one level's bits to the next level's. */
function nextBits(key: Term, bits: number, level: number): number {
  return (level + 1) & 7 ? bits >>> 4 : mapHash(key, (level + 1) >>> 3);
}

export function hamtGet(root: HamtNode, key: Term, hash: number): Term | undefined {
  let node = root;
  let bits = hash;
  for (let level = 0; ; level++) {
    const dm = node[0] as number;
    const bit = 1 << (bits & 15);
    if (dm & bit) {
      const i = 2 + 2 * popcount(dm & (bit - 1));
      return sameKey(node[i], key) ? (node[i + 1] as Term) : undefined;
    }
    const nm = node[1] as number;
    if ((nm & bit) === 0) {
      if (level === COLLISION_LEVEL) return collisionGet(node, key);
      return undefined;
    }
    node = node[2 + 2 * popcount(dm) + popcount(nm & (bit - 1))] as HamtNode;
    bits = nextBits(key, bits, level);
  }
}

function collisionGet(node: HamtNode, key: Term): Term | undefined {
  for (let i = 2; i < node.length; i += 2) if (sameKey(node[i], key)) return node[i + 1] as Term;
  return undefined;
}

/** Set by `hamtPut` (added a key) and `hamtRemove` (removed one). */
export let changedSize = false;

/**
 * Inserts, or replaces an existing key's association (key and value, as OTP's hashmap put and
 * update do), or with `keep` leaves it alone. Returns `node` itself when nothing changes.
 */
export function hamtPut(node: HamtNode, key: Term, value: Term, hash: number, keep = false): HamtNode {
  changedSize = false;
  return put(node, 0, key, value, hash, keep);
}

/** A copy of `node` with entry `i` replaced. */
function withEntry(node: HamtNode, i: number, e: unknown): HamtNode {
  const out = node.slice();
  out[i] = e;
  return out;
}

function put(node: HamtNode, level: number, key: Term, value: Term, bits: number, keep: boolean): HamtNode {
  const dm = node[0] as number;
  const nm = node[1] as number;
  const n = node.length;
  if (level === COLLISION_LEVEL) {
    let i = 2;
    while (i < n && !sameKey(node[i], key)) i += 2;
    if (i === n) {
      changedSize = true;
      const out = node.slice();
      out.push(key, value);
      return out;
    }
    if (keep || (node[i + 1] === value && node[i] === key)) return node;
    const out = node.slice();
    out[i] = key;
    out[i + 1] = value;
    return out;
  }
  const bit = 1 << (bits & 15);
  if (dm & bit) {
    const i = 2 + 2 * popcount(dm & (bit - 1));
    const k = node[i] as Term;
    if (sameKey(k, key)) {
      if (keep || (node[i + 1] === value && k === key)) return node;
      const out = node.slice();
      out[i] = key;
      out[i + 1] = value;
      return out;
    }
    // Two keys share this slot: a child node holds both; the pair moves out.
    changedSize = true;
    const next = level + 1;
    const child = split(k, node[i + 1] as Term, hashAt(k, next), key, value, nextBits(key, bits, level), next);
    const c = 2 + 2 * popcount(dm) + popcount(nm & (bit - 1)) - 2; // child position, pair gone
    const out = new Array<unknown>(n - 1);
    out[0] = dm ^ bit;
    out[1] = nm | bit;
    let j = 2;
    for (let s = 2; s < i; s++) out[j++] = node[s];
    for (let s = i + 2; s < c + 2; s++) out[j++] = node[s];
    out[j++] = child;
    for (let s = c + 2; s < n; s++) out[j++] = node[s];
    return out;
  }
  if (nm & bit) {
    const c = 2 + 2 * popcount(dm) + popcount(nm & (bit - 1));
    const child = node[c] as HamtNode;
    const repl = put(child, level + 1, key, value, nextBits(key, bits, level), keep);
    return repl === child ? node : withEntry(node, c, repl);
  }
  // A free slot: the pair goes in at its place among the pairs.
  changedSize = true;
  const i = 2 + 2 * popcount(dm & (bit - 1));
  const out = new Array<unknown>(n + 2);
  out[0] = dm | bit;
  out[1] = nm;
  for (let s = 2; s < i; s++) out[s] = node[s];
  out[i] = key;
  out[i + 1] = value;
  for (let s = i; s < n; s++) out[s + 2] = node[s];
  return out;
}

/** The subtree at `level` holding two pairs whose hashes agree on every level above it. */
function split(ka: Term, va: Term, abits: number, kb: Term, vb: Term, bbits: number, level: number): HamtNode {
  if (level === COLLISION_LEVEL) return [0, 0, ka, va, kb, vb];
  const ia = abits & 15;
  const ib = bbits & 15;
  if (ia !== ib) {
    const dm = (1 << ia) | (1 << ib);
    return ia < ib ? [dm, 0, ka, va, kb, vb] : [dm, 0, kb, vb, ka, va];
  }
  return [0, 1 << ia, split(ka, va, nextBits(ka, abits, level), kb, vb, nextBits(kb, bbits, level), level + 1)];
}

/** Removes `key` if present; returns `root` itself when absent. The root never collapses. */
export function hamtRemove(root: HamtNode, key: Term, hash: number): HamtNode {
  changedSize = false;
  return remove(root, 0, key, hash);
}

/** A node left holding one pair and no children: its parent takes the pair in its place. */
const lone = (n: HamtNode) => n.length === 4 && n[1] === 0;

/** The node without the key, or the node itself if the key is absent. */
function remove(node: HamtNode, level: number, key: Term, bits: number): HamtNode {
  const n = node.length;
  const dm = node[0] as number;
  const nm = node[1] as number;
  if (level === COLLISION_LEVEL) {
    let i = 2;
    while (i < n && !sameKey(node[i], key)) i += 2;
    if (i === n) return node;
    changedSize = true;
    const out = node.slice();
    out.splice(i, 2);
    return out;
  }
  const bit = 1 << (bits & 15);
  if (dm & bit) {
    const i = 2 + 2 * popcount(dm & (bit - 1));
    if (!sameKey(node[i], key)) return node;
    changedSize = true;
    const out = node.slice();
    out.splice(i, 2);
    out[0] = dm ^ bit;
    return out;
  }
  if ((nm & bit) === 0) return node;
  const c = 2 + 2 * popcount(dm) + popcount(nm & (bit - 1));
  const child = node[c] as HamtNode;
  const r = remove(child, level + 1, key, nextBits(key, bits, level));
  if (r === child) return node;
  if (!lone(r)) return withEntry(node, c, r);
  // The child is down to one pair: it moves up into this node (and on up, if this node is
  // then left with just that pair, unless it is the root).
  const i = 2 + 2 * popcount(dm & (bit - 1));
  const out = node.slice();
  out.splice(c, 1);
  out.splice(i, 0, r[2], r[3]);
  out[0] = dm | bit;
  out[1] = nm ^ bit;
  return out;
}
