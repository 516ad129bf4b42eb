/**
 * A writer of `.beam` files from a JS description, for tests and committed fixtures.
 *
 * It plays the part of OTP's `beam_asm` + `beam_dict`: instructions are written with
 * assembler-level operands (`atom('ok')`, `lit(term)`, `extfunc('erlang', 'abs', 1)`,
 * `loc('m.erl', 12)`, ...) and the builder interns atoms, literals, imports, strings and
 * line locations into their tables, then lays out the IFF container the way OTP does.
 * Format differences between releases are options: `atomLayout` (`otp27`: positive count
 * and 1-byte lengths; `otp28`: negative count and compact-term `u` lengths), `literalLayout`
 * (`compressed`: zlib, OTP ≤ 27; `raw`: uncompressed-size 0 then the plain table, OTP 28),
 * and the `Type` chunk version (1: OTP 25, 2: OTP 26, 3: OTP 27+).
 *
 * Besides the bytes, `buildBeam` returns what it encoded, resolved the way a reader should
 * decode it (atom table, literal terms, instructions as `Instruction`s with `Operand`s), so
 * tests can compare a reader's output with the builder's intent.
 *
 * Written from the format as OTP 25's compiler-8.2.3 `beam_asm.erl`/`beam_dict.erl` produce
 * it, plus the OTP 26–28 changes; no code is taken from other projects.
 */
import { createHash } from 'node:crypto';
import pako from 'pako';
import { Atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { ExportFun } from '../../runtime/term/fun.js';
import { Cons, NIL, Nil } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import { int, type ErlInteger, type Term } from '../../runtime/term/term.js';
import type { Instruction } from '../../compiler/beam/instruction.js';
import type { Operand } from '../../compiler/beam/operand.js';

// ---------------------------------------------------------------------------------------
// Generic opcodes (genop.tab): number -> [name, arity]
// ---------------------------------------------------------------------------------------

/** Generic instruction set, opcodes 1..184 (OTP 28). Index = opcode. */
export const GENOP: ReadonlyArray<readonly [name: string, arity: number] | undefined> = [
  undefined,
  ['label', 1], ['func_info', 3], ['int_code_end', 0], ['call', 2], ['call_last', 3],
  ['call_only', 2], ['call_ext', 2], ['call_ext_last', 3], ['bif0', 2], ['bif1', 4],
  ['bif2', 5], ['allocate', 2], ['allocate_heap', 3], ['allocate_zero', 2],
  ['allocate_heap_zero', 3], ['test_heap', 2], ['init', 1], ['deallocate', 1], ['return', 0],
  ['send', 0], ['remove_message', 0], ['timeout', 0], ['loop_rec', 2], ['loop_rec_end', 1],
  ['wait', 1], ['wait_timeout', 2], ['m_plus', 4], ['m_minus', 4], ['m_times', 4],
  ['m_div', 4], ['int_div', 4], ['int_rem', 4], ['int_band', 4], ['int_bor', 4],
  ['int_bxor', 4], ['int_bsl', 4], ['int_bsr', 4], ['int_bnot', 3], ['is_lt', 3],
  ['is_ge', 3], ['is_eq', 3], ['is_ne', 3], ['is_eq_exact', 3], ['is_ne_exact', 3],
  ['is_integer', 2], ['is_float', 2], ['is_number', 2], ['is_atom', 2], ['is_pid', 2],
  ['is_reference', 2], ['is_port', 2], ['is_nil', 2], ['is_binary', 2], ['is_constant', 2],
  ['is_list', 2], ['is_nonempty_list', 2], ['is_tuple', 2], ['test_arity', 3],
  ['select_val', 3], ['select_tuple_arity', 3], ['jump', 1], ['catch', 2], ['catch_end', 1],
  ['move', 2], ['get_list', 3], ['get_tuple_element', 3], ['set_tuple_element', 3],
  ['put_string', 3], ['put_list', 3], ['put_tuple', 2], ['put', 1], ['badmatch', 1],
  ['if_end', 0], ['case_end', 1], ['call_fun', 1], ['make_fun', 3], ['is_function', 2],
  ['call_ext_only', 2], ['bs_start_match', 2], ['bs_get_integer', 5], ['bs_get_float', 5],
  ['bs_get_binary', 5], ['bs_skip_bits', 4], ['bs_test_tail', 2], ['bs_save', 1],
  ['bs_restore', 1], ['bs_init', 2], ['bs_final', 2], ['bs_put_integer', 5],
  ['bs_put_binary', 5], ['bs_put_float', 5], ['bs_put_string', 2], ['bs_need_buf', 1],
  ['fclearerror', 0], ['fcheckerror', 1], ['fmove', 2], ['fconv', 2], ['fadd', 4],
  ['fsub', 4], ['fmul', 4], ['fdiv', 4], ['fnegate', 3], ['make_fun2', 1], ['try', 2],
  ['try_end', 1], ['try_case', 1], ['try_case_end', 1], ['raise', 2], ['bs_init2', 6],
  ['bs_bits_to_bytes', 3], ['bs_add', 5], ['apply', 1], ['apply_last', 2], ['is_boolean', 2],
  ['is_function2', 3], ['bs_start_match2', 5], ['bs_get_integer2', 7], ['bs_get_float2', 7],
  ['bs_get_binary2', 7], ['bs_skip_bits2', 5], ['bs_test_tail2', 3], ['bs_save2', 2],
  ['bs_restore2', 2], ['gc_bif1', 5], ['gc_bif2', 6], ['bs_final2', 2],
  ['bs_bits_to_bytes2', 2], ['put_literal', 2], ['is_bitstr', 2], ['bs_context_to_binary', 1],
  ['bs_test_unit', 3], ['bs_match_string', 4], ['bs_init_writable', 0], ['bs_append', 8],
  ['bs_private_append', 6], ['trim', 2], ['bs_init_bits', 6], ['bs_get_utf8', 5],
  ['bs_skip_utf8', 4], ['bs_get_utf16', 5], ['bs_skip_utf16', 4], ['bs_get_utf32', 5],
  ['bs_skip_utf32', 4], ['bs_utf8_size', 3], ['bs_put_utf8', 3], ['bs_utf16_size', 3],
  ['bs_put_utf16', 3], ['bs_put_utf32', 3], ['on_load', 0], ['recv_mark', 1],
  ['recv_set', 1], ['gc_bif3', 7], ['line', 1], ['put_map_assoc', 5], ['put_map_exact', 5],
  ['is_map', 2], ['has_map_fields', 3], ['get_map_elements', 3], ['is_tagged_tuple', 4],
  ['build_stacktrace', 0], ['raw_raise', 0], ['get_hd', 2], ['get_tl', 2], ['put_tuple2', 2],
  ['bs_get_tail', 3], ['bs_start_match3', 4], ['bs_get_position', 3], ['bs_set_position', 2],
  ['swap', 2], ['bs_start_match4', 4], ['make_fun3', 3], ['init_yregs', 1],
  ['recv_marker_bind', 2], ['recv_marker_clear', 1], ['recv_marker_reserve', 1],
  ['recv_marker_use', 1], ['bs_create_bin', 6], ['call_fun2', 3], ['nif_start', 0],
  ['badrecord', 1],
  // OTP 26
  ['update_record', 5], ['bs_match', 3],
  // OTP 27
  ['executable_line', 2],
  // OTP 28
  ['debug_line', 4],
];

const OPCODE_BY_NAME: ReadonlyMap<string, number> = new Map(
  GENOP.flatMap((e, i) => (e === undefined ? [] : [[e[0], i] as const])),
);

export function opcodeOf(name: string): number {
  const n = OPCODE_BY_NAME.get(name);
  if (n === undefined) throw new Error(`unknown generic instruction ${name}`);
  return n;
}

// ---------------------------------------------------------------------------------------
// Byte writer
// ---------------------------------------------------------------------------------------

export class ByteWriter {
  private buf = new Uint8Array(256);
  private len = 0;

  get length(): number {
    return this.len;
  }
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  u8(v: number): this {
    this.room(1);
    this.buf[this.len++] = v & 0xff;
    return this;
  }
  u16(v: number): this {
    return this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.u8(v >>> 24).u8(v >>> 16).u8(v >>> 8).u8(v);
  }
  /** 32-bit two's complement (for the OTP 28 negative atom count). */
  i32(v: number): this {
    return this.u32(v >>> 0);
  }
  i64(v: bigint): this {
    const u = BigInt.asUintN(64, v);
    return this.u32(Number(u >> 32n)).u32(Number(u & 0xffffffffn));
  }
  f64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    return this.bytes(b);
  }
  bytes(b: Uint8Array | readonly number[]): this {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
    return this;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const w = new ByteWriter();
  for (const p of parts) w.bytes(p);
  return w.done();
}

const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------------------
// Compact term encoding (beam_asm:encode/2)
// ---------------------------------------------------------------------------------------

export const TAG = { u: 0, i: 1, a: 2, x: 3, y: 4, f: 5, h: 6, z: 7 } as const;
export type CompactTag = (typeof TAG)[keyof typeof TAG];

/** Minimal big-endian magnitude of a non-negative integer (`binary:encode_unsigned/1`). */
function unsignedBytes(n: bigint): number[] {
  if (n === 0n) return [0];
  const out: number[] = [];
  while (n > 0n) {
    out.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return out;
}

/** `to_bytes/1`: big-endian, with a leading 0 when the top bit is set (keeps it positive). */
function positiveBytes(n: bigint): number[] {
  const b = unsignedBytes(n);
  return b[0] & 0x80 ? [0, ...b] : b;
}

/** `negative_to_bytes/1`: two's complement, at least 2 bytes, sign bit set. */
function negativeBytes(n: bigint): number[] {
  if (n >= -0x8000n) {
    const v = Number(BigInt.asUintN(16, n));
    return [v >> 8, v & 0xff];
  }
  const size = unsignedBytes(-n).length;
  const v = BigInt.asUintN(size * 8, n);
  const b: number[] = [];
  for (let i = size - 1; i >= 0; i--) b.push(Number((v >> BigInt(i * 8)) & 0xffn));
  return b[0] & 0x80 ? b : [0xff, ...b];
}

function encodeWithBytes(tag: number, bytes: readonly number[]): number[] {
  const num = bytes.length;
  if (num >= 2 && num <= 8) return [((num - 2) << 5) | 0b00011000 | tag, ...bytes];
  if (num > 8) return [0b11111000 | tag, ...encodeCompact(TAG.u, num - 9), ...bytes];
  throw new Error('encodeWithBytes: fewer than 2 bytes');
}

/**
 * One compact term, exactly as `beam_asm:encode(Tag, N)`: values < 16 in one byte,
 * < 2048 in two, otherwise a length-prefixed big-endian two's complement form (2..8 bytes
 * inline, longer with a nested `u` length). Negative values (meaningful for tag `i`) always
 * take the byte form.
 */
export function encodeCompact(tag: number, value: number | bigint): number[] {
  const n = BigInt(value);
  if (n < 0n) return encodeWithBytes(tag, negativeBytes(n));
  if (n < 16n) return [(Number(n) << 4) | tag];
  if (n < 0x800n) {
    const v = Number(n);
    return [((v >> 3) & 0b11100000) | tag | 0b00001000, v & 0xff];
  }
  return encodeWithBytes(tag, positiveBytes(n));
}

/** An extended (`z`) tag header: 0 float, 1 list, 2 fr, 3 alloc list, 4 literal, 5 typed register. */
function encodeExtended(sub: number): number[] {
  return encodeCompact(TAG.z, sub);
}

// ---------------------------------------------------------------------------------------
// External term format (a small local encoder for runtime terms; term_to_binary with
// minor_version 2 for the shapes below)
// ---------------------------------------------------------------------------------------

export function encodeEtf(term: Term): Uint8Array {
  const w = new ByteWriter();
  w.u8(131);
  etfTerm(w, term);
  return w.done();
}

function etfAtom(w: ByteWriter, a: Atom): void {
  const b = utf8.encode(a.name);
  if (b.length < 256) w.u8(119).u8(b.length);
  else w.u8(118).u16(b.length);
  w.bytes(b);
}

function etfInteger(w: ByteWriter, v: ErlInteger): void {
  const n = BigInt(v);
  if (n >= 0n && n <= 255n) {
    w.u8(97).u8(Number(n));
  } else if (n >= -0x80000000n && n <= 0x7fffffffn) {
    w.u8(98).i32(Number(n));
  } else {
    const digits = unsignedBytes(n < 0n ? -n : n).reverse(); // little-endian
    if (digits.length < 256) w.u8(110).u8(digits.length);
    else w.u8(111).u32(digits.length);
    w.u8(n < 0n ? 1 : 0).bytes(digits);
  }
}

function isByteList(t: Term): number[] | undefined {
  const out: number[] = [];
  while (t instanceof Cons) {
    const h = t.head;
    if (typeof h !== 'number' || !Number.isInteger(h) || h < 0 || h > 255) return undefined;
    out.push(h);
    t = t.tail;
  }
  return t === NIL && out.length > 0 && out.length < 65536 ? out : undefined;
}

function etfTerm(w: ByteWriter, t: Term): void {
  if (typeof t === 'number' || typeof t === 'bigint') return etfInteger(w, t);
  if (t instanceof Atom) return etfAtom(w, t);
  if (t instanceof ErlFloat) {
    w.u8(70).f64(t.value);
    return;
  }
  if (Array.isArray(t)) {
    if (t.length < 256) w.u8(104).u8(t.length);
    else w.u8(105).u32(t.length);
    for (const e of t) etfTerm(w, e);
    return;
  }
  if (t instanceof Nil) {
    w.u8(106);
    return;
  }
  if (t instanceof Cons) {
    const bytes = isByteList(t);
    if (bytes !== undefined) {
      w.u8(107).u16(bytes.length).bytes(bytes);
      return;
    }
    const items: Term[] = [];
    let l: Term = t;
    while (l instanceof Cons) {
      items.push(l.head);
      l = l.tail;
    }
    w.u8(108).u32(items.length);
    for (const e of items) etfTerm(w, e);
    etfTerm(w, l);
    return;
  }
  if (t instanceof BitString) {
    const nbytes = Math.ceil(t.bitSize / 8);
    const bytes = t.bytes.subarray(0, nbytes);
    if (t.bitSize % 8 === 0) w.u8(109).u32(nbytes).bytes(bytes);
    else w.u8(77).u32(nbytes).u8(t.bitSize % 8).bytes(bytes);
    return;
  }
  if (t instanceof ErlMap) {
    w.u8(116).u32(t.size);
    for (let i = 0; i < t.size; i++) {
      etfTerm(w, t.keys[i]);
      etfTerm(w, t.values[i]);
    }
    return;
  }
  if (t instanceof ExportFun) {
    w.u8(113);
    etfAtom(w, t.module);
    etfAtom(w, t.name);
    etfInteger(w, t.arity);
    return;
  }
  throw new Error(`encodeEtf: unsupported term ${String(t)}`);
}

// ---------------------------------------------------------------------------------------
// Assembler-level operands
// ---------------------------------------------------------------------------------------

export type AllocItem = readonly ['words' | 'floats' | 'funs', number];

export type Arg =
  | { readonly kind: 'u'; readonly value: number | bigint }
  | { readonly kind: 'i'; readonly value: number | bigint }
  | { readonly kind: 'atom'; readonly name: string }
  | { readonly kind: 'nil' }
  | { readonly kind: 'x' | 'y'; readonly n: number; readonly type?: number }
  | { readonly kind: 'f'; readonly label: number }
  | { readonly kind: 'h'; readonly value: number }
  | { readonly kind: 'zfloat'; readonly value: number }
  | { readonly kind: 'list'; readonly items: readonly Arg[] }
  | { readonly kind: 'fr'; readonly n: number }
  | { readonly kind: 'alloc'; readonly items: readonly AllocItem[] }
  | { readonly kind: 'literal'; readonly term: Term | Uint8Array; readonly value?: Term }
  | { readonly kind: 'string'; readonly bytes: Uint8Array }
  | { readonly kind: 'extfunc'; readonly module: string; readonly name: string; readonly arity: number }
  | { readonly kind: 'loc'; readonly file?: string; readonly line?: number };

/** A bare integer argument, which `beam_asm:encode_arg/2` turns into `u`. */
const asArg = (a: Arg | number): Arg => (typeof a === 'number' ? { kind: 'u', value: a } : a);

/** Untagged integer (`u`): arities, live counts, sizes, indexes. */
export const u = (value: number | bigint): Arg => ({ kind: 'u', value });
/** Integer (`i`); any size, negative included (OTP uses a literal beyond ±2^128; this does not). */
export const i = (value: number | bigint): Arg => ({ kind: 'i', value });
export const atom = (name: string): Arg => ({ kind: 'atom', name });
/** `[]`, encoded as atom index 0. */
export const nil: Arg = { kind: 'nil' };
export const x = (n: number, type?: number): Arg => ({ kind: 'x', n, type });
export const y = (n: number, type?: number): Arg => ({ kind: 'y', n, type });
export const f = (label: number): Arg => ({ kind: 'f', label });
/** Character (`h` tag); the compiler never emits it but the format has it. */
export const h = (value: number): Arg => ({ kind: 'h', value });
/** The old inline float (`z` 0 followed by 8 bytes); modern compilers use literals. */
export const zfloat = (value: number): Arg => ({ kind: 'zfloat', value });
/** An extended list (`{list, [...]}`); bare numbers become `u`, as in `beam_asm`. */
export const list = (...items: (Arg | number)[]): Arg => ({ kind: 'list', items: items.map(asArg) });
export const fr = (n: number): Arg => ({ kind: 'fr', n });
export const alloc = (...items: AllocItem[]): Arg => ({ kind: 'alloc', items });
/**
 * A literal-table entry (interned). Raw ETF bytes are written as-is; pass `value` with them
 * so the builder can report what they decode to.
 */
export const lit = (term: Term | Uint8Array, value?: Term): Arg => ({ kind: 'literal', term, value });
/** A string-table offset (`{string, Bin}`), encoded as `u`. */
export const str = (s: string | Uint8Array): Arg => ({
  kind: 'string',
  bytes: typeof s === 'string' ? utf8.encode(s) : s,
});
/** An import-table index (`{extfunc, M, F, A}`), encoded as `u`. */
export const extfunc = (module: string, name: string, arity: number): Arg => ({
  kind: 'extfunc',
  module,
  name,
  arity,
});
/**
 * A line-table index, encoded as `u` (the operand of `line`, `executable_line`,
 * `debug_line`). `loc()` is "no location" (index 0); `file` undefined is the module's own file.
 */
export const loc = (file?: string, line?: number): Arg => ({ kind: 'loc', file, line });

/** Field flags as `bs_*` instructions encode them (`u`): little = 2, signed = 4, native = 16. */
export function fieldFlags(...flags: ('big' | 'little' | 'signed' | 'unsigned' | 'native')[]): Arg {
  let v = 0;
  for (const fl of flags) v |= fl === 'little' ? 2 : fl === 'signed' ? 4 : fl === 'native' ? 16 : 0;
  return u(v);
}


export interface Instr {
  readonly op: string;
  readonly args: readonly Arg[];
}

/** An instruction; bare numbers become `u` operands, as in `beam_asm`. */
export function op(name: string, ...args: (Arg | number)[]): Instr {
  const opcode = opcodeOf(name);
  const arity = GENOP[opcode]![1];
  if (args.length !== arity) throw new Error(`${name}/${arity} given ${args.length} operands`);
  return { op: name, args: args.map(asArg) };
}

// ---------------------------------------------------------------------------------------
// Type chunk entries
// ---------------------------------------------------------------------------------------

/** OTP 27 type-union bits (Type chunk version 3). */
export const T = {
  atom: 1 << 0,
  bitstring: 1 << 1,
  cons: 1 << 2,
  float: 1 << 3,
  fun: 1 << 4,
  integer: 1 << 5,
  map: 1 << 6,
  nil: 1 << 7,
  pid: 1 << 8,
  port: 1 << 9,
  reference: 1 << 10,
  tuple: 1 << 11,
  any: (1 << 12) - 1,
} as const;

/** A Type entry in the OTP 27 layout (the same shape as the reader's `BeamType`). */
export interface TypeDesc {
  readonly union: number;
  readonly matchState?: boolean;
  readonly min?: bigint;
  readonly max?: bigint;
  readonly unit?: number;
}

/** OTP 25/26 union bits: the OTP 27 bits with the match-state bit inserted at 2. */
function unionV1V2(t: TypeDesc): number {
  const low = t.union & 0b11;
  const high = (t.union & ~0b11 & 0xfff) << 1;
  return low | (t.matchState ? 1 << 2 : 0) | high;
}

/** One entry of a Type chunk of the given version. */
export function encodeType(version: 1 | 2 | 3, t: TypeDesc): Uint8Array {
  const w = new ByteWriter();
  if (version === 1) {
    // OTP 25: <<TypeBits:16, Min:64/signed, Max:64/signed>>; Min > Max (0, -1) = no range.
    if (t.unit !== undefined || (t.min === undefined) !== (t.max === undefined)) {
      throw new Error('Type v1 has only a two-sided integer range');
    }
    w.u16(unionV1V2(t)).i64(t.min ?? 0n).i64(t.max ?? -1n);
    return w.done();
  }
  if (version === 3 && t.matchState) throw new Error('Type v3 has no match-state bit');
  const flagBase = version === 2 ? 13 : 12;
  let bits = version === 2 ? unionV1V2(t) : t.union & 0xfff;
  if (t.min !== undefined) bits |= 1 << flagBase;
  if (t.max !== undefined) bits |= 1 << (flagBase + 1);
  if (t.unit !== undefined) bits |= 1 << (flagBase + 2);
  w.u16(bits);
  if (t.min !== undefined) w.i64(t.min);
  if (t.max !== undefined) w.i64(t.max);
  if (t.unit !== undefined) w.u8(t.unit - 1);
  return w.done();
}

// ---------------------------------------------------------------------------------------
// Module description
// ---------------------------------------------------------------------------------------

export interface FunctionSpec {
  readonly name: string;
  readonly arity: number;
  /** Entry label (the one after `func_info`). */
  readonly entry: number;
  readonly exported?: boolean;
  /** The whole function: its labels, `line`, `func_info`, body. */
  readonly code: readonly Instr[];
}

export interface LambdaSpec {
  readonly name: string;
  readonly arity: number;
  readonly label: number;
  readonly index: number;
  readonly numFree: number;
  /** Default: the first 27 bits of the module MD5, as OTP sets it. */
  readonly oldUniq?: number;
}

export interface ModuleSpec {
  readonly module: string;
  /** Atoms to intern right after the module name, before anything the code uses. */
  readonly atoms?: readonly string[];
  /** `otp27`: positive count, 1-byte lengths (OTP ≤ 27). `otp28`: -count, `u` lengths. */
  readonly atomLayout?: 'otp27' | 'otp28';
  readonly functions: readonly FunctionSpec[];
  readonly lambdas?: readonly LambdaSpec[];
  /** Literals to intern before the code's (fixes their indexes). */
  readonly literals?: readonly (Term | Uint8Array)[];
  /** `compressed` (OTP ≤ 27) or `raw` (OTP 28: uncompressed size 0, then the table). */
  readonly literalLayout?: 'compressed' | 'raw';
  /** Extra `(module, name, arity)` imports to intern first. */
  readonly imports?: readonly (readonly [string, string, number])[];
  /** Highest opcode to declare; default: the highest used, at least `minOpcodeMax`. */
  readonly opcodeMax?: number;
  /** OTP bumps the declared maximum to reject old loaders (25: swap 169, 26+: bs_create_bin 177). */
  readonly minOpcodeMax?: number;
  readonly labelCount?: number;
  /** Source file of location file index 0. Default `<module>.erl`. */
  readonly sourceFile?: string;
  /** Line chunk options; `false` omits the chunk. */
  readonly lines?: false | { readonly flags?: number; readonly instructionCount?: number };
  readonly types?: { readonly version: 1 | 2 | 3; readonly entries: readonly TypeDesc[] };
  /** Default `[{vsn, [MD5]}]` like OTP. */
  readonly attributes?: Term;
  /** Default `[{version, "8.2.3"}, {options, []}, {source, "/src/<module>.erl"}]`. */
  readonly compileInfo?: Term;
  readonly meta?: Term;
  /** Chunks written after CInf, e.g. `Docs`, `Dbgi`. */
  readonly extraChunks?: readonly { readonly id: string; readonly data: Uint8Array }[];
}

export interface BuiltLine {
  readonly file: number;
  readonly line: number;
}

/** The bytes plus everything they contain, resolved the way a reader should decode them. */
export interface BuiltBeam {
  readonly bytes: Uint8Array;
  readonly atoms: readonly string[];
  readonly literals: readonly Uint8Array[];
  /** Literal values when given as terms (undefined where only raw bytes were given). */
  readonly literalTerms: readonly (Term | undefined)[];
  readonly imports: readonly (readonly [string, string, number])[];
  readonly exports: readonly { name: string; arity: number; label: number }[];
  readonly locals: readonly { name: string; arity: number; label: number }[];
  readonly lambdas: readonly Required<LambdaSpec>[];
  readonly strings: Uint8Array;
  /** Location table: index 0 is "no location". */
  readonly locations: readonly (BuiltLine | undefined)[];
  /** File names, index 0 the module's source file. */
  readonly files: readonly string[];
  readonly lineInstructionCount: number;
  readonly header: {
    readonly instructionSet: number;
    readonly opcodeMax: number;
    readonly labelCount: number;
    readonly functionCount: number;
  };
  /** Every instruction of the Code chunk (int_code_end included), decoded form. */
  readonly code: readonly Instruction[];
  /** The same, per function (int_code_end left out), as a reader groups them. */
  readonly functions: readonly {
    readonly name: string;
    readonly arity: number;
    readonly entry: number;
    readonly code: readonly Instruction[];
  }[];
  readonly md5: Uint8Array;
  readonly chunks: readonly { readonly id: string; readonly data: Uint8Array }[];
}

/** `beam_dict`: the tables built while assembling. */
class Dict {
  readonly atoms: string[] = [];
  private readonly atomIndex = new Map<string, number>();
  readonly literals: Uint8Array[] = [];
  readonly literalTerms: (Term | undefined)[] = [];
  private readonly literalIndex = new Map<string, number>();
  readonly imports: (readonly [string, string, number])[] = [];
  private readonly importIndex = new Map<string, number>();
  strings: Uint8Array = new Uint8Array(0);
  readonly files: string[];
  private readonly fileIndex = new Map<string, number>();
  readonly locations: (BuiltLine | undefined)[] = [undefined];
  private readonly locationIndex = new Map<string, number>();
  lineInstructions = 0;
  highestOpcode = 0;

  constructor(sourceFile: string) {
    this.files = [sourceFile];
    this.fileIndex.set(sourceFile, 0);
  }

  atom(name: string): number {
    let n = this.atomIndex.get(name);
    if (n === undefined) {
      this.atoms.push(name);
      n = this.atoms.length;
      this.atomIndex.set(name, n);
    }
    return n;
  }

  literal(term: Term | Uint8Array, value?: Term): number {
    const bytes = term instanceof Uint8Array ? term : encodeEtf(term);
    const key = Buffer.from(bytes).toString('hex');
    let n = this.literalIndex.get(key);
    if (n === undefined) {
      n = this.literals.length;
      this.literals.push(bytes);
      this.literalTerms.push(term instanceof Uint8Array ? value : term);
      this.literalIndex.set(key, n);
    }
    return n;
  }

  import(m: string, fn: string, a: number): number {
    const key = `${m}\u0000${fn}\u0000${a}`;
    let n = this.importIndex.get(key);
    if (n === undefined) {
      this.atom(m);
      this.atom(fn);
      n = this.imports.length;
      this.imports.push([m, fn, a]);
      this.importIndex.set(key, n);
    }
    return n;
  }

  /** `beam_dict:string/2`: reuse an existing occurrence in the pool, else append. */
  string(bytes: Uint8Array): number {
    const at = Buffer.from(this.strings).indexOf(Buffer.from(bytes));
    if (at >= 0 && bytes.length > 0) return at;
    const offset = this.strings.length;
    this.strings = concat([this.strings, bytes]);
    return offset;
  }

  /** `beam_dict:line/2`: every call counts a line instruction; 0 is "no location". */
  line(file: string | undefined, line: number | undefined): number {
    this.lineInstructions++;
    if (line === undefined) return 0;
    const name = file ?? this.files[0];
    let fi = this.fileIndex.get(name);
    if (fi === undefined) {
      fi = this.files.length;
      this.files.push(name);
      this.fileIndex.set(name, fi);
    }
    const key = `${fi}:${line}`;
    let n = this.locationIndex.get(key);
    if (n === undefined) {
      n = this.locations.length;
      this.locations.push({ file: fi, line });
      this.locationIndex.set(key, n);
    }
    return n;
  }
}

const CALL_FUN2 = opcodeOf('call_fun2');

/** Encodes one operand, returning its bytes and its decoded form. */
function encodeArg(dict: Dict, a: Arg, out: number[]): Operand {
  switch (a.kind) {
    case 'u':
      out.push(...encodeCompact(TAG.u, a.value));
      return { kind: 'u', value: Number(a.value) };
    case 'i':
      out.push(...encodeCompact(TAG.i, a.value));
      return { kind: 'i', value: int(a.value) };
    case 'atom': {
      const n = dict.atom(a.name);
      out.push(...encodeCompact(TAG.a, n));
      return { kind: 'atom', value: Atom.intern(a.name) };
    }
    case 'nil':
      out.push(...encodeCompact(TAG.a, 0));
      return { kind: 'nil' };
    case 'x':
    case 'y': {
      const tag = a.kind === 'x' ? TAG.x : TAG.y;
      if (a.type === undefined) {
        out.push(...encodeCompact(tag, a.n));
        return { kind: a.kind, n: a.n };
      }
      // Typed register; like OTP, declare call_fun2 so pre-OTP 25 loaders refuse the file.
      dict.highestOpcode = Math.max(dict.highestOpcode, CALL_FUN2);
      out.push(...encodeExtended(5), ...encodeCompact(tag, a.n), ...encodeCompact(TAG.u, a.type));
      return { kind: a.kind, n: a.n, type: a.type };
    }
    case 'f':
      out.push(...encodeCompact(TAG.f, a.label));
      return { kind: 'f', label: a.label };
    case 'h':
      out.push(...encodeCompact(TAG.h, a.value));
      return { kind: 'char', value: a.value };
    case 'zfloat': {
      out.push(...encodeExtended(0));
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, a.value, false);
      out.push(...b);
      return { kind: 'float', value: a.value };
    }
    case 'list': {
      out.push(...encodeExtended(1), ...encodeCompact(TAG.u, a.items.length));
      return { kind: 'list', items: a.items.map((e) => encodeArg(dict, e, out)) };
    }
    case 'fr':
      out.push(...encodeExtended(2), ...encodeCompact(TAG.u, a.n));
      return { kind: 'fr', n: a.n };
    case 'alloc': {
      out.push(...encodeExtended(3), ...encodeCompact(TAG.u, a.items.length));
      const sums = { words: 0, floats: 0, funs: 0 };
      for (const [kind, n] of a.items) {
        out.push(...encodeCompact(TAG.u, kind === 'words' ? 0 : kind === 'floats' ? 1 : 2));
        out.push(...encodeCompact(TAG.u, n));
        sums[kind] += n;
      }
      return { kind: 'alloc', ...sums, items: a.items.map(([kind, n]) => ({ kind, n })) };
    }
    case 'literal': {
      const n = dict.literal(a.term, a.value);
      out.push(...encodeExtended(4), ...encodeCompact(TAG.u, n));
      const value = dict.literalTerms[n];
      if (value === undefined) throw new Error(`literal ${n} given as bytes without its value`);
      return { kind: 'literal', index: n, value };
    }
    case 'string': {
      const off = dict.string(a.bytes);
      out.push(...encodeCompact(TAG.u, off));
      return { kind: 'u', value: off };
    }
    case 'extfunc': {
      const n = dict.import(a.module, a.name, a.arity);
      out.push(...encodeCompact(TAG.u, n));
      return { kind: 'u', value: n };
    }
    case 'loc': {
      const n = dict.line(a.file, a.line);
      out.push(...encodeCompact(TAG.u, n));
      return { kind: 'u', value: n };
    }
  }
}

function encodeInstr(dict: Dict, ins: Instr, out: number[]): Instruction {
  const opcode = opcodeOf(ins.op);
  dict.highestOpcode = Math.max(dict.highestOpcode, opcode);
  out.push(opcode);
  return { opcode, op: ins.op, args: ins.args.map((a) => encodeArg(dict, a, out)) };
}

function chunk(id: string, data: Uint8Array): Uint8Array {
  if (id.length !== 4) throw new Error(`chunk id ${id}`);
  const w = new ByteWriter();
  w.bytes(utf8.encode(id)).u32(data.length).bytes(data);
  while (w.length % 4 !== 0) w.u8(0);
  return w.done();
}

function atomChunk(atoms: readonly string[], layout: 'otp27' | 'otp28'): Uint8Array {
  const w = new ByteWriter();
  w.i32(layout === 'otp28' ? -atoms.length : atoms.length);
  for (const a of atoms) {
    const b = utf8.encode(a);
    if (layout === 'otp28') {
      w.bytes(encodeCompact(TAG.u, b.length));
    } else {
      if (b.length > 255) throw new Error(`atom of ${b.length} bytes needs the OTP 28 layout`);
      w.u8(b.length);
    }
    w.bytes(b);
  }
  return w.done();
}

function funcTable(entries: readonly { name: string; arity: number; label: number }[], dict: Dict): Uint8Array {
  const w = new ByteWriter();
  w.u32(entries.length);
  for (const e of entries) w.u32(dict.atom(e.name)).u32(e.arity).u32(e.label);
  return w.done();
}

function literalChunk(literals: readonly Uint8Array[], layout: 'compressed' | 'raw'): Uint8Array {
  const table = new ByteWriter();
  table.u32(literals.length);
  for (const l of literals) table.u32(l.length).bytes(l);
  const plain = table.done();
  const w = new ByteWriter();
  if (layout === 'raw') {
    w.u32(0).bytes(plain);
  } else {
    w.u32(plain.length).bytes(pako.deflate(plain));
  }
  return w.done();
}

function lineChunk(dict: Dict, flags: number, instructionCount: number): Uint8Array {
  const items: number[] = [];
  let prevFile = 0;
  for (const l of dict.locations.slice(1)) {
    if (l!.file !== prevFile) {
      items.push(...encodeCompact(TAG.a, l!.file));
      prevFile = l!.file;
    }
    items.push(...encodeCompact(TAG.i, l!.line));
  }
  const w = new ByteWriter();
  w.u32(0) // version
    .u32(flags)
    .u32(instructionCount)
    .u32(dict.locations.length - 1)
    .u32(dict.files.length - 1)
    .bytes(items);
  for (const name of dict.files.slice(1)) {
    const b = utf8.encode(name);
    w.u16(b.length).bytes(b);
  }
  return w.done();
}

const t = (...es: Term[]): Term => es;
const A = Atom.intern;

/** An Erlang string (list of code points). */
export function erlString(s: string): Term {
  let l: Term = NIL;
  const cps = [...s].map((c) => c.codePointAt(0)!);
  for (let k = cps.length - 1; k >= 0; k--) l = new Cons(cps[k], l);
  return l;
}

function termList(items: readonly Term[]): Term {
  let l: Term = NIL;
  for (let k = items.length - 1; k >= 0; k--) l = new Cons(items[k], l);
  return l;
}

/** Assembles a module. */
export function buildBeam(spec: ModuleSpec): BuiltBeam {
  const dict = new Dict(spec.sourceFile ?? `${spec.module}.erl`);
  dict.atom(spec.module);
  for (const a of spec.atoms ?? []) dict.atom(a);
  for (const [m, fn, a] of spec.imports ?? []) dict.import(m, fn, a);
  for (const l of spec.literals ?? []) dict.literal(l);

  const code: number[] = [];
  const decoded: Instruction[] = [];
  const exports: { name: string; arity: number; label: number }[] = [];
  const locals: { name: string; arity: number; label: number }[] = [];
  const functions: BuiltBeam['functions'][number][] = [];
  let maxLabel = 0;
  for (const fn of spec.functions) {
    dict.atom(fn.name);
    // beam_dict prepends, so the tables come out in reverse function order.
    (fn.exported ? exports : locals).unshift({ name: fn.name, arity: fn.arity, label: fn.entry });
    const fnCode: Instruction[] = [];
    for (const ins of fn.code) {
      const d = encodeInstr(dict, ins, code);
      fnCode.push(d);
      if (ins.op === 'label') maxLabel = Math.max(maxLabel, Number((d.args[0] as { value: number }).value));
    }
    decoded.push(...fnCode);
    functions.push({ name: fn.name, arity: fn.arity, entry: fn.entry, code: fnCode });
  }
  decoded.push(encodeInstr(dict, op('int_code_end'), code));
  for (const l of spec.lambdas ?? []) dict.atom(l.name);

  const header = {
    instructionSet: 0,
    opcodeMax: spec.opcodeMax ?? Math.max(dict.highestOpcode, spec.minOpcodeMax ?? 0),
    labelCount: spec.labelCount ?? maxLabel + 1,
    functionCount: spec.functions.length,
  };
  const codeData = new ByteWriter()
    .u32(16)
    .u32(header.instructionSet)
    .u32(header.opcodeMax)
    .u32(header.labelCount)
    .u32(header.functionCount)
    .bytes(code)
    .done();

  const atomData = atomChunk(dict.atoms, spec.atomLayout ?? 'otp27');
  const importData = new ByteWriter().u32(dict.imports.length);
  for (const [m, fn, a] of dict.imports) importData.u32(dict.atom(m)).u32(dict.atom(fn)).u32(a);
  const exportData = funcTable(exports, dict);
  const localData = funcTable(locals, dict);
  const literalData =
    dict.literals.length > 0 ? literalChunk(dict.literals, spec.literalLayout ?? 'compressed') : undefined;
  const metaData = spec.meta === undefined ? undefined : encodeEtf(spec.meta);

  // FunT with old_uniq zeroed first: the MD5 is taken over the essential chunks' data.
  const lambdaTable = (oldUniq: (l: LambdaSpec) => number): Uint8Array | undefined => {
    const ls = spec.lambdas ?? [];
    if (ls.length === 0) return undefined;
    const w = new ByteWriter().u32(ls.length);
    for (const l of ls) {
      w.u32(dict.atom(l.name)).u32(l.arity).u32(l.label).u32(l.index).u32(l.numFree).u32(oldUniq(l));
    }
    return w.done();
  };
  const essentials = (funT: Uint8Array | undefined) =>
    [
      ['AtU8', atomData],
      ['Code', codeData],
      ['StrT', dict.strings],
      ['ImpT', importData.done()],
      ['ExpT', exportData],
      ['FunT', funT],
      ['LitT', literalData],
      ['Meta', metaData],
    ].filter((c): c is [string, Uint8Array] => c[1] !== undefined);
  const md5 = createHash('md5');
  for (const [, data] of essentials(lambdaTable(() => 0))) md5.update(data);
  const digest = new Uint8Array(md5.digest());
  const uniq = ((digest[0] << 19) | (digest[1] << 11) | (digest[2] << 3) | (digest[3] >> 5)) >>> 0;
  const lambdas = (spec.lambdas ?? []).map((l) => ({ ...l, oldUniq: l.oldUniq ?? uniq }));

  const md5Int = BigInt('0x' + Buffer.from(digest).toString('hex'));
  const attributes = spec.attributes ?? termList([t(A('vsn'), termList([int(md5Int)]))]);
  const compileInfo =
    spec.compileInfo ??
    termList([
      t(A('version'), erlString('8.2.3')),
      t(A('options'), NIL),
      t(A('source'), erlString(`/src/${spec.module}.erl`)),
    ]);

  const chunks: { id: string; data: Uint8Array }[] = essentials(lambdaTable((l) => l.oldUniq ?? uniq)).map(
    ([id, data]) => ({ id, data }),
  );
  chunks.push({ id: 'LocT', data: localData });
  chunks.push({ id: 'Attr', data: encodeEtf(attributes) });
  chunks.push({ id: 'CInf', data: encodeEtf(compileInfo) });
  for (const c of spec.extraChunks ?? []) chunks.push({ id: c.id, data: c.data });
  const lineInstructionCount =
    spec.lines === false ? 0 : (spec.lines?.instructionCount ?? dict.lineInstructions);
  if (spec.lines !== false) {
    chunks.push({ id: 'Line', data: lineChunk(dict, spec.lines?.flags ?? 0, lineInstructionCount) });
  }
  if (spec.types !== undefined) {
    const w = new ByteWriter().u32(spec.types.version).u32(spec.types.entries.length);
    for (const e of spec.types.entries) w.bytes(encodeType(spec.types.version, e));
    chunks.push({ id: 'Type', data: w.done() });
  }

  const body = concat(chunks.map((c) => chunk(c.id, c.data)));
  const bytes = new ByteWriter()
    .bytes(utf8.encode('FOR1'))
    .u32(body.length + 4)
    .bytes(utf8.encode('BEAM'))
    .bytes(body)
    .done();

  return {
    bytes,
    atoms: [...dict.atoms],
    literals: dict.literals,
    literalTerms: dict.literalTerms,
    imports: dict.imports,
    exports,
    locals,
    lambdas,
    strings: dict.strings,
    locations: dict.locations,
    files: dict.files,
    lineInstructionCount,
    header,
    code: decoded,
    functions,
    md5: digest,
    chunks,
  };
}

/** The standard function preamble: `label L; line Loc; func_info M F A; label L+1`. */
export function preamble(
  module: string,
  name: string,
  arity: number,
  firstLabel: number,
  location: Arg = loc(),
): Instr[] {
  return [
    op('label', firstLabel),
    op('line', location),
    op('func_info', atom(module), atom(name), arity),
    op('label', firstLabel + 1),
  ];
}
