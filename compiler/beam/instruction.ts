import type { Operand } from './operand.js';

/** One generic BEAM instruction as stored in the `Code` chunk. */
export interface Instruction {
  /** Generic opcode number (1..184). */
  readonly opcode: number;
  /** Its name in genop.tab, e.g. `move`, `bs_match`. */
  readonly op: string;
  /** Operands in file order; list operands (`{list, ...}`) are one `list` operand. */
  readonly args: Operand[];
}
