#!/usr/bin/env node
// Generates test/vectors/numbers.json from the real `erl`: results (or error reasons) of the
// number, comparison, conversion, math, list, tuple and atom BIFs on boundary values, random
// bignums and floats, so test/bif/*.test.ts check our BIFs against OTP's own behaviour.
// Usage: node scripts/gen-number-vectors.mjs   (needs erl/erlc on PATH; the output is committed)
//
// Format: "values" is a table of argument terms (base64 of term_to_binary); each group names a
// function ("module:name/arity") and lists [argument value indexes, result], the result being
// base64 of term_to_binary, or "!" and the error reason (error class only) as ~w text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(0x4e554d42);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const randInt = (n) => Math.floor(rnd() * n);

// --- Erlang source text for JS values ---------------------------------------------------------
/** A float literal Erlang reads back to the same double. */
const F = (x) => (Object.is(x, -0) ? '-0.0' : x.toExponential(16));
/** A string literal (code points, escaped). */
const S = (s) =>
  '"' + Array.from(s, (c) => (c === '"' || c === '\\' ? '\\' + c : c.codePointAt(0) < 32 || c.codePointAt(0) > 126 ? `\\x{${c.codePointAt(0).toString(16)}}` : c)).join('') + '"';
const B = (s) => `<<${S(s)}>>`;
/** A random integer of up to `bits` bits, either sign. */
function randBig(bits) {
  const n = 1 + randInt(bits);
  let v = 0n;
  for (let i = 0; i < n; i += 16) v = (v << 16n) | BigInt(randInt(65536));
  v >>= BigInt(Math.max(0, Math.ceil(n / 16) * 16 - n));
  return rnd() < 0.5 ? -v : v;
}
/** A random finite double: random bit patterns, or random decimals of some magnitude. */
function randFloat(kind = rnd()) {
  if (kind < 0.4) {
    const buf = Buffer.alloc(8);
    for (;;) {
      buf.writeUInt32BE(randInt(2 ** 32), 0);
      buf.writeUInt32BE(randInt(2 ** 32), 4);
      const x = buf.readDoubleBE(0);
      if (Number.isFinite(x)) return x;
    }
  }
  const x = rnd() * 10 ** (randInt(40) - 20);
  return rnd() < 0.5 ? -x : x;
}

// --- Cases --------------------------------------------------------------------------------------
const values = [];
const valueIndex = new Map();
const V = (expr) => {
  let i = valueIndex.get(expr);
  if (i === undefined) {
    i = values.length;
    values.push(expr);
    valueIndex.set(expr, i);
  }
  return i;
};
const groups = new Map(); // fn -> [arg index arrays]
const C = (fn, ...args) => {
  if (!groups.has(fn)) groups.set(fn, []);
  groups.get(fn).push(args.map(V));
};
const cross = (fn, as, bs) => {
  for (const a of as) for (const b of bs) C(fn, a, b);
};

const INTS = ['0', '1', '-1', '2', '-2', '3', '-7', '10', '255', '-256', '(1 bsl 31) - 1', '1 bsl 31', '-(1 bsl 31)',
  '-(1 bsl 31) - 1', '1 bsl 32', '(1 bsl 52) + 1', '(1 bsl 53) - 1', '1 bsl 53', '(1 bsl 53) + 1',
  '-((1 bsl 53) - 1)', '-(1 bsl 53)', '-(1 bsl 53) - 1', '(1 bsl 63) - 1', '1 bsl 63', '-(1 bsl 63)',
  '(1 bsl 64) - 1', '1 bsl 64', '-(1 bsl 64)', '(1 bsl 64) + 1', '1 bsl 200', '-(1 bsl 200)', '(1 bsl 200) - 1',
  '-(1 bsl 200) + 1', '1 bsl 1024', '-(1 bsl 1024) + 1'];
const FLOATS = ['0.0', '-0.0', '1.0', '-1.0', '0.5', '-2.5', '3.7', '1.0e-300', '5.0e-324', '1.7976931348623157e308',
  '-1.7976931348623157e308', '9007199254740992.0', '1.8446744073709552e19', '1.0e300', '0.1'];
const OTHER = ['a', '[]', '{1}'];
const NUMS = [...INTS, ...FLOATS];

// Arithmetic on every pair of boundary values.
for (const op of ['+', '-', '*', '/', 'div', 'rem']) cross(`erlang:'${op}'/2`, [...NUMS, ...OTHER.slice(0, 1)], [...NUMS, ...OTHER.slice(0, 2)]);
for (const op of ['band', 'bor', 'bxor']) cross(`erlang:${op}/2`, [...INTS, '1.0', 'a'], [...INTS, '1.0', '[]']);
const SHIFTS = ['0', '1', '-1', '2', '31', '32', '33', '52', '53', '54', '63', '64', '65', '100', '-100', '1000', '-1000',
  '1 bsl 64', '-(1 bsl 64)', '1.0', 'a'];
for (const op of ['bsl', 'bsr']) cross(`erlang:${op}/2`, [...INTS, '1.0', 'a'], SHIFTS);
for (const op of ['-', '+', 'bnot', 'abs', 'float', 'trunc', 'round', 'floor', 'ceil']) {
  const arity = 1;
  for (const x of [...NUMS, ...OTHER]) C(`erlang:'${op}'/${arity}`, x);
}
// Rounding of floats: halves, near-halves, large and tiny values, and random ones.
const ROUNDING = ['0.5', '-0.5', '1.5', '-1.5', '2.5', '-2.5', '0.49999999999999994', '-0.49999999999999994',
  '4503599627370495.5', '-4503599627370495.5', '4503599627370497.0', '9007199254740993.0', '1.0e20', '-1.0e20',
  '1.0e300', '-5.0e-324', '5.0e-324', '0.9999999999999999', '-0.9999999999999999', '123.456', '-123.456'];
for (let i = 0; i < 60; i++) ROUNDING.push(F(randFloat()));
for (const op of ['trunc', 'round', 'floor', 'ceil', 'abs', '-']) for (const x of ROUNDING) C(`erlang:'${op}'/1`, x);
for (const x of ['(1 bsl 64) + (1 bsl 63) + (1 bsl 11) + 1', '(1 bsl 1024) - 1', '(1 bsl 1024) - (1 bsl 970)',
  '(1 bsl 1024) - (1 bsl 970) - 1', '(1 bsl 1024) - (1 bsl 971)', '-(1 bsl 1024) + (1 bsl 970) + 1',
  '(1 bsl 53) + 1', '(1 bsl 54) + 3']) {
  C(`erlang:float/1`, x);
  C(`erlang:'+'/2`, x, '0.0');
  C(`erlang:'*'/2`, x, '1.0');
  C(`erlang:'/'/2`, x, '1');
  C(`erlang:'-'/2`, '0.0', x);
}

// Random bignums and floats through every operator.
for (let i = 0; i < 1500; i++) {
  const bits = pick([20, 40, 60, 80, 130, 300, 1100]);
  const a = randBig(bits).toString();
  const b = randBig(pick([20, 40, 60, 80, 130, 300, 1100])).toString();
  const op = pick(['+', '-', '*', 'div', 'rem', 'band', 'bor', 'bxor', '/']);
  C(`erlang:'${op}'/2`, a, b);
  if (i % 3 === 0) C(`erlang:'${pick(['bsl', 'bsr'])}'/2`, a, String(randInt(300) - 100));
  if (i % 4 === 0) C(`erlang:'${pick(['+', '-', '*', '/'])}'/2`, a, F(randFloat(0.5)));
  if (i % 5 === 0) C(`erlang:'${pick(['+', '-', '*', '/'])}'/2`, F(randFloat()), F(randFloat()));
  if (i % 5 === 0) C('erlang:float/1', a);
  if (i % 5 === 1) C('erlang:bnot/1', a);
}

// Comparisons, max/min near 2^53 and beyond, between bignums and floats.
const CMP = ['0', '1', '-1', '(1 bsl 53) - 1', '1 bsl 53', '(1 bsl 53) + 1', '(1 bsl 53) + 2', '-(1 bsl 53) - 1',
  '1 bsl 63', '(1 bsl 63) + 1', '(1 bsl 64) - 1', '1 bsl 64', '(1 bsl 64) + 1', '(1 bsl 64) + (1 bsl 63) + (1 bsl 11) + 1',
  '(1 bsl 64) + (1 bsl 63)', '1 bsl 1023', '(1 bsl 1024) - (1 bsl 970)', '1 bsl 1024', '-(1 bsl 1024)',
  '0.0', '-0.0', '1.0', '-1.0', '0.5', '9007199254740992.0', '9007199254740994.0', '-9007199254740992.0',
  '9.223372036854776e18', '1.8446744073709552e19', '2.7670116110564327e19', '8.98846567431158e307',
  '1.7976931348623157e308', '-1.7976931348623157e308', 'a', '[]'];
for (const op of ['==', '/=', '=:=', '=/=', '<', '>', '=<', '>=']) cross(`erlang:'${op}'/2`, CMP, CMP);
for (const op of ['max', 'min']) cross(`erlang:${op}/2`, CMP, CMP);
const BOOLS = ['true', 'false', '1', 'a'];
for (const op of ['and', 'or', 'xor']) cross(`erlang:'${op}'/2`, BOOLS, BOOLS);
for (const x of BOOLS) C(`erlang:'not'/1`, x);

// Integers to and from text in every base.
const CONV = ['0', '1', '-1', '7', '35', '36', '-36', '255', '1 bsl 31', '(1 bsl 53) + 1', '-(1 bsl 53) - 1',
  '(1 bsl 64) - 1', '-(1 bsl 64)', '1 bsl 100', '-(1 bsl 200) + 12345', '123456789012345678901234567890'];
const BIG_CONV = [0n, 1n, -1n, 7n, 35n, 36n, -36n, 255n, 2n ** 31n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 64n - 1n,
  -(2n ** 64n), 2n ** 100n, -(2n ** 200n) + 12345n, 123456789012345678901234567890n];
for (let b = 2; b <= 36; b++) {
  for (const x of CONV) C('erlang:integer_to_list/2', x, String(b));
  for (const x of CONV.slice(0, 6)) C('erlang:integer_to_binary/2', x, String(b));
  for (const v of BIG_CONV) {
    let s = v.toString(b);
    s = Array.from(s, (c) => (rnd() < 0.5 ? c.toUpperCase() : c)).join('');
    if (v >= 0n && rnd() < 0.3) s = '+' + s;
    if (rnd() < 0.2) s = s.replace(/^([+-]?)/, '$100');
    C('erlang:list_to_integer/2', S(s), String(b));
    if (rnd() < 0.3) C('erlang:binary_to_integer/2', B(s), String(b));
  }
  for (let i = 0; i < 8; i++) {
    const v = randBig(pick([10, 60, 200]));
    C('erlang:list_to_integer/2', S(v.toString(b)), String(b));
  }
}
for (const x of [...CONV, '1.0', 'a', '"1"']) {
  C('erlang:integer_to_list/1', x);
  C('erlang:integer_to_binary/1', x);
}
for (const b of ['1', '37', '0', '-10', '10.0', 'a', '1 bsl 64']) {
  C('erlang:integer_to_list/2', '10', b);
  C('erlang:integer_to_binary/2', '10', b);
  C('erlang:list_to_integer/2', '"10"', b);
  C('erlang:binary_to_integer/2', '<<"10">>', b);
}
const BAD_INT = ['""', '"+"', '"-"', '"+-1"', '"--1"', '" 1"', '"1 "', '"1_000"', '"1.0"', '"0x10"', '"١"', '[$1|$2]',
  '[$1, 256]', '[$1, -1]', '[$1, a]', 'a', '<<"1">>', '"12a"', '"-0"', '"+0"', '"007"', '"-007"',
  '"123456789012345678901234567890"', '"-9007199254740993"', '"9007199254740991"', '[16#131]', '[16#161]',
  '[16#12d, $1]', '[16#12b, $1]', '[$-, 16#131]', '[$1, 16#12d]', '[-207]', '[$1 + (1 bsl 32)]', '[$1 + (1 bsl 58)]',
  '[$1 + (1 bsl 59)]', '[-(1 bsl 59) + $1]', '[1 bsl 70]', '[$1, 1.0]', 'lists:duplicate(30, 16#131)'];
for (const s of BAD_INT) {
  C('erlang:list_to_integer/1', s);
  C('erlang:list_to_integer/2', s, '16');
  C('erlang:list_to_integer/2', s, '36');
  C('erlang:binary_to_integer/1', s.startsWith('"') ? `unicode:characters_to_binary(${s})` : s);
}
for (const s of ['<<1:1>>', '<<"12", 1:1>>', '<<>>', '"1"', '<<"1", 0>>', '<<"z">>']) {
  C('erlang:binary_to_integer/1', s);
  C('erlang:binary_to_integer/2', s, '36');
}

// Floats to text with every option.
const FMT_FLOATS = ['0.0', '-0.0', '1.0', '-1.0', '0.5', '1.5', '2.5', '0.125', '0.1', '-0.1', '1.005', '123.456', '0.99999',
  '-0.99999', '9.9999', '1.0e-5', '-1.0e-5', '5.0e-324', '2.2250738585072014e-308', '1.7976931348623157e308',
  '1.0e15', '1.0e16', '9007199254740991.0', '9007199254740992.0', '4503599627370495.5', '2251799813685247.5',
  '1.8446744073709552e19', '1.0e22', '1.0e100', '1.0e200', '1.5e250', '1.0e300', '-1.5e100', '3.141592653589793',
  '0.3', '2.675', '1.0e-100', '6.02214076e23', '9007199254740990.0', '9007199254741000.0', '18014398509482000.0',
  '1.0e20', '1000000000000000.125'];
for (let i = 0; i < 12; i++) FMT_FLOATS.push(F(randFloat()));
const FMT_OPTS = ['[]', '[short]', '[compact]', '[short, compact]', '[{scientific, 0}]', '[{scientific, 1}]', '[{scientific, 2}]',
  '[{scientific, 6}]', '[{scientific, 10}]', '[{scientific, 17}]', '[{scientific, 20}]', '[{scientific, 30}]',
  '[{scientific, 100}]', '[{scientific, 247}]', '[{scientific, 248}]', '[{scientific, 249}]', '[{scientific, 250}]',
  '[{scientific, -1}]', '[{scientific, -1000}]', '[{scientific, 3}, compact]', '[{decimals, 0}]', '[{decimals, 1}]',
  '[{decimals, 2}]', '[{decimals, 3}]', '[{decimals, 5}]', '[{decimals, 10}]', '[{decimals, 15}]', '[{decimals, 17}]',
  '[{decimals, 18}]', '[{decimals, 19}]', '[{decimals, 20}]', '[{decimals, 30}]', '[{decimals, 60}]',
  '[{decimals, 100}]', '[{decimals, 253}]', '[{decimals, 254}]', '[{decimals, -1}]', '[{decimals, 0}, compact]',
  '[{decimals, 2}, compact]', '[{decimals, 4}, compact]', '[{decimals, 20}, compact]', '[{decimals, 253}, compact]',
  '[compact, {decimals, 5}]', '[{decimals, 2}, {scientific, 3}]', '[{scientific, 3}, {decimals, 2}]',
  '[short, {decimals, 2}]', '[{decimals, 2}, short]', '[{decimals, 2}, {decimals, 3}]', '[foo]',
  '[{decimals, 2}, foo]', '[{decimals, 2, 3}]', '[{decimals, 1.0}]', '[{decimals, a}]', '[{scientific, 1.0}]',
  '[{decimals, 1 bsl 70}]', '[{scientific, 1 bsl 70}]', '[{scientific, -(1 bsl 70)}]', 'x', '[{decimals, 1}|x]',
  '[short|compact]'];
cross('erlang:float_to_list/2', FMT_FLOATS, FMT_OPTS);
for (const x of FMT_FLOATS) C('erlang:float_to_list/1', x);
for (const x of ['1', 'a', '1 bsl 70']) {
  C('erlang:float_to_list/1', x);
  C('erlang:float_to_list/2', x, '[]');
  C('erlang:float_to_binary/1', x);
}
cross('erlang:float_to_binary/2', FMT_FLOATS.slice(0, 12), ['[]', '[short]', '[{decimals, 3}, compact]', '[{scientific, 4}]', '[bad]']);
for (const x of FMT_FLOATS.slice(0, 12)) C('erlang:float_to_binary/1', x);
// Random floats with random decimals/scientific precision; ties 2^-k at their last digit.
for (let i = 0; i < 2500; i++) {
  const x = F(randFloat(rnd() * 1.2));
  const d = randInt(rnd() < 0.8 ? 26 : 80);
  C('erlang:float_to_list/2', x, `[{decimals, ${d}}${rnd() < 0.2 ? ', compact' : ''}]`);
  if (i % 3 === 0) C('erlang:float_to_list/2', x, `[{scientific, ${randInt(30)}}]`);
}
for (let k = 1; k <= 70; k++) {
  for (const d of [k - 1, k - 2]) if (d >= 0) C('erlang:float_to_list/2', F(2 ** -k * (k % 2 ? 3 : 1)), `[{decimals, ${d}}]`);
  C('erlang:float_to_list/2', F(2 ** -k + 1), `[{scientific, ${Math.min(k, 60)}}]`);
  C('erlang:float_to_list/2', F(2 ** -k), `[{scientific, ${Math.max(0, Math.floor(k * 0.7) - 1)}}]`);
}

// Text to floats.
const FLOAT_TEXT = ['1.5', '-1.5', '+1.5', '1.5e5', '1.5E5', '1.5e+5', '1.5e-5', '1.5e05', '1.5e0005', '00001.5000', '-0.0',
  '0.0', '1,5', '1,5e3', '1,5,5', '1.5,5', ',5', '1,', '1.', '.5', '1', '1e5', '1.e5', '1.5e', '1.5e+', '1.5e-',
  '1.5ee5', '1.5.5', '1.5e3.0', '1.5e+-3', '1.5e3e3', '-+1.5', '--1.5', ' 1.5', '1.5 ', '\t1.5', '1.5\n', '0x1.5',
  'inf', 'nan', '1.5d3', '1.5f', '1.5e400', '1.5e-400', '-1.5e-400', '1.7976931348623157e308', '1.7976931348623158e308',
  '1.7976931348623159e308', '2.4703282292062328e-324', '2.4703282292062327e-324', '4.9e-324', '2.2250738585072011e-308',
  '1.5e99999999999999999999', '1.5e-99999999999999999999', '1.5\u0000', '1.5\u0000abc', '1.5e3\u0000x', '1.5e\u0000',
  '\u0000', '', '12345678901234567890123456789012345678901234567890.5', '0.1e1', '9007199254740993.0',
  '0.30000000000000004', '1.0000000000000002', '1.00000000000000011102230246251565404236316680908203125'];
for (let i = 0; i < 150; i++) FLOAT_TEXT.push(F(randFloat()).replace('e+', rnd() < 0.5 ? 'e' : 'E+'));
for (const s of FLOAT_TEXT) {
  C('erlang:list_to_float/1', S(s));
  C('erlang:binary_to_float/1', B(s));
}
for (const x of ['1.5', 'a', '[$1, $., $5 | x]', '[$1, $., $5, 0, 1000]', '[$1, $., $5, 0 | x]', '[$1, $., 1000]',
  '"1." ++ lists:duplicate(5000, $1)', '"1.5e" ++ lists:duplicate(400, $0) ++ "1"', '"0." ++ lists:duplicate(400, $0) ++ "1e400"',
  'lists:duplicate(400, $1) ++ ".0"', '<<"1.5", 1:1>>']) {
  C('erlang:list_to_float/1', x);
  C('erlang:binary_to_float/1', x);
}

// math.
const MATH_ARGS = ['0', '1', '-1', '2', '-2', '10', '100', '710', '-1000', '1 bsl 70', '1 bsl 1100', '-(1 bsl 1100)', '0.0',
  '-0.0', '0.5', '-0.5', '1.0', '-1.0', '1.0000001', '0.9999999', '2.0', '3.141592653589793', '1.5707963267948966',
  '1.0e-300', '5.0e-324', '1.0e300', '-1.0e300', '1.7976931348623157e308', '1.0e22', '20.0', '-20.0', '709.0',
  '710.0', '-745.0', '-746.0', 'a', '[]'];
for (let i = 0; i < 40; i++) MATH_ARGS.push(F((rnd() - 0.5) * 10 ** (randInt(8) - 3)));
const MATH1 = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'exp', 'log',
  'log2', 'log10', 'sqrt', 'erf', 'erfc', 'floor', 'ceil'];
for (const f of MATH1) for (const x of MATH_ARGS) C(`math:${f}/1`, x);
for (let i = 0; i < 300; i++) {
  C('math:erf/1', F((rnd() - 0.5) * 14));
  C('math:erfc/1', F(rnd() * 34 - 6));
}
for (const x of ['1.0e-10', '-1.0e-10', '1.0e-20', '3.0e-300', '-5.0e-324', '26.5', '26.6', '27.0', '27.2', '27.3', '28.0',
  '5.9', '6.0', '-5.9', '-6.0', '0.8', '0.84375', '1.25', '2.857142857142857', '0.3', '-0.3']) {
  C('math:erf/1', x);
  C('math:erfc/1', x);
}
C('math:pi/0');
const MATH2_ARGS = ['0', '1', '-1', '2', '-2', '3', '0.5', '-0.5', '0.0', '-0.0', '1.0e300', '-1.0e300', '1.5', '-8', '1 bsl 70',
  '1 bsl 1100', '1024', '-1075', 'a'];
for (const f of ['pow', 'atan2', 'fmod']) cross(`math:${f}/2`, MATH2_ARGS, MATH2_ARGS);
for (let i = 0; i < 150; i++) {
  C('math:pow/2', F(rnd() * 100), F((rnd() - 0.5) * 60));
  C('math:fmod/2', F(randFloat()), F(randFloat(0.5)));
  C('math:atan2/2', F(randFloat(0.5)), F(randFloat(0.5)));
}

// Lists, tuples, atoms, type tests.
for (const x of ['[]', '[1]', '[1,2,3]', '"abc"', '[1|2]', '[1,2|c]', 'a', '{}', '<<>>']) {
  C('erlang:length/1', x);
  C('erlang:hd/1', x);
  C('erlang:tl/1', x);
  C('lists:reverse/1', x);
  C('lists:reverse/2', x, '[]');
  C('lists:reverse/2', x, 'd');
  C('erlang:list_to_tuple/1', x);
  C('erlang:tuple_to_list/1', x);
  C('erlang:tuple_size/1', x);
}
const APPEND = ['[]', '[1]', '[1,2]', '[a|b]', '[1,2|c]', 'a', '3', '"xy"', '[[1]]', '[1.0, 2]'];
cross("erlang:'++'/2", APPEND, APPEND);
const SUBTRACT = ['[]', '[1]', '[1.0]', '[1,2,1,3,1]', '[1,1]', '[0.0]', '[-0.0]', '[a|b]', 'a', '[{1}, {1.0}, {1}]', '[{1.0}]',
  '[[1], [1.0], "a", <<"a">>]', '["a", <<"a">>]', '[1 bsl 64, 1 bsl 64, 2.0]', '[1 bsl 64, 2]'];
cross("erlang:'--'/2", SUBTRACT, SUBTRACT);
const ELEMS = ['1', '2', 'a', '1.0', '{1}', '{1.0}', '[1]', '"a"', '<<"a">>', '1 bsl 64', '18446744073709551616.0', '{a, [b]}',
  '#{1 => 2}', '#{1.0 => 2}', '-0.0', '0.0', '0', '[]'];
for (let i = 0; i < 60; i++) {
  const n = 1 + randInt(i < 50 ? 12 : 400);
  const m = randInt(i < 50 ? 12 : 400);
  const a = `[${Array.from({ length: n }, () => pick(ELEMS)).join(', ')}]`;
  const b = `[${Array.from({ length: m }, () => pick(ELEMS)).join(', ')}]`;
  C("erlang:'--'/2", a, b);
  if (i < 20) C("erlang:'++'/2", a, b);
  C('lists:member/2', pick(ELEMS), a);
}
for (const [k, n, l] of [['1', '1', '[{1.0}]'], ['1.0', '1', '[{1}]'], ['-0.0', '1', '[{0.0}]'], ['1', '0', '[{1}]'],
  ['1', '1.0', '[{1}]'], ['1', '1', '[{1}|x]'], ['2', '1', '[{1}|x]'], ['2', '1', 'x'], ['2', '1', '[a, {}, {3}, [2], {2, b}]'],
  ['2', '5', '[{2}]'], ['2', '1 bsl 70', '[{2}]'], ['a', '2', '[{x, a}, {y, b}]'], ['b', '2', '[{x, a}, {y, b}, {z, b}]'],
  ['c', '2', '[{x, a}, {y, b}]'], ['a', '1', '[]'], ['a', '1', '[{1}|{}]'], ['{1}', '1', '[{{1.0}, x}]'],
  ['1 bsl 64', '1', '[{18446744073709551616.0}]'], ['[1]', '2', '[{a, [1.0]}, {b, [1]}]'], ['a', '-1', '[]'],
  ['<<"a">>', '1', '[{"a"}, {<<"a">>}]']]) {
  C('lists:keyfind/3', k, n, l);
  C('lists:keymember/3', k, n, l);
  C('lists:keysearch/3', k, n, l);
}
for (const [e, l] of [['1', '[1.0]'], ['1.0', '[1]'], ['1', '[2|x]'], ['1', '[1|x]'], ['1', 'x'], ['-0.0', '[0.0]'],
  ['{1}', '[{1.0}, {1}]'], ['{1}', '[{1.0}]'], ['a', '[]'], ['1 bsl 64', '[1 bsl 64]'], ['[]', '[[]]'], ['"a"', '["a"]']]) {
  C('lists:member/2', e, l);
}
const TUPLES = ['{}', '{a}', '{a, b, c}', '[a]', 'a'];
const IDX = ['0', '1', '2', '3', '4', '-1', '1.0', '1 bsl 70', 'a'];
cross('erlang:element/2', IDX, TUPLES);
for (const i of IDX) for (const t of TUPLES) C('erlang:setelement/3', i, t, 'x');
for (const i of IDX) for (const t of TUPLES) C('erlang:insert_element/3', i, t, 'x');
cross('erlang:delete_element/2', IDX, TUPLES);
for (const t of TUPLES) C('erlang:append_element/2', t, 'x');
for (const n of ['0', '1', '3', '-1', '1.0', 'a', '16777216', '1 bsl 70']) C('erlang:make_tuple/2', n, 'x');
for (const [n, init] of [['3', '[{1, b}, {3, c}, {1, d}]'], ['3', '[{4, b}]'], ['3', '[{0, b}]'], ['3', '[b]'],
  ['3', '[{1, b}|c]'], ['0', '[]'], ['0', '[{1, b}]'], ['2', '[{1, b, c}]'], ['2', '[]'], ['2', 'a'], ['2', '[{1.0, b}]'],
  ['-1', '[]']]) {
  C('erlang:make_tuple/3', n, 'a', init);
}
const TYPES = ['1', '1 bsl 70', '1.0', 'a', 'true', 'false', '[]', '[1]', '[1|2]', '{}', '{a, 1}', '<<>>', '<<1:1>>',
  '<<"ab">>', '#{}', 'fun erlang:abs/1', 'fun lists:map/2', 'fun (X) -> X end', 'list_to_pid("<0.80.0>")', 'list_to_ref("#Ref<0.1.2.3>")',
  'list_to_port("#Port<0.5>")', '"ab"'];
for (const f of ['is_atom', 'is_binary', 'is_bitstring', 'is_boolean', 'is_float', 'is_function', 'is_integer', 'is_list',
  'is_map', 'is_number', 'is_pid', 'is_port', 'is_reference', 'is_tuple']) {
  for (const x of TYPES) C(`erlang:${f}/1`, x);
}
cross('erlang:is_function/2', ['fun erlang:abs/1', 'fun lists:map/2', 'fun (X) -> X end', 'a'], ['0', '1', '2', '-1', '1 bsl 70', '-(1 bsl 70)', 'a', '1.0']);
cross('erlang:is_record/2', ['{a, 1}', '{a}', '{}', '{1, 1}', '{b, a}', 'x', '[a]'], ['a', 'b', '1', '"a"']);
for (const t of ['{a, 1}', '{a}', '{}', 'x']) {
  for (const [tag, size] of [['a', '1'], ['a', '2'], ['a', '0'], ['b', '2'], ['1', '2'], ['a', 'b'], ['a', '-1'], ['a', '1.0'],
    ['a', '1 bsl 70']]) {
    C('erlang:is_record/3', t, tag, size);
  }
}

// Atoms.
const ATOMS = ['a', "'hello world'", "''", "'\\x{65E5}\\x{672C}'", "'\\x{ff}'", "'a\\x{1F600}'", "'\\x{100}'",
  "list_to_atom(lists:duplicate(255, $a))", "list_to_atom(lists:duplicate(255, 16#65E5))", '1', '"a"'];
for (const a of ATOMS) {
  C('erlang:atom_to_list/1', a);
  C('erlang:atom_to_binary/1', a);
  for (const enc of ['latin1', 'utf8', 'unicode', 'foo']) C('erlang:atom_to_binary/2', a, enc);
}
const ATOM_LISTS = ['""', '"abc"', '[16#65E5]', '[16#10FFFF]', '[16#110000]', '[16#D800]', '[16#DFFF]', '[16#E000]', '[-1]',
  '[1.0]', '[a]', '<<"a">>', 'a', '[97|98]', '"ab" ++ [1114111]', '[255, 256]', 'lists:duplicate(255, $a)',
  'lists:duplicate(256, $a)', 'lists:duplicate(255, 16#65E5)', 'lists:duplicate(256, 16#65E5)', 'lists:duplicate(300, -1)',
  'lists:duplicate(300, $a) ++ [a]', 'lists:duplicate(300, $a) ++ b', 'lists:duplicate(255, $a) ++ [-1]',
  'lists:duplicate(255, $a) ++ b', 'lists:duplicate(254, $a) ++ [-1]', '"ok"', '"xyzzy_no_such_atom_1"'];
for (const l of ATOM_LISTS) {
  C('erlang:list_to_atom/1', l);
  C('erlang:list_to_existing_atom/1', l);
}
const ATOM_BINS = ['<<>>', '<<"abc">>', '<<255>>', '<<195,191>>', '<<237,160,128>>', '<<192,128>>', '<<240,159,152,128>>',
  '<<244,144,128,128>>', '<<"a", 1:1>>', '"a"', 'a', 'binary:copy(<<"a">>, 255)', 'binary:copy(<<"a">>, 256)',
  'binary:copy(<<255>>, 255)', 'binary:copy(<<255>>, 256)', 'binary:copy(<<195,191>>, 255)', 'binary:copy(<<195,191>>, 256)',
  '<<(binary:copy(<<"a">>, 256))/binary, 255>>', '<<(binary:copy(<<"a">>, 255))/binary, 255>>',
  '<<(binary:copy(<<"a">>, 1100))/binary, 255>>', '<<"ok">>', '<<"xyzzy_no_such_atom_2">>'];
for (const b of ATOM_BINS) {
  C('erlang:binary_to_atom/1', b);
  C('erlang:binary_to_existing_atom/1', b);
  for (const enc of ['latin1', 'utf8', 'unicode', 'foo']) {
    C('erlang:binary_to_atom/2', b, enc);
    C('erlang:binary_to_existing_atom/2', b, enc);
  }
}

// --- Run erl ------------------------------------------------------------------------------------
const hex = (s) => Buffer.from(s, 'utf8').toString('hex');
const dir = mkdtempSync(join(tmpdir(), 'beamjs-numvec-'));
try {
  writeFileSync(join(dir, 'numgen.erl'), NUMGEN_ERL());
  execFileSync('erlc', ['-o', dir, join(dir, 'numgen.erl')], { stdio: 'inherit' });
  const fns = [...groups.keys()];
  const lines = [
    ...values.map((v) => `V ${hex(v)}`),
    ...fns.flatMap((fn) => groups.get(fn).map((args) => `C ${hex(fn)} ${args.join(',') || '-'}`)),
  ];
  writeFileSync(join(dir, 'in.txt'), lines.join('\n') + '\n');
  execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'numgen', 'main', join(dir, 'in.txt'), join(dir, 'out.txt'), '-s', 'init', 'stop'], {
    stdio: 'inherit',
  });
  const out = readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n');
  const valueOut = out.filter((l) => l.startsWith('V ')).map((l) => l.slice(2));
  const caseOut = out.filter((l) => l.startsWith('C ')).map((l) => l.slice(2));
  const total = fns.reduce((n, fn) => n + groups.get(fn).length, 0);
  if (valueOut.length !== values.length || caseOut.length !== total) throw new Error('erl output incomplete');
  const otp = execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[erlang:system_info(otp_release)]), halt().']).toString();
  let k = 0;
  const body = fns.map((fn) => {
    const rows = groups.get(fn).map((args) => JSON.stringify([args, caseOut[k++]]));
    return `  {"fn": ${JSON.stringify(fn)}, "cases": [\n   ${rows.join(',\n   ')}\n  ]}`;
  });
  mkdirSync(join(root, 'test/vectors'), { recursive: true });
  writeFileSync(
    join(root, 'test/vectors/numbers.json'),
    [
      '{"generator": "scripts/gen-number-vectors.mjs", "otp": ' + JSON.stringify(otp) + ',',
      ' "note": "values: base64 term_to_binary of argument terms (with their Erlang source in sources); cases: [argument value indexes, base64 term_to_binary of the result or \\"!\\" and the error reason]",',
      ' "sources": ' + JSON.stringify(values) + ',',
      ' "values": [\n  ' + valueOut.map((v) => JSON.stringify(v)).join(',\n  ') + '\n ],',
      ' "groups": [',
      body.join(',\n'),
      ' ]',
      '}',
    ].join('\n') + '\n',
  );
  console.log(`wrote ${values.length} values, ${total} cases in ${fns.length} functions`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function NUMGEN_ERL() {
  return String.raw`-module(numgen).
-export([main/1]).

main([In, Out]) ->
    {ok, Data} = file:read_file(In),
    Lines = [L || L <- binary:split(Data, <<"\n">>, [global]), L =/= <<>>],
    {ok, F} = file:open(Out, [write, binary]),
    Vs = [eval(H) || <<"V ", H/binary>> <- Lines],
    [io:put_chars(F, [<<"V ">>, base64:encode(term_to_binary(V)), "\n"]) || V <- Vs],
    VT = list_to_tuple(Vs),
    [io:put_chars(F, [<<"C ">>, run(Fn, Idx, VT), "\n"]) || <<"C ", Rest/binary>> <- Lines,
        [Fn, Idx] <- [binary:split(Rest, <<" ">>)]],
    ok = file:close(F).

eval(Hex) ->
    Src = unicode:characters_to_list(binary:decode_hex(Hex)),
    {ok, Toks, _} = erl_scan:string(Src ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, V, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    V.

run(FnHex, Idx, VT) ->
    Fn = binary_to_list(binary:decode_hex(FnHex)),
    {ok, Toks, _} = erl_scan:string(Fn),
    {M, F} = case Toks of
        [{atom, _, M0}, {':', _}, {_, _, F0} | _] -> {M0, F0};
        [{atom, _, M0}, {':', _}, {Op, _} | _] -> {M0, Op}
    end,
    Args = case Idx of <<"-">> -> []; _ -> [element(binary_to_integer(I) + 1, VT) || I <- binary:split(Idx, <<",">>, [global])] end,
    try apply(M, F, Args) of
        R -> base64:encode(term_to_binary(R))
    catch
        error:Reason -> ["!", io_lib:format("~w", [Reason])]
    end.
`;
}
