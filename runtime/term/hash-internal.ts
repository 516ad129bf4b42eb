/**
 * OTP 25's internal term hash: erts' `make_internal_hash` (Bob Jenkins' mix over the term's
 * words), salted per 32 bits of HAMT depth by `make_map_hash`. Large maps are HAMTs over this
 * hash, so it decides where each key sits and hence the order in which OTP iterates, prints
 * and encodes them. Checked against erl by test/term/map-order.test.ts.
 *
 * Exact for numbers, binaries and bitstrings, lists, tuples and maps built of those. Atoms,
 * pids, ports, refs and funs hash as OTP hashes the machine word, but OTP's words hold the
 * running VM's atom indices, process-table slots and export-entry addresses; ours hold this
 * runtime's, so large maps keyed by them iterate in a valid but different order.
 */
import { Atom } from './atom.js';
import { BitString } from './binary.js';
import { ErlFloat } from './float.js';
import { ExportFun, LocalFun } from './fun.js';
import { Pid, Port, Ref } from './identity.js';
import { Cons, NIL } from './list.js';
import { ErlMap, HamtLeaf, HamtNode } from './map.js';
import type { Term } from './term.js';

/** HCONST * n mod 2^32: the per-type constants of erts' hashes (HCONST is the golden ratio). */
const hc = (n: number) => Math.imul(0x9e3779b9, n);
const HCONST = hc(1);
const HC4 = hc(4);
const HC7 = hc(7);
const HC8 = hc(8);
const HC9 = hc(9);
const HC10 = hc(10);
const HC11 = hc(11);
const HC12 = hc(12);
const HC13 = hc(13);
const HC14 = hc(14);
const HC15 = hc(15);
const HC16 = hc(16);
const HC17 = hc(17);
const HC18 = hc(18);
const HC20 = hc(20);
const HC21 = hc(21);
const HC22 = hc(22);
/** Keeps the internal hash apart from phash2's values (OTP's constant). */
const INTERNAL_HASH_SALT = 3432918353 | 0;

// Word tags of immediates on a 64-bit BEAM (the hash mixes the tagged word).
const TAG_PID = 0x3;
const TAG_PORT = 0x7;
const TAG_ATOM = 0xb;
const TAG_SMALL = 0xf;
const NIL_WORD = 0x3b;
const SMALL_MIN = -(2n ** 59n);
const SMALL_MAX = 2n ** 59n - 1n;

/** The running hash (a 32-bit value kept as an int32), shared by the helpers below. */
let h = 0;

/** `UINT32_HASH_2(x, y, k)`: Jenkins' 96-bit mix of (k + x, k + y, h) into h. */
function mix2(x: number, y: number, k: number): void {
  let a = (k + x) | 0;
  let b = (k + y) | 0;
  let c = h;
  a = (a - b - c) ^ (c >>> 13);
  b = (b - c - a) ^ (a << 8);
  c = (c - a - b) ^ (b >>> 13);
  a = (a - b - c) ^ (c >>> 12);
  b = (b - c - a) ^ (a << 16);
  c = (c - a - b) ^ (b >>> 5);
  a = (a - b - c) ^ (c >>> 3);
  b = (b - c - a) ^ (a << 10);
  c = (c - a - b) ^ (b >>> 15);
  h = c;
}

/** `CONST_HASH`: a cheap mix of a type constant (list cells). */
function constHash(k: number): void {
  const x = h ^ k;
  h = (x << 17) | (x >>> 15);
}

/** A small integer's tagged word: low and high 32 bits of (n << 4 | 0xf). */
function smallNumber(n: number): void {
  mix2(((n & 0x0fffffff) << 4) | TAG_SMALL, Math.floor(n / 0x10000000), HCONST);
}

function integer(n: bigint): void {
  if (n >= SMALL_MIN && n <= SMALL_MAX) {
    // Still a small on the BEAM (60 bits), though beyond a JS safe integer.
    mix2(Number(BigInt.asIntN(32, (n << 4n) | BigInt(TAG_SMALL))), Number(BigInt.asIntN(32, n >> 28n)), HCONST);
    return;
  }
  // A bignum: its magnitude in 64-bit digits, least significant first.
  const con = n < 0n ? HC10 : HC11;
  let m = n < 0n ? -n : n;
  while (m > 0n) {
    mix2(Number(m & 0xffffffffn), Number((m >> 32n) & 0xffffffffn), con);
    m >>= 64n;
  }
}

const dv = new DataView(new ArrayBuffer(8));
function floatWords(v: number): void {
  dv.setFloat64(0, v === 0 ? 0 : v, true); // -0.0 =:= 0.0 in OTP 25
  mix2(dv.getUint32(0, true), dv.getUint32(4, true), HC12);
}

/** Jenkins' lookup2 over the bytes, seeded with `init` (`block_hash`). */
function blockHash(k: Uint8Array, len: number, init: number): number {
  let a = HCONST;
  let b = HCONST;
  let c = init;
  let i = 0;
  const mix = () => {
    a = (a - b - c) ^ (c >>> 13);
    b = (b - c - a) ^ (a << 8);
    c = (c - a - b) ^ (b >>> 13);
    a = (a - b - c) ^ (c >>> 12);
    b = (b - c - a) ^ (a << 16);
    c = (c - a - b) ^ (b >>> 5);
    a = (a - b - c) ^ (c >>> 3);
    b = (b - c - a) ^ (a << 10);
    c = (c - a - b) ^ (b >>> 15);
  };
  for (; len - i >= 12; i += 12) {
    a = (a + (k[i] | (k[i + 1] << 8) | (k[i + 2] << 16) | (k[i + 3] << 24))) | 0;
    b = (b + (k[i + 4] | (k[i + 5] << 8) | (k[i + 6] << 16) | (k[i + 7] << 24))) | 0;
    c = (c + (k[i + 8] | (k[i + 9] << 8) | (k[i + 10] << 16) | (k[i + 11] << 24))) | 0;
    mix();
  }
  c = (c + len) | 0;
  // The tail: bytes 0-3 into a, 4-7 into b, 8-10 into c above its low byte.
  const rest = len - i;
  for (let j = rest - 1; j >= 0; j--) {
    const byte = k[i + j];
    if (j >= 8) c = (c + (byte << (8 * (j - 7)))) | 0;
    else if (j >= 4) b = (b + (byte << (8 * (j - 4)))) | 0;
    else a = (a + (byte << (8 * j))) | 0;
  }
  mix();
  return c;
}

function bits(t: BitString): void {
  const full = t.bitSize >>> 3;
  const extra = t.bitSize & 7;
  const con = (HC13 + h) | 0;
  if (t.bitSize === 0) {
    h = con;
    return;
  }
  h = blockHash(t.bytes, full, con);
  if (extra > 0) mix2(extra, t.bytes[full] >> (8 - extra), HC15);
}

const atomWord = (a: Atom) => ((a.id << 6) | TAG_ATOM) | 0;

/** Marks the end of a cons cell whose tail is not a list (`HASH_CDR`). */
const CDR = {};

/** Hashes any term into `h`, in `make_internal_hash`'s order (an explicit stack, no recursion). */
function hashTerm(root: Term): void {
  const stack: unknown[] = [];
  let t: unknown = root;
  for (;;) {
    if (typeof t === 'number') smallNumber(t);
    else if (t instanceof Atom) mix2(atomWord(t), t.id >>> 26, HCONST);
    else if (t instanceof Cons) {
      // Runs of byte-sized integers are packed four to a word (strings).
      let cell: Cons = t;
      let c = 0;
      let sh = 0;
      let rest: unknown;
      for (;;) {
        const hd = cell.head;
        if (typeof hd !== 'number' || hd < 0 || hd > 255) {
          rest = cell;
          break;
        }
        sh = (sh << 8) | hd;
        if (c === 3) {
          mix2(sh, 0, HC4);
          c = 0;
          sh = 0;
        } else c++;
        if (!(cell.tail instanceof Cons)) {
          rest = cell.tail;
          break;
        }
        cell = cell.tail;
      }
      if (c > 0) mix2(sh, c, HC22);
      if (rest instanceof Cons) {
        constHash(HC17);
        stack.push(rest.tail);
        if (!(rest.tail instanceof Cons)) stack.push(CDR);
        t = rest.head;
      } else t = rest; // the tail after the bytes, hashed as a term of its own
      continue;
    } else if (Array.isArray(t)) {
      mix2(t.length, 0, HC9);
      if (t.length > 0) {
        for (let i = t.length - 1; i > 0; i--) stack.push(t[i]);
        t = t[0];
        continue;
      }
    } else if (t instanceof ErlMap) {
      mix2(t.size, 0, HC16);
      if (t.root !== undefined) pushChildren(stack, t.root);
      else {
        const ks = t.keys;
        const vs = t.values;
        for (let i = t.size - 1; i >= 0; i--) stack.push(vs[i], ks[i]);
      }
    } else if (t instanceof HamtNode) pushChildren(stack, t);
    else if (t instanceof BitString) bits(t);
    else if (t instanceof ErlFloat) floatWords(t.value);
    else if (typeof t === 'bigint') integer(t);
    else if (t === NIL) mix2(NIL_WORD, 0, HCONST);
    else if (t instanceof Pid) mix2((t.id << 4) | TAG_PID, t.serial, HCONST);
    else if (t instanceof Port) {
      mix2(Number(BigInt.asIntN(32, (t.id << 4n) | BigInt(TAG_PORT))), Number(BigInt.asIntN(32, t.id >> 28n)), HCONST);
    } else if (t instanceof Ref) {
      mix2(t.ids[0] ?? 0, 0, HC7);
      mix2(t.ids[1] ?? 0, t.ids[2] ?? 0, HC8);
    } else if (t instanceof LocalFun) {
      mix2(t.env.length, atomWord(t.module), HC20);
      mix2(t.oldIndex, t.oldUniq, HC21);
      if (t.env.length > 0) {
        for (let i = t.env.length - 1; i > 0; i--) stack.push(t.env[i]);
        t = t.env[0];
        continue;
      }
    } else if (t instanceof ExportFun) {
      // OTP mixes the export entry's address; the entry is identified by M:F/A.
      mix2(atomWord(t.module), atomWord(t.name), HC14);
      mix2(t.arity, 0, HC14);
    } else throw new TypeError(`not an Erlang term: ${String(t)}`);

    // The next pending term; a CDR mark mixes a constant first.
    for (;;) {
      if (stack.length === 0) return;
      t = stack.pop();
      if (t !== CDR) break;
      constHash(HC18);
    }
  }
}

/** A HAMT node's slots, pushed so that they pop last slot first (key before value). */
function pushChildren(stack: unknown[], n: HamtNode): void {
  for (const c of n.children) {
    if (c instanceof HamtLeaf) stack.push(c.value, c.key);
    else stack.push(c);
  }
}

/** `make_internal_hash(Term, Salt)`: an unsigned 32-bit hash. */
export function internalHash(t: Term, salt = 0): number {
  h = salt ^ INTERNAL_HASH_SALT;
  if (typeof t === 'number') smallNumber(t);
  else hashTerm(t);
  return h >>> 0;
}

const depthSalts: number[] = [0];

/**
 * `make_map_hash(Key, Depth)`: the hash that places a key in a HAMT. Each depth gives 32
 * bits (eight levels of four); keys whose hashes agree on all 32 bits are told apart by the
 * next depth's differently salted hash.
 */
export function mapHash(key: Term, depth: number): number {
  let salt = depthSalts[depth];
  if (salt === undefined) {
    h = 0;
    mix2(depth, 1, HC22);
    salt = depthSalts[depth] = h;
  }
  return internalHash(key, salt);
}
