/**
 * `erlang:display/1`'s format (ERTS's own printer, not io_lib): like `~w`, but printable lists
 * and binaries print as strings (only `"` and newline escaped), floats in C's `%e`
 * with six decimals, and map associations without spaces. A large map shows its HAMT:
 * `#<bitmap>{...}` at the root, `<bitmap>{...}` for inner nodes, each association as the cons
 * cell `[K|V]` OTP stores it in. Checked against erl (OTP 25).
 */
import { Atom } from './atom.js';
import { BitString } from './binary.js';
import { ErlFloat } from './float.js';
import { Cons, NIL } from './list.js';
import { ErlMap, slotAt, slotCount, type HamtNode } from './map.js';
import { formatTerm, quoteChars } from './print.js';
import type { Term } from './term.js';

/** A list prints as a string if every element is one of these: tab and CR raw, LF escaped. */
function listChar(c: unknown): c is number {
  return typeof c === 'number' && ((c >= 32 && c <= 126) || (c >= 160 && c <= 255) || c === 9 || c === 10 || c === 13);
}

/** A binary prints as a string only if every byte is printable ASCII. */
const binaryByte = (c: number) => c >= 32 && c <= 126;

function str(codes: ArrayLike<number>): string {
  let s = '"';
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    s += c === 34 ? '\\"' : c === 10 ? '\\n' : String.fromCharCode(c);
  }
  return s + '"';
}

/** C's `%e`: d.dddddde±XX (keeping the sign of -0.0, as printf does). */
function cExp(v: number): string {
  const s = (Object.is(v, -0) ? '-' : '') + v.toExponential(6);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

// ERTS's own (latin1) character classes: reserved words are not quoted, '@' is.
const lower = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const upper = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const alnum = (c: number) => lower(c) || upper(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/**
 * An atom as ERTS prints it: quoted unless it starts with a lower-case letter and has only
 * letters, digits and '_'; the text goes out as UTF-8 (returned here as one char per byte).
 */
function displayAtom(name: string): string {
  const cps = Array.from(name, (ch) => ch.codePointAt(0)!);
  const bare = cps.length > 0 && lower(cps[0]) && cps.every(alnum);
  let out: string;
  if (bare) out = name;
  else {
    // quoteChars escapes what ERTS escapes; characters above 255 stay raw.
    out = "'" + Array.from(name, (ch) => (ch.codePointAt(0)! > 0xff ? ch : quoteChars(ch, "'").slice(1, -1))).join('') + "'";
  }
  return Buffer.from(out, 'utf8').toString('latin1');
}

export function formatDisplay(t: Term): string {
  if (t instanceof ErlFloat) return cExp(t.value);
  if (t instanceof Atom) return displayAtom(t.name);
  if (Array.isArray(t)) return `{${t.map(formatDisplay).join(',')}}`;
  if (t === NIL) return '[]';
  if (t instanceof Cons) {
    const items: Term[] = [];
    let l: Term = t;
    for (; l instanceof Cons; l = l.tail) items.push(l.head);
    if (l === NIL && items.every(listChar)) return str(items as number[]);
    return `[${items.map(formatDisplay).join(',')}${l === NIL ? '' : '|' + formatDisplay(l)}]`;
  }
  if (t instanceof BitString && t.isBinary && t.byteSize > 0 && t.bytes.every(binaryByte)) {
    return `<<${str(t.bytes)}>>`;
  }
  if (t instanceof ErlMap) {
    if (t.root !== undefined) return '#' + hamtNode(t.root);
    return `#{${t.keys.map((k, i) => `${formatDisplay(k)}=>${formatDisplay(t.values[i])}`).join(',')}}`;
  }
  return formatTerm(t);
}

function hamtNode(n: HamtNode): string {
  const items: string[] = [];
  for (let i = 0; i < slotCount(n); i++) {
    const c = slotAt(n, i);
    items.push(typeof c === 'number' ? formatDisplay(new Cons(n[c] as Term, n[c + 1] as Term)) : hamtNode(c));
  }
  return `<${((n[0] as number) | (n[1] as number)).toString(16)}>{${items.join(',')}}`;
}
