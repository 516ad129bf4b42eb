/**
 * Static facts about one function's stack frame: which y-register *slot* each `{y,N}` operand
 * means at each instruction. `trim N` drops the N lowest y-registers, so after it `{y,0}` is
 * what was `{y,N}`. The BEAM guarantees every path into a label sees the same frame, so a
 * forward dataflow over the labels gives each instruction a fixed offset; y-registers then
 * become plain JS locals `y<slot>`.
 */
import type { BeamFunction } from '../beam/module.js';

const ENDS_BLOCK = new Set([
  'return', 'jump', 'call_only', 'call_ext_only', 'call_last', 'call_ext_last', 'badmatch', 'case_end',
  'if_end', 'try_case_end', 'select_val', 'select_tuple_arity', 'func_info', 'badrecord', 'apply_last',
  'wait', 'loop_rec_end', 'raise', 'raw_raise', 'int_code_end',
]);

export function endsBlock(op: string): boolean {
  return ENDS_BLOCK.has(op);
}

export interface FrameInfo {
  /** Offset to add to a y index at instruction i (0 when no frame is allocated). */
  readonly offsets: Int32Array;
  /** Number of y slots the function needs. */
  readonly slots: number;
  /** Highest x register index used, plus one. */
  readonly xregs: number;
  /** Highest fr register index used, plus one. */
  readonly fregs: number;
}

export function analyzeFrame(f: BeamFunction): FrameInfo {
  const code = f.code;
  const labelAt = new Map<number, number>();
  code.forEach((ins, i) => {
    if (ins.op === 'label' && ins.args[0].kind === 'u') labelAt.set(ins.args[0].value, i);
  });
  const offsets = new Int32Array(code.length).fill(-1);
  // Walk from the function header and from the entry label (where calls come in).
  const work: [number, number][] = [[0, 0]];
  const entryAt = labelAt.get(f.entry);
  if (entryAt !== undefined) work.push([entryAt, 0]);
  const seen = new Set<number>();
  while (work.length > 0) {
    const [start, off0] = work.pop()!;
    if (seen.has(start)) continue;
    seen.add(start);
    let off = off0;
    for (let i = start; i < code.length; i++) {
      const ins = code[i];
      if (ins.op === 'label' && i !== start && seen.has(i)) break;
      if (ins.op === 'label' && i !== start) seen.add(i);
      offsets[i] = off;
      if (ins.op.startsWith('allocate')) off = 0;
      else if (ins.op === 'trim' && ins.args[0].kind === 'u') off += ins.args[0].value;
      const visit = (label: number) => {
        const at = labelAt.get(label);
        if (at !== undefined && !seen.has(at)) work.push([at, off]);
      };
      for (const a of ins.args) {
        if (a.kind === 'f' && a.label !== 0) visit(a.label);
        if (a.kind === 'list') for (const it of a.items) if (it.kind === 'f' && it.label !== 0) visit(it.label);
      }
      if (endsBlock(ins.op)) break;
    }
  }
  let slots = 0;
  let xregs = f.arity;
  let fregs = 0;
  const scan = (a: { kind: string; n?: number }, i: number) => {
    if (a.kind === 'y') slots = Math.max(slots, a.n! + Math.max(0, offsets[i]) + 1);
    else if (a.kind === 'x') xregs = Math.max(xregs, a.n! + 1);
    else if (a.kind === 'fr') fregs = Math.max(fregs, a.n! + 1);
  };
  code.forEach((ins, i) => {
    for (const a of ins.args) {
      scan(a, i);
      if (a.kind === 'list') for (const it of a.items) scan(it, i);
    }
    // Calls read x0..x(arity-1); make sure those locals exist.
    if (/^(call|apply)/.test(ins.op) && ins.args[0]?.kind === 'u') xregs = Math.max(xregs, ins.args[0].value + 2);
  });
  return { offsets, slots, xregs: Math.max(xregs, 4), fregs };
}
