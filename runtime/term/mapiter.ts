/**
 * Resumable iteration over a large map, as `erts_internal:map_next/3` does it on the BEAM:
 * the position is an integer "path", four bits per level from the root, each the index of a
 * used slot in that level's node. A path names the next association to return; a slot holding
 * a node continues down its first slot.
 */
import { popcount, slotAt, slotCount, type HamtNode } from './map.js';
import type { Term } from './term.js';

const slots = slotCount;
const at = slotAt;

/**
 * Calls `emit` on the pairs from slot `i` of `node` on, in slot order, stopping at a slot
 * holding a child or after `room` pairs; returns the index of the slot it stopped at.
 */
function scan(node: HamtNode, i: number, room: number, emit: (k: Term, v: Term) => void): number {
  const dm = node[0] as number;
  const nm = node[1] as number;
  let used = dm | nm;
  if (used === 0) {
    // A collision node: pairs only.
    const n = (node.length - 2) >> 1;
    const end = Math.min(n, i + room);
    for (; i < end; i++) emit(node[2 + 2 * i] as Term, node[3 + 2 * i] as Term);
    return i;
  }
  for (let j = 0; j < i; j++) used &= used - 1;
  const below = (used & -used) - 1;
  let d = 2 + 2 * popcount(dm & below);
  for (; used !== 0 && room > 0; used &= used - 1, i++, room--) {
    if ((dm & used & -used) === 0) break;
    emit(node[d] as Term, node[d + 1] as Term);
    d += 2;
  }
  return i;
}

/**
 * Calls `emit` on the associations from `path` on (at most `max`), in iteration order.
 * Returns the path of the association after them, undefined when none remain, or null if
 * the path names no slot.
 */
export function hamtSlice(
  root: HamtNode,
  path: number | bigint,
  max: number,
  emit: (k: Term, v: Term) => void,
): number | bigint | undefined | null {
  const nibbles: number[] = [];
  if (typeof path === 'number') {
    for (let p = path; p > 0; p = Math.floor(p / 16)) nibbles.push(p % 16);
  } else {
    for (let p = path; p > 0n; p >>= 4n) nibbles.push(Number(p & 15n));
  }
  // Per level on the way down: the node and its next unvisited slot.
  const nodes: HamtNode[] = [];
  const next: number[] = [];
  let count = 0;
  for (let node = root, level = 0; ; level++) {
    const i = nibbles[level] ?? 0;
    if (i >= slots(node)) return null;
    nodes.push(node);
    next.push(i + 1);
    const c = at(node, i);
    if (typeof c === 'number') {
      emit(node[c] as Term, node[c + 1] as Term);
      count++;
      break;
    }
    node = c;
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const from = next.pop()!;
    const n = slots(node);
    const i = scan(node, from, max - count, emit);
    count += i - from;
    if (count === max) {
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
  if (nodes.length === 0) return undefined;
  // Each stacked slot is one past the slot in use: the path holds those, root lowest.
  let resume: number | bigint;
  if (next.length <= 13) {
    resume = 0;
    for (let l = next.length - 1; l >= 0; l--) resume = resume * 16 + (next[l] - 1);
  } else {
    resume = 0n;
    for (let l = next.length - 1; l >= 0; l--) resume = (resume << 4n) | BigInt(next[l] - 1);
  }
  return resume;
}
