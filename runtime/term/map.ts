import type { Term } from './term.js';

/**
 * An Erlang map, in OTP's two representations (docs/terms.md):
 * - small (≤ 32 keys, OTP's flatmap): `keys` ascending in the exact term order
 *   (`mapKeyCompare`), `values` at the same index;
 * - large (> 32 keys): a HAMT (`root`) laid out exactly as OTP 25 lays it out (hamt.ts), so
 *   it iterates, prints and encodes in OTP's order. `keys`/`values` are then filled lazily.
 * A map has more than 32 keys exactly when it is large, as on the BEAM. No two keys are
 * exactly equal (`=:=`).
 */
export class ErlMap {
  private k: readonly Term[] | undefined;
  private v: readonly Term[] | undefined;

  /** A small map from sorted keys and their values; large maps come from hamt.ts. */
  constructor(
    keys: readonly Term[],
    values: readonly Term[],
    readonly root: HamtNode | undefined = undefined,
    readonly size: number = keys.length,
  ) {
    this.k = root === undefined ? keys : undefined;
    this.v = root === undefined ? values : undefined;
  }

  /** The keys in iteration order (`maps:fold`, `maps:next`, `~p`): term order or HAMT order. */
  get keys(): readonly Term[] {
    return this.k ?? this.fill()[0];
  }

  /** The values, in the order of `keys`. */
  get values(): readonly Term[] {
    return this.v ?? this.fill()[1];
  }

  private fill(): [Term[], Term[]] {
    const ks: Term[] = [];
    const vs: Term[] = [];
    forEachLeaf(this.root!, (k, v) => {
      ks.push(k);
      vs.push(v);
    });
    this.k = ks;
    this.v = vs;
    return [ks, vs];
  }
}

/**
 * A HAMT node: `[datamap, nodemap, k0, v0, k1, v1, ..., node0, node1, ...]`. Bit i of
 * `datamap` is set when the slot for hash nibble i holds a key/value pair, bit i of `nodemap`
 * when it holds a child node; the pairs follow inline in nibble order, then the children in
 * nibble order. The slots in nibble order (pairs and children interleaved by their bits) are
 * the node's slots in OTP's layout; keeping pairs inline saves an object and a pointer chase
 * per key. A node at hamt.ts's collision level has both maps 0 and holds only pairs, in
 * insertion order.
 */
export type HamtNode = readonly unknown[];

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** How many slots (pairs and children) a node has. */
export function slotCount(n: HamtNode): number {
  const used = (n[0] as number) | (n[1] as number);
  return used === 0 ? (n.length - 2) >> 1 : popcount(used);
}

/**
 * Slot `i` of a node in OTP's order: the index of its key in the node array (the value
 * follows it) when the slot holds a pair, else the child node.
 */
export function slotAt(n: HamtNode, i: number): number | HamtNode {
  const dm = n[0] as number;
  const nm = n[1] as number;
  let used = dm | nm;
  if (used === 0) return 2 + 2 * i;
  for (let j = 0; j < i; j++) used &= used - 1;
  const bit = used & -used;
  if (dm & bit) return 2 + 2 * popcount(dm & (bit - 1));
  return n[2 + 2 * popcount(dm) + popcount(nm & (bit - 1))] as HamtNode;
}

/** Depth-first, slots in nibble order: the order OTP iterates a HAMT in. */
export function forEachLeaf(root: HamtNode, fn: (key: Term, value: Term) => void): void {
  const dm = root[0] as number;
  const nm = root[1] as number;
  if ((dm | nm) === 0) {
    for (let i = 2; i < root.length; i += 2) fn(root[i] as Term, root[i + 1] as Term);
    return;
  }
  let d = 2;
  let c = 2 + 2 * popcount(dm);
  for (let used = dm | nm; used !== 0; used &= used - 1) {
    if (dm & used & -used) {
      fn(root[d] as Term, root[d + 1] as Term);
      d += 2;
    } else forEachLeaf(root[c++] as HamtNode, fn);
  }
}
