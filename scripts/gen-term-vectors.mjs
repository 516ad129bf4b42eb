#!/usr/bin/env node
// Generates test/vectors/terms.json and test/vectors/floats.json from the real `erl`, so the
// term tests check against OTP's own behaviour rather than our reading of it.
// Usage: node scripts/gen-term-vectors.mjs   (needs erl/erlc on PATH; the outputs are committed)
//
// For each term expression: term_to_binary/1 hex, with [{minor_version,0}], [{minor_version,2}]
// and [compressed], and io_lib:format("~w"). For every pair of (non-bulky) terms: standard-order
// compare, =:=, ==, and the map key order (from maps:keys of a two-key map). For floats: ~w
// output and the minor_version 0 (old "%.20e") text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Options: noPrint — ~w output depends on the erl session (remote node numbers, hash-ordered
// maps); noEncode — our encoder cannot reproduce OTP's bytes (hash-ordered large maps);
// noCmp — too bulky to include in the pairwise comparison matrix.
const E = (expr, opts = {}) => ({ expr, ...opts });
const extPid = (node, id, ser, cr) =>
  `binary_to_term(<<131,88,100,${node.length}:16,"${node}",${id}:32,${ser}:32,${cr}:32>>)`;
const extRef = (node, cr, ids) =>
  `binary_to_term(<<131,90,${ids.length}:16,100,${node.length}:16,"${node}",${cr}:32,${ids.map((i) => `${i}:32`).join(',')}>>)`;
const extPort = (node, id, cr) => `binary_to_term(<<131,120,100,${node.length}:16,"${node}",${id}:64,${cr}:32>>)`;

const terms = [
  // integers
  ...['0', '1', '-1', '42', '255', '256', '-256', '65535', '65536', '-2147483648', '2147483647', '2147483648',
    '-2147483649', '4294967295', '4294967296', '1 bsl 52', '9007199254740991', '9007199254740992',
    '9007199254740993', '-9007199254740993', '-9007199254740991', '1 bsl 59', '(1 bsl 59) - 1', '1 bsl 60',
    '(1 bsl 60) + 1', '1 bsl 64', '-(1 bsl 64)', '(1 bsl 64) - 1', '1 bsl 1000', '-(1 bsl 1000)', '1 bsl 1024',
    '-(1 bsl 1024)', '(1 bsl 2040) - 1', '1 bsl 2040', '-(1 bsl 2048)', '123456789012345678901234567890'].map((x) => E(x)),
  // floats
  ...['0.0', '-0.0', '1.0', '-1.0', '0.1', '0.5', '1.5', '2.0', '-2.5', '1.5e300', '2.0e-300', '123456.789', '1.0e15',
    '1.0e16', '5.0e-324', '1.7976931348623157e308', '-1.7976931348623157e308', '2.2250738585072014e-308',
    '1.0e20', '1.0e-5', '123456789.0', '3.141592653589793', '9007199254740992.0', '9007199254740994.0',
    '1152921504606846976.0', '100.0', '1000.0', '0.0001', '1.0e23', '1.0e308',
    '4503599627370497.0 / 256'].map((x) => E(x)),
  // atoms
  ...["a", "hello", "'Hello'", "'a b'", "''", "'hello world'", "'\\n'", "'it\\'s'", "'\\\\'", "'héllo'", "'日本'",
    "'ÿ'", "'×'", "'ß'", "'aÀ'", "a@b", "'_x'", "'A'", "'and'", "'end'", "'receive'", "'maybe'", "'else'", "true",
    "false", "undefined", "nonode@nohost", "'\\x{7f}'", "'\\x{9f}'", "'\\x{a0}'", "'\\t'", "'a\\x{1F600}'",
    "'a\\x{FFFD}'", "'a\\x{E000}'", "'\\x{100}'", "'9a'", "aB9_@", "'a.b'", "'a-b'", "'\\e\\d\\b\\f\\v\\r\\x{1}'",
    'list_to_atom(lists:duplicate(255, $a))', 'list_to_atom(lists:duplicate(100, 16#65E5))',
    'list_to_atom(lists:duplicate(85, 16#65E5))'].map((x) => E(x)),
  // tuples
  ...['{}', '{1}', '{a,b}', '{1,{2,{3,{}}}}', '{1, 1.0}', '{1.0, 1}', '{1, 2}', '{1.0, 3}', '{a, [1, {b, #{c => <<1,2>>}}], "str", 1.5}',
    'list_to_tuple(lists:seq(1,255))', 'list_to_tuple(lists:seq(1,256))'].map((x) => E(x)),
  // lists
  ...['[]', '[1]', '[1,2,3]', '"abc"', '[1,2|3]', '[a|b]', '[[]]', '[[],[]]', '[1.0]', '[1]', '[256]', '[-1]', '[1,256]',
    '[a,b,c|d]', '"héllo"', '[1000,2000]', '[$a|<<"b">>]', '[1|2]', '[1.0|3]', '[a]', '[a,b]', '"b"', '[0]', '[255]',
    '"日本"', '[[[[[]]]]]'].map((x) => E(x)),
  E('lists:seq(1, 300)', { noCmp: true }),
  E('lists:duplicate(65535, 1)', { noCmp: true, noPrint: true }),
  E('lists:duplicate(65536, 1)', { noCmp: true, noPrint: true }),
  E('lists:foldl(fun(_, A) -> {A} end, [], lists:seq(1, 500))', { noCmp: true }),
  E('lists:foldl(fun(_, A) -> [A] end, [], lists:seq(1, 500))', { noCmp: true }),
  E('lists:foldl(fun(I, A) -> [I|A] end, x, lists:seq(1, 500))', { noCmp: true }),
  // binaries and bitstrings
  ...['<<>>', '<<1,2,3>>', '<<"abc">>', '<<1:3>>', '<<1:1>>', '<<0:1>>', '<<1,2,3:4>>', '<<255,127:7>>', '<<0:7>>',
    '<<1:15>>', '<<128>>', '<<5:4>>', '<<80>>', '<<1>>', '<<0>>', '<<"日本"/utf8>>'].map((x) => E(x)),
  E('list_to_binary(lists:seq(0, 255))', { noCmp: true }),
  // maps
  ...['#{}', '#{a => 1}', '#{a => 1.0}', '#{a => 1, b => 2}', '#{b => 1}', '#{1.0 => a, 1 => b, 2 => c, a => d}',
    '#{[] => x, {} => y, <<>> => z, "a" => w}', '#{#{} => 1, #{a => b} => 2}', '#{1 => #{2 => #{3 => []}}}',
    '#{-1 => a, -5.0 => b, 1 bsl 64 => c, -(1 bsl 64) => d, 0.5 => e}', '#{{1} => a, {1.0} => b, {2} => c}',
    '#{1 => a}', '#{1.0 => a}', '#{1 => 1}', '#{1.0 => 0}', '#{a => 2}', '#{a => 1, c => 0}',
    '#{list_to_pid("<0.80.0>") => p, list_to_ref("#Ref<0.1.2.3>") => r, fun lists:map/2 => f, list_to_port("#Port<0.5>") => o}',
    '#{<<1:3>> => a, <<1>> => b, <<0:1>> => c, <<>> => d}',
    'maps:from_list([{I, I * I} || I <- lists:seq(1, 32)])',
    'maps:from_list([{list_to_atom([$k | integer_to_list(I)]), I} || I <- lists:seq(1, 32)])'].map((x) => E(x)),
  E('maps:from_list([{I, I} || I <- lists:seq(1, 33)])', { noEncode: true, noPrint: true, noCmp: true }),
  // funs
  ...['fun lists:map/2', 'fun erlang:abs/1', "fun 'A':'b c'/1", 'fun lists:all/2', 'fun m:f/0', 'beamjs_vec:f(42)',
    'beamjs_vec:f(43)', 'beamjs_vec:f(a)', 'beamjs_vec:g()', 'beamjs_vec:f(beamjs_vec:g())', 'beamjs_vec:h(1, 2.5)',
    "('Foo Bar'):f()"].map((x) => E(x)),
  // pids, refs, ports (local node numbers print as 0; remote ones print with session numbers)
  ...['list_to_pid("<0.80.0>")', 'list_to_pid("<0.0.0>")', 'list_to_pid("<0.1.2>")', 'list_to_pid("<0.2.1>")',
    'list_to_pid("<0.32767.8191>")', 'list_to_ref("#Ref<0.1.2.3>")', 'list_to_ref("#Ref<0.3.2.1>")',
    'list_to_ref("#Ref<0.0.0.1>")', 'list_to_ref("#Ref<0.4294967295.1.2>")', 'list_to_port("#Port<0.5>")',
    'list_to_port("#Port<0.0>")'].map((x) => E(x)),
  ...[extPid('a@b', 1, 1, 1), extPid('a@b', 1, 1, 2), extPid('a@b', 0, 5, 3), extPid('b@a', 0, 0, 1), extPid('A@a', 0, 0, 1),
    extPid('a@b', 1, 2, 0xffffffff), extRef('a@b', 1, [1, 2, 3]), extRef('a@b', 2, [0, 0, 3]), extRef('c@c', 0, [7, 0, 0, 0]),
    extRef('c@c', 0, [7, 0, 0, 0, 0]), extRef('c@c', 0, [0, 0, 0, 1]), extRef('b@b', 1, [0]), extPort('a@b', 3, 1),
    extPort('a@b', 2 ** 40, 0), extPort('a@b', 3, 0)].map((x) => E(x, { noPrint: true })),
];

// Hand-made external-format inputs (Erlang binary expressions) and whether OTP's binary_to_term
// accepts them; accepted ones record term_to_binary of the result (the canonical encoding).
// (OTP ignores trailing bytes after the term; we reject those, so none are listed here.)
const fl = (text) => `<<131,99,"${text}",0:((31 - ${text.length}) * 8)>>`;
const decodeCases = [
  '<<131,116,0,0,0,2,97,1,97,2,97,1,97,3>>', '<<131,116,0,0,0,2,97,1,97,2,70,63,240,0,0,0,0,0,0,97,3>>',
  '<<131,116,0,0,0,2,100,0,1,98,97,1,100,0,1,97,97,2>>',
  '<<131,77,0,0,0,1,3,255>>', '<<131,77,0,0,0,0,0>>', '<<131,77,0,0,0,0,3>>', '<<131,77,0,0,0,1,0,5>>',
  '<<131,77,0,0,0,1,9,5>>', '<<131,77,0,0,0,1,8,5>>', '<<131,77,0,0,0,2,1,5,255>>',
  '<<131,110,1,2,5>>', '<<131,110,0,0>>', '<<131,110,0,1>>', '<<131,110,2,0,5,0>>', '<<131,111,0,0,0,0,0>>',
  '<<131,110,8,0,255,255,255,255,255,255,31,0>>', '<<131,110,8,1,0,0,0,0,0,0,32,0>>', '<<131,111,0,0,0,1,0,7>>',
  '<<131,115,3,97,98,99>>', '<<131,119,2,195,191>>', '<<131,119,3,239,187,191>>', '<<131,119,2,192,128>>',
  '<<131,119,3,237,160,128>>', '<<131,119,1,255>>', '<<131,118,0,2,195,191>>', '<<131,100,0,2,195,191>>',
  '<<131,100,1,0,(binary:copy(<<"a">>, 256))/binary>>', '<<131,118,1,0,(binary:copy(<<"a">>, 256))/binary>>',
  '<<131,118,1,254,(binary:copy(<<195,191>>, 255))/binary>>', '<<131,100,0,0>>', '<<131,118,0,0>>',
  ...['1.5', '-1.5', '+1.5', '1.5e5', '1.5E+05', '1.e5', '1.5e', '1.5e+', '01.50', '1.5e-400', '1.5e400', '-0.0',
    '1..5', '1.5e5.5', '1.5x', '1', '1e5', '.5', '0x10', 'nan', 'inf', '1.50000000000000000000e+00',
    '4.94065645841246544177e-324', '1.5\t', ' 1.5', '1.5 '].map(fl),
  '<<131,99,"1.5",0,"zz",0:(25*8)>>', '<<131,99,"1.5",0:(27*8)>>',
  '<<131,70,127,240,0,0,0,0,0,0>>', '<<131,70,255,240,0,0,0,0,0,0>>', '<<131,70,127,248,0,0,0,0,0,1>>',
  '<<131,70,0,0,0,0,0,0,0,1>>', '<<131,104,1,106>>', '<<131,108,0,0,0,0,106>>', '<<131,108,0,0,0,0,97,1>>',
  '<<131,107,0,0>>', '<<131,105,0,0,0,0>>', '<<131,105,0,0,0,1,106>>', '<<131,116,0,0,0,0>>',
  '<<131,90,0,6,100,0,3,"a@b",0,0,0,1,0:192>>', '<<131,90,0,0,100,0,3,"a@b",0,0,0,1>>',
  '<<131,114,0,3,100,0,3,"a@b",1,0:96>>', '<<131,101,100,0,3,"a@b",0,0,0,1,1>>',
  '<<131,103,100,0,3,"a@b",0,0,0,1,0,0,0,2,1>>', '<<131,102,100,0,3,"a@b",0,0,0,1,1>>',
  '<<131,89,100,0,3,"a@b",0,0,0,1,0,0,0,1>>', '<<131,120,100,0,3,"a@b",0,0,0,0,0,0,0,1,0,0,0,1>>',
  '<<131,88,97,1,0:96>>', '<<131,88,100,0,0,0:96>>', '<<131,88,115,3,"a@b",0:96>>',
  '<<131,113,100,0,1,"m",100,0,1,"f",98,0,0,0,1>>', '<<131,113,100,0,1,"m",100,0,1,"f",97,1>>',
  '<<131,113,100,0,1,"m",100,0,1,"f",106>>', '<<131,113,97,1,100,0,1,"f",97,1>>',
  '<<131,82,0>>', '<<131,121,0>>', '<<131,117,0,0,0,0>>', '<<131,68,0>>', '<<131>>', '<<>>', '<<130,106>>',
  '<<131,80,0,0,0,2,(zlib:compress(<<106>>))/binary>>', '<<131,80,0,0,0,1,(zlib:compress(<<106>>))/binary>>',
  '<<131,80,0,0,0,0,(zlib:compress(<<>>))/binary>>', '<<131,104,1,80,0,0,0,1,(zlib:compress(<<106>>))/binary>>',
  '<<131,80,0,0,0,2,(zlib:compress(<<131,106>>))/binary>>', '<<131,80,0,0,0,2,(zlib:compress(<<80,106>>))/binary>>',
  '<<131,80,0,0,0,1,(zlib:gzip(<<106>>))/binary>>', '<<131,80,0,0,0,1,120,156>>', '<<131,80,0,0>>',
  '<<131,80,0,0,0,3,(zlib:compress(<<104,1,106>>))/binary>>',
];

const rng = mulberry32(0x5eed);
const floats = floatCases(rng);

const dir = mkdtempSync(join(tmpdir(), 'beamjs-vec-'));
try {
  writeFileSync(join(dir, 'beamjs_vec.erl'), BEAMJS_VEC_ERL());
  writeFileSync(join(dir, 'vecgen.erl'), VECGEN_ERL());
  execFileSync('erlc', ['-o', dir, join(dir, 'beamjs_vec.erl'), join(dir, 'vecgen.erl')], { stdio: 'inherit' });
  const input = [
    ...terms.map((t) => `E ${t.noCmp ? 0 : 1} ${Buffer.from(t.expr, 'utf8').toString('hex')}`),
    ...floats.map((f) => `F ${f}`),
    ...decodeCases.map((d) => `D ${Buffer.from(d, 'utf8').toString('hex')}`),
  ].join('\n');
  writeFileSync(join(dir, 'in.txt'), input + '\n');
  execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'vecgen', 'main', join(dir, 'in.txt'), join(dir, 'out.txt'), '-s', 'init', 'stop'], {
    stdio: 'inherit',
  });
  const out = readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n');
  const vectors = [];
  const floatOut = [];
  const decodeOut = [];
  const cmpIdx = [];
  const matrix = { cmp: [], exact: [], eq: [], key: [] };
  const hexText = (h) => Buffer.from(h, 'hex').toString('utf8');
  for (const line of out) {
    const f = line.split(' ');
    if (f[0] === 'E') {
      const t = terms[vectors.length];
      // Variants are stored only where they differ from the default encoding.
      const v = { expr: t.expr, hex: f[1] };
      if (f[2] !== f[1]) v.hexV0 = f[2];
      if (f[3] !== f[1]) v.hexV2 = f[3];
      if (f[4] !== f[1]) v.hexZ = f[4];
      if (!t.noPrint) v.w = hexText(f[5]);
      for (const k of ['noPrint', 'noEncode']) if (t[k]) v[k] = true;
      if (!t.noCmp) cmpIdx.push(vectors.length);
      vectors.push(v);
    } else if (f[0] === 'F') {
      floatOut.push([f[1], hexText(f[2]), hexText(f[3])]);
    } else if (f[0] === 'D') {
      const d = { expr: decodeCases[decodeOut.length], hex: f[1] === '-' ? '' : f[1] };
      if (f[2] === 'ok') d.canonical = f[3];
      else d.error = true;
      decodeOut.push(d);
    } else if (f[0] === 'C') {
      matrix.cmp.push(f[1]);
      matrix.exact.push(f[2]);
      matrix.eq.push(f[3]);
      matrix.key.push(f[4]);
    }
  }
  if (vectors.length !== terms.length || floatOut.length !== floats.length || decodeOut.length !== decodeCases.length) throw new Error('erl output incomplete');
  mkdirSync(join(root, 'test/vectors'), { recursive: true });
  const otp = execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[erlang:system_info(otp_release)]), halt().']).toString();
  writeFileSync(
    join(root, 'test/vectors/terms.json'),
    // One vector / matrix row per line keeps the file diffable without pretty-printing bulk.
    [
      '{"generator": "scripts/gen-term-vectors.mjs", "otp": ' + JSON.stringify(otp) + ',',
      ' "note": "hexV0/hexV2/hexZ only where they differ from hex; matrix rows/cols index cmpIndex; cmp/key: < = >; exact/eq: 1/0 (row A op column B)",',
      ' "vectors": [',
      vectors.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ],',
      ' "decodeCases": [',
      decodeOut.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ],',
      ' "cmpIndex": ' + JSON.stringify(cmpIdx) + ',',
      ' "matrix": {',
      Object.entries(matrix).map(([k, rows]) => `  "${k}": [\n` + rows.map((r) => '   ' + JSON.stringify(r)).join(',\n') + '\n  ]').join(',\n'),
      ' }',
      '}',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(root, 'test/vectors/floats.json'),
    '{"generator": "scripts/gen-term-vectors.mjs", "otp": ' + JSON.stringify(otp) +
      ', "note": "[ieee754 hex, ~w, minor_version 0 text]", "floats": [\n' +
      floatOut.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n',
  );
  console.log(`wrote ${vectors.length} term vectors, ${cmpIdx.length}^2 comparisons, ${floatOut.length} floats`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Float bit patterns (hex): edge cases, then random ones across every magnitude. */
function floatCases(rnd) {
  const out = new Set();
  const buf = Buffer.alloc(8);
  const add = (x) => {
    if (!Number.isFinite(x)) return;
    buf.writeDoubleBE(x);
    out.add(buf.toString('hex'));
  };
  const edges = [0, -0, 1, -1, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
    2.225073858507201e-308, 1.7976931348623157e308, 2 ** 53, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 54, 2 ** 63, 2 ** 64,
    9007199254740991.5, 4503599627370495.5, 0.5, 0.25, 1e21, 1e22, 1e23, 123456789012345680, 1e-7, 1.5e-7];
  edges.forEach(add);
  for (let e = -325; e <= 308; e++) {
    for (const m of [1, 1.5, 123]) add(m * 10 ** e);
  }
  for (let e = -1074; e <= 1023; e += 7) add(2 ** e);
  for (let i = 0; i < 40; i++) add((2 ** 52 + 1 + 2 * Math.floor(rnd() * 2 ** 40)) / 2 ** (8 + (i % 10))); // %.20e ties
  for (let i = 0; i < 1500; i++) {
    // random bit patterns (exponent uniform), excluding NaN/Inf
    const hi = Math.floor(rnd() * 0x7fefffff) + (rnd() < 0.5 ? 0x80000000 : 0);
    const lo = Math.floor(rnd() * 2 ** 32);
    buf.writeUInt32BE(hi >>> 0, 0);
    buf.writeUInt32BE(lo >>> 0, 4);
    add(buf.readDoubleBE(0));
  }
  for (let i = 0; i < 800; i++) {
    // short decimals, integers, and values near the 2^53 switch point
    const digits = 1 + Math.floor(rnd() * 17);
    const m = Math.floor(rnd() * 10 ** digits);
    add(m * 10 ** (Math.floor(rnd() * 50) - 25));
    add(Math.floor(rnd() * 2 ** 53) * (rnd() < 0.5 ? 1 : 2));
  }
  return [...out];
}

function BEAMJS_VEC_ERL() {
  return `-module(beamjs_vec).
-export([f/1, g/0, h/2]).
f(X) -> fun(Y) -> {X, Y} end.
g() -> fun() -> ok end.
h(A, B) -> fun(C) -> A + B + C end.
`;
}

function VECGEN_ERL() {
  return String.raw`-module(vecgen).
-export([main/1]).

main([In, Out]) ->
    {ok, Mod, Bin} = compile:forms([{attribute,1,module,'Foo Bar'},{attribute,2,export,[{f,0}]},
        {function,3,f,0,[{clause,3,[],[],[{'fun',3,{clauses,[{clause,3,[],[],[{atom,3,ok}]}]}}]}]}]),
    {module, _} = code:load_binary(Mod, "Foo Bar.erl", Bin),
    {ok, Data} = file:read_file(In),
    Lines = [L || L <- binary:split(Data, <<"\n">>, [global]), L =/= <<>>],
    {ok, F} = file:open(Out, [write, binary]),
    Cmp = lists:foldl(fun(L, Acc) -> line(F, L, Acc) end, [], Lines),
    Ts = lists:reverse(Cmp),
    [matrix_row(F, A, Ts) || A <- Ts],
    ok = file:close(F).

line(F, <<"E ", C, " ", Hex/binary>>, Acc) ->
    Src = unicode:characters_to_list(binary:decode_hex(Hex)),
    {ok, Toks, _} = erl_scan:string(Src ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, T, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    W = unicode:characters_to_binary(lists:flatten(io_lib:format("~w", [T]))),
    io:put_chars(F, [<<"E ">>, hex(term_to_binary(T)), " ", hex(term_to_binary(T, [{minor_version, 0}])), " ",
                     hex(term_to_binary(T, [{minor_version, 2}])), " ", hex(term_to_binary(T, [compressed])), " ",
                     hex(W), "\n"]),
    case C of $1 -> [T | Acc]; _ -> Acc end;
line(F, <<"F ", Hex/binary>>, Acc) ->
    <<X/float>> = binary:decode_hex(Hex),
    W = list_to_binary(io_lib:format("~w", [X])),
    <<131, 99, Old:31/binary>> = term_to_binary(X, [{minor_version, 0}]),
    [OldText | _] = binary:split(Old, <<0>>),
    io:put_chars(F, [<<"F ">>, Hex, " ", hex(W), " ", hex(OldText), "\n"]),
    Acc;
line(F, <<"D ", Hex/binary>>, Acc) ->
    Src = unicode:characters_to_list(binary:decode_hex(Hex)),
    {ok, Toks, _} = erl_scan:string(Src ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, B, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    R = try binary_to_term(B) of T -> ["ok ", hex(term_to_binary(T))] catch error:badarg -> "error" end,
    io:put_chars(F, [<<"D ">>, hex(B), " ", R, "\n"]),
    Acc.

hex(<<>>) -> <<"-">>;
hex(B) -> binary:encode_hex(B).

matrix_row(F, A, Ts) ->
    Cmp = [if A < B -> $<; A > B -> $>; true -> $= end || B <- Ts],
    Exact = [case A =:= B of true -> $1; false -> $0 end || B <- Ts],
    Eq = [case A == B of true -> $1; false -> $0 end || B <- Ts],
    Key = [key_cmp(A, B) || B <- Ts],
    io:put_chars(F, ["C ", Cmp, " ", Exact, " ", Eq, " ", Key, "\n"]).

key_cmp(A, B) when A =:= B -> $=;
key_cmp(A, B) ->
    case maps:keys(#{A => 0, B => 0}) of
        [K, _] when K =:= A -> $<;
        _ -> $>
    end.
`;
}
