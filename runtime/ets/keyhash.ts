/**
 * The hash ERTS 25 (64-bit) places a key in a set/bag table's bucket with: an atom's own hash
 * for atom keys, else OTP's internal term hash (make_internal_hash with salt 0), which mixes
 * the raw machine words of immediates. Written from observation of erl (ets:slot/2 shows
 * the bucket of every key) and OTP's description of the algorithm; checked by the etsBuckets
 * vectors (test/bif/hash.test.ts) and the ets_order and ets_churn fixtures.
 *
 * Exact for keys built from integers, floats, binaries, lists, tuples, small maps and
 * references. Some words are VM-internal: an atom inside a compound key is hashed by its
 * index in the atom table, a local fun by its module's atom, external pids/ports/refs by a
 * node pointer, and local pids and ports by an internal encoding of their numbers. For those
 * we substitute a deterministic word of our own, so such keys get a stable order that
 * differs from OTP's.
 *
 * The internal hash itself lives with the maps that use it too (runtime/term/hash-internal.ts).
 */
import { atomHash } from '../bif/hash.js';
import { Atom } from '../term/atom.js';
import { internalHash } from '../term/hash-internal.js';
import type { Term } from '../term/term.js';

/** The hash that places `key` in a hash table: an atom's own hash, else the internal hash. */
export function bucketHash(key: Term): number {
  return key instanceof Atom ? atomHash(key) : internalHash(key);
}
