/**
 * Bit-syntax matching: a `MatchContext` is a bitstring plus a bit position, what
 * `bs_start_match3/4` puts in a register. Every matching instruction is a method; a failing
 * match returns `undefined` (getters) or `false` (tests) and leaves the position where it was,
 * never throws. The context reads the bitstring's `src` buffer from its `off`set, so positions
 * are offsets in that buffer (opaque to the code, which only hands them back to
 * bs_set_position). Sub-binaries are slices of the matched buffer when they start on a byte
 * boundary (no copy, and no typed-array view until their `bytes` are read); a sub-bitstring
 * that starts mid-byte, or ends mid-byte before the end of the matched bitstring, is copied,
 * since a BitString's bits are left-aligned in its bytes with zeroed padding.
 *
 * Instruction map (OTP 22-25 operands; `Size` is a term, `Unit` and `Flags` numbers):
 *
 *     bs_start_match3/4 Fail Src Live Dst   -> startMatch(Src)            (undefined: fail)
 *     bs_get_integer2 F Ctx Live Size Unit Flags Dst -> ctx.integer(Size, Unit, Flags)
 *                                              ctx.int(Bits, Flags), ctx.u8() for literal sizes
 *                                              (X:8 unsigned: u8; the compiler folds Size * Unit)
 *     bs_get_float2 ...                     -> ctx.float(Size, Unit, Flags) / ctx.floatBits
 *     bs_get_binary2 ... (Size may be `all`)-> ctx.binary(Size, Unit) / ctx.binaryBits / ctx.binaryAll
 *     bs_skip_bits2 F Ctx Size Unit Flags   -> ctx.skip(Size, Unit) / ctx.skipBits(Bits)
 *     bs_test_tail2 F Ctx Bits              -> ctx.testTail(Bits)
 *     bs_test_unit F Ctx Unit               -> ctx.testUnit(Unit)
 *     bs_match_string F Ctx Bits Bytes      -> ctx.matchString(Bits, Bytes)
 *     bs_get_utf8/16/32 F Ctx Live Flags Dst-> ctx.utf8() / ctx.utf16(Flags) / ctx.utf32(Flags)
 *     bs_skip_utf8/16/32 F Ctx Live Flags   -> ctx.skipUtf8() / skipUtf16(Flags) / skipUtf32(Flags)
 *     bs_get_tail Ctx Dst Live              -> ctx.tail()
 *     bs_get_position Ctx Dst Live          -> ctx.position()
 *     bs_set_position Ctx Pos               -> ctx.setPosition(Pos)
 *
 * OTP 26 `bs_match Fail Ctx {commands, [...]}`: the ensure commands check the length once and
 * the commands after them read without checks:
 *
 *     {ensure_at_least, Stride, Unit}       -> ctx.ensureAtLeast(Stride, Unit)
 *     {ensure_exactly, Stride}              -> ctx.ensureExactly(Stride)
 *     {integer, Live, Flags, Size, Unit, Dst} -> ctx.readInt(Size * Unit, Flags)
 *     {binary, Live, Flags, Size, Unit, Dst}  -> ctx.readBinary(Size * Unit)
 *     {skip, Stride}                        -> ctx.advance(Stride)
 *     {get_tail, Live, Unit, Dst}           -> ctx.tail()
 *     {'=:=', Live, Size, Value}            -> ctx.readEquals(Size, Value)
 *
 * Flags are numeric (BSF_LITTLE | BSF_SIGNED | BSF_NATIVE, see build.ts; `flagsFromList` turns
 * the literal lists of bs_match into them).
 */
import { BitString } from '../binary.js';
import { ErlFloat } from '../float.js';
import { int, type ErlInteger, type Term } from '../term.js';
import { ALL, BSF_LITTLE, BSF_NATIVE, BSF_SIGNED, MAX_BITS, fromHalfBits, isLittle, systemLimit } from './build.js';

const SCRATCH = new Uint8Array(8);
const SCRATCH_DV = new DataView(SCRATCH.buffer);

/** `n` (0..53) bits at bit position `p`, big-endian, as an unsigned number. */
export function readUint(b: Uint8Array, p: number, n: number): number {
  let i = p >>> 3;
  const o = p & 7;
  if (o === 0) {
    switch (n) {
      case 8:
        return b[i];
      case 16:
        return (b[i] << 8) | b[i + 1];
      case 24:
        return (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
      case 32:
        return b[i] * 16777216 + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
    }
  }
  if (n === 0) return 0;
  const avail = 8 - o;
  const first = b[i] & ((1 << avail) - 1);
  if (n <= avail) return first >>> (avail - n);
  let acc = first;
  let need = n - avail;
  i++;
  while (need >= 8) {
    acc = acc * 256 + b[i++];
    need -= 8;
  }
  if (need > 0) acc = acc * (1 << need) + (b[i] >>> (8 - need));
  return acc;
}

/** `bits` bits starting at bit `p`, copied left-aligned into fresh bytes (padding zeroed). */
function extractBits(b: Uint8Array, p: number, bits: number): Uint8Array {
  const n = (bits + 7) >>> 3;
  let i = p >>> 3;
  const o = p & 7;
  let out: Uint8Array;
  if (o === 0) {
    out = b.slice(i, i + n);
  } else {
    out = new Uint8Array(n);
    const t = 8 - o;
    const last = b.length - 1;
    for (let k = 0; k < n; k++, i++) out[k] = ((b[i] << o) | (i < last ? b[i + 1] >>> t : 0)) & 0xff;
  }
  const r = bits & 7;
  if (r !== 0) out[n - 1] &= 0xff00 >>> r;
  return out;
}

function hex2(x: number): string {
  return x < 16 ? '0' + x.toString(16) : x.toString(16);
}

/** Reads an integer field (no bounds check). */
function readInteger(b: Uint8Array, p: number, bits: number, flags: number): ErlInteger {
  if (bits <= 32) {
    let v: number;
    if ((flags & (BSF_LITTLE | BSF_NATIVE)) === 0 || bits <= 8 || !isLittle(flags)) {
      v = readUint(b, p, bits);
    } else if ((p & 7) === 0 && (bits & 7) === 0) {
      const i = p >>> 3;
      v = 0;
      for (let k = (bits >>> 3) - 1; k >= 0; k--) v = v * 256 + b[i + k];
    } else {
      const nb = bits >>> 3;
      const r = bits & 7;
      v = 0;
      let scale = 1;
      for (let k = 0; k < nb; k++, scale *= 256) v += readUint(b, p + 8 * k, 8) * scale;
      if (r !== 0) v += readUint(b, p + 8 * nb, r) * scale;
    }
    if ((flags & BSF_SIGNED) !== 0 && bits > 0 && v >= 2 ** (bits - 1)) v -= 2 ** bits;
    return v;
  }
  const little = (flags & (BSF_LITTLE | BSF_NATIVE)) !== 0 && isLittle(flags);
  const signed = (flags & BSF_SIGNED) !== 0;
  if (bits <= 64) {
    let hi: number;
    let lo: number;
    if (!little) {
      hi = readUint(b, p, bits - 32);
      lo = readUint(b, p + bits - 32, 32);
    } else {
      lo = readUint(b, p, 8) + readUint(b, p + 8, 8) * 256 + readUint(b, p + 16, 8) * 65536 + readUint(b, p + 24, 8) * 16777216;
      const nb = bits >>> 3;
      const r = bits & 7;
      hi = 0;
      let scale = 1;
      for (let k = 4; k < nb; k++, scale *= 256) hi += readUint(b, p + 8 * k, 8) * scale;
      if (r !== 0) hi += readUint(b, p + 8 * nb, r) * scale;
    }
    if (signed && hi >= 2 ** (bits - 33)) hi -= 2 ** (bits - 32);
    if (hi < 2097152 && hi > -2097152) return hi * 4294967296 + lo;
    return int(BigInt(hi) * 4294967296n + BigInt(lo));
  }
  // Wide fields: via a hex string, O(n).
  const r = bits & 7;
  const img = (p & 7) === 0 && r === 0 ? b.subarray(p >>> 3, (p + bits) >>> 3) : extractBits(b, p, bits);
  let hex = '';
  if (!little) {
    for (let k = 0; k < img.length; k++) hex += hex2(img[k]);
  } else {
    const full = bits >>> 3;
    if (r !== 0) hex = (img[full] >>> (8 - r)).toString(16);
    for (let k = full - 1; k >= 0; k--) hex += hex2(img[k]);
  }
  let u = BigInt('0x' + hex);
  if (!little && r !== 0) u >>= BigInt(8 - r);
  return int(signed ? BigInt.asIntN(bits, u) : u);
}

/**
 * The sub-bitstring of `bits` bits at `p` of a bitstring ending at bit `end` of `b`: a slice of
 * `b` (no copy, no view until its bytes are read) when it starts on a byte boundary and ends on
 * one or at the end (whose padding is zero).
 */
function subBits(b: Uint8Array, p: number, bits: number, end: number): BitString {
  if ((p & 7) === 0 && ((bits & 7) === 0 || p + bits === end)) return new BitString(b, bits, null, p >>> 3);
  return new BitString(extractBits(b, p, bits), bits);
}

/** Size * Unit of a Size operand, or -1 when the match must fail (not a non-negative integer). */
function fieldBits(size: Term, unit: number): number {
  return typeof size === 'number' && size >= 0 ? size * unit : -1;
}

export class MatchContext {
  /**
   * The buffer holding the matched bitstring (its `src`: it may begin before the bitstring,
   * at bit `start`, and extend past its end). Positions are bit offsets in this buffer.
   */
  readonly bytes: Uint8Array;
  /** Current position. */
  pos: number;
  /** Where the matched bitstring ends. */
  readonly end: number;
  /** Where it starts. */
  readonly start: number;

  constructor(readonly bin: BitString) {
    if (bin.bitSize > MAX_BITS) systemLimit();
    // Positions are 32-bit: a bitstring deep inside a huge buffer is matched in its own view.
    const inBuffer = bin.off * 8 + bin.bitSize <= MAX_BITS;
    this.bytes = inBuffer ? bin.src : bin.bytes;
    this.start = inBuffer ? bin.off * 8 : 0;
    this.pos = this.start;
    this.end = this.start + bin.bitSize;
  }

  /** Bits left to match. */
  get remaining(): number {
    return this.end - this.pos;
  }

  // ------------------------------------------------------------------------------------------
  // Integers

  /** `bs_get_integer2 Fail Ctx Live Size Unit Flags Dst`. */
  integer(size: Term, unit: number, flags: number): ErlInteger | undefined {
    const bits = fieldBits(size, unit);
    if (bits < 0) return undefined;
    return this.int(bits, flags);
  }

  /** `bs_get_integer2` with a literal size: `bits` = Size * Unit. */
  int(bits: number, flags: number): ErlInteger | undefined {
    const p = this.pos;
    if (bits > this.end - p) return undefined;
    this.pos = p + bits;
    if (flags === 0 && bits <= 32) return readUint(this.bytes, p, bits);
    return readInteger(this.bytes, p, bits, flags);
  }

  /** `X:8` (unsigned): the commonest integer segment. */
  u8(): number | undefined {
    const p = this.pos;
    if (p + 8 > this.end) return undefined;
    this.pos = p + 8;
    if ((p & 7) === 0) return this.bytes[p >>> 3];
    const i = p >>> 3;
    const o = p & 7;
    return ((this.bytes[i] << o) | (this.bytes[i + 1] >>> (8 - o))) & 0xff;
  }

  // ------------------------------------------------------------------------------------------
  // Floats

  /** `bs_get_float2 Fail Ctx Live Size Unit Flags Dst`: 16, 32 or 64 bits; NaN / inf fail. */
  float(size: Term, unit: number, flags: number): ErlFloat | undefined {
    const bits = fieldBits(size, unit);
    if (bits < 0) return undefined;
    return this.floatBits(bits, flags);
  }

  /** `bs_get_float2` with a literal size. (A 0-bit float matches as 0.0, as in OTP.) */
  floatBits(bits: number, flags: number): ErlFloat | undefined {
    const p = this.pos;
    if (bits === 0) return new ErlFloat(0);
    if (bits > this.end - p || (bits !== 64 && bits !== 32 && bits !== 16)) return undefined;
    const b = this.bytes;
    const n = bits >>> 3;
    if ((p & 7) === 0) {
      const i = p >>> 3;
      for (let k = 0; k < n; k++) SCRATCH[k] = b[i + k];
    } else {
      for (let k = 0; k < n; k++) SCRATCH[k] = readUint(b, p + 8 * k, 8);
    }
    const little = isLittle(flags);
    let v: number | undefined;
    if (bits === 64) v = SCRATCH_DV.getFloat64(0, little);
    else if (bits === 32) v = SCRATCH_DV.getFloat32(0, little);
    else v = fromHalfBits(SCRATCH_DV.getUint16(0, little));
    if (v === undefined || !Number.isFinite(v)) return undefined;
    this.pos = p + bits;
    return new ErlFloat(v);
  }

  // ------------------------------------------------------------------------------------------
  // Binaries

  /** `bs_get_binary2 Fail Ctx Live Size Unit Flags Dst`; Size may be the atom `all`. */
  binary(size: Term, unit: number): BitString | undefined {
    if (size === ALL) return this.binaryAll(unit);
    const bits = fieldBits(size, unit);
    if (bits < 0) return undefined;
    return this.binaryBits(bits);
  }

  /** `bs_get_binary2` with a literal size. */
  binaryBits(bits: number): BitString | undefined {
    const p = this.pos;
    if (bits > this.end - p) return undefined;
    this.pos = p + bits;
    return subBits(this.bytes, p, bits, this.end);
  }

  /** `bs_get_binary2 ... all Unit`: the rest, which must be a multiple of Unit bits. */
  binaryAll(unit: number): BitString | undefined {
    const rest = this.end - this.pos;
    if (unit > 1 && rest % unit !== 0) return undefined;
    const t = this.tail();
    this.pos = this.end;
    return t;
  }

  /**
   * `bs_get_tail Ctx Dst Live` (and bs_match's get_tail): the unmatched rest. The position
   * stays: the compiler goes on matching the tail through the same context (string's
   * bin_search_loop matches `<<_:Where/binary, Rest/binary>> = Tail` that way).
   */
  tail(): BitString {
    const p = this.pos;
    if (p === this.start) return this.bin;
    return subBits(this.bytes, p, this.end - p, this.end);
  }

  // ------------------------------------------------------------------------------------------
  // Skips and tests

  /** `bs_skip_bits2 Fail Ctx Size Unit Flags`; Size may be `all` (rest a multiple of Unit). */
  skip(size: Term, unit: number): boolean {
    if (size === ALL) {
      const rest = this.end - this.pos;
      if (unit > 1 && rest % unit !== 0) return false;
      this.pos = this.end;
      return true;
    }
    const bits = fieldBits(size, unit);
    return bits >= 0 && this.skipBits(bits);
  }

  /** `bs_skip_bits2` with a literal size. */
  skipBits(bits: number): boolean {
    if (bits > this.end - this.pos) return false;
    this.pos += bits;
    return true;
  }

  /** `bs_test_tail2 Fail Ctx Bits`: exactly `bits` bits remain. */
  testTail(bits: number): boolean {
    return this.end - this.pos === bits;
  }

  /** `bs_test_unit Fail Ctx Unit`: the remaining size is a multiple of `unit`. */
  testUnit(unit: number): boolean {
    return unit <= 1 || (this.end - this.pos) % unit === 0;
  }

  /** `bs_match_string Fail Ctx Bits Bytes`: the next `bits` bits equal the literal's. */
  matchString(bits: number, str: Uint8Array): boolean {
    const p = this.pos;
    if (bits > this.end - p) return false;
    const b = this.bytes;
    const full = bits >>> 3;
    const r = bits & 7;
    if ((p & 7) === 0) {
      const i = p >>> 3;
      for (let k = 0; k < full; k++) if (b[i + k] !== str[k]) return false;
      if (r !== 0 && ((b[i + full] ^ str[full]) & (0xff00 >>> r)) !== 0) return false;
    } else {
      for (let k = 0; k < full; k++) if (readUint(b, p + 8 * k, 8) !== str[k]) return false;
      if (r !== 0 && readUint(b, p + 8 * full, r) !== str[full] >>> (8 - r)) return false;
    }
    this.pos = p + bits;
    return true;
  }

  /** `bs_get_position Ctx Dst Live`. */
  position(): number {
    return this.pos;
  }

  /** `bs_set_position Ctx Pos`. */
  setPosition(pos: number): void {
    this.pos = pos;
  }

  // ------------------------------------------------------------------------------------------
  // UTF

  /** `bs_get_utf8 Fail Ctx Live Flags Dst`: a well-formed UTF-8 scalar value. */
  utf8(): number | undefined {
    const p = this.pos;
    const rem = this.end - p;
    if (rem < 8) return undefined;
    const b = this.bytes;
    const aligned = (p & 7) === 0;
    const i = p >>> 3;
    const b0 = aligned ? b[i] : readUint(b, p, 8);
    if (b0 < 0x80) {
      this.pos = p + 8;
      return b0;
    }
    let n: number;
    let cp: number;
    if (b0 < 0xc2) return undefined;
    if (b0 < 0xe0) {
      n = 2;
      cp = b0 & 0x1f;
    } else if (b0 < 0xf0) {
      n = 3;
      cp = b0 & 0x0f;
    } else if (b0 < 0xf5) {
      n = 4;
      cp = b0 & 0x07;
    } else {
      return undefined;
    }
    if (rem < n * 8) return undefined;
    for (let k = 1; k < n; k++) {
      const c = aligned ? b[i + k] : readUint(b, p + 8 * k, 8);
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (n === 3 ? cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) : n === 4 && (cp < 0x10000 || cp > 0x10ffff)) {
      return undefined;
    }
    this.pos = p + n * 8;
    return cp;
  }

  /** `bs_get_utf16 Fail Ctx Live Flags Dst`: one unit or a surrogate pair. */
  utf16(flags: number): number | undefined {
    const p = this.pos;
    const rem = this.end - p;
    if (rem < 16) return undefined;
    const little = isLittle(flags);
    const w1 = readInteger(this.bytes, p, 16, little ? BSF_LITTLE : 0) as number;
    if (w1 < 0xd800 || w1 > 0xdfff) {
      this.pos = p + 16;
      return w1;
    }
    if (w1 >= 0xdc00 || rem < 32) return undefined;
    const w2 = readInteger(this.bytes, p + 16, 16, little ? BSF_LITTLE : 0) as number;
    if (w2 < 0xdc00 || w2 > 0xdfff) return undefined;
    this.pos = p + 32;
    return 0x10000 + ((w1 - 0xd800) << 10) + (w2 - 0xdc00);
  }

  /** `bs_get_utf32 Fail Ctx Live Flags Dst`. */
  utf32(flags: number): number | undefined {
    const p = this.pos;
    if (this.end - p < 32) return undefined;
    const v = readInteger(this.bytes, p, 32, isLittle(flags) ? BSF_LITTLE : 0) as number;
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    this.pos = p + 32;
    return v;
  }

  /** `bs_skip_utf8 Fail Ctx Live Flags`. */
  skipUtf8(): boolean {
    return this.utf8() !== undefined;
  }

  /** `bs_skip_utf16 Fail Ctx Live Flags`. */
  skipUtf16(flags: number): boolean {
    return this.utf16(flags) !== undefined;
  }

  /** `bs_skip_utf32 Fail Ctx Live Flags`. */
  skipUtf32(flags: number): boolean {
    return this.utf32(flags) !== undefined;
  }

  // ------------------------------------------------------------------------------------------
  // OTP 26 bs_match commands

  /** `{ensure_at_least, Stride, Unit}`: at least Stride bits remain, and the rest after them is a multiple of Unit. */
  ensureAtLeast(stride: number, unit: number): boolean {
    const rem = this.end - this.pos;
    return rem >= stride && (unit <= 1 || (rem - stride) % unit === 0);
  }

  /** `{ensure_exactly, Stride}`: exactly Stride bits remain. */
  ensureExactly(stride: number): boolean {
    return this.end - this.pos === stride;
  }

  /** `{integer, Live, Flags, Size, Unit, Dst}` after an ensure: no bounds check. */
  readInt(bits: number, flags: number): ErlInteger {
    const p = this.pos;
    this.pos = p + bits;
    if (flags === 0 && bits <= 32) return readUint(this.bytes, p, bits);
    return readInteger(this.bytes, p, bits, flags);
  }

  /** `{binary, Live, Flags, Size, Unit, Dst}` after an ensure: no bounds check. */
  readBinary(bits: number): BitString {
    const p = this.pos;
    this.pos = p + bits;
    return subBits(this.bytes, p, bits, this.end);
  }

  /** `{skip, Stride}` after an ensure. */
  advance(bits: number): void {
    this.pos += bits;
  }

  /** `{'=:=', Live, Size, Value}`: the next Size bits, unsigned big-endian, equal Value. */
  readEquals(bits: number, value: ErlInteger): boolean {
    const p = this.pos;
    if (readInteger(this.bytes, p, bits, 0) !== value) return false;
    this.pos = p + bits;
    return true;
  }
}

/**
 * `bs_start_match3 Fail Src Live Dst` / `bs_start_match4 Fail Live Src Dst`: a new context on a
 * bitstring, the same context when `src` already is one (a callee continuing its caller's
 * match), undefined (fail) for anything else.
 */
export function startMatch(src: Term | MatchContext): MatchContext | undefined {
  if (src instanceof MatchContext) return src;
  if (src instanceof BitString) return new MatchContext(src);
  return undefined;
}
