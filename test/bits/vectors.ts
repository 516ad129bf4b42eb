// Loads test/vectors/bits.json (scripts/gen-bits-vectors.mjs) and replays its construction and
// match shapes through the bit-syntax API, the way compiled code calls it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { ALL, BSF_LITTLE, BSF_NATIVE, BSF_SIGNED, BitWriter, createBin, segmentBits, type Segment } from '../../runtime/term/bits/build.js';
import { MatchContext, startMatch } from '../../runtime/term/bits/match.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { listToArray } from '../../runtime/term/list.js';
import { int, type Term } from '../../runtime/term/term.js';

export interface Seg {
  t: 'integer' | 'float' | 'binary' | 'utf8' | 'utf16' | 'utf32';
  s: number | 'v' | 'all' | null | { ref: number };
  u: number;
  f: string[];
  k?: 'bind' | 'skip' | 'eq' | 'str';
  str?: string;
}
export interface Shape {
  src: string;
  segs: Seg[];
  runs: [string, string][];
}
export interface BifVector {
  m: string;
  f: string;
  src: string;
  args: string;
  out: string;
  cp?: number;
}
export interface BitsVectors {
  otp: string;
  build: Shape[];
  match: Shape[];
  bifs: BifVector[];
}

export const bitsVectors: BitsVectors = JSON.parse(readFileSync(fileURLToPath(new URL('../vectors/bits.json', import.meta.url)), 'utf8'));

export const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
export const decodeHex = (h: string): Term => decodeExternal(fromHex(h));
export const args = (h: string): Term[] => listToArray(decodeHex(h))!;

export function flagsOf(f: string[]): number {
  let x = 0;
  for (const n of f) {
    if (n === 'little') x |= BSF_LITTLE;
    else if (n === 'native') x |= BSF_NATIVE;
    else if (n === 'signed') x |= BSF_SIGNED;
  }
  return x;
}

const OK = atom('ok');
const NOMATCH = atom('nomatch');

/** Runs `fn`, giving `{ok, Result}` or `{Class, Reason}` as OTP's driver records them. */
export function outcome(fn: () => Term): Term {
  try {
    return [OK, fn()];
  } catch (e) {
    if (e instanceof ErlangException) return [e.cls, e.reason];
    throw e;
  }
}

export type BuildMode = 'low' | 'create' | 'plain' | 'inplace';

/**
 * Replays a construction: `low` as the compiler emits it (sizes first, then one writer call per
 * segment; an `all` binary first is an append), `create` through createBin, `plain` without the
 * append, `inplace` appending to a copy of the first argument that is the latest binary of a
 * writable buffer.
 */
export function runBuild(segs: Seg[], a: Term[], mode: BuildMode): Term {
  return outcome(() => {
    const values: Term[] = [];
    const sizes: Term[] = [];
    let ai = 0;
    for (const s of segs) {
      values.push(a[ai++]);
      sizes.push(s.s === 'v' ? a[ai++] : (s.s as Term));
    }
    const append = segs.length > 0 && segs[0].t === 'binary' && segs[0].s === 'all' && mode !== 'plain';
    if (mode === 'inplace' && append && values[0] instanceof BitString) {
      const w0 = BitWriter.append(new BitString(new Uint8Array(0), 0), 1);
      w0.bits(values[0]);
      values[0] = w0.finish();
    }
    if (mode === 'create') {
      const specs: Segment[] = segs.map((s, i) => ({
        type: i === 0 && append ? 'append' : s.t,
        value: values[i],
        size: s.s === 'all' ? ALL : s.s === null ? undefined : sizes[i],
        unit: s.u,
        flags: flagsOf(s.f),
      }));
      return createBin(specs);
    }
    // Dynamic sizes are computed before anything is written.
    const bits = segs.map((s, i) => (s.s === 'v' ? segmentBits(sizes[i], s.u) : typeof s.s === 'number' ? s.s * s.u : -1));
    let w: BitWriter;
    let start = 0;
    if (append) {
      w = BitWriter.append(values[0], segs[0].u, 0);
      start = 1;
    } else {
      w = new BitWriter(bits.reduce((x, y) => x + Math.max(0, y), 0));
    }
    for (let i = start; i < segs.length; i++) {
      const s = segs[i];
      const v = values[i];
      const f = flagsOf(s.f);
      switch (s.t) {
        case 'integer':
          if (bits[i] === 8 && f === 0) w.u8(v);
          else w.int(v, bits[i], f);
          break;
        case 'float':
          w.floatBits(v, bits[i], f);
          break;
        case 'binary':
          if (s.s === 'all') w.binaryAll(v, s.u);
          else w.binary(v, bits[i], 1);
          break;
        case 'utf8':
          w.utf8(v);
          break;
        case 'utf16':
          w.utf16(v, f);
          break;
        case 'utf32':
          w.utf32(v, f);
          break;
      }
    }
    return w.finish();
  });
}

/** Like runBuild `low`, but with the Size operands as terms (`integer(V, Size, Unit, ...)`). */
export function runBuildTerms(segs: Seg[], a: Term[]): Term {
  return outcome(() => {
    let ai = 0;
    const w = new BitWriter();
    for (const s of segs) {
      const v = a[ai++];
      const size = s.s === 'v' ? a[ai++] : (s.s as Term);
      const f = flagsOf(s.f);
      switch (s.t) {
        case 'integer':
          w.integer(v, size, s.u, f);
          break;
        case 'float':
          w.float(v, size, s.u, f);
          break;
        case 'binary':
          if (s.s === 'all') w.binaryAll(v, s.u);
          else w.binary(v, size, s.u);
          break;
        case 'utf8':
          w.utf8(v);
          break;
        case 'utf16':
          w.utf16(v, f);
          break;
        case 'utf32':
          w.utf32(v, f);
          break;
      }
    }
    return w.finish();
  });
}

function strBytes(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, 'latin1'));
}

/** Replays a match with the checked (OTP <= 25) instructions. Returns the bound values or null. */
export function runMatchCtx(ctx: MatchContext, segs: Seg[], extra: Term[]): Term[] | null {
  let ai = 0;
  const vals: Term[] = [];
  const bound: Term[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const eq = s.k === 'eq' ? extra[ai++] : undefined;
    const f = flagsOf(s.f);
    if (s.k === 'str') {
      const b = strBytes(s.str!);
      if (!ctx.matchString(b.length * 8, b)) return null;
      continue;
    }
    let sizeTerm: Term | undefined;
    let lit = -1;
    if (s.s === 'v') sizeTerm = extra[ai++];
    else if (s.s !== null && typeof s.s === 'object') sizeTerm = vals[s.s.ref];
    else if (typeof s.s === 'number') lit = s.s * s.u;
    let v: Term | undefined;
    if (s.k === 'skip') {
      let ok: boolean;
      if (s.t === 'utf8') ok = ctx.skipUtf8();
      else if (s.t === 'utf16') ok = ctx.skipUtf16(f);
      else if (s.t === 'utf32') ok = ctx.skipUtf32(f);
      else if (s.s === 'all') ok = ctx.skip(ALL, s.u);
      else if (lit >= 0) ok = ctx.skipBits(lit);
      else ok = ctx.skip(sizeTerm!, s.u);
      if (!ok) return null;
      continue;
    }
    switch (s.t) {
      case 'integer':
        v = lit >= 0 ? (lit === 8 && f === 0 ? ctx.u8() : ctx.int(lit, f)) : ctx.integer(sizeTerm!, s.u, f);
        break;
      case 'float':
        v = lit >= 0 ? ctx.floatBits(lit, f) : ctx.float(sizeTerm!, s.u, f);
        break;
      case 'binary':
        v = s.s === 'all' ? ctx.binary(ALL, s.u) : lit >= 0 ? ctx.binaryBits(lit) : ctx.binary(sizeTerm!, s.u);
        break;
      case 'utf8':
        v = ctx.utf8();
        break;
      case 'utf16':
        v = ctx.utf16(f);
        break;
      case 'utf32':
        v = ctx.utf32(f);
        break;
    }
    if (v === undefined) return null;
    vals[i] = v;
    if (s.k === 'eq') {
      if (!exactEqual(v, eq!)) return null;
    } else {
      bound.push(v);
    }
  }
  return ctx.testTail(0) ? bound : null;
}

/**
 * Replays a match the OTP 26 way where it can (literal sizes; integers, binaries, skips and
 * strings, then an optional `all` tail): one ensure, then unchecked reads. Undefined when the
 * shape does not fit.
 */
export function runBsMatch(ctx: MatchContext, segs: Seg[]): Term[] | null | undefined {
  let fixed = 0;
  let tailUnit = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (s.k === 'eq') return undefined;
    if (s.k === 'str') {
      fixed += s.str!.length * 8;
      continue;
    }
    if (s.t === 'binary' && s.s === 'all') {
      if (i !== segs.length - 1) return undefined;
      tailUnit = s.u;
      continue;
    }
    if ((s.t !== 'integer' && s.t !== 'binary') || typeof s.s !== 'number') return undefined;
    fixed += s.s * s.u;
  }
  const ok = tailUnit === 0 ? ctx.ensureExactly(fixed) : ctx.ensureAtLeast(fixed, tailUnit);
  if (!ok) return null;
  const bound: Term[] = [];
  for (const s of segs) {
    if (s.k === 'str') {
      const b = strBytes(s.str!);
      const value = int(BigInt('0x' + (Buffer.from(b).toString('hex') || '0')));
      if (!ctx.readEquals(b.length * 8, value)) return null;
      continue;
    }
    if (s.t === 'binary' && s.s === 'all') {
      if (s.k === 'skip') ctx.advance(ctx.remaining);
      else bound.push(ctx.tail());
      continue;
    }
    const bits = (s.s as number) * s.u;
    if (s.k === 'skip') ctx.advance(bits);
    else if (s.t === 'integer') bound.push(ctx.readInt(bits, flagsOf(s.f)));
    else bound.push(ctx.readBinary(bits));
  }
  return bound;
}

/** The expected match result of a run: the bound values, or null for nomatch. */
export function expectedMatch(res: Term): Term[] | null {
  const r = res as Term[];
  if (r[0] !== OK) throw new Error('match vector raised');
  if (r[1] === NOMATCH) return null;
  return listToArray((r[1] as Term[])[1])!;
}

export function sameValues(a: Term[] | null, b: Term[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => exactEqual(x, b[i]));
}

/** Runs a match on `bin` placed at bit offset `shift` inside a larger bitstring. */
export function atOffset(bin: BitString, shift: number): MatchContext {
  const w = new BitWriter();
  w.int(0b10110, shift, 0);
  w.bits(bin);
  const ctx = startMatch(w.finish())!;
  ctx.skipBits(shift);
  return ctx;
}

/** The same bitstring as a view into the middle of a larger buffer. */
export function asView(bin: BitString): BitString {
  const big = new Uint8Array(bin.bytes.length + 9).fill(0xa5);
  big.set(bin.bytes, 4);
  return new BitString(big.subarray(4, 4 + bin.bytes.length), bin.bitSize);
}

/** Checks the BitString contract: exact byte length, zero padding. */
export function wellFormed(b: BitString): boolean {
  if (b.bytes.length !== (b.bitSize + 7) >>> 3) return false;
  const r = b.bitSize & 7;
  return r === 0 || (b.bytes[b.bytes.length - 1] & (0xff >> r)) === 0;
}
