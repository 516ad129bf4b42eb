// Appending (bs_create_bin's append / private_append, OTP 24 bs_append): amortised O(1) in
// place on the latest binary of a writable buffer, copies otherwise, and never changes a
// binary that already exists.
import { describe, expect, it } from 'vitest';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { BitString, binary } from '../../runtime/term/binary.js';
import { BitWriter, createBin, initWritable, isWritable } from '../../runtime/term/bits/build.js';
import { startMatch } from '../../runtime/term/bits/match.js';
import { wellFormed } from './vectors.js';

const EMPTY = new BitString(new Uint8Array(0), 0);
const bytes = (b: BitString) => [...b.bytes];
/** Whether two binaries start at the same place of the same memory (an append in place). */
const sameStore = (x: BitString, y: BitString) => x.bytes.buffer === y.bytes.buffer && x.bytes.byteOffset === y.bytes.byteOffset;
const bin = (...xs: number[]) => binary(Uint8Array.from(xs));

/** `<<Acc/binary, Tail/binary>>` as the compiler emits it. */
function appendBin(acc: BitString, tail: BitString): BitString {
  const w = BitWriter.append(acc, 8, tail.bitSize);
  w.binaryAll(tail, 8);
  return w.finish();
}

describe('appending', () => {
  it('appends 1 byte 1,000,000 times in well under a second', () => {
    const one = Uint8Array.of(1);
    let acc = EMPTY;
    let buffers = 0;
    let last: ArrayBufferLike | undefined;
    const t0 = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      // {bs_create_bin, ..., [{atom,append},1,8,nil,Acc,{atom,all}, {atom,string},0,8,nil,{string,<<1>>},{integer,1}]}
      const w = BitWriter.append(acc, 8, 8);
      w.string(one);
      acc = w.finish();
      if (acc.bytes.buffer !== last) {
        buffers++;
        last = acc.bytes.buffer;
      }
    }
    const ms = performance.now() - t0;
    console.log(`1,000,000 one-byte appends: ${ms.toFixed(0)} ms, ${buffers} buffers`);
    expect(acc.bitSize).toBe(8_000_000);
    expect(acc.bytes.every((b) => b === 1)).toBe(true);
    expect(buffers).toBeLessThan(30); // capacity doubles: no per-append copy
    expect(ms).toBeLessThan(1000);
  });

  it('appends integers one at a time (u8 and wider) in place', () => {
    let acc = EMPTY;
    for (let i = 0; i < 100_000; i++) {
      const w = BitWriter.append(acc, 8, 24);
      w.u8(i);
      w.int(i, 16, 0);
      acc = w.finish();
    }
    expect(acc.bitSize).toBe(100_000 * 24);
    const ctx = startMatch(acc)!;
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) {
      if (ctx.u8() !== (i & 0xff) || ctx.int(16, 0) !== (i & 0xffff)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('never changes an existing binary: appending to an older one copies', () => {
    const a = appendBin(EMPTY, bin(97, 98, 99));
    expect(isWritable(a)).toBe(true);
    const b = appendBin(a, bin(100)); // in place: a is the latest
    expect(sameStore(b, a)).toBe(true);
    expect(isWritable(a)).toBe(false);
    const c = appendBin(a, bin(88)); // a is no longer the latest: copy
    expect(sameStore(c, a)).toBe(false);
    const d = appendBin(b, bin(101)); // b still is
    expect(sameStore(d, b)).toBe(true);
    expect(bytes(a)).toEqual([97, 98, 99]);
    expect(bytes(b)).toEqual([97, 98, 99, 100]);
    expect(bytes(c)).toEqual([97, 98, 99, 88]);
    expect(bytes(d)).toEqual([97, 98, 99, 100, 101]);
    expect(bytes(appendBin(c, bin(1)))).toEqual([97, 98, 99, 88, 1]);
    expect(bytes(c)).toEqual([97, 98, 99, 88]);
  });

  it('a construction that fails half-way leaves no trace', () => {
    const a = appendBin(EMPTY, bin(1, 2));
    const w = BitWriter.append(a, 8);
    w.int(0xff, 8, 0);
    w.int(0xff, 5, 0);
    expect(() => w.int(atom('x'), 8, 0)).toThrow(ErlangException);
    const w2 = BitWriter.append(a, 8);
    w2.int(0, 3, 0);
    const r = w2.finish();
    expect(sameStore(r, a)).toBe(true);
    expect(r.bitSize).toBe(19);
    expect(bytes(r)).toEqual([1, 2, 0]);
    expect(wellFormed(r)).toBe(true);
  });

  it('bitstrings: unit checks, and unaligned ends are copied, not shared', () => {
    expect(() => BitWriter.append(new BitString(Uint8Array.of(0x80), 1), 8)).toThrow(ErlangException);
    expect(() => BitWriter.append(atom('a'), 1)).toThrow(ErlangException);
    let acc = EMPTY;
    const seen: BitString[] = [];
    for (let i = 0; i < 20; i++) {
      const w = BitWriter.append(acc, 1, 3);
      w.int(i, 3, 0);
      acc = w.finish();
      seen.push(acc);
      expect(wellFormed(acc)).toBe(true);
    }
    // Every earlier value is intact.
    for (const [i, s] of seen.entries()) {
      const ctx = startMatch(s)!;
      for (let j = 0; j <= i; j++) expect(ctx.int(3, 0)).toBe(j & 7);
      expect(ctx.testTail(0)).toBe(true);
    }
  });

  it('a sub-binary of a writable buffer is not the latest binary', () => {
    const a = appendBin(EMPTY, bin(1, 2, 3, 4));
    const ctx = startMatch(a)!;
    const head = ctx.binaryBits(16)!;
    expect(sameStore(head, a)).toBe(true); // shares, no copy
    const h2 = appendBin(head, bin(9));
    expect(bytes(h2)).toEqual([1, 2, 9]);
    expect(bytes(a)).toEqual([1, 2, 3, 4]);
    // The whole-binary tail of a context is the binary itself, still appendable in place.
    const same = startMatch(a)!.tail();
    expect(same).toBe(a);
    expect(sameStore(appendBin(same, bin(5)), a)).toBe(true);
  });

  it('grows past the capacity and keeps old contents', () => {
    let acc = appendBin(EMPTY, bin(7));
    const big = binary(new Uint8Array(100_000).fill(3));
    acc = appendBin(acc, big);
    acc = appendBin(acc, bin(8));
    expect(acc.bitSize).toBe(8 * 100_002);
    expect(acc.bytes[0]).toBe(7);
    expect(acc.bytes[50_000]).toBe(3);
    expect(acc.bytes[100_001]).toBe(8);
  });

  it('private_append and append through createBin', () => {
    const a = createBin([{ type: 'private_append', value: EMPTY, size: atom('all'), unit: 8, flags: 0 }, { type: 'string', value: Uint8Array.of(65, 66), unit: 8, flags: 0 }]);
    const b = createBin([{ type: 'append', value: a, size: atom('all'), unit: 8, flags: 0 }, { type: 'integer', value: 67, size: 8, unit: 1, flags: 0 }]);
    expect(sameStore(b, a)).toBe(true);
    expect(bytes(b)).toEqual([65, 66, 67]);
    expect(bytes(a)).toEqual([65, 66]);
  });

  it('bs_init_writable gives an empty appendable binary', () => {
    const w0 = initWritable(100);
    expect(w0.bitSize).toBe(0);
    const r = appendBin(w0, bin(1));
    expect(sameStore(r, w0)).toBe(true);
  });

  it('concatenating strings by appending, as Gleam does', () => {
    let s = EMPTY;
    const word = binary(new TextEncoder().encode('héllo '));
    for (let i = 0; i < 10_000; i++) s = appendBin(s, word);
    expect(s.bitSize).toBe(8 * 7 * 10_000);
    expect(new TextDecoder().decode(s.bytes.subarray(0, 14))).toBe('héllo héllo ');
  });
});
