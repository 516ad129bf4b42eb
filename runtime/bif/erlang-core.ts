/**
 * Core `erlang` BIFs about control: raising exceptions, apply, module info, display.
 * (Arithmetic, lists, binaries... live in their own files.)
 */
import { BADARG, ErlangException, ERROR, EXIT, RawFrame, THROW, badarg, isExceptionClass } from '../exception.js';
import { MODULES } from '../modules.js';
import { applyMFA, callFun, ERROR_INFO } from '../ops.js';
import { pushTop } from '../process/trace.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Atom, atom } from '../term/atom.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import { formatDisplay } from '../term/display.js';
import type { Term } from '../term/term.js';
import { writeStdout } from '../io/stdout.js';
import { defineBifs } from './registry.js';

/** Display output is bytes: characters up to 255 as themselves. */
function latin1Bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

/** apply's argument list; apply is not wrapped with a BIF frame, so it records its own. */
function properList(l: Term, args: Term[]): Term[] {
  const a = listToArray(l);
  if (a === undefined) {
    const e = new ErlangException(ERROR, BADARG, args);
    pushTop(e, [atom('erlang'), atom('apply'), list(args), ERROR_INFO]);
    throw e;
  }
  return a;
}

/**
 * error/2,3: the caller's frame (innermost, since natives run in their caller's frame) shows
 * Args instead of the arity when Args is a list, and error/3's `{error_info, Map}` option is
 * added to that frame's location.
 */
function errorWithArgs(reason: Term, args: Term, opts?: Term): never {
  const e = new ErlangException(ERROR, reason);
  const top = e.frames[0];
  if (!(top instanceof RawFrame)) throw e;
  const argv = listToArray(args);
  const raw = argv === undefined ? top : new RawFrame(top.fn, top.ln, argv);
  const info = opts === undefined ? undefined : errorInfo(opts);
  if (info !== undefined) {
    const [m, f, a, loc] = RawFrame.toTerm(raw) as Term[];
    e.frames[0] = [m, f, a, list([...(listToArray(loc) ?? []), [ERROR_INFO_KEY, info]])];
  } else {
    e.frames[0] = raw;
  }
  throw e;
}

const ERROR_INFO_KEY = atom('error_info');

function errorInfo(opts: Term): Term | undefined {
  for (const o of listToArray(opts) ?? []) {
    if (Array.isArray(o) && o.length === 2 && o[0] === ERROR_INFO_KEY) return o[1];
  }
  return undefined;
}

/**
 * raise/3 accepts the trace shapes ERTS does: {M, F, ArityOrArgs, Location}, the old
 * {M, F, ArityOrArgs} (given an empty location), {Fun, Args, Location} and {Fun, Args}, with
 * Location a list. Anything else makes raise/3 return badarg instead of raising.
 */
function checkTrace(trace: Term): Term[] | undefined {
  const items = listToArray(trace);
  if (items === undefined) return undefined;
  const out: Term[] = [];
  for (const t of items) {
    if (!Array.isArray(t)) return undefined;
    const isFun = t[0] instanceof LocalFun || t[0] instanceof ExportFun;
    const mf = t[0] instanceof Atom && t[1] instanceof Atom;
    const isList = (l: Term) => l instanceof Cons || l === NIL;
    if (t.length === 2 && isFun) out.push(t);
    else if (t.length === 3 && isFun && isList(t[2])) out.push(t);
    else if (t.length === 3 && mf) out.push([t[0], t[1], t[2], NIL]);
    else if (t.length === 4 && mf && isList(t[3])) out.push(t);
    else return undefined;
  }
  return out;
}

function moduleInfo(m: Term, item?: Term): Term {
  if (!(m instanceof Atom)) badarg([m]);
  const mod = MODULES.get(m.name);
  if (!mod) badarg([m]);
  const exportsList = (): Term =>
    list(mod.beam.exports.map((e) => [e.name, e.arity] as Term).reverse());
  const items: Record<string, () => Term> = {
    module: () => mod.beam.name,
    exports: exportsList,
    functions: () => list(mod.beam.functions.map((f) => [f.name, f.arity] as Term)),
    attributes: () => mod.beam.attributes,
    compile: () => mod.beam.compileInfo,
    md5: () => NIL,
    nifs: () => NIL,
  };
  if (item === undefined) {
    return list(['module', 'exports', 'attributes', 'compile', 'md5'].map((k) => [atom(k), items[k]()] as Term));
  }
  if (!(item instanceof Atom) || !(item.name in items)) badarg([m, item]);
  return items[item.name]();
}

defineBifs('erlang', {
  'error/1': (reason) => {
    throw new ErlangException(ERROR, reason);
  },
  'error/2': (reason, args) => errorWithArgs(reason, args),
  'error/3': (reason, args, opts) => errorWithArgs(reason, args, opts),
  'exit/1': (reason) => {
    throw new ErlangException(EXIT, reason);
  },
  'throw/1': (reason) => {
    throw new ErlangException(THROW, reason);
  },
  'raise/3': (cls, reason, trace) => {
    const checked = checkTrace(trace);
    if (!(cls instanceof Atom) || !isExceptionClass(cls) || checked === undefined) return BADARG;
    const e = new ErlangException(cls, reason);
    e.trace = checked;
    e.supplied = true; // the caller supplied the stack trace
    throw e;
  },
  'nif_error/1': (reason) => {
    throw new ErlangException(ERROR, reason);
  },
  'nif_error/2': (reason) => {
    throw new ErlangException(ERROR, reason);
  },
  'apply/2': (f, args) => callFun(f, properList(args, [f, args])),
  'apply/3': (m, f, args) => applyMFA(m, f, properList(args, [m, f, args])),
  'get_module_info/1': (m) => moduleInfo(m),
  'get_module_info/2': (m, item) => moduleInfo(m, item),
  'display/1': (t) => {
    // ERTS writes display output straight to the terminal, with CR LF under -noshell.
    writeStdout(latin1Bytes(formatDisplay(t) + '\r\n'));
    return atom('true');
  },
});
