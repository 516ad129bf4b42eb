/**
 * erlang:crc32/adler32 (zlib's CRC-32 and Adler-32, with their _combine forms) and erlang:md5
 * with its incremental md5_init/update/final. Inputs are iodata; errors are a plain badarg.
 */
import { createHash } from 'node:crypto';
import { badarg } from '../exception.js';
import { BitString, binary } from '../term/binary.js';
import type { Term } from '../term/term.js';
import { iolistToBinary } from './binaries.js';
import { defineBifs } from './registry.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crcUpdate(crc: number, bytes: Uint8Array, len = bytes.length): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < len; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-32 of `len` zero bytes continued from `crc` (used by combine). */
function crcZeros(crc: number, len: number): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < len; i++) c = CRC_TABLE[c & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const ADLER_BASE = 65521;

function adlerUpdate(adler: number, bytes: Uint8Array): number {
  let a = adler & 0xffff;
  let b = (adler >>> 16) & 0xffff;
  for (let i = 0; i < bytes.length; ) {
    // 5552 bytes is the longest run whose sums cannot overflow 2^32 before the modulo.
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

function u32(t: Term): number {
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= 0xffffffff) return t;
  return badarg();
}

function bytesOf(t: Term): Uint8Array {
  const b = iolistToBinary(t);
  return b.bytes.subarray(0, b.byteSize);
}

function len(t: Term): number {
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0) return t;
  return badarg();
}

/** The MD5 context is the data hashed so far (OTP's is an opaque binary as well). */
function md5Context(t: Term): Uint8Array {
  if (!(t instanceof BitString) || !t.isBinary) badarg();
  return t.bytes.subarray(0, t.byteSize);
}

function md5(bytes: Uint8Array): BitString {
  return binary(new Uint8Array(createHash('md5').update(bytes).digest()));
}

defineBifs('erlang', {
  'crc32/1': (d) => crcUpdate(0, bytesOf(d)),
  'crc32/2': (c, d) => crcUpdate(u32(c), bytesOf(d)),
  // crc(A ++ B) = crc(B) xor (the part of crc(A ++ zeros) contributed by crc(A)): CRC is affine.
  'crc32_combine/3': (c1, c2, l2) => {
    const n = len(l2);
    return (u32(c2) ^ crcZeros(u32(c1), n) ^ crcZeros(0, n)) >>> 0;
  },
  'adler32/1': (d) => adlerUpdate(1, bytesOf(d)),
  'adler32/2': (a, d) => adlerUpdate(u32(a), bytesOf(d)),
  'adler32_combine/3': (a1, a2, l2) => {
    const x = u32(a1);
    const y = u32(a2);
    const rem = len(l2) % ADLER_BASE;
    // Sums of B's bytes shift by A's sums: a = a1 + a2 - 1, b = b1 + b2 + rem * (a1 - 1).
    const a = ((x & 0xffff) + (y & 0xffff) + ADLER_BASE - 1) % ADLER_BASE;
    const b = (((x >>> 16) & 0xffff) + ((y >>> 16) & 0xffff) + rem * ((x & 0xffff) + ADLER_BASE - 1)) % ADLER_BASE;
    return ((b << 16) | a) >>> 0;
  },
  'md5/1': (d) => md5(bytesOf(d)),
  'md5_init/0': () => binary(new Uint8Array(0)),
  'md5_update/2': (ctx, d) => {
    const a = md5Context(ctx);
    const b = bytesOf(d);
    const all = new Uint8Array(a.length + b.length);
    all.set(a);
    all.set(b, a.length);
    return binary(all);
  },
  'md5_final/1': (ctx) => md5(md5Context(ctx)),
});
