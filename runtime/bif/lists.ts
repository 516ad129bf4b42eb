/**
 * List, tuple, atom and type-test BIFs of `erlang`, and the natively implemented functions of
 * `lists` (reverse, keyfind, keymember, keysearch, member). Behaviour checked against erl
 * (OTP 25) by test/vectors/numbers.json (scripts/gen-number-vectors.mjs):
 *
 * - `++` needs a proper left list (badarg otherwise); the right side can be anything.
 * - `--` needs two proper lists and removes, for each element of the right list, its first
 *   exactly equal (=:=) occurrence in the left one; O(n + m) expected here (hashing).
 * - lists:member uses =:=, lists:keyfind/keymember/keysearch use ==; both raise badarg when
 *   they reach an improper tail before finding the element.
 * - Atoms are at most 255 characters (system_limit beyond); characters are code points up to
 *   0x10FFFF, surrogates excluded.
 */
import { badarg, raiseError } from '../exception.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { BitString, binary } from '../term/binary.js';
import { equal, exactEqual } from '../term/compare.js';
import { ErlFloat } from '../term/float.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { Cons, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const bool = (b: boolean): Atom => (b ? TRUE : FALSE);
const SYSTEM_LIMIT = atom('system_limit');
const FUNCTION_CLAUSE = atom('function_clause');
const LATIN1 = atom('latin1');
const UTF8 = atom('utf8');
const UNICODE = atom('unicode');
const VALUE = atom('value');

/** The largest tuple ERTS builds. */
export const MAX_TUPLE_SIZE = 16777215;
/** The longest atom, in characters. */
export const MAX_ATOM_CHARS = 255;

/** The elements of a proper list; badarg(args) otherwise. */
function properList(l: Term, args: Term[]): Term[] {
  const out: Term[] = [];
  while (l instanceof Cons) {
    out.push(l.head);
    l = l.tail;
  }
  if (l !== NIL) badarg(args);
  return out;
}

function fromArray(items: readonly Term[], tail: Term = NIL): Term {
  let l = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i], l);
  return l;
}

// ---------------------------------------------------------------------------------------------
// Lists

export function length(l: Term): Term {
  let n = 0;
  let x = l;
  while (x instanceof Cons) {
    n++;
    x = x.tail;
  }
  if (x !== NIL) badarg([l]);
  return n;
}

/** `++` */
export function append(a: Term, b: Term): Term {
  if (a === NIL) return b;
  return fromArray(properList(a, [a, b]), b);
}

/** `--` */
export function subtract(a: Term, b: Term): Term {
  const args = [a, b];
  const xs = properList(a, args);
  const ys = properList(b, args);
  if (xs.length === 0 || ys.length === 0) return a;
  const keep: Term[] = [];
  if (xs.length * ys.length <= 512) {
    // Small: remove each element of the right list from the left one, in order.
    const rest = xs.slice();
    for (const y of ys) {
      const i = rest.findIndex((x) => exactEqual(x, y));
      if (i >= 0) rest.splice(i, 1);
    }
    if (rest.length === xs.length) return a;
    return fromArray(rest);
  }
  const bag = new Bag(ys);
  let removed = false;
  for (const x of xs) {
    if (bag.take(x)) removed = true;
    else keep.push(x);
  }
  return removed ? fromArray(keep) : a;
}

/**
 * A multiset of terms under =:=. Integers and atoms are their own keys (a JS number, bigint or
 * interned Atom is =:= exactly when it is the same Map key); other terms are bucketed by a
 * structural hash consistent with =:= and compared exactly within the bucket.
 */
class Bag {
  private simple = new Map<unknown, number>();
  private hashed = new Map<number, { t: Term; n: number }[]>();
  constructor(items: Term[]) {
    for (const t of items) {
      if (typeof t === 'number' || typeof t === 'bigint' || t instanceof Atom) {
        this.simple.set(t, (this.simple.get(t) ?? 0) + 1);
        continue;
      }
      const h = hashTerm(t);
      const bucket = this.hashed.get(h);
      if (bucket === undefined) this.hashed.set(h, [{ t, n: 1 }]);
      else {
        const e = bucket.find((x) => exactEqual(x.t, t));
        if (e) e.n++;
        else bucket.push({ t, n: 1 });
      }
    }
  }
  /** Removes one occurrence of t; whether there was one. */
  take(t: Term): boolean {
    if (typeof t === 'number' || typeof t === 'bigint' || t instanceof Atom) {
      const c = this.simple.get(t);
      if (c === undefined || c === 0) return false;
      this.simple.set(t, c - 1);
      return true;
    }
    const bucket = this.hashed.get(hashTerm(t));
    if (bucket === undefined) return false;
    for (const e of bucket) {
      if (e.n > 0 && exactEqual(e.t, t)) {
        e.n--;
        return true;
      }
    }
    return false;
  }
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/**
 * A 32-bit hash of a term such that =:= terms hash alike (0.0 and -0.0 included, as they are
 * =:= in OTP 25; map keys are stored in a canonical order). Iterative, over the whole term.
 */
export function hashTerm(root: Term): number {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h = Math.imul(h ^ v, 0x01000193);
    h ^= h >>> 15;
  };
  const stack: Term[] = [root];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (typeof t === 'number') {
      mix(1);
      mix(t | 0);
      mix((t / 4294967296) | 0);
    } else if (typeof t === 'bigint') {
      mix(2);
      mix(Number(BigInt.asIntN(32, t)));
      mix(Number(BigInt.asIntN(32, t >> 32n)));
    } else if (t instanceof Atom) {
      mix(3);
      mix(t.id);
    } else if (t instanceof ErlFloat) {
      mix(4);
      f64[0] = t.value === 0 ? 0 : t.value;
      mix(i32[0]);
      mix(i32[1]);
    } else if (Array.isArray(t)) {
      mix(5);
      mix(t.length);
      for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]);
    } else if (t instanceof Cons) {
      mix(6);
      stack.push(t.tail, t.head);
    } else if (t === NIL) {
      mix(7);
    } else if (t instanceof BitString) {
      mix(8);
      mix(t.bitSize);
      const n = t.bytes.length;
      for (let i = 0; i < n; i++) mix(t.bytes[i]);
    } else if (t instanceof ErlMap) {
      mix(9);
      mix(t.size);
      for (let i = t.size - 1; i >= 0; i--) stack.push(t.values[i], t.keys[i]);
    } else if (t instanceof Pid) {
      mix(10);
      mix(t.id);
      mix(t.serial);
    } else if (t instanceof Ref) {
      mix(11);
      mix(t.ids.length > 0 ? t.ids[0] : 0);
    } else if (t instanceof Port) {
      mix(12);
      mix(Number(BigInt.asIntN(32, t.id)));
    } else if (t instanceof ExportFun) {
      mix(13);
      mix(t.module.id);
      mix(t.name.id);
      mix(t.arity);
    } else if (t instanceof LocalFun) {
      mix(14);
      mix(t.module.id);
      mix(t.oldIndex);
      for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]);
    }
  }
  return h;
}

/** lists:reverse/2 */
export function reverse2(l: Term, tail: Term): Term {
  let r = tail;
  let x = l;
  while (x instanceof Cons) {
    r = new Cons(x.head, r);
    x = x.tail;
  }
  if (x !== NIL) badarg([l, tail]);
  return r;
}

/**
 * lists:reverse/1 as lists.erl defines it: a non-list (or a one-element improper list) is a
 * function_clause; a longer improper list fails in reverse/2 with badarg.
 */
export function reverse1(l: Term): Term {
  if (l === NIL) return l;
  if (!(l instanceof Cons)) raiseError(FUNCTION_CLAUSE, [l]);
  const t = l.tail;
  if (t === NIL) return l;
  if (!(t instanceof Cons)) raiseError(FUNCTION_CLAUSE, [l]);
  let r: Term = new Cons(t.head, new Cons(l.head, NIL));
  let x = t.tail;
  while (x instanceof Cons) {
    r = new Cons(x.head, r);
    x = x.tail;
  }
  if (x !== NIL) badarg([l]);
  return r;
}

export function member(e: Term, l: Term): Term {
  let x = l;
  if (typeof e === 'number' || e instanceof Atom) {
    for (; x instanceof Cons; x = x.tail) if (x.head === e) return TRUE;
  } else {
    for (; x instanceof Cons; x = x.tail) if (exactEqual(x.head, e)) return TRUE;
  }
  if (x !== NIL) badarg([e, l]);
  return FALSE;
}

/** The tuple lists:keyfind/3 finds, or undefined. */
function keyfind(key: Term, n: Term, l: Term, args: Term[]): Term[] | undefined {
  if (typeof n !== 'number' || n < 1) badarg(args);
  const i = n - 1;
  let x = l;
  if (key instanceof Atom) {
    for (; x instanceof Cons; x = x.tail) {
      const t = x.head;
      if (Array.isArray(t) && t.length > i && t[i] === key) return t;
    }
  } else {
    for (; x instanceof Cons; x = x.tail) {
      const t = x.head;
      if (Array.isArray(t) && t.length > i && equal(t[i], key)) return t;
    }
  }
  if (x !== NIL) badarg(args);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Atoms

/** The code points of a string. */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

/**
 * Atom names are read a character at a time, and the 256th character is a system_limit before
 * it is even validated (so 255 valid characters and an invalid one are a system_limit, while an
 * invalid one earlier is badarg). For the *_existing_* BIFs too long a name is just badarg.
 */
function tooLong(existing: boolean, args: Term[]): never {
  if (existing) badarg(args);
  raiseError(SYSTEM_LIMIT, args);
}

function atomName(cs: number[]): string {
  let s = '';
  for (let i = 0; i < cs.length; i += 4096) s += String.fromCodePoint(...cs.slice(i, i + 4096));
  return s;
}

/** The name list_to_atom/list_to_existing_atom make of a character list. */
function listAtomName(l: Term, existing: boolean, args: Term[]): string {
  const cs: number[] = [];
  let x = l;
  for (; x instanceof Cons; x = x.tail) {
    if (cs.length === MAX_ATOM_CHARS) tooLong(existing, args);
    const c = x.head;
    if (typeof c !== 'number' || c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) badarg(args);
    cs.push(c);
  }
  if (x !== NIL) badarg(args);
  return atomName(cs);
}

const utf8Encoder = new TextEncoder();

function encodingIsUtf8(enc: Term, args: Term[]): boolean {
  if (enc === UTF8 || enc === UNICODE) return true;
  if (enc === LATIN1) return false;
  return badarg(args);
}

/** The name binary_to_atom/binary_to_existing_atom make of a binary (strict UTF-8 or latin1). */
function binaryAtomName(b: Term, utf8: boolean, existing: boolean, args: Term[]): string {
  if (!(b instanceof BitString) || (b.bitSize & 7) !== 0) badarg(args);
  const bytes = b.bytes;
  const n = b.bitSize >>> 3;
  const cs: number[] = [];
  for (let i = 0; i < n; ) {
    if (cs.length === MAX_ATOM_CHARS) tooLong(existing, args);
    const c0 = bytes[i];
    if (!utf8 || c0 < 0x80) {
      cs.push(c0);
      i++;
      continue;
    }
    // Lead byte: its length and the smallest code point it may encode (no overlongs).
    const len = c0 >= 0xc2 && c0 <= 0xdf ? 2 : c0 >= 0xe0 && c0 <= 0xef ? 3 : c0 >= 0xf0 && c0 <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) badarg(args);
    let c = c0 & (0x7f >> len);
    for (let k = 1; k < len; k++) {
      const cb = bytes[i + k];
      if ((cb & 0xc0) !== 0x80) badarg(args);
      c = (c << 6) | (cb & 0x3f);
    }
    if (c < (len === 3 ? 0x800 : len === 4 ? 0x10000 : 0x80) || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) badarg(args);
    cs.push(c);
    i += len;
  }
  return atomName(cs);
}

function atomToBinary(a: Term, enc: Term, args: Term[] = [a, enc]): BitString {
  if (!(a instanceof Atom)) badarg(args);
  if (encodingIsUtf8(enc, args)) return binary(utf8Encoder.encode(a.name));
  const cs = codePoints(a.name);
  if (cs.some((c) => c > 255)) badarg(args);
  return binary(Uint8Array.from(cs));
}

function existing(name: string, args: Term[]): Atom {
  return Atom.existing(name) ?? badarg(args);
}

// ---------------------------------------------------------------------------------------------
// Tuples

/** A 1-based index into a tuple of `size` elements (`extra` allows size + 1); else badarg. */
function index(i: Term, size: number, extra: number, args: Term[]): number {
  if (typeof i !== 'number' || i < 1 || i > size + extra) badarg(args);
  return i - 1;
}

function tuple(t: Term, args: Term[]): Term[] {
  if (!Array.isArray(t)) badarg(args);
  return t;
}

function makeTuple(n: Term, v: Term, args: Term[]): Term[] {
  if (typeof n !== 'number' || n < 0 || n > MAX_TUPLE_SIZE) badarg(args);
  return new Array<Term>(n).fill(v);
}

// ---------------------------------------------------------------------------------------------
// Type tests

const isFunction = (t: Term): boolean => t instanceof LocalFun || t instanceof ExportFun;

function isFunction2(f: Term, arity: Term): Term {
  const args = [f, arity];
  if (typeof arity === 'number') {
    if (arity < 0) badarg(args);
  } else if (typeof arity === 'bigint') {
    if (arity < 0n) badarg(args);
    return FALSE;
  } else badarg(args);
  return bool((f instanceof LocalFun || f instanceof ExportFun) && f.arity === arity);
}

defineBifs('erlang', {
  'length/1': length,
  'hd/1': (l) => (l instanceof Cons ? l.head : badarg([l])),
  'tl/1': (l) => (l instanceof Cons ? l.tail : badarg([l])),
  '++/2': append,
  '--/2': subtract,

  'atom_to_list/1': (a) => (a instanceof Atom ? fromArray(codePoints(a.name)) : badarg([a])),
  'list_to_atom/1': (l) => atom(listAtomName(l, false, [l])),
  'list_to_existing_atom/1': (l) => existing(listAtomName(l, true, [l]), [l]),
  'atom_to_binary/1': (a) => atomToBinary(a, UTF8, [a]),
  'atom_to_binary/2': (a, enc) => atomToBinary(a, enc),
  'binary_to_atom/1': (b) => atom(binaryAtomName(b, true, false, [b])),
  'binary_to_atom/2': (b, enc) => atom(binaryAtomName(b, encodingIsUtf8(enc, [b, enc]), false, [b, enc])),
  'binary_to_existing_atom/1': (b) => existing(binaryAtomName(b, true, true, [b]), [b]),
  'binary_to_existing_atom/2': (b, enc) =>
    existing(binaryAtomName(b, encodingIsUtf8(enc, [b, enc]), true, [b, enc]), [b, enc]),

  'tuple_to_list/1': (t) => fromArray(tuple(t, [t])),
  'list_to_tuple/1': (l) => {
    const xs = properList(l, [l]);
    if (xs.length > MAX_TUPLE_SIZE) raiseError(SYSTEM_LIMIT, [l]);
    return xs;
  },
  'element/2': (i, t) => {
    const args = [i, t];
    const xs = tuple(t, args);
    return xs[index(i, xs.length, 0, args)];
  },
  'setelement/3': (i, t, v) => {
    const args = [i, t, v];
    const xs = tuple(t, args);
    const r = xs.slice();
    r[index(i, xs.length, 0, args)] = v;
    return r;
  },
  'tuple_size/1': (t) => tuple(t, [t]).length,
  // The old size/1: a tuple's arity or a bitstring's whole bytes.
  'size/1': (t) => (t instanceof BitString ? t.bitSize >>> 3 : tuple(t, [t]).length),
  'make_tuple/2': (n, v) => makeTuple(n, v, [n, v]),
  'make_tuple/3': (n, v, init) => {
    const args = [n, v, init];
    const r = makeTuple(n, v, args);
    for (const e of properList(init, args)) {
      if (!Array.isArray(e) || e.length !== 2) badarg(args);
      r[index(e[0], r.length, 0, args)] = e[1];
    }
    return r;
  },
  'append_element/2': (t, v) => {
    const xs = tuple(t, [t, v]);
    if (xs.length >= MAX_TUPLE_SIZE) badarg([t, v]);
    return [...xs, v];
  },
  'insert_element/3': (i, t, v) => {
    const args = [i, t, v];
    const xs = tuple(t, args);
    const k = index(i, xs.length, 1, args);
    if (xs.length >= MAX_TUPLE_SIZE) badarg(args);
    return [...xs.slice(0, k), v, ...xs.slice(k)];
  },
  'delete_element/2': (i, t) => {
    const args = [i, t];
    const xs = tuple(t, args);
    const k = index(i, xs.length, 0, args);
    return [...xs.slice(0, k), ...xs.slice(k + 1)];
  },

  'is_atom/1': (t) => bool(t instanceof Atom),
  'is_binary/1': (t) => bool(t instanceof BitString && (t.bitSize & 7) === 0),
  'is_bitstring/1': (t) => bool(t instanceof BitString),
  'is_boolean/1': (t) => bool(t === TRUE || t === FALSE),
  'is_float/1': (t) => bool(t instanceof ErlFloat),
  'is_function/1': (t) => bool(isFunction(t)),
  'is_function/2': isFunction2,
  'is_integer/1': (t) => bool(typeof t === 'number' || typeof t === 'bigint'),
  'is_list/1': (t) => bool(t instanceof Cons || t === NIL),
  'is_map/1': (t) => bool(t instanceof ErlMap),
  'is_number/1': (t) => bool(typeof t === 'number' || typeof t === 'bigint' || t instanceof ErlFloat),
  'is_pid/1': (t) => bool(t instanceof Pid),
  'is_port/1': (t) => bool(t instanceof Port),
  'is_reference/1': (t) => bool(t instanceof Ref),
  'is_tuple/1': (t) => bool(Array.isArray(t)),
  'is_record/2': (t, tag) => {
    if (!(tag instanceof Atom)) badarg([t, tag]);
    return bool(Array.isArray(t) && t.length > 0 && t[0] === tag);
  },
  'is_record/3': (t, tag, size) => {
    // A size that is not a small integer is badarg here (the compiler's inline guard test
    // would just fail).
    if (!(tag instanceof Atom) || typeof size !== 'number') badarg([t, tag, size]);
    return bool(Array.isArray(t) && t.length === size && t.length > 0 && t[0] === tag);
  },
});

defineBifs('lists', {
  'reverse/1': reverse1,
  'reverse/2': reverse2,
  'member/2': member,
  'keyfind/3': (k, n, l) => keyfind(k, n, l, [k, n, l]) ?? FALSE,
  'keymember/3': (k, n, l) => bool(keyfind(k, n, l, [k, n, l]) !== undefined),
  'keysearch/3': (k, n, l) => {
    const t = keyfind(k, n, l, [k, n, l]);
    return t === undefined ? FALSE : [VALUE, t];
  },
});
