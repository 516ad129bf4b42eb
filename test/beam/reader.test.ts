import { readFileSync } from 'node:fs';
import pako from 'pako';
import { describe, expect, it } from 'vitest';
import { ByteCursor } from '../../compiler/beam/bytes.js';
import { readOperand } from '../../compiler/beam/compact.js';
import { BeamFormatError, UnknownOpcodeError } from '../../compiler/beam/errors.js';
import { readChunks } from '../../compiler/beam/iff.js';
import { OPCODES } from '../../compiler/beam/opcodes.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { formatTerm } from '../../runtime/term/print.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/beam/${name}.beam`, import.meta.url));

/** File offsets of the instructions in the Code chunk, found by walking it as the reader does. */
function instructionOffsets(bytes: Uint8Array): { offset: number; op: string }[] {
  const code = readChunks(bytes, 't').find((c) => c.id === 'Code')!;
  const m = readBeam(bytes, 't');
  const c = new ByteCursor(code.data, 't', 'Code', code.offset, 4 + m.header.headerSize);
  const out: { offset: number; op: string }[] = [];
  while (!c.atEnd) {
    const offset = code.offset + c.pos;
    const info = OPCODES[c.u8()]!;
    for (let k = 0; k < info.arity; k++) readOperand(c, { atoms: m.atoms, literals: m.literals, typeCount: m.types?.length });
    out.push({ offset, op: info.name });
  }
  return out;
}

describe('readBeam', () => {
  it('reads a module: name, exports, functions with entry labels, literals, lines, compile info', () => {
    const m = readBeam(fixture('hello_basic'), 'hello_basic.beam');
    expect(m.name.name).toBe('hello_basic');
    expect(m.exports.map((e) => `${e.name.name}/${e.arity}`).sort()).toEqual(['main/0', 'module_info/0', 'module_info/1']);
    const main = m.functions.find((f) => f.name.name === 'main')!;
    expect(main.code[main.code.findIndex((i) => i.op === 'func_info') + 1]).toEqual({
      opcode: 1,
      op: 'label',
      args: [{ kind: 'u', value: main.entry }],
    });
    expect(m.exports.find((e) => e.name.name === 'main')!.label).toBe(main.entry);
    expect(m.lines!.files[0]).toBe('hello_basic.erl');
    expect(m.lines!.locations.slice(1).every((l) => l !== undefined && l.line > 0)).toBe(true);
    expect(formatTerm(m.compileInfo)).toMatch(/^\[\{version,/);
    expect(m.atomChunk).toBe('AtU8');
    expect(m.typesVersion).toBe(1);
    expect(m.rawChunks.has('Dbgi')).toBe(true);
  });

  it('names module, function and opcode number for an opcode no release defines', () => {
    const bytes = Uint8Array.from(fixture('hello_basic'));
    const offsets = instructionOffsets(bytes);
    const k = offsets.findIndex((o) => o.op === 'func_info');
    const target = offsets.slice(k).find((o) => o.op === 'allocate')!;
    bytes[target.offset] = 185;
    let err: unknown;
    try {
      readBeam(bytes, 'patched.beam');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownOpcodeError);
    expect((err as Error).message).toBe(
      `patched.beam: chunk Code: unknown opcode 185 in hello_basic:main/0 (at byte ${target.offset})`,
    );
  });

  it('reads gzip-compressed .beam files, as the loader does', () => {
    const plain = fixture('maps_basic');
    const m = readBeam(pako.gzip(plain), 'maps_basic.beam.gz');
    expect(m.name.name).toBe('maps_basic');
    expect(m.functions.length).toBe(readBeam(plain, 'x').functions.length);
  });

  it('rejects a module without a required chunk, naming it', () => {
    const bytes = Uint8Array.from(fixture('hello_basic'));
    const imp = readChunks(bytes, 'x').find((c) => c.id === 'ImpT')!;
    bytes.set([0x58, 0x58, 0x58, 0x58], imp.offset - 8); // rename ImpT to XXXX
    expect(() => readBeam(bytes, 'noimp.beam')).toThrow(
      new BeamFormatError('noimp.beam', 'ImpT', 'required chunk is missing'),
    );
  });
});
