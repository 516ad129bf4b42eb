/**
 * Erlang term order (`<`, `==`, `=:=`, sorting) and the exact order OTP uses for map keys.
 *
 * Both orders share one walker, which keeps its own stack of pending pairs so that deeply
 * nested terms cannot overflow the JS stack. In "exact" mode (=:=, map keys) an integer and a
 * float never tie: every integer sorts before every float. Map keys are always compared
 * exactly, even under `==` (so `#{1 => a} == #{1.0 => a}` is false, as on the BEAM), while map
 * values inherit the mode of the comparison they are part of.
 */
import { Atom } from './atom.js';
import { BitString } from './binary.js';
import { ErlFloat } from './float.js';
import { ExportFun, LocalFun } from './fun.js';
import { Pid, Port, Ref } from './identity.js';
import { Cons, NIL } from './list.js';
import { ErlMap } from './map.js';
import type { Term } from './term.js';

export type Order = -1 | 0 | 1;

// number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring
const R_NUMBER = 0;
const R_ATOM = 1;
const R_REF = 2;
const R_FUN = 3;
const R_PORT = 4;
const R_PID = 5;
const R_TUPLE = 6;
const R_MAP = 7;
const R_NIL = 8;
const R_LIST = 9;
const R_BITS = 10;

function rank(t: Term): number {
  switch (typeof t) {
    case 'number':
    case 'bigint':
      return R_NUMBER;
  }
  if (t instanceof Atom) return R_ATOM;
  if (Array.isArray(t)) return R_TUPLE;
  if (t instanceof Cons) return R_LIST;
  if (t === NIL) return R_NIL;
  if (t instanceof ErlFloat) return R_NUMBER;
  if (t instanceof BitString) return R_BITS;
  if (t instanceof ErlMap) return R_MAP;
  if (t instanceof LocalFun || t instanceof ExportFun) return R_FUN;
  if (t instanceof Pid) return R_PID;
  if (t instanceof Port) return R_PORT;
  if (t instanceof Ref) return R_REF;
  throw new TypeError(`not an Erlang term: ${String(t)}`);
}

/** Standard term order: -1, 0 or 1. `1` and `1.0` compare equal. */
export function compare(a: Term, b: Term): Order {
  return walk(a, b, false);
}

/** `==`: equal in the standard order. */
export function equal(a: Term, b: Term): boolean {
  return a === b || walk(a, b, false) === 0;
}

/** `=:=`: the same term (an integer never equals a float). */
export function exactEqual(a: Term, b: Term): boolean {
  return a === b || walk(a, b, true) === 0;
}

/**
 * The order OTP sorts flatmap keys in (and iterates small maps in): the exact term order,
 * where all integers precede all floats, e.g. `[-1, 2, 1 bsl 64, -5.0, 1.0, a]`.
 */
export function mapKeyCompare(a: Term, b: Term): Order {
  return a === b ? 0 : walk(a, b, true);
}

const sign = (x: number): Order => (x < 0 ? -1 : x > 0 ? 1 : 0);

/** Large maps sorted by key, computed once per map: they iterate in hash order. */
const sortedLarge = new WeakMap<ErlMap, [readonly Term[], readonly Term[]]>();

/** A map's keys in term order (`mapKeyCompare`) and its values in the same order. */
function inKeyOrder(m: ErlMap): [readonly Term[], readonly Term[]] {
  if (m.root === undefined) return [m.keys, m.values];
  let kv = sortedLarge.get(m);
  if (kv === undefined) {
    const ks = m.keys;
    const vs = m.values;
    const order = ks.map((_, i) => i).sort((i, j) => mapKeyCompare(ks[i], ks[j]));
    kv = [order.map((i) => ks[i]), order.map((i) => vs[i])];
    sortedLarge.set(m, kv);
  }
  return kv;
}

function walk(a: Term, b: Term, exact: boolean): Order {
  // Pending pairs, in three parallel arrays; popped from the end.
  const pa: Term[] = [];
  const pb: Term[] = [];
  const pe: boolean[] = [];
  for (;;) {
    next: if (a !== b) {
      const ra = rank(a);
      const rb = rank(b);
      if (ra !== rb) return ra < rb ? -1 : 1;
      let c: Order = 0;
      switch (ra) {
        case R_NUMBER:
          c = compareNumbers(a as number | bigint | ErlFloat, b as number | bigint | ErlFloat, exact);
          break;
        case R_ATOM:
          c = compareAtoms(a as Atom, b as Atom);
          break;
        case R_NIL:
          break;
        case R_LIST: {
          // Compare heads now, tails afterwards: the pending stack stays flat for long lists.
          const ca = a as Cons;
          const cb = b as Cons;
          pa.push(ca.tail);
          pb.push(cb.tail);
          pe.push(exact);
          a = ca.head;
          b = cb.head;
          continue;
        }
        case R_TUPLE: {
          const ta = a as Term[];
          const tb = b as Term[];
          if (ta.length !== tb.length) return ta.length < tb.length ? -1 : 1;
          if (ta.length === 0) break next;
          for (let i = ta.length - 1; i > 0; i--) {
            pa.push(ta[i]);
            pb.push(tb[i]);
            pe.push(exact);
          }
          a = ta[0];
          b = tb[0];
          continue;
        }
        case R_MAP: {
          // By size, then all keys in key order (exactly), then the values in key order.
          const ma = a as ErlMap;
          const mb = b as ErlMap;
          if (ma.size !== mb.size) return ma.size < mb.size ? -1 : 1;
          const [ka, va] = inKeyOrder(ma);
          const [kb, vb] = inKeyOrder(mb);
          for (let i = ma.size - 1; i >= 0; i--) {
            pa.push(va[i]);
            pb.push(vb[i]);
            pe.push(exact);
          }
          for (let i = ma.size - 1; i >= 0; i--) {
            pa.push(ka[i]);
            pb.push(kb[i]);
            pe.push(true);
          }
          break next;
        }
        case R_BITS:
          c = compareBits(a as BitString, b as BitString);
          break;
        case R_FUN: {
          if (a instanceof ExportFun) {
            if (!(b instanceof ExportFun)) return 1; // local funs sort before export funs
            c = compareAtoms(a.module, b.module) || compareAtoms(a.name, b.name) || sign(a.arity - b.arity);
            break;
          }
          if (b instanceof ExportFun) return -1;
          const fa = a as LocalFun;
          const fb = b as LocalFun;
          c =
            compareAtoms(fa.module, fb.module) ||
            sign(fa.oldIndex - fb.oldIndex) ||
            sign(fa.oldUniq - fb.oldUniq) ||
            sign(fa.env.length - fb.env.length);
          if (c !== 0) return c;
          for (let i = fa.env.length - 1; i >= 0; i--) {
            pa.push(fa.env[i]);
            pb.push(fb.env[i]);
            pe.push(exact);
          }
          break next;
        }
        case R_PID: {
          // Serial, then number, then node (as the BEAM does).
          const xa = a as Pid;
          const xb = b as Pid;
          c = sign(xa.serial - xb.serial) || sign(xa.id - xb.id) || compareNodes(xa.node, xa.creation, xb.node, xb.creation);
          break;
        }
        case R_PORT: {
          const xa = a as Port;
          const xb = b as Port;
          c = compareNodes(xa.node, xa.creation, xb.node, xb.creation) || (xa.id < xb.id ? -1 : xa.id > xb.id ? 1 : 0);
          break;
        }
        case R_REF: {
          const xa = a as Ref;
          const xb = b as Ref;
          c = compareNodes(xa.node, xa.creation, xb.node, xb.creation) || compareRefIds(xa.ids, xb.ids);
          break;
        }
      }
      if (c !== 0) return c;
    }
    const n = pa.length;
    if (n === 0) return 0;
    a = pa.pop()!;
    b = pb.pop()!;
    exact = pe.pop()!;
  }
}

function compareNumbers(a: number | bigint | ErlFloat, b: number | bigint | ErlFloat, exact: boolean): Order {
  const af = a instanceof ErlFloat;
  const bf = b instanceof ErlFloat;
  if (exact && af !== bf) return af ? 1 : -1;
  // JS compares number and bigint by exact mathematical value, so no precision is lost here
  // (a bignum against a float, or 2^53+1 against 2^53 as a float).
  const x = af ? (a as ErlFloat).value : (a as number | bigint);
  const y = bf ? (b as ErlFloat).value : (b as number | bigint);
  return x < y ? -1 : x > y ? 1 : 0; // 0.0 and -0.0 are equal, as in OTP 25
}

/** Atoms order by their text, code point by code point (= OTP's byte order of UTF-8 names). */
export function compareAtoms(a: Atom, b: Atom): Order {
  return a === b ? 0 : compareCodePoints(a.name, b.name);
}

/** Code-point order of two strings (JS `<` is UTF-16 order, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): Order {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Surrogates stand for code points above U+FFFF: move them past U+E000..U+FFFF.
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return sign(a.length - b.length);
}

function compareNodes(na: Atom, ca: number, nb: Atom, cb: number): Order {
  return compareAtoms(na, nb) || sign(ca - cb);
}

/** Ref ids (ETF order: least significant word first) compare from the most significant word. */
function compareRefIds(a: readonly number[], b: readonly number[]): Order {
  for (let i = Math.max(a.length, b.length) - 1; i >= 0; i--) {
    const x = i < a.length ? a[i] : 0;
    const y = i < b.length ? b[i] : 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Bit by bit; a proper prefix sorts first. */
function compareBits(a: BitString, b: BitString): Order {
  const bits = Math.min(a.bitSize, b.bitSize);
  const full = bits >>> 3;
  const x = a.bytes;
  const y = b.bytes;
  for (let i = 0; i < full; i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  const rest = bits & 7;
  if (rest !== 0) {
    const mask = (0xff << (8 - rest)) & 0xff;
    const p = x[full] & mask;
    const q = y[full] & mask;
    if (p !== q) return p < q ? -1 : 1;
  }
  return sign(a.bitSize - b.bitSize);
}
