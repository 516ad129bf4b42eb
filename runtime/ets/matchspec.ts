/**
 * Match specifications (`[{Head, Guards, Body}]`), compiled to closures and run on terms, with
 * the semantics OTP 25 gives them for ETS (checked against erl by the ets_* fixtures):
 *
 * - Head: a pattern. `'_'` matches anything, `'$N'` binds (N a decimal number without leading
 *   zeros), a repeated variable must match exactly (`=:=`), map patterns need literal keys,
 *   anything else matches exactly.
 * - Guards: every one must evaluate to `true`; a guard that raises or yields anything else
 *   fails the clause.
 * - Body: the value of the last expression is the result; if it raises, the result is the
 *   atom 'EXIT' (earlier expressions' errors are ignored).
 * - Expressions: `'$_'` (the object), `'$$'` (the bound variables in number order), `'$N'`,
 *   `{{...}}` (a tuple built from expressions), `{const, T}`, `{Fun, Args...}` for the
 *   functions in FUNCTIONS, lists and maps built from expressions, other terms as constants.
 *
 * A malformed spec, an unbound variable or an unknown function makes compilation fail
 * (`compileMatchSpec` returns undefined; the ETS functions raise badarg).
 */
import { ErlangException } from '../exception.js';
import { lookupBif } from '../bif/registry.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { exactEqual } from '../term/compare.js';
import { ErlFloat } from '../term/float.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import { makeMap } from '../term/mapbuild.js';
import { mapGet } from '../term/mapops.js';
import type { Term } from '../term/term.js';

export const NO_MATCH = Symbol('no match');
const EXIT = atom('EXIT');
const UNDERSCORE = atom('_');
const ALL = atom('$_');
const BINDINGS = atom('$$');
const CONST = atom('const');

/** Thrown (and caught here) when a guard or body expression fails. */
const FAIL = Symbol('fail');

/** The state of one match attempt: the object and the variable slots. */
interface Env {
  obj: Term;
  vars: (Term | undefined)[];
}

type Matcher = (t: Term, env: Env) => boolean;
type Expr = (env: Env) => Term;

/** Thrown during compilation: the spec is not valid. */
class Invalid {}
const invalid = (): never => {
  throw new Invalid();
};

/** The number of a `'$N'` variable atom, or -1. */
export function variableNumber(t: Term): number {
  if (!(t instanceof Atom)) return -1;
  const s = t.name;
  if (s.length < 2 || s.length > 11 || s[0] !== '$') return -1;
  if (s.length > 2 && s[1] === '0') return -1;
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return -1;
  return Number(s.slice(1));
}

// ---------------------------------------------------------------------------------------------
// Heads.

class HeadCompiler {
  /** Variable number -> slot, slots in increasing variable number (the order of '$$'). */
  readonly slots = new Map<number, number>();

  constructor(head: Term) {
    const nums = new Set<number>();
    this.collect(head, nums);
    [...nums].sort((a, b) => a - b).forEach((n, i) => this.slots.set(n, i));
  }

  private collect(t: Term, out: Set<number>): void {
    const n = variableNumber(t);
    if (n >= 0) out.add(n);
    else if (Array.isArray(t)) for (const e of t) this.collect(e, out);
    else if (t instanceof Cons) {
      this.collect(t.head, out);
      this.collect(t.tail, out);
    } else if (t instanceof ErlMap) for (const v of t.values) this.collect(v, out);
  }

  compile(p: Term): Matcher {
    if (p === UNDERSCORE) return () => true;
    const n = variableNumber(p);
    if (n >= 0) {
      const slot = this.slots.get(n)!;
      return (t, env) => {
        const bound = env.vars[slot];
        if (bound === undefined) {
          env.vars[slot] = t;
          return true;
        }
        return exactEqual(bound, t);
      };
    }
    if (isLiteral(p)) return (t) => t === p || exactEqual(t, p);
    if (Array.isArray(p)) {
      const elems = p.map((e) => this.compile(e));
      const len = p.length;
      return (t, env) => {
        if (!Array.isArray(t) || t.length !== len) return false;
        for (let i = 0; i < len; i++) if (!elems[i](t[i], env)) return false;
        return true;
      };
    }
    if (p instanceof Cons) {
      const h = this.compile(p.head);
      const tl = this.compile(p.tail);
      return (t, env) => t instanceof Cons && h(t.head, env) && tl(t.tail, env);
    }
    if (p instanceof ErlMap) {
      if (!p.keys.every(isGround)) invalid();
      const keys = p.keys;
      const vals = p.values.map((v) => this.compile(v));
      return (t, env) => {
        if (!(t instanceof ErlMap)) return false;
        for (let i = 0; i < keys.length; i++) {
          const v = mapGet(t, keys[i]);
          if (v === undefined || !vals[i](v, env)) return false;
        }
        return true;
      };
    }
    return (t) => exactEqual(t, p);
  }
}

/**
 * A pattern that only an exactly equal term matches: no variables, no `'_'`, and no maps
 * (a map pattern matches any map that has its keys).
 */
export function isLiteral(t: Term): boolean {
  if (t instanceof ErlMap) return false;
  if (Array.isArray(t)) return t.every(isLiteral);
  if (t instanceof Cons) {
    for (; t instanceof Cons; t = t.tail) if (!isLiteral(t.head)) return false;
    return isLiteral(t);
  }
  return isGround(t);
}

/** A term without variables or `'_'`. */
export function isGround(t: Term): boolean {
  if (t instanceof Atom) return t !== UNDERSCORE && variableNumber(t) < 0;
  if (Array.isArray(t)) return t.every(isGround);
  if (t instanceof Cons) {
    for (; t instanceof Cons; t = t.tail) if (!isGround(t.head)) return false;
    return isGround(t);
  }
  if (t instanceof ErlMap) return t.keys.every(isGround) && t.values.every(isGround);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Guard and body expressions.

const bool = (b: boolean): Term => (b ? TRUE : FALSE);
const isInt = (t: Term) => typeof t === 'number' || typeof t === 'bigint';

/** Native type tests; they never fail. */
const TYPE_TESTS: Record<string, (t: Term) => boolean> = {
  is_atom: (t) => t instanceof Atom,
  is_float: (t) => t instanceof ErlFloat,
  is_integer: isInt,
  is_list: (t) => t instanceof Cons || t === NIL,
  is_number: (t) => isInt(t) || t instanceof ErlFloat,
  is_pid: (t) => t instanceof Pid,
  is_port: (t) => t instanceof Port,
  is_reference: (t) => t instanceof Ref,
  is_tuple: (t) => Array.isArray(t),
  is_map: (t) => t instanceof ErlMap,
  is_binary: (t) => t instanceof BitString && t.isBinary,
  is_function: (t) => t instanceof LocalFun || t instanceof ExportFun,
};

/** Functions evaluated by the erlang BIF of the same name, with the arities allowed. */
const BIF_FUNCTIONS: Record<string, number[]> = {
  abs: [1], element: [2], hd: [1], tl: [1], length: [1], map_get: [2], map_size: [1], is_map_key: [2],
  round: [1], trunc: [1], float: [1], bit_size: [1], byte_size: [1], binary_part: [3], self: [0],
  '+': [1, 2], '-': [1, 2], '*': [2], '/': [2], div: [2], rem: [2], band: [2], bor: [2], bxor: [2],
  bnot: [1], bsl: [2], bsr: [2], '>': [2], '>=': [2], '<': [2], '=<': [2], '=:=': [2], '==': [2],
  '=/=': [2], '/=': [2], not: [1], xor: [2],
};

function callBif(name: string, args: Term[]): Term {
  const f = lookupBif('erlang', name, args.length);
  if (f === undefined) throw FAIL;
  return f(...args);
}

function nodeOf(t: Term): Term {
  if (t instanceof Pid || t instanceof Port || t instanceof Ref) return t.node;
  throw FAIL;
}

/** size/1: of a tuple or a binary (there is no erlang:size/1 native to reuse). */
function sizeOf(t: Term): Term {
  if (Array.isArray(t)) return t.length;
  if (t instanceof BitString) return t.byteSize;
  throw FAIL;
}

function isRecord(t: Term, tag: Term, size: Term): Term {
  if (!(tag instanceof Atom) || typeof size !== 'number') throw FAIL;
  return bool(Array.isArray(t) && t.length === size && t[0] === tag);
}

class ExprCompiler {
  constructor(private readonly slots: Map<number, number>) {}

  compile(e: Term): Expr {
    if (e instanceof Atom) {
      if (e === ALL) return (env) => env.obj;
      if (e === BINDINGS) return (env) => list(env.vars.map((v) => v ?? NIL));
      const n = variableNumber(e);
      if (n >= 0) {
        const slot = this.slots.get(n);
        if (slot === undefined) invalid();
        return (env) => env.vars[slot!]!;
      }
      return () => e;
    }
    if (Array.isArray(e)) return this.tuple(e);
    if (e instanceof Cons) {
      const h = this.compile(e.head);
      const t = this.compile(e.tail);
      return (env) => new Cons(h(env), t(env));
    }
    if (e instanceof ErlMap) {
      if (e.size === 0) return () => e;
      const ks = e.keys.map((k) => this.compile(k));
      const vs = e.values.map((v) => this.compile(v));
      return (env) => makeMap(ks.map((k, i) => [k(env), vs[i](env)] as [Term, Term]));
    }
    return () => e;
  }

  private tuple(e: Term[]): Expr {
    if (e.length === 0) invalid();
    const f = e[0];
    if (e.length === 1 && Array.isArray(f)) {
      const elems = f.map((x) => this.compile(x));
      return (env) => elems.map((x) => x(env));
    }
    if (!(f instanceof Atom)) return invalid();
    if (f === CONST) {
      if (e.length !== 2) invalid();
      const c = e[1];
      return () => c;
    }
    const args = e.slice(1).map((a) => this.compile(a));
    const n = args.length;
    const name = f.name;
    const test = TYPE_TESTS[name];
    if (test !== undefined && n === 1) return (env) => bool(test(args[0](env)));
    switch (name) {
      case 'and':
      case 'or':
        if (n === 0) invalid();
        return (env) => {
          // Every operand is evaluated and must be a boolean.
          let acc = name === 'and';
          for (const a of args) {
            const v = a(env);
            if (v !== TRUE && v !== FALSE) throw FAIL;
            acc = name === 'and' ? acc && v === TRUE : acc || v === TRUE;
          }
          return bool(acc);
        };
      case 'andalso':
      case 'orelse': {
        if (n === 0) invalid();
        const stop = name === 'andalso' ? FALSE : TRUE;
        const go = name === 'andalso' ? TRUE : FALSE;
        return (env) => {
          // Stops at the first deciding operand; the last one's value is returned unchecked.
          for (let i = 0; i < n - 1; i++) {
            const v = args[i](env);
            if (v === stop) return stop;
            if (v !== go) throw FAIL;
          }
          return args[n - 1](env);
        };
      }
      case 'is_record':
        if (n !== 3) invalid();
        return (env) => isRecord(args[0](env), args[1](env), args[2](env));
      case 'node':
        if (n === 0) return () => callBif('node', []);
        if (n === 1) return (env) => nodeOf(args[0](env));
        return invalid();
      case 'size':
        if (n !== 1) invalid();
        return (env) => sizeOf(args[0](env));
    }
    if (!BIF_FUNCTIONS[name]?.includes(n)) invalid();
    return (env) => callBif(name, args.map((a) => a(env)));
  }
}

// ---------------------------------------------------------------------------------------------
// Whole specifications.

interface Clause {
  readonly head: Term;
  readonly match: Matcher;
  readonly nvars: number;
  readonly slots: Map<number, number>;
  readonly guards: Expr[];
  readonly body: Expr[];
  /** The body as written (select_replace inspects it). */
  readonly bodyTerms: Term[];
  /** The body is exactly `['$_']`: the object itself is the result. */
  readonly returnsObject: boolean;
}

/** Evaluates an expression; false if it fails (raises, or our own failure). */
function attempt(e: Expr, env: Env): Term | typeof FAIL {
  try {
    return e(env);
  } catch (x) {
    if (x === FAIL || x instanceof ErlangException) return FAIL;
    throw x;
  }
}

export class MatchSpec {
  constructor(
    readonly source: Term,
    private readonly clauses: Clause[],
  ) {}

  /** The body's result for the first clause whose head and guards match `t`, or NO_MATCH. */
  run(t: Term): Term | typeof NO_MATCH {
    for (const c of this.clauses) {
      const env: Env = { obj: t, vars: new Array(c.nvars) };
      if (!c.match(t, env)) continue;
      let ok = true;
      for (const g of c.guards) {
        if (attempt(g, env) !== TRUE) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (c.returnsObject) return t;
      let r: Term | typeof FAIL = EXIT;
      for (const b of c.body) r = attempt(b, env);
      return r === FAIL ? EXIT : r;
    }
    return NO_MATCH;
  }

  /**
   * The keys every clause's head fixes at `keypos` (ground terms), so a table can look them
   * up instead of scanning; undefined if some clause leaves the key open.
   */
  boundKeys(keypos: number): Term[] | undefined {
    const keys: Term[] = [];
    for (const c of this.clauses) {
      const h = c.head;
      if (!Array.isArray(h)) {
        // A head that cannot match a tuple never matches: it adds no key.
        if (h === UNDERSCORE || variableNumber(h) >= 0) return undefined;
        continue;
      }
      if (h.length < keypos) continue;
      const k = h[keypos - 1];
      if (!isLiteral(k)) return undefined;
      keys.push(k);
    }
    return keys;
  }

  /**
   * Whether every clause provably returns an object with the key of the one it matched
   * (select_replace requires it): the body's last expression is `'$_'`, or a tuple
   * construction whose key element is the head's key variable, or its (equal) constant key.
   */
  keepsKey(keypos: number): boolean {
    return this.clauses.every((c) => {
      const h = c.head;
      const last = c.bodyTerms[c.bodyTerms.length - 1];
      if (last === ALL) return true;
      if (!Array.isArray(h) || h.length < keypos) return false;
      if (!Array.isArray(last) || last.length !== 1 || !Array.isArray(last[0])) return false;
      const built = last[0] as Term[];
      if (built.length < keypos) return false;
      const hk = h[keypos - 1];
      let bk = built[keypos - 1];
      if (Array.isArray(bk) && bk.length === 2 && bk[0] === CONST) bk = bk[1];
      else if (variableNumber(bk) >= 0) return variableNumber(hk) === variableNumber(bk);
      return isGround(hk) && isGround(bk) && exactEqual(hk, bk);
    });
  }
}

/** Compiles a match specification; undefined if it is not a valid one. */
export function compileMatchSpec(ms: Term): MatchSpec | undefined {
  const items = listToArray(ms);
  if (items === undefined) return undefined;
  try {
    const clauses = items.map((item): Clause => {
      if (!Array.isArray(item) || item.length !== 3) return invalid();
      const [head, guardList, bodyList] = item;
      const guards = listToArray(guardList);
      const body = listToArray(bodyList);
      if (guards === undefined || body === undefined || body.length === 0) return invalid();
      const hc = new HeadCompiler(head);
      const match = hc.compile(head);
      const ec = new ExprCompiler(hc.slots);
      return {
        head,
        match,
        nvars: hc.slots.size,
        slots: hc.slots,
        guards: guards.map((g) => ec.compile(g)),
        body: body.map((b) => ec.compile(b)),
        bodyTerms: body,
        returnsObject: body.length === 1 && body[0] === ALL,
      };
    });
    return new MatchSpec(ms, clauses);
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
}
