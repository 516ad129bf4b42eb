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

/**
 * A stack frame recorded cheaply at capture time (function and line index); turned into the
 * term `{M, F, ArityOrArgs, Location}` only if someone reads the trace. Most exceptions are
 * caught without that, so throwing stays cheap.
 */
export class RawFrame {
  constructor(
    readonly fn: unknown,
    readonly ln: number,
    readonly args: Term[] | undefined,
  ) {}
  /** Set by runtime/process/trace.ts, which knows how to describe a function. */
  static toTerm: (f: RawFrame) => Term;
}

export class ErlangException {
  /**
   * The trace as recorded (process/trace.ts `capture`), innermost first: code sites (numbers)
   * or raw frames. Turned into `frames` when something reads them; most exceptions are caught
   * without that, so raising costs one small array.
   */
  sites: (number | RawFrame)[] | undefined = undefined;
  private recorded: (Term | RawFrame)[] | undefined = undefined;
  /** Frames innermost first: terms, or raw frames not yet turned into terms. */
  get frames(): (Term | RawFrame)[] {
    if (this.recorded === undefined) {
      this.recorded = this.sites === undefined ? [] : ErlangException.expand(this.sites);
      this.sites = undefined;
    }
    return this.recorded;
  }
  set frames(f: (Term | RawFrame)[]) {
    this.recorded = f;
    this.sites = undefined;
  }
  /** Installed by runtime/process/trace.ts: sites as raw frames. */
  static expand: (sites: readonly (number | RawFrame)[]) => RawFrame[] = () => [];
  /** The stack trace as Erlang terms `{M,F,A,Location}`, innermost first. */
  get trace(): Term[] {
    const f = this.frames;
    for (let i = 0; i < f.length; i++) {
      const x = f[i];
      if (x instanceof RawFrame) f[i] = RawFrame.toTerm(x);
    }
    return f as Term[];
  }
  set trace(t: Term[]) {
    this.frames = t;
  }
  /** For an error raised inside a BIF: its frame `{erlang, Name, Args, Location}`, on top. */
  bifFrame: Term | undefined = undefined;
  /** For a BIF's badarg: the `cause` its error_info names (ets: `id`, `access`). */
  cause: Term | undefined = undefined;
  /** Whether `trace` has been recorded (process/trace.ts `capture`). */
  captured = false;
  /** The trace was supplied by the program (raise/3, a rethrow), not recorded here. */
  supplied = false;
  /**
   * Records the stack trace at creation: the shadow stack says exactly which frames are live
   * (runtime/process/trace.ts installs this), so exceptions need not be caught and rethrown
   * by every generated function on the way up.
   */
  static onCreate: (e: ErlangException) => void = () => {};
  constructor(
    readonly cls: ExceptionClass,
    readonly reason: Term,
    readonly args?: Term[],
  ) {
    ErlangException.onCreate(this);
  }
}

export function raiseError(reason: Term, args?: Term[]): never {
  throw new ErlangException(ERROR, reason, args);
}

export const BADARG = atom('badarg');
export const BADARITH = atom('badarith');

export function badarg(args?: Term[]): never {
  throw new ErlangException(ERROR, BADARG, args);
}

/** badarg with a cause for the BIF frame's error_info (what erl_*_errors would explain). */
export function badargBecause(cause: string, args?: Term[]): never {
  const e = new ErlangException(ERROR, BADARG, args);
  e.cause = atom(cause);
  throw e;
}

export function badarith(args?: Term[]): never {
  throw new ErlangException(ERROR, BADARITH, args);
}

/** A `{Tag, Value}` error: badmatch, case_clause, badarity, badfun, badkey, badmap, badrecord... */
export function taggedError(tag: string, value: Term): ErlangException {
  return new ErlangException(ERROR, [atom(tag), value]);
}

export function isExceptionClass(a: Atom): a is ExceptionClass {
  return a === ERROR || a === EXIT || a === THROW;
}
