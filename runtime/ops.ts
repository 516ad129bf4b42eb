/**
 * The operations generated code calls (compiler/codegen/module.ts destructures them from
 * `RUNTIME`): term tests, error constructors, exceptions, funs, maps, floats. Hot ones are
 * kept small; errors are *returned* as exceptions for the generated `throw`.
 */
import { lookupBif } from './bif/registry.js';
import { ErlangException, ERROR, EXIT, THROW, isExceptionClass, badarg, RawFrame, taggedError } from './exception.js';
import { ensureLoaded, MODULES } from './modules.js';
import type { CompiledFunction } from './process/frame.js';
import { NO_SITE } from './process/sites.js';
import { NONVALUE, preempt, S, SUSPEND, suspendAt, suspendEntry, trmcEnd } from './process/state.js';
import { pushTop } from './process/trace.js';
import { Atom, atom, FALSE, TRUE } from './term/atom.js';
import { BitString } from './term/binary.js';
import { compare, equal, exactEqual } from './term/compare.js';
import { ErlFloat } from './term/float.js';
import { ExportFun, LocalFun } from './term/fun.js';
import { Pid, Port, Ref } from './term/identity.js';
import { Cons, list, NIL } from './term/list.js';
import { ErlMap } from './term/map.js';
import { mapGet as get, mapPutPairs, mapUpdatePairs } from './term/mapops.js';
import type { Term } from './term/term.js';
import { makeMap } from './term/mapbuild.js';
import { bigToDouble } from './term/arith.js';
import { appendBinary, appendByte, appendBytes, BitWriter, BSW, binAllBits, bsAdd, createBin, initWritable, segmentBits, utf16Size, utf8Size, utfBits } from './term/bits/build.js';
import { startMatch } from './term/bits/match.js';
import {
  bindMarker,
  clearMarker,
  peekMessage,
  receiveTimedOut,
  removeMessage,
  reserveMarker,
  skipMessage,
  useMarker,
  waitTimeout,
} from './process/receive.js';

export const isInt = (v: Term): boolean => typeof v === 'number' || typeof v === 'bigint';
export const isNum = (v: Term): boolean => typeof v === 'number' || typeof v === 'bigint' || v instanceof ErlFloat;

/** is_function/1,2; a non-integer or negative arity is badarg, as in the guard BIF. */
export function isFun(v: Term, arity: Term): boolean {
  if (!(v instanceof ExportFun || v instanceof LocalFun)) return false;
  if (arity === -1) return true;
  if (typeof arity !== 'number' || arity < 0) badarg([v, arity]);
  return v.arity === arity;
}

const tag = taggedError;
export const badmatch = (v: Term) => tag('badmatch', v);
export const caseClause = (v: Term) => tag('case_clause', v);
export const tryClause = (v: Term) => tag('try_clause', v);
export const badRecord = (v: Term) => tag('badrecord', v);
export const ifClause = () => new ErlangException(ERROR, atom('if_clause'));

/** `function_clause`, whose innermost frame shows the arguments instead of the arity. */
export function functionClause(fn: CompiledFunction, args: Term[]): ErlangException {
  // Created in the failing function itself, so the innermost recorded frame is that function.
  const e = new ErlangException(ERROR, atom('function_clause'));
  const top = e.frames[0];
  if (top instanceof RawFrame && top.fn === fn) e.frames[0] = new RawFrame(fn, top.ln, args);
  return e;
}

/** The value of `catch Expr` after an exception (x0 was NONVALUE). */
export function catchValue(cls: Term, reason: Term, raw: Term): Term {
  if (cls === THROW) return reason;
  if (cls === EXIT) return [atom('EXIT'), reason];
  return [atom('EXIT'), [reason, list((raw as unknown as ErlangException).trace)]];
}

/** `raise Trace Reason`: rethrow with the class recorded in the raw trace. */
export function reraise(raw: Term, reason: Term): ErlangException {
  if (raw instanceof ErlangException) {
    const e = new ErlangException(raw.cls, reason);
    e.frames = raw.frames;
    e.supplied = true;
    return e;
  }
  return new ErlangException(ERROR, atom('badarg'));
}

export function buildStacktrace(raw: Term): Term {
  return raw instanceof ErlangException ? list(raw.trace) : NIL;
}

/** `raw_raise`: like erlang:raise/3 with a raw trace; a bad class yields `badarg` in x0. */
export function rawRaise(cls: Term, reason: Term, raw: Term): Term {
  if (!(cls instanceof Atom) || !isExceptionClass(cls)) return atom('badarg');
  const e = new ErlangException(cls, reason);
  if (raw instanceof ErlangException) {
    e.frames = raw.frames;
    e.supplied = true;
  }
  throw e;
}

/**
 * erlang:error/1, exit/1 and throw/1 as generated code calls them: the exception (its trace
 * recorded now, from this activation up) travels up by return value (S.exc), not by JS throw.
 */
export function raiseBy(cls: ExceptionClassAtom, reason: Term): Term {
  S.exc = new ErlangException(cls, reason);
  return SUSPEND;
}
type ExceptionClassAtom = typeof ERROR | typeof EXIT | typeof THROW;

/**
 * Calls a lambda's compiled function with the arguments, then the free variables, then an
 * undefined resume record; without spreads in the common cases (spreading two arrays into a
 * call is several times slower than a plain call).
 */
function invoke(fn: CompiledFunction, args: Term[], env: readonly Term[]): Term {
  const f = fn as (...a: unknown[]) => Term;
  if (env.length === 0) {
    switch (args.length) {
      case 0:
        return f(undefined);
      case 1:
        return f(args[0], undefined);
      case 2:
        return f(args[0], args[1], undefined);
      case 3:
        return f(args[0], args[1], args[2], undefined);
    }
  }
  return f(...args, ...env, undefined);
}

/** Calls a fun value with arguments; the callee may return SUSPEND, which passes through. */
export function callFun(f: Term, args: Term[]): Term {
  if (f instanceof LocalFun) {
    if (f.arity !== args.length) throw tag('badarity', [f, list(args)]);
    const m = MODULES.get(f.module.name);
    const fn = m?.lambdaFns[f.oldIndex];
    if (fn === undefined) throw tag('badfun', f);
    return invoke(fn, args, f.env);
  }
  if (f instanceof ExportFun) {
    if (f.arity !== args.length) throw tag('badarity', [f, list(args)]);
    return applyMFA(f.module, f.name, args);
  }
  throw tag('badfun', f);
}

/**
 * A fun called in tail position: checked while the caller's frame is live (its errors show the
 * caller, as i_call_fun_last's do), then the caller's slot is marked as a tail call.
 */
export function callFunLast(f: Term, args: Term[]): Term {
  if (f instanceof LocalFun) {
    if (f.arity !== args.length) throw tag('badarity', [f, list(args)]);
    const fn = MODULES.get(f.module.name)?.lambdaFns[f.oldIndex];
    if (fn === undefined) throw tag('badfun', f);
    S.lns[S.depth] = NO_SITE;
    return invoke(fn, args, f.env);
  }
  if (f instanceof ExportFun) {
    if (f.arity !== args.length) throw tag('badarity', [f, list(args)]);
    return applyLast(f.module, f.name, args);
  }
  throw tag('badfun', f);
}

/** `apply/3` and the `apply` instruction. */
export function applyMFA(m: Term, f: Term, args: Term[]): Term {
  if (!(m instanceof Atom) || !(f instanceof Atom)) badarg([m, f, list(args)]);
  const fn = resolve(m.name, f.name, args.length);
  return fn(...args);
}

type Callable = (...args: Term[]) => Term;

/**
 * `apply_last`: a tail call whose target is known only now. A native runs inside the caller
 * (its errors show the caller, as on the BEAM), so the caller's shadow-stack slot is released
 * after it; an Erlang function replaces the caller, so the slot is released first.
 */
export function applyLast(m: Term, f: Term, args: Term[]): Term {
  if (!(m instanceof Atom) || !(f instanceof Atom)) badarg([m, f, list(args)]);
  const bif = native(m.name, f.name, args.length);
  if (bif === undefined) {
    S.lns[S.depth] = NO_SITE;
    return resolve(m.name, f.name, args.length)(...args);
  }
  return bif(...args);
}

/** Natives whose exceptions are the program's own (raised on purpose, or from Erlang code they call). */
const NO_BIF_FRAME = new Set(['error', 'exit', 'throw', 'raise', 'nif_error', 'apply', 'halt']);

/**
 * A native wrapped so that an error it raises records the BIF's own frame
 * `{M, F, Args, [{error_info, #{module => erl_erts_errors}}]}` on top of the stack trace, as
 * the BEAM does. Arity-specific wrappers avoid allocating an arguments array per call.
 */
function withBifFrame(m: string, f: string, bif: Callable, arity: number): Callable {
  if (NO_BIF_FRAME.has(f)) return bif;
  const M = atom(m);
  const F = atom(f);
  const info = errorInfo(m);
  const mark = (e: unknown, args: Term[]) => {
    if (e instanceof ErlangException && !e.supplied && e.bifFrame === undefined && e.cls === ERROR) {
      e.bifFrame = [M, F, list(args), e.cause === undefined ? info : errorInfo(m, e.cause)];
      pushTop(e, e.bifFrame);
    }
    return e;
  };
  switch (arity) {
    case 0:
      return () => {
        try {
          return bif();
        } catch (e) {
          throw mark(e, []);
        }
      };
    case 1:
      return (a: Term) => {
        try {
          return bif(a);
        } catch (e) {
          throw mark(e, [a]);
        }
      };
    case 2:
      return (a: Term, b: Term) => {
        try {
          return bif(a, b);
        } catch (e) {
          throw mark(e, [a, b]);
        }
      };
    case 3:
      return (a: Term, b: Term, c: Term) => {
        try {
          return bif(a, b, c);
        } catch (e) {
          throw mark(e, [a, b, c]);
        }
      };
    default:
      return (...args: Term[]) => {
        try {
          return bif(...args);
        } catch (e) {
          throw mark(e, args);
        }
      };
  }
}

/**
 * Which module explains a BIF's errors: the application of the BIF's module, as the BEAM
 * records it (erl_erts_errors for erlang and the other erts modules).
 */
const ERROR_MODULE: ReadonlyMap<string, string> = new Map([
  ...['lists', 'ets', 'binary', 'maps', 'math', 're', 'unicode', 'string'].map((m): [string, string] => [m, 'erl_stdlib_errors']),
  ['os', 'erl_kernel_errors'],
]);
/** `[{error_info, #{module => M}}]`, or with `cause => C` when the BIF said why (exception.ts badargBecause). */
function errorInfo(bifModule: string, cause?: Term): Term {
  const pairs: [Term, Term][] = [[atom('module'), atom(ERROR_MODULE.get(bifModule) ?? 'erl_erts_errors')]];
  if (cause !== undefined) pairs.push([atom('cause'), cause]);
  return list([[atom('error_info'), makeMap(pairs)]]);
}
export const ERROR_INFO: Term = errorInfo('erlang');

/** Natives wrapped once each (dynamic `apply` resolves on every call). */
const wrappedNatives = new Map<string, Callable>();

function native(m: string, f: string, arity: number): Callable | undefined {
  const key = `${m}:${f}/${arity}`;
  let w = wrappedNatives.get(key);
  if (w === undefined) {
    const bif = lookupBif(m, f, arity);
    if (bif === undefined) return undefined;
    w = withBifFrame(m, f, bif, arity);
    wrappedNatives.set(key, w);
  }
  return w;
}

/** What a call to M:F/A runs: a native function, else an export of a loaded module. */
export function resolve(m: string, f: string, arity: number): Callable {
  const bif = native(m, f, arity);
  if (bif) return bif;
  const fn = MODULES.get(m)?.exports.get(`${f}/${arity}`);
  if (fn) return fn as unknown as Callable;
  return undefStub(m, f, arity);
}

export function undefStub(m: string, f: string, arity: number): Callable {
  return (...args: Term[]) => {
    // Resolve late: the module may have been loaded since this stub was linked, or may be
    // on the code path.
    ensureLoaded(m);
    const fn = lookupBif(m, f, arity) ?? (MODULES.get(m)?.exports.get(`${f}/${arity}`) as unknown as Callable | undefined);
    if (fn) return fn(...args);
    // Created here: after a tail call the caller has already left (its slot is marked as a
    // tail call), and on the BEAM it is gone from the trace too; a BIF, by contrast, runs
    // inside its caller.
    const e = new ErlangException(ERROR, atom('undef'));
    pushTop(e, [atom(m), atom(f), list(args.slice(0, arity)), NIL]);
    throw e;
  };
}

export function makeFunFor(module: string, index: number, env: Term[]): LocalFun {
  const m = MODULES.get(module)!;
  const l = m.beam.lambdas[index];
  return new LocalFun(m.beam.name, l.arity - l.numFree, l.index, new Uint8Array(16), index, l.oldUniq, undefined, env);
}

export function mapPut(m: Term, pairs: Term[]): Term {
  if (!(m instanceof ErlMap)) throw tag('badmap', m);
  return mapPutPairs(m, pairs);
}

export function mapUpdate(m: Term, pairs: Term[]): Term {
  if (!(m instanceof ErlMap)) throw tag('badmap', m);
  const r = mapUpdatePairs(m, pairs);
  if (r instanceof ErlMap) return r;
  throw tag('badkey', r.missing);
}

export function mapHasAll(m: Term, keys: Term[]): boolean {
  return m instanceof ErlMap && keys.every((k) => get(m, k) !== undefined);
}

export function mapGet(m: Term, key: Term): Term | undefined {
  return m instanceof ErlMap ? get(m, key) : undefined;
}

/** fconv: an integer or float term to a raw double; anything else is badarith. */
export function toFloat(v: Term): number {
  if (typeof v === 'number') return v;
  if (v instanceof ErlFloat) return v.value;
  if (typeof v === 'bigint') {
    // ERTS's conversion (64 bits at a time), not JS's correctly rounded Number().
    const f = bigToDouble(v);
    if (Number.isFinite(f)) return f;
  }
  throw new ErlangException(ERROR, atom('badarith'));
}

/** Float results must be finite. */
export function checkFloat(x: number): number {
  if (!Number.isFinite(x)) throw new ErlangException(ERROR, atom('badarith'));
  return x;
}

let sendBif: Callable | undefined;
/** The `send` instruction: erlang:send/2, with its frame on a badarg as on the BEAM. */
export function send(dest: Term, msg: Term): Term {
  return (sendBif ??= native('erlang', 'send', 2)!)(dest, msg);
}

/** The API object handed to generated modules. */
export const RUNTIME = {
  S,
  SUSPEND,
  NONVALUE,
  Cons,
  NIL,
  ErlFloat,
  Atom,
  Pid,
  Ref,
  Port,
  BitString,
  ErlMap,
  ErlangException,
  TRUE,
  FALSE,
  suspendEntry,
  suspendAt,
  trmcEnd,
  preempt,
  raiseBy,
  eqx: exactEqual,
  eq: equal,
  cmp: compare,
  isInt,
  isNum,
  isFun,
  callFun,
  callFunLast,
  applyMFA,
  applyLast,
  functionClause,
  badmatch,
  caseClause,
  ifClause,
  tryClause,
  badRecord,
  catchValue,
  reraise,
  buildStacktrace,
  rawRaise,
  mapPut,
  mapUpdate,
  mapHasAll,
  mapGet,
  toFloat,
  checkFloat,
  createBin,
  BSW,
  appendByte,
  appendBytes,
  appendBinary,
  segmentBits,
  binAllBits,
  utfBits,
  startMatch,
  initWritable,
  BitWriter,
  bsAdd,
  utf8Size,
  utf16Size,
  atom,
  makeFunFor,
  send,
  peekMessage,
  skipMessage,
  removeMessage,
  waitTimeout,
  receiveTimedOut,
  reserveMarker,
  bindMarker,
  useMarker,
  clearMarker,
};

