// The construction and match API beyond the erl vectors: legacy (OTP <= 24) entry points,
// sub-binary sharing, positions, error classes, and binary16 conversion exhaustively.
import { describe, expect, it } from 'vitest';
import { ErlangException } from '../../runtime/exception.js';
import { atom } from '../../runtime/term/atom.js';
import { BitString, binary } from '../../runtime/term/binary.js';
import {
  BSF_LITTLE,
  BSF_SIGNED,
  BitWriter,
  bsAdd,
  concatBits,
  createBin,
  flagsFromList,
  fromHalfBits,
  halfBits,
  segmentBits,
  utf16Size,
  utf8Size,
} from '../../runtime/term/bits/build.js';
import { MatchContext, startMatch } from '../../runtime/term/bits/match.js';
import { float } from '../../runtime/term/float.js';
import { list, NIL } from '../../runtime/term/list.js';
import { wellFormed } from './vectors.js';

const bin = (...xs: number[]) => binary(Uint8Array.from(xs));
const reason = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ErlangException) return String(e.reason);
    throw e;
  }
  return 'no error';
};

describe('construction API', () => {
  it('raises badarg and system_limit as OTP does', () => {
    const w = new BitWriter();
    expect(reason(() => w.integer(atom('a'), 8, 1, 0))).toBe('badarg');
    expect(reason(() => w.integer(1, -1, 1, 0))).toBe('badarg');
    expect(reason(() => w.integer(1, float(1), 1, 0))).toBe('badarg');
    expect(reason(() => w.integer(1, 1n << 60n, 1, 0))).toBe('system_limit');
    expect(reason(() => w.integer(1, 2 ** 40, 8, 0))).toBe('system_limit');
    expect(reason(() => w.binary(bin(1, 2), 3, 8))).toBe('badarg');
    expect(reason(() => w.utf8(0xd800))).toBe('badarg');
    expect(reason(() => w.floatBits(1, 8, 0))).toBe('badarg');
    expect(reason(() => segmentBits(-(1n << 70n), 1))).toBe('badarg');
  });

  it('OTP 24 bs_init2 / bs_init_bits / bs_add / bs_put_*', () => {
    const size = bsAdd(2, 3, 8); // bytes of a 2-bit header and three 8-bit fields, in bits
    expect(size).toBe(26);
    const w = BitWriter.initBits(size);
    w.integer(3, 2, 1, 0);
    w.string(Uint8Array.of(1, 2));
    w.utf8(0x41);
    const r = w.finish();
    expect(r.bitSize).toBe(26);
    expect(wellFormed(r)).toBe(true);
    const w2 = BitWriter.init2(3);
    w2.binaryAll(bin(1, 2, 3), 8);
    expect([...w2.finish().bytes]).toEqual([1, 2, 3]);
    expect(reason(() => BitWriter.init2(atom('x')))).toBe('badarg');
    expect(reason(() => bsAdd(1, -1, 8))).toBe('badarg');
    expect(utf8Size(0x7f)).toBe(1);
    expect(utf8Size(0x10000)).toBe(4);
    expect(utf16Size(0x10000)).toBe(4);
  });

  it('flag lists of bs_create_bin and bs_match', () => {
    expect(flagsFromList(NIL)).toBe(0);
    expect(flagsFromList(list([atom('little'), atom('signed')]))).toBe(BSF_LITTLE | BSF_SIGNED);
    expect(flagsFromList(list([atom('unsigned'), atom('big')]))).toBe(0);
  });

  it('string segments and concatenation', () => {
    const r = createBin([
      { type: 'integer', value: 1, size: 3, unit: 1, flags: 0 },
      { type: 'string', value: Uint8Array.of(0xff, 0x00), unit: 8, flags: 0 },
    ]);
    expect(r.bitSize).toBe(19);
    expect([...r.bytes]).toEqual([0x3f, 0xe0, 0x00]);
    expect(wellFormed(r)).toBe(true);
    const c = concatBits([r, new BitString(Uint8Array.of(0x80), 1), bin(7)]);
    expect(c.bitSize).toBe(28);
    expect(wellFormed(c)).toBe(true);
  });

  it('a size hint that is exact uses the buffer as allocated', () => {
    const w = new BitWriter(24);
    const before = w.buf;
    w.int(0x123456, 24, 0);
    expect(w.finish().bytes).toBe(before);
  });

  it('binary16 round-trips every finite half and rounds ties to even', () => {
    const bad: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const v = fromHalfBits(h);
      if (v === undefined) {
        if ((h & 0x7c00) !== 0x7c00) bad.push(h);
        continue;
      }
      if (halfBits(v) !== h) bad.push(h);
      // The midpoint to the next half up (same sign) rounds to the even one of the two.
      const n = fromHalfBits(h + 1);
      if ((h & 0x7fff) < 0x7bff && n !== undefined && halfBits((v + n) / 2) !== ((h & 1) === 0 ? h : h + 1)) bad.push(h);
    }
    expect(bad).toEqual([]);
    expect(halfBits(1e10)).toBe(0x7c00);
    expect(halfBits(-1e-30)).toBe(0x8000);
  });
});

describe('match API', () => {
  it('starts on bitstrings only, and reuses a context', () => {
    expect(startMatch(atom('a'))).toBeUndefined();
    expect(startMatch(NIL)).toBeUndefined();
    const ctx = startMatch(bin(1))!;
    expect(startMatch(ctx)).toBe(ctx);
  });

  it('sub-binaries share the matched bytes when byte-aligned', () => {
    const b = bin(1, 2, 3, 4, 5);
    const ctx = startMatch(b)!;
    const x = ctx.binaryBits(16)!;
    const y = ctx.binaryBits(12)!; // ends mid-byte inside the binary: copied with zero padding
    const z = ctx.tail();
    expect(x.bytes.buffer).toBe(b.bytes.buffer);
    expect(y.bytes.buffer).not.toBe(b.bytes.buffer);
    expect(wellFormed(y)).toBe(true);
    expect(z.bitSize).toBe(12);
    expect(wellFormed(z)).toBe(true);
    const ctx2 = startMatch(b)!;
    ctx2.skipBits(8);
    const rest = ctx2.tail();
    expect(rest.bytes.buffer).toBe(b.bytes.buffer);
    expect(rest.bytes.byteOffset).toBe(b.bytes.byteOffset + 1);
  });

  it('bs_get_tail leaves the position, so the tail can be matched through the same context', () => {
    // The compiler relies on this (string:bin_search_loop): `<<_:S/binary, T/binary>> = B`,
    // then `<<_:W/binary, R/binary>> = T` skips W more bytes on the same context.
    const ctx = startMatch(bin(1, 2, 3, 4, 5))!;
    ctx.skipBits(8);
    expect(ctx.tail().bitSize).toBe(32);
    expect(ctx.skipBits(16)).toBe(true);
    expect([...ctx.tail().bytes]).toEqual([4, 5]);
    const all = startMatch(bin(1, 2))!;
    all.binaryAll(8);
    expect(all.testTail(0)).toBe(true); // a binary `all` segment does consume the rest
  });

  it('failed steps leave the position alone; positions restore', () => {
    const ctx = startMatch(bin(0xc3, 0x28))!; // invalid UTF-8
    expect(ctx.utf8()).toBeUndefined();
    expect(ctx.position()).toBe(0);
    expect(ctx.int(17, 0)).toBeUndefined();
    expect(ctx.position()).toBe(0);
    const p = ctx.position();
    expect(ctx.u8()).toBe(0xc3);
    ctx.setPosition(p);
    expect(ctx.int(16, BSF_LITTLE)).toBe(0x28c3);
    expect(ctx.testTail(0)).toBe(true);
  });

  it('wide integers are bigints only outside the safe range', () => {
    const ctx = startMatch(bin(0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x80, 0, 0, 0, 0, 0, 0, 0))!;
    expect(ctx.int(64, 0)).toBe(Number.MAX_SAFE_INTEGER);
    expect(ctx.int(64, BSF_SIGNED)).toBe(-(2n ** 63n));
    const c2 = startMatch(bin(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))!;
    expect(c2.int(64, BSF_SIGNED)).toBe(-1);
    c2.setPosition(0);
    expect(c2.int(64, 0)).toBe(2n ** 64n - 1n);
  });

  it('bs_match commands: ensure, unchecked reads, =:=', () => {
    const ctx = startMatch(bin(1, 2, 3, 4, 5))!;
    expect(ctx.ensureAtLeast(16, 8)).toBe(true);
    expect(ctx.ensureAtLeast(17, 8)).toBe(false);
    expect(ctx.ensureAtLeast(48, 1)).toBe(false);
    expect(ctx.ensureExactly(40)).toBe(true);
    expect(ctx.readEquals(16, 0x0102)).toBe(true);
    expect(ctx.readEquals(8, 4)).toBe(false);
    expect(ctx.readInt(8, 0)).toBe(3);
    ctx.advance(4);
    expect(ctx.readBinary(4).bitSize).toBe(4);
    expect(ctx.tail().bitSize).toBe(8);
  });

  it('matchString at any alignment', () => {
    const w = new BitWriter();
    w.int(5, 3, 0);
    w.string(new TextEncoder().encode('abc'));
    const ctx = startMatch(w.finish())!;
    ctx.skipBits(3);
    expect(ctx.matchString(24, new TextEncoder().encode('abd'))).toBe(false);
    expect(ctx.matchString(20, new TextEncoder().encode('abc'))).toBe(true);
    expect(ctx.remaining).toBe(4);
  });

  it('parses a 1 MB binary byte by byte quickly', () => {
    const data = binary(new Uint8Array(1 << 20).map((_, i) => i & 0xff));
    const t0 = performance.now();
    let sum = 0;
    const ctx = new MatchContext(data);
    for (;;) {
      const b = ctx.u8();
      if (b === undefined) break;
      sum += b;
    }
    const ms = performance.now() - t0;
    console.log(`1 MiB parsed byte by byte: ${ms.toFixed(1)} ms`);
    expect(sum).toBe(127.5 * (1 << 20));
    expect(ms).toBeLessThan(500);
  });
});
