/**
 * Bob Jenkins' lookup2, the mixing function under both of erts' term hashes: phash2
 * (runtime/bif/hash.ts) and the internal hash of maps and ETS (runtime/term/hash-internal.ts).
 * Arithmetic is mod 2^32; results are int32 (callers wanting an unsigned value add `>>> 0`).
 */

/** The golden ratio constant erts seeds with. */
export const GOLDEN = 0x9e3779b9;

/** Jenkins' mix of (a, b, c); returns the new c. */
export function mix(a: number, b: number, c: number): number {
  a = (a - b - c) ^ (c >>> 13);
  b = (b - c - a) ^ (a << 8);
  c = (c - a - b) ^ (b >>> 13);
  a = (a - b - c) ^ (c >>> 12);
  b = (b - c - a) ^ (a << 16);
  c = (c - a - b) ^ (b >>> 5);
  a = (a - b - c) ^ (c >>> 3);
  b = (b - c - a) ^ (a << 10);
  c = (c - a - b) ^ (b >>> 15);
  return c | 0;
}

/** lookup2 over the first `len` bytes of `k`, seeded with `init` (erts' block_hash). */
export function blockHash(k: Uint8Array, len: number, init: number): number {
  let a = GOLDEN | 0;
  let b = GOLDEN | 0;
  let c = init | 0;
  let i = 0;
  for (; len - i >= 12; i += 12) {
    a = (a + (k[i] | (k[i + 1] << 8) | (k[i + 2] << 16) | (k[i + 3] << 24))) | 0;
    b = (b + (k[i + 4] | (k[i + 5] << 8) | (k[i + 6] << 16) | (k[i + 7] << 24))) | 0;
    c = (c + (k[i + 8] | (k[i + 9] << 8) | (k[i + 10] << 16) | (k[i + 11] << 24))) | 0;
    // The block loop needs all three words mixed, not just c: inlined.
    a = (a - b - c) ^ (c >>> 13);
    b = (b - c - a) ^ (a << 8);
    c = (c - a - b) ^ (b >>> 13);
    a = (a - b - c) ^ (c >>> 12);
    b = (b - c - a) ^ (a << 16);
    c = (c - a - b) ^ (b >>> 5);
    a = (a - b - c) ^ (c >>> 3);
    b = (b - c - a) ^ (a << 10);
    c = (c - a - b) ^ (b >>> 15);
  }
  c = (c + len) | 0;
  // The tail: bytes 0-3 into a, 4-7 into b, 8-10 into c above its low byte (the length).
  for (let j = len - i - 1; j >= 0; j--) {
    const v = k[i + j];
    if (j >= 8) c = (c + (v << (8 * (j - 7)))) | 0;
    else if (j >= 4) b = (b + (v << (8 * (j - 4)))) | 0;
    else a = (a + (v << (8 * j))) | 0;
  }
  return mix(a, b, c);
}
