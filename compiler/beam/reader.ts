import { readFileSync } from 'node:fs';
import { NIL } from '../../runtime/term/list.js';
import type { Term } from '../../runtime/term/term.js';
import { readAtoms, type AtomTable } from './atoms.js';
import { ByteCursor } from './bytes.js';
import { readCodeHeader, readFunctions } from './code.js';
import { BeamFormatError } from './errors.js';
import { printable, readChunks, type Chunk } from './iff.js';
import { readLines } from './lines.js';
import { readLiterals, readTermChunk } from './literals.js';
import type { BeamModule, BeamType, FunctionRef, Import, Lambda, LineTable } from './module.js';
import { readFunctionRefs, readImports, readLambdas } from './tables.js';
import { readTypes } from './types.js';

/** Chunks that are interpreted here; any other chunk is kept raw in `rawChunks`. */
const INTERPRETED = new Set(['AtU8', 'Atom', 'Code', 'StrT', 'ImpT', 'ExpT', 'LocT', 'FunT', 'LitT', 'Line', 'Type', 'Attr', 'CInf', 'Meta']);

/**
 * Reads a whole .beam file into a typed module. Every problem with the input is a
 * BeamFormatError naming `file` and, where it applies, the chunk.
 */
export function readBeam(bytes: Uint8Array, file: string): BeamModule {
  const chunks = readChunks(bytes, file);
  const byId = new Map<string, Chunk>();
  for (const ch of chunks) {
    if (byId.has(ch.id)) throw new BeamFormatError(file, printable(ch.id), 'chunk appears twice', ch.offset - 8);
    byId.set(ch.id, ch);
  }
  const cursor = (id: string): ByteCursor | undefined => {
    const ch = byId.get(id);
    return ch && new ByteCursor(ch.data, file, id, ch.offset);
  };
  const required = (id: string): ByteCursor => {
    const c = cursor(id);
    if (!c) throw new BeamFormatError(file, id, 'required chunk is missing');
    return c;
  };

  const atU8 = cursor('AtU8');
  const latin1 = cursor('Atom');
  let atomTable: AtomTable;
  if (atU8) atomTable = readAtoms(atU8, 'AtU8');
  else if (latin1) atomTable = readAtoms(latin1, 'Atom');
  else throw new BeamFormatError(file, 'AtU8', 'no atom table (neither AtU8 nor Atom chunk)');
  const atoms = atomTable.atoms;
  const name = atoms[0];

  const imports: Import[] = readImports(required('ImpT'), atoms);
  const exports: FunctionRef[] = readFunctionRefs(required('ExpT'), atoms);
  const locT = cursor('LocT');
  const locals: FunctionRef[] = locT ? readFunctionRefs(locT, atoms) : [];
  const funT = cursor('FunT');
  const lambdas: Lambda[] = funT ? readLambdas(funT, atoms) : [];
  const litT = cursor('LitT');
  const literals: Term[] = litT ? readLiterals(litT) : [];
  const strings = byId.get('StrT')?.data ?? new Uint8Array(0);
  const lineC = cursor('Line');
  const lines: LineTable | undefined = lineC ? readLines(lineC, name) : undefined;
  const typeC = cursor('Type');
  let types: BeamType[] | undefined;
  let typesVersion: number | undefined;
  if (typeC) ({ types, version: typesVersion } = readTypes(typeC));

  const code = required('Code');
  const header = readCodeHeader(code);
  const functions = readFunctions(code, { atoms, literals, typeCount: types?.length }, name);

  const term = (id: string, what: string): Term | undefined => {
    const c = cursor(id);
    return c && readTermChunk(c, what);
  };
  const rawChunks = new Map<string, Uint8Array>();
  for (const ch of chunks) if (!INTERPRETED.has(ch.id)) rawChunks.set(ch.id, ch.data);

  return {
    file,
    name,
    atoms,
    atomChunk: atomTable.layout,
    header,
    functions,
    imports,
    exports,
    locals,
    lambdas,
    literals,
    strings,
    lines,
    types,
    typesVersion,
    attributes: term('Attr', 'attributes') ?? NIL,
    compileInfo: term('CInf', 'compile info') ?? NIL,
    meta: term('Meta', 'meta'),
    rawChunks,
    chunks: chunks.map(({ id, offset, size }) => ({ id, offset, size })),
  };
}

/** Reads a .beam file from disk; I/O errors (missing file...) become BeamFormatErrors too. */
export function readBeamFile(path: string): BeamModule {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new BeamFormatError(path, undefined, err.code === 'ENOENT' ? 'no such file' : `cannot read: ${err.message}`);
  }
  return readBeam(bytes, path);
}
