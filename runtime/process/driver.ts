/**
 * Runs one Erlang activation to completion on the heap-frame model (design §1): when the
 * JS stack unwinds with SUSPEND, the frames saved on the way (innermost first) go onto the
 * process's heap stack; the driver resumes the innermost, passes each returned value to the
 * frame below, and delivers an exception to the nearest frame holding a live catch, adding
 * the frames it pops to the stack trace.
 */
import { ErlangException } from '../exception.js';
import type { Term } from '../term/term.js';
import type { Frame } from './frame.js';
import { S, SUSPEND } from './state.js';
import { internalError, type InternalError } from './trace.js';

export type Outcome =
  | { readonly kind: 'value'; readonly value: Term }
  | { readonly kind: 'exception'; readonly exception: ErlangException }
  | { readonly kind: 'internal'; readonly error: InternalError };

function resume(f: Frame): Term {
  const args: unknown[] = new Array(f.fn.info.arity + 1);
  args[f.fn.info.arity] = f;
  return f.fn(...args);
}

export function runToCompletion(start: () => Term): Outcome {
  const stack: Frame[] = [];
  S.heap = stack;
  S.pending = [];
  S.depth = 0;
  S.reds = S.budget;
  let value: Term = undefined as unknown as Term;
  let exc: unknown;
  let next: Frame | undefined;
  const step = (run: () => Term) => {
    exc = undefined;
    try {
      value = run();
    } catch (e) {
      exc = e;
    }
  };
  step(start);
  for (;;) {
    if (exc === undefined && value === SUSPEND) {
      for (let i = S.pending.length - 1; i >= 0; i--) stack.push(S.pending[i]);
      S.pending = [];
      S.suspensions++;
      S.reds = S.budget;
      S.depth = 0;
      const top = stack.pop()!;
      step(() => resume(top));
      continue;
    }
    if (exc !== undefined) {
      if (!(exc instanceof ErlangException)) {
        return { kind: 'internal', error: internalError(exc) };
      }
      next = undefined;
      while (stack.length > 0) {
        const f = stack.pop()!;
        if (f.C !== undefined && f.C.length > 0) {
          next = f;
          break;
        }
      }
      if (next === undefined) return { kind: 'exception', exception: exc };
      const handler = next;
      handler.exc = exc;
      S.pending = [];
      S.depth = 0;
      step(() => resume(handler));
      continue;
    }
    if (stack.length === 0) return { kind: 'value', value };
    const f = stack.pop()!;
    f.value = value;
    S.depth = 0;
    step(() => resume(f));
  }
}
