/**
 * Character-level helpers shared by the io_lib ports (format.ts, write.ts, pretty.ts):
 * text is an array of code points, as io_lib's flattened chardata is.
 */
import type { Atom } from '../term/atom.js';
import { atomNeedsQuotes } from '../term/print.js';

export type Chars = number[];

/**
 * Thrown where io_lib's Erlang code would crash (no matching clause, badarith...); the
 * io_lib:format entry point turns it into badarg, as OTP does.
 */
export class IoLibCrash {}
const CRASH = new IoLibCrash();
export function crash(): never {
  throw CRASH;
}
export type Encoding = 'latin1' | 'unicode';

/** Pushes the code points of an ASCII/BMP JS string (no surrogate pairs expected). */
export function pushStr(out: Chars, s: string): void {
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}

export function strChars(s: string): Chars {
  const out: Chars = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** Appends `src` to `out` without spreading (no argument-count limits on huge inputs). */
export function append(out: Chars, src: ArrayLike<number>): void {
  for (let i = 0; i < src.length; i++) out.push(src[i]);
}

export function atomChars(a: Atom): Chars {
  return strChars(a.name);
}

const isScalar = (c: number) => c >= 0 && c <= 0x10ffff;

let segmenter: Intl.Segmenter | undefined;

/** Grapheme clusters of a list of code points, as index ranges [start, end). */
function graphemeBounds(cs: Chars): number[] {
  // Build a JS string, remembering where each code point starts; code points that are not
  // Unicode scalars (cannot occur in valid text) stand alone as their own cluster.
  if (!cs.every(isScalar)) return cs.map((_, i) => i + 1);
  let s = '';
  const unitToCp: number[] = [];
  for (let i = 0; i < cs.length; i++) {
    const piece = String.fromCodePoint(cs[i]);
    for (let k = 0; k < piece.length; k++) unitToCp.push(i);
    s += piece;
  }
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const ends: number[] = [];
  for (const seg of segmenter.segment(s)) {
    const endUnit = seg.index + seg.segment.length;
    ends.push(endUnit >= unitToCp.length ? cs.length : unitToCp[endUnit]);
  }
  return ends;
}

/**
 * io_lib:chars_length/1: the length as iolist_size/1 when every character is a byte, else
 * string:length/1 (grapheme clusters, so "e\u0301" and "\r\n" count one).
 */
export function charsLength(cs: Chars): number {
  let bytes = true;
  for (let i = 0; i < cs.length && bytes; i++) bytes = cs[i] >= 0 && cs[i] <= 255;
  return bytes ? cs.length : graphemeBounds(cs).length;
}

/** string:slice(Chars, 0, N): the first N grapheme clusters. */
export function graphemePrefix(cs: Chars, n: number): Chars {
  if (n <= 0) return [];
  const ends = graphemeBounds(cs);
  return n >= ends.length ? cs.slice() : cs.slice(0, ends[n - 1]);
}

/** io_lib:printable_latin1_list/1 on one character. */
export function printableLatin1(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 8 && c <= 13) || c === 0x1b;
}

/** io_lib:printable_unicode_list/1 on one character. */
export function printableUnicode(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c < 0xd800) ||
    (c > 0xdfff && c < 0xfffe) ||
    (c > 0xffff && c <= 0x10ffff) ||
    (c >= 8 && c <= 13) ||
    c === 0x1b
  );
}

/** io_lib:deep_char_list/1's notion of a character. */
export function isUnicodeChar(c: number): boolean {
  return (c >= 0 && c < 0xd800) || (c > 0xdfff && c < 0xfffe) || (c > 0xffff && c <= 0x10ffff);
}

/**
 * How io_lib writes string characters: `latin1` (write_latin1_string: input is all < 256),
 * `unicode` (write_string: keeps everything from 160 up), `asLatin1` (write_string_as_latin1:
 * characters above 255 become \x{...}).
 */
export type StringMode = 'latin1' | 'unicode' | 'asLatin1';

const ESC: Record<number, number> = { 10: 0x6e, 13: 0x72, 9: 0x74, 11: 0x76, 8: 0x62, 12: 0x66, 27: 0x65, 127: 0x64 };

/** io_lib:write_string1/3 on one character (string_char/4). */
export function pushStringChar(out: Chars, c: number, q: number, mode: StringMode): void {
  if (c === q || c === 0x5c) {
    out.push(0x5c, c);
  } else if (c >= 0x20 && c <= 0x7e) {
    out.push(c);
  } else if (c >= 0xa0 && (c <= 0xff || mode === 'unicode')) {
    out.push(c);
  } else if (c > 0xff && mode === 'asLatin1') {
    pushStr(out, `\\x{${c.toString(16).toUpperCase()}}`);
  } else if (ESC[c] !== undefined) {
    out.push(0x5c, ESC[c]);
  } else if (c < 0xa0 && c >= 0) {
    out.push(0x5c, (c >> 6) + 0x30, ((c >> 3) & 7) + 0x30, (c & 7) + 0x30);
  } else {
    // OTP has no clause for these (e.g. write_latin1_string with a character > 255).
    crash();
  }
}

/** io_lib:write_string(S, Q) and friends: the quoted, escaped string. */
export function writeString(cs: ArrayLike<number>, q: number, mode: StringMode): Chars {
  const out: Chars = [q];
  for (let i = 0; i < cs.length; i++) pushStringChar(out, cs[i], q, mode);
  out.push(q);
  return out;
}

/**
 * io_lib:write_atom/1 (`unicode`: characters from 160 up kept) or write_atom_as_latin1/1
 * (`latin1`: characters above 255 as \x{...}).
 */
export function writeAtom(a: Atom, enc: Encoding): Chars {
  const cs = atomChars(a);
  return atomNeedsQuotes(a.name) ? writeString(cs, 0x27, enc === 'latin1' ? 'asLatin1' : 'unicode') : cs;
}

/** Decodes one strict UTF-8 character (as the `/utf8` binary match does) at `i`. */
export function utf8At(b: Uint8Array, i: number, end: number): { c: number; next: number } | undefined {
  const b0 = b[i];
  if (b0 < 0x80) return { c: b0, next: i + 1 };
  let n: number;
  let c: number;
  let min: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    n = 1;
    c = b0 & 0x1f;
    min = 0x80;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    n = 2;
    c = b0 & 0x0f;
    min = 0x800;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    n = 3;
    c = b0 & 0x07;
    min = 0x10000;
  } else {
    return undefined;
  }
  for (let k = 1; k <= n; k++) {
    if (i + k >= end) return undefined;
    const x = b[i + k];
    if ((x & 0xc0) !== 0x80) return undefined;
    c = (c << 6) | (x & 0x3f);
  }
  if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return undefined;
  return { c, next: i + n + 1 };
}

/** unicode:characters_to_list/1 on a binary: the characters, or undefined if not valid UTF-8. */
export function decodeUtf8(b: Uint8Array): Chars | undefined {
  const out: Chars = [];
  for (let i = 0; i < b.length; ) {
    const r = utf8At(b, i, b.length);
    if (r === undefined) return undefined;
    out.push(r.c);
    i = r.next;
  }
  return out;
}
