import type { Atom } from './atom.js';

/** A process identifier: node, number, serial and the node's creation. */
export class Pid {
  /**
   * The runtime's process for this pid, cached by runtime/process/process.ts `lookup` (send is
   * the hottest path of concurrent programs). Not part of the term: equality ignores it.
   */
  proc: unknown = undefined;
  constructor(
    readonly node: Atom,
    readonly id: number,
    readonly serial: number,
    readonly creation: number,
  ) {}
}

export class Port {
  constructor(
    readonly node: Atom,
    readonly id: bigint,
    readonly creation: number,
  ) {}
}

/** A reference: node, creation and up to five 32-bit id words (as in NEWER_REFERENCE_EXT). */
export class Ref {
  constructor(
    readonly node: Atom,
    readonly creation: number,
    readonly ids: readonly number[],
  ) {}
}
