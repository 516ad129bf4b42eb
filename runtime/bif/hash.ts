/**
 * `erlang:phash/2` and `erlang:phash2/1,2`: OTP's portable term hashes, bit for bit as OTP 25
 * computes them on a 64-bit machine (checked against erl by test/vectors/hash.json,
 * scripts/gen-hash-vectors.mjs). Programs depend on the exact values through the order of
 * `sets`, `dict` and anything else that buckets by phash2.
 *
 * Two algorithms, both written here from OTP's description of them:
 * - phash (`legacyHash`): H = H * Prime + X mod 2^32 over bytes and type-specific primes;
 *   maps are delegated to phash2.
 * - phash2 (`termHash`): Bob Jenkins' lookup2 mix over 32-bit words, with one constant per
 *   type. Map pairs are hashed independently and xor-ed, so the result does not depend on
 *   the order a map stores its keys in.
 *
 * Both walk terms with an explicit stack, so deep terms cannot overflow the JS stack.
 */
import { blockHash as jenkinsBlockHash, GOLDEN, mix as jenkinsMix } from '../term/jenkins.js';
import { badarg } from '../exception.js';
import { Atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ErlFloat } from '../term/float.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { Cons, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

// ---------------------------------------------------------------------------------------------
// Atom hash: the value the atom table stores for each atom (hashpjw over the name's bytes),
// which both phash variants use. Cached per atom.

const atomHashes: number[] = [];
const utf8 = new TextEncoder();

export function atomHash(a: Atom): number {
  const cached = atomHashes[a.id];
  if (cached !== undefined) return cached;
  const p = utf8.encode(a.name);
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    let v = p[i];
    // Names are stored as UTF-8, but hashed as Latin-1 where they can be, so atoms keep the
    // hash they had when atom names were Latin-1 bytes.
    if (i + 1 < p.length && (v & 0xfe) === 0xc2 && (p[i + 1] & 0xc0) === 0x80) {
      v = ((v << 6) | (p[i + 1] & 0x3f)) & 0xff;
      i++;
    }
    h = ((h << 4) + v) >>> 0;
    const g = h & 0xf0000000;
    if (g !== 0) h = (h ^ (g >>> 24) ^ g) >>> 0;
  }
  atomHashes[a.id] = h;
  return h;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian on every platform Node supports

/** The float's two 32-bit words [low, high], with -0.0 hashed as 0.0. */
export function floatWords(x: number): [number, number] {
  F64[0] = x === 0 ? 0 : x;
  return [U32[0], U32[1]];
}

/** |n| as 32-bit words, least significant first, and its sign. */
function magnitudeWords(n: number | bigint): { words: number[]; neg: boolean } {
  const words: number[] = [];
  if (typeof n === 'number') {
    const neg = n < 0;
    const m = Math.abs(n);
    words.push(m % 0x100000000, Math.floor(m / 0x100000000));
    return { words, neg };
  }
  const neg = n < 0n;
  let m = neg ? -n : n;
  while (m > 0n) {
    words.push(Number(m & 0xffffffffn));
    m >>= 32n;
  }
  return { words, neg };
}

// ---------------------------------------------------------------------------------------------
// phash2.

export const HCONST = GOLDEN;
/** HCONST * n mod 2^32 for the per-type constants. */
export const hc = (n: number): number => Math.imul(HCONST, n) >>> 0;
const HCONST_2 = hc(2);
const HCONST_3 = hc(3);
const HCONST_4 = hc(4);
const HCONST_5 = hc(5);
const HCONST_6 = hc(6);
const HCONST_7 = hc(7);
const HCONST_9 = hc(9);
const HCONST_10 = hc(10);
const HCONST_11 = hc(11);
const HCONST_12 = hc(12);
const HCONST_13 = hc(13);
const HCONST_14 = hc(14);
const HCONST_15 = hc(15);
const HCONST_16 = hc(16);
const HCONST_19 = hc(19);

/** The value `[]` hashes to at the top level; NIL's type tag (2) is mixed in elsewhere. */
const NIL_TOP = 3468870702;
const NIL_DEF = 2;

/** Jenkins' mix of (a, b, c) as an unsigned word. */
const mix = (a: number, b: number, c: number): number => jenkinsMix(a, b, c) >>> 0;

/** OTP's UINT32_HASH_2: mixes two words, each offset by the constant `k`, into `hash`. */
export const hash2Words = (x: number, y: number, k: number, hash: number): number =>
  mix((k + x) | 0, (k + y) | 0, hash);

/** lookup2 over a byte block, seeded with `initval` (binaries), as an unsigned word. */
const blockHash = (k: Uint8Array, len: number, initval: number): number => jenkinsBlockHash(k, len, initval) >>> 0;

/** Stack markers for maps: end of one key-value pair, end of a whole map. */
const PAIR_END = Symbol('pair');
class MapEnd {
  constructor(
    readonly hash: number,
    readonly xor: number,
  ) {}
}
type Work = Term | typeof PAIR_END | MapEnd;

function integerHash2(n: number | bigint, hash: number): number {
  if (typeof n === 'number' && n >= -(2 ** 27) && n < 2 ** 27) {
    // Small enough for the 32-bit form; negative numbers are mixed twice, as in OTP.
    if (n < 0) hash = hash2Words(-n, 0, HCONST, hash);
    return hash2Words(n >>> 0, 0, HCONST, hash);
  }
  // Larger integers (OTP's 60-bit smalls and bignums alike): 64-bit digits of |n|.
  const { words, neg } = magnitudeWords(n);
  const k = neg ? HCONST_10 : HCONST_11;
  for (let i = 0; i < words.length; i += 2) hash = hash2Words(words[i], words[i + 1] ?? 0, k, hash);
  return hash;
}

/** OTP's make_hash2: the full 32-bit phash2 of a term. */
export function termHash(term: Term): number {
  const stack: Work[] = [];
  let hash = 0;
  let xor = 0;
  let t: Work = term;
  for (;;) {
    if (typeof t === 'number' || typeof t === 'bigint') {
      hash = integerHash2(t, hash);
    } else if (t instanceof Atom) {
      // At the start of a term (or of a map key) the atom's own hash is used unmixed.
      hash = hash === 0 ? atomHash(t) : hash2Words(atomHash(t), 0, HCONST_3, hash);
    } else if (t === NIL) {
      hash = hash === 0 ? NIL_TOP : hash2Words(NIL_DEF, 0, HCONST_2, hash);
    } else if (t instanceof Cons) {
      // Runs of bytes (0..255) are packed four to a word; anything else is hashed as a term,
      // and the tail (`[]` included) last.
      let cell: Cons = t;
      let c = 0;
      let sh = 0;
      let next: Term | undefined;
      for (;;) {
        const h = cell.head;
        if (typeof h !== 'number' || h < 0 || h > 255) {
          stack.push(cell.tail);
          next = h;
          break;
        }
        sh = ((sh << 8) + h) >>> 0;
        if (c === 3) {
          hash = hash2Words(sh, 0, HCONST_4, hash);
          c = sh = 0;
        } else c++;
        if (!(cell.tail instanceof Cons)) {
          next = cell.tail;
          break;
        }
        cell = cell.tail;
      }
      if (c > 0) hash = hash2Words(sh, 0, HCONST_4, hash);
      t = next;
      continue;
    } else if (Array.isArray(t)) {
      hash = hash2Words(t.length, 0, HCONST_9, hash);
      if (t.length > 0) {
        for (let i = t.length - 1; i >= 1; i--) stack.push(t[i]);
        t = t[0];
        continue;
      }
    } else if (t instanceof BitString) {
      const sz = t.byteSize;
      const bits = t.bitSize & 7;
      const con = (HCONST_13 + hash) >>> 0;
      if (sz === 0 && bits === 0) hash = con;
      else {
        hash = blockHash(t.bytes, sz, con);
        if (bits > 0) hash = hash2Words(bits, t.bytes[sz] >>> (8 - bits), HCONST_15, hash);
      }
    } else if (t instanceof ErlFloat) {
      const [lo, hi] = floatWords(t.value);
      hash = hash2Words(hi, lo, HCONST_12, hash);
    } else if (t instanceof ErlMap) {
      hash = hash2Words(t.size, 0, HCONST_16, hash);
      if (t.size > 0) {
        // Each pair is hashed from 0 and the pair hashes xor-ed: independent of key order.
        stack.push(new MapEnd(hash, xor));
        hash = 0;
        xor = 0;
        for (let i = t.size - 1; i >= 0; i--) stack.push(PAIR_END, t.values[i], t.keys[i]);
      }
    } else if (t instanceof LocalFun) {
      hash = hash2Words(t.env.length, atomHash(t.module), HCONST, hash);
      // The new-style index with the old-style uniq, as OTP mixes them.
      hash = hash2Words(t.index, t.oldUniq, HCONST, hash);
      if (t.env.length > 0) {
        for (let i = t.env.length - 1; i >= 1; i--) stack.push(t.env[i]);
        t = t.env[0];
        continue;
      }
    } else if (t instanceof ExportFun) {
      hash = hash2Words(t.arity, atomHash(t.module), HCONST, hash);
      hash = hash2Words(atomHash(t.name), 0, HCONST_14, hash);
    } else if (t instanceof Pid) {
      hash = hash2Words(t.id, 0, HCONST_5, hash);
    } else if (t instanceof Port) {
      hash = hash2Words(Number(t.id & 0xffffffffn), Number((t.id >> 32n) & 0xffffffffn), HCONST_6, hash);
    } else if (t instanceof Ref) {
      hash = hash2Words(t.ids[0] ?? 0, 0, HCONST_7, hash);
    } else if (t === PAIR_END) {
      xor = (xor ^ hash) >>> 0;
      hash = 0;
    } else if (t instanceof MapEnd) {
      hash = hash2Words(xor, 0, HCONST_19, t.hash);
      xor = t.xor;
    } else {
      throw new TypeError(`phash2: not a term: ${String(t)}`);
    }
    if (stack.length === 0) return hash;
    t = stack.pop()!;
  }
}

// ---------------------------------------------------------------------------------------------
// phash.

const FN1 = 268440163;
const FN2 = 268439161;
const FN3 = 268435459;
const FN4 = 268436141;
const FN5 = 268438633;
const FN6 = 268437017;
const FN8 = 268437511;
const FN9 = 268439627;
const FN10 = 268440479;
const FN11 = 268440577;
const FN12 = 268440581;
const FN13 = 268440593;
const FN14 = 268440611;

/** h * p + x mod 2^32. */
const step = (h: number, p: number, x: number): number => (Math.imul(h, p) + x) >>> 0;

/** The four bytes of a 32-bit word, least significant first. */
function wordStep(h: number, x: number, p: number): number {
  h = step(h, p, x & 0xff);
  h = step(h, p, (x >>> 8) & 0xff);
  h = step(h, p, (x >>> 16) & 0xff);
  return step(h, p, x >>> 24);
}

/**
 * Markers for phash: the rest of a list being hashed (after a non-byte element), the end of
 * a list (after its tail), the end of a tuple of some arity.
 */
class ListRest {
  constructor(readonly rest: Term) {}
}
const LIST_END = Symbol('list end');
class TupleEnd {
  constructor(readonly arity: number) {}
}
type LegacyWork = Term | ListRest | typeof LIST_END | TupleEnd;

/** OTP's make_hash: the full 32-bit phash of a term. */
export function legacyHash(term: Term): number {
  const stack: LegacyWork[] = [];
  let hash = 0;
  let t: LegacyWork = term;
  for (;;) {
    if (typeof t === 'number' || typeof t === 'bigint') {
      // |n| byte by byte over as many 32-bit words as it needs (at least one).
      const { words, neg } = magnitudeWords(t);
      let n = words.length;
      while (n > 1 && words[n - 1] === 0) n--;
      for (let i = 0; i < n; i++) hash = wordStep(hash, words[i], FN2);
      hash = Math.imul(hash, neg ? FN4 : FN3) >>> 0;
    } else if (t instanceof Atom) {
      hash = step(hash, FN1, atomHash(t));
    } else if (t === NIL) {
      hash = step(hash, FN3, 1);
    } else if (t instanceof Cons || t instanceof ListRest) {
      // The elements in order (bytes inline), then the tail, then one end-of-list factor.
      let l: Term;
      if (t instanceof ListRest) l = t.rest;
      else {
        stack.push(LIST_END);
        l = t;
      }
      for (; l instanceof Cons; l = l.tail) {
        const h = l.head;
        if (typeof h === 'number' && h >= 0 && h <= 255) hash = step(hash, FN2, h);
        else break;
      }
      if (l instanceof Cons) {
        stack.push(new ListRest(l.tail));
        t = l.head;
      } else t = l;
      continue;
    } else if (Array.isArray(t)) {
      stack.push(new TupleEnd(t.length));
      for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]);
    } else if (t instanceof BitString) {
      const sz = t.byteSize;
      const bits = t.bitSize & 7;
      for (let i = 0; i < sz; i++) hash = step(hash, FN1, t.bytes[i]);
      if (bits > 0) hash = step(step(hash, FN1, t.bytes[sz] >>> (8 - bits)), FN12, bits);
      hash = step(hash, FN4, sz);
    } else if (t instanceof ErlFloat) {
      const [lo, hi] = floatWords(t.value);
      hash = step(hash, FN6, (lo ^ hi) >>> 0);
    } else if (t instanceof ErlMap) {
      hash = (Math.imul(hash, FN13) + FN14 + termHash(t)) >>> 0;
    } else if (t instanceof LocalFun) {
      hash = step(hash, FN10, t.env.length);
      hash = step(hash, FN1, atomHash(t.module));
      hash = step(hash, FN2, t.index);
      hash = step(hash, FN2, t.oldUniq >>> 0);
      for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]);
    } else if (t instanceof ExportFun) {
      hash = step(hash, FN11, t.arity);
      hash = step(hash, FN1, atomHash(t.module));
      hash = step(hash, FN1, atomHash(t.name));
    } else if (t instanceof Pid) {
      hash = Math.imul(wordStep(hash, t.id, FN5), FN6) >>> 0;
    } else if (t instanceof Port) {
      const high = Number((t.id >> 32n) & 0xffffffffn);
      if (high !== 0) hash = wordStep(hash, high, FN11);
      hash = Math.imul(wordStep(hash, Number(t.id & 0xffffffffn), FN9), FN10) >>> 0;
    } else if (t instanceof Ref) {
      hash = Math.imul(wordStep(hash, t.ids[0] ?? 0, FN9), FN10) >>> 0;
    } else if (t === LIST_END) {
      hash = Math.imul(hash, FN8) >>> 0;
    } else if (t instanceof TupleEnd) {
      hash = step(hash, FN9, t.arity);
    } else {
      throw new TypeError(`phash: not a term: ${String(t)}`);
    }
    if (stack.length === 0) return hash;
    t = stack.pop()!;
  }
}

// ---------------------------------------------------------------------------------------------
// The BIFs.

const TWO_32 = 2 ** 32;

/** A hash range: 1..2^32. */
function range(r: Term, args: Term[]): number {
  if (typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= TWO_32) return r;
  return badarg(args);
}

defineBifs('erlang', {
  'phash/2': (t, r) => {
    const n = range(r, [t, r]);
    return (legacyHash(t) % n) + 1;
  },
  'phash2/1': (t) => termHash(t) & 0x7ffffff,
  'phash2/2': (t, r) => termHash(t) % range(r, [t, r]),
});
