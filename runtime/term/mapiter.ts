/**
 * Resumable iteration over a large map, as `erts_internal:map_next/3` does it on the BEAM:
 * the position is an integer "path", four bits per level from the root, each the index of a
 * used slot in that level's node. A path names the next association to return; a slot holding
 * a node continues down its first slot.
 */
import { HamtLeaf, type HamtEntry, type HamtNode } from './map.js';

const slots = (n: HamtNode) => n.length - 1;
const at = (n: HamtNode, i: number) => n[i + 1] as HamtEntry;

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
  const next: number[] = [];
  const leaves: HamtLeaf[] = [];
  for (let node = root, level = 0; ; level++) {
    const i = nibbles[level] ?? 0;
    if (i >= slots(node)) return undefined;
    nodes.push(node);
    next.push(i + 1);
    const c = at(node, i);
    if (c instanceof HamtLeaf) {
      leaves.push(c);
      break;
    }
    node = c;
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    let i = next.pop()!;
    const n = slots(node);
    while (i < n && leaves.length < max && at(node, i) instanceof HamtLeaf) leaves.push(at(node, i++) as HamtLeaf);
    if (leaves.length === max) {
      // Stop; leave the stack pointing at the next slot to visit.
      if (i < n) {
        nodes.push(node);
        next.push(i + 1);
      } else {
        while (nodes.length > 0 && next[next.length - 1] >= slots(nodes[nodes.length - 1])) {
          nodes.pop();
          next.pop();
        }
        if (nodes.length > 0) next[next.length - 1]++;
      }
      break;
    }
    if (i < n) {
      nodes.push(node, at(node, i) as HamtNode);
      next.push(i + 1, 0);
    }
  }
  if (nodes.length === 0) return { leaves, next: undefined };
  // Each stacked slot is one past the slot in use: the path holds those, root lowest.
  let resume: number | bigint;
  if (next.length <= 13) {
    resume = 0;
    for (let l = next.length - 1; l >= 0; l--) resume = resume * 16 + (next[l] - 1);
  } else {
    resume = 0n;
    for (let l = next.length - 1; l >= 0; l--) resume = (resume << 4n) | BigInt(next[l] - 1);
  }
  return { leaves, next: resume };
}
