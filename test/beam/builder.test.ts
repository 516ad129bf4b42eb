/**
 * Checks test/support/beam-builder.ts against the real thing, OTP 25 (the local `erl`):
 * - its compact-term encoder is byte-for-byte `beam_asm:encode/2`;
 * - its external-term encoder writes what `term_to_binary(T, [{minor_version, 2}])` writes;
 * - a module it assembles in the OTP 25 layout (positive AtU8 count, zlib LitT, Type v1,
 *   opcodes ≤ 180) is loaded by ERTS (`code:load_binary/3`), runs, reports its line numbers,
 *   attributes, compile info and MD5, and disassembles (`beam_disasm`) as intended.
 * The OTP 26–28-only layouts share all of this code except the few lines that select them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { ExportFun } from '../../runtime/term/fun.js';
import { Cons, NIL } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import type { Term } from '../../runtime/term/term.js';
import {
  buildBeam,
  encodeCompact,
  encodeEtf,
  encodeType,
  erlString,
  i,
  nil,
  op,
  preamble,
  T,
  u,
  x,
  y,
  zfloat,
} from '../support/beam-builder.js';
import { hasErl } from '../support/otp.js';
import { buildFixture, OTP25_CHECK, OTP25_CHECK_INTS, OTP_FIXTURES } from '../support/otp-fixtures.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'beamjs-builder-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Runs Erlang expressions (comma-separated, no trailing period) with `erl -noshell`, `args`
 * as plain arguments and `input` on stdin; returns the stdout lines. A crash halts with 1.
 */
function erl(body: string, args: string[] = [], input?: string): string[] {
  const code =
    `try ${body} catch C:R:S -> io:format(standard_error, "~p~n", [{C, R, S}]), halt(1) end, halt().`;
  const r = spawnSync('erl', ['-noshell', '-eval', code, '-extra', ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 << 20,
    env: { ...process.env, ERL_CRASH_DUMP_SECONDS: '0' },
  });
  if (r.status !== 0) throw new Error(`erl failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  return r.stdout.split('\n').filter((l) => l.length > 0);
}

const A = Atom.intern;
const L = (...items: Term[]): Term => {
  let l: Term = NIL;
  for (let k = items.length - 1; k >= 0; k--) l = new Cons(items[k], l);
  return l;
};
const bin = (...bytes: number[]) => new BitString(Uint8Array.from(bytes));

describe('compact term encoding', () => {
  it('writes the documented forms', () => {
    expect(encodeCompact(1, 5)).toEqual([81]);
    expect(encodeCompact(1, 1000)).toEqual([105, 232]);
    expect(encodeCompact(1, 2047)).toEqual([233, 255]);
    expect(encodeCompact(1, 2048)).toEqual([25, 8, 0]);
    expect(encodeCompact(1, -1)).toEqual([25, 255, 255]);
    expect(encodeCompact(1, -4294967295)).toEqual([121, 255, 0, 0, 0, 1]);
    expect(encodeCompact(1, 4294967295)).toEqual([121, 0, 255, 255, 255, 255]);
    expect(encodeCompact(1, 429496729501)).toEqual([121, 99, 255, 255, 255, 157]);
  });

  describe.runIf(hasErl)('against beam_asm:encode/2', () => {
    it('agrees for every tag over small, boundary, negative and bignum values', () => {
      const values: bigint[] = [];
      for (let v = 0n; v < 20n; v++) values.push(v);
      for (const b of [7, 8, 11, 12, 15, 16, 23, 24, 31, 32, 47, 48, 63, 64, 71, 72, 127, 128, 200, 255, 256, 2040, 2048]) {
        const p = 1n << BigInt(b);
        values.push(p - 1n, p, p + 1n);
      }
      values.push(10n ** 40n, 10n ** 100n, 3n ** 500n);
      const negatives = values.filter((v) => v > 0n).map((v) => -v);
      const cases: [number, bigint][] = [];
      for (let tag = 0; tag <= 6; tag++) for (const v of values) cases.push([tag, v]);
      for (const v of negatives) cases.push([1, v]);

      // The cases go in on stdin as one Erlang term.
      const input = `[${cases.map(([tag, v]) => `{${tag},${v}}`).join(',')}].\n`;
      const lines = erl(
        `{ok, Cases} = io:read(""), ` +
          `[io:format("~w~n", [binary_to_list(iolist_to_binary([beam_asm:encode(Tag, N)]))]) || {Tag, N} <- Cases]`,
        [],
        input,
      );
      expect(lines.length).toBe(cases.length);
      cases.forEach(([tag, v], k) => {
        const expected = JSON.parse(lines[k].replace(/\s+/g, '')) as number[];
        expect(encodeCompact(tag, v), `encode(${tag}, ${v})`).toEqual(expected);
      });
    });
  });
});

/** Terms covering every shape the local ETF encoder writes. */
const etfSamples: Term[] = [
  0,
  255,
  256,
  -1,
  2147483647,
  -2147483648,
  2147483648,
  -2147483649,
  2n ** 64n,
  -(2n ** 100n),
  2n ** 2048n + 1n,
  new ErlFloat(1.5),
  new ErlFloat(-0.0),
  new ErlFloat(1e300),
  A('ok'),
  A(''),
  A('héllo'),
  A('日本'),
  A('𝄞'.repeat(100)),
  NIL,
  [],
  [A('a'), 1, NIL],
  new Array<Term>(300).fill(7),
  L(1, 2, 3),
  L(1, 256),
  L(A('a'), L()),
  new Cons(1, 2),
  erlString('hello'),
  bin(),
  bin(1, 2, 3),
  new BitString(Uint8Array.from([0xff, 0xe0]), 11),
  new ErlMap([], []),
  new ErlMap([1, A('a'), [1]], [A('one'), bin(1), L()]),
  new ExportFun(A('erlang'), A('abs'), 1),
];

describe.runIf(hasErl)('external term encoding against term_to_binary/2', () => {
  it('is read back by binary_to_term and re-encoded to the same bytes', () => {
    const input = etfSamples.map((t) => `"${Buffer.from(encodeEtf(t)).toString('base64')}".\n`).join('');
    const lines = erl(
      `Loop = fun Loop() -> case io:read("") of ` +
        `{ok, B64} -> T = binary_to_term(base64:decode(B64)), ` +
        `io:format("~s~n", [base64:encode(term_to_binary(T, [{minor_version, 2}, deterministic]))]), Loop(); ` +
        `eof -> ok end end, Loop()`,
      [],
      input,
    );
    expect(lines.length).toBe(etfSamples.length);
    etfSamples.forEach((t, k) => {
      expect(lines[k], `sample ${k}`).toBe(Buffer.from(encodeEtf(t)).toString('base64'));
    });
  });
});

describe('Type chunk entries', () => {
  it('lays out the three versions', () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    // integer 0..255: v1 bit 6 + 18 bytes; v2 bit 6 + flags 13,14; v3 bit 5 + flags 12,13.
    const t = { union: T.integer, min: 0n, max: 255n };
    expect(hex(encodeType(1, t))).toBe('0040' + '0000000000000000' + '00000000000000ff');
    expect(hex(encodeType(2, t))).toBe('6040' + '0000000000000000' + '00000000000000ff');
    expect(hex(encodeType(3, t))).toBe('3020' + '0000000000000000' + '00000000000000ff');
    // no range in v1 is Min 0, Max -1
    expect(hex(encodeType(1, { union: T.atom }))).toBe('0001' + '0000000000000000' + 'ffffffffffffffff');
    // match state (v2 bit 2) and a bitstring unit of 8 (stored as 7)
    expect(hex(encodeType(2, { union: T.bitstring, matchState: true, unit: 8 }))).toBe('8006' + '07');
    expect(hex(encodeType(3, { union: T.bitstring, unit: 8 }))).toBe('4002' + '07');
    // any: 13 bits in v1/v2 (with match state), 12 in v3
    expect(hex(encodeType(2, { union: T.any, matchState: true }))).toBe('1fff');
    expect(hex(encodeType(3, { union: T.any }))).toBe('0fff');
    // one-sided bound
    expect(hex(encodeType(3, { union: T.integer, min: -5n }))).toBe('1020' + 'fffffffffffffffb');
  });
});

// ---------------------------------------------------------------------------------------
// A whole OTP 25 module, loaded and run by ERTS
// ---------------------------------------------------------------------------------------

const bigLiteralErl =
  `{[1,2,3], #{k => [v], <<1,2>> => -2.5}, <<"bin">>, 1.5, 123456789012345678901234567890123456789012345678901234567890, ` +
  `<<5:3>>, "str", [a|b], binary_to_atom(<<"ünïcødé"/utf8>>, utf8), fun erlang:abs/1}`;

describe.runIf(hasErl)('an OTP 25 module built by the builder', () => {
  const built = buildBeam(OTP25_CHECK);
  const M = OTP25_CHECK.module;
  const ints = OTP25_CHECK_INTS;
  const dir = tempDir();
  const path = join(dir, `${M}.beam`);
  writeFileSync(path, built.bytes);

  it('uses only the OTP 25 layout', () => {
    expect(built.header.opcodeMax).toBeLessThanOrEqual(180);
    expect(built.chunks.map((c) => c.id)).toEqual([
      'AtU8', 'Code', 'StrT', 'ImpT', 'ExpT', 'FunT', 'LitT', 'LocT', 'Attr', 'CInf', 'Line', 'Type',
    ]);
    const atU8 = built.chunks[0].data;
    expect(new DataView(atU8.buffer, atU8.byteOffset).getInt32(0)).toBe(built.atoms.length);
  });

  it('is loaded by ERTS and behaves as the source would', () => {
    const md5 = Buffer.from(built.md5).toString('hex');
    const checks: [string, string][] = [
      ['ints', `M:ints() =:= {${ints.join(',')}}`],
      ['lits', `M:lits() =:= ${bigLiteralErl}`],
      ['sel', `[M:sel(V) || V <- [1, 2, foo, bar, 3]] =:= [one, two, three, other, other]`],
      ['fl', `M:fl(2.0, 3.0) =:= 7.0`],
      ['fl_clause', `(catch M:fl(2, 3.0)) =:= {'EXIT', {function_clause, [{M, fl, [2, 3.0], [{file, "bjcheck.erl"}, {line, 13}]}]}} orelse element(1, element(2, catch M:fl(2, 3.0))) =:= function_clause`],
      ['fun', `(M:mk(5))(10) =:= 15 andalso erlang:fun_info(M:mk(1), arity) =:= {arity, 1} andalso erlang:fun_info(M:mk(1), env) =:= {env, [1]}`],
      ['try', `M:tt({1}) =:= 2 andalso M:tt({a}) =:= {caught, badarith}`],
      ['str', `M:str(<<"abcdef">>) =:= <<"def">> andalso element(1, element(2, catch M:str(<<"xyz">>))) =:= function_clause`],
      ['line', `try M:loc({a}) catch error:badarith:St -> [{M, loc, 1, Loc} | _] = St, Loc =:= [{file, "include/bj.hrl"}, {line, 7}] end`],
      ['line0', `try M:loc(nope) catch error:badarg:St2 -> lists:any(fun({M0, loc, 1, Loc}) -> M0 =:= M andalso Loc =:= [{file, "bjcheck.erl"}, {line, 17}]; (_) -> false end, St2) end`],
      ['ext', `M:ext(-5) =:= [5]`],
      ['tr', `M:tr({5, x}) =:= 10 andalso element(1, element(2, catch M:tr({100, x}))) =:= function_clause`],
      ['yy', `M:yy(-3) =:= {[3], -3}`],
      ['exports', `lists:sort(M:module_info(exports)) =:= lists:sort([{ints,0},{lits,0},{sel,1},{fl,2},{mk,1},{tt,1},{str,1},{loc,1},{ext,1},{tr,1},{yy,1},{module_info,0},{module_info,1}])`],
      ['attributes', `M:module_info(attributes) =:= [{vsn, [16#${md5}]}]`],
      ['compile', `proplists:get_value(version, M:module_info(compile)) =:= "8.2.3"`],
      ['md5', `M:module_info(md5) =:= <<16#${md5}:128>>`],
    ];
    const code =
      `[Path] = init:get_plain_arguments(), {ok, Bin} = file:read_file(Path), M = ${M}, ` +
      `{module, M} = code:load_binary(M, Path, Bin), ` +
      checks
        .map(
          ([name, expr], k) =>
            `io:format("~s ~p~n", [${JSON.stringify(name)}, try (${expr}) catch C${k}:R${k}:S${k} -> {C${k}, R${k}, S${k}} end])`,
        )
        .join(', ');
    const out = erl(code, [path]);
    expect(out).toEqual(checks.map(([name]) => `${name} true`));
  });

  it('disassembles (beam_disasm) to the intended instructions and tables', () => {
    const code =
      `[Path] = init:get_plain_arguments(), ` +
      `{beam_file, Mod, Exp, _Attr, _CInf, Code} = beam_disasm:file(Path), ` +
      `io:format("~w~n~w~n", [Mod, lists:sort(Exp)]), ` +
      `[io:format("~w~n", [F]) || F <- Code]`;
    const out = erl(code, [path]);
    expect(out[0]).toBe(M);
    expect(out[1]).toBe(
      '[{ext,1,25},{fl,2,12},{ints,0,2},{lits,0,4},{loc,1,23},{mk,1,14},{module_info,0,31},{module_info,1,33},{sel,1,6},{str,1,20},{tr,1,27},{tt,1,16},{yy,1,29}]',
    );
    // (OTP 25's beam_disasm reads the v1 bounds unsigned: "no range" (0, -1) shows as 0, 2^64-1.)
    const fnLine = (name: string) => out.find((l) => l.startsWith(`{function,${name},`)) ?? '';
    expect(fnLine('tr')).toContain(
      '{test,is_lt,{f,26},[{integer,0},{tr,{x,1},{{t_integer,any},0,18446744073709551615}}]}',
    );
    expect(fnLine('tr')).toContain("{gc_bif,'*',{f,0},2,[{tr,{x,1},{{t_integer,any},1,99}},{integer,2}],{x,0}}");
    expect(fnLine('sel')).toContain('{test,is_eq_exact,{f,10},[{tr,{x,0},{{t_atom,any},0,18446744073709551615}},{atom,foo}]}');
    expect(fnLine('fl')).toContain('{test_heap,{alloc,[{words,0},{floats,1},{funs,0}]},0}');
    expect(fnLine('fl')).toContain('{fmove,{float,1.0},{fr,1}}'); // beam_disasm shows float literals so
    expect(fnLine('str')).toContain('{test,bs_match_string,{f,21},[{x,1},24,<<97,98,99>>]}');
    expect(fnLine('ints')).toContain(`{put_tuple2,{x,0},{list,[${ints.map((v) => `{integer,${v}}`).join(',')}]}}`);
    // FunT resolved: the lambda's function, index 0, old_uniq from the module MD5
    expect(fnLine('mk')).toContain(
      `{make_fun3,{bjcheck,'-mk/1-fun-0-',2},0,${built.lambdas[0].oldUniq},{x,0},{list,[{x,0}]}}`,
    );
  });
});

describe.runIf(hasErl)('operand forms the compiler no longer emits', () => {
  // (beam_disasm decodes the h tag but cannot print it; its encoding is checked against
  // beam_asm:encode/2 above, with every other tag.)
  it('are decoded by beam_disasm: z0 (inline float), y registers, nil, bare u', () => {
    const built = buildBeam({
      module: 'bjdis',
      functions: [
        {
          name: 'odd',
          arity: 0,
          entry: 2,
          exported: true,
          code: [
            ...preamble('bjdis', 'odd', 0, 1),
            op('move', i(65), x(0)),
            op('move', zfloat(2.5), x(1)),
            op('move', nil, y(3)),
            op('move', u(7), x(2)),
            op('return'),
          ],
        },
      ],
    });
    const path = join(tempDir(), 'bjdis.beam');
    writeFileSync(path, built.bytes);
    const out = erl(
      `[Path] = init:get_plain_arguments(), {beam_file, _, _, _, _, [F]} = beam_disasm:file(Path), io:format("~w~n", [F])`,
      [path],
    );
    expect(out[0]).toContain('{move,{integer,65},{x,0}},{move,{float,2.5},{x,1}},{move,nil,{y,3}},{move,7,{x,2}},return');
  });
});

describe.runIf(hasErl)('the committed OTP 26–28 fixtures, as far as OTP 25 can read them', () => {
  // OTP 25 cannot load or disassemble them (new opcodes; beam_lib chokes on the OTP 28 atom
  // table), but the IFF container is unchanged, beam_lib reads the OTP 26/27 atom tables, and
  // binary_to_term decodes Attr, CInf, Meta, Docs and every literal of both LitT layouts.
  it('have well-formed chunks, tables and literals', () => {
    const paths = OTP_FIXTURES.map((d) => fileURLToPath(new URL(`../../fixtures/otp-formats/${d.file}`, import.meta.url)));
    const out = erl(
      `Split = fun Split(<<Id:4/binary, Sz:32, D:Sz/binary, R0/binary>>) -> ` +
        `    Pad = (4 - Sz rem 4) rem 4, <<0:Pad/unit:8, R/binary>> = R0, [{binary_to_list(Id), D} | Split(R)]; ` +
        `  Split(<<>>) -> [] end, ` +
        `Lits = fun(<<0:32, N:32, T/binary>>) -> {raw, N, T}; ` +
        `  (<<S:32, Z/binary>>) -> U = zlib:uncompress(Z), S = byte_size(U), <<N:32, T/binary>> = U, {zlib, N, T} end, ` +
        `Terms = fun Terms(<<>>) -> []; Terms(<<Sz:32, B:Sz/binary, R/binary>>) -> [binary_to_term(B) | Terms(R)] end, ` +
        `[begin ` +
        `  {ok, <<"FOR1", Len:32, "BEAM", Body/binary>>} = file:read_file(P), Len = byte_size(Body) + 4, ` +
        `  Cs = Split(Body), ` +
        `  <<Na:32/signed, _/binary>> = proplists:get_value("AtU8", Cs), ` +
        `  Atoms = case Na > 0 of true -> {ok, {_, [{atoms, As}]}} = beam_lib:chunks(P, [atoms]), length(As); false -> -Na end, ` +
        `  {LitKind, NLit} = case proplists:get_value("LitT", Cs) of undefined -> {none, 0}; ` +
        `    LitT -> {K, N, T} = Lits(LitT), N = length(Terms(T)), {K, N} end, ` +
        `  <<NExp:32, _/binary>> = proplists:get_value("ExpT", Cs), ` +
        `  <<TV:32, _/binary>> = proplists:get_value("Type", Cs), ` +
        `  <<0:32, LFlags:32, _/binary>> = proplists:get_value("Line", Cs), ` +
        `  [{vsn, [_]}] = binary_to_term(proplists:get_value("Attr", Cs)), ` +
        `  Source = proplists:get_value(source, binary_to_term(proplists:get_value("CInf", Cs))), ` +
        `  Docs = case proplists:get_value("Docs", Cs) of undefined -> none; DB -> element(1, binary_to_term(DB)) end, ` +
        `  io:format("~s ~w ~w ~w ~w ~w ~w ~w ~w~n", [Source, Atoms, LitKind, NLit, NExp, binary_to_term(proplists:get_value("Meta", Cs)), TV, LFlags, Docs]) ` +
        `end || P <- init:get_plain_arguments()]`,
      paths,
    );
    expect(out).toEqual(
      OTP_FIXTURES.map((d) => {
        const b = buildFixture(d);
        const litKind = b.literals.length === 0 ? 'none' : d.release.literalLayout === 'raw' ? 'raw' : 'zlib';
        const features = `[{enabled_features,[${d.release.features.join(',')}]}]`;
        const flags = d.spec.lines === false ? 0 : (d.spec.lines?.flags ?? 0);
        const docs = d.spec.extraChunks?.some((c) => c.id === 'Docs') ? 'docs_v1' : 'none';
        return `/src/${d.spec.module}.erl ${b.atoms.length} ${litKind} ${b.literals.length} ${b.exports.length} ${features} ${d.release.typesVersion} ${flags} ${docs}`;
      }),
    );
  });
});
