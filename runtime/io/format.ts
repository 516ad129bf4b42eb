/**
 * io_lib:format/2 as OTP 25 (stdlib 4.2) implements it in io_lib_format: every control
 * sequence `~F.P.PadModC` with field width F, precision P, pad character, the `t` (Unicode)
 * and `l` (no string detection) modifiers — OTP 25 has no `k` modifier — and `*` taking a
 * value from the arguments. The result is the flattened output as code points. Anything
 * io_lib_format would crash on raises badarg, as io_lib:format does; a few inputs on which OTP
 * loops forever (negative counts from `~.*c` and the like) raise badarg here instead.
 *
 * Deliberate limits: a pad character from `~..*c` must be an integer and a `~tc` argument a
 * small integer (OTP would put any term into its output list), and bignum widths and
 * precisions raise badarg. Format lists may nest lists and binaries as literal text, as OTP
 * allows. Maps print in their iteration order (`ErlMap.keys`), OTP's.
 *
 * ~p/~P lay out like io_lib_pretty (see pretty.ts), starting at the column reached by the
 * output of this call so far (tabs to multiples of 8). Whether a list of code points above 255
 * prints as a string under ~tp depends on io:printable_range(), `latin1` unless erl was started
 * with `+pc unicode`; pass `printableRange` to choose.
 *
 * The device side — what io:format then writes to standard_io — is in device.ts
 * (`deviceBytes`, re-exported here). The device's encoding does not change the characters
 * formatted: OTP runs io_lib:format in the device process the same way in both modes.
 */
import { badarg } from '../exception.js';
import { Atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ErlFloat } from '../term/float.js';
import { Cons, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import {
  type Chars,
  type Encoding,
  append,
  atomChars,
  charsLength,
  crash,
  decodeUtf8,
  IoLibCrash,
  graphemePrefix,
  isUnicodeChar,
  strChars,
} from './chars.js';
import { floatE, floatF, gChoice } from './floatfmt.js';
import { prettyPrint } from './pretty.js';
import { writeTerm } from './write.js';

export { deviceBytes } from './device.js';

export interface FormatCharsOptions {
  /** Accepted for the io:format caller's convenience; the characters do not depend on it. */
  unicodeDevice?: boolean;
  /** io:printable_range(); default `latin1` (erl's default). */
  printableRange?: 'latin1' | 'unicode';
}

function fail(): never {
  return crash();
}

type Adjust = 'left' | 'right';
type Opt = number | null; // null: `none`

interface Spec {
  c: number;
  args: Term[];
  f: Opt;
  adj: Adjust;
  p: Opt;
  pad: Term;
  enc: Encoding;
  strings: boolean;
}

/** A format element: a character, or (from a nested list or binary) literal text. */
type FmtElem = number | Chars;

export function formatChars(format: Term, args: Term, opts: FormatCharsOptions = {}): number[] {
  try {
    return build(collect(formatList(format), args), opts.printableRange ?? 'latin1');
  } catch (e) {
    if (e instanceof IoLibCrash) badarg([format, args]);
    throw e;
  }
}

/** io_lib_format:scan/2's view of the format: atom_to_list, binary_to_list or the list. */
function formatList(format: Term): FmtElem[] {
  if (format instanceof Atom) return atomChars(format);
  if (format instanceof BitString) {
    if (!format.isBinary) fail();
    return Array.from(format.bytes.subarray(0, format.byteSize));
  }
  const out: FmtElem[] = [];
  let l = format;
  for (; l instanceof Cons; l = l.tail) {
    const x = l.head;
    if (typeof x === 'number') out.push(x);
    else if (x instanceof Cons || x === NIL || x instanceof BitString) out.push(literalText(x));
    else fail();
  }
  if (l !== NIL) fail();
  return out;
}

/** A nested format element: its characters (it must be valid chardata, as chars_length/1 needs). */
function literalText(x: Term): Chars {
  const out: Chars = [];
  const walk = (t: Term): void => {
    for (; t instanceof Cons; t = t.tail) {
      const h = t.head;
      if (typeof h === 'number' && h >= 0) out.push(h);
      else if (h instanceof Cons || h === NIL || h instanceof BitString) walk(h);
      else fail();
    }
    if (t instanceof BitString) {
      if (!t.isBinary) fail();
      append(out, t.bytes.subarray(0, t.byteSize));
    } else if (t !== NIL) fail();
  };
  walk(x);
  return out;
}

const isInt = (t: Term): t is number | bigint => typeof t === 'number' || typeof t === 'bigint';
/** A bignum width, precision or `~tc` character: refused (OTP mostly exhausts memory on them). */
const small = (t: number | bigint): number => (typeof t === 'number' ? t : fail());

/** io_lib_format:collect/2: the control sequences with their arguments. */
function collect(fmt: FmtElem[], args0: Term): (FmtElem | Spec)[] {
  const out: (FmtElem | Spec)[] = [];
  let args = args0;
  let i = 0;
  const at = (k: number) => (k < fmt.length ? fmt[k] : undefined);
  const nextArg = (): Term => {
    if (!(args instanceof Cons)) fail();
    const a = args.head;
    args = args.tail;
    return a;
  };
  // field_value/2: `*` with an integer argument, digits, or none.
  const fieldValue = (): Opt => {
    const c = at(i);
    if (c === 0x2a && args instanceof Cons && isInt(args.head)) {
      i++;
      return small(nextArg() as number | bigint);
    }
    if (typeof c === 'number' && c >= 0x30 && c <= 0x39) {
      let v = 0;
      for (let d = at(i); typeof d === 'number' && d >= 0x30 && d <= 0x39; d = at(++i)) v = v * 10 + (d - 0x30);
      return v;
    }
    return null;
  };
  while (i < fmt.length) {
    const c = fmt[i++];
    if (c !== 0x7e) {
      out.push(c);
      continue;
    }
    // Field width, with `-` for left adjustment (a negative `*` value also means left).
    let f: Opt;
    if (at(i) === 0x2d) {
      i++;
      const v = fieldValue();
      if (v === null) fail(); // -none
      f = -v;
    } else {
      f = fieldValue();
    }
    let adj: Adjust = 'right';
    if (f !== null && f < 0) {
      f = -f;
      adj = 'left';
    }
    let p: Opt = null;
    if (at(i) === 0x2e) {
      i++;
      p = fieldValue();
    }
    let pad: Term = 0x20;
    if (at(i) === 0x2e && at(i + 1) === 0x2a && args instanceof Cons) {
      i += 2;
      pad = nextArg();
    } else if (at(i) === 0x2e && i + 1 < fmt.length) {
      const e = fmt[i + 1];
      pad = typeof e === 'number' ? e : fail();
      i += 2;
    }
    let enc: Encoding = 'latin1';
    let strings = true;
    for (;;) {
      if (at(i) === 0x74) enc = 'unicode';
      else if (at(i) === 0x6c) strings = false;
      else break;
      i++;
    }
    const cc = at(i++);
    if (typeof cc !== 'number') fail();
    let n: number;
    switch (String.fromCharCode(cc)) {
      case 'w': case 'p': case 's': case 'e': case 'f': case 'g': case 'b': case 'B': case '+': case '#': case 'c': case 'i':
        n = 1;
        break;
      case 'W': case 'P': case 'x': case 'X':
        n = 2;
        break;
      case '~': case 'n':
        if (!(args instanceof Cons || args === NIL)) fail();
        n = 0;
        break;
      default:
        fail();
    }
    const as: Term[] = [];
    for (let k = 0; k < n; k++) as.push(nextArg());
    out.push({
      c: cc,
      args: as,
      f,
      adj,
      p,
      pad,
      enc,
      strings,
    });
  }
  if (args !== NIL) fail();
  return out;
}

/** Output with the column io_lib_format's build_limited/5 tracks for ~p. */
class Out {
  readonly cs: Chars = [];
  col = 0;
  push(c: number): void {
    this.cs.push(c);
    this.col = c === 0x0a ? 0 : c === 0x09 ? Math.floor((this.col + 8) / 8) * 8 : this.col + 1;
  }
  pushAll(cs: Chars): void {
    append(this.cs, cs);
    const nl = cs.lastIndexOf(0x0a);
    let col = nl >= 0 ? 0 : this.col;
    for (let i = nl + 1; i < cs.length; i++) col = cs[i] === 0x09 ? Math.floor((col + 8) / 8) * 8 : col + 1;
    this.col = col;
  }
}

function build(items: (FmtElem | Spec)[], printableRange: 'latin1' | 'unicode'): Chars {
  const out = new Out();
  for (const it of items) {
    if (typeof it === 'number') out.push(it);
    else if (Array.isArray(it)) {
      // A nested list in the format counts as one column, as in build_limited/5.
      append(out.cs, it);
      out.col++;
    } else out.pushAll(control(it, out.col, printableRange));
  }
  return out.cs;
}

function control(s: Spec, col: number, printableRange: 'latin1' | 'unicode'): Chars {
  const { f, adj, p, pad, enc } = s;
  const a = s.args[0];
  switch (String.fromCharCode(s.c)) {
    case 's':
      return string(stringArg(a, enc), f, adj, p, pad, enc);
    case 'w':
      return term(writeTerm(a, -1, enc), f, adj, p, pad);
    case 'W':
      return term(writeTerm(a, depthArg(s.args[1]), enc), f, adj, p, pad);
    case 'p':
    case 'P': {
      const depth = s.c === 0x50 ? depthArg(s.args[1]) : -1;
      if (adj !== 'right') fail();
      return prettyPrint(a, {
        column: p ?? col + 1,
        lineLength: f ?? 80,
        depth,
        encoding: enc,
        strings: s.strings,
        printableRange,
      });
    }
    case 'e': {
      const v = floatArg(a);
      const prec = p ?? 6;
      if (prec < 2) fail();
      const t = strChars(floatE(v, prec));
      return f === null ? t : term(t, f, adj, f, pad);
    }
    case 'f':
      return fwriteF(floatArg(a), f, adj, p ?? 6, pad);
    case 'g': {
      const v = floatArg(a);
      const prec = p ?? 6;
      if (prec < 1) fail();
      const g = gChoice(v, prec);
      if (g.form === 'f') return fwriteF(v, f, adj, g.p, pad);
      const t = strChars(floatE(v, g.p));
      return f === null ? t : term(t, f, adj, f, pad);
    }
    case 'b':
    case 'B':
      return integer(intArg(a), f, adj, base(p), pad, [], s.c === 0x62);
    case 'x':
    case 'X':
      return integer(intArg(a), f, adj, base(p), pad, prefixArg(s.args[1]), s.c === 0x78);
    case '+':
    case '#': {
      const b = base(p);
      return integer(intArg(a), f, adj, b, pad, strChars(`${b}#`), s.c === 0x2b);
    }
    case 'c': {
      const v = intArg(a);
      let ch: number;
      if (enc === 'unicode') ch = small(v);
      else ch = typeof v === 'bigint' ? Number(BigInt.asUintN(8, v)) : v & 255;
      return char(ch, f, adj, p, pad);
    }
    case '~':
      return char(0x7e, f, adj, p, pad);
    case 'n':
      if (f === null) return [0x0a];
      if (adj !== 'right') fail();
      return chars(0x0a, f);
    case 'i':
      return [];
  }
  return fail();
}

const floatArg = (a: Term): number => (a instanceof ErlFloat ? a.value : fail());
const intArg = (a: Term): number | bigint => (isInt(a) ? a : fail());
/** A depth: an integer; a bignum one is as good as unlimited. */
const depthArg = (d: Term): number => (typeof d === 'number' ? d : typeof d === 'bigint' ? -1 : fail());

function base(p: Opt): number {
  const b = p ?? 10;
  if (b < 2 || b > 36) fail();
  return b;
}

function fwriteF(v: number, f: Opt, adj: Adjust, p: number, pad: Term): Chars {
  if (p < 1) fail();
  const t = strChars(floatF(v, p));
  return f === null ? t : term(t, f, adj, f, pad);
}

/** chars/2: `n` copies (OTP loops forever on a negative count). */
function chars(c: Term, n: number): Chars {
  if (n < 0) fail();
  if (n > 0 && typeof c !== 'number') fail();
  return new Array<number>(n).fill(c as number);
}

function adjust(data: Chars, padding: Chars, adj: Adjust): Chars {
  if (padding.length === 0) return data;
  return adj === 'left' ? data.concat(padding) : padding.concat(data);
}

/** term/5: fit into the field, or fill it with `*` when too long. */
function term(t: Chars, f: Opt, adj: Adjust, p0: Opt, pad: Term): Chars {
  if (f === null && p0 === null) return t;
  if (f === null) return term(t, p0, adj, p0, pad);
  const l = charsLength(t);
  const p = Math.min(l, p0 === null ? f : Math.min(p0, f));
  if (l > p) return adjust(chars(0x2a, p), chars(pad, f - p), adj);
  return adjust(t, chars(pad, f - l), adj);
}

/** string/6 for ~s. */
function string(s: Chars, f: Opt, adj: Adjust, p: Opt, pad: Term, enc: Encoding): Chars {
  if (f === null && p === null) return s;
  if (p === null) return stringField(s, f!, adj, charsLength(s), pad, enc);
  if (f === null) return stringField(s, p, 'left', charsLength(s), pad, enc);
  if (f < p) fail();
  const n = charsLength(s);
  if (f === p) return stringField(s, f, adj, n, pad, enc);
  if (n > p) return adjust(flatTrunc(s, p, enc), chars(pad, f - p), adj);
  if (n < p) return adjust(s.concat(chars(pad, p - n)), chars(pad, f - p), adj);
  return adjust(s, chars(pad, f - p), adj);
}

function stringField(s: Chars, f: number, adj: Adjust, n: number, pad: Term, enc: Encoding): Chars {
  if (n > f) return flatTrunc(s, f, enc);
  if (n < f) return adjust(s, chars(pad, f - n), adj);
  return s;
}

function flatTrunc(s: Chars, n: number, enc: Encoding): Chars {
  if (n < 0) fail();
  if (enc === 'latin1') return n > s.length ? fail() : s.slice(0, n);
  return graphemePrefix(s, n);
}

/** char/5 for ~c and ~~. */
function char(c: number, f: Opt, adj: Adjust, p: Opt, pad: Term): Chars {
  if (f === null && p === null) return [c];
  if (p === null) return chars(c, f!);
  if (f === null) return chars(c, p);
  if (f < p) fail();
  return adjust(chars(c, p), chars(pad, f - p), adj);
}

/** unprefixed_integer/6 and prefixed_integer/7. */
function integer(v: number | bigint, f: Opt, adj: Adjust, b: number, pad: Term, prefix: Chars, lower: boolean): Chars {
  const neg = v < 0;
  let digits = (neg ? -v : v).toString(b);
  if (!lower) digits = digits.toUpperCase();
  const t: Chars = neg ? [0x2d] : [];
  append(t, prefix);
  append(t, strChars(digits));
  return term(t, f, adj, null, pad);
}

/** The ~x/~X prefix: an atom's name or a deep character list. */
function prefixArg(x: Term): Chars {
  if (x instanceof Atom) return atomChars(x);
  const out: Chars = [];
  const walk = (t: Term): void => {
    for (; t instanceof Cons; t = t.tail) {
      const h = t.head;
      if (h instanceof Cons || h === NIL) walk(h);
      else if (typeof h === 'number' && isUnicodeChar(h)) out.push(h);
      else fail();
    }
    if (t !== NIL) fail();
  };
  walk(x);
  return out;
}

/**
 * The characters of a ~s argument: iolist_to_chars/1 (bytes only) for ~s, cdata_to_chars/1
 * for ~ts (binaries as UTF-8, or as Latin-1 when not valid UTF-8); atoms by name.
 */
function stringArg(a: Term, enc: Encoding): Chars {
  if (a instanceof Atom) {
    const cs = atomChars(a);
    if (enc === 'latin1' && cs.some((c) => c > 255)) fail();
    return cs;
  }
  const out: Chars = [];
  const bin = (b: Term): void => {
    if (!(b instanceof BitString) || !b.isBinary) fail();
    const bytes = b.bytes.subarray(0, b.byteSize);
    const u = enc === 'unicode' ? decodeUtf8(bytes) : undefined;
    append(out, u ?? bytes);
  };
  const walk = (t: Term): void => {
    for (; t instanceof Cons; t = t.tail) {
      const h = t.head;
      if (typeof h === 'number' && h >= 0 && (enc === 'unicode' || h <= 255)) out.push(h);
      else if (h instanceof Cons || h === NIL) walk(h);
      else bin(h);
    }
    if (t !== NIL) bin(t);
  };
  walk(a);
  return out;
}
