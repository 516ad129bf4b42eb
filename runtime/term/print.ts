/**
 * `formatTerm(T)` prints like `io_lib:format("~w", [T])` in OTP 25 (latin1 mode: atom
 * characters above 255 are written as `\x{...}`). Iterative, so deep terms cannot overflow
 * the JS stack. Maps print in their iteration order (`ErlMap.keys`), OTP's.
 */
import { Atom, atom } from './atom.js';
import { BitString } from './binary.js';
import { ErlFloat } from './float.js';
import { formatFloatShort } from './floatformat.js';
import { ExportFun, LocalFun } from './fun.js';
import { Pid, Port, Ref } from './identity.js';
import { Cons, NIL } from './list.js';
import { ErlMap } from './map.js';
import type { Term } from './term.js';

export interface FormatOptions {
  /**
   * Show printable lists as `"..."` and printable binaries as `<<"...">>`, as `~p` does in
   * latin1 mode (without its line breaking). Off by default: `~w` never does.
   */
  readonly strings?: boolean;
}

export function formatTerm(t: Term, opts: FormatOptions = {}): string {
  const strings = opts.strings === true;
  let out = '';
  // Pending work, popped from the end: a string is literal output, anything else a term.
  const stack: (Term | string)[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (typeof x === 'string') {
      out += x;
    } else if (typeof x === 'number' || typeof x === 'bigint') {
      out += String(x);
    } else if (x instanceof Atom) {
      out += formatAtom(x);
    } else if (Array.isArray(x)) {
      out += '{';
      stack.push('}');
      for (let i = x.length - 1; i >= 0; i--) {
        stack.push(x[i]);
        if (i > 0) stack.push(',');
      }
    } else if (x === NIL) {
      out += '[]';
    } else if (x instanceof Cons && strings && printableList(x)) {
      out += quoteChars(latin1(listCodes(x)), '"');
    } else if (x instanceof Cons) {
      out += '[';
      stack.push(']');
      const heads: Term[] = [];
      let l: Term = x;
      while (l instanceof Cons) {
        heads.push(l.head);
        l = l.tail;
      }
      if (l !== NIL) stack.push(l, '|');
      for (let i = heads.length - 1; i >= 0; i--) {
        stack.push(heads[i]);
        if (i > 0) stack.push(',');
      }
    } else if (x instanceof ErlFloat) {
      out += formatFloatShort(x.value);
    } else if (x instanceof BitString) {
      out += strings && x.isBinary && x.byteSize > 0 && x.bytes.every(isPrintable)
        ? `<<${quoteChars(latin1(x.bytes), '"')}>>`
        : formatBits(x);
    } else if (x instanceof ErlMap) {
      out += '#{';
      stack.push('}');
      for (let i = x.size - 1; i >= 0; i--) {
        stack.push(x.values[i], ' => ', x.keys[i]);
        if (i > 0) stack.push(',');
      }
    } else if (x instanceof ExportFun) {
      out += `fun ${formatAtom(x.module)}:${formatAtom(x.name)}/${x.arity}`;
    } else if (x instanceof LocalFun) {
      // erlang:fun_to_list/1 writes the module name unquoted.
      out += `#Fun<${x.module.name}.${x.oldIndex}.${x.oldUniq}>`;
    } else if (x instanceof Pid) {
      out += `<${nodeNumber(x.node, x.creation)}.${x.id}.${x.serial}>`;
    } else if (x instanceof Port) {
      out += `#Port<${nodeNumber(x.node, x.creation)}.${x.id}>`;
    } else if (x instanceof Ref) {
      // Printed most significant word first; ids are stored in ETF order.
      out += `#Ref<${nodeNumber(x.node, x.creation)}`;
      for (let i = x.ids.length - 1; i >= 0; i--) out += `.${x.ids[i]}`;
      out += '>';
    } else {
      throw new TypeError(`not an Erlang term: ${String(x)}`);
    }
  }
  return out;
}

/** io_lib:printable_latin1_list/1's characters. */
function isPrintable(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 0x08 && c <= 0x0d) || c === 0x1b;
}

function printableList(l: Cons): boolean {
  let x: Term = l;
  for (; x instanceof Cons; x = x.tail) {
    if (typeof x.head !== 'number' || !isPrintable(x.head)) return false;
  }
  return x === NIL;
}

/** Character codes < 256 to a string, in slices so huge inputs cannot overflow the stack. */
function latin1(codes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) {
    s += String.fromCharCode(...Array.prototype.slice.call(codes, i, i + 8192));
  }
  return s;
}

function listCodes(l: Cons): number[] {
  const out: number[] = [];
  for (let x: Term = l; x instanceof Cons; x = x.tail) out.push(x.head as number);
  return out;
}

/** `<<1,2,3>>`, `<<>>`, and trailing bits as `Value:Size`: `<<1,2:3>>`. */
function formatBits(b: BitString): string {
  const parts: string[] = [];
  const n = b.byteSize;
  for (let i = 0; i < n; i++) parts.push(String(b.bytes[i]));
  const rest = b.bitSize & 7;
  if (rest !== 0) parts.push(`${b.bytes[n] >> (8 - rest)}:${rest}`);
  return `<<${parts.join(',')}>>`;
}

// erl_scan:reserved_word/1 in OTP 25 (no feature keywords are enabled by default there).
const RESERVED = new Set([
  'after', 'begin', 'case', 'try', 'cond', 'catch', 'andalso', 'orelse', 'end', 'fun', 'if', 'let', 'of',
  'receive', 'when', 'bnot', 'not', 'div', 'rem', 'band', 'and', 'bor', 'bxor', 'bsl', 'bsr', 'or', 'xor',
]);

const isLowerStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isNameChar = (c: number) =>
  isLowerStart(c) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x5f ||
  c === 0x40;

/** Whether an atom must be quoted to read back as itself (reserved word, or not a bare name). */
export function atomNeedsQuotes(name: string): boolean {
  if (RESERVED.has(name) || name.length === 0 || !isLowerStart(name.codePointAt(0)!)) return true;
  for (const ch of name) if (!isNameChar(ch.codePointAt(0)!)) return true;
  return false;
}

/** An atom as `~w` writes it: bare when it reads back as an atom, else single-quoted. */
export function formatAtom(a: Atom): string {
  return atomNeedsQuotes(a.name) ? quoteChars(a.name, "'") : a.name;
}

const ESCAPES: Record<number, string> = {
  0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v', 0x08: '\\b', 0x0c: '\\f', 0x1b: '\\e', 0x7f: '\\d',
};

/** io_lib:write_string_as_latin1/2: quote and escape, with `\x{...}` above 255. */
export function quoteChars(s: string, q: string): string {
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff)) out += ch;
    else if (c > 0xff) out += `\\x{${c.toString(16).toUpperCase()}}`;
    else if (ESCAPES[c] !== undefined) out += ESCAPES[c];
    else out += '\\' + c.toString(8).padStart(3, '0');
  }
  return out + q;
}

/**
 * Pids, ports and refs print their node as a number: 0 for the local node; OTP numbers other
 * nodes by its distribution table, which we cannot reproduce, so they get 1, 2, ... in order of
 * first printing.
 */
let localNode = atom('nonode@nohost');
const nodeNumbers = new Map<string, number>();

export function setLocalNode(node: Atom): void {
  localNode = node;
}

function nodeNumber(node: Atom, creation: number): number {
  if (node === localNode) return 0;
  const key = `${node.name}\u0000${creation}`;
  let n = nodeNumbers.get(key);
  if (n === undefined) {
    n = nodeNumbers.size + 1;
    nodeNumbers.set(key, n);
  }
  return n;
}
