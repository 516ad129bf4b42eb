/**
 * Erlang exceptions as JS throws. Deliberately not a subclass of Error: capturing a JS stack
 * on every `throw` would make Erlang-level error handling slow, and anything thrown that is
 * *not* an ErlangException (a TypeError from generated code...) is by definition an internal
 * bug, which the runtime reports as such.
 */
import { atom, type Atom } from './term/atom.js';
import type { Term } from './term/term.js';

export const ERROR = atom('error');
export const EXIT = atom('exit');
export const THROW = atom('throw');

export type ExceptionClass = typeof ERROR | typeof EXIT | typeof THROW;

export class ErlangException {
  /**
   * The stack trace as Erlang terms `{M,F,A,Location}`, innermost first; filled in as the
   * exception passes through generated functions. `args`, when set, replaces the arity of the
   * innermost frame with the argument list (as the BEAM does for BIF and function_clause errors).
   */
  trace: Term[] = [];
  /** For function_clause: the arguments, shown in the innermost frame instead of the arity. */
  clauseArgs: Term[] | undefined = undefined;
  /** For an error raised inside a BIF: its frame `{erlang, Name, Args, Location}`, shown on top. */
  bifFrame: Term | undefined = undefined;
  /** Whether `trace` has been recorded (process/trace.ts `capture`). */
  captured = false;
  constructor(
    readonly cls: ExceptionClass,
    readonly reason: Term,
    readonly args?: Term[],
  ) {}
}

export function raiseError(reason: Term, args?: Term[]): never {
  throw new ErlangException(ERROR, reason, args);
}

export const BADARG = atom('badarg');
export const BADARITH = atom('badarith');

export function badarg(args?: Term[]): never {
  throw new ErlangException(ERROR, BADARG, args);
}

export function badarith(args?: Term[]): never {
  throw new ErlangException(ERROR, BADARITH, args);
}

/** `{Tag, Value}` errors: badmatch, case_clause, badarity, badfun, badkey, badmap, badrecord... */
export function taggedError(tag: string, value: Term): never {
  throw new ErlangException(ERROR, [atom(tag), value]);
}

export function isExceptionClass(a: Atom): a is ExceptionClass {
  return a === ERROR || a === EXIT || a === THROW;
}
