import type { Atom } from '../../runtime/term/atom.js';
import type { Term } from '../../runtime/term/term.js';
import type { Instruction } from './instruction.js';

/** Where a chunk sits in the file (offsets of its data, after the 8-byte chunk header). */
export interface ChunkInfo {
  readonly id: string;
  readonly offset: number;
  readonly size: number;
}

/** An entry of ImpT: an external function the module calls (BIFs included). */
export interface Import {
  readonly module: Atom;
  readonly name: Atom;
  readonly arity: number;
}

/** An entry of ExpT or LocT. */
export interface FunctionRef {
  readonly name: Atom;
  readonly arity: number;
  /** Entry label. */
  readonly label: number;
}

/** An entry of FunT: a lambda's implementation function and its environment size. */
export interface Lambda {
  readonly name: Atom;
  readonly arity: number;
  readonly label: number;
  readonly index: number;
  readonly numFree: number;
  readonly oldUniq: number;
}

/** The Code chunk's header. */
export interface CodeHeader {
  readonly headerSize: number;
  readonly instructionSet: number;
  /** Highest opcode the compiler declared; not always the highest used. */
  readonly opcodeMax: number;
  readonly labelCount: number;
  readonly functionCount: number;
}

/**
 * A location of the Line chunk. `file` indexes `LineTable.files` (0 is the module's own
 * source file as named in the compile info); `line` is the line number.
 */
export interface Location {
  readonly file: number;
  readonly line: number;
}

export interface LineTable {
  readonly version: number;
  readonly flags: number;
  readonly instructionCount: number;
  /** Index 0 is "no location"; `line` operands index into this array. */
  readonly locations: readonly (Location | undefined)[];
  /** Source file names; index 0 is the module's own file (not stored in the chunk). */
  readonly files: readonly string[];
}

/**
 * A type from the Type chunk, in the OTP 27 layout whatever the file's version:
 * `union` bits are atom(0) bitstring(1) cons(2) float(3) fun(4) integer(5) map(6) nil(7)
 * pid(8) port(9) reference(10) tuple(11). `matchState` is the OTP 25/26 match-context bit,
 * which OTP 27 folded into bitstring. Bounds and unit are present only when the file has them.
 */
export interface BeamType {
  readonly union: number;
  readonly matchState: boolean;
  readonly min?: bigint;
  readonly max?: bigint;
  readonly unit?: number;
}

/** A function: from the labels just before its `func_info` to its last instruction. */
export interface BeamFunction {
  readonly name: Atom;
  readonly arity: number;
  /** The label right after `func_info`: where calls enter. */
  readonly entry: number;
  readonly code: Instruction[];
}

export interface BeamModule {
  readonly file: string;
  readonly name: Atom;
  /** Atom table; the atom with index `i` (1-based, as in the Code chunk) is `atoms[i - 1]`. */
  readonly atoms: readonly Atom[];
  /** `AtU8` (OTP ≤ 27 layout), `AtU8/28` (negative count, compact lengths) or `Atom` (latin1). */
  readonly atomChunk: 'AtU8' | 'AtU8/28' | 'Atom';
  readonly header: CodeHeader;
  readonly functions: readonly BeamFunction[];
  readonly imports: readonly Import[];
  readonly exports: readonly FunctionRef[];
  readonly locals: readonly FunctionRef[];
  readonly lambdas: readonly Lambda[];
  readonly literals: readonly Term[];
  readonly strings: Uint8Array;
  readonly lines: LineTable | undefined;
  readonly types: readonly BeamType[] | undefined;
  readonly typesVersion: number | undefined;
  /** `Attr`: the module attributes as a property list. */
  readonly attributes: Term;
  /** `CInf`: compile info as a property list. */
  readonly compileInfo: Term;
  /** `Meta` (OTP 26+), decoded. */
  readonly meta: Term | undefined;
  /** Raw chunks we keep but do not interpret here (`Dbgi`, `Docs`, `ExCk`, ...). */
  readonly rawChunks: ReadonlyMap<string, Uint8Array>;
  readonly chunks: readonly ChunkInfo[];
}
