/**
 * io_lib_pretty:print/2 as OTP 25 runs it for `~p` / `~P` (no chars_limit, no record
 * definitions): the term is first measured into an intermediate tree (print_length), then
 * either written on one line or laid out (pp) with the indentation for tagged tuples chosen
 * by trial (cind). The code follows OTP clause by clause, including its asymmetries (which
 * widths are reset after a line break, which column an improper tail restarts at), because
 * those decide where lines break.
 *
 * Everything runs on explicit stacks, so deeply nested terms (say an iolist built by a loop)
 * cannot overflow the JS stack. That works because in pp and cind the width an element
 * reports to the rest of its line is known before the element is laid out: its length when it
 * is written in place, else the line length ("force a new line").
 */
import { Atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Cons, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import { formatTerm } from '../term/print.js';
import type { Term } from '../term/term.js';
import {
  type Chars,
  type Encoding,
  append,
  charsLength,
  printableLatin1,
  printableUnicode,
  pushStr,
  strChars,
  utf8At,
  writeAtom,
  writeString,
} from './chars.js';
import { binaryPieces, writeTerm } from './write.js';

export interface PrettyOptions {
  /** Column where the output starts (1-based). */
  column: number;
  lineLength: number;
  /** -1: unlimited. */
  depth: number;
  encoding: Encoding;
  /** Show printable lists and binaries as strings (off with the `l` modifier). */
  strings: boolean;
  /** io:printable_range(): `latin1` unless erl runs with `+pc unicode`. */
  printableRange: 'latin1' | 'unicode';
}

const DOTS = 'dots' as const;
type Rest = null | typeof DOTS | Node;

/**
 * A measured term (OTP's intermediate format); `len` is its length on one line. Leaves are
 * what OTP keeps as plain characters (the ?ATM test): atomic terms, strings, printable
 * binaries and depth-cut `{...}`; a depth-cut list is a list node with only a `...` rest.
 */
type Node =
  | { k: 'leaf'; s: Chars; len: number }
  | { k: 'list'; items: Node[]; rest: Rest; len: number }
  | { k: 'tuple'; tagged: boolean; items: Node[]; rest: null | typeof DOTS; len: number }
  | { k: 'map'; items: Node[]; rest: null | typeof DOTS; len: number }
  | { k: 'pair'; key: Node; val: Node; len: number }
  | { k: 'bin'; pieces: string[]; len: number };
type PairNode = Extract<Node, { k: 'pair' }>;

const leaf = (s: Chars, len = charsLength(s)): Node => ({ k: 'leaf', s, len });
const isLeaf = (n: Node) => n.k === 'leaf';

export function prettyPrint(term: Term, o: PrettyOptions): Chars {
  if (o.depth === 0) return strChars('...');
  const col = o.column <= 0 ? 1 : o.column;
  if (term instanceof Atom) return writeAtom(term, o.encoding);
  if (!(term instanceof Cons || term === NIL || Array.isArray(term) || term instanceof ErlMap || term instanceof BitString)) {
    return writeTerm(term, -1, 'latin1');
  }
  const node = new Measure(o).run(term, o.depth);
  const out: Chars = [];
  const m = node.len; // line_max_chars defaults to the total length
  const ll = o.lineLength;
  if (ll === 0 || (node.len < ll - col && node.len <= m)) {
    write(node, out);
    return out;
  }
  // The indentation of tagged tuples' elements: -1 (after the tag) if that stays within
  // bounds, else 4, else 1.
  let tind = 1;
  for (const ind of [-1, 4]) {
    if (new Cind(ll, m, ind).fits(node, col)) {
      tind = ind;
      break;
    }
  }
  new Layout(ll, m, tind, out).run(node, col, col - 1);
  return out;
}

// ------------------------------------------------------------------ measuring (print_length)

type Frame =
  | { k: 'list'; items: Node[]; l: Term; d: number; rest: Rest; tail: boolean; done: boolean }
  | { k: 'tuple'; items: Node[]; t: Term[]; i: number; d: number; rest: null | typeof DOTS }
  | { k: 'map'; items: Node[]; t: ErlMap; i: number; d: number; d0: number; key: Node | undefined; rest: null | typeof DOTS };

class Measure {
  /** Atoms repeat a lot (tags, keys): their written form is computed once per print. */
  private readonly atoms = new Map<Atom, Node>();
  constructor(private readonly o: PrettyOptions) {}

  /** print_length/6 with T < 0 (`d` is never 0 here). */
  run(term: Term, depth: number): Node {
    const stack: Frame[] = [];
    let result = this.start(term, depth, stack);
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      if (result !== undefined) {
        this.accept(f, result);
        result = undefined;
      }
      const next = this.next(f);
      if (next === undefined) {
        stack.pop();
        result = finish(f);
      } else {
        result = this.start(next[0], next[1], stack);
      }
    }
    return result!;
  }

  /** A child's node into its parent frame. */
  private accept(f: Frame, n: Node): void {
    if (f.k === 'list') {
      if (f.tail) {
        f.rest = n;
        f.done = true;
      } else f.items.push(n);
    } else if (f.k === 'tuple') {
      f.items.push(n);
    } else if (f.key === undefined) {
      f.key = n;
    } else {
      f.items.push({ k: 'pair', key: f.key, val: n, len: f.key.len + 4 + n.len });
      f.key = undefined;
    }
  }

  /** The next child to measure with its depth, or undefined when the frame is complete. */
  private next(f: Frame): [Term, number] | undefined {
    switch (f.k) {
      case 'list': // print_length_list1/6
        if (f.done || f.l === NIL) return undefined;
        if (f.d === 1) {
          f.rest = DOTS;
          return undefined;
        }
        if (f.l instanceof Cons) {
          const h = f.l.head;
          f.l = f.l.tail;
          return [h, f.d-- - 1];
        }
        f.tail = true; // an improper tail
        return [f.l, f.d - 1];
      case 'tuple': // print_length_tuple1/7
        if (f.i >= f.t.length) return undefined;
        if (f.d === 1) {
          f.rest = DOTS;
          return undefined;
        }
        return [f.t[f.i++], f.d-- - 1];
      case 'map': // print_length_map_pairs/7: key and value at the same depth
        if (f.key !== undefined) {
          const v = f.t.values[f.i++];
          f.d--;
          return [v, f.d0];
        }
        if (f.i >= f.t.size) return undefined;
        if (f.d === 1) {
          f.rest = DOTS;
          return undefined;
        }
        return [f.t.keys[f.i], f.d0];
    }
  }

  /** A node for `t`, or undefined after pushing a frame that will build it. */
  private start(t: Term, d: number, stack: Frame[]): Node | undefined {
    const enc = this.o.encoding;
    if (typeof t === 'number' || typeof t === 'bigint') {
      const s = strChars(String(t));
      return leaf(s, s.length);
    }
    if (t === NIL) return leaf(strChars('[]'), 2);
    if (Array.isArray(t) && t.length === 0) return leaf(strChars('{}'), 2);
    if (t instanceof ErlMap && t.size === 0) return leaf(strChars('#{}'), 3);
    if (t instanceof Atom) {
      let n = this.atoms.get(t);
      if (n === undefined) this.atoms.set(t, (n = leaf(writeAtom(t, enc))));
      return n;
    }
    if (t instanceof Cons) {
      const cs = this.o.strings && d !== 1 ? this.printableList(t) : undefined;
      if (cs !== undefined) return leaf(writeString(cs, 0x22, enc === 'latin1' ? 'latin1' : 'unicode'));
      stack.push({ k: 'list', items: [], l: t, d, rest: null, tail: false, done: false });
      return undefined;
    }
    if (t instanceof ExportFun || t instanceof LocalFun) {
      const s = strChars(formatTerm(t));
      return leaf(s, s.length);
    }
    if (Array.isArray(t)) {
      if (d === 1) return leaf(strChars('{...}'), 5);
      stack.push({ k: 'tuple', items: [], t, i: 0, d, rest: null });
      return undefined;
    }
    if (t instanceof ErlMap) {
      if (d === 1) return leaf(strChars('#{...}'), 6);
      stack.push({ k: 'map', items: [], t, i: 0, d, d0: d - 1, key: undefined, rest: null });
      return undefined;
    }
    if (t instanceof BitString) return this.binary(t, d);
    // Numbers, pids, ports, refs.
    return leaf(writeTerm(t, -1, 'latin1'));
  }

  private binary(t: BitString, d: number): Node {
    if (t.bitSize === 0) return leaf(strChars('<<>>'), 4);
    if (d === 1) return leaf(strChars('<<...>>'), 7);
    if (this.o.strings && t.isBinary) {
      const r = this.printableBin(t, d - 1);
      if (r !== undefined) {
        const s = writeString(r.cs, 0x22, 'unicode');
        const out = strChars('<<');
        append(out, s);
        if (r.truncated) pushStr(out, r.plain ? '...>>' : '/utf8...>>');
        else pushStr(out, r.plain ? '>>' : '/utf8>>');
        const len = r.plain ? s.length + (r.truncated ? 7 : 4) : charsLength(s) + (r.truncated ? 12 : 9);
        return leaf(out, len);
      }
    }
    const pieces = binaryPieces(t, d);
    return { k: 'bin', pieces, len: 4 + pieces.reduce((n, p) => n + p.length, 0) + pieces.length - 1 };
  }

  /** printable_list/4 with T < 0: the characters when the list prints as a string. */
  private printableList(t: Cons): Chars | undefined {
    const uni = this.o.encoding === 'unicode' && this.o.printableRange === 'unicode';
    const cs: Chars = [];
    let l: Term = t;
    for (; l instanceof Cons; l = l.tail) {
      const c = l.head;
      if (typeof c !== 'number' || !(uni ? printableUnicode(c) : printableLatin1(c))) return undefined;
      cs.push(c);
    }
    return l === NIL ? cs : undefined;
  }

  /**
   * printable_bin0/4 (T < 0) with `d` the remaining depth (negative: unlimited): the
   * characters to show as a string, whether the bytes are the characters (`plain`, else the
   * text is written with /utf8), and whether only a prefix is shown.
   */
  private printableBin(b: BitString, d: number): { cs: Chars; plain: boolean; truncated: boolean } | undefined {
    const size = b.byteSize;
    const len = d >= 0 ? Math.min(4 * d, size) : size;
    if (len === 0) return undefined;
    if (this.o.encoding === 'unicode') {
      const bytes = b.bytes;
      // valid_utf8/2: the first `len` characters decode (or the binary ends before).
      let valid = true;
      for (let i = 0, n = len; i < size && n > 0; n--) {
        const r = utf8At(bytes, i, size);
        if (r === undefined) {
          valid = false;
          break;
        }
        i = r.next;
      }
      if (valid) {
        // printable_unicode/4
        const range = this.o.printableRange;
        const cs: Chars = [];
        let i = 0;
        let left = len;
        while (left > 0 && i < size) {
          const r = utf8At(bytes, i, size);
          if (r === undefined || !(range === 'unicode' ? printableUnicode(r.c) : printableLatin1(r.c))) break;
          cs.push(r.c);
          i = r.next;
          left--;
        }
        if (i === size) return { cs, plain: size === cs.length, truncated: false };
        if (d > 0 && len - left >= d) return { cs, plain: i === cs.length, truncated: true };
        return undefined;
      }
    }
    return this.printableBinLatin1(b, len, d);
  }

  private printableBinLatin1(b: BitString, len: number, d: number): { cs: Chars; plain: true; truncated: boolean } | undefined {
    const bytes = b.bytes;
    const size = b.byteSize;
    const take = (n: number) => Array.from(bytes.subarray(0, n));
    const n = Math.min(20, len);
    let k = 0;
    while (k < n && printableLatin1(bytes[k])) k++;
    if (k === n) {
      if (n === size) return { cs: take(n), plain: true, truncated: false };
      if (n === len) return { cs: take(n), plain: true, truncated: true };
      // printable_bin1/3: scan on up to `len`; NC = characters left from the first bad one.
      let j = n;
      while (j < len && printableLatin1(bytes[j])) j++;
      const nc = len - j;
      if (nc === 0 && size === len) return { cs: take(size), plain: true, truncated: false };
      if (d > 0 && len - nc >= d) return { cs: take(len - nc), plain: true, truncated: true };
      return undefined;
    }
    const nc = n - k;
    if (d > 0 && n - nc >= d) return { cs: take(n - nc), plain: true, truncated: true };
    return undefined;
  }
}

function finish(f: Frame): Node {
  switch (f.k) {
    case 'list':
      return { k: 'list', items: f.items, rest: f.rest, len: listLength(f.items, f.rest, 2) };
    case 'tuple':
      return {
        k: 'tuple',
        tagged: f.t[0] instanceof Atom && f.t.length > 1,
        items: f.items,
        rest: f.rest,
        len: listLength(f.items, f.rest, 2),
      };
    case 'map':
      return { k: 'map', items: f.items, rest: f.rest, len: listLength(f.items, f.rest, 3) };
  }
}

/** list_length/3: separators between elements, `...` for a cut-off rest. */
function listLength(items: Node[], rest: Rest, acc: number): number {
  let n = acc;
  for (let i = 0; i < items.length; i++) n += items[i].len + (i > 0 ? 1 : 0);
  if (rest !== null) n += (rest === DOTS ? 3 : rest.len) + (items.length > 0 ? 1 : 0);
  return n;
}

// ------------------------------------------------------------------ writing on one line

/** write/1: the node on one line. */
function write(node: Node, out: Chars): void {
  const stack: (Node | string)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') {
      pushStr(out, n);
      continue;
    }
    switch (n.k) {
      case 'leaf':
        append(out, n.s);
        break;
      case 'list':
        out.push(0x5b);
        stack.push(']');
        pushList(n.items, n.rest, '|', stack);
        break;
      case 'tuple':
        out.push(0x7b);
        stack.push('}');
        pushList(n.items, n.rest, ',', stack);
        break;
      case 'map':
        out.push(0x23, 0x7b);
        stack.push('}');
        pushList(n.items, n.rest, ',', stack);
        break;
      case 'pair':
        stack.push(n.val, ' => ', n.key);
        break;
      case 'bin':
        pushStr(out, `<<${n.pieces.join(',')}>>`);
        break;
    }
  }
}

/** write_list/2 onto the write stack (in reverse). */
function pushList(items: Node[], rest: Rest, sep: string, stack: (Node | string)[]): void {
  if (items.length === 0 && rest === DOTS) {
    stack.push('...');
    return;
  }
  if (rest === DOTS) stack.push(sep + '...');
  else if (rest !== null) stack.push(rest, sep);
  for (let i = items.length - 1; i >= 0; i--) {
    stack.push(items[i]);
    if (i > 0) stack.push(',');
  }
}

// ------------------------------------------------------------------ shared conditions

/** last_depth/2 for the element at `i`: 0 while more elements follow. */
const lastDepth = (items: Node[], i: number, ld: number) => (i + 1 < items.length ? 0 : ld + 1);
/** The guard of pp_tail/cind_tail (and the pair/field variants) for keeping an element on the line. */
function fitsTail(e: Node, ld1: number, col: number, ll: number, m: number, w: number, atm: boolean): boolean {
  const elen = 1 + e.len;
  return atm && (ld1 === 0 ? elen + 1 < ll - col && w + elen + 1 <= m : elen < ll - col - ld1 && w + elen + ld1 <= m);
}
const fits = (n: Node, col: number, ll: number, m: number, ld: number, w: number) => n.len < ll - col - ld && n.len + w + ld <= m;
const atmPair = (p: Node) => p.k === 'pair' && isLeaf(p.key) && isLeaf(p.val);
const mapValueIndent = (tind: number) => (tind > 0 ? tind : 4);

// ------------------------------------------------------------------ layout (pp)

type Task =
  | { t: 'pp'; n: Node; col: number; ind: number; ld: number; w: number }
  | { t: 'lit'; s: string }
  | { t: 'tail'; items: Node[]; i: number; rest: Rest; col0: number; col: number; ind: number; ld: number; sep: string; w: number }
  | { t: 'pairs'; items: Node[]; i: number; rest: Rest; col0: number; col: number; ind: number; ld: number; w: number };

class Layout {
  private readonly stack: Task[] = [];
  constructor(
    private readonly ll: number,
    private readonly m: number,
    private readonly tind: number,
    private readonly out: Chars,
  ) {}

  run(node: Node, col: number, ind: number): void {
    const stack = this.stack;
    stack.push({ t: 'pp', n: node, col, ind, ld: 0, w: 0 });
    while (stack.length > 0) {
      const k = stack.pop()!;
      switch (k.t) {
        case 'pp':
          this.pp(k.n, k.col, k.ind, k.ld, k.w);
          break;
        case 'lit':
          pushStr(this.out, k.s);
          break;
        case 'tail':
          this.tail(k.items, k.i, k.rest, k.col0, k.col, k.ind, k.ld, k.sep, k.w);
          break;
        case 'pairs':
          this.pairs(k.items, k.i, k.rest, k.col0, k.col, k.ind, k.ld, k.w);
          break;
      }
    }
  }

  private newline(ind: number): void {
    this.out.push(0x0a);
    for (let i = 0; i < ind; i++) this.out.push(0x20);
  }

  /** pp/8 */
  private pp(n: Node, col: number, ind: number, ld: number, w: number): void {
    const out = this.out;
    if (fits(n, col, this.ll, this.m, ld, w)) {
      write(n, out);
      return;
    }
    switch (n.k) {
      case 'list':
        out.push(0x5b);
        this.stack.push({ t: 'lit', s: ']' });
        this.list(n.items, 0, n.rest, col + 1, ind + 1, ld, '|', w + 1);
        break;
      case 'tuple':
        out.push(0x7b);
        this.stack.push({ t: 'lit', s: '}' });
        if (n.tagged) this.tagTuple(n.items, n.rest, col, ind, ld, w + 1);
        else this.list(n.items, 0, n.rest, col + 1, ind + 1, ld, ',', w + 1);
        break;
      case 'map':
        out.push(0x23, 0x7b);
        this.stack.push({ t: 'lit', s: '}' });
        this.map(n.items, n.rest, col + 2, ind + 2, ld, w + 1);
        break;
      case 'bin':
        this.binary(n.pieces, col + 2, ind + 2, ld, w);
        break;
      default:
        write(n, out);
    }
  }

  /** pp_tag_tuple/8: the tag, then the elements after it or indented by TInd. */
  private tagTuple(items: Node[], rest: Rest, col: number, ind: number, ld: number, w: number): void {
    const tag = items[0];
    const tlen = tag.len;
    const tagInd = tlen + 2;
    const tcol = col + tagInd;
    write(tag, this.out);
    if (this.tind > 0 && tagInd > this.tind) {
      this.tail(items, 1, rest, col + this.tind, tcol, this.tind + ind, ld, ',', w + tlen);
    } else {
      this.out.push(0x2c);
      this.list(items, 1, rest, tcol, tagInd + ind, ld, ',', w + tlen + 1);
    }
  }

  /** pp_list/9 from element `start`. */
  private list(items: Node[], start: number, rest: Rest, col0: number, ind: number, ld: number, sep: string, w: number): void {
    if (start >= items.length) {
      pushStr(this.out, '...'); // only a cut-off rest
      return;
    }
    const e = items[start];
    const ld1 = lastDepth(items, start, ld);
    if (fits(e, col0, this.ll, this.m, ld1, w) && isLeaf(e)) {
      // pp_element/8 writing in place
      write(e, this.out);
      this.tail(items, start + 1, rest, col0, col0 + e.len, ind, ld, sep, w + e.len);
    } else {
      const ll = this.ll;
      this.stack.push({ t: 'tail', items, i: start + 1, rest, col0, col: col0 + ll, ind, ld, sep, w: w + ll });
      this.stack.push({ t: 'pp', n: e, col: col0, ind, ld: ld1, w });
    }
  }

  /** pp_tail/10 from element `i`. */
  private tail(items: Node[], i: number, rest: Rest, col0: number, col: number, ind: number, ld: number, sep: string, w: number): void {
    const { ll, m, out } = this;
    for (; i < items.length; i++) {
      const e = items[i];
      const ld1 = lastDepth(items, i, ld);
      out.push(0x2c);
      if (fitsTail(e, ld1, col, ll, m, w, isLeaf(e))) {
        write(e, out);
        col += 1 + e.len;
        w += 1 + e.len;
        continue;
      }
      this.newline(ind);
      if (fits(e, col0, ll, m, ld1, 0) && isLeaf(e)) {
        write(e, out);
        col = col0 + e.len;
        w = e.len;
      } else {
        this.stack.push({ t: 'tail', items, i: i + 1, rest, col0, col: col0 + ll, ind, ld, sep, w: ll });
        this.stack.push({ t: 'pp', n: e, col: col0, ind, ld: ld1, w: 0 });
        return;
      }
    }
    if (rest === null) return;
    pushStr(out, sep);
    if (rest === DOTS) {
      pushStr(out, '...');
    } else if (isLeaf(rest) && rest.len + 1 < ll - col - (ld + 1) && rest.len + 1 + w + (ld + 1) <= m) {
      write(rest, out);
    } else {
      this.newline(ind);
      this.stack.push({ t: 'pp', n: rest, col: col0, ind, ld: ld + 1, w: 0 });
    }
  }

  /** pp_map/8 */
  private map(items: Node[], rest: Rest, col: number, ind: number, ld: number, w: number): void {
    if (items.length === 0) return; // cannot happen: empty and depth-cut maps are leaves
    const p = items[0];
    const ld0 = lastDepth(items, 0, ld);
    const pw = this.pairWidth(p, col, ld0, w);
    this.stack.push({ t: 'pairs', items, i: 1, rest, col0: col, col: col + pw, ind, ld, w: pw });
    this.pair(p, col, ind, ld0, w);
  }

  /** pp_pairs_tail/9 from pair `i`. */
  private pairs(items: Node[], i: number, rest: Rest, col0: number, col: number, ind: number, ld: number, w: number): void {
    const { ll, m, out } = this;
    for (; i < items.length; i++) {
      const p = items[i];
      const ld1 = lastDepth(items, i, ld);
      out.push(0x2c);
      if (fitsTail(p, ld1, col, ll, m, w, atmPair(p))) {
        write(p, out);
        col += 1 + p.len;
        w += 1 + p.len;
        continue;
      }
      this.newline(ind);
      const pw = this.pairWidth(p, col0, ld1, 0);
      this.stack.push({ t: 'pairs', items, i: i + 1, rest, col0, col: col0 + pw, ind, ld, w: pw });
      this.pair(p, col0, ind, ld1, 0);
      return;
    }
    if (rest === DOTS) pushStr(out, ',...');
  }

  /** The width pp_pair/8 reports: the pair's length if written in place and atomic, else the line length. */
  private pairWidth(p: Node, col: number, ld: number, w: number): number {
    return fits(p, col, this.ll, this.m, ld, w) && atmPair(p) ? p.len : this.ll;
  }

  /** pp_pair/8: in place, or key, ` =>`, and the value on the next line. */
  private pair(p: Node, col: number, ind: number, ld: number, w: number): void {
    if (fits(p, col, this.ll, this.m, ld, w)) {
      write(p, this.out);
      return;
    }
    const { key, val } = p as PairNode;
    const i = mapValueIndent(this.tind);
    this.stack.push({ t: 'pp', n: val, col: col + i, ind: i + ind, ld, w: 0 });
    this.stack.push({ t: 'lit', s: ' =>\n' + ' '.repeat(i + ind) });
    this.stack.push({ t: 'pp', n: key, col, ind, ld, w });
  }

  /** pp_binary/7: bytes filled into lines of at least 8 columns. */
  private binary(pieces: string[], col: number, ind: number, ld: number, w: number): void {
    const out = this.out;
    const n0 = Math.max(8, Math.min(this.ll - col, this.m - 4 - w) - ld);
    let n = n0;
    pushStr(out, '<<');
    for (let i = 0; i < pieces.length - 1; i++) {
      const bs = pieces[i];
      const len = bs.length + 1;
      if (n - len < 0) {
        this.newline(ind);
        n = n0 - len;
      } else {
        n -= len;
      }
      pushStr(out, bs);
      out.push(0x2c);
    }
    const last = pieces[pieces.length - 1];
    if (last.length > n) this.newline(ind);
    pushStr(out, last);
    pushStr(out, '>>');
  }
}

// ------------------------------------------------------------------ choosing the tuple indentation (cind)

type CTask =
  | { t: 'cind'; n: Node; col: number; ld: number; w: number }
  | { t: 'tail'; items: Node[]; i: number; rest: Rest; col0: number; col: number; ld: number; w: number };

/**
 * cind/7 with a candidate indentation `ind`: whether laying the term out with it keeps every
 * tagged tuple within bounds (OTP throws no_good otherwise). Only success matters, not the
 * order in which the parts are checked.
 */
class Cind {
  private readonly stack: CTask[] = [];
  constructor(
    private readonly ll: number,
    private readonly m: number,
    private readonly ind: number,
  ) {}

  fits(node: Node, col: number): boolean {
    const stack = this.stack;
    stack.push({ t: 'cind', n: node, col, ld: 0, w: 0 });
    while (stack.length > 0) {
      const k = stack.pop()!;
      const ok = k.t === 'cind' ? this.cind(k.n, k.col, k.ld, k.w) : this.tail(k.items, k.i, k.rest, k.col0, k.col, k.ld, k.w);
      if (!ok) return false;
    }
    return true;
  }

  private cind(n: Node, col: number, ld: number, w: number): boolean {
    if (fits(n, col, this.ll, this.m, ld, w)) return true;
    switch (n.k) {
      case 'list':
        this.list(n.items, 0, n.rest, col + 1, ld, w + 1);
        return true;
      case 'tuple':
        if (n.tagged) return this.tagTuple(n.items, n.rest, col, ld, w + 1);
        this.list(n.items, 0, n.rest, col + 1, ld, w + 1);
        return true;
      case 'map':
        this.map(n.items, col + 2, ld, w + 2);
        return true;
      default:
        return true;
    }
  }

  private tagTuple(items: Node[], rest: Rest, col: number, ld: number, w: number): boolean {
    const { ll, m, ind } = this;
    const tlen = items[0].len;
    const tagInd = tlen + 2;
    const tcol = col + tagInd;
    const half = Math.floor(ll / 2);
    if (ind > 0 && tagInd > ind) {
      const col1 = col + ind;
      if (!(m + col1 <= ll || col1 <= half)) return false;
      return this.tail(items, 1, rest, col1, tcol, ld, w + tlen);
    }
    if (!(m + tcol < ll || tcol < half)) return false;
    this.list(items, 1, rest, tcol, ld, w + tlen + 1);
    return true;
  }

  /** cind_list/7 */
  private list(items: Node[], start: number, rest: Rest, col0: number, ld: number, w: number): void {
    if (start >= items.length) return;
    const e = items[start];
    const ld1 = lastDepth(items, start, ld);
    const we = this.element(e, col0, ld1, w);
    this.stack.push({ t: 'tail', items, i: start + 1, rest, col0, col: col0 + we, ld, w: w + we });
  }

  /** cind_tail/8 */
  private tail(items: Node[], i: number, rest: Rest, col0: number, col: number, ld: number, w: number): boolean {
    const { ll, m } = this;
    for (; i < items.length; i++) {
      const e = items[i];
      const ld1 = lastDepth(items, i, ld);
      if (fitsTail(e, ld1, col, ll, m, w, isLeaf(e))) {
        col += 1 + e.len;
        w += 1 + e.len;
      } else {
        const we = this.element(e, col0, ld1, 0);
        col = col0 + we;
        w = we;
      }
    }
    if (rest === null || rest === DOTS) return true;
    if (isLeaf(rest) && rest.len + 1 < ll - col - (ld + 1) && rest.len + 1 + w + (ld + 1) <= m) return true;
    this.stack.push({ t: 'cind', n: rest, col, ld: ld + 1, w: 0 });
    return true;
  }

  /** cind_element/7: the width it reports; a nested check is queued. */
  private element(e: Node, col: number, ld: number, w: number): number {
    if (fits(e, col, this.ll, this.m, ld, w) && isLeaf(e)) return e.len;
    this.stack.push({ t: 'cind', n: e, col, ld, w });
    return this.ll;
  }

  /** cind_map/7 and cind_pairs_tail/8. */
  private map(items: Node[], col: number, ld: number, w: number): void {
    if (items.length === 0) return;
    const { ll, m } = this;
    const pw0 = this.pair(items[0], col, lastDepth(items, 0, ld), w);
    let c = col + pw0;
    let ww = w + pw0;
    for (let i = 1; i < items.length; i++) {
      const p = items[i];
      const ld1 = lastDepth(items, i, ld);
      if (fitsTail(p, ld1, c, ll, m, ww, atmPair(p))) {
        c += 1 + p.len;
        ww += 1 + p.len;
      } else {
        const pw = this.pair(p, col, ld1, 0);
        c = col + pw;
        ww = pw;
      }
    }
  }

  /** cind_pair/7: the width it reports; nested checks are queued. */
  private pair(p: Node, col: number, ld: number, w: number): number {
    if (fits(p, col, this.ll, this.m, ld, w)) return atmPair(p) ? p.len : this.ll;
    const { key, val } = p as PairNode;
    this.stack.push({ t: 'cind', n: key, col, ld, w });
    this.stack.push({ t: 'cind', n: val, col: col + mapValueIndent(this.ind), ld, w: 0 });
    return this.ll;
  }
}
