/**
 * Bit-syntax instructions → calls into runtime/term/bits (BitWriter, MatchContext). Called
 * from instructions.ts, which stays the index of every opcode. Flags operands are literal
 * atom lists (OTP 25+) or numbers (older instructions) and are folded at compile time.
 */
import { Atom } from '../../runtime/term/atom.js';
import { listToArray } from '../../runtime/term/list.js';
import type { Operand } from '../beam/operand.js';
import { CompileError, jump, reg, unsigned, val, where, type FunctionContext } from './context.js';
import * as J from './js.js';

const id = J.id;
const FLAG_BITS: Record<string, number> = { little: 0x02, signed: 0x04, native: 0x10, big: 0, unsigned: 0 };

/** A flags operand (nil, a literal list of atoms, or a number) as the runtime's bit mask. */
export function flagsOf(o: Operand): number {
  if (o.kind === 'nil') return 0;
  if (o.kind === 'u') return o.value;
  if (o.kind === 'literal') {
    let f = 0;
    for (const a of listToArray(o.value) ?? []) if (a instanceof Atom) f |= FLAG_BITS[a.name] ?? 0;
    return f;
  }
  throw new CompileError(`bad bit-syntax flags operand ${o.kind}`);
}

/** `if (!(ok)) { L = fail; continue; }`, or nothing for `no_fail` / `resume`. */
function failUnless(fail: Operand, ok: J.Expr): J.Stmt[] {
  if (fail.kind !== 'f' || fail.label === 0) return [J.expr(ok)];
  return [J.ifs(J.not(ok), jump(fail.label))];
}

/** `t = expr; if (t === undefined) jump fail; Dst = t` for a getter. */
function get(cx: FunctionContext, fail: Operand, expr: J.Expr, dst: Operand): J.Stmt[] {
  return [
    J.assign(id('t'), expr),
    ...(fail.kind === 'f' && fail.label !== 0 ? [J.ifs(J.bin('===', id('t'), J.undef), jump(fail.label))] : []),
    J.assign(reg(cx, dst), id('t')),
  ];
}

const method = (ctx: J.Expr, name: string, args: J.Expr[]) => J.call(J.member(ctx, name), args);

/** `bs_create_bin Fail Alloc Live Unit Dst {list, [Type, Seg, Unit, Flags, Value, Size]...}`. */
export function createBin(cx: FunctionContext, a: Operand[]): J.Stmt[] {
  const ops = a[5].kind === 'list' ? a[5].items : [];
  const body = specialisedCreateBin(cx, ops) ?? [J.expr(genericCreateBin(cx, ops))];
  const last = body.length - 1;
  body[last] = J.assign(reg(cx, a[4]), (body[last] as unknown as { expression: J.Expr }).expression);
  if (a[0].kind !== 'f' || a[0].label === 0) return body;
  return [J.tryCatch(body, 'e', [J.ifs(J.not(J.instanceOf(id('e'), id('ErlangException'))), [J.throwS(id('e'))]), ...jump(a[0].label)])];
}

/** `createBin([{type, unit, flags, value, size}, ...])`: the runtime interprets the segments. */
function genericCreateBin(cx: FunctionContext, ops: Operand[]): J.Expr {
  const segs: J.Expr[] = [];
  for (let k = 0; k + 5 < ops.length; k += 6) {
    const [type, , unit, flags, value, size] = ops.slice(k, k + 6);
    if (type.kind !== 'atom') throw new CompileError(`${where(cx)}: bad bs_create_bin segment type`);
    const props: [string, J.Expr][] = [
      ['type', J.str(type.value.name)],
      ['unit', J.num(unsigned(unit))],
      ['flags', J.num(flagsOf(flags))],
    ];
    if (type.value.name === 'string') {
      props.push(['value', cx.mod.stringConst(unsigned(value), size.kind === 'u' || size.kind === 'i' ? Number(size.value) : 0)]);
    } else {
      props.push(['value', val(cx, value)]);
      if (size.kind === 'atom' && size.value.name === 'undefined') {
        /* utf segments: no size */
      } else props.push(['size', val(cx, size)]);
    }
    segs.push({
      type: 'ObjectExpression',
      properties: props.map(([k2, v]) => ({ type: 'Property', key: id(k2), value: v, kind: 'init', computed: false, method: false, shorthand: false })),
    });
  }
  return J.call(id('createBin'), [J.array(segs)]);
}

/** A literal non-negative size operand's value, else undefined. */
function literalSize(o: Operand): number | undefined {
  if ((o.kind === 'i' || o.kind === 'u') && typeof o.value === 'number' && o.value >= 0) return o.value;
  return undefined;
}

/**
 * `bs_create_bin` as straight-line calls on the shared writer `BSW`, in the order the generic
 * `createBin` works: first every segment's size (checks included: `segmentBits` for a dynamic
 * Size, `binAllBits` for `/binary` of size all, `utfBits`), summed into the writer's `begin` /
 * `beginAppend`, then one write per segment and the last statement `BSW.finish()` (the caller
 * assigns it). Undefined for a shape it does not cover (left to the generic path).
 */
function specialisedCreateBin(cx: FunctionContext, ops: Operand[]): J.Stmt[] | undefined {
  const W = id('BSW');
  let constBits = 0;
  const dynSizes: J.Expr[] = [];
  const writes: J.Stmt[] = [];
  let appendTo: { value: J.Expr; unit: number; priv: boolean } | undefined;
  for (let k = 0; k + 5 < ops.length; k += 6) {
    const [type, , unitOp, flagsOp, value, size] = ops.slice(k, k + 6);
    if (type.kind !== 'atom' || unitOp.kind !== 'u') return undefined;
    const unit = unitOp.value;
    const flags = flagsOf(flagsOp);
    const lit = literalSize(size);
    const isAll = size.kind === 'atom' && size.value.name === 'all';
    const V = () => val(cx, value);
    const write = (name: string, args: J.Expr[]) => writes.push(J.expr(method(W, name, args)));
    /** A segment sized at run time: its size checked up front, then written by `name`. */
    const dynamic = (name: string, extra: J.Expr[]): boolean => {
      if (size.kind === 'atom') return false;
      dynSizes.push(J.call(id('segmentBits'), [val(cx, size), J.num(unit)]));
      write(name, [V(), val(cx, size), J.num(unit), ...extra]);
      return true;
    };
    switch (type.value.name) {
      case 'append':
      case 'private_append':
        if (k !== 0) return undefined;
        appendTo = { value: V(), unit, priv: type.value.name === 'private_append' };
        break;
      case 'integer':
        if (lit !== undefined) {
          constBits += lit * unit;
          if (lit * unit === 8) write('u8', [V()]);
          else write('int', [V(), J.num(lit * unit), J.num(flags)]);
        } else if (!dynamic('integer', [J.num(flags)])) return undefined;
        break;
      case 'float':
        if (lit !== undefined) {
          constBits += lit * unit;
          write('floatBits', [V(), J.num(lit * unit), J.num(flags)]);
        } else if (!dynamic('float', [J.num(flags)])) return undefined;
        break;
      case 'binary':
        if (isAll) {
          dynSizes.push(J.call(id('binAllBits'), [V(), J.num(unit)]));
          write('binaryAll', [V(), J.num(unit)]);
        } else if (lit !== undefined) {
          constBits += lit * unit;
          write('binary', [V(), J.num(lit * unit), J.num(1)]);
        } else if (!dynamic('binary', [])) return undefined;
        break;
      case 'string': {
        if (lit === undefined) return undefined;
        constBits += lit * 8;
        write('string', [cx.mod.stringConst(unsigned(value), lit)]);
        break;
      }
      case 'utf8':
      case 'utf16':
      case 'utf32': {
        const kind = Number(type.value.name.slice(3));
        dynSizes.push(J.call(id('utfBits'), [V(), J.num(kind)]));
        if (kind === 8) write('utf8', [V()]);
        else write(type.value.name, [V(), J.num(flags)]);
        break;
      }
      default:
        return undefined;
    }
  }
  // One segment appended: a helper that writes in place without the writer when it can.
  if (appendTo && ops.length === 12 && ops[6].kind === 'atom') {
    const [type, , unitOp, , value, size] = ops.slice(6, 12);
    const lit = literalSize(size);
    const U = J.num(appendTo.unit);
    // private_append: the accumulator is the compiler's alone, it grows in place.
    const P = appendTo.priv ? [J.bool(true)] : [];
    switch (type.kind === 'atom' ? type.value.name : '') {
      case 'integer':
        if (lit !== undefined && lit * unsigned(unitOp) === 8) return [J.expr(J.call(id('appendByte'), [appendTo.value, U, val(cx, value), ...P]))];
        break;
      case 'string':
        if (lit !== undefined) return [J.expr(J.call(id('appendBytes'), [appendTo.value, U, cx.mod.stringConst(unsigned(value), lit), ...P]))];
        break;
      case 'binary':
        if (size.kind === 'atom' && size.value.name === 'all') return [J.expr(J.call(id('appendBinary'), [appendTo.value, U, val(cx, value), J.num(unsigned(unitOp)), ...P]))];
        break;
    }
  }
  // Literal sizes too large to be sure of (system_limit) go the generic way.
  if (constBits > 2 ** 30) return undefined;
  let total: J.Expr | undefined = constBits > 0 || dynSizes.length === 0 ? J.num(constBits) : undefined;
  for (const d of dynSizes) total = total === undefined ? d : J.bin('+', total, d);
  const begin = appendTo ? method(W, 'beginAppend', [appendTo.value, J.num(appendTo.unit), total!]) : method(W, 'begin', [total!]);
  return [J.expr(begin), ...writes, J.expr(method(W, 'finish', []))];
}

/**
 * OTP <= 24 construction: `bs_init2`/`bs_init_bits`/`bs_append`/`bs_private_append` open a
 * writer `bw` whose result lands in Dst after the following `bs_put_*` (see openBinary), and
 * the size helpers `bs_add`, `bs_utf8_size`, `bs_utf16_size`.
 */
export function oldConstruction(cx: FunctionContext, op: string, a: Operand[]): J.Stmt[] | undefined {
  const V = (i: number) => val(cx, a[i]);
  const bw = id('bw');
  const open = (init: J.Expr, dst: Operand): J.Stmt[] => {
    cx.openBinary = dst;
    return [J.assign(bw, init)];
  };
  const guarded = (stmts: J.Stmt[]): J.Stmt[] =>
    a[0].kind === 'f' && a[0].label !== 0
      ? [J.tryCatch(stmts, 'e', [J.ifs(J.not(J.instanceOf(id('e'), id('ErlangException'))), [J.throwS(id('e'))]), ...jump(a[0].label)])]
      : stmts;
  const all = (o: Operand) => o.kind === 'atom' && o.value.name === 'all';
  switch (op) {
    case 'bs_init2': // Fail Size Words Regs Flags Dst (Size in bytes)
      return guarded(open(J.call(J.member(id('BitWriter'), 'init2'), [V(1)]), a[5]));
    case 'bs_init_bits': // Fail Size Words Regs Flags Dst (Size in bits)
      return guarded(open(J.call(J.member(id('BitWriter'), 'initBits'), [V(1)]), a[5]));
    case 'bs_append': // Fail Size Extra Live Unit Bin Flags Dst
      return guarded(open(J.call(J.member(id('BitWriter'), 'append'), [V(5), J.num(unsigned(a[4])), V(1)]), a[7]));
    case 'bs_private_append': // Fail Size Unit Bin Flags Dst
      return guarded(open(J.call(J.member(id('BitWriter'), 'append'), [V(3), J.num(unsigned(a[2])), V(1)]), a[5]));
    case 'bs_put_integer': // Fail Size Unit Flags Src
      return guarded([J.expr(method(bw, 'integer', [V(4), V(1), J.num(unsigned(a[2])), J.num(flagsOf(a[3]))]))]);
    case 'bs_put_float':
      return guarded([J.expr(method(bw, 'float', [V(4), V(1), J.num(unsigned(a[2])), J.num(flagsOf(a[3]))]))]);
    case 'bs_put_binary':
      return guarded([J.expr(all(a[1]) ? method(bw, 'binaryAll', [V(4), J.num(unsigned(a[2]))]) : method(bw, 'binary', [V(4), V(1), J.num(unsigned(a[2]))]))]);
    case 'bs_put_string': // Len {string offset}
      return [J.expr(method(bw, 'string', [cx.mod.stringConst(unsigned(a[1]), unsigned(a[0]))]))];
    case 'bs_put_utf8': // Fail Flags Src
      return guarded([J.expr(method(bw, 'utf8', [V(2)]))]);
    case 'bs_put_utf16':
      return guarded([J.expr(method(bw, 'utf16', [V(2), J.num(flagsOf(a[1]))]))]);
    case 'bs_put_utf32':
      return guarded([J.expr(method(bw, 'utf32', [V(2), J.num(flagsOf(a[1]))]))]);
    case 'bs_add': // Fail Src1 Src2 Unit Dst
      return guarded([J.assign(reg(cx, a[4]), J.call(id('bsAdd'), [V(1), V(2), J.num(unsigned(a[3]))]))]);
    case 'bs_utf8_size': // Fail Src Dst
      return guarded([J.assign(reg(cx, a[2]), J.call(id('utf8Size'), [V(1)]))]);
    case 'bs_utf16_size':
      return guarded([J.assign(reg(cx, a[2]), J.call(id('utf16Size'), [V(1)]))]);
    default:
      return undefined;
  }
}

/** The `Dst = bw.finish()` that closes an OTP <= 24 construction, if one is open. */
export function closeBinary(cx: FunctionContext, nextOp: string): J.Stmt[] {
  if (cx.openBinary === undefined || nextOp.startsWith('bs_put_')) return [];
  const dst = cx.openBinary;
  cx.openBinary = undefined;
  return [J.assign(reg(cx, dst), method(id('bw'), 'finish', []))];
}

/** OTP 26 `bs_match Fail Ctx {list, Commands}`. */
export function bsMatch(cx: FunctionContext, a: Operand[]): J.Stmt[] {
  const fail = a[0];
  const ctx = val(cx, a[1]);
  const cmds = a[2].kind === 'list' ? a[2].items : [];
  const out: J.Stmt[] = [];
  const num = (o: Operand) => (o.kind === 'u' || o.kind === 'i' ? Number(o.value) : NaN);
  for (let k = 0; k < cmds.length; ) {
    const c = cmds[k];
    if (c.kind !== 'atom') throw new CompileError(`${where(cx)}: bad bs_match command`);
    switch (c.value.name) {
      case 'ensure_at_least':
        out.push(...failUnless(fail, method(ctx, 'ensureAtLeast', [val(cx, cmds[k + 1]), val(cx, cmds[k + 2])])));
        k += 3;
        break;
      case 'ensure_exactly':
        out.push(...failUnless(fail, method(ctx, 'ensureExactly', [val(cx, cmds[k + 1])])));
        k += 2;
        break;
      case 'integer':
        out.push(J.assign(reg(cx, cmds[k + 5]), method(ctx, 'readInt', [J.num(num(cmds[k + 3]) * num(cmds[k + 4])), J.num(flagsOf(cmds[k + 2]))])));
        k += 6;
        break;
      case 'binary':
        out.push(J.assign(reg(cx, cmds[k + 5]), method(ctx, 'readBinary', [J.num(num(cmds[k + 3]) * num(cmds[k + 4]))])));
        k += 6;
        break;
      case 'skip':
        out.push(J.expr(method(ctx, 'advance', [val(cx, cmds[k + 1])])));
        k += 2;
        break;
      case 'get_tail':
        out.push(J.assign(reg(cx, cmds[k + 3]), method(ctx, 'tail', [])));
        k += 4;
        break;
      case '=:=':
        out.push(...failUnless(fail, method(ctx, 'readEquals', [val(cx, cmds[k + 2]), val(cx, cmds[k + 3])])));
        k += 4;
        break;
      default:
        throw new CompileError(`${where(cx)}: unknown bs_match command ${c.value.name}`);
    }
  }
  return out;
}

/** The matching instructions of OTP 22-25 (and the start of every match). */
export function bitMatch(cx: FunctionContext, op: string, a: Operand[]): J.Stmt[] | undefined {
  const V = (i: number) => val(cx, a[i]);
  const isAll = (o: Operand) => o.kind === 'atom' && o.value.name === 'all';
  switch (op) {
    case 'bs_start_match3':
      return get(cx, a[0], J.call(id('startMatch'), [V(1)]), a[3]);
    case 'bs_start_match4':
      return get(cx, a[0], J.call(id('startMatch'), [V(2)]), a[3]);
    case 'bs_get_integer2': {
      // Literal sizes: the bit count folded (`int`), and `X:8` unsigned as `u8`.
      const lit = literalSize(a[3]);
      const flags = flagsOf(a[5]);
      if (lit === undefined) return get(cx, a[0], method(V(1), 'integer', [V(3), J.num(unsigned(a[4])), J.num(flags)]), a[6]);
      const bits = lit * unsigned(a[4]);
      return get(cx, a[0], bits === 8 && (flags & 0x04) === 0 ? method(V(1), 'u8', []) : method(V(1), 'int', [J.num(bits), J.num(flags)]), a[6]);
    }
    case 'bs_get_float2': {
      const lit = literalSize(a[3]);
      if (lit !== undefined) return get(cx, a[0], method(V(1), 'floatBits', [J.num(lit * unsigned(a[4])), J.num(flagsOf(a[5]))]), a[6]);
      return get(cx, a[0], method(V(1), 'float', [V(3), J.num(unsigned(a[4])), J.num(flagsOf(a[5]))]), a[6]);
    }
    case 'bs_get_binary2': {
      const lit = literalSize(a[3]);
      if (lit !== undefined) return get(cx, a[0], method(V(1), 'binaryBits', [J.num(lit * unsigned(a[4]))]), a[6]);
      return get(cx, a[0], isAll(a[3]) ? method(V(1), 'binaryAll', [J.num(unsigned(a[4]))]) : method(V(1), 'binary', [V(3), J.num(unsigned(a[4]))]), a[6]);
    }
    case 'bs_skip_bits2': {
      const lit = literalSize(a[2]);
      if (lit !== undefined) return failUnless(a[0], method(V(1), 'skipBits', [J.num(lit * unsigned(a[3]))]));
      return isAll(a[2]) ? failUnless(a[0], method(V(1), 'testUnit', [J.num(unsigned(a[3]))])) : failUnless(a[0], method(V(1), 'skip', [V(2), J.num(unsigned(a[3]))]));
    }
    case 'bs_test_tail2':
      return failUnless(a[0], method(V(1), 'testTail', [J.num(unsigned(a[2]))]));
    case 'bs_test_unit':
      return failUnless(a[0], method(V(1), 'testUnit', [J.num(unsigned(a[2]))]));
    case 'bs_match_string': {
      const bits = unsigned(a[2]);
      return failUnless(a[0], method(V(1), 'matchString', [J.num(bits), cx.mod.stringConst(unsigned(a[3]), Math.ceil(bits / 8))]));
    }
    case 'bs_get_utf8':
      return get(cx, a[0], method(V(1), 'utf8', []), a[4]);
    case 'bs_get_utf16':
      return get(cx, a[0], method(V(1), 'utf16', [J.num(flagsOf(a[3]))]), a[4]);
    case 'bs_get_utf32':
      return get(cx, a[0], method(V(1), 'utf32', [J.num(flagsOf(a[3]))]), a[4]);
    case 'bs_skip_utf8':
      return failUnless(a[0], method(V(1), 'skipUtf8', []));
    case 'bs_skip_utf16':
      return failUnless(a[0], method(V(1), 'skipUtf16', [J.num(flagsOf(a[3]))]));
    case 'bs_skip_utf32':
      return failUnless(a[0], method(V(1), 'skipUtf32', [J.num(flagsOf(a[3]))]));
    case 'bs_get_tail':
      return [J.assign(reg(cx, a[1]), method(V(0), 'tail', []))];
    case 'bs_get_position':
      return [J.assign(reg(cx, a[1]), method(V(0), 'position', []))];
    case 'bs_set_position':
      return [J.expr(method(V(0), 'setPosition', [V(1)]))];
    case 'bs_init_writable':
      return [J.assign(id('x0'), J.call(id('initWritable'), [id('x0')]))];
    default:
      return undefined;
  }
}

