/**
 * Bit-syntax construction: what the compiler emits for `bs_create_bin` (OTP 25+) and for the
 * older OTP 22-24 sequence `bs_init2` / `bs_init_bits` / `bs_append` / `bs_private_append`
 * followed by `bs_put_*`.
 *
 * A `BitWriter` accumulates bits MSB-first at any bit position (byte-aligned writes take fast
 * paths) and `finish()`es into a `BitString`. For
 *
 *     {bs_create_bin, Fail, Alloc, Live, Unit, Dst, {list, Segments}}
 *
 * the compiler (compiler/codegen/bits.ts) emits straight-line calls on the shared writer `BSW`:
 * first `BSW.begin(Total)` (or `BSW.beginAppend(Bin, Unit, Total)` when the first segment is
 * `append` / `private_append`), where Total sums the literal sizes and, in segment order, the
 * checked dynamic ones (`segmentBits(Size, Unit)`, `binAllBits(V, Unit)`, `utfBits(V, Kind)`),
 * then one call per segment:
 *
 *     integer        -> BSW.u8(V) for 8 bits, BSW.int(V, Bits, Flags), BSW.integer(V, Size, Unit, Flags)
 *     float          -> BSW.floatBits(V, Bits, Flags) / BSW.float(V, Size, Unit, Flags)
 *     binary         -> BSW.binaryAll(V, Unit) for Size = all, BSW.binary(V, Size, Unit)
 *     utf8/16/32     -> BSW.utf8(V) / BSW.utf16(V, Flags) / BSW.utf32(V, Flags)
 *     string         -> BSW.string(Bytes)
 *
 * and `Dst = BSW.finish()`. This is OTP's error precedence (it sizes every segment before it
 * writes any, so a `system_limit` from a later size wins over a `badarg` from an earlier value),
 * the same order as `createBin(segments)`, which does the whole instruction generically for
 * shapes the compiler does not specialise. An append of exactly one segment, the commonest
 * shape, is a single call: `appendByte(Bin, Unit, V)` (`V:8`), `appendBytes(Bin, Unit, Bytes)`
 * (a literal), `appendBinary(Bin, Unit, V, VUnit)` (`V/binary`).
 *
 * Appending: a binary produced by `append` / `private_append` is a prefix of a writable buffer
 * with spare capacity (`BitString.wb`; its `bytes` view is only made when read). Appending again
 * to the *latest* binary of such a buffer writes in place (no copy, like OTP's writable
 * binaries); appending to any other binary copies it into a fresh buffer of twice the size.
 * Older binaries of the buffer are prefixes of it and never see later writes, so the "never
 * mutated" contract of BitString holds. `private_append` (whose accumulator the compiler
 * guarantees no one else holds) grows the latest binary itself, as OTP does. A binary whose size
 * is not a multiple of 8 cannot be extended in place (its last byte is shared with the new one),
 * so appending to it copies.
 *
 * Errors are raised as OTP 25 raises them: `error:badarg` for a bad value or size, and
 * `error:system_limit` for sizes beyond what we can hold.
 *
 * Limit: bit positions use 32-bit unsigned arithmetic, so a bitstring holds at most
 * `MAX_BITS` bits (512 MiB); larger sizes raise system_limit.
 */
import { atom } from '../atom.js';
import { BitString } from '../binary.js';
import { ErlFloat } from '../float.js';
import { Cons } from '../list.js';
import type { Term } from '../term.js';
import { badarg, raiseError } from '../../exception.js';

/** Field flags as the BEAM encodes them (`field_flags` operands of the OTP <= 24 instructions). */
export const BSF_LITTLE = 0x02;
export const BSF_SIGNED = 0x04;
export const BSF_NATIVE = 0x10;

/** Whether this host is little-endian (`native` endianness). */
export const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The largest bitstring we can build or match: positions must fit in 32 unsigned bits. */
export const MAX_BITS = 2 ** 32 - 8;

const SYSTEM_LIMIT = atom('system_limit');
const A_LITTLE = atom('little');
const A_BIG = atom('big');
const A_NATIVE = atom('native');
const A_SIGNED = atom('signed');
const A_ALL = atom('all');

export function systemLimit(): never {
  raiseError(SYSTEM_LIMIT);
}

/** True when a segment with these flags is little-endian (`native` resolved for this host). */
export function isLittle(flags: number): boolean {
  return (flags & BSF_LITTLE) !== 0 || ((flags & BSF_NATIVE) !== 0 && HOST_LITTLE);
}

/**
 * Flags of a `bs_create_bin` / `bs_match` segment, given as a literal list of atoms
 * (`[little, signed]`, `[native]`, `[]`), to the numeric form every function here takes.
 */
export function flagsFromList(t: Term): number {
  let f = 0;
  while (t instanceof Cons) {
    const a = t.head;
    if (a === A_LITTLE) f |= BSF_LITTLE;
    else if (a === A_NATIVE) f |= BSF_NATIVE;
    else if (a === A_SIGNED) f |= BSF_SIGNED;
    else if (a === A_BIG) f &= ~BSF_LITTLE;
    t = t.tail;
  }
  return f;
}

/**
 * Size * Unit in bits for a segment's Size operand (a register or literal): badarg unless a
 * non-negative integer, system_limit when too large. Serves the size checks of every
 * construction instruction.
 */
export function segmentBits(size: Term, unit: number): number {
  if (typeof size === 'number') {
    if (size >= 0) {
      const bits = size * unit;
      if (bits <= MAX_BITS) return bits;
      systemLimit();
    }
    badarg();
  }
  if (typeof size === 'bigint') {
    if (size < 0n) badarg();
    systemLimit();
  }
  return badarg();
}

/** `bs_add Fail [Src1, Src2, Unit] Dst` (OTP <= 24): Src1 + Src2 * Unit, both sizes. */
export function bsAdd(a: Term, b: Term, unit: number): number {
  const x = segmentBits(a, 1);
  const y = segmentBits(b, unit);
  if (x + y > MAX_BITS) systemLimit();
  return x + y;
}

/** `bs_utf8_size Fail Src Dst` (OTP <= 24): bytes `<<Src/utf8>>` takes (the put validates). */
export function utf8Size(v: Term): number {
  if (typeof v !== 'number' || v < 0x80) return 1;
  return v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
}

/** `bs_utf16_size Fail Src Dst` (OTP <= 24): bytes `<<Src/utf16>>` takes. */
export function utf16Size(v: Term): number {
  return typeof v === 'number' && v >= 0x10000 ? 4 : 2;
}

// ---------------------------------------------------------------------------------------------
// Byte buffers

/**
 * Zeroed bytes for a new bitstring. V8 allocates a typed array of up to 64 bytes on its heap,
 * cheaply; a larger one gets its own off-heap backing store, which costs about ten times as
 * much. Sizes from 65 bytes to POOL_MAX are carved out of a shared POOL_SIZE ArrayBuffer
 * instead (as Node's Buffer.allocUnsafe does for small buffers): the pool lives as long as any
 * of its bitstrings. Nothing is handed out twice, so the bytes are zero.
 */
export function allocBytes(n: number): Uint8Array {
  if (n <= 64 || n > POOL_MAX) return new Uint8Array(n);
  let at = poolUsed;
  if (at + n > POOL_SIZE) {
    pool = new ArrayBuffer(POOL_SIZE);
    at = 0;
  }
  poolUsed = (at + n + 7) & ~7;
  return new Uint8Array(pool, at, n);
}

const POOL_SIZE = 8192;
const POOL_MAX = 1024;
let pool = new ArrayBuffer(POOL_SIZE);
let poolUsed = 0;

// ---------------------------------------------------------------------------------------------
// Writable (appendable) buffers

/**
 * A buffer that appended binaries are prefixes of; `latest` is the longest of them, the only
 * one appending to writes in place. Each such binary points here through `BitString.wb`.
 */
class Writable {
  constructor(
    readonly buf: Uint8Array,
    public latest: BitString,
  ) {}
}

/** The writable buffer `bin` is the latest binary of, if any (its bit size may be unaligned). */
function writableOf(bin: BitString): Writable | undefined {
  const w = bin.wb as Writable | null;
  return w !== null && w.latest === bin ? w : undefined;
}

/** A new writable buffer whose latest binary is its first `bits` bits. */
function newWritable(buf: Uint8Array, bits: number): BitString {
  const w = new Writable(buf, EMPTY_BIN);
  const r = new BitString(buf, bits, w);
  w.latest = r;
  return r;
}

/** True when appending to `bin` would write in place (it is the latest binary of its buffer). */
export function isWritable(bin: BitString): boolean {
  return (bin.bitSize & 7) === 0 && writableOf(bin) !== undefined;
}

/**
 * `bs_init_writable` (OTP <= 24, and binary comprehensions; x0 = size hint in bytes, result in
 * x0): an empty binary with spare capacity, to be appended to.
 */
export function initWritable(sizeHint: Term): BitString {
  const hint = typeof sizeHint === 'number' && sizeHint > 0 ? Math.min(sizeHint, 1 << 20) : 0;
  return newWritable(allocBytes(Math.max(16, hint)), 0);
}

// ---------------------------------------------------------------------------------------------
// Scratch space for floats

const SCRATCH = new Uint8Array(8);
const SCRATCH_DV = new DataView(SCRATCH.buffer);
const F64 = new Float64Array(1);
const F64_WORDS = new Uint32Array(F64.buffer);
const HI = HOST_LITTLE ? 1 : 0;
const LO = HOST_LITTLE ? 0 : 1;

/** IEEE 754 binary16 bits of a finite double, rounded to nearest-even; overflow gives infinity. */
export function halfBits(d: number): number {
  F64[0] = d;
  const hi = F64_WORDS[HI];
  const lo = F64_WORDS[LO];
  const sign = (hi >>> 16) & 0x8000;
  const exp = (hi >>> 20) & 0x7ff;
  if (exp === 0) return sign; // zero, or a double subnormal: far below half precision
  const e = exp - 1023;
  if (e > 15) return sign | 0x7c00;
  // Significand with its implicit bit: value = m * 2^(e-52).
  const m = (hi & 0xfffff) * 4294967296 + lo + 4503599627370496;
  // Quantum of the target format at this magnitude: 2^(e-10) for normals, 2^-24 below.
  const qexp = e < -14 ? -24 : e - 10;
  const s = qexp - e + 52;
  if (s > 54) return sign; // m < 2^53 is less than half a quantum
  const p = 2 ** s;
  let h = Math.floor(m / p);
  const rem = m - h * p;
  const half = p / 2;
  if (rem > half || (rem === half && (h & 1) === 1)) h++;
  // A carry out of the significand bumps the exponent field naturally.
  const bits = e < -14 ? h : ((e + 15) << 10) + (h - 1024);
  return bits >= 0x7c00 ? sign | 0x7c00 : sign | bits;
}

/** The double a binary16 bit pattern stands for, or undefined for infinities and NaNs. */
export function fromHalfBits(h: number): number | undefined {
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  let v: number;
  if (exp === 31) return undefined;
  if (exp === 0) v = mant * 2 ** -24;
  else v = (1024 + mant) * 2 ** (exp - 25);
  return (h & 0x8000) !== 0 ? -v : v;
}

/** An integer term as a double for a float segment: badarg if not a number or out of range. */
function toDouble(v: Term): number {
  if (v instanceof ErlFloat) return v.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const d = Number(v);
    if (Number.isFinite(d)) return d;
  }
  return badarg();
}

/** `nbytes` big-endian bytes of a non-negative bigint below 2^(8 * nbytes). */
function bigBytesBE(u: bigint, nbytes: number): Uint8Array {
  const out = new Uint8Array(nbytes);
  if (u === 0n) return out;
  let hex = u.toString(16);
  if (hex.length & 1) hex = '0' + hex;
  const n = hex.length >>> 1;
  const at = nbytes - n;
  for (let k = 0; k < n; k++) out[at + k] = parseInt(hex.substr(k * 2, 2), 16);
  return out;
}

/** Number of bits of |v|, for sizing the significant part of a bigint segment. */
function bigBitLength(v: bigint): number {
  return (v < 0n ? -v : v).toString(16).length * 4;
}

const EMPTY = new Uint8Array(0);
const EMPTY_BIN = new BitString(EMPTY, 0);

// ---------------------------------------------------------------------------------------------

export class BitWriter {
  /** The buffer being written (capacity; only the first ceil(pos/8) bytes are meaningful). */
  buf: Uint8Array;
  /** Bits written so far. */
  pos: number;
  /** Capacity in bits (`buf.length * 8`). */
  private cap: number;
  /** The writable buffer written in place (append to the latest binary), else null. */
  private wb: Writable | null;
  /** Whether the result is to be writable (append / private_append). */
  private appending: boolean;

  /**
   * `bs_create_bin` without an append segment, `bs_init2` and `bs_init_bits` once their size is
   * validated (see `BitWriter.init2` / `initBits`). `sizeHintBits` is the expected total: when
   * exact, the result uses the buffer as allocated, with no copy or growth.
   */
  constructor(sizeHintBits = 0) {
    const n = sizeHintBits > 0 ? Math.min((sizeHintBits + 7) >>> 3, (MAX_BITS + 7) >>> 3) : 0;
    this.buf = n > 0 ? allocBytes(n) : EMPTY;
    this.cap = n * 8;
    this.pos = 0;
    this.wb = null;
    this.appending = false;
  }

  /** `bs_init2 Fail Sz Words Regs Flags Dst` (OTP <= 24): a binary of Sz bytes follows. */
  static init2(sizeBytes: Term): BitWriter {
    return new BitWriter(segmentBits(sizeBytes, 8));
  }

  /** `bs_init_bits Fail Sz Words Regs Flags Dst` (OTP <= 24): a bitstring of Sz bits follows. */
  static initBits(sizeBits: Term): BitWriter {
    return new BitWriter(segmentBits(sizeBits, 1));
  }

  /**
   * The `append` / `private_append` first segment of `bs_create_bin` (Unit = that segment's
   * unit, `extraBits` = a hint for what the other segments add), and OTP <= 24 `bs_append Fail
   * Size Extra Live Unit Bin Flags Dst` / `bs_private_append Fail Size Unit Bin Flags Dst`
   * (pass `bsAdd`'s Size as `extraBits`). badarg unless `bin` is a bitstring whose size is a
   * multiple of `unit`. Writes in place when `bin` is the latest binary of a writable buffer.
   */
  static append(bin: Term, unit: number, extraBits = 0): BitWriter {
    return new BitWriter(0).beginAppend(bin, unit, extraBits);
  }

  /**
   * Restarts this writer on a fresh construction of exactly `totalBits` bits (system_limit
   * beyond MAX_BITS): what generated code does with the shared writer `BSW` for each
   * `bs_create_bin` without an append segment.
   */
  begin(totalBits: number): this {
    if (totalBits > MAX_BITS) systemLimit();
    const n = (totalBits + 7) >>> 3;
    this.buf = n > 0 ? allocBytes(n) : EMPTY;
    this.cap = n * 8;
    this.pos = 0;
    this.wb = null;
    this.appending = false;
    return this;
  }

  /** Restarts this writer on an append to `bin` (see `BitWriter.append`). */
  beginAppend(bin: Term, unit: number, extraBits: number): this {
    if (!(bin instanceof BitString)) return badarg();
    const size = bin.bitSize;
    if (unit > 1 && size % unit !== 0) badarg();
    if (extraBits > MAX_BITS) systemLimit();
    this.appending = true;
    this.pos = size;
    const wb = (size & 7) === 0 ? writableOf(bin) : undefined;
    if (wb !== undefined) {
      const buf = wb.buf;
      this.buf = buf;
      this.cap = buf.length * 8;
      this.wb = wb;
      // Bytes past the latest binary may hold an aborted construction: the writer relies on
      // the bits after its position (in the current byte) being zero.
      const i = size >>> 3;
      if (i < buf.length) buf[i] = 0;
      if (extraBits > 0 && size + extraBits > this.cap) this.grow(extraBits);
      return this;
    }
    this.wb = null;
    const need = (size + Math.max(0, extraBits) + 7) >>> 3;
    const cap = Math.min(Math.max(256, need * 2), (MAX_BITS + 7) >>> 3);
    if (need > cap) systemLimit();
    const buf = allocBytes(cap);
    buf.set(bin.bytes);
    this.buf = buf;
    this.cap = cap * 8;
    return this;
  }

  /** The finished bitstring (`Dst` of bs_create_bin; after the last bs_put_* in OTP <= 24). */
  finish(): BitString {
    const pos = this.pos;
    const n = (pos + 7) >>> 3;
    let buf = this.buf;
    this.buf = EMPTY; // a shared writer keeps no buffer alive
    this.cap = 0;
    if (!this.appending) {
      if (buf.length !== n) buf = buf.length > 64 && n < buf.length >>> 1 ? buf.slice(0, n) : buf.subarray(0, n);
      return new BitString(buf, pos);
    }
    const wb = this.wb;
    if (wb !== null && wb.buf === buf) {
      const r = new BitString(buf, pos, wb);
      wb.latest = r;
      return r;
    }
    return newWritable(buf, pos);
  }

  // -------------------------------------------------------------------------------------------
  // Capacity

  private grow(nbits: number): void {
    const end = this.pos + nbits;
    if (end > MAX_BITS) systemLimit();
    const need = (end + 7) >>> 3;
    const maxBytes = (MAX_BITS + 7) >>> 3;
    const cap = Math.min(Math.max(need, this.buf.length * 2, this.appending ? 256 : 16), maxBytes);
    const nb = allocBytes(cap);
    const used = (this.pos + 7) >>> 3;
    if (used > 0) nb.set(used === this.buf.length ? this.buf : this.buf.subarray(0, used));
    this.buf = nb;
    this.cap = cap * 8;
  }

  /** Makes room for `nbits` more bits. */
  private ensure(nbits: number): void {
    if (this.pos + nbits > this.cap) this.grow(nbits);
  }

  // -------------------------------------------------------------------------------------------
  // Raw bit writers (capacity already ensured)

  /** Writes the low `n` (0..32) bits of the unsigned `x`, MSB first. */
  private bits32(x: number, n: number): void {
    const buf = this.buf;
    const p = this.pos;
    this.pos = p + n;
    let i = p >>> 3;
    let o = p & 7;
    if (o === 0) {
      switch (n) {
        case 8:
          buf[i] = x;
          return;
        case 16:
          buf[i] = x >>> 8;
          buf[i + 1] = x;
          return;
        case 24:
          buf[i] = x >>> 16;
          buf[i + 1] = x >>> 8;
          buf[i + 2] = x;
          return;
        case 32:
          buf[i] = x >>> 24;
          buf[i + 1] = x >>> 16;
          buf[i + 2] = x >>> 8;
          buf[i + 3] = x;
          return;
      }
    }
    let rem = n;
    while (rem > 0) {
      const free = 8 - o;
      if (rem <= free) {
        const v = ((x & ((1 << rem) - 1)) << (free - rem)) & 0xff;
        buf[i] = o === 0 ? v : buf[i] | v;
        return;
      }
      rem -= free;
      const v = (x >>> rem) & ((1 << free) - 1);
      buf[i] = o === 0 ? v : buf[i] | v;
      i++;
      o = 0;
    }
  }

  /** Writes `n` copies of one bit (0 or 1): padding and sign extension of wide integers. */
  private fill(bit: number, n: number): void {
    const head = (8 - (this.pos & 7)) & 7;
    if (n <= head + 8) {
      while (n > 0) {
        const k = Math.min(n, 32);
        this.bits32(bit ? (k === 32 ? 0xffffffff : (1 << k) - 1) : 0, k);
        n -= k;
      }
      return;
    }
    if (head > 0) {
      this.bits32(bit ? (1 << head) - 1 : 0, head);
      n -= head;
    }
    const full = n >>> 3;
    const i = this.pos >>> 3;
    this.buf.fill(bit ? 0xff : 0, i, i + full);
    this.pos += full * 8;
    const rest = n & 7;
    if (rest > 0) this.bits32(bit ? (1 << rest) - 1 : 0, rest);
  }

  /** Copies the first `nbits` bits of the left-aligned `src` from byte `so` to the current position. */
  private copyBits(src: Uint8Array, so: number, nbits: number): void {
    const buf = this.buf;
    const p = this.pos;
    this.pos = p + nbits;
    const full = nbits >>> 3;
    const rest = nbits & 7;
    let i = p >>> 3;
    const o = p & 7;
    if (o === 0) {
      if (full > 0) {
        if (full <= 64) for (let k = 0; k < full; k++) buf[i + k] = src[so + k];
        else buf.set(so === 0 && full === src.length ? src : src.subarray(so, so + full), i);
      }
      if (rest > 0) buf[i + full] = src[so + full] & (0xff00 >>> rest);
      return;
    }
    const t = 8 - o;
    let cur = buf[i];
    for (let k = 0; k < full; k++) {
      const b = src[so + k];
      buf[i++] = cur | (b >>> o);
      cur = (b << t) & 0xff;
    }
    if (rest > 0) {
      const b = src[so + full] & (0xff00 >>> rest);
      buf[i] = cur | (b >>> o);
      if (rest > t) buf[i + 1] = (b << t) & 0xff;
    } else {
      buf[i] = cur;
    }
  }

  /** Writes `bits` bits of an integer given as its low/high 32-bit words and sign (0 / 1). */
  private words(lo: number, hi: number, sign: number, bits: number, little: boolean): void {
    if (!little) {
      if (bits > 64) {
        this.fill(sign, bits - 64);
        bits = 64;
      }
      if (bits > 32) {
        const hb = bits - 32;
        this.bits32(hb === 32 ? hi : hi & ((1 << hb) - 1), hb);
        this.bits32(lo, 32);
      } else {
        this.bits32(bits === 32 ? lo : lo & ((1 << bits) - 1), bits);
      }
      return;
    }
    const nb = bits >>> 3;
    const r = bits & 7;
    const m = Math.min(nb, 8);
    for (let k = 0; k < m; k++) this.bits32(k < 4 ? lo >>> (8 * k) : hi >>> (8 * (k - 4)), 8);
    if (nb > 8) this.fill(sign, (nb - 8) * 8);
    if (r > 0) {
      const chunk = nb < 4 ? lo >>> (8 * nb) : nb < 8 ? hi >>> (8 * (nb - 4)) : sign ? 0xff : 0;
      this.bits32(chunk & ((1 << r) - 1), r);
    }
  }

  /** An integer of any size as a bigint (sizes beyond 64 bits). */
  private bigInt(v: bigint, bits: number, little: boolean): void {
    // Only the low `m` bits carry information; the rest is sign extension.
    const m = (((bigBitLength(v) + 1 + 7) >>> 3) << 3) + 8;
    if (bits > m) {
      const sign = v < 0n ? 1 : 0;
      const low = BigInt.asUintN(m, v);
      if (little) {
        this.copyBits(bigBytesBE(low, m >>> 3).reverse(), 0, m);
        this.fill(sign, bits - m);
      } else {
        this.fill(sign, bits - m);
        this.copyBits(bigBytesBE(low, m >>> 3), 0, m);
      }
      return;
    }
    const u = BigInt.asUintN(bits, v);
    const nbytes = (bits + 7) >>> 3;
    const r = bits & 7;
    if (!little) {
      this.copyBits(bigBytesBE(r === 0 ? u : u << BigInt(8 - r), nbytes), 0, bits);
      return;
    }
    const be = bigBytesBE(u, nbytes);
    const img = new Uint8Array(nbytes);
    const full = bits >>> 3;
    for (let k = 0; k < full; k++) img[k] = be[nbytes - 1 - k];
    if (r > 0) img[full] = (be[0] << (8 - r)) & 0xff;
    this.copyBits(img, 0, bits);
  }

  // -------------------------------------------------------------------------------------------
  // Segments

  /**
   * An integer segment with a Size operand (`bs_create_bin` integer, `bs_put_integer Fail Sz
   * Unit Flags Src`): `bits = Size * Unit`, value truncated to the field (two's complement).
   */
  integer(v: Term, size: Term, unit: number, flags: number): void {
    this.int(v, segmentBits(size, unit), flags);
  }

  /** An integer segment of a known, valid bit size (the compiler folded Size * Unit). */
  int(v: Term, bits: number, flags: number): void {
    const little = (flags & (BSF_LITTLE | BSF_NATIVE)) !== 0 && isLittle(flags);
    if (typeof v === 'number') {
      if (this.pos + bits > this.cap) this.grow(bits);
      if (bits <= 32 && (!little || bits <= 8)) {
        this.bits32(bits === 32 ? v >>> 0 : v & ((1 << bits) - 1), bits);
        return;
      }
      if (bits <= 32 && (bits & 7) === 0 && (this.pos & 7) === 0) {
        // Aligned little-endian 16/24/32.
        const x = v >>> 0;
        const buf = this.buf;
        let i = this.pos >>> 3;
        for (let k = 0; k < bits; k += 8) buf[i++] = x >>> k;
        this.pos += bits;
        return;
      }
      const hi = Math.floor(v / 4294967296) >>> 0;
      this.words(v >>> 0, hi, v < 0 ? 1 : 0, bits, little);
      return;
    }
    if (typeof v === 'bigint') {
      if (this.pos + bits > this.cap) this.grow(bits);
      if (bits <= 64) {
        const u = BigInt.asUintN(64, v);
        this.words(Number(u & 0xffffffffn), Number(u >> 32n), 0, bits, little);
      } else {
        this.bigInt(v, bits, little);
      }
      return;
    }
    badarg();
  }

  /** An 8-bit unsigned integer segment (`X:8`, the commonest). */
  u8(v: Term): void {
    if (typeof v !== 'number') return this.int(v, 8, 0);
    if (this.pos + 8 > this.cap) this.grow(8);
    const p = this.pos;
    if ((p & 7) === 0) {
      this.buf[p >>> 3] = v;
      this.pos = p + 8;
    } else {
      this.bits32(v & 0xff, 8);
    }
  }

  /**
   * A float segment with a Size operand (`bs_create_bin` float, `bs_put_float`): Size * Unit
   * must be 16, 32 or 64; the value an integer or float. Values too large for 32 or 16 bits
   * become infinity, as OTP writes them; an integer too large for a double is badarg.
   */
  float(v: Term, size: Term, unit: number, flags: number): void {
    this.floatBits(v, segmentBits(size, unit), flags);
  }

  /** A float segment of a known bit size. */
  floatBits(v: Term, bits: number, flags: number): void {
    const d = toDouble(v);
    const little = isLittle(flags);
    if (bits === 64) SCRATCH_DV.setFloat64(0, d, little);
    else if (bits === 32) SCRATCH_DV.setFloat32(0, d, little);
    else if (bits === 16) SCRATCH_DV.setUint16(0, halfBits(d), little);
    else badarg();
    this.ensure(bits);
    this.copyBits(SCRATCH, 0, bits);
  }

  /**
   * A binary segment with an explicit Size (`bs_create_bin` binary, `bs_put_binary`): the first
   * Size * Unit bits of the bitstring `v`; badarg if it is shorter (longer is truncated).
   */
  binary(v: Term, size: Term, unit: number): void {
    const bits = segmentBits(size, unit);
    if (!(v instanceof BitString) || v.bitSize < bits) badarg();
    this.ensure(bits);
    this.copyBits(v.src, v.off, bits);
  }

  /**
   * A binary segment of size `all` (`X/binary` with unit 8, `X/bits` with unit 1; `bs_put_binary
   * Fail all Unit ...`): the whole bitstring, whose size must be a multiple of Unit.
   */
  binaryAll(v: Term, unit: number): void {
    if (!(v instanceof BitString)) return badarg();
    const bits = v.bitSize;
    if (unit > 1 && bits % unit !== 0) badarg();
    if (bits === 0) return;
    if (this.pos + bits > this.cap) this.grow(bits);
    this.copyBits(v.src, v.off, bits);
  }

  /** A `string` segment / `bs_put_string Len {string,...}`: literal bytes. */
  string(bytes: Uint8Array): void {
    const bits = bytes.length * 8;
    if (this.pos + bits > this.cap) this.grow(bits);
    if (bytes.length === 1 && (this.pos & 7) === 0) {
      this.buf[this.pos >>> 3] = bytes[0];
      this.pos += 8;
      return;
    }
    this.copyBits(bytes, 0, bits);
  }

  /** A bitstring's bits, whole (for runtime code building binaries). */
  bits(b: BitString): void {
    if (b.bitSize === 0) return;
    this.ensure(b.bitSize);
    this.copyBits(b.src, b.off, b.bitSize);
  }

  /** A `utf8` segment / `bs_put_utf8`: badarg unless a Unicode scalar value. */
  utf8(v: Term): void {
    if (typeof v !== 'number' || v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return badarg();
    if (v < 0x80) {
      this.u8(v);
    } else if (v < 0x800) {
      this.ensure(16);
      this.bits32(0xc080 | ((v << 2) & 0x1f00) | (v & 0x3f), 16);
    } else if (v < 0x10000) {
      this.ensure(24);
      this.bits32(0xe08080 | ((v << 4) & 0x0f0000) | ((v << 2) & 0x3f00) | (v & 0x3f), 24);
    } else {
      this.ensure(32);
      this.bits32(((0xf0 | (v >>> 18)) * 16777216 + (((v << 4) & 0x3f0000) | ((v << 2) & 0x3f00) | (v & 0x3f)) + 0x808080) >>> 0, 32);
    }
  }

  /** A `utf16` segment / `bs_put_utf16`: one unit or a surrogate pair, big or little. */
  utf16(v: Term, flags: number): void {
    if (typeof v !== 'number' || v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return badarg();
    const little = isLittle(flags);
    if (v < 0x10000) {
      this.ensure(16);
      this.bits32(little ? ((v & 0xff) << 8) | (v >>> 8) : v, 16);
      return;
    }
    const u = v - 0x10000;
    const hi = 0xd800 | (u >>> 10);
    const lo = 0xdc00 | (u & 0x3ff);
    this.ensure(32);
    if (little) {
      this.bits32(((hi & 0xff) << 8) | (hi >>> 8), 16);
      this.bits32(((lo & 0xff) << 8) | (lo >>> 8), 16);
    } else {
      this.bits32(hi, 16);
      this.bits32(lo, 16);
    }
  }

  /** A `utf32` segment / `bs_put_utf32`. */
  utf32(v: Term, flags: number): void {
    if (typeof v !== 'number' || v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return badarg();
    this.int(v, 32, flags);
  }
}

// ---------------------------------------------------------------------------------------------
// Specialised bs_create_bin (compiler/codegen/bits.ts)

/**
 * The writer generated code builds with: `BSW.begin(Total)` (or `BSW.beginAppend(Bin, Unit,
 * Total)`), one call per segment, `Dst = BSW.finish()`. No Erlang code runs between those
 * calls, so one shared writer serves every construction; an exception half-way leaves it to
 * be restarted by the next `begin`.
 */
export const BSW = new BitWriter(0);

/**
 * The latest binary's writable buffer when `acc` can take `nbytes` more bytes in place: it is
 * the latest binary of its buffer, byte-aligned, a multiple of `unit` bits, with the room.
 */
function inPlace(acc: Term, unit: number, nbytes: number): Writable | undefined {
  if (!(acc instanceof BitString)) return undefined;
  const w = acc.wb as Writable | null;
  const size = acc.bitSize;
  if (w === null || w.latest !== acc || (size & 7) !== 0 || (unit !== 8 && unit !== 1 && size % unit !== 0)) return undefined;
  return (size >>> 3) + nbytes <= w.buf.length ? w : undefined;
}

/**
 * The binary after `w`'s latest, `nbits` longer, as its new latest: for `private_append`
 * (`priv`) the latest itself, grown, since no one else holds it.
 */
function extend(w: Writable, nbits: number, priv: boolean): BitString {
  const latest = w.latest;
  if (priv) return latest.growInPlace(latest.bitSize + nbits);
  const r = new BitString(w.buf, latest.bitSize + nbits, w);
  w.latest = r;
  return r;
}

/**
 * `<<Acc/binary-unit:U, V:8>>` (bs_create_bin append + one 8-bit integer segment; `priv` for
 * private_append).
 */
export function appendByte(acc: Term, unit: number, v: Term, priv = false): BitString {
  if (typeof v === 'number') {
    const w = inPlace(acc, unit, 1);
    if (w !== undefined) {
      w.buf[(acc as BitString).bitSize >>> 3] = v;
      return extend(w, 8, priv);
    }
  }
  BSW.beginAppend(acc, unit, 8);
  BSW.u8(v);
  return BSW.finish();
}

/** `<<Acc/binary-unit:U, "literal">>` (append + one string segment). */
export function appendBytes(acc: Term, unit: number, s: Uint8Array, priv = false): BitString {
  const n = s.length;
  const w = inPlace(acc, unit, n);
  if (w !== undefined) {
    const buf = w.buf;
    const i = (acc as BitString).bitSize >>> 3;
    if (n <= 64) for (let k = 0; k < n; k++) buf[i + k] = s[k];
    else buf.set(s, i);
    return extend(w, n * 8, priv);
  }
  BSW.beginAppend(acc, unit, n * 8);
  BSW.string(s);
  return BSW.finish();
}

/** `<<Acc/binary-unit:U, V/binary-unit:VU>>` (append + one binary segment of size all). */
export function appendBinary(acc: Term, unit: number, v: Term, vunit: number, priv = false): BitString {
  const bits = binAllBits(v, vunit);
  if ((bits & 7) === 0) {
    const n = bits >>> 3;
    const w = inPlace(acc, unit, n);
    if (w !== undefined) {
      const buf = w.buf;
      const i = (acc as BitString).bitSize >>> 3;
      const src = (v as BitString).src;
      const so = (v as BitString).off;
      if (n <= 64) for (let k = 0; k < n; k++) buf[i + k] = src[so + k];
      else buf.set(so === 0 && src.length === n ? src : src.subarray(so, so + n), i);
      return extend(w, bits, priv);
    }
  }
  BSW.beginAppend(acc, unit, bits);
  BSW.binaryAll(v, vunit);
  return BSW.finish();
}

/** Size of a `binary` segment of size `all`: badarg unless a bitstring, a multiple of unit. */
export function binAllBits(v: Term, unit: number): number {
  if (!(v instanceof BitString)) return badarg();
  const bits = v.bitSize;
  if (unit > 1 && bits % unit !== 0) badarg();
  return bits;
}

/** Size of a `utf8` / `utf16` / `utf32` segment (`kind` 8, 16 or 32): badarg unless a code point. */
export function utfBits(v: Term, kind: number): number {
  checkCodePoint(v);
  return kind === 8 ? utf8Size(v) * 8 : kind === 16 ? utf16Size(v) * 8 : 32;
}

// ---------------------------------------------------------------------------------------------
// Generic bs_create_bin

export type SegmentType =
  | 'integer'
  | 'float'
  | 'binary'
  | 'utf8'
  | 'utf16'
  | 'utf32'
  | 'string'
  | 'append'
  | 'private_append';

/**
 * One segment of `bs_create_bin`, as its operands give it: Type, Unit, Flags (numeric, see
 * `flagsFromList`), Src (for `string`, the bytes) and Size (a term; the atom `all` or
 * undefined where the instruction has `all` / `undefined`).
 */
export interface Segment {
  type: SegmentType;
  value: Term | Uint8Array;
  size?: Term;
  unit: number;
  flags: number;
}

/**
 * The whole `bs_create_bin` instruction, generically: every size is checked before anything
 * is written (OTP's order: system_limit from any size wins over badarg from a value), the
 * result is allocated at its exact size (or appended in place).
 */
export function createBin(segs: readonly Segment[]): BitString {
  let total = 0;
  const sizes = new Array<number>(segs.length);
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    let bits: number;
    switch (s.type) {
      case 'integer':
      case 'float':
        bits = segmentBits(s.size as Term, s.unit);
        break;
      case 'binary':
        if (s.size === undefined || s.size === A_ALL) {
          const v = s.value;
          if (!(v instanceof BitString)) return badarg();
          bits = v.bitSize;
          if (s.unit > 1 && bits % s.unit !== 0) badarg();
        } else {
          bits = segmentBits(s.size, s.unit);
        }
        break;
      case 'utf8':
        checkCodePoint(s.value);
        bits = utf8Size(s.value as Term) * 8;
        break;
      case 'utf16':
        checkCodePoint(s.value);
        bits = utf16Size(s.value as Term) * 8;
        break;
      case 'utf32':
        checkCodePoint(s.value);
        bits = 32;
        break;
      case 'string':
        bits = (s.value as Uint8Array).length * 8;
        break;
      case 'append':
      case 'private_append':
        if (k !== 0) throw new Error('append segment must come first');
        bits = 0;
        break;
    }
    sizes[k] = bits;
    total += bits;
    if (total > MAX_BITS) systemLimit();
  }
  let w: BitWriter;
  let k0 = 0;
  if (segs.length > 0 && (segs[0].type === 'append' || segs[0].type === 'private_append')) {
    w = BitWriter.append(segs[0].value as Term, segs[0].unit, total);
    k0 = 1;
  } else {
    w = new BitWriter(total);
  }
  for (let k = k0; k < segs.length; k++) {
    const s = segs[k];
    const v = s.value as Term;
    switch (s.type) {
      case 'integer':
        w.int(v, sizes[k], s.flags);
        break;
      case 'float':
        w.floatBits(v, sizes[k], s.flags);
        break;
      case 'binary':
        if (s.size === undefined || s.size === A_ALL) w.binaryAll(v, s.unit);
        else w.binary(v, sizes[k], 1);
        break;
      case 'utf8':
        w.utf8(v);
        break;
      case 'utf16':
        w.utf16(v, s.flags);
        break;
      case 'utf32':
        w.utf32(v, s.flags);
        break;
      case 'string':
        w.string(s.value as Uint8Array);
        break;
      default:
        throw new Error(`misplaced ${s.type} segment`);
    }
  }
  return w.finish();
}

function checkCodePoint(v: unknown): void {
  if (typeof v !== 'number' || v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) badarg();
}

/** Concatenation of whole bitstrings (runtime helper; `<<A/bits, B/bits>>` without appending). */
export function concatBits(parts: readonly BitString[]): BitString {
  let total = 0;
  for (const p of parts) total += p.bitSize;
  if (total > MAX_BITS) systemLimit();
  const w = new BitWriter(total);
  for (const p of parts) w.bits(p);
  return w.finish();
}

/** The `all` size of a binary segment. */
export { A_ALL as ALL };
