/**
 * The scheduler state that generated code reads on its hot path, in one object so every
 * module shares it: reductions left in the slice, current JS call depth and its bound, and
 * the frames being saved while a suspension unwinds the JS stack.
 */
import type { ErlangException } from '../exception.js';
import type { Term } from '../term/term.js';
import { Frame, type CompiledFunction } from './frame.js';
import { NO_SITE, SITE_FN } from './sites.js';
import type { Process } from './process.js';

/** Returned (never stored in a term) by a function that suspended. */
export const SUSPEND = Object.freeze({ suspended: true }) as unknown as Term;

/** x0 at a `catch` handler: no value, the exception is in x1..x3 (as on the BEAM). */
export const NONVALUE = Object.freeze({ nonvalue: true }) as unknown as Term;

export interface SchedulerState {
  reds: number;
  depth: number;
  maxDepth: number;
  /** Reductions per slice. */
  budget: number;
  /** Frames saved during the current unwind, innermost first. */
  pending: Frame[];
  suspensions: number;
  /**
   * The shadow stack: `lns[d]` is the code site (function and line, runtime/process/sites.ts)
   * of the activation at JS depth d (1-based). Generated code writes it where something could
   * read it (before calls and whatever can raise); tail calls reuse the slot, so tail-calling
   * frames vanish as on the BEAM.
   */
  readonly lns: number[];
  /** The running process's suspended frames (top = innermost), below the JS stack. */
  heap: Frame[];
  /** The process running now (or last run). */
  current: Process | undefined;
  /** Set by `wait`/`wait_timeout` as they suspend: the process sleeps until a message. */
  waiting: boolean;
  /**
   * An exception travelling up by return value rather than by JS throw: generated code raises
   * erlang:error/exit/throw this way (runtime/ops.ts `raiseBy`), and every frame passes the
   * SUSPEND it returns along (without saving itself) until one with a live catch takes it, or
   * the driver does. A JS throw costs V8 microseconds per frame; a return costs nothing.
   */
  exc: ErlangException | undefined;
}

export const S: SchedulerState = {
  reds: 4000,
  depth: 0,
  // Each Erlang activation can take a few JS frames (funs go through callFun); 1000 keeps
  // well inside Node's default ~1 MB stack. A probe of the real stack would be better.
  maxDepth: 1000,
  budget: 4000,
  pending: [],
  suspensions: 0,
  lns: [],
  heap: [],
  current: undefined,
  waiting: false,
  exc: undefined,
};

/**
 * Whether the running process may simply go on when its reductions run out (installed by
 * the scheduler): when nothing else wants the scheduler, there is no point unwinding the JS
 * stack to the heap only to resume the same process at once.
 */
export const preemption = { mayContinue: (): boolean => false };

/**
 * Called when reductions run out or the JS depth bound is passed: true when the activation
 * must suspend; false when the slice was extended (a fresh budget) and it goes on.
 */
export function preempt(): boolean {
  if (S.depth > S.maxDepth || !preemption.mayContinue()) return true;
  const p = S.current;
  if (p !== undefined) p.reductions += S.budget;
  S.reds = S.budget;
  return false;
}

/** Suspends at function entry: the frame will call `fn` again with the same arguments. */
export function suspendEntry(fn: CompiledFunction, args: Term[]): Term {
  S.pending.push(new Frame(fn, -1, undefined, args, undefined, NO_SITE));
  return SUSPEND;
}

/** Suspends after a call: on resume, `fn` continues at `label` with the call's value in x0. */
export function suspendAt(fn: CompiledFunction, label: number, y: Term[] | undefined, C: number[] | undefined, ln: number): Term {
  // An exception on its way up (S.exc): this frame has no live catch, it just goes.
  if (S.exc !== undefined) return SUSPEND;
  S.pending.push(new Frame(fn, label, y, undefined, C && C.length > 0 ? C.slice() : undefined, ln));
  return SUSPEND;
}

/**
 * The label of a hole frame: a list under construction by a loop that stands for body
 * recursion of the form `[H | f(...)]` (compiler/codegen/trmc.ts). `y` is [first cell, last
 * cell]; on resume the value returned below it becomes the last cell's tail and the first
 * cell is the activation's value.
 */
export const HOLE = -2;

/**
 * Leaves a loop that builds a list in place of body recursion: the value `v` completes the
 * list (its last tail) and the list is the value. If `v` is SUSPEND, a hole frame saves the
 * list under construction, standing for the recursive activations the loop replaced; `site`
 * is their call site (one trace frame, as the BEAM shows repeated return addresses once).
 */
export function trmcEnd(v: Term, first: Term, last: Term, site: number): Term {
  if (v === SUSPEND) {
    if (S.exc === undefined) S.pending.push(new Frame(SITE_FN[site], HOLE, [first, last], undefined, undefined, site));
    return SUSPEND;
  }
  (last as { tail: Term }).tail = v;
  return first;
}
