// The code compiler/codegen/bits.ts emits for bs_create_bin (straight-line calls on the shared
// writer, the appendByte / appendBytes / appendBinary helpers, the generic createBin for the
// rest), run on every construction shape of test/vectors/bits.json against erl's results:
// plain, appending to a binary that is not writable (copy), appending in place to the latest
// binary of a writable buffer (after an aborted construction left junk past its end), and
// again to the same binary once it is no longer the latest. Also matching on appended
// binaries (contexts read their buffer, which extends past the end), and the edge cases of
// the append helpers.
import { generate } from 'astring';
import { describe, expect, it } from 'vitest';
import type { Operand } from '../../compiler/beam/operand.js';
import { createBin as emitCreateBin } from '../../compiler/codegen/bits.js';
import type { FunctionContext } from '../../compiler/codegen/context.js';
import * as J from '../../compiler/codegen/js.js';
import { ErlangException } from '../../runtime/exception.js';
import { RUNTIME } from '../../runtime/ops.js';
import { Atom, atom } from '../../runtime/term/atom.js';
import { BitString, binary } from '../../runtime/term/binary.js';
import { allocBytes, appendBinary, appendByte, appendBytes, BitWriter, BSW, isWritable } from '../../runtime/term/bits/build.js';
import { startMatch } from '../../runtime/term/bits/match.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { Cons, NIL } from '../../runtime/term/list.js';
import { formatTerm } from '../../runtime/term/print.js';
import type { Term } from '../../runtime/term/term.js';
import { args, bitsVectors, decodeHex, expectedMatch, outcome, runMatchCtx, sameValues, wellFormed, type Seg } from './vectors.js';

const EMPTY = new BitString(new Uint8Array(0), 0);
const bin = (...xs: number[]) => binary(Uint8Array.from(xs));
const bytes = (b: BitString) => [...b.bytes];

/** A latest binary of a writable buffer with the bits of `v`, and junk written past its end. */
function writable(v: BitString): BitString {
  const w = BitWriter.append(EMPTY, 1, v.bitSize);
  w.bits(v);
  const r = w.finish();
  if ((r.bitSize & 7) === 0) {
    // An aborted construction: writes past the end, then fails.
    try {
      BSW.beginAppend(r, 1, 24);
      BSW.u8(0xff);
      BSW.int(-1, 13, 0);
      BSW.u8(atom('x'));
    } catch (e) {
      if (!(e instanceof ErlangException)) throw e;
    }
  }
  return r;
}

const STRINGS = new Uint8Array(256).map((_, i) => 255 - i);

/** A minimal function context for emitting one instruction outside a module. */
function context(atoms: Atom[], strings: J.Expr[]): FunctionContext {
  return {
    yOffset: 0,
    mod: {
      module: { name: atom('t') },
      atomConst: (a: Atom) => {
        atoms.push(a);
        return J.id(`A${atoms.length - 1}`);
      },
      stringConst: (offset: number, len: number) => {
        strings.push(J.call(J.member(J.id('STR'), 'subarray'), [J.num(offset), J.num(offset + len)]));
        return J.id(`S${strings.length - 1}`);
      },
    },
    fn: { name: atom('f'), arity: 0 },
  } as unknown as FunctionContext;
}

const flagList = (f: string[]): Operand => {
  if (f.length === 0) return { kind: 'nil' };
  let l: Term = NIL;
  for (const x of [...f].reverse()) l = new Cons(atom(x), l);
  return { kind: 'literal', index: 0, value: l };
};

type Kind = 'plain' | 'append' | 'private_append';

/**
 * Emits `bs_create_bin` for the segments (values in x registers, in the order of `regs`),
 * with an optional string literal segment appended at the end, and returns it as a function.
 */
function compile(segs: Seg[], kind: Kind, stringLen = 0): (regs: Term[]) => Term {
  const atoms: Atom[] = [];
  const strings: J.Expr[] = [];
  const cx = context(atoms, strings);
  const items: Operand[] = [];
  let r = 0;
  segs.forEach((s, i) => {
    const type = i === 0 && kind !== 'plain' ? kind : s.t;
    const value: Operand = { kind: 'x', n: r++ };
    let size: Operand;
    if (s.s === 'v') size = { kind: 'x', n: r++ };
    else if (s.s === 'all') size = { kind: 'atom', value: atom('all') };
    else if (s.s === null) size = { kind: 'atom', value: atom('undefined') };
    else size = { kind: 'i', value: s.s as number };
    items.push({ kind: 'atom', value: atom(type) }, { kind: 'u', value: i }, { kind: 'u', value: s.u }, flagList(s.f), value, size);
  });
  if (stringLen > 0) items.push({ kind: 'atom', value: atom('string') }, { kind: 'u', value: segs.length }, { kind: 'u', value: 8 }, { kind: 'nil' }, { kind: 'u', value: 0 }, { kind: 'u', value: stringLen });
  const dst = r;
  const stmts = emitCreateBin(cx, [{ kind: 'f', label: 0 }, { kind: 'u', value: 0 }, { kind: 'u', value: r }, { kind: 'u', value: 0 }, { kind: 'x', n: dst }, { kind: 'list', items }]);
  const names = Array.from({ length: dst + 1 }, (_, i) => `x${i}`);
  const body = [
    `const {${Object.keys(RUNTIME).join(', ')}} = R;`,
    ...atoms.map((a, i) => `const A${i} = R.atom(${JSON.stringify(a.name)});`),
    ...strings.map((e, i) => `const S${i} = ${generate(e)};`),
    `return function (regs) { let t; let [${names.join(', ')}] = regs;`,
    ...stmts.map((s) => generate(s)),
    `return x${dst}; };`,
  ].join('\n');
  return new Function('R', 'STR', body)(RUNTIME, STRINGS) as (regs: Term[]) => Term;
}

describe('emitted bs_create_bin on the vectors from erl', () => {
  for (const [n, shape] of bitsVectors.build.entries()) {
    const append = shape.segs.length > 0 && shape.segs[0].t === 'binary' && shape.segs[0].s === 'all';
    it(`#${n} ${shape.src}`, () => {
      const failures: string[] = [];
      const kinds: Kind[] = append ? ['plain', 'append', 'private_append'] : ['plain'];
      for (const kind of kinds) {
        const fn = compile(shape.segs, kind);
        for (const [argHex, resHex] of shape.runs) {
          const a = args(argHex);
          const want = decodeHex(resHex);
          const check = (what: string, got: Term) => {
            if (!exactEqual(got, want)) failures.push(`${kind} ${what} ${formatTerm(a)}: got ${formatTerm(got)}, want ${formatTerm(want)}`);
            const res = (got as Term[])[1];
            if (res instanceof BitString && !wellFormed(res)) failures.push(`${kind} ${what} ${formatTerm(a)}: malformed`);
          };
          check('copy', outcome(() => fn(a)));
          if (kind === 'plain' || !(a[0] instanceof BitString)) continue;
          const acc = writable(a[0]);
          const before = bytes(acc);
          check('in place', outcome(() => fn([acc, ...a.slice(1)])));
          // private_append may grow its accumulator itself: no one else holds it.
          if (kind === 'private_append') continue;
          // acc is no longer the latest (when that append succeeded): this one copies.
          check('again', outcome(() => fn([acc, ...a.slice(1)])));
          if (!exactEqual(bytes(acc) as never, before as never)) failures.push(`${kind} ${formatTerm(a)}: the appended-to binary changed`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('emitted shapes', () => {
  const u8: Seg = { t: 'integer', s: 8, u: 1, f: [] };
  const all8: Seg = { t: 'binary', s: 'all', u: 8, f: [] };
  const bits1: Seg = { t: 'binary', s: 'all', u: 1, f: [] };

  it('uses the helpers for one appended segment', () => {
    const src = (segs: Seg[], stringLen = 0) => compile(segs, 'append', stringLen).toString();
    expect(src([all8, u8])).toContain('appendByte(');
    expect(src([all8, all8])).toContain('appendBinary(');
    expect(src([all8], 5)).toContain('appendBytes(');
    expect(src([all8, u8, u8])).toContain('BSW.beginAppend(');
    expect(compile([u8, u8], 'plain').toString()).toContain('BSW.begin(');
  });

  it('appends a string literal segment', () => {
    const f = compile([all8], 'append', 70);
    let acc = writable(bin(1, 2));
    for (let i = 0; i < 3; i++) acc = f([acc]) as BitString;
    expect(acc.bitSize).toBe(8 * (2 + 3 * 70));
    expect(bytes(acc).slice(0, 4)).toEqual([1, 2, 255, 254]);
    expect(acc.bytes[2 + 2 * 70 + 69]).toBe(255 - 69);
    // A bitstring of 3 bits, and a binary not a multiple of the unit.
    expect(() => f([new BitString(Uint8Array.of(0xa0), 3)])).toThrow(ErlangException);
    const r = compile([bits1], 'append', 2)([new BitString(Uint8Array.of(0xa0), 3)]) as BitString;
    expect(r.bitSize).toBe(19);
    expect(bytes(r)).toEqual([0xbf, 0xff, 0xc0]);
    const g = compile([{ t: 'binary', s: 'all', u: 16, f: [] }], 'append', 1);
    expect(() => g([bin(1, 2, 3)])).toThrow(ErlangException);
    expect(bytes(g([bin(1, 2)]) as BitString)).toEqual([1, 2, 255]);
  });

  it('an append of a whole bitstring of any size', () => {
    const f = compile([all8, bits1], 'append');
    const r = f([writable(bin(9)), new BitString(Uint8Array.of(0xa0), 3)]) as BitString;
    expect(r.bitSize).toBe(11);
    expect(bytes(r)).toEqual([9, 0xa0]);
    expect(wellFormed(r)).toBe(true);
    expect(() => f([writable(bin(9)), atom('a')])).toThrow(ErlangException);
  });
});

describe('append helpers', () => {
  it('appendByte: negative and wide integers are truncated, others are badarg', () => {
    let acc = writable(EMPTY);
    acc = appendByte(acc, 8, -1);
    acc = appendByte(acc, 8, 0x1234);
    acc = appendByte(acc, 8, -(2n ** 70n) - 2n);
    acc = appendByte(acc, 8, 2n ** 64n + 7n);
    expect(bytes(acc)).toEqual([255, 0x34, 0xfe, 7]);
    expect(() => appendByte(acc, 8, atom('x'))).toThrow(ErlangException);
    expect(() => appendByte(acc, 8, new (RUNTIME.ErlFloat)(1))).toThrow(ErlangException);
    expect(() => appendByte(atom('x'), 8, 1)).toThrow(ErlangException);
    expect(() => appendByte(new BitString(Uint8Array.of(0), 4), 8, 1)).toThrow(ErlangException);
    // After the failures acc is still the latest and appends in place.
    expect(isWritable(acc)).toBe(true);
    expect(bytes(appendByte(acc, 8, 5))).toEqual([255, 0x34, 0xfe, 7, 5]);
  });

  it('private_append grows the accumulator itself when in place, else copies', () => {
    const a = appendBytes(writable(EMPTY), 8, Uint8Array.of(1, 2), true);
    expect(bytes(a)).toEqual([1, 2]); // makes the bytes view: growing must drop it
    const b = appendByte(a, 8, 3, true);
    expect(b).toBe(a);
    expect(bytes(b)).toEqual([1, 2, 3]);
    expect(appendBinary(b, 8, bin(4, 5), 8, true)).toBe(a);
    expect(bytes(a)).toEqual([1, 2, 3, 4, 5]);
    const lit = bin(7);
    const c = appendByte(lit, 8, 8, true); // not writable: a new binary
    expect(c).not.toBe(lit);
    expect(bytes(lit)).toEqual([7]);
    expect(bytes(appendBytes(c, 8, Uint8Array.of(9), true))).toEqual([7, 8, 9]);
  });

  it('appendByte on an unaligned bitstring (unit 1)', () => {
    let acc: BitString = new BitString(Uint8Array.of(0xa0), 3);
    acc = appendByte(acc, 1, 0xff);
    expect(acc.bitSize).toBe(11);
    expect(bytes(acc)).toEqual([0xbf, 0xe0]);
    acc = appendByte(acc, 1, 0x01);
    expect(bytes(acc)).toEqual([0xbf, 0xe0, 0x20]);
    expect(wellFormed(acc)).toBe(true);
  });

  it('never changes a binary someone else holds', () => {
    const a = appendBytes(writable(EMPTY), 8, Uint8Array.of(1, 2, 3));
    const b = appendByte(a, 8, 4); // in place
    const c = appendByte(a, 8, 5); // a is not the latest: copy
    const d = appendBinary(a, 8, bin(6, 7), 8);
    const e = appendByte(b, 8, 8); // b still is the latest
    expect(bytes(a)).toEqual([1, 2, 3]);
    expect(bytes(b)).toEqual([1, 2, 3, 4]);
    expect(bytes(c)).toEqual([1, 2, 3, 5]);
    expect(bytes(d)).toEqual([1, 2, 3, 6, 7]);
    expect(bytes(e)).toEqual([1, 2, 3, 4, 8]);
    expect(bytes(appendByte(c, 8, 9))).toEqual([1, 2, 3, 5, 9]);
    expect(bytes(c)).toEqual([1, 2, 3, 5]);
  });

  it('appends a binary to itself, and binaries over 64 KB', () => {
    let acc = appendBytes(writable(EMPTY), 8, Uint8Array.of(1, 2));
    acc = appendBinary(acc, 8, acc, 8);
    expect(bytes(acc)).toEqual([1, 2, 1, 2]);
    const big = binary(new Uint8Array(70_000).map((_, i) => i & 0xff));
    let s = acc;
    for (let i = 0; i < 5; i++) s = appendBinary(s, 8, big, 8);
    expect(s.bitSize).toBe(8 * (4 + 5 * 70_000));
    expect(s.bytes[4 + 4 * 70_000 + 69_999]).toBe(69_999 & 0xff);
    s = appendBinary(s, 8, s, 8);
    expect(s.bitSize).toBe(16 * (4 + 5 * 70_000));
    expect(s.bytes[4 + 5 * 70_000 + 1]).toBe(2);
    expect(bytes(acc)).toEqual([1, 2, 1, 2]);
    // Over 64 KB of literal bytes.
    const lit = new Uint8Array(66_000).fill(7);
    const t = appendBytes(appendBytes(writable(EMPTY), 8, lit), 8, lit);
    expect(t.bitSize).toBe(8 * 132_000);
    expect(t.bytes.every((x) => x === 7)).toBe(true);
  });

  it('appendBinary: badarg for a non-bitstring, and units', () => {
    expect(() => appendBinary(writable(bin(1)), 8, atom('a'), 8)).toThrow(ErlangException);
    expect(() => appendBinary(writable(bin(1)), 8, new BitString(Uint8Array.of(0), 4), 8)).toThrow(ErlangException);
    const r = appendBinary(writable(bin(1)), 8, new BitString(Uint8Array.of(0xf0), 4), 1);
    expect(r.bitSize).toBe(12);
    expect(bytes(r)).toEqual([1, 0xf0]);
    expect(bytes(appendBinary(writable(bin(1)), 8, EMPTY, 8))).toEqual([1]);
  });
});

describe('matching appended binaries', () => {
  it('matches every vector on the latest binary of a writable buffer', () => {
    const failures: string[] = [];
    for (const shape of bitsVectors.match) {
      for (const [argHex, resHex] of shape.runs) {
        const [b, ...extra] = args(argHex);
        if (!(b instanceof BitString)) continue;
        const want = expectedMatch(decodeHex(resHex));
        const got = runMatchCtx(startMatch(writable(b))!, shape.segs, extra);
        if (!sameValues(got, want)) failures.push(`${shape.src} ${formatTerm(b)}`);
        for (const v of got ?? []) if (v instanceof BitString && !wellFormed(v)) failures.push(`${shape.src} ${formatTerm(b)}: malformed`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('matches every vector on a sub-binary sliced from the middle of a buffer', () => {
    const failures: string[] = [];
    for (const shape of bitsVectors.match) {
      for (const [argHex, resHex] of shape.runs) {
        const [b, ...extra] = args(argHex);
        if (!(b instanceof BitString)) continue;
        const want = expectedMatch(decodeHex(resHex));
        // <<Junk:3/binary, B/bits, Junk2/binary>>, B matched out as a slice (aligned: no copy).
        const w = new BitWriter();
        w.bits(bin(0xa5, 0x5a, 0xff));
        w.bits(b);
        if ((b.bitSize & 7) === 0) w.bits(bin(0xff, 0x81));
        const whole = w.finish();
        const outer = startMatch(whole)!;
        outer.skipBits(24);
        const sub = outer.binaryBits(b.bitSize)!;
        if ((b.bitSize & 7) === 0 && sub.off !== 3) failures.push(`${formatTerm(b)}: copied, not sliced`);
        const got = runMatchCtx(startMatch(sub)!, shape.segs, extra);
        if (!sameValues(got, want)) failures.push(`${shape.src} ${formatTerm(b)}`);
        for (const v of got ?? []) if (v instanceof BitString && !wellFormed(v)) failures.push(`${shape.src} ${formatTerm(b)}: malformed`);
        if (!exactEqual(sub, b) || !wellFormed(sub)) failures.push(`${formatTerm(b)}: slice differs`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('slices: of slices, appended to, and their bytes view made once', () => {
    const whole = bin(1, 2, 3, 4, 5, 6, 7, 8);
    const c1 = startMatch(whole)!;
    c1.skipBits(8);
    const s1 = c1.binaryBits(48)!; // 2..7
    const c2 = startMatch(s1)!;
    expect(c2.u8()).toBe(2);
    const s2 = c2.binaryBits(32)!; // 3..6
    expect(s2.off).toBe(2);
    expect(s2.src).toBe(whole.bytes);
    expect(c2.tail().off).toBe(6);
    expect(startMatch(s2)!.tail()).toBe(s2);
    const v = s2.bytes;
    expect([...v]).toEqual([3, 4, 5, 6]);
    expect(s2.bytes).toBe(v);
    expect(v.buffer).toBe(whole.bytes.buffer);
    expect(bytes(appendByte(s2, 8, 9))).toEqual([3, 4, 5, 6, 9]);
    expect(bytes(appendBinary(writable(bin(0)), 8, s1, 8))).toEqual([0, 2, 3, 4, 5, 6, 7]);
    expect(bytes(whole)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Matching a slice after its view exists reads the view.
    const c3 = startMatch(s2)!;
    expect(c3.int(32, 0)).toBe(0x03040506);
    expect(c3.testTail(0)).toBe(true);
  });

  it('the tail of an appended binary sees none of what follows in the buffer', () => {
    const a = appendBytes(writable(EMPTY), 8, Uint8Array.of(1, 2, 3));
    appendByte(a, 8, 4);
    const ctx = startMatch(a)!;
    expect(ctx.u8()).toBe(1);
    const t = ctx.tail();
    expect(bytes(t)).toEqual([2, 3]);
    expect(ctx.binaryAll(8)!.bitSize).toBe(16);
    expect(ctx.testTail(0)).toBe(true);
  });
});

describe('allocBytes', () => {
  it('gives zeroed, disjoint buffers of the size asked for', () => {
    const got: Uint8Array[] = [];
    for (const n of [0, 1, 64, 65, 100, 1000, 1024, 1025, 5000, 70_000]) {
      for (let k = 0; k < 20; k++) {
        const b = allocBytes(n);
        expect(b.length).toBe(n);
        expect(b.every((x) => x === 0)).toBe(true);
        b.fill(0xee);
        got.push(b);
      }
    }
    // Filling each with its own mark leaves the others intact.
    got.forEach((b, i) => b.fill(i & 0xff));
    expect(got.every((b, i) => b.every((x) => x === (i & 0xff)))).toBe(true);
  });
});
