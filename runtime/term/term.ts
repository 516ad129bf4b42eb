/**
 * The Erlang term as a JS value (design §2):
 * - integer: `number` while a safe integer, `bigint` beyond; always canonical (a bigint is
 *   never in the safe range).
 * - float: `ErlFloat`; atom: interned `Atom`; tuple: a JS array; list: `Cons` cells and `NIL`;
 *   bitstring/binary: `BitString`; map: `ErlMap`; funs, pids, ports, refs: their classes.
 */
import type { Atom } from './atom.js';
import type { BitString } from './binary.js';
import type { ErlFloat } from './float.js';
import type { ExportFun, LocalFun } from './fun.js';
import type { Pid, Port, Ref } from './identity.js';
import type { Cons, Nil } from './list.js';
import type { ErlMap } from './map.js';

export type ErlInteger = number | bigint;
export type Tuple = Term[];
export type Term =
  | ErlInteger
  | ErlFloat
  | Atom
  | Tuple
  | Cons
  | Nil
  | BitString
  | ErlMap
  | ExportFun
  | LocalFun
  | Pid
  | Port
  | Ref;

/** Normalises an integer: bigints inside the safe range become numbers. */
export function int(v: number | bigint): ErlInteger {
  if (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return Number(v);
  }
  return v;
}
