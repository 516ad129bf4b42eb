import { formatTerm as formatW, type FormatOptions } from '../../runtime/term/print.js';
import type { Term } from '../../runtime/term/term.js';

const formatTerm = (t: Term, o: FormatOptions = { strings: true }) => formatW(t, o);
import { disasmContext, disasmInstruction } from './disasm.js';
import type { BeamModule } from './module.js';

/**
 * A readable listing of a module: header facts, exports, attributes, compile info, then each
 * function with its instructions as Erlang terms (labels outdented), in beam_disasm's shape.
 */
export function listing(m: BeamModule): string {
  const out: string[] = [];
  const fa = (f: { name: { name: string }; arity: number }) => `${formatTerm(f.name as never)}/${f.arity}`;
  out.push(`-module(${formatTerm(m.name)}).`);
  out.push(`%% file: ${m.file}`);
  out.push(`%% chunks: ${m.chunks.map((c) => `${c.id}(${c.size})`).join(' ')}`);
  out.push(
    `%% atoms: ${m.atoms.length} (${m.atomChunk}), imports: ${m.imports.length}, literals: ${m.literals.length}, ` +
      `lambdas: ${m.lambdas.length}, labels: ${m.header.labelCount}, functions: ${m.header.functionCount}, ` +
      `opcode max: ${m.header.opcodeMax}` +
      (m.typesVersion === undefined ? '' : `, types: ${m.types!.length} (v${m.typesVersion})`),
  );
  out.push(`-export([${m.exports.map(fa).join(', ')}]).`);
  out.push(`%% attributes: ${formatTerm(m.attributes)}`);
  out.push(`%% compile info: ${formatTerm(m.compileInfo)}`);
  if (m.meta !== undefined) out.push(`%% meta: ${formatTerm(m.meta)}`);
  const cx = disasmContext(m);
  for (const f of m.functions) {
    out.push('', `%% function ${fa(f)}, entry label ${f.entry}`);
    for (const ins of f.code) {
      out.push(`${ins.op === 'label' ? '  ' : '    '}${formatTerm(disasmInstruction(ins, cx))}.`);
    }
  }
  return out.join('\n') + '\n';
}
