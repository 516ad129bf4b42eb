/**
 * The scheduler of design §4, single-threaded: run queues for the four priorities, slices of
 * `S.budget` reductions, timers, and cooperation with Node's event loop. It runs slices for
 * at most TICK_MS, then yields to the event loop (setImmediate), so host I/O and promises
 * progress while Erlang code loops forever. With nothing runnable it sleeps until the next
 * timer (one setTimeout) or until a host event makes a process runnable: an idle runtime
 * uses no CPU and, with no timer pending, keeps no handle open.
 */
import { flushStdout } from '../io/stdout.js';
import { Halt, runSlice } from './driver.js';
import type { Priority, Process } from './process.js';
import { preemption, S } from './state.js';
import { clearTimers, fireDue, nextDue } from './timers.js';

/** Longest stretch of Erlang execution between two returns to Node's event loop. */
const TICK_MS = 5;

class RunQueue {
  private items: (Process | undefined)[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(p: Process): void {
    this.items.push(p);
  }
  shift(): Process | undefined {
    if (this.head >= this.items.length) return undefined;
    const p = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return p;
  }
  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

const queues: Record<Priority, RunQueue> = {
  max: new RunQueue(),
  high: new RunQueue(),
  normal: new RunQueue(),
  low: new RunQueue(),
};
/** Low-priority processes get one turn in 8 while normal ones are runnable (as on the BEAM). */
let lowTurn = 0;

let scheduled = false;
let running = false;
let halted = false;
let sleepTimer: ReturnType<typeof setTimeout> | undefined;
let haltHandler: (status: number | string) => void = () => {};

export function makeRunnable(p: Process): void {
  p.status = 'runnable';
  queues[p.priority].push(p);
  wake();
}

/** Asks for a tick soon (a process became runnable, or a timer was added while idle: the
 * tick re-arms the sleep timer for the earliest one). */
export function wake(): void {
  if (scheduled || running || halted) return;
  scheduled = true;
  if (sleepTimer !== undefined) {
    clearTimeout(sleepTimer);
    sleepTimer = undefined;
  }
  setImmediate(tick);
}

function pick(): Process | undefined {
  for (;;) {
    let p: Process | undefined;
    if (queues.max.size > 0) p = queues.max.shift();
    else if (queues.high.size > 0) p = queues.high.shift();
    else if (queues.low.size > 0 && (queues.normal.size === 0 || ++lowTurn % 8 === 0)) p = queues.low.shift();
    else p = queues.normal.shift();
    if (p === undefined) return undefined;
    // A process can be queued and then killed, or queued twice by a priority change.
    if (p.status === 'runnable') return p;
  }
}

function anyRunnable(): boolean {
  return queues.max.size + queues.high.size + queues.normal.size + queues.low.size > 0;
}

/** When the current tick must end (see tick). */
let tickDeadline = 0;

// A process out of reductions goes on with a fresh budget, without unwinding, when nothing
// else could run instead: no runnable process, no timer due, no exit signal pending for it,
// time left in this tick. Under a budget of 1 (--stress) it always suspends, to test that path.
preemption.mayContinue = () => {
  if (!running || S.budget <= 1 || anyRunnable()) return false;
  const p = S.current;
  if (p === undefined || p.pendingExit !== undefined) return false;
  if (performance.now() >= tickDeadline) return false;
  return nextDue() !== 0;
};

/** Runs slices until TICK_MS has passed or nothing is runnable; then yields or sleeps. */
function tick(): void {
  scheduled = false;
  if (halted) return;
  running = true;
  try {
    const deadline = performance.now() + TICK_MS;
    tickDeadline = deadline;
    // The clock is read every 32 slices: context switches can be much shorter than a read.
    for (let n = 0; ; n++) {
      if ((n & 31) === 0) {
        if (n > 0 && performance.now() >= deadline) break;
        fireDue();
      }
      const p = pick();
      if (p === undefined) break;
      runSlice(p);
      if (p.status === 'runnable') queues[p.priority].push(p);
      if (halted) break;
    }
  } catch (e) {
    if (!(e instanceof Halt)) throw e;
    halt(e.status);
  } finally {
    running = false;
  }
  flushStdout();
  if (halted) return;
  if (anyRunnable()) {
    scheduled = true;
    setImmediate(tick);
    return;
  }
  const due = nextDue();
  if (due !== undefined) sleepTimer = setTimeout(onTimer, Math.max(1, Math.ceil(due)));
}

function onTimer(): void {
  sleepTimer = undefined;
  if (!scheduled && !running) {
    scheduled = true;
    tick();
  }
}

/** Stops the runtime: no more slices or timers (erlang:halt, or the entry returned). */
export function halt(status: number | string): void {
  if (halted) return;
  halted = true;
  for (const q of Object.values(queues)) q.clear();
  clearTimers();
  if (sleepTimer !== undefined) clearTimeout(sleepTimer);
  sleepTimer = undefined;
  flushStdout();
  haltHandler(status);
}

export function isHalted(): boolean {
  return halted;
}

export function setHaltHandler(h: (status: number | string) => void): void {
  haltHandler = h;
}

/** Lets a halted scheduler run again, keeping the processes queued meanwhile. */
export function restartScheduler(): void {
  halted = false;
  if (anyRunnable()) wake();
}

/** For tests and embedders that start over: a fresh scheduler. */
export function resetScheduler(): void {
  halted = false;
  for (const q of Object.values(queues)) q.clear();
  clearTimers();
}
