/**
 * External term format decoder (binary_to_term, literal tables).
 *
 * Input is untrusted: every read is bounds-checked and every error is a TermFormatError with
 * the byte offset. Length fields are checked against the bytes that remain before anything is
 * allocated from them. Nesting is handled with an explicit stack of open containers, never JS
 * recursion, so a list or tuple nested 100,000 deep decodes like a flat one.
 */
import pako from 'pako';
import { Atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ErlFloat } from '../term/float.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { Cons, NIL } from '../term/list.js';
import { makeMap } from '../term/mapbuild.js';
import { int, type Term } from '../term/term.js';
import { TermFormatError } from './errors.js';
import { parseOldFloat } from './oldfloat.js';
import * as T from './tags.js';

export interface DecodeOptions {
  /** Like binary_to_term's `safe`: refuse to create atoms that do not exist yet. */
  safe?: boolean;
}

/** Decodes a whole external-format binary: version byte 131, one term, nothing after it. */
export function decodeExternal(bytes: Uint8Array, opts: DecodeOptions = {}): Term {
  if (bytes.length === 0) throw new TermFormatError('empty input', 0);
  if (bytes[0] !== T.VERSION) throw new TermFormatError(`bad version byte ${bytes[0]}`, 0);
  if (bytes.length > 1 && bytes[1] === T.COMPRESSED) {
    const payload = inflateTerm(bytes, 2);
    try {
      const { term, next } = decodeTermAt(payload, 0, opts);
      if (next !== payload.length) throw new TermFormatError('trailing bytes', next);
      return term;
    } catch (e) {
      // Offsets inside the payload refer to the inflated bytes, not the input.
      if (e instanceof TermFormatError) throw new TermFormatError(`${e.message.replace(/ at byte \d+$/, '')} (inflated payload)`, e.offset);
      throw e;
    }
  }
  const { term, next } = decodeTermAt(bytes, 1, opts);
  if (next !== bytes.length) throw new TermFormatError('trailing bytes after term', next);
  return term;
}

/** COMPRESSED: 4-byte uncompressed size, then a zlib stream that must inflate to exactly that. */
function inflateTerm(bytes: Uint8Array, at: number): Uint8Array {
  if (bytes.length < at + 4) throw new TermFormatError('truncated compressed header', bytes.length);
  const size = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
  const input = bytes.subarray(at + 4);
  const chunks: Uint8Array[] = [];
  let total = 0;
  // windowBits 15: the zlib format only (no gzip auto-detection). `ended` and `strm` are
  // public pako fields missing from its type declarations.
  const inflator = new pako.Inflate({ windowBits: 15, chunkSize: 64 * 1024 }) as pako.Inflate & {
    ended: boolean;
    strm: { avail_in: number };
  };
  // Stop as soon as the output exceeds the declared size, so a lying header or a
  // decompression bomb cannot make us allocate more than the input promised.
  inflator.onData = (chunk) => {
    if (!(chunk instanceof Uint8Array)) throw new TermFormatError('unexpected inflate output', at + 4);
    total += chunk.length;
    if (total > size) throw new TermFormatError(`compressed data inflates past declared size ${size}`, at + 4);
    chunks.push(chunk);
  };
  let status = -1;
  inflator.onEnd = (s: number) => {
    status = s;
  };
  let ok: boolean;
  try {
    ok = inflator.push(input, true);
  } catch (e) {
    if (e instanceof TermFormatError) throw e;
    throw new TermFormatError('corrupt compressed data', at + 4);
  }
  // A truncated stream ends with Z_BUF_ERROR; only Z_OK after the end marker is success.
  if (!ok || !inflator.ended || status !== 0) {
    throw new TermFormatError(`corrupt or truncated compressed data (zlib status ${status})`, at + 4);
  }
  const left = inflator.strm.avail_in;
  if (left > 0) throw new TermFormatError('trailing bytes after compressed data', bytes.length - left);
  if (total !== size) throw new TermFormatError(`compressed data inflates to ${total}, declared ${size}`, at);
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

// Kinds of open container on the decoder's stack.
const K_TUPLE = 0;
const K_LIST = 1; // items: elements then the tail
const K_MAP = 2; // items: k1, v1, k2, v2, ...
const K_FUN = 3; // items: free variables

interface Frame {
  kind: number;
  need: number;
  items: Term[];
  at: number; // offset of the tag, for errors
  fun?: FunHeader;
}

interface FunHeader {
  size: number;
  arity: number;
  uniq: Uint8Array;
  index: number;
  module: Atom;
  oldIndex: number;
  oldUniq: number;
  pid: Pid;
}

/** Bytes as code points 0..255 (TextDecoder's "latin1" is really windows-1252). */
function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes one term starting at `offset` (a tag byte, no version byte); `next` is the offset after it. */
export function decodeTermAt(bytes: Uint8Array, offset: number, opts: DecodeOptions = {}): { term: Term; next: number } {
  const r = new Reader(bytes, offset, opts.safe === true);
  const stack: Frame[] = [];
  for (;;) {
    const at = r.pos;
    const tag = r.u8();
    let term: Term;
    switch (tag) {
      case T.SMALL_INTEGER_EXT:
        term = r.u8();
        break;
      case T.INTEGER_EXT:
        term = r.i32();
        break;
      case T.SMALL_BIG_EXT:
        term = r.big(r.u8());
        break;
      case T.LARGE_BIG_EXT:
        term = r.big(r.u32());
        break;
      case T.NEW_FLOAT_EXT: {
        const v = r.f64();
        if (!Number.isFinite(v)) throw new TermFormatError('float is not finite', at);
        term = new ErlFloat(v);
        break;
      }
      case T.FLOAT_EXT: {
        const field = r.take(31);
        const nul = field.indexOf(0);
        const v = parseOldFloat(latin1(nul < 0 ? field : field.subarray(0, nul)));
        if (v === undefined) throw new TermFormatError('malformed FLOAT_EXT', at);
        term = new ErlFloat(v);
        break;
      }
      case T.ATOM_EXT:
      case T.SMALL_ATOM_EXT:
      case T.ATOM_UTF8_EXT:
      case T.SMALL_ATOM_UTF8_EXT:
      case T.ATOM_CACHE_REF:
        r.pos = at;
        term = r.atom();
        break;
      case T.NIL_EXT:
        term = NIL;
        break;
      case T.STRING_EXT: {
        const n = r.u16();
        const b = r.take(n);
        let l: Term = NIL;
        for (let i = n - 1; i >= 0; i--) l = new Cons(b[i], l);
        term = l;
        break;
      }
      case T.BINARY_EXT: {
        const n = r.u32();
        term = new BitString(r.take(n).slice());
        break;
      }
      case T.BIT_BINARY_EXT: {
        const n = r.u32();
        const bits = r.u8();
        if (bits > 8 || (bits === 0) !== (n === 0)) throw new TermFormatError(`bad bit count ${bits}`, at);
        const b = r.take(n).slice();
        if (n > 0) b[n - 1] &= (0xff << (8 - bits)) & 0xff; // unused bits are zero in our representation
        term = new BitString(b, n === 0 ? 0 : (n - 1) * 8 + bits);
        break;
      }
      case T.SMALL_TUPLE_EXT:
      case T.LARGE_TUPLE_EXT: {
        const n = tag === T.SMALL_TUPLE_EXT ? r.u8() : r.u32();
        if (n === 0) {
          term = [];
          break;
        }
        r.expect(n, at); // every element takes at least one byte
        stack.push({ kind: K_TUPLE, need: n, items: [], at });
        continue;
      }
      case T.LIST_EXT: {
        const n = r.u32();
        r.expect(n + 1, at);
        stack.push({ kind: K_LIST, need: n + 1, items: [], at });
        continue;
      }
      case T.MAP_EXT: {
        const n = r.u32();
        if (n === 0) {
          term = makeMap([]);
          break;
        }
        r.expect(2 * n, at);
        stack.push({ kind: K_MAP, need: 2 * n, items: [], at });
        continue;
      }
      case T.EXPORT_EXT: {
        const module = r.atom();
        const name = r.atom();
        const arityAt = r.pos;
        const arity = r.smallInt();
        if (arity < 0 || arity > 255) throw new TermFormatError('bad export fun arity', arityAt);
        term = new ExportFun(module, name, arity);
        break;
      }
      case T.NEW_FUN_EXT: {
        const size = r.u32();
        const arity = r.u8();
        const uniq = r.take(16).slice();
        const index = r.u32();
        const numFree = r.u32();
        const module = r.atom();
        const oldIndex = r.smallInt();
        const oldUniq = r.smallInt();
        const pidAt = r.pos;
        const pid = r.term();
        if (!(pid instanceof Pid)) throw new TermFormatError('fun creator is not a pid', pidAt);
        const fun: FunHeader = { size, arity, uniq, index, module, oldIndex, oldUniq, pid };
        if (numFree === 0) {
          term = finishFun(fun, [], at, r.pos);
          break;
        }
        r.expect(numFree, at);
        stack.push({ kind: K_FUN, need: numFree, items: [], at, fun });
        continue;
      }
      case T.FUN_EXT:
        throw new TermFormatError('FUN_EXT (pre-R8 fun) is not supported', at);
      case T.PID_EXT:
      case T.NEW_PID_EXT:
      case T.PORT_EXT:
      case T.NEW_PORT_EXT:
      case T.V4_PORT_EXT:
      case T.REFERENCE_EXT:
      case T.NEW_REFERENCE_EXT:
      case T.NEWER_REFERENCE_EXT:
        r.pos = at;
        term = r.term();
        break;
      case T.LOCAL_EXT:
        throw new TermFormatError('LOCAL_EXT is only valid inside the node that made it', at);
      case T.COMPRESSED:
        throw new TermFormatError('compressed term is only allowed at top level', at);
      default:
        throw new TermFormatError(`unknown tag ${tag}`, at);
    }
    // Hand the finished term to the innermost open container, closing containers as they fill.
    for (;;) {
      const f = stack[stack.length - 1];
      if (f === undefined) return { term, next: r.pos };
      f.items.push(term);
      if (f.items.length < f.need) break;
      stack.pop();
      term = finish(f, r.pos);
    }
  }
}

function finish(f: Frame, end: number): Term {
  const items = f.items;
  switch (f.kind) {
    case K_TUPLE:
      return items;
    case K_LIST: {
      let l = items[items.length - 1];
      for (let i = items.length - 2; i >= 0; i--) l = new Cons(items[i], l);
      return l;
    }
    case K_MAP: {
      const pairs: [Term, Term][] = [];
      for (let i = 0; i < items.length; i += 2) pairs.push([items[i], items[i + 1]]);
      const m = makeMap(pairs);
      if (m.size !== pairs.length) throw new TermFormatError('duplicate map key', f.at);
      return m;
    }
    default:
      return finishFun(f.fun!, items, f.at, end);
  }
}

function finishFun(h: FunHeader, env: Term[], at: number, end: number): LocalFun {
  // Size counts itself and everything after it: all bytes but the tag.
  if (h.size !== end - at - 1) throw new TermFormatError(`NEW_FUN_EXT size ${h.size} does not match ${end - at - 1}`, at);
  return new LocalFun(h.module, h.arity, h.index, h.uniq, h.oldIndex, h.oldUniq, h.pid, env);
}

/** A bounds-checked cursor; also decodes the flat terms that appear inside others (atoms, pids). */
class Reader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    private readonly safe: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!Number.isInteger(pos) || pos < 0 || pos > bytes.length) throw new TermFormatError('offset out of range', pos);
  }

  /** Fails unless at least n more bytes remain. */
  expect(n: number, at: number = this.pos): void {
    if (n > this.bytes.length - this.pos) {
      throw new TermFormatError(`truncated input (need ${n} more bytes, have ${this.bytes.length - this.pos})`, at);
    }
  }
  u8(): number {
    this.expect(1);
    return this.bytes[this.pos++];
  }
  u16(): number {
    this.expect(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.expect(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.expect(4);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    this.expect(8);
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }
  f64(): number {
    this.expect(8);
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }
  take(n: number): Uint8Array {
    this.expect(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** Bignum body: sign byte, then n little-endian magnitude bytes (any nonzero sign is negative). */
  big(n: number): number | bigint {
    const negative = this.u8() !== 0;
    const b = this.take(n);
    let hex = '';
    for (let i = n - 1; i >= 0; i--) hex += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    const mag = n === 0 ? 0n : BigInt('0x' + hex);
    return int(negative ? -mag : mag);
  }

  /** SMALL_INTEGER_EXT or INTEGER_EXT, where the format requires a fixnum. */
  smallInt(): number {
    const at = this.pos;
    const tag = this.u8();
    if (tag === T.SMALL_INTEGER_EXT) return this.u8();
    if (tag === T.INTEGER_EXT) return this.i32();
    throw new TermFormatError(`expected an integer, found tag ${tag}`, at);
  }

  atom(): Atom {
    const at = this.pos;
    const tag = this.u8();
    let name: string;
    switch (tag) {
      case T.ATOM_EXT:
      case T.SMALL_ATOM_EXT: {
        const n = tag === T.ATOM_EXT ? this.u16() : this.u8();
        if (n > T.MAX_ATOM_CHARS) throw new TermFormatError('atom longer than 255 characters', at);
        name = latin1(this.take(n));
        break;
      }
      case T.ATOM_UTF8_EXT:
      case T.SMALL_ATOM_UTF8_EXT: {
        const b = this.take(tag === T.ATOM_UTF8_EXT ? this.u16() : this.u8());
        try {
          name = utf8.decode(b);
        } catch {
          throw new TermFormatError('atom is not valid UTF-8', at);
        }
        break;
      }
      case T.ATOM_CACHE_REF:
        throw new TermFormatError('ATOM_CACHE_REF is only valid in distribution messages', at);
      default:
        throw new TermFormatError(`expected an atom, found tag ${tag}`, at);
    }
    if (name.length > T.MAX_ATOM_CHARS && [...name].length > T.MAX_ATOM_CHARS) {
      throw new TermFormatError('atom longer than 255 characters', at);
    }
    if (this.safe) {
      const a = Atom.existing(name);
      if (a === undefined) throw new TermFormatError('unknown atom in safe mode', at);
      return a;
    }
    return Atom.intern(name);
  }

  /** The identifier terms (pids, ports, refs), which contain only an atom and fixed fields. */
  term(): Pid | Port | Ref {
    const at = this.pos;
    const tag = this.u8();
    switch (tag) {
      case T.PID_EXT:
      case T.NEW_PID_EXT: {
        const node = this.atom();
        const id = this.u32();
        const serial = this.u32();
        const creation = tag === T.PID_EXT ? this.u8() : this.u32();
        return new Pid(node, id, serial, creation);
      }
      case T.PORT_EXT:
      case T.NEW_PORT_EXT:
      case T.V4_PORT_EXT: {
        const node = this.atom();
        const id = tag === T.V4_PORT_EXT ? this.u64() : BigInt(this.u32());
        const creation = tag === T.PORT_EXT ? this.u8() : this.u32();
        return new Port(node, id, creation);
      }
      case T.REFERENCE_EXT: {
        const node = this.atom();
        const id = this.u32();
        return new Ref(node, this.u8(), [id]);
      }
      case T.NEW_REFERENCE_EXT:
      case T.NEWER_REFERENCE_EXT: {
        const len = this.u16();
        if (len > T.MAX_REF_WORDS) throw new TermFormatError(`reference with ${len} words`, at);
        const node = this.atom();
        const creation = tag === T.NEW_REFERENCE_EXT ? this.u8() : this.u32();
        this.expect(4 * len);
        const ids: number[] = [];
        for (let i = 0; i < len; i++) ids.push(this.u32());
        return new Ref(node, creation, ids);
      }
      default:
        throw new TermFormatError(`expected a pid, found tag ${tag}`, at);
    }
  }
}
