import type { ErlangException } from '../exception.js';
import type { Term } from '../term/term.js';

/**
 * A generated function: plain JS function of its arity's x-registers, plus a trailing
 * resume frame that is `undefined` on ordinary calls. `info` says which Erlang function it
 * is (for stack traces, frames and serialization).
 */
export interface CompiledFunction {
  (...args: unknown[]): Term;
  info: FunctionInfo;
}

export interface FunctionInfo {
  readonly module: string;
  readonly name: string;
  readonly arity: number;
  /** Index of the function in its module (frames name functions by module and index). */
  readonly index: number;
  /** Line-table entries of the module: `lines[ln]` is `[file, line]`, index 0 = unknown. */
  readonly lines: readonly (readonly [string, number] | undefined)[];
}

/**
 * A suspended activation of a generated function, kept on the process's heap stack (design
 * §1). Plain data apart from `fn`, which is recoverable from `fn.info` (module, index).
 * - label -1: suspended at entry (reductions or depth); `x` holds the arguments.
 * - any other label: suspended after a call; resumes there with the call's value in x0.
 */
export class Frame {
  /** Set by the driver when resuming: the value the callee returned... */
  value: Term | undefined = undefined;
  /** ...or the exception it raised, to be handled at this frame's innermost catch. */
  exc: ErlangException | undefined = undefined;
  constructor(
    readonly fn: CompiledFunction,
    readonly label: number,
    readonly y: Term[] | undefined,
    readonly x: Term[] | undefined,
    /** Live catch/try handler labels, innermost last. */
    readonly C: number[] | undefined,
    /** The current line index (`line` instruction) for stack traces. */
    readonly ln: number,
  ) {}
}
