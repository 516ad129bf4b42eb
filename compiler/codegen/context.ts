import type { Atom } from '../../runtime/term/atom.js';
import type { BeamFunction, BeamModule } from '../beam/module.js';
import type { Operand } from '../beam/operand.js';
import type { FrameInfo } from './frame.js';
import * as J from './js.js';

/** Raised for input the code generator cannot translate; names module, function and opcode. */
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}

/** Module-wide state while generating: hoisted constants and import slots. */
export interface ModuleContext {
  readonly module: BeamModule;
  /** JS identifier of the generated function for each function index. */
  readonly fnName: (index: number) => string;
  /** What a local call to function `index` calls: its JS function, or the native override. */
  readonly callName: (index: number) => string;
  /** Function index whose entry label is `label`. */
  readonly fnAtLabel: (label: number) => number | undefined;
  /** Identifier of a hoisted constant for an atom, literal, float or bignum. */
  readonly atomConst: (a: Atom) => J.Expr;
  readonly literalConst: (index: number) => J.Expr;
  readonly floatConst: (value: number) => J.Expr;
  readonly importRef: (index: number) => J.Expr;
  /** Whether an import resolves to a native function (it then runs inside its caller's frame). */
  readonly importIsNative: (index: number) => boolean;
  /** A hoisted `Uint8Array` view of `len` bytes of the StrT chunk at `offset`. */
  readonly stringConst: (offset: number, len: number) => J.Expr;
  /** The module-local number of the code site (function index, line index): see runtime/process/sites.ts. */
  readonly site: (fnIndex: number, ln: number) => number;
  /** A site of its own at (function index, line index): one return address (see function.ts). */
  readonly newSite: (fnIndex: number, ln: number) => number;
}

/** Per-function state. */
export interface FunctionContext {
  readonly mod: ModuleContext;
  readonly fn: BeamFunction;
  readonly index: number;
  readonly frame: FrameInfo;
  /** Offset of y registers at the instruction being translated. */
  yOffset: number;
  /** Index in fn.code of the instruction being translated (for tail-position checks). */
  at?: number;
  /** Allocates a synthetic label (beyond the module's own) for a resume point. */
  resumeLabel(): number;
  readonly name: string;
  readonly entry: number;
  readonly hasCatch: boolean;
  /** The line index in effect at each label (the nearest `line` before it in layout order). */
  readonly labelLine: ReadonlyMap<number, number>;
  /**
   * OTP <= 24 construction (`bs_init2`, `bs_append`...) fills the binary through the following
   * `bs_put_*` instructions; this is the register to receive `bw.finish()` after them.
   */
  openBinary?: Operand;
}

export function where(cx: FunctionContext): string {
  return `${cx.mod.module.name.name}:${cx.fn.name.name}/${cx.fn.arity}`;
}

/** The JS expression reading an operand. */
export function val(cx: FunctionContext, o: Operand): J.Expr {
  switch (o.kind) {
    case 'x':
      return J.id(`x${o.n}`);
    case 'y':
      return J.id(`y${o.n + cx.yOffset}`);
    case 'fr':
      return J.id(`f${o.n}`);
    case 'atom':
      return cx.mod.atomConst(o.value);
    case 'nil':
      return J.id('NIL');
    case 'i':
      return typeof o.value === 'bigint' ? J.bigint(o.value) : J.num(o.value);
    case 'u':
    case 'char':
      return J.num(o.value);
    case 'literal':
      return cx.mod.literalConst(o.index);
    case 'float':
      return cx.mod.floatConst(o.value);
    default:
      throw new CompileError(`${where(cx)}: operand ${o.kind} cannot be read as a value`);
  }
}

/** An assignable register operand. */
export function reg(cx: FunctionContext, o: Operand): J.Expr & { type: 'Identifier' } {
  switch (o.kind) {
    case 'x':
      return J.id(`x${o.n}`);
    case 'y':
      return J.id(`y${o.n + cx.yOffset}`);
    case 'fr':
      return J.id(`f${o.n}`);
    default:
      throw new CompileError(`${where(cx)}: operand ${o.kind} is not a register`);
  }
}

export function label(o: Operand): number {
  if (o.kind === 'f') return o.label;
  if (o.kind === 'u') return o.value;
  throw new CompileError(`expected a label operand, found ${o.kind}`);
}

export function unsigned(o: Operand): number {
  if (o.kind === 'u') return o.value;
  throw new CompileError(`expected an unsigned operand, found ${o.kind}`);
}

/** `B + k`: the global id of this function's code site at line index `ln` (B: the module's first site). */
export function siteExpr(cx: FunctionContext, ln: number): J.Expr {
  return J.bin('+', J.id('B'), J.num(cx.mod.site(cx.index, ln)));
}

/** `LN[d] = site`: this activation is now at line index `ln`. */
export function setLine(cx: FunctionContext, ln: number): J.Stmt {
  return J.assign(J.member(J.id('LN'), J.id('d')), siteExpr(cx, ln));
}

/** `LN[d] = site` with a site no other write uses: the return address of the calls up to the next. */
export function setOwnSite(cx: FunctionContext, ln: number): J.Stmt {
  return J.assign(J.member(J.id('LN'), J.id('d')), J.bin('+', J.id('B'), J.num(cx.mod.newSite(cx.index, ln))));
}

/** `L = n; continue;`: jump to a label of the current function. */
export function jump(n: number): J.Stmt[] {
  return [J.assign(J.id('L'), J.num(n)), J.cont()];
}
