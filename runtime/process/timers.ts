/**
 * The timer wheel of the scheduler, as a binary min-heap on due time (ties in creation
 * order): receive timeouts, `erlang:send_after/start_timer`. The scheduler fires what is due
 * between slices and, when idle, sleeps until the earliest (runtime/process/scheduler.ts).
 * Times are milliseconds of `performance.now()`.
 */
import { performance } from 'node:perf_hooks';

export interface Timer {
  readonly id: number;
  readonly due: number;
  /** Position in the heap, -1 once fired or cancelled. */
  pos: number;
  readonly fire: () => void;
}

const heap: Timer[] = [];
const byId = new Map<number, Timer>();
let nextId = 1;

export const now = (): number => performance.now();

function less(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.id < b.id);
}

function swap(i: number, j: number): void {
  const t = heap[i];
  heap[i] = heap[j];
  heap[j] = t;
  heap[i].pos = i;
  heap[j].pos = j;
}

function up(i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(heap[i], heap[p])) break;
    swap(i, p);
    i = p;
  }
}

function down(i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < heap.length && less(heap[l], heap[m])) m = l;
    if (r < heap.length && less(heap[r], heap[m])) m = r;
    if (m === i) return;
    swap(i, m);
    i = m;
  }
}

/** Schedules `fire` after `ms` milliseconds; returns the timer's id. */
export function addTimer(ms: number, fire: () => void): number {
  const t: Timer = { id: nextId++, due: now() + ms, pos: heap.length, fire };
  heap.push(t);
  byId.set(t.id, t);
  up(t.pos);
  return t.id;
}

/** Milliseconds left on a timer, or undefined if it has fired or was cancelled. */
export function timeLeft(id: number): number | undefined {
  const t = byId.get(id);
  return t === undefined ? undefined : Math.max(0, t.due - now());
}

/** Cancels a timer; returns the milliseconds it had left, or undefined if it was not active. */
export function cancelTimer(id: number): number | undefined {
  const t = byId.get(id);
  if (t === undefined) return undefined;
  const left = Math.max(0, t.due - now());
  remove(t);
  return left;
}

function remove(t: Timer): void {
  byId.delete(t.id);
  const i = t.pos;
  t.pos = -1;
  const last = heap.pop()!;
  if (last !== t) {
    heap[i] = last;
    last.pos = i;
    up(i);
    down(last.pos);
  }
}

/** Fires every timer due by now, in due order. Returns how many fired. */
export function fireDue(): number {
  if (heap.length === 0) return 0;
  const t0 = now();
  let n = 0;
  while (heap.length > 0 && heap[0].due <= t0) {
    const t = heap[0];
    remove(t);
    t.fire();
    n++;
  }
  return n;
}

/** Milliseconds until the earliest timer, or undefined when there is none. */
export function nextDue(): number | undefined {
  return heap.length === 0 ? undefined : Math.max(0, heap[0].due - now());
}

export function activeTimers(): number {
  return heap.length;
}

/** Drops every timer (the runtime halted). */
export function clearTimers(): void {
  for (const t of heap) t.pos = -1;
  heap.length = 0;
  byId.clear();
}
