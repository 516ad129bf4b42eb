import type { Atom } from '../../runtime/term/atom.js';
import { int, type ErlInteger, type Term } from '../../runtime/term/term.js';
import type { ByteCursor } from './bytes.js';
import type { AllocItem, Operand } from './operand.js';

const ALLOC_KINDS = ['words', 'floats', 'funs'] as const;

/** The tag in the low 3 bits of an operand's first byte. */
export const enum Tag {
  U = 0, // untagged unsigned: counts, sizes, import/string indices
  I = 1, // integer
  A = 2, // atom index, 0 meaning []
  X = 3,
  Y = 4,
  F = 5, // label
  H = 6, // character
  Z = 7, // extended
}

/** The extended (z) forms, selected by the value of a small z operand. */
const enum Ext {
  Float = 0,
  List = 1,
  FloatReg = 2,
  AllocList = 3,
  Literal = 4,
  TypedReg = 5,
}

/** What operands refer to: the module's atom, literal and type tables. */
export interface OperandTables {
  readonly atoms: readonly Atom[];
  readonly literals: readonly Term[];
  readonly typeCount: number | undefined;
}

/**
 * Reads one tagged value: `NNNN0TTT` (4-bit value), `NNN01TTT NNNNNNNN` (11 bits), or
 * `LLL11TTT` followed by L+2 bytes big-endian (L = 7: a nested `u` value gives the length − 9).
 * Only the `i` tag is signed (two's complement), as in beam_disasm.
 */
export function readTagged(c: ByteCursor): { tag: Tag; value: ErlInteger; small: boolean } {
  const b = c.u8('operand');
  const tag = (b & 7) as Tag;
  if ((b & 0x08) === 0) return { tag, value: b >> 4, small: true };
  if ((b & 0x10) === 0) return { tag, value: ((b & 0xe0) << 3) | c.u8('operand'), small: false };
  let len = (b >> 5) + 2;
  if (len === 9) {
    const at = c.pos;
    const n = readTagged(c);
    if (n.tag !== Tag.U || typeof n.value !== 'number') c.fail('bad length of a large operand', at);
    len = n.value + 9;
  }
  const bytes = c.take(len, 'large operand');
  let v: ErlInteger;
  if (len <= 6) {
    let n = 0;
    for (let i = 0; i < len; i++) n = n * 256 + bytes[i];
    if (tag === Tag.I && bytes[0] & 0x80) n -= 2 ** (8 * len);
    v = n;
  } else {
    let n = 0n;
    for (let i = 0; i < len; i++) n = (n << 8n) | BigInt(bytes[i]);
    if (tag === Tag.I && bytes[0] & 0x80) n -= 1n << BigInt(8 * len);
    v = int(n);
  }
  return { tag, value: v, small: false };
}

/** A non-negative value that fits a JS number, for counts, indices and register numbers. */
function index(c: ByteCursor, v: ErlInteger, what: string, at: number): number {
  if (typeof v !== 'number' || v < 0) c.fail(`${what} ${v} out of range`, at);
  return v;
}

/** Reads a `u`-tagged value (used inside extended forms). */
export function readUnsigned(c: ByteCursor, what: string): number {
  const at = c.pos;
  const t = readTagged(c);
  if (t.tag !== Tag.U) c.fail(`expected an untagged ${what}, found tag ${t.tag}`, at);
  return index(c, t.value, what, at);
}

export function readOperand(c: ByteCursor, tables: OperandTables, inList = false): Operand {
  const at = c.pos;
  const t = readTagged(c);
  switch (t.tag) {
    case Tag.U:
      return { kind: 'u', value: index(c, t.value, 'unsigned operand', at) };
    case Tag.I:
      return { kind: 'i', value: t.value };
    case Tag.A: {
      const i = index(c, t.value, 'atom index', at);
      if (i === 0) return { kind: 'nil' };
      if (i > tables.atoms.length) c.fail(`atom index ${i} beyond the ${tables.atoms.length} atoms`, at);
      return { kind: 'atom', value: tables.atoms[i - 1] };
    }
    case Tag.X:
      return { kind: 'x', n: index(c, t.value, 'x register', at) };
    case Tag.Y:
      return { kind: 'y', n: index(c, t.value, 'y register', at) };
    case Tag.F:
      return { kind: 'f', label: index(c, t.value, 'label', at) };
    case Tag.H:
      return { kind: 'char', value: index(c, t.value, 'character', at) };
    case Tag.Z:
      if (!t.small) c.fail('malformed extended operand', at);
      return readExtended(c, t.value as number, tables, inList, at);
  }
}

function readExtended(c: ByteCursor, ext: number, tables: OperandTables, inList: boolean, at: number): Operand {
  switch (ext) {
    case Ext.Float: {
      const value = c.f64('float operand');
      if (!Number.isFinite(value)) c.fail('float operand is not finite', at);
      return { kind: 'float', value };
    }
    case Ext.List: {
      // Lists never nest in real code; refusing them bounds recursion on corrupt input.
      if (inList) c.fail('list operand inside a list', at);
      const n = c.count(readUnsigned(c, 'list length'), 1, 'list operand');
      const items: Operand[] = new Array(n);
      for (let i = 0; i < n; i++) items[i] = readOperand(c, tables, true);
      return { kind: 'list', items };
    }
    case Ext.FloatReg:
      return { kind: 'fr', n: readUnsigned(c, 'float register') };
    case Ext.AllocList: {
      const n = c.count(readUnsigned(c, 'allocation list length'), 2, 'allocation list');
      const totals = { words: 0, floats: 0, funs: 0 };
      const items: AllocItem[] = [];
      for (let i = 0; i < n; i++) {
        const kindAt = c.pos;
        const k = ALLOC_KINDS[readUnsigned(c, 'allocation kind')];
        const value = readUnsigned(c, 'allocation size');
        if (k === undefined) c.fail('unknown allocation kind', kindAt);
        totals[k] += value;
        items.push({ kind: k, n: value });
      }
      return { kind: 'alloc', ...totals, items };
    }
    case Ext.Literal: {
      const i = readUnsigned(c, 'literal index');
      if (i >= tables.literals.length) c.fail(`literal index ${i} beyond the ${tables.literals.length} literals`, at);
      return { kind: 'literal', index: i, value: tables.literals[i] };
    }
    case Ext.TypedReg: {
      const regAt = c.pos;
      const r = readTagged(c);
      if (r.tag !== Tag.X && r.tag !== Tag.Y) c.fail('typed register is not an x or y register', regAt);
      const n = index(c, r.value, 'register', regAt);
      const type = readUnsigned(c, 'type index');
      if (tables.typeCount === undefined) c.fail('typed register but no Type chunk', at);
      if (type >= tables.typeCount) c.fail(`type index ${type} beyond the ${tables.typeCount} types`, at);
      return { kind: r.tag === Tag.X ? 'x' : 'y', n, type };
    }
    default:
      return c.fail(`unknown extended operand kind ${ext}`, at);
  }
}
