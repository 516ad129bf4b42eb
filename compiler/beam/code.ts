import type { Atom } from '../../runtime/term/atom.js';
import type { ByteCursor } from './bytes.js';
import { readOperand, type OperandTables } from './compact.js';
import { UnknownOpcodeError } from './errors.js';
import type { Instruction } from './instruction.js';
import type { BeamFunction, CodeHeader } from './module.js';
import { OPCODES } from './opcodes.js';
import type { Operand } from './operand.js';

/** The Code chunk header: `<<HeaderSize:32, InstructionSet:32, OpcodeMax:32, Labels:32, Functions:32>>`. */
export function readCodeHeader(c: ByteCursor): CodeHeader {
  const headerSize = c.u32('code header size');
  if (headerSize < 16) c.fail(`code header size ${headerSize} is less than 16`, 0);
  const start = c.pos;
  const instructionSet = c.u32('instruction set');
  if (instructionSet !== 0) c.fail(`unknown instruction set ${instructionSet}`, start);
  const opcodeMax = c.u32('opcode max');
  const labelCount = c.u32('label count');
  const functionCount = c.u32('function count');
  c.need(headerSize - 16, 'code header');
  c.pos = start + headerSize;
  return { headerSize, instructionSet, opcodeMax, labelCount, functionCount };
}

/**
 * Decodes the instruction stream and groups it into functions the way beam_disasm does:
 * a function owns the labels and `line`s just before its `func_info`, and everything up to
 * the labels of the next function; `int_code_end` closes the stream.
 */
export function readFunctions(c: ByteCursor, tables: OperandTables, module: Atom): BeamFunction[] {
  const functions: BeamFunction[] = [];
  let code: Instruction[] = [];
  let current: { name: Atom; arity: number } | undefined;
  let ended = false;

  const where = () =>
    current ? `${module.name}:${current.name.name}/${current.arity}` : `${module.name} before its first function`;

  const finish = (carry: Instruction[]) => {
    if (current) {
      const entry = code.findIndex((i) => i.op === 'func_info') + 1;
      const label = code[entry];
      const entryLabel = label?.op === 'label' ? label.args[0] : undefined;
      if (entryLabel?.kind !== 'u') c.fail(`${where()}: func_info is not followed by a label`);
      functions.push({ name: current.name, arity: current.arity, entry: entryLabel.value, code });
    } else if (code.some((i) => i.op !== 'label' && i.op !== 'line')) {
      c.fail(`${module.name}: code before the first func_info`);
    }
    code = carry;
  };

  while (!c.atEnd) {
    const at = c.pos;
    const opcode = c.u8('opcode');
    const info = OPCODES[opcode];
    if (info === undefined) throw new UnknownOpcodeError(c.file, opcode, where(), c.base + at);
    const args: Operand[] = new Array(info.arity);
    for (let i = 0; i < info.arity; i++) args[i] = readOperand(c, tables);
    const ins: Instruction = { opcode, op: info.name, args };
    if (ins.op === 'int_code_end') {
      ended = true;
      break;
    }
    if (ins.op === 'func_info') {
      const [m, f, a] = args;
      if (m?.kind !== 'atom' || f?.kind !== 'atom' || a?.kind !== 'u') c.fail('malformed func_info', at);
      // Labels and lines right before func_info belong to the new function.
      let k = code.length;
      while (k > 0 && (code[k - 1].op === 'label' || code[k - 1].op === 'line')) k--;
      const carry = code.splice(k);
      finish(carry);
      current = { name: f.value, arity: a.value };
    }
    code.push(ins);
  }
  if (!ended) c.fail('code does not end with int_code_end');
  if (!c.atEnd) c.fail(`${c.remaining} bytes after int_code_end`);
  finish([]);
  return functions;
}
