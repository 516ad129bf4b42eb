#!/usr/bin/env node
// Generates test/vectors/format.json from the real `erl`: io_lib:format/2 output for hundreds of
// [Format, Args] cases (written below as Erlang source text), so the io tests check against
// OTP's own behaviour rather than our reading of it.
// Usage: node scripts/gen-format-vectors.mjs   (needs erl/erlc on PATH; the output is committed)
//
// Each vector: the case source, term_to_binary({Format, Args}) in hex (the tests decode it with
// our ETF decoder), and the flattened output: `out` (a string) when every character is a valid
// code point, `cps` (an array) otherwise, or `err: "badarg"`. Cases are run a second time under
// `erl +pc unicode`; `outPc` records the output there when it differs. Device vectors record
// the bytes io:format writes to stdout (standard_io started by -noshell) in latin1 mode and after
// io:setopts(standard_io, [{encoding, unicode}]), as hex, or "badarg".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Erlang string literal for a JS string. */
const q = (s) => JSON.stringify(s).replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => `\\x{${h}}`);
const cases = [];
const C = (fmt, args) => cases.push(`{${fmt}, ${args}}`);
/** A format given as JS text. */
const F = (fmt, args) => C(q(fmt), args);

// ---------------------------------------------------------------- plain text and parsing
F('', '[]');
F('hello world', '[]');
F('hello~n', '[]');
F('~~', '[]');
F('a~5~b', '[]');
F('~-5~|', '[]');
F('~.3~|', '[]');
F('~5.2~|', '[]');
F('~3n|', '[]');
F('~-3n|', '[]');
F('~n~n', '[]');
F('~i~w', '[skipped, shown]');
F('~5i|', '[x]');
F('tab\there ~p', '[{a,b}]');
F('~', '[]');
F('~q', '[1]');
F('~w', '[]');
F('~w', '[1, 2]');
F('abc', '[1]');
F('abc', 'not_a_list');
F('~w', '[1 | 2]');
F('~w~w', '[1 | 2]');
F('~s', '[]');
F('~kp', '[#{a => 1}]');
F('~lp', '["abc"]');
F('~ltp', '["abc"]');
F('~tlp', '[[1, "abc"]]');
F('~tts', '["abc"]');
F('~--5w', '[x]');
F('~-w', '[x]');
F('~.w', '[x]');
F('~..w', '[x]');
F('~..*w', '[]');
F('~5..xw|', '[ab]');
F('~5.3.xw|', '[ab]');
F('~*w|', '[5, ab]');
F('~*w|', '[-5, ab]');
F('~-*w|', '[5, ab]');
F('~-*w|', '[-5, ab]');
F('~*w|', '[a, ab]');
F('~*.*w|', '[6, 2, abcdef]');
F('~6..*w|', '[$z, ab]');
F('~6.*.*w|', '[5, $-, abcdefgh]');
C("'~w and ~w'", '[1, 2]');
C('<<"~w|~s">>', '[1, "two"]');
C('<<"caf\\x{e9} ~s">>', '["x"]');
C('"~ts"', '[<<"\\x{65E5}"/utf8>>]');
C('["ab", "c"]', '[]');
C('[$a, <<"bc">>, "d"]', '[]');
C('[$~, $w]', '[1]');
C('[a, $b]', '[]');
C('[-1, $a]', '[]');
C('[16#65E5, $~, $w]', '[1]');
C('"x~w"', '[[]]');
C('123', '[]');
C('[lists:duplicate(40, $x), $~, $p]', '[lists:seq(1, 30)]');
C('[$a, "\\n", $~, $p]', '[lists:seq(1, 30)]');
C('[$a, [], $~, $p]', '[lists:seq(1, 30)]');

// ---------------------------------------------------------------- ~c
for (const f of ['~c', '~5c|', '~-5c|', '~.3c|', '~5.3c|', '~-5.3c|', '~3.5c|', '~5.3.*c|', '~tc', '~5tc|', '~0c|', '~.1c|', '~*c|']) {
  const extra = f.includes('*') ? (f === '~*c|' ? '4, ' : '') : '';
  for (const v of ['$a', '$\\s', '256 + $a', '-1', '233', '16#65E5', '1 bsl 70 + 66']) {
    // ~tc of a bignum puts the bignum itself into OTP's output list; we raise badarg instead.
    if (f.includes('t') && v.includes('bsl')) continue;
    if (f === '~5.3.*c|') C(q(f), `[$., ${v}]`);
    else C(q(f), `[${extra}${v}]`);
  }
}
F('~c', '[a]');
F('~c', '[1.0]');

// ---------------------------------------------------------------- integers
const ints = ['0', '1', '-1', '7', '255', '-255', '12345', '-12345', '16#DEADBEEF', '1 bsl 53', '(1 bsl 53) + 1', '1 bsl 70',
  '-(1 bsl 70)', '123456789012345678901234567890'];
for (const f of ['~b', '~B', '~.2B', '~.8b', '~.16B', '~.16b', '~.36B', '~.36b', '~10B|', '~-10B|', '~3B|', '~10.16.0B|',
  '~.37B', '~.1B', '~.0B', '~+', '~.16+', '~#', '~.16#', '~.2#', '~12.16#|', '~-12.16+|', '~w', '~p', '~s', '~f', '~.*B']) {
  for (const v of ints) {
    if (f === '~.*B') C(q(f), `[7, ${v}]`);
    else C(q(f), `[${v}]`);
  }
}
for (const f of ['~x', '~.16x', '~.16X', '~12.16x|', '~-12.16X|', '~.2x', '~2.16x|']) {
  for (const v of ['0', '255', '-255', '1 bsl 70']) {
    for (const p of ['"0x"', "'0x'", '"#"', '[]', '["a", [$b]]', 'x', '<<"b">>', '[16#65E5]', '42']) C(q(f), `[${v}, ${p}]`);
  }
}
F('~B', '[1.0]');
F('~B', '[a]');
F('~.16B', '[abc]');
F('~.*B', '[x, 5]');

// ---------------------------------------------------------------- floats
const floats = ['0.0', '-0.0', '1.0', '-1.0', '0.1', '0.5', '-1.5', '2.5', '0.125', '0.3', '1.0e-10', '123456789.123', '5.0e-324',
  '1.7976931348623157e308', '-1.7976931348623157e308', '2.2250738585072014e-308', '1.0e15', '1.0e16', '9.999999', '0.05', '0.95',
  '99.5', '999999.5', '1.0e100', '3.14159', '-2.71828', '1.0e-5', '0.000123456', '123.456', '1.0e22', '1.0e23', '2.0e-7',
  '6.02214076e23', '0.9999999', '9.5', '0.0095', '1234.5', '9999.5', '0.09999', '0.099999999', '1.0e4', '9999.99999',
  '1.0e-1', '0.45', '0.55', '1.005', '2.675', '1.0e21', '4.35', '0.015625', '1152921504606846976.0'];
const floatFmts = ['~f', '~e', '~g', '~.2f', '~10.3f|', '~-10.3f|', '~.0f', '~.1f', '~.1e', '~.2e', '~.3g', '~.1g', '~.2g',
  '~15e|', '~-15.4e|', '~3f|', '~.10g', '~.20f', '~.17e', '~.25e', '~w', '~p', '~12.4.0f|', '~.4f', '~8e|', '~e', '~.5g'];
for (const f of floatFmts) for (const v of floats) C(q(f), `[${v}]`);
for (const v of ['1.0', '-2.5', '0.001']) {
  C(q('~*.*f|'), `[12, 3, ${v}]`);
  C(q('~*.*e|'), `[-14, 4, ${v}]`);
  C(q('~.*g'), `[1, ${v}]`);
  C(q('~.*g'), `[0, ${v}]`);
}
F('~f', '[1]');
F('~e', '[a]');
F('~g', '[1 bsl 70]');
// Random floats with random precisions, for the rounding rules.
{
  const rnd = mulberry32(0xf10a7);
  const buf = Buffer.alloc(8);
  for (let i = 0; i < 240; i++) {
    let x;
    const kind = i % 4;
    if (kind === 0) {
      buf.writeUInt32BE(Math.floor(rnd() * 0x7fefffff), 0);
      buf.writeUInt32BE(Math.floor(rnd() * 2 ** 32), 4);
      x = buf.readDoubleBE(0);
    } else if (kind === 1) {
      x = Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 8))) / 10 ** Math.floor(rnd() * 8);
    } else if (kind === 2) {
      x = (Math.floor(rnd() * 2 ** 20) + 0.5) / 2 ** Math.floor(rnd() * 12); // exact binary fractions (ties)
    } else {
      x = rnd() * 10 ** (Math.floor(rnd() * 40) - 20);
    }
    if (rnd() < 0.3) x = -x;
    const lit = erlFloat(x);
    const p = 1 + Math.floor(rnd() * 18);
    C(q(`~.${p}f ~.${p + 1}e ~.${p}g ~e ~f ~g`), `[${lit}, ${lit}, ${lit}, ${lit}, ${lit}, ${lit}]`);
  }
}

// ---------------------------------------------------------------- strings
const strArgs = ['"hello"', '""', '<<"bin">>', '<<>>', 'atom', "'Quoted Atom'", '[$a, "bc", <<"de">>, [[$f]]]', '["ab" | <<"c">>]',
  '"caf\\x{e9}"', '<<"caf\\x{e9}">>', '<<"caf\\x{e9}"/utf8>>', '[16#65E5, 16#672C]', '<<"\\x{65E5}\\x{672C}"/utf8>>', '<<255, 1>>',
  '"e\\x{301}x\\r\\ny"', '[16#65E5, <<"\\x{e9}"/utf8>>]', "'\\x{65E5}'", '"a\\nb\\tc"', '"0123456789abcdef"', '[256]', '[-1]',
  '[$a | b]', '{a}', '1', '[[], <<>>, []]', '[$a, 1.0]', '"\\x{1F600}ab"'];
const strFmts = ['~s', '~ts', '~10s|', '~-10s|', '~.3s|', '~10.3s|', '~-10.3s|', '~3.10s|', '~.10s|', '~10.10s|', '~3s|', '~0s|',
  '~.0s|', '~10ts|', '~-10ts|', '~.2ts|', '~3ts|', '~10.2ts|', '~10.3.xs|', '~10..*s|', '~ls', '~p', '~tp', '~w'];
for (const f of strFmts) {
  for (const v of strArgs) {
    if (f === '~10..*s|') C(q(f), `[$., ${v}]`);
    else C(q(f), `[${v}]`);
  }
}
F('~.*s|', '[-1, "abc"]');
F('~.*ts|', '[-1, "abc"]');
F('~*.*s|', '[-8, 2, "abc"]');

// ---------------------------------------------------------------- ~w / ~W
const terms = ['a', "'A'", "'a b'", "''", "'hello world'", "'\\n'", "'it\\'s'", "'and'", "'\\x{65E5}'", "'caf\\x{e9}'", "'\\x{e9}t\\x{e9}'",
  '[]', '{}', '#{}', '<<>>', '"abc"', '[1,2,3]', '[a|b]', '[1,[2,[3,[4]]]]', '{a,{b,{c,{d}}}}', '#{a => 1, b => [1,2], c => #{d => e}}',
  '<<1,2,3>>', '<<"abc">>', '<<1:3>>', '<<1,2,3:4>>', 'list_to_pid("<0.80.0>")', 'list_to_ref("#Ref<0.1.2.3>")', 'list_to_port("#Port<0.5>")',
  'fun lists:map/2', "fun 'A':'b c'/1", '1.5', '-0.0', '1.0e20', '12345678901234567890', '[1.0, -2, 3.5e-10]', '{1, "two", <<"three">>, four}',
  '[{I, I * I} || I <- lists:seq(1, 12)]', 'lists:seq(1, 40)', '#{{a, b} => [1], [1] => {}, 1.0 => 1, 1 => 2}', '"caf\\x{e9}"', '[16#65E5]'];
for (const f of ['~w', '~tw', '~10w|', '~-10w|', '~.3w|', '~10.3w|', '~3.10w|', '~5.5.*w|', '~lw']) {
  for (const t of terms) {
    if (f === '~5.5.*w|') C(q(f), `[$#, ${t}]`);
    else C(q(f), `[${t}]`);
  }
}
for (const d of ['0', '1', '2', '3', '4', '6', '-1', '-3']) {
  for (const t of ['[1,2,3,4,5,6]', '{a,b,c,d,e,f}', '[{a,[b,{c,[d]}]}, 2, 3]', '#{a => 1, b => 2, c => 3}', '#{a => {x, y}, b => [1,2,3]}',
    '<<1,2,3,4,5,6>>', '<<1,2,3:4>>', '"abcdef"', '<<"abcdefghij">>', '[a|b]', '[1,2|c]', 'atom', '12', '{[1,2],[3,4]}', '[[[[[]]]]]',
    '{a, "a long string here", <<"binary data here">>}']) {
    C(q('~W'), `[${t}, ${d}]`);
    C(q('~P'), `[${t}, ${d}]`);
  }
}
F('~W', '[a, b]');
F('~P', '[a, 1.0]');
F('~W', '[a]');
F('~10.4W|', '[[1,2,3,4,5], 3]');
F('~20P|', '[[1,2,3,4,5], 3]');

// ---------------------------------------------------------------- ~p: atomic and small terms
for (const t of terms) {
  F('~p', `[${t}]`);
  F('~tp', `[${t}]`);
  F('~lp', `[${t}]`);
}
const strTerms = ['"hello"', '"caf\\x{e9}"', '"a\\nb\\tc\\"d\\\\e"', '"\\e\\b\\f\\v\\r"', '"\\x{7f}"', '"\\x{9f}"', '"\\x{a0}"', '[7]',
  '[8,9,10]', '"\\x{65E5}\\x{672C}\\x{8A9E}"', '"caf\\x{e9} \\x{65E5}"', '"\\x{1F600}"', '[$a, 16#D800]', '[$a | $b]', '["abc"]',
  '<<"hello">>', '<<"caf\\x{e9}">>', '<<"caf\\x{e9}"/utf8>>', '<<"\\x{65E5}\\x{672C}"/utf8>>', '<<"\\n\\t">>', '<<1, "abc">>',
  '<<"abc", 1>>', '<<"abc", 0>>', '<<"a", 255>>', '<<"\\x{1F600}"/utf8>>', '<<237, 160, 128>>', '<<"abc", 200, 1>>', '<<"abc":20>>',
  '<<"abc", 1:1>>', '[<<"a">>, <<"b">>]', '{"a", <<"b">>}', "'\\x{e9}'", "'\\x{65E5}'", '[16#10FFFF]', '[16#FFFE]', '[16#FFFF]',
  '<<16#FFFE/utf8>>', '<<"\\x{e9}\\x{65E5}"/utf8>>'];
for (const t of strTerms) {
  F('~p', `[${t}]`);
  F('~tp', `[${t}]`);
  F('~lp', `[${t}]`);
  F('~w', `[${t}]`);
  for (const d of ['1', '2', '3', '5']) {
    F('~P', `[${t}, ${d}]`);
    F('~tP', `[${t}, ${d}]`);
  }
}
// Binaries with depth, long printable ones and their prefixes.
for (const b of ['binary:copy(<<"abcdefghij">>, 5)', '<<(binary:copy(<<"x">>, 30))/binary, 0>>', '<<0, (binary:copy(<<"x">>, 30))/binary>>',
  '<<(binary:copy(<<"abcd">>, 6))/binary, 1, (binary:copy(<<"efgh">>, 6))/binary>>', '<<(binary:copy(<<"\\x{e9}"/utf8>>, 10))/binary, 1>>',
  '<<(binary:copy(<<"\\x{65E5}"/utf8>>, 10))/binary>>', 'list_to_binary(lists:seq(0, 255))', '<<"ab\\n", 128, "cd">>']) {
  for (const d of ['2', '3', '4', '6', '10', '-1']) {
    F('~P', `[${b}, ${d}]`);
    F('~tP', `[${b}, ${d}]`);
  }
}

// ---------------------------------------------------------------- ~p layout
const structs = [
  'lists:seq(1, 40)',
  'lists:seq(1000, 1030)',
  '[{I, list_to_atom("atom_" ++ integer_to_list(I)), "str"} || I <- lists:seq(1, 8)]',
  '{a, {b, [1,2,3], #{k => v, "s" => <<"bin">>}}, [{c, d, e}, {f, g}], "a string"}',
  '{person, "Joe Armstrong", 42, [erlang, prolog, smalltalk], #{city => "Stockholm", country => "Sweden"}}',
  'lists:foldl(fun(I, A) -> {node, I, A, [I]} end, leaf, lists:seq(1, 6))',
  'lists:foldl(fun(I, A) -> [I, A, I] end, [], lists:seq(1, 12))',
  '#{name => "x", list => lists:seq(1, 30), sub => #{a => {1,2,3}, b => [x,y,z]}}',
  'list_to_binary(lists:seq(0, 100))',
  'binary:copy(<<"hello world ">>, 10)',
  '<<(list_to_binary(lists:seq(1, 60)))/binary, 3:3>>',
  'lists:foldr(fun(I, A) -> [I | A] end, the_tail, lists:seq(1, 30))',
  'lists:foldr(fun(I, A) -> [I | A] end, {a_tuple, as, tail, [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]}, lists:seq(1, 5))',
  '["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]',
  '{12345678901234567890, 3.141592653589793, -2.5e-300, 1.0e300, 42, -7, 123456789, 987654321, 55555555555}',
  '[list_to_pid("<0.80.0>"), list_to_pid("<0.81.0>"), list_to_ref("#Ref<0.1.2.3>"), fun lists:map/2, list_to_port("#Port<0.5>")] ++ lists:seq(1, 10)',
  '{ok, list_to_binary(lists:seq(1, 200))}',
  "{'a very long atom name that needs quoting', another_one, 'Capital', yet_another_long_atom_name, x}",
  '#{{a, b} => [1,2,3], [1,2] => #{x => y}, <<"k">> => 1.5, "str" => lists:seq(1, 25)}',
  '#{lists:seq(1, 30) => lists:seq(1, 30)}',
  '#{key => #{key => #{key => #{key => lists:seq(1, 20)}}}}',
  '[[[[[[a_long_atom_at_the_bottom, another_long_atom, yet_another_long_atom, and_more_atoms_here]]]]]]',
  '{lists:seq(1, 25), lists:seq(1, 25)}',
  '{a_very_long_tag_name_here, [1,2,3], "some string", {nested, tuple, with, many, elements, inside, it}}',
  '{x, lists:seq(1, 30)}',
  '{tag, [{key1, "value one"}, {key2, "value two"}, {key3, "value three"}, {key4, "value four"}]}',
  '[{"key", <<"value">>}, {"other key", <<"other value">>}, {"third", <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20>>}]',
  '#{a => 1, b => 2, c => 3, d => 4, e => 5, f => 6, g => 7, h => 8, i => 9, j => 10, k => 11, l => 12, m => 13}',
  '#{1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight"}',
  '[#{a => 1}, #{b => [1,2,3]}, #{c => {x, y, z}}, #{d => "a string value"}, #{e => <<"bin">>}, #{}]',
  '{[], {}, #{}, <<>>, "", [[]], {{}}, #{a => #{}}, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}',
  '[lists:seq(1, 15), lists:seq(16, 30), lists:seq(31, 45), [a, b, c]]',
  '{"\\x{65E5}\\x{672C}\\x{8A9E}", <<"\\x{65E5}\\x{672C}"/utf8>>, \'\\x{65E5}\\x{672C}\', "caf\\x{e9}", <<"caf\\x{e9}"/utf8>>, lists:seq(1, 12)}',
  '{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, b}',
  '[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, b]',
  '#{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa => bbbbbbbbbbbbbbbbbbbbbbbbbbbb}',
  '{"a long string that will not be broken even though it is longer than the line length of eighty characters"}',
  '{error, {badmatch, [{module, function, 2, [{file, "src/module.erl"}, {line, 123}]}, {other_module, other_function, 1, [{file, "src/other.erl"}, {line, 4567}]}]}}',
];
const prefixes = ['', 'abcdefghij', 'x'.repeat(30), 'y'.repeat(50), 'z'.repeat(70), 'w'.repeat(78), 'v'.repeat(95)];
for (const s of structs) {
  for (const p of prefixes) F(`${p}~p|`, `[${s}]`);
  for (const f of ['~40p', '~20p', '~120p', '~.5p', '~.30p', '~50.10p', '~0p', '~1p', '~lp', '~tp', '~w', '~P', '~-5p', '~3.-1p']) {
    if (f === '~P') {
      C(q('~P'), `[${s}, 5]`);
      C(q('~P'), `[${s}, 9]`);
      C(q('~30P'), `[${s}, 7]`);
    } else if (f === '~3.-1p') {
      C(q('~3.*p'), `[-1, ${s}]`);
    } else {
      F(f, `[${s}]`);
    }
  }
  F('ab\tcd\t~p', `[${s}]`);
  F('line one\nline two ~p', `[${s}]`);
  F('~s~p', `["${'s'.repeat(20)}\\n${'t'.repeat(10)}", ${s}]`);
  F('~w ~p ~p', `[${s}, ${s}, x]`);
  F('~p~n~p', `[${s}, ${s}]`);
  F('~10c~p', `[$*, ${s}]`);
  F('~ts~p', `["\\x{65E5}\\x{672C}", ${s}]`);
}
// Deep nesting (an iolist built by a loop): no stack limits.
F('~p', '[lists:foldl(fun(I, A) -> [A, integer_to_list(I)] end, [], lists:seq(1, 300))]');
F('~60p', '[lists:foldl(fun(I, A) -> {node, I, A} end, leaf, lists:seq(1, 200))]');
F('~w', '[lists:foldl(fun(I, A) -> [A, I] end, [], lists:seq(1, 1500))]');
F('~P', '[lists:foldl(fun(I, A) -> {A, I} end, x, lists:seq(1, 1500)), 50]');
F('~0p', '[lists:foldl(fun(I, A) -> #{I => A} end, x, lists:seq(1, 1500))]');

// Random nested terms at random columns and line lengths.
{
  const rnd = mulberry32(0x9e77);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const atoms = ['a', 'ok', 'error', 'undefined', 'some_atom', "'Quoted'", "'with space'", 'x', 'long_atom_name_here', 'true'];
  const gen = (d) => {
    const r = rnd();
    if (d <= 0 || r < 0.3) {
      return pick([
        () => String(Math.floor(rnd() * 2000) - 500),
        () => pick(atoms),
        () => q(pick(['abc', 'hello world', '', 'x', 'a longer string value', 'line\nbreak'])),
        () => `<<${Array.from({ length: Math.floor(rnd() * 12) }, () => Math.floor(rnd() * 256)).join(',')}>>`,
        () => q(pick(['bin', 'some binary text'])).replace(/^"(.*)"$/, '<<"$1">>'),
        () => erlFloat(Math.round(rnd() * 1e6) / 1e3),
        () => 'list_to_pid("<0.' + Math.floor(rnd() * 300) + '.0>")',
      ])();
    }
    const n = Math.floor(rnd() * (d > 2 ? 6 : 12));
    const items = Array.from({ length: n }, () => gen(d - 1));
    const k = rnd();
    if (k < 0.35) return `[${items.join(', ')}]`;
    if (k < 0.45 && n > 0) return `[${items.join(', ')} | ${gen(0)}]`;
    if (k < 0.75) return `{${rnd() < 0.5 ? pick(atoms) + (n ? ', ' : '') : ''}${items.join(', ')}}`;
    const keys = new Set();
    const pairs = [];
    for (const v of items) {
      const key = rnd() < 0.6 ? pick(atoms) : String(Math.floor(rnd() * 100));
      if (keys.has(key)) continue;
      keys.add(key);
      pairs.push(`${key} => ${v}`);
    }
    return `#{${pairs.join(', ')}}`;
  };
  for (let i = 0; i < 200; i++) {
    const t = gen(2 + Math.floor(rnd() * 4));
    const col = Math.floor(rnd() * 60);
    const ll = pick(['', '', '', '30', '50', '100', '60']);
    const tmod = rnd() < 0.2 ? 't' : rnd() < 0.1 ? 'l' : '';
    F(`${'.'.repeat(col)}~${ll}${tmod}p|`, `[${t}]`);
    if (i % 3 === 0) C(q(`~${ll}P|`), `[${t}, ${2 + Math.floor(rnd() * 8)}]`);
  }
}

// ---------------------------------------------------------------- io:format device output
const device = [
  ['~ts|~n', '[[16#65E5, 233]]'], ['~s|~n', '[[16#65E5]]'], ['~s|~n', '[[233]]'], ['~p|~n', '[[16#65E5]]'], ['~tp|~n', '[[16#65E5]]'],
  ['~p|~n', "[list_to_atom([16#65E5])]"], ['~tp|~n', "[list_to_atom([16#65E5])]"], ['~tw|~n', "[list_to_atom([16#65E5])]"],
  ['~ts|~n', '[<<"\\x{e9}\\x{65E5}"/utf8>>]'], ['~tc|~n', '[16#65E5]'], ['~tc|~n', '[-1]'], ['~ts|~n', '[[16#10FFFF + 5]]'],
  ['~ts|~n', '[[16#D800]]'], ['~ts|~n', '[[256, 255, 127, 128, 0]]'], ['~p|~n', '["caf\\x{e9}"]'], ['~p|~n', '[<<"caf\\x{e9}"/utf8>>]'],
  ['~tp|~n', '[<<"caf\\x{e9}"/utf8>>]'], ['~ts|~n', '[<<255, 254>>]'], ['~ts|~n', '[[16#1F600]]'], ['~ts|~n', '[[16#FFFE, 16#10FFFF]]'],
  ['~w|~n', '[x, y]'], ['~s', '["plain ascii\\n"]'],
];

// ---------------------------------------------------------------- run erl
const dir = mkdtempSync(join(tmpdir(), 'beamjs-fmt-'));
try {
  writeFileSync(join(dir, 'fmtgen.erl'), FMTGEN_ERL());
  execFileSync('erlc', ['-o', dir, join(dir, 'fmtgen.erl')], { stdio: 'inherit' });
  const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
  writeFileSync(join(dir, 'in.txt'), cases.map(hex).join('\n') + '\n');
  const run = (extra) => {
    execFileSync('erl', [...extra, '-noshell', '-pa', dir, '-run', 'fmtgen', 'main', join(dir, 'in.txt'), join(dir, 'out.txt'), '-s', 'init', 'stop'], {
      stdio: 'inherit',
    });
    return readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n');
  };
  const out = run([]);
  const outPc = run(['+pc', 'unicode']);
  if (out.length !== cases.length || outPc.length !== cases.length) throw new Error('erl output incomplete');
  const decodeResult = (r) => {
    if (!r.startsWith('=')) return { err: r };
    const cps = r === '=' ? [] : r.slice(1).split(',').map(Number);
    const valid = cps.every((c) => c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff));
    return valid ? { out: String.fromCodePoint(...cps) } : { cps };
  };
  const vectors = [];
  const seen = new Set();
  for (let i = 0; i < cases.length; i++) {
    const [termHex, r] = out[i].split(' ');
    const [termHex2, rPc] = outPc[i].split(' ');
    if (seen.has(termHex)) continue; // the same input written twice
    seen.add(termHex);
    const v = { src: cases[i], hex: termHex, ...decodeResult(r) };
    if (v.err === 'crash' || v.err === 'hang') throw new Error(`case ${cases[i]}: ${v.err}`);
    if (rPc !== r && termHex2 === termHex) {
      const p = decodeResult(rPc);
      v.outPc = p.out ?? p.cps ?? p.err;
    }
    vectors.push(v);
  }
  // Device vectors: what io:format writes to stdout, in each encoding.
  writeFileSync(join(dir, 'dev.txt'), device.map(([f, a]) => hex(`{${q(f)}, ${a}}`)).join('\n') + '\n');
  const devRun = (mode) => {
    const buf = execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'fmtgen', 'device', join(dir, 'dev.txt'), mode, '-s', 'init', 'stop']);
    const res = [];
    let i = 0;
    while (i < buf.length) {
      if (buf[i] !== 1) throw new Error('bad device output');
      const end = buf.indexOf(2, i);
      const body = buf.subarray(i + 1, end);
      i = end + 1;
      res.push(body.length > 0 && body[0] === 3 ? 'badarg' : Buffer.from(body).toString('hex'));
    }
    return res;
  };
  const devL = devRun('latin1');
  const devU = devRun('unicode');
  if (devL.length !== device.length || devU.length !== device.length) throw new Error('device output incomplete');
  const devOut = device.map(([f, a], i) => ({ src: `{${q(f)}, ${a}}`, latin1: devL[i], unicode: devU[i] }));
  // Which inputs also need the args, for the device tests: the hex of the term.
  const devHex = execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'fmtgen', 'hexes', join(dir, 'dev.txt'), '-s', 'init', 'stop'])
    .toString().trim().split('\n');
  devOut.forEach((d, i) => (d.hex = devHex[i]));
  const otp = execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[erlang:system_info(otp_release)]), halt().']).toString();
  mkdirSync(join(root, 'test/vectors'), { recursive: true });
  writeFileSync(
    join(root, 'test/vectors/format.json'),
    [
      '{"generator": "scripts/gen-format-vectors.mjs", "otp": ' + JSON.stringify(otp) + ',',
      ' "note": "hex = term_to_binary({Format, Args}); out = flattened io_lib:format output (cps when not valid code points) or err; outPc = output under erl +pc unicode where different; device = bytes written by io:format to stdout (hex) in latin1 and unicode mode",',
      ' "vectors": [',
      vectors.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ],',
      ' "device": [',
      devOut.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ]',
      '}',
    ].join('\n') + '\n',
  );
  const errs = vectors.filter((v) => v.err).length;
  console.log(`wrote ${vectors.length} format vectors (${errs} badarg, ${vectors.filter((v) => v.outPc !== undefined).length} differ under +pc unicode), ${devOut.length} device vectors`);
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

/** An Erlang float literal that reads back as exactly x. */
function erlFloat(x) {
  const s = x.toExponential();
  const [m, e] = s.split('e');
  return `${m.includes('.') ? m : m + '.0'}e${e}`;
}

function FMTGEN_ERL() {
  return String.raw`-module(fmtgen).
-export([main/1, device/1, hexes/1]).

read_terms(In) ->
    {ok, Data} = file:read_file(In),
    [begin
         Src = unicode:characters_to_list(binary:decode_hex(L)),
         Toks = case erl_scan:string(Src ++ ".") of
                    {ok, Ts, _} -> Ts;
                    Err -> io:format(standard_error, "~ts: ~p~n", [Src, Err]), halt(1)
                end,
         {ok, Exprs} = erl_parse:parse_exprs(Toks),
         {value, T, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
         T
     end || L <- binary:split(Data, <<"\n">>, [global]), L =/= <<>>].

main([In, Out]) ->
    {ok, F} = file:open(Out, [write, binary]),
    [io:put_chars(F, [binary:encode_hex(term_to_binary(T)), " ", run(Fmt, Args), "\n"])
     || {Fmt, Args} = T <- read_terms(In)],
    ok = file:close(F).

hexes([In]) ->
    [io:put_chars([binary:encode_hex(term_to_binary(T)), "\n"]) || T <- read_terms(In)],
    ok.

%% Each case in its own process with a heap limit and a timeout: some malformed inputs make
%% io_lib_format loop forever (chars/2 with a negative count).
run(Fmt, Args) ->
    {Pid, Ref} = spawn_opt(fun() ->
                                   R = try io_lib:format(Fmt, Args) of
                                           Chars -> flat(Chars)
                                       catch error:badarg -> badarg
                                       end,
                                   exit({done, R})
                           end, [monitor, {max_heap_size, #{size => 20000000, kill => true}}]),
    receive
        {'DOWN', Ref, _, _, {done, badarg}} -> "badarg";
        {'DOWN', Ref, _, _, {done, other}} -> "other";
        {'DOWN', Ref, _, _, {done, L}} -> ["=", lists:join(",", [integer_to_list(C) || C <- L])];
        {'DOWN', Ref, _, _, Why} -> io:format(standard_error, "~p~n", [Why]), "hang"
    after 5000 -> exit(Pid, kill), "hang"
    end.

flat(Chars) ->
    try lists:reverse(flat(Chars, []))
    catch throw:other -> other
    end.

flat([H | T], Acc) -> flat(T, flat(H, Acc));
flat([], Acc) -> Acc;
flat(C, Acc) when is_integer(C) -> [C | Acc];
flat(B, Acc) when is_binary(B) -> lists:reverse(binary_to_list(B), Acc);
flat(_, _) -> throw(other).

device([In, Mode]) ->
    case Mode of
        "unicode" -> ok = io:setopts(standard_io, [{encoding, unicode}]);
        "latin1" -> ok
    end,
    [begin
         io:put_chars([1]),
         try io:format(Fmt, Args) catch error:badarg -> io:put_chars([3]) end,
         io:put_chars([2])
     end || {Fmt, Args} <- read_terms(In)],
    ok.
`;
}
