/**
 * External term format encoder: the bytes OTP 25's term_to_binary/1,2 produces.
 *
 * Choices that match OTP 25 (checked against erl in test/vectors/terms.json):
 * - integers: SMALL_INTEGER 0..255, INTEGER within 32 bits, else SMALL_BIG / LARGE_BIG;
 * - floats: NEW_FLOAT_EXT, or the old 31-byte "%.20e" FLOAT_EXT with minor_version 0;
 * - atoms: minor_version 0 and 1 (the default) write ATOM_EXT (latin1) whenever every character
 *   is below 256, else SMALL_ATOM_UTF8_EXT / ATOM_UTF8_EXT; minor_version 2 always uses UTF-8;
 * - lists of at most 65535 bytes (0..255) as STRING_EXT;
 * - pids NEW_PID_EXT, ports NEW_PORT_EXT (V4_PORT_EXT past 32 bits), refs NEWER_REFERENCE_EXT.
 * - maps: a small map's pairs in key order, a large map's in its iteration order reversed (as
 *   OTP writes them; a large map keyed by atoms, pids or funs iterates in a different order
 *   here, see runtime/term/hash-internal.ts).
 * Iterative (explicit stack), so deep terms cannot overflow the JS stack.
 */
import pako from 'pako';
import { Atom, atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ErlFloat } from '../term/float.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { Cons, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import type { Term } from '../term/term.js';
import { formatOldFloat } from './oldfloat.js';
import * as T from './tags.js';

export interface EncodeOptions {
  /** term_to_binary's minor_version: 0 = old text floats, 1 = default, 2 = UTF-8 atoms. */
  minorVersion?: 0 | 1 | 2;
  /** term_to_binary's `compressed` / `{compressed, Level}` (true = level 6). */
  compressed?: boolean | number;
}

export function encodeExternal(term: Term, opts: EncodeOptions = {}): Uint8Array {
  const minor = opts.minorVersion ?? 1;
  const w = new Writer();
  w.u8(T.VERSION);
  encodeInto(w, term, minor);
  const plain = w.finish();
  const level = opts.compressed === true ? 6 : opts.compressed === false ? 0 : (opts.compressed ?? 0);
  return level > 0 ? compress(plain, level) : plain;
}

/**
 * OTP compresses the body after the version byte with zlib, and keeps the plain encoding
 * when compression would not make the result smaller.
 */
function compress(plain: Uint8Array, level: number): Uint8Array {
  const body = plain.subarray(1);
  const z = pako.deflate(body, { level: Math.min(9, level) as pako.DeflateOptions['level'] });
  if (z.length + 6 > plain.length) return plain; // OTP needs a saving of at least 5 bytes on the body
  const out = new Uint8Array(6 + z.length);
  out[0] = T.VERSION;
  out[1] = T.COMPRESSED;
  new DataView(out.buffer).setUint32(2, body.length);
  out.set(z, 6);
  return out;
}

/** Marks where a NEW_FUN_EXT's size field must be filled in once its free variables are written. */
class SizePatch {
  constructor(readonly at: number) {}
}

const NO_PID = new Pid(atom('nonode@nohost'), 0, 0, 0);

function encodeInto(w: Writer, root: Term, minor: number): void {
  const stack: (Term | SizePatch)[] = [root];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (typeof t === 'number' || typeof t === 'bigint') {
      writeInteger(w, t);
    } else if (t instanceof Atom) {
      writeAtom(w, t, minor);
    } else if (Array.isArray(t)) {
      if (t.length <= 255) {
        w.u8(T.SMALL_TUPLE_EXT);
        w.u8(t.length);
      } else {
        w.u8(T.LARGE_TUPLE_EXT);
        w.u32(t.length);
      }
      for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]);
    } else if (t === NIL) {
      w.u8(T.NIL_EXT);
    } else if (t instanceof Cons) {
      const items: Term[] = [];
      let l: Term = t;
      let bytes = true;
      while (l instanceof Cons) {
        const h = l.head;
        if (bytes && !(typeof h === 'number' && h >= 0 && h <= 255)) bytes = false;
        items.push(h);
        l = l.tail;
      }
      if (bytes && l === NIL && items.length <= 65535) {
        w.u8(T.STRING_EXT);
        w.u16(items.length);
        w.bytes(Uint8Array.from(items as number[]));
      } else {
        w.u8(T.LIST_EXT);
        w.u32(items.length);
        stack.push(l);
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
      }
    } else if (t instanceof ErlFloat) {
      if (minor === 0) {
        w.u8(T.FLOAT_EXT);
        const field = new Uint8Array(31);
        const text = formatOldFloat(t.value);
        for (let i = 0; i < text.length; i++) field[i] = text.charCodeAt(i);
        w.bytes(field);
      } else {
        w.u8(T.NEW_FLOAT_EXT);
        w.f64(t.value);
      }
    } else if (t instanceof BitString) {
      const n = Math.ceil(t.bitSize / 8);
      const rest = t.bitSize & 7;
      w.u8(rest === 0 ? T.BINARY_EXT : T.BIT_BINARY_EXT);
      w.u32(n);
      if (rest !== 0) w.u8(rest);
      const start = w.pos;
      w.bytes(t.bytes.subarray(0, n));
      if (rest !== 0) w.buf[start + n - 1] &= (0xff << (8 - rest)) & 0xff;
    } else if (t instanceof ErlMap) {
      w.u8(T.MAP_EXT);
      w.u32(t.size);
      const ks = t.keys;
      const vs = t.values;
      // Pairs in OTP's order: a small map's sorted keys, a large map's iteration reversed.
      if (t.root === undefined) for (let i = t.size - 1; i >= 0; i--) stack.push(vs[i], ks[i]);
      else for (let i = 0; i < t.size; i++) stack.push(vs[i], ks[i]);
    } else if (t instanceof ExportFun) {
      w.u8(T.EXPORT_EXT);
      writeAtom(w, t.module, minor);
      writeAtom(w, t.name, minor);
      w.u8(T.SMALL_INTEGER_EXT);
      w.u8(t.arity);
    } else if (t instanceof LocalFun) {
      w.u8(T.NEW_FUN_EXT);
      const sizeAt = w.pos;
      w.u32(0);
      w.u8(t.arity);
      if (t.uniq.length !== 16) throw new TypeError('LocalFun uniq must be 16 bytes');
      w.bytes(t.uniq);
      w.u32(t.index);
      w.u32(t.env.length);
      writeAtom(w, t.module, minor);
      writeInteger(w, t.oldIndex);
      writeInteger(w, t.oldUniq);
      writePid(w, t.pid ?? NO_PID, minor);
      stack.push(new SizePatch(sizeAt));
      for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]);
    } else if (t instanceof Pid) {
      writePid(w, t, minor);
    } else if (t instanceof Port) {
      const v4 = t.id > 0xffffffffn;
      w.u8(v4 ? T.V4_PORT_EXT : T.NEW_PORT_EXT);
      writeAtom(w, t.node, minor);
      if (v4) w.u64(t.id);
      else w.u32(Number(t.id));
      w.u32(t.creation);
    } else if (t instanceof Ref) {
      w.u8(T.NEWER_REFERENCE_EXT);
      w.u16(t.ids.length);
      writeAtom(w, t.node, minor);
      w.u32(t.creation);
      for (const id of t.ids) w.u32(id);
    } else if (t instanceof SizePatch) {
      new DataView(w.buf.buffer).setUint32(t.at, w.pos - t.at);
    } else {
      throw new TypeError(`not an Erlang term: ${String(t)}`);
    }
  }
}

function writePid(w: Writer, p: Pid, minor: number): void {
  w.u8(T.NEW_PID_EXT);
  writeAtom(w, p.node, minor);
  w.u32(p.id);
  w.u32(p.serial);
  w.u32(p.creation);
}

function writeInteger(w: Writer, v: number | bigint): void {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new TypeError(`not an integer: ${v}`);
    if (v >= 0 && v <= 255) {
      w.u8(T.SMALL_INTEGER_EXT);
      w.u8(v);
      return;
    }
    if (v >= -0x80000000 && v <= 0x7fffffff) {
      w.u8(T.INTEGER_EXT);
      w.i32(v);
      return;
    }
    v = BigInt(v);
  } else if (v >= -0x80000000n && v <= 0x7fffffffn) {
    writeInteger(w, Number(v));
    return;
  }
  const negative = v < 0n;
  let hex = (negative ? -v : v).toString(16);
  if (hex.length & 1) hex = '0' + hex;
  const n = hex.length / 2;
  if (n <= 255) {
    w.u8(T.SMALL_BIG_EXT);
    w.u8(n);
  } else {
    w.u8(T.LARGE_BIG_EXT);
    w.u32(n);
  }
  w.u8(negative ? 1 : 0);
  w.reserve(n);
  for (let i = 0; i < n; i++) w.buf[w.pos + i] = parseInt(hex.substr(hex.length - 2 * (i + 1), 2), 16);
  w.pos += n;
}

const utf8 = new TextEncoder();

function writeAtom(w: Writer, a: Atom, minor: number): void {
  const name = a.name;
  if (minor < 2) {
    let latin1 = true;
    for (let i = 0; i < name.length && latin1; i++) latin1 = name.charCodeAt(i) <= 0xff;
    if (latin1) {
      w.u8(T.ATOM_EXT);
      w.u16(name.length);
      w.reserve(name.length);
      for (let i = 0; i < name.length; i++) w.buf[w.pos + i] = name.charCodeAt(i);
      w.pos += name.length;
      return;
    }
  }
  const b = utf8.encode(name);
  if (b.length <= 255) {
    w.u8(T.SMALL_ATOM_UTF8_EXT);
    w.u8(b.length);
  } else {
    w.u8(T.ATOM_UTF8_EXT);
    w.u16(b.length);
  }
  w.bytes(b);
}

/** A growable big-endian byte buffer. */
class Writer {
  buf = new Uint8Array(256);
  pos = 0;
  private view = new DataView(this.buf.buffer);

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.reserve(1);
    this.buf[this.pos++] = v;
  }
  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
  }
  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.pos, v);
    this.pos += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.pos, v);
    this.pos += 4;
  }
  u64(v: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.pos, v);
    this.pos += 8;
  }
  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.pos, v);
    this.pos += 8;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
