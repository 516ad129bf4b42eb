/**
 * OTP 25's internal term hash: erts' `make_internal_hash` (Bob Jenkins' mix over the term's
 * words), salted per 32 bits of HAMT depth by `make_map_hash`. Large maps are HAMTs over this
 * hash, so it decides where each key sits and hence the order in which OTP iterates, prints
 * and encodes them. Checked against erl by test/term/map-order.test.ts.
 *
 * Exact for numbers, binaries and bitstrings, lists, tuples, maps and local refs (by their
 * numbers), and anything built of those. An atom hashes as its tagged word, whose index into
 * the atom table is this runtime's, not the VM's (OTP's depends on the run), and funs, pids
 * and ports involve addresses and process-table slots we do not have; large maps keyed by
 * them iterate in a valid order, but not OTP's.
 */
import { Atom } from './atom.js';
import { BitString } from './binary.js';
import { ErlFloat } from './float.js';
import { ExportFun, LocalFun } from './fun.js';
import { Pid, Port, Ref } from './identity.js';
import { Cons, NIL } from './list.js';
import { ErlMap, slotAt, slotCount, type HamtNode } from './map.js';
import { blockHash, GOLDEN, mix } from './jenkins.js';
import type { Term } from './term.js';

/** HCONST * n mod 2^32: the per-type constants of erts' hashes (HCONST is the golden ratio). */
const hc = (n: number) => Math.imul(GOLDEN, n);
const HCONST = hc(1);
const HC4 = hc(4);
const HC5 = hc(5);
const HC6 = hc(6);
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

// The running hash is threaded through the helpers as an int32 argument and result (a
// module-level variable would box every non-small value it holds).

/** `UINT32_HASH_2(x, y, k)`: Jenkins' mix of (k + x, k + y, h); the new hash. */
function mix2(h: number, x: number, y: number, k: number): number {
  return mix((k + x) | 0, (k + y) | 0, h);
}

/** `CONST_HASH`: a cheap mix of a type constant (list cells). */
function constHash(h: number, k: number): number {
  const x = h ^ k;
  return (x << 17) | (x >>> 15);
}

/** A small integer's tagged word: low and high 32 bits of (n << 4 | 0xf). */
function smallNumber(h: number, n: number): number {
  return mix2(h, ((n & 0x0fffffff) << 4) | TAG_SMALL, Math.floor(n / 0x10000000), HCONST);
}

function integer(h: number, n: bigint): number {
  if (n >= SMALL_MIN && n <= SMALL_MAX) {
    // Still a small on the BEAM (60 bits), though beyond a JS safe integer.
    return mix2(h, Number(BigInt.asIntN(32, (n << 4n) | BigInt(TAG_SMALL))), Number(BigInt.asIntN(32, n >> 28n)), HCONST);
  }
  // A bignum: its magnitude in 64-bit digits, least significant first.
  const con = n < 0n ? HC10 : HC11;
  for (let m = n < 0n ? -n : n; m > 0n; m >>= 64n) {
    h = mix2(h, Number(m & 0xffffffffn), Number((m >> 32n) & 0xffffffffn), con);
  }
  return h;
}

const dv = new DataView(new ArrayBuffer(8));
function floatWords(h: number, v: number): number {
  dv.setFloat64(0, v === 0 ? 0 : v, true); // -0.0 =:= 0.0 in OTP 25
  return mix2(h, dv.getUint32(0, true), dv.getUint32(4, true), HC12);
}

function bits(h: number, t: BitString): number {
  const full = t.bitSize >>> 3;
  const extra = t.bitSize & 7;
  const con = (HC13 + h) | 0;
  if (t.bitSize === 0) return con;
  h = blockHash(t.bytes, full, con);
  return extra > 0 ? mix2(h, extra, t.bytes[full] >> (8 - extra), HC15) : h;
}

const atomWord = (a: Atom) => ((a.id << 6) | TAG_ATOM) | 0;

/** Marks the end of a cons cell whose tail is not a list (`HASH_CDR`). */
const CDR = {};
/** Follows a HAMT node on the stack (nodes are arrays, like tuples). */
const NODE = {};

/** Hashes any term onto `h`, in `make_internal_hash`'s order (an explicit stack, no recursion). */
function hashTerm(h: number, root: Term): number {
  const stack: unknown[] = [];
  let t: unknown = root;
  for (;;) {
    if (typeof t === 'number') h = smallNumber(h, t);
    else if (t instanceof Atom) h = mix2(h, atomWord(t), t.id >>> 26, HCONST);
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
          h = mix2(h, sh, 0, HC4);
          c = 0;
          sh = 0;
        } else c++;
        if (!(cell.tail instanceof Cons)) {
          rest = cell.tail;
          break;
        }
        cell = cell.tail;
      }
      if (c > 0) h = mix2(h, sh, c, HC22);
      if (rest instanceof Cons) {
        h = constHash(h, HC17);
        stack.push(rest.tail);
        if (!(rest.tail instanceof Cons)) stack.push(CDR);
        t = rest.head;
      } else t = rest; // the tail after the bytes, hashed as a term of its own
      continue;
    } else if (Array.isArray(t)) {
      h = mix2(h, t.length, 0, HC9);
      if (t.length > 0) {
        for (let i = t.length - 1; i > 0; i--) stack.push(t[i]);
        t = t[0];
        continue;
      }
    } else if (t instanceof ErlMap) {
      h = mix2(h, t.size, 0, HC16);
      if (t.root !== undefined) pushChildren(stack, t.root);
      else {
        const ks = t.keys;
        const vs = t.values;
        for (let i = t.size - 1; i >= 0; i--) stack.push(vs[i], ks[i]);
      }
    } else if (t instanceof BitString) h = bits(h, t);
    else if (t instanceof ErlFloat) h = floatWords(h, t.value);
    else if (typeof t === 'bigint') h = integer(h, t);
    else if (t === NIL) h = mix2(h, NIL_WORD, 0, HCONST);
    else if (t instanceof Pid) {
      // Pids and ports cannot match OTP's hash (it mixes process-table slots and node
      // addresses); the node is mixed in so that only equal ones hash alike.
      h = mix2(h, (t.id << 4) | TAG_PID, t.serial, HCONST);
      h = mix2(h, atomWord(t.node), t.creation, HC5);
    } else if (t instanceof Port) {
      h = mix2(h, Number(BigInt.asIntN(32, (t.id << 4n) | BigInt(TAG_PORT))), Number(BigInt.asIntN(32, t.id >> 28n)), HCONST);
      h = mix2(h, atomWord(t.node), t.creation, HC6);
    } else if (t instanceof Ref) {
      h = mix2(h, t.ids[0] ?? 0, 0, HC7);
      h = mix2(h, t.ids[1] ?? 0, t.ids[2] ?? 0, HC8);
    } else if (t instanceof LocalFun) {
      h = mix2(h, t.env.length, atomWord(t.module), HC20);
      h = mix2(h, t.oldIndex, t.oldUniq, HC21);
      if (t.env.length > 0) {
        for (let i = t.env.length - 1; i > 0; i--) stack.push(t.env[i]);
        t = t.env[0];
        continue;
      }
    } else if (t instanceof ExportFun) {
      // OTP mixes the export entry's address; the entry is identified by M:F/A.
      h = mix2(h, atomWord(t.module), atomWord(t.name), HC14);
      h = mix2(h, t.arity, 0, HC14);
    } else throw new TypeError(`not an Erlang term: ${String(t)}`);

    // The next pending term; a CDR mark mixes a constant first.
    for (;;) {
      if (stack.length === 0) return h;
      t = stack.pop();
      if (t === CDR) h = constHash(h, HC18);
      else if (t === NODE) pushChildren(stack, stack.pop() as HamtNode);
      else break;
    }
  }
}

/** A HAMT node's slots, pushed so that they pop last slot first (key before value). */
function pushChildren(stack: unknown[], n: HamtNode): void {
  for (let i = 0; i < slotCount(n); i++) {
    const c = slotAt(n, i);
    if (typeof c === 'number') stack.push(n[c + 1], n[c]);
    else stack.push(c, NODE);
  }
}

/** `make_internal_hash(Term, Salt)`: an unsigned 32-bit hash. */
export function internalHash(t: Term, salt = 0): number {
  const h = salt ^ INTERNAL_HASH_SALT;
  return (typeof t === 'number' ? smallNumber(h, t) : hashTerm(h, t)) >>> 0;
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
    salt = depthSalts[depth] = mix2(0, depth, 1, HC22);
  }
  return internalHash(key, salt);
}
