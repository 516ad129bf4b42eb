/**
 * The hash ERTS 25 (64-bit) places a key in a set/bag table's bucket with: an atom's own hash
 * for atom keys, else OTP's internal term hash (make_internal_hash with salt 0), which mixes
 * the raw machine words of immediates. Written from observation of erl (ets:slot/2 shows
 * the bucket of every key) and OTP's description of the algorithm; checked by the etsBuckets
 * vectors (test/bif/hash.test.ts) and the ets_order and ets_churn fixtures.
 *
 * Exact for keys built from integers, floats, binaries, lists, tuples, small maps and
 * references. Some words are VM-internal: an atom inside a compound key is hashed by its
 * index in the atom table, a local fun by its module's atom, external pids/ports/refs by a
 * node pointer, and local pids and ports by an internal encoding of their numbers. For those
 * we substitute a deterministic word of our own, so such keys get a stable order that
 * differs from OTP's.
 *
 * OTP hashes map keys for its large maps with the same function (salted per level); `salt`
 * is there for that use.
 */
import { atomHash, blockHash, floatWords, hash2Words, hc, HCONST } from '../bif/hash.js';
import { Atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ErlFloat } from '../term/float.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { Cons, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import type { Term } from '../term/term.js';

const SALT = 3432918353;
/** The raw word of `[]` (its immediate tag). */
const NIL_WORD = 0x3b;
const SMALL_MIN = -(2n ** 59n);
const SMALL_MAX = 2n ** 59n - 1n;

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

/** Light mixing of a constant, for the cons cell markers. */
const constHash = (h: number, k: number): number => {
  h = (h ^ k) >>> 0;
  return ((h << 17) | (h >>> 15)) >>> 0;
};

/** An immediate's 64-bit word, as two 32-bit halves, mixed into `h`. */
const word = (h: number, lo: number, hi: number): number => hash2Words(lo >>> 0, hi >>> 0, HCONST, h);

/** A small integer's word: the value shifted left 4, tagged 0xF. */
function smallWord(h: number, n: number | bigint): number {
  if (typeof n === 'number' && n >= -(2 ** 27) && n < 2 ** 27) return word(h, n * 16 + 15, n < 0 ? 0xffffffff : 0);
  const w = ((BigInt(n) << 4n) | 15n) & 0xffffffffffffffffn;
  return word(h, Number(w & 0xffffffffn), Number(w >> 32n));
}

/** Stand-in words for what OTP hashes by VM-internal values (see the module comment). */
const atomWord = (h: number, a: Atom): number => word(h, ((atomHash(a) << 6) | 0x0b) >>> 0, atomHash(a) >>> 26);
const pidWord = (h: number, p: Pid): number => word(h, (((p.serial << 15) | p.id) << 4) | 3, 0);

const CDR_MARK = Symbol('cdr');
type Work = Term | typeof CDR_MARK;

function bigWords(h: number, n: bigint): number {
  const neg = n < 0n;
  let m = neg ? -n : n;
  const k = neg ? HC10 : HC11;
  do {
    h = hash2Words(Number(m & 0xffffffffn), Number((m >> 32n) & 0xffffffffn), k, h);
    m >>= 64n;
  } while (m > 0n);
  return h;
}

/** make_internal_hash(Term, Salt). */
export function internalHash(term: Term, salt = 0): number {
  let h = (salt ^ SALT) >>> 0;
  const stack: Work[] = [term];
  while (stack.length > 0) {
    let t: Work = stack.pop()!;
    if (t === CDR_MARK) {
      h = constHash(h, HC18);
      continue;
    }
    for (;;) {
      if (typeof t === 'number') h = smallWord(h, t);
      else if (typeof t === 'bigint') h = t >= SMALL_MIN && t <= SMALL_MAX ? smallWord(h, t) : bigWords(h, t);
      else if (t === NIL) h = word(h, NIL_WORD, 0);
      else if (t instanceof Atom) h = atomWord(h, t);
      else if (t instanceof Cons) {
        // A run of bytes packed four to a word (the last group with its length), then for a
        // cell holding anything else: a marker, its head, and (after the rest) its tail.
        let cell: Cons = t;
        let c = 0;
        let sh = 0;
        let rest: Term | undefined;
        for (;;) {
          const x = cell.head;
          if (typeof x !== 'number' || x < 0 || x > 255) break;
          sh = ((sh << 8) + x) >>> 0;
          if (c === 3) {
            h = hash2Words(sh, 0, HC4, h);
            c = sh = 0;
          } else c++;
          if (!(cell.tail instanceof Cons)) {
            rest = cell.tail;
            break;
          }
          cell = cell.tail;
        }
        if (c > 0) h = hash2Words(sh, c, HC22, h);
        if (rest !== undefined) {
          t = rest;
          continue;
        }
        h = constHash(h, HC17);
        stack.push(cell.tail);
        if (!(cell.tail instanceof Cons)) stack.push(CDR_MARK);
        t = cell.head;
        continue;
      } else if (Array.isArray(t)) {
        h = hash2Words(t.length, 0, HC9, h);
        if (t.length > 0) {
          for (let i = t.length - 1; i >= 1; i--) stack.push(t[i]);
          t = t[0];
          continue;
        }
      } else if (t instanceof BitString) {
        const sz = t.byteSize;
        const bits = t.bitSize & 7;
        const con = (HC13 + h) >>> 0;
        if (sz === 0 && bits === 0) h = con;
        else {
          h = blockHash(t.bytes, sz, con);
          if (bits > 0) h = hash2Words(bits, t.bytes[sz] >>> (8 - bits), HC15, h);
        }
      } else if (t instanceof ErlFloat) {
        const [lo, hi] = floatWords(t.value);
        h = hash2Words(lo, hi, HC12, h);
      } else if (t instanceof ErlMap) {
        // Keys and values in the map's order (exact for maps of up to 32 keys).
        h = hash2Words(t.size, 0, HC16, h);
        for (let i = t.size - 1; i >= 0; i--) stack.push(t.values[i], t.keys[i]);
      } else if (t instanceof Ref) {
        const ids = t.ids;
        h = hash2Words(ids[0] ?? 0, 0, HC7, h);
        h = hash2Words(ids[1] ?? 0, ids[2] ?? 0, HC8, h);
      } else if (t instanceof Pid) h = pidWord(h, t);
      else if (t instanceof Port) h = word(h, Number(((t.id << 4n) | 7n) & 0xffffffffn), Number((t.id >> 28n) & 0xffffffffn));
      else if (t instanceof LocalFun) {
        h = hash2Words(t.env.length, atomHash(t.module), HC20, h);
        h = hash2Words(t.index, t.oldUniq >>> 0, HC21, h);
        for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]);
      } else if (t instanceof ExportFun) {
        h = hash2Words(atomHash(t.module), (atomHash(t.name) ^ t.arity) >>> 0, HC14, h);
      }
      break;
    }
  }
  return h;
}

/** The hash that places `key` in a hash table: an atom's own hash, else the internal hash. */
export function bucketHash(key: Term): number {
  return key instanceof Atom ? atomHash(key) : internalHash(key);
}
