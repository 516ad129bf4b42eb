import type { Atom } from './atom.js';
import type { Pid } from './identity.js';
import type { Term } from './term.js';

/** `fun Module:Name/Arity`. */
export class ExportFun {
  constructor(
    readonly module: Atom,
    readonly name: Atom,
    readonly arity: number,
  ) {}
}

/**
 * A local fun (closure): the module's lambda `index` (FunT), the module's `uniq` (16-byte MD5
 * in the external format), the captured environment, and the creator pid when known.
 */
export class LocalFun {
  constructor(
    readonly module: Atom,
    readonly arity: number,
    readonly index: number,
    readonly uniq: Uint8Array,
    readonly oldIndex: number,
    readonly oldUniq: number,
    readonly pid: Pid | undefined,
    readonly env: readonly Term[],
  ) {}
}

export type Fun = ExportFun | LocalFun;
