/**
 * The hand-built modules committed under fixtures/otp-formats/: .beam files in the layouts of
 * OTP 26, 27 and 28, which the local OTP 25 `erlc` cannot produce. Each is assembled by
 * test/support/beam-builder.ts from the instruction sequence the corresponding compiler emits
 * for the Erlang source quoted above it (shapes taken from `erlc -S` of OTP 25 and carried
 * over to the new opcodes as beam_ssa_codegen/beam_asm of OTP 26–28 write them).
 *
 * `scripts/build-otp-fixtures.ts` writes them (`npx vite-node scripts/build-otp-fixtures.ts`);
 * test/beam/otp-formats.test.ts checks the committed files are still exactly what these
 * definitions produce, then reads them.
 */
import { Atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { ExportFun } from '../../runtime/term/fun.js';
import { Cons, NIL } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import type { Term } from '../../runtime/term/term.js';
import {
  alloc,
  atom,
  buildBeam,
  encodeEtf,
  erlString,
  extfunc,
  f,
  fieldFlags,
  fr,
  i,
  lit,
  list,
  loc,
  nil,
  op,
  preamble,
  str,
  T,
  x,
  y,
  type BuiltBeam,
  type FunctionSpec,
  type Instr,
  type ModuleSpec,
  type TypeDesc,
} from './beam-builder.js';

const A = Atom.intern;
const L = (...items: Term[]): Term => {
  let l: Term = NIL;
  for (let k = items.length - 1; k >= 0; k--) l = new Cons(items[k], l);
  return l;
};
const utf8 = new TextEncoder();
const bin = (s: string | number[]) => new BitString(typeof s === 'string' ? utf8.encode(s) : Uint8Array.from(s));

/** What differs between releases, besides the instructions. */
interface Release {
  readonly atomLayout: 'otp27' | 'otp28';
  readonly literalLayout: 'compressed' | 'raw';
  readonly typesVersion: 2 | 3;
  /** The compiler application's version, as CInf reports it. */
  readonly compiler: string;
  /** Meta chunk: `[{enabled_features, Features}]`. */
  readonly features: readonly string[];
}

export const OTP26: Release = {
  atomLayout: 'otp27',
  literalLayout: 'compressed',
  typesVersion: 2,
  compiler: '8.3',
  features: [],
};
export const OTP27: Release = { ...OTP26, typesVersion: 3, compiler: '8.5', features: ['maybe_expr'] };
export const OTP28: Release = { ...OTP27, atomLayout: 'otp28', literalLayout: 'raw', compiler: '9.0' };

/** `any` as each Type version writes it (OTP 26 still has the match-state bit). */
const ANY: Record<2 | 3, TypeDesc> = { 2: { union: T.any, matchState: true }, 3: { union: T.any } };

export interface FixtureDef {
  readonly file: string;
  readonly release: Release;
  readonly spec: ModuleSpec;
}

/**
 * A module of `release`: `functions`, then module_info/0,1 from label `moduleInfoLabel`,
 * the Type table `[any | types]`, and the CInf/Meta chunks that release writes.
 */
function module(
  name: string,
  release: Release,
  functions: FunctionSpec[],
  moduleInfoLabel: number,
  rest: Omit<Partial<ModuleSpec>, 'types'> & { types: readonly TypeDesc[] },
): FixtureDef {
  const { types, ...others } = rest;
  return {
    file: `${name}.beam`,
    release,
    spec: {
      module: name,
      atomLayout: release.atomLayout,
      literalLayout: release.literalLayout,
      minOpcodeMax: 177, // OTP 26+ declare at least bs_create_bin (OTP 25) to keep older loaders out
      functions: [...functions, ...moduleInfo(name, moduleInfoLabel)],
      types: { version: release.typesVersion, entries: [ANY[release.typesVersion], ...types] },
      compileInfo: L(
        [A('version'), erlString(release.compiler)],
        [A('options'), NIL],
        [A('source'), erlString(`/src/${name}.erl`)],
      ),
      meta: L([A('enabled_features'), L(...release.features.map((ft) => A(ft)))]),
      ...others,
    },
  };
}

/** A function with the usual preamble (labels `first`, `first + 1`). */
function fn(mod: string, name: string, arity: number, first: number, line: number, body: Instr[], exported = true): FunctionSpec {
  return {
    name,
    arity,
    entry: first + 1,
    exported,
    code: [...preamble(mod, name, arity, first, loc(undefined, line)), ...body],
  };
}

/** module_info/0,1 exactly as every compiler since R15 writes them. */
function moduleInfo(mod: string, first: number): FunctionSpec[] {
  return [0, 1].map((arity) => ({
    name: 'module_info',
    arity,
    entry: first + 2 * arity + 1,
    exported: true,
    code: [
      ...preamble(mod, 'module_info', arity, first + 2 * arity),
      ...(arity === 1 ? [op('move', x(0), x(1))] : []),
      op('move', atom(mod), x(0)),
      op('call_ext_only', arity + 1, extfunc('erlang', 'get_module_info', arity + 1)),
    ],
  }));
}

// ---------------------------------------------------------------------------------------
// otp28_atoms: AtU8 with a negative count and compact-term lengths
// ---------------------------------------------------------------------------------------

/** 100 characters, 300 UTF-8 bytes: only representable in the OTP 28 atom table. */
export const ATOM_CJK_300 = '語'.repeat(100);
/** The longest atom there is: 255 characters of 4 UTF-8 bytes each (1020 bytes). */
export const ATOM_MAX = '𝄞'.repeat(255);
/** 255 bytes: the most the old 1-byte length could say; a 2-byte compact length in OTP 28. */
export const ATOM_ASCII_255 = 'a'.repeat(255);
/** 15 bytes (1-byte compact length) and 16 bytes (the first 2-byte one). */
export const ATOM_15 = 'fifteen_bytes__';
export const ATOM_16 = 'sixteen_bytes___';
export const SPECIAL_ATOMS = [ATOM_CJK_300, ATOM_MAX, ATOM_ASCII_255, ATOM_15, ATOM_16, '', 'ünïcødé'];

/*
 * -module(otp28_atoms).
 * -export([kind/1, longest/0, names/0]).
 * kind(X) -> case X of '語語…' -> cjk; '𝄞𝄞…' -> max; 'aaa…' -> ascii255; fifteen_bytes__ -> b15;
 *            sixteen_bytes___ -> b16; '' -> empty; 'ünïcødé' -> latin; _ -> other end.
 * longest() -> '𝄞𝄞…'.
 * names() -> ['語語…', '𝄞𝄞…', 'aaa…', fifteen_bytes__, sixteen_bytes___, '', 'ünïcødé'].
 */
function otp28Atoms(): FixtureDef {
  const M = 'otp28_atoms';
  const results = ['cjk', 'max', 'ascii255', 'b15', 'b16', 'empty', 'latin'];
  const other = 3 + results.length;
  const kind = fn(M, 'kind', 1, 1, 6, [
    op('is_atom', f(other), x(0)),
    op('select_val', x(0, 1), f(other), list(...SPECIAL_ATOMS.flatMap((a, k) => [atom(a), f(3 + k)]))),
    ...results.flatMap((r, k) => [op('label', 3 + k), op('move', atom(r), x(0)), op('return')]),
    op('label', other),
    op('move', atom('other'), x(0)),
    op('return'),
  ]);
  const longest = fn(M, 'longest', 0, other + 1, 9, [op('move', atom(ATOM_MAX), x(0)), op('return')]);
  const names = fn(M, 'names', 0, other + 3, 10, [
    op('move', lit(L(...SPECIAL_ATOMS.map((a) => A(a)))), x(0)),
    op('return'),
  ]);
  return module(M, OTP28, [kind, longest, names], other + 5, { types: [{ union: T.atom }] });
}

// ---------------------------------------------------------------------------------------
// otp28_literals: LitT with uncompressed size 0 and the raw table
// ---------------------------------------------------------------------------------------

export const LITERALS_28: Term[] = [
  [A('ok'), 42, bin('x'), L(A('a'), [])],
  L(1, new ErlFloat(2.5), A('atom'), erlString('str'), NIL),
  new ErlMap([A('a'), A('b'), [A('c')]], [1, L(2), bin('d')]),
  bin([104, 101, 108, 108, 111, 0, 255, 128]),
  new ErlFloat(3.141592653589793),
  2n ** 100n * 3n + 7n,
  -(2n ** 200n),
  erlString('hello'),
  new BitString(Uint8Array.from([0b00111111, 0b11100000]), 11),
  new Cons(A('a'), A('b')),
  new ErlMap([], []),
  new ExportFun(A('erlang'), A('abs'), 1),
  2n ** 2100n,
  new Array<Term>(300).fill(A('x')),
  new ErlFloat(-0),
];

/*
 * -module(otp28_literals).
 * -export([lit/1, big/1, neg/1, sz/1]).
 * lit(0) -> {ok, 42, <<"x">>, [a, {}]};  lit(1) -> [1, 2.5, atom, "str", []];  ... (LITERALS_28)
 * big(X) when is_integer(X), X >= 0, X < 256 -> X + 170141183460469231731687303715884105727.
 * neg(X) -> X * -340282366920938463463374607431768211455.
 * sz(B) when is_binary(B) -> byte_size(B).
 */
function otp28Literals(): FixtureDef {
  const M = 'otp28_literals';
  const n = LITERALS_28.length;
  const first = 3;
  const lits = fn(M, 'lit', 1, 1, 5, [
    op('is_integer', f(1), x(0)),
    op('select_val', x(0, 1), f(1), list(...LITERALS_28.flatMap((_, k) => [i(k), f(first + k)]))),
    ...LITERALS_28.flatMap((t, k) => [op('label', first + k), op('move', lit(t), x(0)), op('return')]),
  ]);
  const l = first + n;
  const big = fn(M, 'big', 1, l, 20, [
    op('is_integer', f(l), x(0)),
    op('is_ge', f(l), x(0, 1), i(0)),
    op('is_lt', f(l), x(0, 1), i(256)),
    op('gc_bif2', f(0), 1, extfunc('erlang', '+', 2), x(0, 2), i(2n ** 127n - 1n), x(0)),
    op('return'),
  ]);
  const neg = fn(M, 'neg', 1, l + 2, 21, [
    op('line', loc(undefined, 21)),
    op('gc_bif2', f(0), 1, extfunc('erlang', '*', 2), x(0), i(-(2n ** 128n - 1n)), x(0)),
    op('return'),
  ]);
  const sz = fn(M, 'sz', 1, l + 4, 22, [
    op('is_binary', f(l + 4), x(0)),
    op('gc_bif1', f(0), 1, extfunc('erlang', 'byte_size', 1), x(0, 3), x(0)),
    op('return'),
  ]);
  return module(M, OTP28, [lits, big, neg, sz], l + 6, {
    types: [{ union: T.integer }, { union: T.integer, min: 0n, max: 255n }, { union: T.bitstring, unit: 8 }],
  });
}

// ---------------------------------------------------------------------------------------
// otp26_bs_match: every bs_match command, Type v2
// ---------------------------------------------------------------------------------------

/*
 * -module(otp26_bs_match).
 * -export([f/1, g/1, h/1, sz/1, len/1]).
 * f(<<A:8, B:16/little, Rest/binary>>) -> {A, B, Rest}.
 * g(<<"abc", N:32/signed, _:8, B:2/binary, 7:4, _/bitstring>>) -> {N, B}.
 * h(<<X:16/signed-little>>) -> X + 1.
 * sz(B) when is_binary(B) -> byte_size(B).
 * len(L) -> length(L) + 1.
 */
function otp26BsMatch(): FixtureDef {
  const M = 'otp26_bs_match';
  const ctx = x(1, 1);
  const fF = fn(M, 'f', 1, 1, 5, [
    op('bs_start_match3', f(1), x(0), 1, x(1)),
    op('bs_get_position', ctx, x(0), 2),
    op(
      'bs_match',
      f(3),
      ctx,
      list(
        atom('ensure_at_least'), 24, 8,
        atom('integer'), 2, nil, 8, 1, x(2),
        atom('integer'), 3, lit(L(A('little'))), 16, 1, x(3),
        atom('get_tail'), 4, 8, x(4),
      ),
    ),
    op('test_heap', 4, 5),
    op('put_tuple2', x(0), list(x(2), x(3), x(4))),
    op('return'),
    op('label', 3),
    op('bs_set_position', x(1), x(0)),
    op('bs_get_tail', x(1), x(0), 2),
    op('jump', f(1)),
  ]);
  const fG = fn(M, 'g', 1, 4, 6, [
    op('bs_start_match3', f(4), x(0), 1, x(1)),
    op('bs_get_position', ctx, x(0), 2),
    op(
      'bs_match',
      f(6),
      ctx,
      list(
        atom('ensure_at_least'), 84, 1,
        atom('=:='), nil, 24, 0x616263,
        atom('integer'), 2, lit(L(A('signed'))), 32, 1, x(2),
        atom('skip'), 8,
        atom('binary'), 3, nil, 2, 8, x(3),
        atom('=:='), nil, 4, 7,
      ),
    ),
    op('test_heap', 3, 4),
    op('put_tuple2', x(0), list(x(2), x(3))),
    op('return'),
    op('label', 6),
    op('bs_set_position', x(1), x(0)),
    op('bs_get_tail', x(1), x(0), 2),
    op('jump', f(4)),
  ]);
  const fH = fn(M, 'h', 1, 7, 7, [
    op('bs_start_match3', f(7), x(0), 1, x(1)),
    op(
      'bs_match',
      f(7),
      ctx,
      list(atom('ensure_exactly'), 16, atom('integer'), 2, lit(L(A('signed'), A('little'))), 16, 1, x(0)),
    ),
    op('gc_bif2', f(0), 1, extfunc('erlang', '+', 2), x(0, 2), i(1), x(0)),
    op('return'),
  ]);
  const fSz = fn(M, 'sz', 1, 9, 8, [
    op('is_binary', f(9), x(0)),
    op('gc_bif1', f(0), 1, extfunc('erlang', 'byte_size', 1), x(0, 3), x(0)),
    op('return'),
  ]);
  const fLen = fn(M, 'len', 1, 11, 9, [
    op('line', loc(undefined, 9)),
    op('gc_bif1', f(0), 1, extfunc('erlang', 'length', 1), x(0, 4), x(0)),
    op('gc_bif2', f(0), 1, extfunc('erlang', '+', 2), x(0, 5), i(1), x(0)),
    op('return'),
  ]);
  return module(M, OTP26, [fF, fG, fH, fSz, fLen], 13, {
    types: [
      { union: 0, matchState: true }, // #t_bs_context{}
      { union: T.integer, min: -32768n, max: 32767n },
      { union: T.bitstring, unit: 8 },
      { union: T.cons | T.nil }, // list()
      { union: T.integer, min: 0n }, // non_neg_integer()
    ],
  });
}

// ---------------------------------------------------------------------------------------
// otp26_update_record
// ---------------------------------------------------------------------------------------

/*
 * -module(otp26_update_record).
 * -export([set/1, bump/1]).
 * -record(r, {a, b, c}).
 * set(R) -> R#r{b = 42, c = ok}.
 * bump(#r{a = N} = R) when is_integer(N) -> R#r{a = N + 1}.
 */
function otp26UpdateRecord(): FixtureDef {
  const M = 'otp26_update_record';
  const set = fn(M, 'set', 1, 1, 6, [
    op('is_tagged_tuple', f(3), x(0), 4, atom('r')),
    op('update_record', atom('copy'), 4, x(0), x(0), list(3, i(42), 4, atom('ok'))),
    op('return'),
    op('label', 3),
    op('badrecord', x(0)),
  ]);
  const bump = fn(M, 'bump', 1, 4, 7, [
    op('is_tagged_tuple', f(4), x(0), 4, atom('r')),
    op('get_tuple_element', x(0), 1, x(1)),
    op('is_integer', f(4), x(1)),
    op('gc_bif2', f(0), 2, extfunc('erlang', '+', 2), x(1, 1), i(1), x(1)),
    op('update_record', atom('reuse'), 4, x(0, 2), x(0), list(2, x(1))),
    op('return'),
  ]);
  return module(M, OTP26, [set, bump], 6, { types: [{ union: T.integer }, { union: T.tuple }] });
}

// ---------------------------------------------------------------------------------------
// otp27_executable_line (compiled with +line_coverage), with a Docs chunk
// ---------------------------------------------------------------------------------------

export const DOCS_27: Term = [
  A('docs_v1'),
  2,
  A('erlang'),
  bin('text/markdown'),
  new ErlMap([bin('en')], [bin('Executable lines.')]),
  new ErlMap([], []),
  L([[A('function'), A('add'), 2], 6, L(bin('add(X, Y)')), new ErlMap([bin('en')], [bin('Adds.')]), new ErlMap([], [])]),
];

/*
 * -module(otp27_executable_line).          % line 1
 * -moduledoc "Executable lines.".
 * -export([add/2, classify/1]).
 *
 * -doc "Adds.".
 * add(X, Y) ->                              % line 6
 *     X + Y.                                % line 7
 *
 * classify(N) when N > 0 ->                 % line 9
 *     positive;                             % line 10
 * classify(_) ->                            % line 11
 *     other.                                % line 12
 */
function otp27ExecutableLine(): FixtureDef {
  const M = 'otp27_executable_line';
  const add = fn(M, 'add', 2, 1, 6, [
    op('executable_line', loc(undefined, 7), 1),
    op('line', loc(undefined, 7)),
    op('gc_bif2', f(0), 2, extfunc('erlang', '+', 2), x(0), x(1), x(0)),
    op('return'),
  ]);
  const classify = fn(M, 'classify', 1, 3, 9, [
    op('is_lt', f(5), i(0), x(0)),
    op('executable_line', loc(undefined, 10), 2),
    op('move', atom('positive'), x(0)),
    op('return'),
    op('label', 5),
    op('executable_line', loc(undefined, 12), 3),
    op('move', atom('other'), x(0)),
    op('return'),
  ]);
  return module(M, OTP27, [add, classify], 6, {
    types: [],
    lines: { flags: 1 }, // BEAMFILE_EXECUTABLE_LINE
    extraChunks: [{ id: 'Docs', data: encodeEtf(DOCS_27) }],
  });
}

// ---------------------------------------------------------------------------------------
// otp28_debug_line (compiled with +beam_debug_info)
// ---------------------------------------------------------------------------------------

/*
 * -module(otp28_debug_line).
 * -export([sum/2]).
 * sum(A, B) ->          % line 4
 *     C = A + B,        % line 5
 *     {C, A}.           % line 6
 */
function otp28DebugLine(): FixtureDef {
  const M = 'otp28_debug_line';
  const sum = fn(M, 'sum', 2, 1, 4, [
    op('debug_line', atom('entry'), loc(undefined, 4), 1, 2),
    op('debug_line', atom('line'), loc(undefined, 5), 2, 2),
    op('line', loc(undefined, 5)),
    op('gc_bif2', f(0), 2, extfunc('erlang', '+', 2), x(0), x(1), x(1)),
    op('debug_line', atom('line'), loc(undefined, 6), 3, 2),
    op('test_heap', 3, 2),
    op('put_tuple2', x(0), list(x(1, 1), x(0))),
    op('return'),
  ]);
  return module(M, OTP28, [sum], 3, { types: [{ union: T.integer | T.float }] });
}

// ---------------------------------------------------------------------------------------
// bjcheck: an OTP 25 module (not committed). test/beam/builder.test.ts has ERTS load and run
// it, proving the builder's encoding; test/beam/otp-formats.test.ts reads it as the OTP 25
// baseline (Type v1, FunT, StrT, y and fr registers, allocation lists, zlib LitT).
// ---------------------------------------------------------------------------------------

/** Integers of every `i` operand size, put in one tuple by bjcheck:ints/0. */
export const OTP25_CHECK_INTS: (number | bigint)[] = [
  0, 15, 16, 2047, 2048, 32767, 32768, 65535, 2 ** 31, 2 ** 40, 2n ** 63n, 2n ** 64n, 2n ** 100n, 2n ** 200n,
  -1, -16, -2048, -32768, -32769, -8388608, -8388609, -(2n ** 63n), -(2n ** 100n),
];

/** The literal bjcheck:lits/0 returns. */
export const OTP25_CHECK_LITERAL: Term = [
  L(1, 2, 3),
  new ErlMap([A('k'), bin([1, 2])], [L(A('v')), new ErlFloat(-2.5)]),
  bin('bin'),
  new ErlFloat(1.5),
  123456789012345678901234567890123456789012345678901234567890n,
  new BitString(Uint8Array.from([0b10100000]), 3),
  erlString('str'),
  new Cons(A('a'), A('b')),
  A('ünïcødé'),
  new ExportFun(A('erlang'), A('abs'), 1),
];

/** The module as OTP 25's compiler would lay it out (see erlc -S of the equivalent source). */
function checkModule(): FunctionSpec[] {
  const M = 'bjcheck';
  const ints = OTP25_CHECK_INTS;
  const fn = (name: string, arity: number, first: number, line: number, body: Instr[], exported = true): FunctionSpec => ({
    name,
    arity,
    entry: first + 1,
    exported,
    code: [...preamble(M, name, arity, first, loc(undefined, line)), ...body],
  });
  const mi = (arity: number, first: number): FunctionSpec => ({
    name: 'module_info',
    arity,
    entry: first + 1,
    exported: true,
    code: [
      ...preamble(M, 'module_info', arity, first),
      ...(arity === 1 ? [op('move', x(0), x(1))] : []),
      op('move', atom(M), x(0)),
      op('call_ext_only', arity + 1, extfunc('erlang', 'get_module_info', arity + 1)),
    ],
  });
  return [
    fn('ints', 0, 1, 10, [
      op('test_heap', ints.length + 1, 0),
      op('put_tuple2', x(0), list(...ints.map((v) => i(v)))),
      op('return'),
    ]),
    fn('lits', 0, 3, 11, [op('move', lit(OTP25_CHECK_LITERAL), x(0)), op('return')]),
    // sel(X) -> case X of 1 -> one; 2 -> two; foo -> three; _ -> other end.
    fn('sel', 1, 5, 12, [
      op('is_atom', f(7), x(0)),
      op('is_eq_exact', f(10), x(0, 1), atom('foo')),
      op('move', atom('three'), x(0)),
      op('return'),
      op('label', 7),
      op('select_val', x(0), f(10), list(i(1), f(9), i(2), f(8))),
      op('label', 8),
      op('move', atom('two'), x(0)),
      op('return'),
      op('label', 9),
      op('move', atom('one'), x(0)),
      op('return'),
      op('label', 10),
      op('move', atom('other'), x(0)),
      op('return'),
    ]),
    // fl(X, Y) when is_float(X), is_float(Y) -> X * Y + 1.0.
    fn('fl', 2, 11, 13, [
      op('is_float', f(11), x(0)),
      op('is_float', f(11), x(1)),
      op('fmove', x(0), fr(0)),
      op('fmove', x(1), fr(1)),
      op('fmul', f(0), fr(0), fr(1), fr(0)),
      op('fmove', lit(new ErlFloat(1.0)), fr(1)),
      op('fadd', f(0), fr(0), fr(1), fr(0)),
      op('test_heap', alloc(['words', 0], ['floats', 1], ['funs', 0]), 0),
      op('fmove', fr(0), x(0)),
      op('return'),
    ]),
    // mk(A) -> fun(B) -> A + B end.
    fn('mk', 1, 13, 14, [
      op('test_heap', alloc(['words', 1], ['floats', 0], ['funs', 1]), 1),
      op('make_fun3', 0, x(0), list(x(0))),
      op('return'),
    ]),
    // tt(X) -> try loc(X) catch error:R -> {caught, R} end.
    fn('tt', 1, 15, 15, [
      op('allocate', 1, 1),
      op('try', y(0), f(17)),
      op('call', 1, f(23)),
      op('try_end', y(0)),
      op('deallocate', 1),
      op('return'),
      op('label', 17),
      op('try_case', y(0)),
      op('is_eq_exact', f(18), x(0), atom('error')),
      op('test_heap', 3, 2),
      op('put_tuple2', x(0), list(atom('caught'), x(1))),
      op('deallocate', 1),
      op('return'),
      op('label', 18),
      op('raise', x(2), x(1)),
    ]),
    // str(<<"abc", R/binary>>) -> R.
    fn('str', 1, 19, 16, [
      op('bs_start_match3', f(19), x(0), 1, x(1)),
      op('bs_get_position', x(1), x(0), 2),
      op('bs_match_string', f(21), x(1), 24, str('abc')),
      op('bs_get_binary2', f(21), x(1), 2, atom('all'), 8, fieldFlags('unsigned', 'big'), x(2)),
      op('move', x(2), x(0)),
      op('return'),
      op('label', 21),
      op('bs_set_position', x(1), x(0)),
      op('bs_get_tail', x(1), x(0), 2),
      op('jump', f(19)),
    ]),
    // loc(X) -> element(1, X) + 1.   (the + on line 7 of an include file)
    fn('loc', 1, 22, 17, [
      op('bif2', f(0), extfunc('erlang', 'element', 2), i(1), x(0), x(0)),
      op('line', loc('include/bj.hrl', 7)),
      op('gc_bif2', f(0), 1, extfunc('erlang', '+', 2), x(0), i(1), x(0)),
      op('return'),
    ]),
    // ext(X) -> lists:reverse([abs(X)]).
    fn('ext', 1, 24, 18, [
      op('gc_bif1', f(0), 1, extfunc('erlang', 'abs', 1), x(0), x(0)),
      op('test_heap', 2, 1),
      op('put_list', x(0), nil, x(0)),
      op('call_ext_only', 1, extfunc('lists', 'reverse', 1)),
    ]),
    // tr({A, _}) when is_integer(A), A > 0, A < 100 -> A * 2.   (typed registers)
    fn('tr', 1, 26, 19, [
      op('is_tuple', f(26), x(0)),
      op('test_arity', f(26), x(0), 2),
      op('get_tuple_element', x(0), 0, x(1)),
      op('is_integer', f(26), x(1)),
      op('is_lt', f(26), i(0), x(1, 2)),
      op('is_lt', f(26), x(1, 2), i(100)),
      op('gc_bif2', f(0), 2, extfunc('erlang', '*', 2), x(1, 3), i(2), x(0)),
      op('return'),
    ]),
    // A frame and y registers: yy(X) -> {ext(X), X}.
    fn('yy', 1, 28, 20, [
      op('allocate', 1, 1),
      op('move', x(0), y(0)),
      op('call', 1, f(25)),
      op('test_heap', 3, 1),
      op('put_tuple2', x(0), list(x(0), y(0))),
      op('deallocate', 1),
      op('return'),
    ]),
    mi(0, 30),
    mi(1, 32),
    fn('-mk/1-fun-0-', 2, 34, 14, [op('gc_bif2', f(0), 2, extfunc('erlang', '+', 2), x(1), x(0), x(0)), op('return')], false),
  ];
}

export const OTP25_CHECK: ModuleSpec = {
  module: 'bjcheck',
  functions: checkModule(),
  lambdas: [{ name: '-mk/1-fun-0-', arity: 2, label: 35, index: 0, numFree: 1 }],
  minOpcodeMax: 169, // OTP 25 declares swap/2 to keep OTP 22 loaders out
  types: {
    version: 1,
    entries: [
      { union: T.any, matchState: true },
      { union: T.atom },
      { union: T.integer },
      { union: T.integer, min: 1n, max: 99n },
    ],
  },
};

export const OTP_FIXTURES: readonly FixtureDef[] = [
  otp28Atoms(),
  otp28Literals(),
  otp26BsMatch(),
  otp26UpdateRecord(),
  otp27ExecutableLine(),
  otp28DebugLine(),
];

export function buildFixture(def: FixtureDef): BuiltBeam {
  return buildBeam(def.spec);
}
