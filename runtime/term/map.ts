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
    forEachLeaf(this.root!, (l) => {
      ks.push(l.key);
      vs.push(l.value);
    });
    this.k = ks;
    this.v = vs;
    return [ks, vs];
  }
}

/** A key/value pair in a HAMT, with the key's depth-0 hash (hash-internal.ts) cached. */
export class HamtLeaf {
  constructor(
    readonly key: Term,
    readonly value: Term,
    readonly hash: number,
  ) {}
}

/**
 * A HAMT node, `[bitmap, ...slots]`: bit i of the bitmap is set when the slot for hash nibble i
 * is used, and the used slots follow in nibble order, each a leaf or a node. One array per
 * node, so a lookup touches one object per level. (A node at hamt.ts's collision level is a
 * plain list of leaves whose hashes never differ; its bitmap is 0.)
 */
export type HamtNode = readonly [bitmap: number, ...slots: HamtEntry[]];

export type HamtEntry = HamtLeaf | HamtNode;

/** Depth-first, slots in nibble order: the order OTP iterates a HAMT in. */
export function forEachLeaf(root: HamtNode, fn: (leaf: HamtLeaf) => void): void {
  const nodes: HamtNode[] = [root];
  const next: number[] = [1];
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top];
    const i = next[top];
    if (i === node.length) {
      nodes.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    const c = node[i] as HamtEntry;
    if (c instanceof HamtLeaf) fn(c);
    else {
      nodes.push(c);
      next.push(1);
    }
  }
}
