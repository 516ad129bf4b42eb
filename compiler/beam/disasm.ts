/**
 * The module as Erlang terms in the shape OTP's `beam_disasm:file/1` returns them: one term
 * per instruction, operands resolved the same way (imports to `{extfunc,M,F,A}`, call labels
 * to `{M,F,A}`, strings from StrT, ...). `beamjs disasm` prints these, and the OTP
 * conformance test compares them with beam_disasm's own output. OTP 26+ opcodes, which
 * OTP 25's beam_disasm does not know, get the analogous shape.
 */
import { atom, type Atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { list, NIL } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';
import type { Instruction } from './instruction.js';
import type { BeamModule, BeamType } from './module.js';
import type { Operand } from './operand.js';

const A = atom;
const TYPE_NAMES = ['atom', 'bitstring', 'cons', 'float', 'fun', 'integer', 'map', 'nil', 'pid', 'port', 'reference', 'tuple'];

export interface DisasmContext {
  readonly module: BeamModule;
  /** Entry label → `{M,F,A}`, as beam_disasm resolves local call targets. */
  readonly entries: ReadonlyMap<number, Term>;
}

export function disasmContext(module: BeamModule): DisasmContext {
  const entries = new Map<number, Term>();
  for (const f of module.functions) {
    const fi = f.code.findIndex((i) => i.op === 'func_info');
    for (let k = fi + 1; k < f.code.length && f.code[k].op === 'label'; k++) {
      entries.set(labelOf(f.code[k].args[0]), [module.name, f.name, f.arity]);
    }
  }
  return { module, entries };
}

function labelOf(o: Operand): number {
  return o.kind === 'u' ? o.value : -1;
}

/** A type as `{type, [Names], Min | '-inf', Max | '+inf', Unit}`. */
export function typeTerm(t: BeamType): Term {
  const names: Term[] = [];
  TYPE_NAMES.forEach((n, bit) => {
    if (t.union & (1 << bit)) names.push(A(n));
    if (bit === 1 && t.matchState) names.push(A('match_state'));
  });
  return [A('type'), list(names), t.min ?? A('-inf'), t.max ?? A('+inf'), t.unit ?? 1].map(big) as Term;
}

function big(t: Term | bigint): Term {
  if (typeof t === 'bigint' && t >= BigInt(Number.MIN_SAFE_INTEGER) && t <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(t);
  return t;
}

/** An operand as beam_disasm's decoder leaves it (before `resolve_arg`). */
function raw(o: Operand, cx: DisasmContext): Term {
  switch (o.kind) {
    case 'u':
      return [A('u'), o.value];
    case 'i':
      return [A('i'), o.value];
    case 'atom':
      return [A('atom'), o.value];
    case 'nil':
      return A('nil');
    case 'x':
    case 'y': {
      const reg: Term = [A(o.kind), o.n];
      if (o.type === undefined) return reg;
      return [A('tr'), reg, typeTerm(cx.module.types![o.type])];
    }
    case 'fr':
      return [A('fr'), o.n];
    case 'f':
      return [A('f'), o.label];
    case 'char':
      return [A('h'), o.value];
    case 'float':
      return [A('float'), new ErlFloat(o.value)];
    case 'literal':
      return o.value instanceof ErlFloat ? [A('float'), o.value] : [A('literal'), o.value];
    case 'list':
      return [[A('z'), 1], [A('u'), o.items.length], list(o.items.map((i) => raw(i, cx)))];
    case 'alloc':
      return [A('u'), [A('alloc'), list(o.items.map((i) => [A(i.kind), i.n]))]];
  }
}

/** beam_disasm's `resolve_arg`: unsigned values become plain integers, `{i,N}` becomes `{integer,N}`. */
function res(o: Operand, cx: DisasmContext): Term {
  if (o.kind === 'u') return o.value;
  if (o.kind === 'i') return [A('integer'), o.value];
  if (o.kind === 'alloc') return (raw(o, cx) as Term[])[1];
  return raw(o, cx);
}

/** The value of a `{u,N}` operand as beam_disasm's pattern `{u,N}` binds it (alloc lists included). */
function u(o: Operand, cx: DisasmContext): Term {
  return o.kind === 'alloc' ? (raw(o, cx) as Term[])[1] : o.kind === 'u' ? o.value : raw(o, cx);
}

function items(o: Operand, cx: DisasmContext): Term {
  return [A('list'), list(o.kind === 'list' ? o.items.map((i) => res(i, cx)) : [])];
}

function flags(o: Operand): Term {
  return [A('field_flags'), o.kind === 'u' ? o.value : -1];
}

function extfunc(o: Operand, cx: DisasmContext): Term {
  const imp = cx.module.imports[o.kind === 'u' ? o.value : -1];
  return imp ? [A('extfunc'), imp.module, imp.name, imp.arity] : [A('extfunc'), A('?'), A('?'), -1];
}

function bifName(o: Operand, cx: DisasmContext): Atom {
  return cx.module.imports[o.kind === 'u' ? o.value : -1]?.name ?? A('?');
}

function target(o: Operand, cx: DisasmContext): Term {
  return cx.entries.get(o.kind === 'f' ? o.label : -1) ?? [A('f'), o.kind === 'f' ? o.label : -1];
}

function strBytes(cx: DisasmContext, off: number, len: number): Uint8Array {
  return cx.module.strings.subarray(off, off + len);
}

function lambda(o: Operand, cx: DisasmContext): { mfa: Term; index: number; oldUniq: number; numFree: number } {
  const index = o.kind === 'u' ? o.value : -1;
  const l = cx.module.lambdas[index];
  return l
    ? { mfa: [cx.module.name, l.name, l.arity], index, oldUniq: l.oldUniq, numFree: l.numFree }
    : { mfa: [A('?'), A('?'), -1], index, oldUniq: 0, numFree: 0 };
}

const TESTS = new Set([
  'is_lt', 'is_ge', 'is_eq', 'is_ne', 'is_eq_exact', 'is_ne_exact', 'is_integer', 'is_float',
  'is_number', 'is_atom', 'is_pid', 'is_reference', 'is_port', 'is_nil', 'is_binary', 'is_list',
  'is_nonempty_list', 'is_tuple', 'test_arity', 'is_tagged_tuple', 'is_function', 'is_boolean',
  'is_function2', 'is_bitstr', 'is_map',
]);
const BARE = new Set([
  'return', 'send', 'remove_message', 'timeout', 'if_end', 'fclearerror', 'bs_init_writable',
  'on_load', 'build_stacktrace', 'raw_raise', 'nif_start', 'int_code_end',
]);

/** One instruction in beam_disasm's shape. */
export function disasmInstruction(ins: Instruction, cx: DisasmContext): Term {
  const a = ins.args;
  const op = A(ins.op);
  const R = (i: number) => res(a[i], cx);
  const W = (i: number) => raw(a[i], cx);
  const U = (i: number) => u(a[i], cx);
  if (BARE.has(ins.op)) return op;
  if (TESTS.has(ins.op)) return [A('test'), op, R(0), list(a.slice(1).map((o) => res(o, cx)))];
  switch (ins.op) {
    case 'label':
      return [op, U(0)];
    case 'func_info':
      return [op, W(0), W(1), U(2)];
    case 'call':
    case 'call_only':
      return [op, U(0), target(a[1], cx)];
    case 'call_last':
      return [op, U(0), target(a[1], cx), U(2)];
    case 'call_ext':
    case 'call_ext_only':
      return [op, U(0), extfunc(a[1], cx)];
    case 'call_ext_last':
      return [op, U(0), extfunc(a[1], cx), U(2)];
    case 'bif0':
      return [A('bif'), bifName(a[0], cx), A('nofail'), NIL, R(1)];
    case 'bif1':
      return [A('bif'), bifName(a[1], cx), R(0), list([R(2)]), R(3)];
    case 'bif2':
      return [A('bif'), bifName(a[1], cx), R(0), list([R(2), R(3)]), R(4)];
    case 'gc_bif1':
    case 'gc_bif2':
    case 'gc_bif3':
      return [A('gc_bif'), bifName(a[2], cx), R(0), R(1), list(a.slice(3, -1).map((o) => res(o, cx))), R(a.length - 1)];
    case 'allocate':
    case 'allocate_zero':
    case 'test_heap':
    case 'trim':
    case 'apply_last':
      return [op, U(0), U(1)];
    case 'allocate_heap':
    case 'allocate_heap_zero':
      return [op, U(0), U(1), U(2)];
    case 'deallocate':
    case 'call_fun':
    case 'apply':
      return [op, U(0)];
    case 'init':
    case 'loop_rec_end':
    case 'wait':
    case 'jump':
    case 'catch_end':
    case 'try_end':
    case 'try_case':
    case 'recv_mark':
    case 'recv_set':
    case 'recv_marker_clear':
    case 'recv_marker_reserve':
    case 'recv_marker_use':
      return [op, W(0)];
    case 'loop_rec':
    case 'catch':
    case 'try':
    case 'get_hd':
    case 'get_tl':
    case 'bs_set_position':
    case 'recv_marker_bind':
      return [op, W(0), W(1)];
    case 'get_list':
    case 'bs_get_tail':
    case 'bs_get_position':
      return [op, W(0), W(1), W(2)];
    case 'bs_start_match3':
    case 'bs_start_match4':
      return [op, W(0), W(1), W(2), W(3)];
    case 'wait_timeout':
      return [op, W(0), R(1)];
    case 'select_val':
    case 'select_tuple_arity':
      return [op, W(0), W(1), items(a[2], cx)];
    case 'move':
      return [op, R(0), W(1)];
    case 'get_tuple_element':
      return [op, R(0), U(1), R(2)];
    case 'set_tuple_element':
      return [op, R(0), R(1), U(2)];
    case 'put_list':
      return [op, R(0), R(1), W(2)];
    case 'put_tuple':
      return [op, U(0), W(1)];
    case 'put':
    case 'badmatch':
    case 'case_end':
    case 'fcheckerror':
    case 'try_case_end':
    case 'bs_context_to_binary':
    case 'badrecord':
    case 'line':
      return [op, R(0)];
    case 'bs_put_integer':
    case 'bs_put_binary':
    case 'bs_put_float':
      return [op, W(0), R(1), U(2), flags(a[3]), R(4)];
    case 'bs_put_string': {
      const len = U(0) as number;
      return [op, len, [A('string'), list(Array.from(strBytes(cx, U(1) as number, len)))]];
    }
    case 'fmove':
    case 'fconv':
    case 'swap':
      return [op, R(0), R(1)];
    case 'fadd':
    case 'fsub':
    case 'fmul':
    case 'fdiv':
      return [A('arithfbif'), op, R(0), list([R(1), R(2)]), R(3)];
    case 'fnegate':
      return [A('arithfbif'), op, R(0), list([R(1)]), R(2)];
    case 'raise':
      return [op, [A('f'), 0], list([W(0), W(1)]), [A('x'), 0]];
    case 'bs_init2':
    case 'bs_init_bits':
      return [op, W(0), R(1), U(2), U(3), flags(a[4]), R(5)];
    case 'bs_add':
      return [op, W(0), list([R(1), R(2), R(3)]), R(4)];
    case 'bs_start_match2':
      return [A('test'), op, W(0), list([W(1), U(2), U(3), W(4)])];
    case 'bs_get_integer2':
    case 'bs_get_binary2':
    case 'bs_get_float2':
      return [A('test'), op, W(0), list([W(1), U(2), R(3), U(4), flags(a[5]), R(6)])];
    case 'bs_skip_bits2':
      return [A('test'), op, W(0), list([W(1), R(2), U(3), flags(a[4])])];
    case 'bs_test_tail2':
    case 'bs_test_unit':
      return [A('test'), op, W(0), list([W(1), U(2)])];
    case 'bs_save2':
    case 'bs_restore2':
      return [op, W(0), a[1].kind === 'atom' ? W(1) : U(1)];
    case 'bs_match_string': {
      const bits = U(2) as number;
      const bytes = strBytes(cx, U(3) as number, Math.ceil(bits / 8));
      return [A('test'), op, W(0), list([W(1), bits, new BitString(bytes.slice())])];
    }
    case 'bs_append':
      return [op, W(0), R(1), U(2), U(3), U(4), R(5), flags(a[6]), R(7)];
    case 'bs_private_append':
      return [op, W(0), R(1), U(2), R(3), flags(a[4]), R(5)];
    case 'bs_get_utf8':
    case 'bs_get_utf16':
    case 'bs_get_utf32':
      return [A('test'), op, W(0), list([R(1), R(2), flags(a[3]), R(4)])];
    case 'bs_skip_utf8':
    case 'bs_skip_utf16':
    case 'bs_skip_utf32':
      return [A('test'), op, W(0), list([R(1), R(2), flags(a[3])])];
    case 'bs_utf8_size':
    case 'bs_utf16_size':
      return [op, W(0), R(1), R(2)];
    case 'bs_put_utf8':
    case 'bs_put_utf16':
    case 'bs_put_utf32':
      return [op, W(0), flags(a[1]), R(2)];
    case 'put_map_assoc':
    case 'put_map_exact':
      return [op, W(0), W(1), W(2), U(3), items(a[4], cx)];
    case 'has_map_fields':
      return [A('test'), op, W(0), W(1), items(a[2], cx)];
    case 'get_map_elements':
      return [op, W(0), W(1), items(a[2], cx)];
    case 'put_tuple2':
      return [op, W(0), items(a[1], cx)];
    case 'init_yregs':
      return [op, items(a[0], cx)];
    case 'make_fun2': {
      const l = lambda(a[0], cx);
      return [op, l.mfa, l.index, l.oldUniq, l.numFree];
    }
    case 'make_fun3': {
      const l = lambda(a[0], cx);
      return [op, l.mfa, l.index, l.oldUniq, W(1), items(a[2], cx)];
    }
    case 'bs_create_bin': {
      const ops = a[5];
      const n = ops.kind === 'list' ? ops.items.length : 0;
      const rawItems = ops.kind === 'list' ? ops.items.map((i) => raw(i, cx)) : [];
      return [op, list([[W(0), W(1), W(2), W(3), W(4), [A('z'), 1], [A('u'), n], list(rawItems)]])];
    }
    case 'call_fun2':
      return [op, W(0), U(1), W(2)];
    default:
      // OTP 26+ instructions (update_record, bs_match, executable_line, debug_line) and
      // obsolete ones: the name and resolved operands.
      return [op, ...a.map((o) => (o.kind === 'list' ? items(o, cx) : res(o, cx)))];
  }
}
