import type { Atom } from '../../runtime/term/atom.js';
import type { ErlInteger, Term } from '../../runtime/term/term.js';

/**
 * A decoded compact-term operand of a Code instruction, with atoms and literals already
 * resolved against the module's tables. Tags follow the `Code` chunk encoding:
 * u (untagged), i (integer), a (atom / nil), x, y, f (label), h (character), z (extended:
 * float, list, fp register, allocation list, literal, typed register).
 */
export type Operand =
  | { kind: 'u'; value: number }
  | { kind: 'i'; value: ErlInteger }
  | { kind: 'atom'; value: Atom }
  | { kind: 'nil' }
  | { kind: 'x'; n: number; type?: number }
  | { kind: 'y'; n: number; type?: number }
  | { kind: 'fr'; n: number }
  | { kind: 'f'; label: number }
  | { kind: 'char'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'literal'; index: number; value: Term }
  | { kind: 'list'; items: Operand[] }
  | { kind: 'alloc'; words: number; floats: number; funs: number; items: readonly AllocItem[] };

/** One entry of an allocation list, in file order (totals are also summed into the operand). */
export interface AllocItem {
  readonly kind: 'words' | 'floats' | 'funs';
  readonly n: number;
}

/** A register operand (x or y), the only kinds that can carry a type (`type` indexes `Type`). */
export type Register = Extract<Operand, { kind: 'x' | 'y' }>;
