/**
 * The translation of every generic BEAM instruction into JavaScript statements: the one place
 * to look up what an opcode becomes. Registers are JS locals (`x0`, `y3`, `f0`), labels are
 * cases of the function's `switch (L)`, and a jump is `L = n; continue`.
 *
 * Calls are plain JS calls followed by one check: a callee that suspended returns SUSPEND, and
 * this function then saves its own frame (resume label, y registers, live catch labels) and
 * returns SUSPEND too (design §1). Each call site gets a synthetic resume label placed right
 * after it, so resumption re-enters the switch there with the call's value in x0.
 */
import type { Instruction } from '../beam/instruction.js';
import type { Operand } from '../beam/operand.js';
import { bitMatch, bsMatch, createBin, oldConstruction } from './bits.js';
import { CompileError, jump, label, reg, setLine, siteExpr, unsigned, val, where, type FunctionContext } from './context.js';
import * as J from './js.js';
import { atom } from '../../runtime/term/atom.js';
import { ErlFloat } from '../../runtime/term/float.js';

const id = J.id;
const x0 = id('x0');

/** Statements, plus `caseLabel` when the translation introduced a resume point after it. */
export interface Translated {
  readonly stmts: J.Stmt[];
  /** A resume label that must start a new `case` right after these statements. */
  readonly resume?: number;
}

const plain = (stmts: J.Stmt[]): Translated => ({ stmts });

/** Arguments x0..x(n-1). */
function xargs(n: number): J.Expr[] {
  return Array.from({ length: n }, (_, i) => id(`x${i}`));
}

/**
 * `x0 = call; if (x0 === SUSPEND) return save(...)`, and the resume label after it. SUSPEND
 * also carries an exception coming up by return (S.exc): `suspendAt` then saves nothing, and a
 * function with a live catch enters its handler here.
 */
function callAndResume(cx: FunctionContext, callExpr: J.Expr): Translated {
  const resume = cx.resumeLabel();
  const onSuspend: J.Stmt[] = [J.ret(saveFrame(cx, resume))];
  if (cx.hasCatch) {
    const exc = J.member(id('S'), 'exc');
    onSuspend.unshift(
      J.ifs(J.logical('&&', J.bin('!==', exc, J.undef), J.bin('>', J.member(id('C'), 'length'), J.num(0))), [
        J.assign(id('t'), exc),
        J.assign(exc, J.undef),
        J.assign(J.member(id('S'), 'depth'), id('d')),
        ...toHandler(id('t')),
        J.cont(),
      ]),
    );
  }
  return {
    stmts: [J.assign(x0, callExpr), J.ifs(J.bin('===', x0, id('SUSPEND')), onSuspend)],
    resume,
  };
}

/** Enters the innermost live handler with the exception as the BEAM leaves it: x0 = none, x1..x3. */
export function toHandler(exc: J.Expr): J.Stmt[] {
  return [
    J.assign(id('L'), J.member(id('C'), J.bin('-', J.member(id('C'), 'length'), J.num(1)))),
    J.assign(x0, id('NONVALUE')),
    J.assign(id('x1'), J.member(exc, 'cls')),
    J.assign(id('x2'), J.member(exc, 'reason')),
    J.assign(id('x3'), exc),
  ];
}

const RAISES: Record<string, string> = { 'error/1': 'error', 'exit/1': 'exit', 'throw/1': 'throw' };

/** For a call of erlang:error/1, exit/1 or throw/1: the raise by return value, else undefined. */
function raiseCall(cx: FunctionContext, imp: Operand): J.Expr | undefined {
  const target = cx.mod.module.imports[unsigned(imp)];
  if (target?.module.name !== 'erlang') return undefined;
  const cls = RAISES[`${target.name.name}/${target.arity}`];
  return cls === undefined ? undefined : J.call(id('raiseBy'), [cx.mod.atomConst(atom(cls)), x0]);
}

/**
 * `suspendAt(...)`: saves this activation (y registers, live catches, line) to resume at `at`.
 * The line is the one of the resume point, as the BEAM finds a frame's line from its
 * continuation address: a call's own line, or for `wait` the receive's loop.
 */
function saveFrame(cx: FunctionContext, at: number, line?: number): J.Expr {
  const ys = Array.from({ length: cx.frame.slots }, (_, i) => id(`y${i}`));
  return J.call(id('suspendAt'), [
    id(cx.name),
    J.num(at),
    ys.length ? J.array(ys) : J.undef,
    cx.hasCatch ? id('C') : J.undef,
    line === undefined ? J.member(id('LN'), id('d')) : siteExpr(cx, line),
  ]);
}

/** Saves this frame to resume at `resumeAt` (the receive loop) and suspends the process. */
function suspendToWait(cx: FunctionContext, resumeAt: number): J.Stmt[] {
  return [J.assign(J.member(id('S'), 'waiting'), J.bool(true)), J.ret(saveFrame(cx, resumeAt, cx.labelLine.get(resumeAt)))];
}

/**
 * A tail call: this activation leaves no frame. Its JS frame stays until the callee returns,
 * so it keeps its depth slot (the depth bound counts it) marked as a tail call (site -1):
 * stack traces skip it, as the BEAM has no frame for it.
 */
function tailCall(callExpr: J.Expr): Translated {
  return plain([J.assign(J.member(id('LN'), id('d')), J.num(-1 /* NO_SITE */)), J.ret(callExpr)]);
}

/** Whether the instruction being translated is followed only by `deallocate` and `return`. */
function inTailPosition(cx: FunctionContext): boolean {
  if (cx.at === undefined) return false;
  const code = cx.fn.code;
  let i = cx.at + 1;
  if (code[i]?.op === 'deallocate') i++;
  return code[i]?.op === 'return';
}

/**
 * math:sqrt/1 on a float, without the call: the common case of numeric code (the BIF runs for
 * integers, and raises for negative numbers and anything else).
 */
function inlineMath(cx: FunctionContext, imp: Operand): J.Expr | undefined {
  const target = cx.mod.module.imports[unsigned(imp)];
  if (target?.module.name !== 'math' || target.name.name !== 'sqrt' || target.arity !== 1) return undefined;
  const t = id('t');
  const root = J.assignExpr(t, J.call(J.member(id('Math'), 'sqrt'), [J.member(x0, 'value')]));
  return J.cond(
    J.logical('&&', J.instanceOf(x0, id('ErlFloat')), J.bin('===', J.bin('-', root, t), J.num(0))),
    J.newExpr(id('ErlFloat'), [t]),
    J.call(cx.mod.importRef(unsigned(imp)), [x0]),
  );
}

/** A local call target, by label. */
function localTarget(cx: FunctionContext, o: Operand): string {
  const index = cx.mod.fnAtLabel(label(o));
  if (index === undefined) throw new CompileError(`${where(cx)}: call to label ${label(o)}, which starts no function`);
  return cx.mod.callName(index);
}

/** `if (!(test)) { L = fail; continue; }` */
function test(cx: FunctionContext, fail: Operand, ok: J.Expr): Translated {
  return plain([J.ifs(J.not(ok), jump(label(fail)))]);
}

const MAX_SAFE = J.num(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = J.num(Number.MIN_SAFE_INTEGER);
const isNumber = (e: J.Expr) => J.bin('===', J.typeOf(e), J.str('number'));
const isLiteralNumber = (e: J.Expr) =>
  (e.type === 'Literal' && typeof e.value === 'number') || (e.type === 'UnaryExpression' && e.operator === '-' && e.argument.type === 'Literal' && typeof e.argument.value === 'number');
/** `typeof a === "number" && typeof b === "number"`, leaving out literal operands. */
function numbers(...es: J.Expr[]): J.Expr | undefined {
  const tests = es.filter((e) => !isLiteralNumber(e)).map(isNumber);
  return tests.reduce<J.Expr | undefined>((acc, t) => (acc ? J.logical('&&', acc, t) : t), undefined);
}
const and = (...es: (J.Expr | undefined)[]): J.Expr => es.filter((e): e is J.Expr => e !== undefined).reduce((acc, e) => J.logical('&&', acc, e));
/** `(e | 0) === e`: a number in the int32 range, where JS bitwise operators are exact. */
const int32 = (e: J.Expr) => (isLiteralNumber(e) ? undefined : J.bin('===', J.bin('|', e, J.num(0)), e));
const COMPARE: Record<string, '<' | '>' | '<=' | '>='> = { '<': '<', '>': '>', '=<': '<=', '>=': '>=' };

/**
 * Small-integer fast paths for the hottest arithmetic and comparison BIFs: exact while the
 * operands are integers held as JS numbers (floats are boxed, so a JS number is always an
 * Erlang integer) and the result stays a safe integer; otherwise (bignums, floats, bad
 * arguments) the BIF itself runs. `+ 0` turns a JS -0 into the integer 0.
 */
function inlineArith(name: string, a: J.Expr, b: J.Expr, slow: J.Expr): J.Expr | undefined {
  const t = id('t');
  const both = numbers(a, b);
  const bool = (e: J.Expr) => J.cond(e, id('TRUE'), id('FALSE'));
  switch (name) {
    case '+':
    case '-': {
      const r = J.assignExpr(t, J.bin(name, a, b));
      return J.cond(and(both, J.bin('<=', r, MAX_SAFE), J.bin('>=', t, MIN_SAFE)), t, slow);
    }
    case '*':
      return J.cond(and(both, J.call(J.member(id('Number'), 'isSafeInteger'), [J.assignExpr(t, J.bin('*', a, b))])), J.bin('+', t, J.num(0)), slow);
    case 'rem':
      // JS % on integers is exact and, like rem, takes the sign of the dividend.
      return J.cond(and(both, isLiteralNumber(b) ? undefined : J.bin('!==', b, J.num(0))), J.bin('+', J.bin('%', a, b), J.num(0)), slow);
    case 'div':
      // a - a % b is an exact multiple of b, so the division is exact: truncation toward zero.
      return J.cond(
        and(both, isLiteralNumber(b) ? undefined : J.bin('!==', b, J.num(0))),
        J.bin('+', J.bin('/', J.bin('-', a, J.bin('%', a, b)), b), J.num(0)),
        slow,
      );
    case 'band':
    case 'bor':
    case 'bxor': {
      const op = ({ band: '&', bor: '|', bxor: '^' } as const)[name];
      return J.cond(and(both, int32(a), int32(b)), J.bin(op, a, b), slow);
    }
    case 'bsr':
      // An arithmetic shift of an int32 by 0..31 is floor division by a power of two, as bsr.
      return J.cond(and(both, int32(a), J.bin('>=', b, J.num(0)), J.bin('<', b, J.num(32))), J.bin('>>', a, b), slow);
    case '<':
    case '>':
    case '=<':
    case '>=':
      return J.cond(both ?? J.bool(true), bool(J.bin(COMPARE[name], a, b)), slow);
    case '=:=':
      return J.cond(J.bin('===', a, b), id('TRUE'), slow);
    case '=/=':
      return J.cond(J.bin('===', a, b), id('FALSE'), slow);
    default:
      return undefined;
  }
}

/** The Type chunk's union bit for floats (compiler/beam/module.ts BeamType). */
const FLOAT_BIT = 1 << 3;

/** Whether an operand is certainly a float: a float literal, or a register typed float only. */
function isFloat(cx: FunctionContext, o: Operand): boolean {
  if (o.kind === 'float') return true;
  if (o.kind === 'literal') return o.value instanceof ErlFloat;
  if ((o.kind === 'x' || o.kind === 'y') && o.type !== undefined) return cx.mod.module.types?.[o.type]?.union === FLOAT_BIT;
  return false;
}

const FLOAT_ARITH: Record<string, '+' | '-' | '*' | '/'> = { '+': '+', '-': '-', '*': '*', '/': '/' };

/**
 * Arithmetic and comparison on two operands the compiler's types say are floats: on the
 * unboxed values. A result that is not finite (overflow, 0.0/0.0) takes the BIF's path, which
 * raises badarith as the BEAM does (`t - t === 0` holds exactly for finite t).
 */
function floatArith(name: string, a: J.Expr, b: J.Expr, slow: J.Expr): J.Expr | undefined {
  const va = J.member(a, 'value');
  const vb = J.member(b, 'value');
  const op = FLOAT_ARITH[name];
  if (op !== undefined) {
    const t = id('t');
    return J.cond(J.bin('===', J.bin('-', J.assignExpr(t, J.bin(op, va, vb)), t), J.num(0)), J.newExpr(id('ErlFloat'), [t]), slow);
  }
  const cmp = COMPARE[name];
  if (cmp !== undefined) return J.cond(J.bin(cmp, va, vb), id('TRUE'), id('FALSE'));
  return undefined;
}

/** BIFs that never raise: in a guard they need no handler for the fail label. */
export const NEVER_RAISE = new Set([
  'self/0', 'node/0',
  '</2', '>/2', '=</2', '>=/2', '==/2', '/=/2', '=:=/2', '=/=/2',
  'is_atom/1', 'is_binary/1', 'is_bitstring/1', 'is_boolean/1', 'is_float/1', 'is_function/1', 'is_integer/1',
  'is_list/1', 'is_map/1', 'is_number/1', 'is_pid/1', 'is_port/1', 'is_reference/1', 'is_tuple/1',
]);

/** Whether `ins` calls an erlang BIF that cannot raise (nothing can read the line while it runs). */
export function isSilentBif(cx: { mod: FunctionContext['mod'] }, ins: Instruction): boolean {
  const at = ins.op === 'bif0' ? 0 : ins.op === 'bif1' || ins.op === 'bif2' ? 1 : ins.op.startsWith('gc_bif') ? 2 : -1;
  if (at < 0) return false;
  const target = cx.mod.module.imports[unsigned(ins.args[at])];
  return target?.module.name === 'erlang' && NEVER_RAISE.has(`${target.name.name}/${target.arity}`);
}

/** Calls a BIF import; with a fail label, a raised exception jumps there instead. */
function bifCall(cx: FunctionContext, fail: Operand, imp: Operand, args: Operand[], dst: Operand): Translated {
  const target = cx.mod.module.imports[unsigned(imp)];
  const argExprs = args.map((a) => val(cx, a));
  let expr = J.call(cx.mod.importRef(unsigned(imp)), argExprs);
  const erlang = target?.module.name === 'erlang';
  if (erlang && argExprs.length === 2) {
    const floats = isFloat(cx, args[0]) && isFloat(cx, args[1]);
    expr = (floats ? floatArith(target.name.name, argExprs[0], argExprs[1], expr) : undefined) ?? inlineArith(target.name.name, argExprs[0], argExprs[1], expr) ?? expr;
  }
  const call = J.assign(reg(cx, dst), expr);
  if (label(fail) === 0 || (erlang && NEVER_RAISE.has(`${target.name.name}/${argExprs.length}`))) return plain([call]);
  return plain([
    J.tryCatch([call], 'e', [
      J.ifs(J.not(J.instanceOf(id('e'), id('ErlangException'))), [J.throwS(id('e'))]),
      ...jump(label(fail)),
    ]),
  ]);
}

/** Exact equality, with a `===` fast path when one side is an immediate. */
function exactEq(cx: FunctionContext, a: Operand, b: Operand): J.Expr {
  const imm = (o: Operand) => o.kind === 'atom' || o.kind === 'nil' || (o.kind === 'i' && typeof o.value === 'number');
  if (imm(a) || imm(b)) return J.bin('===', val(cx, a), val(cx, b));
  // Identical values, or else only boxed terms (tuples, lists, binaries, maps, floats, pids...)
  // can still be equal: integers and atoms are equal exactly when they are ===.
  const [x, y] = [val(cx, a), val(cx, b)];
  return J.logical('||', J.bin('===', x, y), J.logical('&&', J.bin('===', J.typeOf(x), J.str('object')), J.call(id('eqx'), [x, y])));
}

function listItems(o: Operand): Operand[] {
  if (o.kind !== 'list') throw new CompileError(`expected a list operand, found ${o.kind}`);
  return o.items;
}

const TYPE_TESTS: Record<string, (v: J.Expr) => J.Expr> = {
  is_integer: (v) => J.call(id('isInt'), [v]),
  is_float: (v) => J.instanceOf(v, id('ErlFloat')),
  is_number: (v) => J.call(id('isNum'), [v]),
  is_atom: (v) => J.instanceOf(v, id('Atom')),
  is_pid: (v) => J.instanceOf(v, id('Pid')),
  is_reference: (v) => J.instanceOf(v, id('Ref')),
  is_port: (v) => J.instanceOf(v, id('Port')),
  is_nil: (v) => J.bin('===', v, id('NIL')),
  is_binary: (v) => J.logical('&&', J.instanceOf(v, id('BitString')), J.bin('===', J.bin('&', J.member(v, 'bitSize'), J.num(7)), J.num(0))),
  is_bitstr: (v) => J.instanceOf(v, id('BitString')),
  is_list: (v) => J.logical('||', J.instanceOf(v, id('Cons')), J.bin('===', v, id('NIL'))),
  is_nonempty_list: (v) => J.instanceOf(v, id('Cons')),
  is_tuple: (v) => J.call(J.member(id('Array'), 'isArray'), [v]),
  is_function: (v) => J.call(id('isFun'), [v, J.num(-1)]),
  is_boolean: (v) => J.logical('||', J.bin('===', v, id('TRUE')), J.bin('===', v, id('FALSE'))),
  is_map: (v) => J.instanceOf(v, id('ErlMap')),
};

export function translate(cx: FunctionContext, ins: Instruction): Translated {
  const a = ins.args;
  const V = (i: number) => val(cx, a[i]);
  const R = (i: number) => reg(cx, a[i]);
  const set = (i: number, e: J.Expr) => J.assign(R(i), e);
  const rt = (name: string, ...args: J.Expr[]) => J.call(id(name), args);

  if (ins.op in TYPE_TESTS) return test(cx, a[0], TYPE_TESTS[ins.op](V(1)));
  if (ins.op.startsWith('bs_')) {
    const stmts =
      ins.op === 'bs_create_bin' ? createBin(cx, a) : ins.op === 'bs_match' ? bsMatch(cx, a) : (bitMatch(cx, ins.op, a) ?? oldConstruction(cx, ins.op, a));
    if (stmts) return plain(stmts);
  }

  switch (ins.op) {
    // Labels, function headers and bookkeeping without run-time effect here.
    case 'label':
    case 'int_code_end':
    case 'allocate':
    case 'allocate_zero':
    case 'allocate_heap':
    case 'allocate_heap_zero':
    case 'test_heap':
    case 'init':
    case 'init_yregs':
    case 'trim':
    case 'deallocate':
    case 'fclearerror':
    case 'fcheckerror':
    case 'on_load':
    case 'nif_start':
    case 'executable_line':
    case 'debug_line':
      return plain([]);
    case 'line':
      return plain([setLine(cx, unsigned(a[0]))]);
    case 'func_info':
      // Reached when no clause matched.
      return plain([J.throwS(rt('functionClause', id(cx.name), J.array(xargs(cx.fn.arity))))]);

    // Calls.
    case 'call': {
      const target = localTarget(cx, a[1]);
      return callAndResume(cx, J.call(id(target), xargs(unsigned(a[0]))));
    }
    case 'call_last':
    case 'call_only': {
      const target = localTarget(cx, a[1]);
      if (target === cx.name) {
        // Self tail call: a loop, with a reduction check on the back edge.
        return plain([
          J.ifs(J.logical('&&', J.bin('<', J.update('--', J.member(id('S'), 'reds')), J.num(0)), rt('preempt')), [
            J.ret(rt('suspendEntry', id(cx.name), J.array(xargs(cx.fn.arity)))),
          ]),
          ...jump(cx.entry),
        ]);
      }
      return tailCall(J.call(id(target), xargs(unsigned(a[0]))));
    }
    case 'call_ext':
      return callAndResume(cx, raiseCall(cx, a[1]) ?? inlineMath(cx, a[1]) ?? J.call(cx.mod.importRef(unsigned(a[1])), xargs(unsigned(a[0]))));
    case 'call_ext_last':
    case 'call_ext_only': {
      const raise = raiseCall(cx, a[1]);
      if (raise) return callAndResume(cx, raise);
      const call = J.call(cx.mod.importRef(unsigned(a[1])), xargs(unsigned(a[0])));
      // A native runs inside its caller, as a BIF does on the BEAM (an error it raises shows
      // this function in the trace): keep the shadow-stack slot until it returns.
      if (cx.mod.importIsNative(unsigned(a[1]))) {
        return plain([J.ret(call)]);
      }
      return tailCall(call);
    }
    // A fun call followed by (deallocate and) return is a tail call, as the BEAM's loader
    // makes it (i_call_fun_last): the caller's frame is gone while the fun runs.
    case 'call_fun': {
      const n = unsigned(a[0]);
      if (inTailPosition(cx)) return plain([J.ret(rt('callFunLast', id(`x${n}`), J.array(xargs(n))))]);
      return callAndResume(cx, rt('callFun', id(`x${n}`), J.array(xargs(n))));
    }
    case 'call_fun2': {
      const n = unsigned(a[1]);
      if (inTailPosition(cx)) return plain([J.ret(rt('callFunLast', V(2), J.array(xargs(n))))]);
      return callAndResume(cx, rt('callFun', V(2), J.array(xargs(n))));
    }
    case 'apply': {
      const n = unsigned(a[0]);
      return callAndResume(cx, rt('applyMFA', id(`x${n}`), id(`x${n + 1}`), J.array(xargs(n))));
    }
    case 'apply_last': {
      const n = unsigned(a[0]);
      // applyLast releases this activation's slot itself (before an Erlang target, after a native).
      return plain([J.ret(rt('applyLast', id(`x${n}`), id(`x${n + 1}`), J.array(xargs(n))))]);
    }
    case 'return':
      // No depth bookkeeping: the caller resets S.depth after each call (function.ts).
      return plain([J.ret(x0)]);

    // BIFs.
    case 'bif0':
      return plain([set(1, J.call(cx.mod.importRef(unsigned(a[0])), []))]);
    case 'bif1':
      return bifCall(cx, a[0], a[1], [a[2]], a[3]);
    case 'bif2':
      return bifCall(cx, a[0], a[1], [a[2], a[3]], a[4]);
    case 'gc_bif1':
      return bifCall(cx, a[0], a[2], [a[3]], a[4]);
    case 'gc_bif2':
      return bifCall(cx, a[0], a[2], [a[3], a[4]], a[5]);
    case 'gc_bif3':
      return bifCall(cx, a[0], a[2], [a[3], a[4], a[5]], a[6]);

    // Moves and data.
    case 'move':
      return plain([set(1, V(0))]);
    case 'swap': {
      return plain([J.assign(id('t'), V(0)), set(0, V(1)), set(1, id('t'))]);
    }
    case 'get_list':
      return plain([J.assign(id('t'), V(0)), set(1, J.member(id('t'), 'head')), set(2, J.member(id('t'), 'tail'))]);
    case 'get_hd':
      return plain([set(1, J.member(V(0), 'head'))]);
    case 'get_tl':
      return plain([set(1, J.member(V(0), 'tail'))]);
    case 'put_list':
      return plain([set(2, J.newExpr(id('Cons'), [V(0), V(1)]))]);
    case 'get_tuple_element':
      return plain([set(2, J.index(V(0), unsigned(a[1])))]);
    case 'set_tuple_element':
      return plain([J.assign(J.index(V(1), unsigned(a[2])), V(0))]);
    case 'put_tuple2':
      return plain([set(0, J.array(listItems(a[1]).map((o) => val(cx, o))))]);
    case 'update_record': {
      // Hint Size Src Dst [Index, Value...]: copy the tuple, then store (indices are 1-based).
      const items = listItems(a[4]);
      const stmts: J.Stmt[] = [J.assign(id('t'), J.call(J.member(V(2), 'slice'), []))];
      for (let k = 0; k < items.length; k += 2) {
        stmts.push(J.assign(J.index(id('t'), unsigned(items[k]) - 1), val(cx, items[k + 1])));
      }
      stmts.push(set(3, id('t')));
      return plain(stmts);
    }

    // Comparisons and type tests.
    case 'is_eq_exact':
      return test(cx, a[0], exactEq(cx, a[1], a[2]));
    case 'is_ne_exact':
      return test(cx, a[0], J.not(exactEq(cx, a[1], a[2])));
    case 'is_eq':
      return test(cx, a[0], rt('eq', V(1), V(2)));
    case 'is_ne':
      return test(cx, a[0], J.not(rt('eq', V(1), V(2))));
    case 'is_lt':
    case 'is_ge': {
      // Both small integers: compare directly; anything else by term order.
      const op = ins.op === 'is_lt' ? '<' : '>=';
      if (isFloat(cx, a[1]) && isFloat(cx, a[2])) return test(cx, a[0], J.bin(op, J.member(V(1), 'value'), J.member(V(2), 'value')));
      const fast = J.bin(op, V(1), V(2));
      const both = numbers(V(1), V(2));
      return test(cx, a[0], both ? J.cond(both, fast, J.bin(op, rt('cmp', V(1), V(2)), J.num(0))) : fast);
    }
    case 'test_arity':
      return test(cx, a[0], J.bin('===', J.member(V(1), 'length'), J.num(unsigned(a[2]))));
    case 'is_tagged_tuple':
      return test(
        cx,
        a[0],
        J.logical(
          '&&',
          J.logical('&&', J.call(J.member(id('Array'), 'isArray'), [V(1)]), J.bin('===', J.member(V(1), 'length'), J.num(unsigned(a[2])))),
          J.bin('===', J.index(V(1), 0), V(3)),
        ),
      );
    case 'is_function2':
      return test(cx, a[0], rt('isFun', V(1), V(2)));
    case 'select_val': {
      const items = listItems(a[2]);
      const cases: ReturnType<typeof J.caseS>[] = [];
      for (let k = 0; k < items.length; k += 2) cases.push(J.caseS(val(cx, items[k]), jump(label(items[k + 1]))));
      cases.push(J.caseS(null, jump(label(a[1]))));
      const v = V(0);
      // Floats and bignums are not `===`-comparable; fall back to exact equality then.
      const simple = items.every((o, k) => k % 2 === 1 || o.kind === 'atom' || o.kind === 'nil' || (o.kind === 'i' && typeof o.value === 'number'));
      if (simple) return plain([J.switchS(v, cases)]);
      const stmts: J.Stmt[] = [];
      for (let k = 0; k < items.length; k += 2) stmts.push(J.ifs(rt('eqx', v, val(cx, items[k])), jump(label(items[k + 1]))));
      return plain([...stmts, ...jump(label(a[1]))]);
    }
    case 'select_tuple_arity': {
      const items = listItems(a[2]);
      const cases = [];
      for (let k = 0; k < items.length; k += 2) cases.push(J.caseS(J.num(unsigned(items[k])), jump(label(items[k + 1]))));
      cases.push(J.caseS(null, jump(label(a[1]))));
      return plain([J.switchS(J.member(V(0), 'length'), cases)]);
    }
    case 'jump':
      return plain(jump(label(a[0])));

    // Errors.
    case 'badmatch':
      return plain([J.throwS(rt('badmatch', V(0)))]);
    case 'case_end':
      return plain([J.throwS(rt('caseClause', V(0)))]);
    case 'if_end':
      return plain([J.throwS(rt('ifClause'))]);
    case 'try_case_end':
      return plain([J.throwS(rt('tryClause', V(0)))]);
    case 'badrecord':
      return plain([J.throwS(rt('badRecord', V(0)))]);

    // Messages (runtime/process/receive.ts). `wait` saves this frame to resume at the
    // receive's loop_rec label and suspends with S.waiting set: the process sleeps until a
    // message or its timeout makes it runnable again.
    case 'send':
      return plain([J.assign(x0, rt('send', x0, id('x1')))]);
    case 'loop_rec':
      return plain([J.assign(id('t'), rt('peekMessage')), J.ifs(J.bin('===', id('t'), J.undef), jump(label(a[0]))), set(1, id('t'))]);
    case 'loop_rec_end':
      return plain([J.expr(rt('skipMessage')), ...jump(label(a[0]))]);
    case 'remove_message':
      return plain([J.expr(rt('removeMessage'))]);
    case 'wait':
      return plain(suspendToWait(cx, label(a[0])));
    case 'wait_timeout':
      return plain([J.ifs(J.not(rt('waitTimeout', V(1))), suspendToWait(cx, label(a[0])))]);
    case 'timeout':
      return plain([J.expr(rt('receiveTimedOut'))]);
    case 'recv_marker_reserve':
      return plain([set(0, rt('reserveMarker'))]);
    case 'recv_marker_bind':
      return plain([J.expr(rt('bindMarker', V(0), V(1)))]);
    case 'recv_marker_use':
      return plain([J.expr(rt('useMarker', V(0)))]);
    case 'recv_marker_clear':
      return plain([J.expr(rt('clearMarker', V(0)))]);

    // Exceptions: C is the stack of live handler labels (see function.ts).
    case 'try':
    case 'catch':
      return plain([J.expr(J.call(J.member(id('C'), 'push'), [J.num(label(a[1]))]))]);
    case 'try_end':
      return plain([J.expr(J.call(J.member(id('C'), 'pop'), []))]);
    case 'try_case':
      // At the handler: x1..x3 hold class, reason and the raw trace; move them down.
      return plain([J.expr(J.call(J.member(id('C'), 'pop'), [])), J.assign(x0, id('x1')), J.assign(id('x1'), id('x2')), J.assign(id('x2'), id('x3'))]);
    case 'catch_end':
      return plain([
        J.expr(J.call(J.member(id('C'), 'pop'), [])),
        J.ifs(J.bin('===', x0, id('NONVALUE')), [J.assign(x0, rt('catchValue', id('x1'), id('x2'), id('x3')))]),
      ]);
    case 'raise':
      return plain([J.throwS(rt('reraise', V(0), V(1)))]);
    case 'build_stacktrace':
      return plain([J.assign(x0, rt('buildStacktrace', x0))]);
    case 'raw_raise':
      return plain([J.assign(x0, rt('rawRaise', x0, id('x1'), id('x2')))]);

    // Funs.
    case 'make_fun2':
      return plain([J.assign(x0, rt('makeFun', J.num(unsigned(a[0])), J.array(xargs(cx.mod.module.lambdas[unsigned(a[0])]?.numFree ?? 0))))]);
    case 'make_fun3':
      return plain([set(1, rt('makeFun', J.num(unsigned(a[0])), J.array(listItems(a[2]).map((o) => val(cx, o)))))]);

    // Maps.
    case 'put_map_assoc':
    case 'put_map_exact': {
      const items = listItems(a[4]).map((o) => val(cx, o));
      const fn = ins.op === 'put_map_assoc' ? 'mapPut' : 'mapUpdate';
      return plain([set(2, rt(fn, V(1), J.array(items)))]);
    }
    case 'has_map_fields':
      return test(cx, a[0], rt('mapHasAll', V(1), J.array(listItems(a[2]).map((o) => val(cx, o)))));
    case 'get_map_elements': {
      // Keys and destinations alternate; a missing key jumps to the fail label.
      const items = listItems(a[2]);
      const stmts: J.Stmt[] = [];
      // The BEAM reads the source map once; when a destination (other than the last) is the
      // source register, later lookups must still see the map, so hold it in a block-local.
      const src = V(1);
      const srcName = src.type === 'Identifier' ? src.name : undefined;
      const aliased = items.some((d, k) => k % 2 === 1 && k < items.length - 1 && reg(cx, d).name === srcName);
      const map = aliased ? id('m$') : src;
      for (let k = 0; k < items.length; k += 2) {
        stmts.push(J.assign(id('t'), rt('mapGet', map, val(cx, items[k]))));
        stmts.push(J.ifs(J.bin('===', id('t'), J.undef), jump(label(a[0]))));
        stmts.push(J.assign(reg(cx, items[k + 1]), id('t')));
      }
      return plain(aliased ? [J.block([J.constDecl('m$', src), ...stmts])] : stmts);
    }

    // Floating-point registers hold raw JS numbers.
    case 'fmove':
      if (a[0].kind === 'fr') return plain([set(1, J.newExpr(id('ErlFloat'), [V(0)]))]);
      return plain([set(1, J.member(V(0), 'value'))]);
    case 'fconv':
      return plain([set(1, rt('toFloat', V(0)))]);
    case 'fadd':
    case 'fsub':
    case 'fmul':
    case 'fdiv': {
      const op = { fadd: '+', fsub: '-', fmul: '*', fdiv: '/' }[ins.op] as J.Expr extends never ? never : '+' | '-' | '*' | '/';
      // Finite results only (`t - t === 0` exactly when t is finite); else badarith.
      return plain([set(3, J.cond(J.bin('===', J.bin('-', J.assignExpr(id('t'), J.bin(op, V(1), V(2))), id('t')), J.num(0)), id('t'), rt('checkFloat', id('t'))))]);
    }
    case 'fnegate':
      return plain([set(2, J.bin('-', J.num(0), V(1)))]);

    default:
      throw new CompileError(`${where(cx)}: cannot translate instruction ${ins.op} (opcode ${ins.opcode})`);
  }
}
