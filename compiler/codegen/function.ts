/**
 * One BEAM function → one JS function (design §1):
 *
 *   function f(x0, .., xN-1, $r) {
 *     let L, t, d, x.., y.., f.., C = [];
 *     if ($r === undefined) { <reductions/depth check → suspendEntry>; d = ++S.depth; L = ENTRY; }
 *     else { d = ++S.depth; LN[d] = $r.ln; <restore from the frame $r> }   (LN: shadow stack)
 *     for (;;) switch (L) { case ...: }                  (wrapped in try/catch only when the
 *                                                         function has Erlang try/catch)
 *   }
 *
 * `$r` is a Frame when the driver resumes a suspended activation; ordinary calls never pass
 * it. Functions without try/catch get the same shape minus the handler search.
 */
import type { BeamFunction } from '../beam/module.js';
import type { Instruction } from '../beam/instruction.js';
import { CompileError, setLine, setOwnSite, val, where, type FunctionContext, type ModuleContext } from './context.js';
import { closeBinary } from './bits.js';
import { analyzeFrame } from './frame.js';
import { structuredBody, type Segment } from './structured.js';
import { isSilentBif, toHandler, translate } from './instructions.js';
import { finishOnReturn, listBuildingCalls, loopStep } from './trmc.js';
import type { Operand } from '../beam/operand.js';
import * as J from './js.js';

const id = J.id;

export function emitFunction(mod: ModuleContext, fn: BeamFunction, index: number, firstResumeLabel: number): J.Stmt[] {
  const frame = analyzeFrame(fn);
  const name = mod.fnName(index);
  const hasCatch = fn.code.some((i) => i.op === 'try' || i.op === 'catch');
  const usesWriter = fn.code.some((i) => /^bs_(init2|init_bits|append|private_append)$/.test(i.op));
  let nextResume = firstResumeLabel;
  const labelLine = new Map<number, number>();
  let lineSoFar = 0;
  for (const ins of fn.code) {
    if (ins.op === 'line') lineSoFar = (ins.args[0] as { value: number }).value;
    else if (ins.op === 'label') labelLine.set((ins.args[0] as { value: number }).value, lineSoFar);
  }
  const cx: FunctionContext = {
    mod,
    fn,
    index,
    frame,
    yOffset: 0,
    resumeLabel: () => nextResume++,
    name,
    entry: fn.entry,
    hasCatch,
    labelLine,
  };

  const lineNeeded = observedLines(fn.code, (ins) => isSilentBif(cx, ins));

  // The switch: a case per label and per resume point, code falling through between them.
  // The same code by label (resume points merged into the code before them) makes the
  // structured version (structured.ts).
  const cases: ReturnType<typeof J.caseS>[] = [];
  const segments: Segment[] = [];
  let current: J.Stmt[] = [];
  let segment: J.Stmt[] = [];
  const open = (n: number) => {
    current = [];
    cases.push(J.caseS(J.num(n), current));
    if (n < firstResumeLabel) {
      segments.push({ label: n, stmts: (segment = []) });
      segmentDead = false;
    }
  };
  // After a loop step (trmc.ts) the structured code jumps back: what follows up to the next
  // label only exists in the dispatch version.
  let segmentDead = false;
  const emit = (...stmts: J.Stmt[]) => {
    current.push(...stmts);
    if (!segmentDead) segment.push(...stmts);
  };
  const loops = hasCatch ? new Map<number, Operand>() : listBuildingCalls(fn.code, fn.arity, (l) => mod.fnAtLabel(l) === index);
  // The BEAM finds a frame's line by code address: the nearest `line` before the current
  // instruction in layout order. Each label therefore starts by setting that line, so jumps
  // land with the right one; `line` instructions update it in straight-line code.
  let layoutLine = -1;
  // A frame's identity in a stack trace is its return address: the BEAM shows consecutive
  // frames with the same one once (body recursion), but two calls on one line are two return
  // addresses. So each line update gets a site of its own, and a call finding the current
  // site already taken by an earlier call writes a new one.
  let siteTaken = false;
  fn.code.forEach((ins, i) => {
    cx.yOffset = Math.max(0, frame.offsets[i]);
    cx.at = i;
    if (ins.op === 'line') layoutLine = (ins.args[0] as { value: number }).value;
    if (ins.op === 'label') {
      emit(...closeBinary(cx, ins.op));
      open((ins.args[0] as { value: number }).value);
      if (layoutLine >= 0 && lineNeeded[i]) emit(setOwnSite(cx, layoutLine));
      siteTaken = false;
      return;
    }
    if (ins.op === 'line') {
      if (lineNeeded[i] && cases.length > 0) {
        emit(setOwnSite(cx, layoutLine));
        siteTaken = false;
      }
      return;
    }
    if (cases.length === 0) return; // only labels precede the first label; nothing to emit
    if (frame.offsets[i] < 0) return; // unreachable code
    emit(...closeBinary(cx, ins.op));
    if (RETURNS_HERE.has(ins.op)) {
      if (siteTaken) emit(setOwnSite(cx, Math.max(layoutLine, 0)));
      siteTaken = true;
    }
    let t;
    try {
      t = translate(cx, ins);
    } catch (e) {
      if (e instanceof CompileError) throw e;
      throw new CompileError(`${where(cx)}: instruction ${ins.op} (opcode ${ins.opcode}): ${(e as Error).message}`);
    }
    const head = loops.get(i);
    if (head !== undefined) {
      // The structured version loops instead of calling (the head is a y register or constant,
      // read with the call's register offset: no trim comes between).
      if (!segmentDead) segment.push(...loopStep(val(cx, head), name, fn.arity, fn.entry));
      segmentDead = true;
      current.push(J.located(t.stmts[0], Math.max(layoutLine, 0)), ...t.stmts.slice(1));
    } else if (t.stmts.length > 0) emit(J.located(t.stmts[0], Math.max(layoutLine, 0)), ...t.stmts.slice(1));
    if (t.resume !== undefined) {
      open(t.resume);
      // Back from a call: the callee may have tail-called (each tail call keeps its JS depth
      // slot), so this activation's depth is set again rather than unwound by every return.
      emit(J.assign(J.member(id('S'), 'depth'), id('d')));
    }
  });
  cases.push(J.caseS(null, [J.throwS(J.newExpr(id('Error'), [J.bin('+', J.str(`${where(cx)}: no label `), id('L'))]))]));

  const params = Array.from({ length: fn.arity }, (_, i) => `x${i}`);
  const xs = Array.from({ length: Math.max(0, frame.xregs - fn.arity) }, (_, i) => `x${fn.arity + i}`);
  const ys = Array.from({ length: frame.slots }, (_, i) => `y${i}`);
  const fs = Array.from({ length: frame.fregs }, (_, i) => `f${i}`);
  const r = id('$r');
  const S = (p: string) => J.member(id('S'), p);

  // A function with no line before its entry never sets a line: its activations still name it.
  const entryAt = fn.code.findIndex((ins) => ins.op === 'label' && (ins.args[0] as { value: number }).value === fn.entry);
  const entryHasLine = fn.code.slice(0, Math.max(entryAt, 0)).some((ins) => ins.op === 'line');
  const enter: J.Stmt[] = [J.assign(id('d'), J.update('++', S('depth'))), ...(entryHasLine ? [] : [setLine(cx, 0)])];
  // Reductions used up or the JS depth bound passed: suspend at entry unless preempt() extends the slice.
  const entryCheck = J.ifs(
    J.logical('&&', J.logical('||', J.bin('<', J.update('--', S('reds')), J.num(0)), J.bin('>', S('depth'), S('maxDepth'))), J.call(id('preempt'), [])),
    [J.ret(J.call(id('suspendEntry'), [id(name), J.array(params.map(id))]))],
  );
  const restore: J.Stmt[] = [
    J.assign(id('L'), J.member(r, 'label')),
    J.ifs(
      J.bin('===', id('L'), J.num(-1)),
      [...params.map((p, i) => J.assign(id(p), J.index(J.member(r, 'x'), i))), ...enter, J.assign(id('L'), J.num(fn.entry))],
      [
        J.assign(id('d'), J.update('++', S('depth'))),
        // The shadow stack slot (runtime/process/state.ts): the saved site (function and line).
        J.assign(J.member(id('LN'), id('d')), J.member(r, 'ln')),
        ...ys.map((y, i) => J.assign(id(y), J.index(J.member(r, 'y'), i))),
        ...(hasCatch ? [J.ifs(J.member(r, 'C'), [J.assign(id('C'), J.call(J.member(J.member(r, 'C'), 'slice'), []))])] : []),
        J.ifs(
          J.bin('===', J.member(r, 'exc'), J.undef),
          [J.assign(id('x0'), J.member(r, 'value'))],
          hasCatch ? toHandler(J.member(r, 'exc')) : [J.throwS(J.member(r, 'exc'))],
        ),
      ],
    ),
  ];

  const locals = ['t', 'd', ...(usesWriter ? ['bw'] : []), ...xs, ...ys, ...fs];
  const loopLocals = loops.size > 0 ? ['cf', 'cl'] : [];
  const declare = J.letDecl(['L', ...locals, ...(hasCatch ? ['C'] : [])], [...['L', ...locals].map(() => undefined), ...(hasCatch ? [J.array([])] : [])]);
  // A fresh activation writes no line here: its first `line` (or label) before anything that
  // can read the shadow stack does (see observedLines).
  const freshEntry: J.Stmt[] = [entryCheck, ...enter, J.assign(id('L'), J.num(fn.entry))];

  const dispatch = J.forever([J.switchS(id('L'), cases)]);
  // Exceptions record their stack trace when created (runtime/process/trace.ts), so only
  // functions with Erlang try/catch need a JS catch: to enter their handler.
  const body = hasCatch
    ? J.forever([
        J.tryCatch([dispatch], 'e', [
          J.ifs(J.logical('&&', J.bin('>', J.member(id('C'), 'length'), J.num(0)), J.instanceOf(id('e'), id('ErlangException'))), [
            J.assign(S('depth'), id('d')),
            ...toHandler(id('e')),
            J.cont(),
          ]),
          J.throwS(id('e')),
        ]),
      ])
    : dispatch;

  let structured = hasCatch ? undefined : structuredBody(segments, fn.entry);
  if (structured !== undefined && loops.size > 0) structured = finishOnReturn(structured);
  if (structured === undefined) return [J.fn(name, [...params, '$r'], [declare, J.ifs(J.bin('===', r, J.undef), freshEntry, restore), body])];
  // Fresh calls run the structured code; a resumed activation goes to the dispatch version,
  // which is only ever called with a frame.
  const resumeName = `${name}$r`;
  const fresh: J.Stmt[] = [
    J.ifs(J.bin('!==', r, J.undef), [J.ret(J.call(id(resumeName), [...params.map(id), r]))]),
    J.letDecl([...locals, ...loopLocals]),
    entryCheck,
    ...enter,
  ];
  return [J.fn(name, [...params, '$r'], [...fresh, ...structured]), J.fn(resumeName, [...params, '$r'], [declare, ...restore, body])];
}

/**
 * Instructions that can neither raise, call nor suspend: nothing can read this activation's
 * line while they run.
 */
const SILENT = new Set([
  'move', 'swap', 'get_list', 'get_hd', 'get_tl', 'get_tuple_element', 'put_list', 'put_tuple2', 'update_record',
  'allocate', 'allocate_zero', 'allocate_heap', 'allocate_heap_zero', 'deallocate', 'init', 'init_yregs', 'test_heap', 'trim',
  'is_integer', 'is_float', 'is_number', 'is_atom', 'is_pid', 'is_reference', 'is_port', 'is_nil', 'is_binary', 'is_bitstr',
  'is_list', 'is_nonempty_list', 'is_tuple', 'is_function', 'is_boolean', 'is_map', 'test_arity', 'is_tagged_tuple',
  'is_eq_exact', 'is_ne_exact', 'is_eq', 'is_ne', 'is_lt', 'is_ge', 'select_val', 'select_tuple_arity',
  'fmove', 'executable_line', 'debug_line',
  // Receive bookkeeping reads or moves the mailbox cursor and cannot fail.
  'loop_rec', 'loop_rec_end', 'remove_message', 'timeout',
  'recv_marker_reserve', 'recv_marker_bind', 'recv_marker_use', 'recv_marker_clear',
]);
/** Calls after which this activation waits with a return address (tail calls leave none). */
const RETURNS_HERE = new Set(['call', 'call_ext', 'call_fun', 'call_fun2', 'apply']);
/** Instructions after which control does not fall through, and which read no line. */
const LEAVES = new Set(['jump', 'return']);

/**
 * Which line updates (`line` instructions, and the line each label re-establishes) can be
 * observed: an update is dead when the code after it reaches another update, a label (which
 * sets its own line when that matters) or a jump/return before anything that could raise,
 * call or suspend — the only things that read the line. Jumps land on labels, so conditional
 * branches need no scan of their own.
 */
function observedLines(code: readonly Instruction[], silentBif: (ins: Instruction) => boolean): boolean[] {
  const needed = new Array<boolean>(code.length).fill(false);
  for (let i = 0; i < code.length; i++) {
    if (code[i].op !== 'line' && code[i].op !== 'label') continue;
    for (let k = i + 1; k < code.length; k++) {
      const op = code[k].op;
      if (op === 'line' || op === 'label' || LEAVES.has(op)) break;
      if (!SILENT.has(op) && !silentBif(code[k])) {
        needed[i] = true;
        break;
      }
    }
  }
  return needed;
}

/** Labels a function's resume points may use: above every label of the module. */
export function resumeLabelBase(labelCount: number, index: number): number {
  return labelCount + 1 + index * 100_000;
}
