/**
 * Stack traces and internal errors. As an exception unwinds through a generated function,
 * the function adds its frame `{M, F, Arity, [{file, F}, {line, L}]}` (the line of the
 * instruction being executed there); the BEAM keeps the 8 innermost frames by default.
 * Anything thrown that is not an ErlangException is a bug in beamjs or in native code: it
 * becomes an InternalError naming the Erlang function and line, which Erlang code cannot catch.
 */
import { ErlangException, RawFrame } from '../exception.js';
import { atom } from '../term/atom.js';
import { charList, list, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import type { CompiledFunction } from './frame.js';
import { MODULES } from '../modules.js';
import { NO_SITE, SITE_FN, SITE_LN } from './sites.js';
import { S } from './state.js';

export const BACKTRACE_DEPTH = 8;

const FILE = atom('file');
const LINE = atom('line');

export class InternalError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly where: string,
  ) {
    super(`internal error in ${where}: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    this.name = 'InternalError';
  }
}

/** Location terms, built once per module line (the lines array is shared by a module). */
const locations = new WeakMap<object, Term[]>();

export function location(fn: CompiledFunction, ln: number): Term {
  const lines = fn.info.lines;
  let cache = locations.get(lines);
  if (cache === undefined) locations.set(lines, (cache = []));
  let t = cache[ln];
  if (t === undefined) {
    const l = lines[ln];
    t = l === undefined ? NIL : list([[FILE, charList(l[0])], [LINE, l[1]]]);
    cache[ln] = t;
  }
  return t;
}

export function describe(fn: CompiledFunction, ln: number): string {
  const l = fn.info.lines[ln];
  return `${fn.info.module}:${fn.info.name}/${fn.info.arity}${l ? ` (${l[0]}, line ${l[1]})` : ''}`;
}

function frameTerm(fn: CompiledFunction, ln: number, args?: Term[]): Term {
  return [atom(fn.info.module), atom(fn.info.name), args ? list(args) : fn.info.arity, location(fn, ln)];
}

RawFrame.toTerm = (f) => frameTerm(f.fn as CompiledFunction, f.ln, f.args);
ErlangException.onCreate = (e) => capture(e, S.depth);

/** Puts a frame on top of a recorded trace (BIF and undef frames), keeping the depth limit. */
export function pushTop(e: ErlangException, frame: Term): void {
  e.frames.unshift(frame);
  if (e.frames.length > BACKTRACE_DEPTH) e.frames.length = BACKTRACE_DEPTH;
}

/**
 * Records the stack trace of an exception the first time generated code sees it, at JS
 * depth `d`: the activations d..1 of the shadow stack, then the process's heap frames —
 * the frames live when it was raised, innermost first, at most BACKTRACE_DEPTH of them — as
 * code sites, turned into frames only if the trace is read (`expand`).
 */
export function capture(e: ErlangException, d: number): void {
  if (e.captured) return;
  e.captured = true;
  const sites: (number | RawFrame)[] = [];
  // Consecutive activations at the same call site are recorded once (the BEAM skips
  // repeated return addresses), so body recursion through one call shows one frame. The
  // innermost frame is where the exception happened, not a return address: never merged.
  let last = NO_SITE;
  const lns = S.lns;
  for (let k = d; k >= 1 && sites.length < BACKTRACE_DEPTH; k--) {
    const site = lns[k];
    if (site === NO_SITE || site === last) continue; // NO_SITE: a tail-calling activation, gone on the BEAM
    last = sites.length === 0 ? NO_SITE : site;
    sites.push(site);
  }
  const heap = S.heap;
  for (let k = heap.length - 1; k >= 0 && sites.length < BACKTRACE_DEPTH; k--) {
    const site = heap[k].ln;
    // A frame saved at function entry has no site: its function, with no line.
    if (site === NO_SITE) sites.push(new RawFrame(heap[k].fn, 0, undefined));
    else if (site !== last) sites.push(site);
    last = site;
  }
  e.sites = sites;
}

ErlangException.expand = (sites) => sites.map((s) => (typeof s === 'number' ? new RawFrame(SITE_FN[s], SITE_LN[s], undefined) : s));

/**
 * What escaped generated code, as the driver reports it: Erlang exceptions as they are,
 * anything else as an InternalError naming the innermost Erlang function and line.
 */
export function internalError(e: unknown): InternalError {
  if (e instanceof InternalError) return e;
  const d = S.depth;
  const at = e instanceof Error ? locate(e) : undefined;
  const site = d >= 1 ? S.lns[d] : undefined;
  return new InternalError(e, at ?? (site !== undefined && SITE_FN[site] ? describe(SITE_FN[site], SITE_LN[site]) : 'the runtime'));
}

/**
 * The Erlang function and line of the innermost generated-code frame in a JS error's stack:
 * generated code does not keep its line up to date where nothing Erlang can see it, so the
 * JS position is mapped back through the module's instruction positions.
 */
function locate(e: Error): string | undefined {
  for (const m of String(e.stack).matchAll(/at (?:\S+\.)?f(\d+)_\S* \((.*)\.beam\.js:(\d+):(\d+)\)/g)) {
    const mod = MODULES.get(m[2].replace(/^.*[\\/]/, ''));
    const fn = mod?.functions[Number(m[1])];
    if (mod === undefined || fn === undefined) continue;
    const [line, col] = [Number(m[3]), Number(m[4]) - 1];
    const p = mod.positions;
    let ln = 0;
    for (let i = 0; i < p.length; i += 3) {
      if (p[i] > line || (p[i] === line && p[i + 1] > col)) break;
      ln = p[i + 2];
    }
    return describe(fn, ln);
  }
  return undefined;
}
