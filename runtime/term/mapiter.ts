/**
 * Resumable iteration over a large map, as `erts_internal:map_next/3` does it on the BEAM:
 * the position is an integer "path", four bits per level from the root, each the index of a
 * used slot in that level's node. A path names the next association to return; a slot holding
 * a node continues down its first slot.
 */
import { HamtLeaf, type HamtNode } from './map.js';

export interface HamtSlice {
  /** Up to `max` associations in iteration order, from the path on. */
  leaves: HamtLeaf[];
  /** The path of the association after them, or undefined when none remain. */
  next: number | bigint | undefined;
}

/** The associations from `path` on (at most `max`); undefined if the path names no slot. */
export function hamtSlice(root: HamtNode, path: number | bigint, max: number): HamtSlice | undefined {
  const nibbles: number[] = [];
  if (typeof path === 'number') {
    for (let p = path; p > 0; p = Math.floor(p / 16)) nibbles.push(p % 16);
  } else {
    for (let p = path; p > 0n; p >>= 4n) nibbles.push(Number(p & 15n));
  }
  // Per level on the way down: the node and its next unvisited slot.
  const nodes: HamtNode[] = [];
  const slots: number[] = [];
  const leaves: HamtLeaf[] = [];
  for (let node = root, level = 0; ; level++) {
    const i = nibbles[level] ?? 0;
    if (i >= node.children.length) return undefined;
    nodes.push(node);
    slots.push(i + 1);
    const c = node.children[i];
    if (c instanceof HamtLeaf) {
      leaves.push(c);
      break;
    }
    node = c;
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    let i = slots.pop()!;
    const ch = node.children;
    while (i < ch.length && leaves.length < max && ch[i] instanceof HamtLeaf) leaves.push(ch[i++] as HamtLeaf);
    if (leaves.length === max) {
      // Stop; leave the stack pointing at the next slot to visit.
      if (i < ch.length) {
        nodes.push(node);
        slots.push(i + 1);
      } else {
        while (nodes.length > 0 && slots[slots.length - 1] >= nodes[nodes.length - 1].children.length) {
          nodes.pop();
          slots.pop();
        }
        if (nodes.length > 0) slots[slots.length - 1]++;
      }
      break;
    }
    if (i < ch.length) {
      nodes.push(node, ch[i] as HamtNode);
      slots.push(i + 1, 0);
    }
  }
  if (nodes.length === 0) return { leaves, next: undefined };
  // Each stacked slot is one past the slot in use: the path holds those, root lowest.
  let next: number | bigint;
  if (slots.length <= 13) {
    next = 0;
    for (let l = slots.length - 1; l >= 0; l--) next = next * 16 + (slots[l] - 1);
  } else {
    next = 0n;
    for (let l = slots.length - 1; l >= 0; l--) next = (next << 4n) | BigInt(slots[l] - 1);
  }
  return { leaves, next };
}
