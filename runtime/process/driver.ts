/**
 * Runs one process for one slice on the heap-frame model (design §1). When the JS stack
 * unwinds with SUSPEND, the frames saved on the way (innermost first) go onto the process's
 * heap stack. Then:
 * - the process waits in `receive` (`S.waiting`): the slice ends, the process sleeps;
 * - its reductions are used up: the slice ends, the process goes back to its run queue;
 * - only the JS depth bound was hit: the innermost frame resumes at once.
 * A returned value goes to the frame below; an exception to the nearest frame with a live
 * catch. With no frame left the process ends: `normal` after a return, else the reason of
 * the uncaught exception as the BEAM forms it.
 */
import { ErlangException, ERROR, EXIT } from '../exception.js';
import { atom } from '../term/atom.js';
import { list } from '../term/list.js';
import type { Term } from '../term/term.js';
import type { Frame } from './frame.js';
import type { Process } from './process.js';
import { errorReport } from './reports.js';
import { exitProcess, NORMAL, ProcessExit } from './signals.js';
import { HOLE, S, SUSPEND } from './state.js';
import { internalError, type InternalError } from './trace.js';

export type Outcome =
  | { readonly kind: 'value'; readonly value: Term }
  | { readonly kind: 'exception'; readonly exception: ErlangException }
  /** Ended by an exit signal (killed, a linked process's crash, exit/2). */
  | { readonly kind: 'exit'; readonly reason: Term }
  | { readonly kind: 'internal'; readonly error: InternalError };

/** A control signal: erlang:halt/0,1,2 stops the whole runtime. */
export class Halt {
  constructor(readonly status: number | string) {}
}

/** A control signal: erlang:hibernate/3 drops the stack and waits for a message. */
export class Hibernate {
  constructor(readonly start: () => Term) {}
}

/** Re-enters a suspended activation: its function with `undefined` arguments and the frame last. */
function resume(f: Frame): Term {
  if (f.label === HOLE) {
    (f.y![1] as { tail: Term }).tail = f.value!;
    return f.y![0];
  }
  const fn = f.fn as unknown as (...a: unknown[]) => Term;
  switch (f.fn.info.arity) {
    case 0:
      return fn(f);
    case 1:
      return fn(undefined, f);
    case 2:
      return fn(undefined, undefined, f);
    case 3:
      return fn(undefined, undefined, undefined, f);
    case 4:
      return fn(undefined, undefined, undefined, undefined, f);
    default: {
      const args: unknown[] = new Array(f.fn.info.arity + 1);
      args[f.fn.info.arity] = f;
      return fn(...args);
    }
  }
}

const NOCATCH = atom('nocatch');

/** The exit reason of an uncaught exception, as the BEAM forms it. */
export function exitReasonOf(e: ErlangException): Term {
  if (e.cls === EXIT) return e.reason;
  if (e.cls === ERROR) return [e.reason, list(e.trace)];
  return [[NOCATCH, e.reason], list(e.trace)];
}

/**
 * Runs `p` until its slice ends. Returns normally in every case but `Halt`, which it throws.
 * The caller (the scheduler) requeues the process if it is still runnable.
 */
export function runSlice(p: Process): void {
  const stack = p.heap;
  S.current = p;
  S.heap = stack;
  S.pending = [];
  S.depth = 0;
  S.reds = S.budget;
  S.waiting = false;
  p.status = 'running';
  let value: Term = undefined as unknown as Term;
  let exc: unknown;
  // What runs next: the first call, or the innermost frame (no closure per step: this is the
  // context-switch path).
  let first = p.start;
  let next: Frame | undefined;
  if (first !== undefined) {
    p.start = undefined;
    p.hibernating = false;
  } else next = stack.pop()!;
  for (;;) {
    exc = undefined;
    try {
      if (first !== undefined) {
        const f = first;
        first = undefined;
        value = f();
      } else value = resume(next!);
    } catch (e) {
      exc = e;
    }
    if (value === SUSPEND && S.exc !== undefined) {
      // An exception that came up by return (S.exc): no frame saved itself on the way.
      exc = S.exc;
      S.exc = undefined;
      value = undefined as unknown as Term;
    }
    if (exc === undefined && value === SUSPEND) {
      for (let i = S.pending.length - 1; i >= 0; i--) stack.push(S.pending[i]);
      S.pending = [];
      S.suspensions++;
      if (p.pendingExit !== undefined) return end(p, p.pendingExit);
      if (S.waiting) {
        S.waiting = false;
        p.reductions += S.budget - Math.max(S.reds, 0);
        p.status = 'waiting';
        return;
      }
      if (S.reds <= 0) {
        p.reductions += S.budget;
        p.status = 'runnable';
        return;
      }
      S.depth = 0;
      next = stack.pop()!;
      continue;
    }
    if (exc !== undefined) {
      if (exc instanceof Halt) throw exc;
      if (exc instanceof ProcessExit) return end(p, exc.reason);
      if (exc instanceof Hibernate) {
        stack.length = 0;
        p.start = exc.start;
        p.hibernating = true;
        p.mailbox.resetSave();
        p.status = p.mailbox.length > 0 ? 'runnable' : 'waiting';
        return;
      }
      if (!(exc instanceof ErlangException)) {
        const error = internalError(exc);
        p.internalError = error;
        // The entry's caller reports its own; any other process's is reported here.
        if (p.onExit === undefined) process.stderr.write(`beamjs: ${error.message}\n`);
        return end(p, [atom('beamjs_internal_error'), atom(error.message)]);
      }
      let handler: Frame | undefined;
      while (stack.length > 0) {
        const f = stack.pop()!;
        if (f.C !== undefined && f.C.length > 0) {
          handler = f;
          break;
        }
      }
      if (handler === undefined) {
        const reason = exitReasonOf(exc);
        p.crash = exc;
        if (exc.cls !== EXIT && p.onExit === undefined) errorReport(p, reason);
        return end(p, reason);
      }
      handler.exc = exc;
      S.pending = [];
      S.depth = 0;
      next = handler;
      continue;
    }
    if (stack.length === 0) {
      p.result = value;
      return end(p, NORMAL);
    }
    next = stack.pop()!;
    next.value = value;
    S.depth = 0;
  }
}

function end(p: Process, reason: Term): void {
  // An exit signal that arrived while the process ran decides its reason.
  if (p.pendingExit !== undefined) reason = p.pendingExit;
  p.reductions += S.budget - Math.max(S.reds, 0);
  S.pending = [];
  S.depth = 0;
  exitProcess(p, reason);
}
