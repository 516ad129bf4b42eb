#!/usr/bin/env node
// Generates test/vectors/bits.json from the real `erl`: bit-syntax construction and matching,
// and the binary BIFs, so the tests of runtime/term/bits and runtime/bif/binaries.ts check
// against OTP's own behaviour. Usage: node scripts/gen-bits-vectors.mjs (needs erl/erlc).
//
// Construction and matching run as *compiled* code (a generated module, bitsvec), as our
// compiler will see them: every value and dynamic size is a function argument, so nothing is
// constant-folded. Each shape is one function; each run calls it with different arguments.
//
//   build: {src, segs: [{t, s, u, f}], runs: [[argsHex, resultHex]]}
//     t: integer | float | binary | utf8 | utf16 | utf32; s: literal size | "v" (next argument)
//     | "all" | null; u: unit; f: flags. Arguments: per segment its value, then its size if "v".
//     result: ETF of {ok, Bitstring} or {error, Reason}.
//   match: {src, segs: [{t, s, u, f, k}], runs: [[argsHex, resultHex]]}
//     k: bind | skip | eq (equal to the next argument) | str (literal bytes in `str`);
//     s may also be {"ref": i} (the value bound by segment i). Arguments: [Bin | per-segment
//     value (eq) and size ("v")]; result: ETF of {ok, {ok, [BoundValues]}} / {ok, nomatch}.
//   bifs: [{m, f, args, out, cp?}]: args/out ETF hex; out is {ok, R} or {Class, Reason};
//     cp: index of an argument passed through binary:compile_pattern/1 first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rnd = mulberry32(0xb175);
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];

// ---------------------------------------------------------------------------------------------
// Erlang literals

/** A random bitstring of `bits` bits as an Erlang expression. */
function randBits(bits) {
  const parts = [];
  for (let i = 0; i + 8 <= bits; i += 8) parts.push(String(ri(256)));
  if (bits % 8) parts.push(`${ri(1 << (bits % 8))}:${bits % 8}`);
  return `<<${parts.join(',')}>>`;
}
const bytesLit = (arr) => `<<${arr.join(',')}>>`;

// ---------------------------------------------------------------------------------------------
// Construction shapes

const build = [];
function segSrc(s, i) {
  const v = `V${i}`;
  const size = s.s === 'v' ? `S${i}` : s.s;
  const flags = s.f.length ? '-' + s.f.join('-') : '';
  switch (s.t) {
    case 'integer':
    case 'float':
      return `${v}:${size}/${s.t}-unit:${s.u}${flags}`;
    case 'binary':
      if (s.s === 'all') return `${v}/${s.u === 8 ? 'binary' : 'bits'}`;
      return `${v}:${size}/binary-unit:${s.u}`;
    default:
      return `${v}/${s.t}${flags}`;
  }
}
function addBuild(segs, runs) {
  const params = [];
  segs.forEach((s, i) => {
    params.push(`V${i}`);
    if (s.s === 'v') params.push(`S${i}`);
  });
  build.push({ src: `<<${segs.map(segSrc).join(', ')}>>`, params, segs, runs });
}

const INT_SIZES = [0, 1, 3, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 40, 47, 48, 53, 54, 63, 64, 65, 96, 100, 128, 200];
const ENDIAN = ['big', 'little', 'native'];
const INT_VALUES = ['0', '1', '-1', '5', '127', '128', '255', '256', '-128', '-129', '16#7fffffff', '-16#80000000',
  '16#ffffffff', '(1 bsl 32) + 5', '(1 bsl 53) - 1', '-(1 bsl 53)', '(1 bsl 53) + 1', '1 bsl 63', '-(1 bsl 63) - 1',
  '(1 bsl 64) - 1', '(1 bsl 100) + 12345', '-((1 bsl 100) + 7)', '16#ABCDEF123456789', '16#123456789ABCDEF0123', 'a', '1.5'];
const prefix3 = { t: 'integer', s: 3, u: 1, f: [] };

let k = 0;
for (const size of INT_SIZES) {
  for (const e of ENDIAN) {
    for (const pre of [false, true]) {
      const seg = { t: 'integer', s: size, u: 1, f: [e, k++ % 2 ? 'signed' : 'unsigned'] };
      const segs = pre ? [prefix3, seg] : [seg];
      addBuild(segs, INT_VALUES.map((v) => (pre ? [String(ri(8)), v] : [v])));
    }
  }
}
// Units and dynamic sizes, including bad ones.
for (const u of [1, 3, 8, 16]) {
  for (const e of ['big', 'little']) {
    const runs = [];
    for (const sz of [0, 1, 2, 5, 9]) for (const v of ['-1', '16#123456789', '(1 bsl 70) + 3']) runs.push([v, String(sz)]);
    for (const bad of ['-1', 'a', '1.5', '1 bsl 60', '1 bsl 64', '-(1 bsl 64)']) runs.push(['1', bad]);
    runs.push(['a', '8'], ['a', '-1'], ['1.0', 'a']);
    addBuild([{ t: 'integer', s: 'v', u, f: [e] }], runs);
  }
}
// A huge zero/minus-one field (fill paths) and a wide one after an unaligned prefix.
addBuild([{ t: 'integer', s: 'v', u: 1, f: [] }], [['0', '4099'], ['-1', '4099'], ['(1 bsl 200) - 3', '4100'], ['-((1 bsl 200) + 3)', '333']]);
addBuild([prefix3, { t: 'integer', s: 'v', u: 1, f: ['little'] }], [['5', '0', '4099'], ['5', '-1', '4099'], ['1', '(1 bsl 200) - 3', '4100'], ['2', '-((1 bsl 200) + 3)', '333']]);

// Floats.
const FLOAT_VALUES = ['0.0', '-0.0', '1.0', '-1.5', '0.1', '(1/3)', '1.0e10', '65504.0', '65505.0', '65519.0', '65520.0', '1.0e-5',
  '6.0e-8', '5.960464477539063e-8', '2.9802322387695312e-8', '2.9802322387695313e-8', '1.0e-8', '1.0e38',
  '3.4028235677973366e38', '3.4028235677973362e38', '3.5e38', '1.0e300', '5.0e-324', '1.401298464324817e-45', '7.0e-46',
  '1.0004882827401161', '1.00048828125', '1.00146484375', '0.333251953125', '1.0000000596046448', '1.0000000596046450',
  '1', '-3', '1 bsl 64', '(1 bsl 54) + 3', '(1 bsl 54) + 2', '(1 bsl 1024)', '-(1 bsl 1023)', '(1 bsl 128)', 'a', '<<1>>'];
for (const size of [16, 32, 64]) {
  for (const e of ENDIAN) {
    for (const pre of [false, true]) {
      const seg = { t: 'float', s: size, u: 1, f: [e] };
      addBuild(pre ? [prefix3, seg] : [seg], FLOAT_VALUES.map((v) => (pre ? [String(ri(8)), v] : [v])));
    }
  }
}
addBuild([{ t: 'float', s: 'v', u: 1, f: [] }], ['16', '32', '64', '8', '0', '128', '-1', 'a', '1 bsl 64'].flatMap((s) => [['1.5', s], ['-2', s]]));
addBuild([{ t: 'float', s: 'v', u: 8, f: ['little'] }], ['2', '4', '8', '1', '3'].map((s) => ['2.5', s]));

// Binaries.
const BIN_VALUES = ['<<>>', '<<1>>', '<<1,2,3>>', '<<1,2,3,4,5>>', '<<1:4>>', '<<1,2,5:3>>', '<<255,255,255:7>>', 'a', '1', '[1]'];
for (const size of [0, 1, 2, 3]) {
  for (const pre of [false, true]) {
    const seg = { t: 'binary', s: size, u: 8, f: [] };
    addBuild(pre ? [prefix3, seg] : [seg], BIN_VALUES.map((v) => (pre ? [String(ri(8)), v] : [v])));
  }
}
for (const u of [1, 8, 3]) {
  const runs = [];
  for (const v of BIN_VALUES) for (const s of ['0', '1', '2', '4']) runs.push([v, s]);
  for (const s of ['-1', 'a', '1 bsl 64', '1 bsl 60']) runs.push(['<<1,2,3>>', s]);
  addBuild([{ t: 'binary', s: 'v', u, f: [] }], runs);
  addBuild([prefix3, { t: 'binary', s: 'v', u, f: [] }], runs.map((r) => ['6', ...r]));
}
for (const u of [8, 1]) {
  const seg = { t: 'binary', s: 'all', u, f: [] };
  // First segment: the compiler emits an append.
  addBuild([seg, { t: 'integer', s: 8, u: 1, f: [] }], BIN_VALUES.map((v) => [v, '7']));
  addBuild([seg, { t: 'integer', s: 3, u: 1, f: [] }], BIN_VALUES.map((v) => [v, '5']));
  addBuild([seg, { ...seg }], BIN_VALUES.flatMap((v) => [[v, '<<9,8>>'], ['<<1,2>>', v], [v, '<<3:5>>']]));
  addBuild([{ t: 'integer', s: 8, u: 1, f: [] }, seg], BIN_VALUES.map((v) => ['7', v]));
  addBuild([prefix3, seg, prefix3], BIN_VALUES.map((v) => ['1', v, '6']));
}

// UTF.
const UTF_VALUES = ['0', '16#41', '16#7f', '16#80', '16#7ff', '16#800', '16#fff', '16#d7ff', '16#d800', '16#dbff', '16#dc00',
  '16#dfff', '16#e000', '16#fffd', '16#ffff', '16#10000', '16#1f600', '16#10ffff', '16#110000', '-1', 'a', '1.0', '1 bsl 64'];
for (const t of ['utf8', 'utf16', 'utf32']) {
  for (const e of t === 'utf8' ? ['big'] : ENDIAN) {
    for (const pre of [false, true]) {
      const seg = { t, s: null, u: 1, f: t === 'utf8' ? [] : [e] };
      addBuild(pre ? [prefix3, seg] : [seg], UTF_VALUES.map((v) => (pre ? [String(ri(8)), v] : [v])));
    }
  }
}

// Random multi-segment constructions.
function randSeg(first) {
  const r = ri(first ? 7 : 6);
  if (r <= 1) {
    const size = pick([1, 2, 3, 5, 8, 8, 8, 11, 16, 16, 24, 32, 32, 40, 64, 70]);
    return { seg: { t: 'integer', s: pick([size, size, 'v']), u: 1, f: [pick(ENDIAN), pick(['signed', 'unsigned'])] }, size };
  }
  if (r === 2) return { seg: { t: 'float', s: pick([16, 32, 64]), u: 1, f: [pick(ENDIAN)] } };
  if (r === 3) return { seg: { t: 'binary', s: pick([0, 1, 2, 3]), u: 8, f: [] } };
  if (r === 4) return { seg: { t: pick(['utf8', 'utf16', 'utf32']), s: null, u: 1, f: [pick(['big', 'little'])] } };
  return { seg: { t: 'binary', s: 'all', u: pick([1, 8]), f: [] } };
}
function randValue(s, size) {
  switch (s.t) {
    case 'integer':
      return pick(['0', '-1', String(ri(1000)), String(-ri(100000)), `(1 bsl ${ri(80)}) + ${ri(1000)}`, `-(1 bsl ${ri(80)})`]);
    case 'float':
      return pick(['1.5', '-0.25', String(rnd() * 1e6), `${(rnd() * 10).toFixed(3)}e${ri(80) - 40}`, String(ri(1000))]);
    case 'binary':
      if (s.s === 'all') return s.u === 8 ? randBits(8 * ri(5)) : randBits(ri(30));
      return randBits(8 * (s.s + ri(2)));
    default:
      return pick(['16#41', '16#e9', '16#20ac', '16#1f600', String(ri(0xd000))]);
  }
}
for (let n = 0; n < 400; n++) {
  const count = 2 + ri(4);
  const segs = [];
  const sizes = [];
  for (let i = 0; i < count; i++) {
    const { seg, size } = randSeg(i === 0);
    if (seg.s === 'v') sizes.push(size);
    segs.push(seg);
  }
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const args = [];
    for (const s of segs) {
      args.push(randValue(s));
      if (s.s === 'v') args.push(String(pick([0, 1, 7, 8, 13, 16, 33, 64])));
    }
    runs.push(args);
  }
  addBuild(segs, runs);
}

// ---------------------------------------------------------------------------------------------
// Matching shapes

const match = [];
function mSegSrc(s, i) {
  const v = s.k === 'skip' ? '_' : s.k === 'eq' ? `E${i}` : `V${i}`;
  if (s.k === 'str') return JSON.stringify(s.str);
  const size = s.s === 'v' ? `S${i}` : typeof s.s === 'object' && s.s !== null ? `V${s.s.ref}` : s.s;
  const flags = s.f.length ? '-' + s.f.join('-') : '';
  switch (s.t) {
    case 'integer':
    case 'float':
      return `${v}:${size}/${s.t}-unit:${s.u}${flags}`;
    case 'binary':
      if (s.s === 'all') return `${v}/${s.u === 8 ? 'binary' : 'bits'}`;
      return `${v}:${size}/binary-unit:${s.u}`;
    default:
      return `${v}/${s.t}${flags}`;
  }
}
function addMatch(segs, inputs, extra = () => []) {
  const params = ['Bin'];
  const binds = [];
  segs.forEach((s, i) => {
    if (s.k === 'eq') params.push(`E${i}`);
    if (s.s === 'v') params.push(`S${i}`);
    if (s.k === 'bind') binds.push(`V${i}`);
  });
  const runs = inputs.map((inp) => (Array.isArray(inp) ? inp : [inp, ...extra(inp)]));
  match.push({ src: `<<${segs.map(mSegSrc).join(', ')}>>`, params, binds, segs, runs });
}
const bind = (t, s, u, f = []) => ({ t, s, u, f, k: 'bind' });
const restBits = bind('binary', 'all', 1);
const restBin = bind('binary', 'all', 8);

for (const size of INT_SIZES) {
  for (const e of ENDIAN) {
    for (const sg of ['unsigned', 'signed']) {
      for (const pre of [0, 3]) {
        const segs = [];
        if (pre) segs.push(bind('integer', pre, 1));
        segs.push(bind('integer', size, 1, [e, sg]), restBits);
        const inputs = [];
        for (let r = 0; r < 3; r++) inputs.push(randBits(pre + size + ri(12)));
        inputs.push(`<<${Array(Math.ceil((pre + size) / 8)).fill(255).join(',')}>>`);
        if (pre + size > 0) inputs.push(randBits(pre + size - 1));
        addMatch(segs, inputs);
      }
    }
  }
}
// Dynamic sizes, including ones that must fail the match quietly.
addMatch([bind('integer', 'v', 1, ['signed']), restBits], ['0', '1', '7', '8', '13', '64', '65', '-1', 'a', '1.5', '1 bsl 64', '1000'].map((s) => [randBits(70), s]));
addMatch([bind('integer', 'v', 8, ['little']), restBits], ['0', '1', '2', '3', '9', '-1', 'a'].map((s) => [randBits(72), s]));

// Floats: bit patterns for every class of value.
const f64 = (x) => { const b = Buffer.alloc(8); b.writeDoubleBE(x); return [...b]; };
const f32 = (x) => { const b = Buffer.alloc(4); b.writeFloatBE(x); return [...b]; };
const FLOAT_BITS = {
  64: [f64(1.5), f64(-0), f64(5e-324), f64(1.7976931348623157e308), [0x7f, 0xf0, 0, 0, 0, 0, 0, 0], [0xff, 0xf0, 0, 0, 0, 0, 0, 0], [0x7f, 0xf8, 0, 0, 0, 0, 0, 1], f64(0.1)],
  32: [f32(1.5), f32(-0), f32(1e-45), f32(3.4e38), [0x7f, 0x80, 0, 0], [0xff, 0x80, 0, 0], [0x7f, 0xc0, 0, 0], [0x00, 0x00, 0x00, 0x01], f32(0.1)],
  16: [[0x3c, 0], [0x80, 0], [0, 1], [0x7b, 0xff], [0x7c, 0], [0xfc, 0], [0x7e, 0], [0x03, 0xff], [0x04, 0x00], [0x35, 0x55]],
};
for (const size of [16, 32, 64]) {
  for (const e of ENDIAN) {
    for (const pre of [0, 5]) {
      const segs = [];
      if (pre) segs.push(bind('integer', pre, 1));
      segs.push(bind('float', size, 1, [e]), restBits);
      const inputs = FLOAT_BITS[size].map((bytes) => {
        const b = e === 'big' ? bytes : [...bytes].reverse();
        return pre ? `<<${ri(32)}:${pre}, ${bytesLit(b)}/binary, ${ri(8)}:3>>` : bytesLit(b);
      });
      inputs.push(randBits(pre + size - 1));
      addMatch(segs, inputs);
    }
  }
}
addMatch([bind('float', 'v', 1), restBits], ['16', '32', '64', '8', '0', '-1', 'a'].map((s) => [randBits(64), s]));

// Binaries.
for (const u of [1, 8, 3]) {
  addMatch([bind('binary', 'v', u), restBits], ['0', '1', '2', '3', '5', '-1', 'a', '1 bsl 64'].map((s) => [randBits(8 * 4 + 3), s]));
  addMatch([bind('integer', 3, 1), bind('binary', 'v', u), restBits], ['0', '1', '2', '3', '5'].map((s) => [randBits(8 * 4 + 3), s]));
}
for (const size of [0, 1, 2, 4]) {
  for (const tail of [restBits, restBin]) {
    addMatch([bind('binary', size, 8), tail], [randBits(40), randBits(35), randBits(8 * size), randBits(8 * size + 8), randBits(8 * size + 1), randBits(3)]);
    addMatch([bind('integer', 3, 1), bind('binary', size, 8), tail], [randBits(43), randBits(38), randBits(8 * size + 3), randBits(8 * size + 11)]);
  }
}
addMatch([bind('integer', 8, 1), bind('binary', { ref: 0 }, 8), restBits], ['<<3,1,2,3,4>>', '<<3,1,2>>', '<<0>>', '<<1,9,1:1>>', '<<2,9,1:1>>', '<<255>>']);
addMatch([bind('integer', 4, 1), bind('binary', { ref: 0 }, 1), restBin], ['<<16#3f, 16#ff:4>>', '<<16#34>>', '<<16#0a,16#bc>>', '<<16#f0,1,2>>']);
addMatch([restBin], ['<<>>', '<<1,2>>', '<<1:4>>', '<<1,2,3:7>>']);
addMatch([restBits], ['<<>>', '<<1,2>>', '<<1:4>>', '<<1,2,3:7>>']);
addMatch([bind('integer', 3, 1), restBin], ['<<1:3>>', '<<1:11>>', '<<1,2>>', '<<1,2,3:3>>']);
addMatch([bind('integer', 8, 1), restBits, ], ['<<>>', '<<1>>', '<<1:7>>']);

// UTF.
const UTF8_INPUTS = [[0x41], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xc0, 0x80], [0xc1, 0xbf],
  [0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xf5, 0x80, 0x80, 0x80], [0xff], [0x80], [0xc3], [0xe2, 0x82], [0xc3, 0x41], [0xef, 0xbf, 0xbf]];
const UTF16_INPUTS = [[0, 0x41], [0xd8, 0x3d, 0xde, 0x00], [0xdb, 0xff, 0xdf, 0xff], [0xd8, 0x00], [0xdc, 0x00, 0, 0x41], [0xd8, 0x00, 0, 0x41], [0xff, 0xff], [0xe0, 0x00], [0x12]];
const UTF32_INPUTS = [[0, 0, 0, 0x41], [0, 0x10, 0xff, 0xff], [0, 0x11, 0, 0], [0, 0, 0xd8, 0], [0, 0, 0xdf, 0xff], [0xff, 0xff, 0xff, 0xff], [0, 1, 0xf6, 0], [0, 0, 0]];
for (const [t, inputs] of [['utf8', UTF8_INPUTS], ['utf16', UTF16_INPUTS], ['utf32', UTF32_INPUTS]]) {
  for (const e of t === 'utf8' ? ['big'] : ['big', 'little', 'native']) {
    for (const pre of [0, 3]) {
      const segs = [];
      if (pre) segs.push(bind('integer', pre, 1));
      segs.push(bind(t, null, 1, t === 'utf8' ? [] : [e]), restBits);
      addMatch(segs, inputs.map((bytes) => {
        const b = e === 'big' || t === 'utf8' ? bytes : t === 'utf16' ? swap16(bytes) : swap32(bytes);
        return pre ? `<<5:3, ${bytesLit(b)}/binary, 1:2>>` : `<<${[...b, 0x5a].join(',')}>>`;
      }));
    }
  }
}
// Skipped UTF segments.
addMatch([{ t: 'utf8', s: null, u: 1, f: [], k: 'skip' }, restBits], UTF8_INPUTS.map(bytesLit));
addMatch([{ t: 'utf16', s: null, u: 1, f: ['little'], k: 'skip' }, restBits], UTF16_INPUTS.map((b) => bytesLit(swap16(b))));

// Literal strings, equality with bound values, skips.
addMatch([{ k: 'str', str: 'abc', t: 'binary', s: 24, u: 1, f: [] }, restBin], ['<<"abc">>', '<<"abcd">>', '<<"ab">>', '<<"abd">>', '<<"abc", 1:1>>', '<<>>']);
addMatch([bind('integer', 1, 1), { k: 'str', str: 'hi', t: 'binary', s: 16, u: 1, f: [] }, restBits], ['<<1:1, "hi">>', '<<0:1, "hi", 7:3>>', '<<1:1, "ho">>', '<<"hi">>']);
addMatch([{ t: 'integer', s: 8, u: 1, f: [], k: 'eq' }, restBits], ['<<7,1>>', '<<8,1>>'].flatMap((b) => [[b, '7'], [b, '8'], [b, '-249'], [b, '263']]));
addMatch([{ t: 'integer', s: 12, u: 1, f: ['little', 'signed'], k: 'eq' }, restBits], [['<<255,15:4>>', '-1'], ['<<255,15:4>>', '4095'], ['<<1,0:4>>', '1'], ['<<1,0:4>>', '2']]);
addMatch([{ t: 'integer', s: 'v', u: 1, f: [], k: 'skip' }, bind('integer', 8, 1), restBits], ['0', '3', '8', '-1', 'a', '100'].map((s) => [randBits(20), s]));
addMatch([{ t: 'binary', s: 2, u: 8, f: [], k: 'skip' }, restBin], ['<<1,2,3>>', '<<1>>', '<<1,2,3:4>>']);
addMatch([bind('integer', 16, 1), { t: 'integer', s: 0, u: 1, f: [], k: 'skip' }, { t: 'binary', s: 'all', u: 8, f: [], k: 'skip' }], ['<<1,2>>', '<<1,2,3>>', '<<1,2,3:2>>', '<<1>>']);

// Random multi-segment patterns, with inputs of about the right size.
for (let n = 0; n < 300; n++) {
  const count = 2 + ri(4);
  const segs = [];
  let bits = 0;
  for (let i = 0; i < count; i++) {
    const r = ri(10);
    let s;
    if (r <= 4) s = bind('integer', pick([1, 2, 3, 5, 8, 8, 11, 16, 24, 32, 33, 64, 70]), 1, [pick(ENDIAN), pick(['signed', 'unsigned'])]);
    else if (r === 5) s = bind('float', pick([16, 32, 64]), 1, [pick(['big', 'little'])]);
    else if (r === 6) s = bind('binary', pick([0, 1, 2]), 8);
    else if (r === 7) s = { ...bind('integer', pick([1, 4, 7, 9]), 1), k: 'skip' };
    else if (r === 8) s = bind('binary', pick([3, 5, 13]), 1);
    else s = bind('utf8', null, 1);
    bits += s.t === 'utf8' ? 8 : s.s * s.u;
    segs.push(s);
  }
  const tail = pick([restBits, restBin, null]);
  if (tail) segs.push(tail);
  const inputs = [];
  for (let r = 0; r < 4; r++) inputs.push(randBits(Math.max(0, bits + pick([0, 0, 0, 8, 3, -1, 16]))));
  addMatch(segs, inputs);
}

function swap16(b) {
  const o = [];
  for (let i = 0; i + 1 < b.length; i += 2) o.push(b[i + 1], b[i]);
  if (b.length % 2) o.push(b[b.length - 1]);
  return o;
}
function swap32(b) {
  const o = [];
  for (let i = 0; i + 3 < b.length; i += 4) o.push(b[i + 3], b[i + 2], b[i + 1], b[i]);
  for (let i = b.length - (b.length % 4); i < b.length; i++) o.push(b[i]);
  return o;
}

// ---------------------------------------------------------------------------------------------
// BIF calls: [module, function, [argument expressions], cp index?]

const bifs = [];
const call = (m, f, args, cp) => bifs.push({ m, f, args, cp });
const TERMS = ['<<>>', '<<1,2,3>>', '<<"hello world">>', '<<1,2,3:4>>', '<<1:1>>', 'a', '[]', '[1,2]', '1', '-1', '1.5', '{1,2}', '"abc"'];
for (const f of ['byte_size', 'bit_size', 'binary_to_list', 'bitstring_to_list', 'list_to_binary', 'iolist_to_binary', 'iolist_size',
  'list_to_bitstring', 'term_to_binary', 'binary_to_term']) {
  for (const t of TERMS) call('erlang', f, [t]);
}
const IOLISTS = ['[1,2,<<3>>,[4,[5|<<6>>]],[]]', '[<<1:4>>]', '[<<1:4>>, <<2:4>>]', '[256]', '[-1]', '[a]', '[1|2]', '[[]|<<1>>]',
  '[<<1,2>>|<<3:3>>]', '[1.0]', '[[[[[[65]]]]]]', '[<<>>, [], <<"x">>]', '[1 bsl 64]', 'lists:duplicate(3, [1, <<2>>])'];
for (const f of ['list_to_binary', 'iolist_to_binary', 'iolist_size', 'list_to_bitstring']) for (const t of IOLISTS) call('erlang', f, [t]);
for (const [p, l] of [[0, 0], [0, 3], [1, 2], [3, 0], [3, -3], [2, -1], [4, 0], [0, 4], [-1, 1], [1, -2], ['a', 1], [1, 'b']]) {
  call('erlang', 'binary_part', ['<<1,2,3>>', `{${p},${l}}`]);
  call('erlang', 'binary_part', ['<<1,2,3>>', String(p), String(l)]);
  call('binary', 'part', ['<<1,2,3>>', `{${p},${l}}`]);
  call('binary', 'part', ['<<1,2,3>>', String(p), String(l)]);
  call('binary', 'bin_to_list', ['<<1,2,3>>', `{${p},${l}}`]);
  call('binary', 'bin_to_list', ['<<1,2,3>>', String(p), String(l)]);
}
for (const [b, p, l] of [['<<1,2:3>>', 0, 1], ['<<1,2:3>>', 1, 1], ['<<1,2:3>>', 1, 0], ['<<1,2:3>>', 2, 0], ['a', 0, 0]]) {
  call('erlang', 'binary_part', [b, String(p), String(l)]);
  call('binary', 'part', [b, String(p), String(l)]);
}
call('erlang', 'binary_part', ['<<1,2,3>>', '{1,2,3}']);
call('erlang', 'binary_part', ['<<1,2,3>>', 'a']);
for (const [b, p] of [['<<1,2,3>>', 0], ['<<1,2,3>>', 2], ['<<1,2,3>>', 3], ['<<1,2,3>>', 4], ['<<1,2,3>>', -1], ['<<1,2:3>>', 1], ['<<1,2:3>>', 2], ['<<1:4>>', 0], ['a', 0], ['<<1>>', 'a']]) {
  call('erlang', 'split_binary', [b, String(p)]);
}
for (const [a, b] of [[1, 3], [2, 2], [3, 3], [2, 1], [0, 1], [1, 4], [4, 4], ['a', 1]]) call('erlang', 'binary_to_list', ['<<1,2,3>>', String(a), String(b)]);
call('erlang', 'binary_to_list', ['<<1,2:3>>', '1', '1']);
for (const t of ['a', '{1, [<<1,2>>, 2.5], "s"}', '<<1,2,3:5>>', '#{a => 1}', '1 bsl 70', '-123456']) {
  for (const o of ['[]', '[compressed]', '[{compressed, 9}]', '[{compressed, 0}]', '[{minor_version, 0}]', '[{minor_version, 2}]', '[deterministic]',
    '[foo]', '[{compressed, 10}]', '[{minor_version, 3}]', '[compressed|a]', 'a']) {
    call('erlang', 'term_to_binary', [t, o]);
  }
}
for (const b of ['<<131,97,1>>', '<<131,97,1,2,3>>', '<<131,100,0,1,97>>', '<<131,100,0,3,"zzq">>', '<<131>>', '<<>>', '<<130,97,1>>',
  '<<131,97,1,1:1>>', 'term_to_binary({a, <<1,2>>, [1.5]}, [compressed])', '<<131,104,2,97,1>>', 'term_to_binary(lists:seq(1, 100), [compressed])']) {
  for (const o of ['[]', '[used]', '[safe]', '[safe, used]', '[bad]', 'a']) call('erlang', 'binary_to_term', [b, o]);
}

// binary module
for (const [b, p] of [['<<1,2,3>>', 0], ['<<1,2,3>>', 2], ['<<1,2,3>>', 3], ['<<1,2,3>>', -1], ['<<>>', 0], ['<<1,2:3>>', 0], ['a', 0], ['<<1>>', 'a']]) {
  call('binary', 'at', [b, String(p)]);
}
for (const b of ['<<1,2,3>>', '<<7>>', '<<>>', '<<1,2:3>>', 'a']) {
  call('binary', 'first', [b]);
  call('binary', 'last', [b]);
  call('binary', 'copy', [b]);
  call('binary', 'bin_to_list', [b]);
  call('binary', 'decode_unsigned', [b]);
  call('binary', 'encode_hex', [b]);
  for (const n of ['0', '1', '3', '-1', 'a']) call('binary', 'copy', [b, n]);
}
for (const b of ['<<1,2,3,4,5,6,7,8,9,10>>', '<<0,0,0,0,0,0,0,0,0,1>>', '<<255,255,255,255,255,255,255,255>>', '<<255,255,255,255,255,255,255>>', '<<1,0>>']) {
  for (const e of ['big', 'little', 'middle']) call('binary', 'decode_unsigned', [b, e]);
}
for (const v of ['0', '1', '255', '256', '65535', '16#123456', '(1 bsl 64) - 1', '1 bsl 64', '(1 bsl 200) + 5', '-1', 'a', '1.0']) {
  call('binary', 'encode_unsigned', [v]);
  for (const e of ['big', 'little', 'middle']) call('binary', 'encode_unsigned', [v, e]);
}
for (const l of ['[<<"abc">>, <<"abd">>]', '[<<"abc">>]', '[<<"abc">>, <<>>]', '[]', '[<<"xbc">>, <<"abc">>, <<"bc">>]', '[<<"abc">>, <<"ab">>, <<"abcd">>]',
  '[<<"abc">>, a]', '[<<"abc">> | <<"abd">>]', 'a', '[<<1,2:3>>, <<1>>]']) {
  call('binary', 'longest_common_prefix', [l]);
  call('binary', 'longest_common_suffix', [l]);
}
for (const b of ['<<>>', '<<0,1,127,128,255>>', '<<"hello">>', '<<1,2,3:4>>', '<<1,2,3,4,5,6,7,8,9:4>>', '<<1,2,3,4,5,6,7,8,9,10,11,12:4>>',
  '<<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,1:4>>', '<<1,2,3,4,5,6,7,8,9,10,1:4>>', 'a']) {
  call('binary', 'encode_hex', [b]);
}
for (const b of ['<<>>', '<<"00ff7F80">>', '<<"abCD">>', '<<"0">>', '<<"0g">>', '<<"zz">>', '<<"0a", 1:4>>', '<<"0a0", 1:4>>', '<<"a", 1:4>>', 'a', '<<" 1">>']) {
  call('binary', 'decode_hex', [b]);
}
call('binary', 'list_to_bin', ['[1,<<2>>,[3]]']);
call('binary', 'list_to_bin', ['[256]']);
call('binary', 'list_to_bin', ['<<1>>']);
// Searching.
const SUBJ = ['<<"abcabcabc">>', '<<"aaaa">>', '<<"">>', '<<"a,b,,c,,">>', '<<",a,,b,">>', '<<"hello world">>', '<<1,2,3:4>>', 'a'];
const PATS = ['<<"b">>', '<<"bc">>', '[<<"b">>, <<"bc">>]', '[<<"bc">>, <<"b">>]', '<<"aa">>', '[<<"aa">>, <<"a">>]', '<<",">>', '[<<",">>, <<",,">>]',
  '<<"o">>', '[<<"xyz">>]', '<<>>', '[]', '[<<"a">>, <<>>]', 'a', '[<<"a">> | <<"b">>]', '<<"abcabcabcd">>', '[<<"ca">>, <<"abc">>]'];
for (const s of SUBJ) {
  for (const p of PATS) {
    call('binary', 'match', [s, p]);
    call('binary', 'matches', [s, p]);
    call('binary', 'split', [s, p]);
  }
}
const SCOPES = ['[]', '[{scope, {1, 5}}]', '[{scope, {9, -6}}]', '[{scope, {0, 100}}]', '[{scope, {3, 0}}]', '[{scope, a}]', '[bad]', 'a'];
for (const o of SCOPES) {
  call('binary', 'match', ['<<"abcabcabc">>', '<<"bc">>', o]);
  call('binary', 'matches', ['<<"abcabcabc">>', '[<<"bc">>, <<"c">>]', o]);
}
for (const o of ['[]', '[global]', '[trim]', '[trim_all]', '[global, trim]', '[global, trim_all]', '[{scope, {2, 5}}, global]', '[{scope, {2, 5}}]',
  '[global, {scope, {0, 3}}]', '[foo]', '[global | a]']) {
  for (const s of ['<<"a,b,,c,,">>', '<<",a,,b,">>', '<<",,">>', '<<>>', '<<"abc">>']) call('binary', 'split', [s, '<<",">>', o]);
  call('binary', 'split', ['<<"a,b;;c">>', '[<<",">>, <<";">>]', o]);
}
for (const o of ['[]', '[global]', '[{scope, {2, 5}}]', '[global, {scope, {1, 7}}]', '[{insert_replaced, 1}]', '[global, {insert_replaced, [0, 2, 1]}]',
  '[global, {insert_replaced, 5}]', '[global, {insert_replaced, []}]', '[{insert_replaced, -1}]', '[{insert_replaced, a}]', '[foo]', 'a']) {
  call('binary', 'replace', ['<<"abcabcab">>', '<<"b">>', '<<"[]">>', o]);
  call('binary', 'replace', ['<<"abcabcab">>', '[<<"b">>, <<"ca">>]', '<<"XY">>', o]);
}
call('binary', 'replace', ['<<"abc">>', '<<"b">>', '<<"x">>']);
call('binary', 'replace', ['<<"abc">>', '<<"b">>', 'a']);
call('binary', 'replace', ['<<"abc">>', '<<>>', '<<"x">>']);
call('binary', 'replace', ['<<"abc">>', '<<"b">>', '<<1:4>>']);
call('binary', 'replace', ['<<>>', 'a', '<<>>']);
call('binary', 'replace', ['<<>>', '<<"a">>', 'a']);
call('binary', 'replace', ['<<"abc">>', '<<"b">>', '<<"x">>', '[global | a]']);
// Options are checked before an empty subject short-cuts the search (and the pattern check);
// option lists may end in an improper tail.
for (const [s, p, o] of [['<<>>', '<<"b">>', '[foo]'], ['<<>>', '<<"b">>', '[{scope, {1,1}}]'], ['<<>>', 'a', '[{scope, {0,0}}]'], ['<<>>', 'a', '[trim]'],
  ['<<>>', '<<1:4>>', '[]'], ['<<"abc">>', 'a', '[{scope, {1,0}}]'], ['<<"abc">>', '<<"b">>', '[{scope, {0,2}} | a]'], ['<<"abc">>', '<<"b">>', '[foo | a]'],
  ['<<"abc">>', '<<"b">>', 'a'], ['<<>>', '<<"b">>', 'a'], ['<<"ab">>', '<<"b">>', '[{scope, {0, 1}}, {scope, {1,1}}]'], ['<<"abc">>', '<<"b">>', '[global, global | a]']]) {
  call('binary', 'match', [s, p, o]);
  call('binary', 'matches', [s, p, o]);
  call('binary', 'split', [s, p, o]);
}
for (const [b, n] of [['<<1,2:3>>', '0'], ['<<1:4>>', '0'], ['<<1,2:3>>', '1'], ['a', '0'], ['<<1>>', '1 bsl 64'], ['<<>>', '0']]) call('binary', 'copy', [b, n]);
for (const [a, b] of [['1', '1'], ['1', '2'], ['2', '2']]) call('erlang', 'binary_to_list', ['<<1,2:3>>', a, b]);
// compile_pattern: only its errors are comparable; its results are used through cp.
for (const p of ['<<>>', '[]', '[<<"a">>, <<>>]', 'a', '[a]', '<<1:4>>']) call('binary', 'compile_pattern', [p]);
for (const [s, p] of [['<<"abcabc">>', '<<"bc">>'], ['<<"abcabc">>', '[<<"c">>, <<"bc">>]'], ['<<"xyz">>', '[<<"q">>]']]) {
  call('binary', 'match', [s, p], 1);
  call('binary', 'matches', [s, p], 1);
  call('binary', 'split', [s, p, '[global]'], 1);
  call('binary', 'replace', [s, p, '<<"-">>', '[global]'], 1);
}

// unicode
const UNI_DATA = ['<<"abc">>', '<<"héllo"/utf8>>', '"héllo"', '[16#20ac, <<"x">>, [16#1f600]]', '[]', '<<>>', '[[], <<>>, [[]]]',
  '<<"ab", 255>>', '<<"ab", 226, 130>>', '<<"ab", 226>>', '[<<226>>, <<130>>, <<172>>]', '[<<226>>, <<130>>]', '[<<226>>, 97]',
  '[<<226, 130>> | <<172>>]', '[97, 98 | <<99>>]', '[97 | 98]', '[-1]', '[16#d800]', '[16#110000]', '[1 bsl 64]', '[a]', 'a',
  '<<1:4>>', '[<<1:4>>]', '[<<"ok">>]', '[<<"a", 255>>]', '[256, 255]', '[[97, [98, -1], 99]]', '<<237,160,128>>', '<<192,128>>',
  '<<240,144,128>>', '<<244,144,128>>', '<<248>>', '<<0,97,216,61,222,0>>', '<<97,0,61,216,0,222>>', '<<0,0,0,97,0,1,246,0>>',
  '<<97,0,0,0,0,246,1,0>>', '<<0,97,216>>', '<<0,97,216,61>>', '<<0,97,220,0>>', '[<<0,97,216>>, <<61,222,0>>]', '[<<0,97,216>>, 98]',
  '<<0,0,0,97,0,0>>', '<<0,0,216,0>>', '<<1,2,3,4,5>>', '[<<0,0>>, <<0,97>>, [<<0>>, <<0,0,98>>]]', '<<"ab", 200>>', '[<<"ab">>, 200]',
  '[<<0,97>> | <<0>>]', '[<<0,97,0>>|a]', '[<<0,97>>, <<1:4>>]'];
const ENCS = ['latin1', 'unicode', 'utf8', 'utf16', '{utf16, little}', '{utf16, big}', 'utf32', '{utf32, little}', 'foo', '{utf16, middle}'];
for (const d of UNI_DATA) {
  call('unicode', 'characters_to_binary', [d]);
  call('unicode', 'characters_to_list', [d]);
  for (const e of ENCS) {
    call('unicode', 'characters_to_binary', [d, e]);
    call('unicode', 'characters_to_list', [d, e]);
  }
  for (const [i, o] of [['unicode', 'latin1'], ['latin1', 'latin1'], ['latin1', 'utf8'], ['unicode', 'utf16'], ['utf16', 'utf8'], ['{utf16, little}', 'latin1'],
    ['utf32', '{utf16, little}'], ['{utf32, little}', 'utf32'], ['unicode', '{utf32, little}'], ['latin1', 'utf16'], ['utf8', 'foo'], ['foo', 'utf8']]) {
    call('unicode', 'characters_to_binary', [d, i, o]);
  }
}
// Random chardata: nested lists of code points and binary pieces, some malformed.
const CP_POOL = [0x41, 0x7a, 0xe9, 0xff, 0x100, 0x20ac, 0xd7ff, 0xd800, 0xfffd, 0x1f600, 0x10ffff, 0x110000, -1];
function randCharData(depth) {
  const n = ri(4);
  const items = [];
  for (let i = 0; i < n; i++) {
    const r = ri(10);
    if (r < 4) items.push(String(pick(CP_POOL)));
    else if (r < 6 && depth < 3) items.push(randCharData(depth + 1));
    else if (r < 9) items.push(`<<${Array.from({ length: ri(5) }, () => pick([0x41, 0x62, 0, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xd8, 0xdc, 0xff, 0x10])).join(',')}>>`);
    else items.push('[]');
  }
  const tail = ri(6) === 0 ? ` | <<${ri(256)}>>` : '';
  return `[${items.join(', ')}${items.length ? tail : ''}]`;
}
for (let n = 0; n < 150; n++) {
  const d = randCharData(0);
  call('unicode', 'characters_to_binary', [d]);
  call('unicode', 'characters_to_list', [d]);
  for (const e of ['latin1', 'utf16', '{utf16, little}', 'utf32', '{utf32, little}']) call('unicode', 'characters_to_binary', [d, e]);
  call('unicode', 'characters_to_binary', [d, pick(['unicode', 'utf16', 'latin1', '{utf32, little}']), pick(['latin1', 'utf16', '{utf32, little}', 'utf8'])]);
  call('unicode', 'characters_to_list', [d, pick(['utf16', '{utf32, little}', 'latin1'])]);
}
// A long binary: unicode.erl converts 8 KiB at a time, which shapes the rest of an error.
call('unicode', 'characters_to_binary', ['<<(binary:copy(<<0,97>>, 4200))/binary, 216, 0, 0, 97>>', 'utf16', 'utf8']);
call('unicode', 'characters_to_binary', ['<<(binary:copy(<<0,97>>, 4095))/binary, 0, 216, 61, 222, 0, 0>>', 'utf16', 'latin1']);
call('unicode', 'characters_to_binary', ['[<<(binary:copy(<<"é"/utf8>>, 4200))/binary, 255>>]', 'unicode', 'latin1']);

// ---------------------------------------------------------------------------------------------
// Run erl

const dir = mkdtempSync(join(tmpdir(), 'beamjs-bits-'));
try {
  const mod = ['-module(bitsvec).', '-compile([export_all, nowarn_export_all]).'];
  build.forEach((b, i) => mod.push(`c${i}(${b.params.join(', ')}) -> ${b.src}.`));
  match.forEach((m, i) =>
    mod.push(`m${i}(${m.params.join(', ')}) -> case Bin of ${m.src} -> {ok, [${m.binds.join(', ')}]}; _ -> nomatch end.`),
  );
  writeFileSync(join(dir, 'bitsvec.erl'), mod.join('\n') + '\n');
  writeFileSync(join(dir, 'bitsgen.erl'), GEN_ERL());
  execFileSync('erlc', ['+nowarn_unused_vars', '-o', dir, join(dir, 'bitsvec.erl'), join(dir, 'bitsgen.erl')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const hexOf = (s) => Buffer.from(s, 'utf8').toString('hex');
  const lines = [];
  build.forEach((b, i) => b.runs.forEach((args) => lines.push(`C c${i} ${hexOf(`[${args.join(', ')}]`)}`)));
  match.forEach((m, i) => m.runs.forEach((args) => lines.push(`C m${i} ${hexOf(`[${args.join(', ')}]`)}`)));
  bifs.forEach((c) => lines.push(`B ${c.m} ${c.f} ${c.cp ?? -1} ${hexOf(`[${c.args.join(', ')}]`)}`));
  writeFileSync(join(dir, 'in.txt'), lines.join('\n') + '\n');
  execFileSync('erl', ['-noshell', '-pa', dir, '-run', 'bitsgen', 'main', join(dir, 'in.txt'), join(dir, 'out.txt'), '-s', 'init', 'stop'], {
    stdio: 'inherit',
  });
  const out = readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n');
  if (out.length !== lines.length) throw new Error(`erl output incomplete: ${out.length} of ${lines.length}`);
  let o = 0;
  const buildOut = build.map((b) => ({ src: b.src, segs: b.segs.map(compactSeg), runs: b.runs.map(() => out[o++].split(' ')) }));
  const matchOut = match.map((m) => ({ src: m.src, segs: m.segs.map(compactSeg), runs: m.runs.map(() => out[o++].split(' ')) }));
  const bifOut = bifs.map((c) => {
    const [args, res] = out[o++].split(' ');
    const v = { m: c.m, f: c.f, src: c.args.join(', '), args, out: res };
    if (c.cp !== undefined) v.cp = c.cp;
    return v;
  });
  const otp = execFileSync('erl', ['-noshell', '-eval', 'io:format("~s",[erlang:system_info(otp_release)]), halt().']).toString();
  mkdirSync(join(root, 'test/vectors'), { recursive: true });
  writeFileSync(
    join(root, 'test/vectors/bits.json'),
    [
      `{"generator": "scripts/gen-bits-vectors.mjs", "otp": ${JSON.stringify(otp)},`,
      ' "note": "runs: [argsETFhex, resultETFhex]; see the generator header for the segment format",',
      ' "build": [',
      buildOut.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ],',
      ' "match": [',
      matchOut.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ],',
      ' "bifs": [',
      bifOut.map((v) => '  ' + JSON.stringify(v)).join(',\n'),
      ' ]',
      '}',
    ].join('\n') + '\n',
  );
  const nb = build.reduce((a, b) => a + b.runs.length, 0);
  const nm = match.reduce((a, b) => a + b.runs.length, 0);
  console.log(`wrote ${build.length} construction shapes (${nb} runs), ${match.length} match shapes (${nm} runs), ${bifs.length} BIF calls`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function compactSeg(s) {
  const c = { t: s.t, s: s.s, u: s.u, f: s.f };
  if (s.k !== undefined) c.k = s.k;
  if (s.str !== undefined) c.str = s.str;
  return c;
}

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function GEN_ERL() {
  return String.raw`-module(bitsgen).
-export([main/1]).

main([In, Out]) ->
    {ok, Data} = file:read_file(In),
    Lines = [L || L <- binary:split(Data, <<"\n">>, [global]), L =/= <<>>],
    {ok, F} = file:open(Out, [write, binary]),
    lists:foreach(fun(L) -> line(F, L) end, Lines),
    ok = file:close(F).

eval(Hex) ->
    Src = unicode:characters_to_list(binary:decode_hex(Hex)),
    {ok, Toks, _} = erl_scan:string(Src ++ "."),
    {ok, Exprs} = erl_parse:parse_exprs(Toks),
    {value, V, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    V.

line(F, <<"C ", Rest/binary>>) ->
    [Fn, Hex] = binary:split(Rest, <<" ">>),
    Args = eval(Hex),
    R = try {ok, apply(bitsvec, binary_to_atom(Fn), Args)} catch C:E -> {C, E} end,
    io:put_chars(F, [hex(term_to_binary(Args)), " ", hex(term_to_binary(R)), "\n"]);
line(F, <<"B ", Rest/binary>>) ->
    [M, Fn, Cp, Hex] = binary:split(Rest, <<" ">>, [global]),
    Args = eval(Hex),
    Args1 = case binary_to_integer(Cp) of
                -1 -> Args;
                I -> setelement(I + 1, list_to_tuple(Args), binary:compile_pattern(lists:nth(I + 1, Args)))
            end,
    Args2 = if is_tuple(Args1) -> tuple_to_list(Args1); true -> Args1 end,
    R = try {ok, apply(binary_to_atom(M), binary_to_atom(Fn), Args2)} catch C:E -> {C, E} end,
    io:put_chars(F, [hex(term_to_binary(Args)), " ", hex(term_to_binary(R)), "\n"]).

hex(B) -> binary:encode_hex(B).
`;
}
