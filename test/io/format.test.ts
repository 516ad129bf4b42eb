// io_lib:format/2 against erl (test/vectors/format.json, from scripts/gen-format-vectors.mjs),
// plus io:format's device bytes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ErlangException } from '../../runtime/exception.js';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { deviceBytes, formatChars } from '../../runtime/io/format.js';
import { Atom, atom, binaryFromString, float, list, NIL, type Term } from '../../runtime/term/index.js';

interface Vector {
  src: string;
  hex: string;
  out?: string;
  cps?: number[];
  err?: string;
  outPc?: string | number[];
}
interface DeviceVector {
  src: string;
  hex: string;
  latin1: string;
  unicode: string;
}
const data: { otp: string; vectors: Vector[]; device: DeviceVector[] } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../vectors/format.json', import.meta.url)), 'utf8'),
);

const fromHex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const cps = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
const decode = (hex: string) => decodeExternal(fromHex(hex)) as Term[];

/** The output as erl gave it, or 'badarg'. */
function run(fmt: Term, args: Term, printableRange?: 'latin1' | 'unicode'): number[] | 'badarg' {
  try {
    return formatChars(fmt, args, { printableRange });
  } catch (e) {
    if (e instanceof ErlangException && e.reason === atom('badarg')) return 'badarg';
    throw e;
  }
}

const show = (x: number[] | string) => (typeof x === 'string' ? x : JSON.stringify(String.fromCodePoint(...x.map((c) => (c >= 0 && c <= 0x10ffff ? c : 0xfffd)))));

function check(vs: Vector[]): string[] {
  const bad: string[] = [];
  for (const v of vs) {
    const [fmt, args] = decode(v.hex);
    const want: number[] | string = v.err ?? v.cps ?? cps(v.out!);
    const got = run(fmt, args);
    if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${v.src}\n  want ${show(want)}\n  got  ${show(got)}`);
    if (v.outPc !== undefined) {
      const wantPc = typeof v.outPc === 'string' && v.outPc !== 'badarg' ? cps(v.outPc) : v.outPc;
      const gotPc = run(fmt, args, 'unicode');
      if (JSON.stringify(gotPc) !== JSON.stringify(wantPc)) bad.push(`(+pc unicode) ${v.src}\n  want ${show(wantPc)}\n  got  ${show(gotPc)}`);
    }
  }
  return bad;
}

/** Groups vectors by their control characters, so a failure points at a directive. */
function groupOf(v: Vector): string {
  const m = /^\{("(?:[^"\\]|\\.)*")/.exec(v.src);
  if (!m) return 'other formats';
  const ctl = [...m[1].matchAll(/~[-0-9.*]*[tl]*(.)/g)].map((x) => x[1]);
  if (ctl.some((c) => c === 'p' || c === 'P')) return /^\{"\.{3,}/.test(v.src) ? '~p random terms' : '~p ~P';
  return ctl.length === 0 ? 'plain text' : [...new Set(ctl)].sort().join(' ');
}

describe('io_lib:format against erl', () => {
  it('has the vectors', () => {
    expect(data.otp).toBe('25');
    expect(data.vectors.length).toBeGreaterThan(1000);
  });
  const groups = new Map<string, Vector[]>();
  for (const v of data.vectors) {
    const g = groupOf(v);
    groups.set(g, [...(groups.get(g) ?? []), v]);
  }
  for (const [g, vs] of [...groups].sort()) {
    it(`${g} (${vs.length})`, () => {
      expect(check(vs).slice(0, 10)).toEqual([]);
    });
  }
});

describe('io:format device bytes against erl', () => {
  for (const d of data.device) {
    it(d.src, () => {
      const [fmt, args] = decode(d.hex);
      for (const enc of ['latin1', 'unicode'] as const) {
        const want = d[enc];
        let got: string;
        try {
          got = Buffer.from(deviceBytes(formatChars(fmt, args), enc)).toString('hex');
        } catch (e) {
          if (!(e instanceof ErlangException)) throw e;
          got = 'badarg';
        }
        expect(got, enc).toBe(want);
      }
    });
  }
});

describe('by hand', () => {
  const f = (fmt: string, args: Term[]) => String.fromCodePoint(...formatChars(list(cps(fmt)), list(args)));
  it('formats of every kind', () => {
    expect(f('~w ~s~n', [atom('a'), list(cps('bc'))])).toBe('a bc\n');
    expect(String.fromCodePoint(...formatChars(atom('x~wy'), list([1])))).toBe('x1y');
    expect(String.fromCodePoint(...formatChars(binaryFromString('~s'), list([binaryFromString('é')])))).toBe('Ã©');
    expect(String.fromCodePoint(...formatChars(list(cps('~ts')), list([binaryFromString('é')])))).toBe('é');
  });
  it('~p starts at the current column', () => {
    const l = list(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(f('~p', [l])).toBe('[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n 29,30]');
    expect(f('abcdefghij~p', [l]).split('\n')[1]).toBe('           26,27,28,29,30]');
    expect(f('~10c~p', [42, l]).split('\n')[1]).toBe('           26,27,28,29,30]');
  });
  it('deeply nested terms do not overflow the stack', () => {
    const nest = (n: number) => {
      let t: Term = NIL;
      for (let i = 0; i < n; i++) t = list([t, 1]);
      return t;
    };
    // ~p indents every level: 3000 levels is already 4.5M characters.
    expect(formatChars(list(cps('~p')), list([nest(3000)])).length).toBeGreaterThan(3000 * 3000 / 2);
    const deep = nest(20000);
    for (const fmt of ['~w', '~0p', '~P']) {
      const out = formatChars(list(cps(fmt)), list(fmt === '~P' ? [deep, 100] : [deep]));
      expect(out.length).toBeGreaterThan(200);
    }
  });
  it('printable range', () => {
    const s = list(cps('日本'));
    expect(String.fromCodePoint(...formatChars(list(cps('~tp')), list([s])))).toBe('[26085,26412]');
    expect(String.fromCodePoint(...formatChars(list(cps('~tp')), list([s]), { printableRange: 'unicode', unicodeDevice: true }))).toBe('"日本"');
  });
  it('floats', () => {
    expect(f('~.2f ~e ~g ~10.3f|', [float(0.125), float(0.1), float(12345.0), float(-1.5)])).toBe('0.13 1.00000e-1 1.23450e+4     -1.500|');
  });
  it('badarg', () => {
    for (const [fmt, args] of [['~w', []], ['~', []], ['~d', [1]], ['~.*c', [-1, 97]], ['~-5p', [atom('a')]], ['~f', [1]]] as [string, Term[]][]) {
      expect(() => formatChars(list(cps(fmt)), list(args))).toThrow(ErlangException);
    }
    expect(() => formatChars(list(cps('abc')), atom('x'))).toThrow(ErlangException);
    // OTP would put the bignum itself into its output list (and io:format then fails).
    expect(() => formatChars(list(cps('~tc')), list([2n ** 70n]))).toThrow(ErlangException);
    expect(() => formatChars(float(1.0), NIL)).toThrow(ErlangException);
    expect(Atom.existing('badarg')).toBeDefined();
  });
  it('device bytes', () => {
    expect(Buffer.from(deviceBytes([0x65e5, 233, 10], 'latin1')).toString('latin1')).toBe('\\x{65E5}é\n');
    expect(Buffer.from(deviceBytes([0x65e5, 233], 'unicode')).toString('utf8')).toBe('日é');
    expect(() => deviceBytes([-1], 'unicode')).toThrow(ErlangException);
    expect(() => deviceBytes([0xd800], 'latin1')).toThrow(ErlangException);
  });
});
