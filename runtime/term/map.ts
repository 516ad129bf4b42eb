import type { Term } from './term.js';

/**
 * An Erlang map. Keys are kept in the order OTP iterates a flatmap (ascending in the
 * exact term order, `mapKeyCompare`), values at the same index. Invariant: no two keys
 * are exactly equal (`=:=`). Large maps (> 32 keys) iterate in the same sorted order here;
 * OTP iterates large maps in hash order instead (docs/terms.md, known gaps).
 */
export class ErlMap {
  constructor(
    readonly keys: readonly Term[],
    readonly values: readonly Term[],
  ) {}
  get size(): number {
    return this.keys.length;
  }
}
