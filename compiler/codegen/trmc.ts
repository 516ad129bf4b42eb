/**
 * Body recursion that builds a list, `f([H | T]) -> [g(H) | f(T)]` — list comprehensions,
 * lists:map, append — runs as a loop in a function's structured code (tail recursion modulo
 * cons). The BEAM code of such a call is
 *
 *     call Arity, f          (a call of the function itself)
 *     test_heap ...
 *     put_list H, x0, x0     (H a y register or a constant: nothing the call clobbered)
 *     deallocate ...
 *     return
 *
 * Instead of calling, the loop allocates the cell [H | hole] at once, links it to the list
 * built so far (`cf` its first cell, `cl` its last) and runs the body again on the call's
 * arguments. Whatever the body finally returns fills the last hole, and the first cell is the
 * value. What the BEAM would show is kept:
 * - reductions: one per step, as the call would have used;
 * - stack traces: the replaced activations all stood at the same call site, which the BEAM
 *   shows once; the loop keeps that site in its first shadow-stack slot and runs each step
 *   one slot deeper (so it costs one JS depth level, however long the list);
 * - suspension: a return of SUSPEND from inside the loop also saves a hole frame
 *   (runtime/process/state.ts `trmcEnd`) that finishes the list when resumed.
 * The JS stack and the heap stack stay flat, so a million-element `lists:map` needs neither.
 * Only fresh calls run the loop; an activation resumed from the heap recurses (it is one of
 * the replaced activations, or the first).
 */
import type { Instruction } from '../beam/instruction.js';
import type { Operand } from '../beam/operand.js';
import { label, unsigned } from './context.js';
import * as J from './js.js';

const id = J.id;

/**
 * Calls that can loop: instruction index of the `call` → the `put_list`'s head operand.
 * `self` says whether a call's target label starts this function.
 */
export function listBuildingCalls(code: readonly Instruction[], arity: number, self: (target: number) => boolean): Map<number, Operand> {
  const found = new Map<number, Operand>();
  code.forEach((ins, i) => {
    if (ins.op !== 'call' || unsigned(ins.args[0]) !== arity || !self(label(ins.args[1]))) return;
    let k = i + 1;
    while (code[k]?.op === 'test_heap') k++;
    const cons = code[k];
    if (cons?.op !== 'put_list') return;
    const [head, tail, dst] = cons.args;
    const isX0 = (o: Operand) => o.kind === 'x' && o.n === 0;
    if (head.kind === 'x' || !isX0(tail) || !isX0(dst)) return;
    k++;
    if (code[k]?.op === 'deallocate') k++;
    if (code[k]?.op !== 'return') return;
    found.set(i, head);
  });
  return found;
}

/**
 * One step of the loop, in place of the call: link the cell, count the reduction, and jump to
 * the entry (`L = entry; continue`, which the structured code makes `continue top`). The
 * first step moves to a new shadow-stack slot, leaving the call site in the old one.
 */
export function loopStep(head: J.Expr, self: string, arity: number, entry: number): J.Stmt[] {
  const LN = (at: J.Expr) => J.member(id('LN'), at);
  const args = Array.from({ length: arity }, (_, i) => id(`x${i}`));
  return [
    J.assign(id('t'), J.newExpr(id('Cons'), [head, id('NIL')])),
    J.ifs(
      J.bin('===', id('cf'), J.undef),
      [
        J.assign(id('cf'), id('t')),
        J.assign(LN(J.bin('+', id('d'), J.num(1))), LN(id('d'))),
        J.assign(id('d'), J.update('++', J.member(id('S'), 'depth'))),
      ],
      [J.assign(J.member(id('cl'), 'tail'), id('t'))],
    ),
    J.assign(id('cl'), id('t')),
    J.ifs(J.logical('&&', J.bin('<', J.update('--', J.member(id('S'), 'reds')), J.num(0)), J.call(id('preempt'), [])), [
      J.ret(J.call(id('suspendEntry'), [id(self), J.array(args)])),
    ]),
    J.assign(id('L'), J.num(entry)),
    J.cont(),
  ];
}

/**
 * Every `return E` of a structured body that loops: `t = E; return cf === undefined ? t :
 * trmcEnd(t, cf, cl, LN[d - 1])` (the value completes the list; a suspension saves it).
 */
export function finishOnReturn(body: J.Stmt[]): J.Stmt[] {
  const rewrite = (s: J.Stmt): J.Stmt => {
    switch (s.type) {
      case 'ReturnStatement': {
        if (s.argument === null || s.argument === undefined) return s;
        const site = J.member(id('LN'), J.bin('-', id('d'), J.num(1)));
        return J.block([
          J.assign(id('t'), s.argument),
          J.ret(J.cond(J.bin('===', id('cf'), J.undef), id('t'), J.call(id('trmcEnd'), [id('t'), id('cf'), id('cl'), site]))),
        ]);
      }
      case 'BlockStatement':
        return { ...s, body: s.body.map(rewrite) };
      case 'IfStatement':
        return { ...s, consequent: rewrite(s.consequent), alternate: s.alternate ? rewrite(s.alternate) : s.alternate };
      case 'LabeledStatement':
        return { ...s, body: rewrite(s.body) };
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        return { ...s, body: rewrite(s.body) };
      case 'SwitchStatement':
        return { ...s, cases: s.cases.map((c) => ({ ...c, consequent: c.consequent.map(rewrite) })) };
      case 'TryStatement': // a guard BIF's handler, say
        return {
          ...s,
          block: rewrite(s.block) as typeof s.block,
          handler: s.handler ? { ...s.handler, body: rewrite(s.handler.body) as typeof s.handler.body } : s.handler,
          finalizer: s.finalizer ? (rewrite(s.finalizer) as typeof s.finalizer) : s.finalizer,
        };
      default:
        return s;
    }
  };
  return body.map(rewrite);
}
