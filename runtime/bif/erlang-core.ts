/**
 * Core `erlang` BIFs about control: raising exceptions, apply, module info, display.
 * (Arithmetic, lists, binaries... live in their own files.)
 */
import { ErlangException, ERROR, EXIT, THROW, badarg, isExceptionClass, RawFrame } from '../exception.js';
import { MODULES } from '../modules.js';
import { applyMFA, callFun } from '../ops.js';
import { Atom, atom } from '../term/atom.js';
import { list, listToArray, NIL } from '../term/list.js';
import { formatDisplay } from '../term/display.js';
import type { Term } from '../term/term.js';
import { writeStdout } from '../io/stdout.js';
import { defineBifs } from './registry.js';

/** Display output is bytes: characters up to 255 as themselves. */
function latin1Bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

function properList(l: Term, args: Term[]): Term[] {
  const a = listToArray(l);
  if (a === undefined) badarg(args);
  return a;
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

/**
 * error/2,3: the innermost frame shows `Args` instead of the arity (unless `none`), and an
 * `{error_info, Map}` option is added to that frame's location, after file and line.
 */
function raiseWithArgs(reason: Term, args: Term, opts: Term | undefined): never {
  const e = new ErlangException(ERROR, reason);
  const argv = args === atom('none') ? undefined : listToArray(args);
  const top = e.frames[0];
  if (top instanceof RawFrame && argv !== undefined) e.frames[0] = new RawFrame(top.fn, top.ln, argv);
  const info = opts === undefined ? undefined : listToArray(opts)?.find((o) => Array.isArray(o) && o.length === 2 && o[0] === atom('error_info'));
  const first = e.frames[0];
  if (info !== undefined && first instanceof RawFrame) {
    const t = RawFrame.toTerm(first) as Term[];
    e.frames[0] = [t[0], t[1], t[2], list([...(listToArray(t[3]) ?? []), info])];
  }
  throw e;
}

defineBifs('erlang', {
  'error/1': (reason) => {
    throw new ErlangException(ERROR, reason);
  },
  'error/2': (reason, args) => raiseWithArgs(reason, args, undefined),
  'error/3': (reason, args, opts) => raiseWithArgs(reason, args, opts),
  'exit/1': (reason) => {
    throw new ErlangException(EXIT, reason);
  },
  'throw/1': (reason) => {
    throw new ErlangException(THROW, reason);
  },
  'raise/3': (cls, reason, trace) => {
    if (!(cls instanceof Atom) || !isExceptionClass(cls) || listToArray(trace) === undefined) return atom('badarg');
    const e = new ErlangException(cls, reason);
    e.trace = listToArray(trace)!;
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
