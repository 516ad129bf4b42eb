/**
 * The reader on .beam layouts newer than the local OTP 25: the hand-built OTP 26, 27 and 28
 * modules in fixtures/otp-formats/ (see test/support/otp-fixtures.ts for their sources and
 * scripts/build-otp-fixtures.ts to regenerate them).
 *
 * For every fixture: the committed file is exactly what the definitions build; the reader
 * decodes every table and every instruction to what the builder encoded; and, written out by
 * hand here, the parts that are new in OTP 26–28 (AtU8 with a negative count and compact
 * lengths, the raw LitT, bs_match, update_record, executable_line, debug_line, Type v2/v3,
 * Meta, Docs, line-table flags).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BeamModule } from '../../compiler/beam/module.js';
import type { Operand } from '../../compiler/beam/operand.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { Atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { exactEqual } from '../../runtime/term/compare.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { Cons, NIL } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import type { Term } from '../../runtime/term/term.js';
import { buildBeam, encodeCompact, erlString, GENOP, TAG, type BuiltBeam } from '../support/beam-builder.js';
import { canonical } from '../support/canonical.js';
import {
  ATOM_15,
  ATOM_16,
  ATOM_ASCII_255,
  ATOM_CJK_300,
  ATOM_MAX,
  buildFixture,
  DOCS_27,
  LITERALS_28,
  OTP25_CHECK,
  OTP_FIXTURES,
  SPECIAL_ATOMS,
  type FixtureDef,
} from '../support/otp-fixtures.js';

const A = Atom.intern;
const L = (...items: Term[]): Term => {
  let l: Term = NIL;
  for (let k = items.length - 1; k >= 0; k--) l = new Cons(items[k], l);
  return l;
};
const fixtureDir = new URL('../../fixtures/otp-formats/', import.meta.url);

interface Loaded {
  readonly def: FixtureDef;
  readonly bytes: Uint8Array;
  readonly built: BuiltBeam;
  readonly module: BeamModule;
}

const cache = new Map<string, Loaded>();
function load(file: string): Loaded {
  let l = cache.get(file);
  if (!l) {
    const def = OTP_FIXTURES.find((d) => d.file === file)!;
    const bytes = new Uint8Array(readFileSync(new URL(file, fixtureDir)));
    l = { def, bytes, built: buildFixture(def), module: readBeam(bytes, `fixtures/otp-formats/${file}`) };
    cache.set(file, l);
  }
  return l;
}

/** An operand with literal values in canonical text form and absent types made explicit. */
function plain(o: Operand): unknown {
  switch (o.kind) {
    case 'literal':
      return { kind: 'literal', index: o.index, value: canonical(o.value) };
    case 'list':
      return { kind: 'list', items: o.items.map(plain) };
    case 'x':
    case 'y':
      return { kind: o.kind, n: o.n, type: o.type ?? null };
    case 'alloc':
      return { kind: 'alloc', words: o.words, floats: o.floats, funs: o.funs, items: o.items };
    default:
      return o;
  }
}

function functionsOf(m: BeamModule | BuiltBeam) {
  return m.functions.map((fn) => ({
    name: typeof fn.name === 'string' ? fn.name : fn.name.name,
    arity: fn.arity,
    entry: fn.entry,
    code: fn.code.map((ins) => ({ opcode: ins.opcode, op: ins.op, args: ins.args.map(plain) })),
  }));
}

/** The args of the `nth` instruction named `op` in function `name`. */
function argsOf(m: BeamModule, name: string, op: string, nth = 0): Operand[] {
  const fn = m.functions.find((f) => f.name.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  const found = fn.code.filter((i) => i.op === op);
  if (found.length <= nth) throw new Error(`${name} has no ${op} #${nth}`);
  return found[nth].args;
}

const u = (value: number): Operand => ({ kind: 'u', value });
const atom = (name: string): Operand => ({ kind: 'atom', value: A(name) });
const x = (n: number, type?: number) => ({ kind: 'x', n, type: type ?? null });
const nil = { kind: 'nil' };

describe.each(OTP_FIXTURES.map((d) => d.file))('%s', (file) => {
  it('is what the fixture definition builds (rerun scripts/build-otp-fixtures.ts if not)', () => {
    const { bytes, built } = load(file);
    expect(Buffer.from(bytes).equals(Buffer.from(built.bytes))).toBe(true);
  });

  it('decodes its container, atom table and function tables', () => {
    const { def, built, module: m } = load(file);
    expect(m.name).toBe(A(def.spec.module));
    expect(m.chunks.map((c) => c.id)).toEqual(built.chunks.map((c) => c.id));
    expect(m.atomChunk).toBe(def.release.atomLayout === 'otp28' ? 'AtU8/28' : 'AtU8');
    expect(m.atoms.map((a) => a.name)).toEqual(built.atoms);
    expect(m.header).toEqual({ headerSize: 16, ...built.header });
    expect(m.imports.map((e) => [e.module.name, e.name.name, e.arity])).toEqual(built.imports);
    expect(m.exports.map((e) => ({ name: e.name.name, arity: e.arity, label: e.label }))).toEqual(built.exports);
    expect(m.locals.map((e) => ({ name: e.name.name, arity: e.arity, label: e.label }))).toEqual(built.locals);
    expect(m.lambdas).toEqual([]);
    expect(Buffer.from(m.strings).equals(Buffer.from(built.strings))).toBe(true);
  });

  it('decodes every instruction: opcode, name and operands', () => {
    const { built, module: m } = load(file);
    expect(functionsOf(m)).toEqual(functionsOf(built));
    for (const fn of m.functions) {
      for (const ins of fn.code) expect(GENOP[ins.opcode]?.[0]).toBe(ins.op);
    }
    expect(m.header.functionCount).toBe(m.functions.length);
  });

  it('decodes the literal table', () => {
    const { built, module: m } = load(file);
    expect(m.literals.length).toBe(built.literalTerms.length);
    m.literals.forEach((lit, k) => {
      const want = built.literalTerms[k]!;
      expect(canonical(lit), `literal ${k}`).toBe(canonical(want));
      expect(exactEqual(lit, want), `literal ${k} =:=`).toBe(true);
    });
  });

  it('decodes the line table', () => {
    const { def, built, module: m } = load(file);
    const flags = def.spec.lines === false ? 0 : (def.spec.lines?.flags ?? 0);
    expect(m.lines).toEqual({
      version: 0,
      flags,
      instructionCount: built.lineInstructionCount,
      locations: built.locations,
      files: built.files,
    });
  });

  it('decodes the Type chunk into the OTP 27 layout', () => {
    const { def, module: m } = load(file);
    expect(m.typesVersion).toBe(def.release.typesVersion);
    expect(m.types).toEqual(
      def.spec.types!.entries.map((t) => ({
        union: t.union,
        matchState: t.matchState ?? false,
        ...(t.min !== undefined ? { min: t.min } : {}),
        ...(t.max !== undefined ? { max: t.max } : {}),
        ...(t.unit !== undefined ? { unit: t.unit } : {}),
      })),
    );
  });

  it('decodes Attr, CInf and Meta', () => {
    const { def, built, module: m } = load(file);
    expect(canonical(m.attributes)).toBe(
      canonical(L([A('vsn'), L(BigInt('0x' + Buffer.from(built.md5).toString('hex')))])),
    );
    expect(canonical(m.compileInfo)).toBe(canonical(def.spec.compileInfo!));
    expect(m.meta).toBeDefined();
    expect(canonical(m.meta!)).toBe(
      canonical(L([A('enabled_features'), L(...def.release.features.map((f) => A(f)))])),
    );
  });
});

describe('OTP 28 atom table (otp28_atoms.beam)', () => {
  const { bytes, module: m } = load('otp28_atoms.beam');

  it('has a negative count and compact-term lengths', () => {
    const at = m.chunks.find((c) => c.id === 'AtU8')!;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at.offset, at.size);
    expect(view.getInt32(0)).toBe(-m.atoms.length);
    // The first atom is the module name: 11 bytes, a one-byte `u` length (11 << 4).
    expect(view.getUint8(4)).toBe(11 << 4);
    expect(new TextDecoder().decode(bytes.subarray(at.offset + 5, at.offset + 16))).toBe(
      'otp28_atoms',
    );
    // Two-byte forms for 16, 255, 300 and 1020 bytes; one byte for 15 and 0.
    expect(encodeCompact(TAG.u, 15)).toEqual([0xf0]);
    expect(encodeCompact(TAG.u, 16)).toEqual([0x08, 0x10]);
    expect(encodeCompact(TAG.u, 300)).toEqual([0x28, 0x2c]);
    expect(encodeCompact(TAG.u, 1020)).toEqual([0x68, 0xfc]);
    const raw = Buffer.from(bytes.subarray(at.offset, at.offset + at.size));
    for (const [name, prefix] of [
      [ATOM_CJK_300, [0x28, 0x2c]],
      [ATOM_MAX, [0x68, 0xfc]],
      [ATOM_ASCII_255, [0x08, 0xff]],
      [ATOM_15, [0xf0]],
      [ATOM_16, [0x08, 0x10]],
    ] as const) {
      const text = Buffer.from(name, 'utf8');
      expect(raw.indexOf(Buffer.concat([Buffer.from(prefix), text])), name.slice(0, 20)).toBeGreaterThan(0);
    }
  });

  it('decodes atoms longer than 255 bytes, the 255-character maximum, the empty atom', () => {
    expect(m.atoms.map((a) => a.name)).toEqual(
      expect.arrayContaining(SPECIAL_ATOMS),
    );
    expect(Buffer.byteLength(ATOM_CJK_300)).toBe(300);
    expect([...ATOM_MAX].length).toBe(255);
    expect(Buffer.byteLength(ATOM_MAX)).toBe(1020);
    expect(m.atoms[0]).toBe(A('otp28_atoms'));
    expect(m.atoms.length).toBeGreaterThan(16); // so `a` operands take the 2-byte form too
  });

  it('resolves them in code and in the (raw) literal table', () => {
    const sel = argsOf(m, 'kind', 'select_val');
    expect(sel[0]).toEqual({ kind: 'x', n: 0, type: 1 });
    const items = (sel[2] as Extract<Operand, { kind: 'list' }>).items;
    expect(items.filter((_, k) => k % 2 === 0)).toEqual(SPECIAL_ATOMS.map(atom));
    expect(argsOf(m, 'longest', 'move')[0]).toEqual(atom(ATOM_MAX));
    const names = argsOf(m, 'names', 'move')[0];
    expect(names.kind).toBe('literal');
    expect(exactEqual((names as { value: Term }).value, L(...SPECIAL_ATOMS.map((a) => A(a))))).toBe(true);
  });
});

describe('OTP 28 literal table (otp28_literals.beam)', () => {
  const { bytes, module: m } = load('otp28_literals.beam');

  it('is stored raw: uncompressed size 0, then the table', () => {
    const lt = m.chunks.find((c) => c.id === 'LitT')!;
    const view = new DataView(bytes.buffer, bytes.byteOffset + lt.offset, lt.size);
    expect(view.getUint32(0)).toBe(0);
    expect(view.getUint32(4)).toBe(LITERALS_28.length);
  });

  it('holds a tuple, a list, a map, binaries, floats and bignums', () => {
    const want: Term[] = [
      [A('ok'), 42, new BitString(Uint8Array.of(0x78)), L(A('a'), [])],
      L(1, new ErlFloat(2.5), A('atom'), erlString('str'), NIL),
      new ErlMap([A('a'), A('b'), [A('c')]], [1, L(2), new BitString(Uint8Array.of(0x64))]),
      new BitString(Uint8Array.of(104, 101, 108, 108, 111, 0, 255, 128)),
      new ErlFloat(Math.PI),
      3802951800684688204490109616135n,
      -1606938044258990275541962092341162602522202993782792835301376n,
      L(104, 101, 108, 108, 111),
      new BitString(Uint8Array.of(0x3f, 0xe0), 11),
      new Cons(A('a'), A('b')),
      new ErlMap([], []),
      LITERALS_28[11], // fun erlang:abs/1
      2n ** 2100n,
      new Array<Term>(300).fill(A('x')),
      new ErlFloat(-0),
    ];
    expect(m.literals.length).toBe(want.length);
    want.forEach((t, k) => expect(exactEqual(m.literals[k], t), `literal ${k}: ${canonical(m.literals[k])}`).toBe(true));
    // -0.0 keeps its sign
    expect(Object.is((m.literals[14] as ErlFloat).value, -0)).toBe(true);
    expect(canonical(m.literals[11])).toBe("fun 'erlang':'abs'/1");
  });

  it('reads select_val over the literals and integers beyond 64 bits in i operands', () => {
    const sel = argsOf(m, 'lit', 'select_val');
    const items = (sel[2] as Extract<Operand, { kind: 'list' }>).items;
    expect(items.filter((_, k) => k % 2 === 0)).toEqual(LITERALS_28.map((_, k) => ({ kind: 'i', value: k })));
    expect(argsOf(m, 'big', 'gc_bif2')[4]).toEqual({ kind: 'i', value: 2n ** 127n - 1n });
    expect(argsOf(m, 'big', 'gc_bif2')[3]).toEqual({ kind: 'x', n: 0, type: 2 });
    expect(argsOf(m, 'neg', 'gc_bif2')[4]).toEqual({ kind: 'i', value: -(2n ** 128n - 1n) });
    expect(m.types![2]).toEqual({ union: 1 << 5, matchState: false, min: 0n, max: 255n });
    expect(m.types![3]).toEqual({ union: 1 << 1, matchState: false, unit: 8 });
  });
});

describe('bs_match (otp26_bs_match.beam)', () => {
  const { module: m } = load('otp26_bs_match.beam');
  const cmds = (name: string) => {
    const [fail, ctx, commands] = argsOf(m, name, 'bs_match');
    expect(fail.kind).toBe('f');
    expect(ctx).toEqual({ kind: 'x', n: 1, type: 1 });
    expect(commands.kind).toBe('list');
    return (commands as Extract<Operand, { kind: 'list' }>).items.map(plain);
  };
  const litFlags = (...flags: string[]) => ({
    kind: 'literal',
    index: expect.any(Number),
    value: canonical(L(...flags.map((f) => A(f)))),
  });

  it('is opcode 182 with arity 3', () => {
    const ins = m.functions.find((f) => f.name.name === 'f')!.code.find((i) => i.op === 'bs_match')!;
    expect(ins.opcode).toBe(182);
    expect(ins.args.length).toBe(3);
    expect(m.header.opcodeMax).toBe(182);
  });

  it('<<A:8, B:16/little, Rest/binary>>: ensure_at_least, integer, get_tail', () => {
    expect(cmds('f')).toEqual([
      atom('ensure_at_least'), u(24), u(8),
      atom('integer'), u(2), nil, u(8), u(1), x(2),
      atom('integer'), u(3), litFlags('little'), u(16), u(1), x(3),
      atom('get_tail'), u(4), u(8), x(4),
    ]);
  });

  it('<<"abc", N:32/signed, _:8, B:2/binary, 7:4, _/bitstring>>: =:=, skip, binary', () => {
    expect(cmds('g')).toEqual([
      atom('ensure_at_least'), u(84), u(1),
      atom('=:='), nil, u(24), u(0x616263),
      atom('integer'), u(2), litFlags('signed'), u(32), u(1), x(2),
      atom('skip'), u(8),
      atom('binary'), u(3), nil, u(2), u(8), x(3),
      atom('=:='), nil, u(4), u(7),
    ]);
  });

  it('<<X:16/signed-little>>: ensure_exactly', () => {
    expect(cmds('h')).toEqual([
      atom('ensure_exactly'), u(16),
      atom('integer'), u(2), litFlags('signed', 'little'), u(16), u(1), x(0),
    ]);
  });

  it('has a version 2 Type chunk: match-state bit, bounds, one-sided bound, unit', () => {
    expect(m.typesVersion).toBe(2);
    expect(m.types).toEqual([
      { union: 0xfff, matchState: true },
      { union: 0, matchState: true },
      { union: 1 << 5, matchState: false, min: -32768n, max: 32767n },
      { union: 1 << 1, matchState: false, unit: 8 },
      { union: (1 << 2) | (1 << 7), matchState: false },
      { union: 1 << 5, matchState: false, min: 0n },
    ]);
  });
});

describe('update_record (otp26_update_record.beam)', () => {
  const { module: m } = load('otp26_update_record.beam');

  it('is opcode 181: Hint Size Src Dst {list, [Index, Value, ...]}', () => {
    const ins = m.functions.find((f) => f.name.name === 'set')!.code.find((i) => i.op === 'update_record')!;
    expect(ins.opcode).toBe(181);
    expect(ins.args.map(plain)).toEqual([
      atom('copy'),
      u(4),
      x(0),
      x(0),
      { kind: 'list', items: [u(3), { kind: 'i', value: 42 }, u(4), atom('ok')] },
    ]);
    expect(argsOf(m, 'bump', 'update_record').map(plain)).toEqual([
      atom('reuse'),
      u(4),
      x(0, 2),
      x(0),
      { kind: 'list', items: [u(2), x(1)] },
    ]);
    expect(argsOf(m, 'set', 'badrecord').map(plain)).toEqual([x(0)]);
  });
});

describe('executable_line (otp27_executable_line.beam)', () => {
  const { built, module: m } = load('otp27_executable_line.beam');

  it('is opcode 183: Location Index, with locations in the Line chunk', () => {
    const exec = m.functions.flatMap((f) => f.code.filter((i) => i.op === 'executable_line'));
    expect(exec.map((i) => i.opcode)).toEqual([183, 183, 183]);
    const lines = exec.map((i) => {
      const [locIndex, index] = i.args as [{ kind: 'u'; value: number }, { kind: 'u'; value: number }];
      return [m.lines!.locations[locIndex.value], index.value];
    });
    expect(lines).toEqual([
      [{ file: 0, line: 7 }, 1],
      [{ file: 0, line: 10 }, 2],
      [{ file: 0, line: 12 }, 3],
    ]);
    // The same location is shared with the `line` before the + (same index).
    const add = m.functions.find((f) => f.name.name === 'add')!.code;
    expect(add.find((i) => i.op === 'executable_line')!.args[0]).toEqual(add.filter((i) => i.op === 'line')[1].args[0]);
  });

  it('flags the line table as having executable lines', () => {
    expect(m.lines!.flags).toBe(1);
    expect(m.lines!.files).toEqual(['otp27_executable_line.erl']);
    expect(m.lines!.instructionCount).toBe(built.lineInstructionCount);
  });

  it('keeps the Docs chunk raw', () => {
    const docs = m.rawChunks.get('Docs');
    expect(docs).toBeDefined();
    expect(Buffer.from(docs!).equals(Buffer.from(built.chunks.find((c) => c.id === 'Docs')!.data))).toBe(true);
    expect(canonical(DOCS_27)).toContain("'docs_v1'");
    expect(m.typesVersion).toBe(3);
    expect(canonical(m.meta!)).toBe("[{'enabled_features',['maybe_expr']}]");
  });
});

describe('debug_line (otp28_debug_line.beam)', () => {
  const { module: m } = load('otp28_debug_line.beam');

  it('is opcode 184: Kind Location Index Live', () => {
    const dbg = m.functions.find((f) => f.name.name === 'sum')!.code.filter((i) => i.op === 'debug_line');
    expect(dbg.map((i) => i.opcode)).toEqual([184, 184, 184]);
    expect(
      dbg.map((i) => {
        const [kind, loc, index, live] = i.args;
        return [
          (kind as { value: Atom }).value.name,
          m.lines!.locations[(loc as { value: number }).value],
          (index as { value: number }).value,
          (live as { value: number }).value,
        ];
      }),
    ).toEqual([
      ['entry', { file: 0, line: 4 }, 1, 2],
      ['line', { file: 0, line: 5 }, 2, 2],
      ['line', { file: 0, line: 6 }, 3, 2],
    ]);
    expect(m.header.opcodeMax).toBe(184);
    expect(m.atomChunk).toBe('AtU8/28');
    expect(m.types![1]).toEqual({ union: (1 << 3) | (1 << 5), matchState: false });
  });
});

describe('the OTP 25 baseline (bjcheck, built here; builder.test.ts has ERTS run it)', () => {
  const built = buildBeam(OTP25_CHECK);
  const m = readBeam(built.bytes, 'bjcheck.beam');

  it('decodes to exactly what was encoded', () => {
    expect(m.atomChunk).toBe('AtU8');
    expect(m.atoms.map((a) => a.name)).toEqual(built.atoms);
    expect(m.header).toEqual({ headerSize: 16, ...built.header });
    expect(functionsOf(m)).toEqual(functionsOf(built));
    expect(m.imports.map((e) => [e.module.name, e.name.name, e.arity])).toEqual(built.imports);
    expect(m.exports.map((e) => ({ name: e.name.name, arity: e.arity, label: e.label }))).toEqual(built.exports);
    expect(m.locals.map((e) => ({ name: e.name.name, arity: e.arity, label: e.label }))).toEqual(built.locals);
    expect(m.lambdas.map((l) => ({ ...l, name: l.name.name }))).toEqual(built.lambdas);
    expect(Buffer.from(m.strings).toString()).toBe('abc');
    expect(m.literals.map(canonical)).toEqual(built.literalTerms.map((t) => canonical(t!)));
    expect(m.lines).toEqual({
      version: 0,
      flags: 0,
      instructionCount: built.lineInstructionCount,
      locations: built.locations,
      files: ['bjcheck.erl', 'include/bj.hrl'],
    });
    expect(m.meta).toBeUndefined();
  });

  it('has a version 1 Type chunk (bounds only when Min =< Max)', () => {
    expect(m.typesVersion).toBe(1);
    expect(m.types).toEqual([
      { union: 0xfff, matchState: true },
      { union: 1, matchState: false },
      { union: 1 << 5, matchState: false },
      { union: 1 << 5, matchState: false, min: 1n, max: 99n },
    ]);
  });
});
