import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BeamFormatError } from '../../compiler/beam/errors.js';
import { readChunks } from '../../compiler/beam/iff.js';
import { listing } from '../../compiler/beam/listing.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { prng } from '../support/prng.js';

// Truncated and bit-flipped copies of real .beam files: each must either decode (and then
// list without error) or fail with a BeamFormatError that names the file and, past the
// container header, the chunk. Anything else (a TypeError, RangeError, a hang) is a bug.
const root = new URL('../../fixtures/', import.meta.url).pathname;
const samples = ['beam', 'otp-formats']
  .flatMap((d) => {
    try {
      return readdirSync(join(root, d)).filter((f) => f.endsWith('.beam')).map((f) => join(root, d, f));
    } catch {
      return [];
    }
  })
  .sort();

function check(bytes: Uint8Array, name: string, stats: { ok: number; err: number }): void {
  let m;
  try {
    m = readBeam(bytes, name);
  } catch (e) {
    if (!(e instanceof BeamFormatError)) {
      throw new Error(`${name}: ${(e as Error)?.stack ?? e}`);
    }
    expect(e.message.startsWith(`${name}: `)).toBe(true);
    if (e.chunk !== undefined) expect(e.message).toContain(`chunk ${e.chunk}`);
    stats.err++;
    return;
  }
  listing(m);
  stats.ok++;
}

describe('corrupt .beam files', () => {
  it('has real samples to corrupt', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it('truncated at every chunk boundary and at random lengths', () => {
    const rand = prng(1);
    const stats = { ok: 0, err: 0 };
    for (const file of samples) {
      const bytes = readFileSync(file);
      const cuts = new Set<number>([0, 1, 4, 8, 11, 12, 13, bytes.length - 1]);
      for (const ch of readChunks(bytes, file)) for (const d of [-9, -8, -1, 0, 1, 5]) cuts.add(ch.offset + d);
      for (let i = 0; i < 60; i++) cuts.add(Math.floor(rand() * bytes.length));
      for (const n of cuts) if (n >= 0 && n < bytes.length) check(bytes.subarray(0, n), `cut${n}-${file}`, stats);
    }
    // A truncated file never decodes: the container size no longer matches.
    expect(stats.ok).toBe(0);
    expect(stats.err).toBeGreaterThan(samples.length * 60);
  });

  it('with random bit flips', async () => {
    const rand = prng(2);
    const stats = { ok: 0, err: 0 };
    for (const file of samples) {
      // Let the worker answer the test runner between files: a minute of synchronous work
      // makes vitest's worker RPC time out on a loaded machine.
      await new Promise((resolve) => setImmediate(resolve));
      const original = readFileSync(file);
      // Flip inside the chunk data, not only the header, so each decoder sees damage.
      for (let i = 0; i < 300; i++) {
        const bytes = Uint8Array.from(original);
        const flips = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < flips; k++) {
          const at = 12 + Math.floor(rand() * (bytes.length - 12));
          bytes[at] ^= 1 << Math.floor(rand() * 8);
        }
        check(bytes, `flip${i}-${file}`, stats);
      }
    }
    console.log(`bit flips: ${stats.ok} decoded, ${stats.err} rejected with a BeamFormatError`);
    expect(stats.ok + stats.err).toBe(samples.length * 300);
    expect(stats.err).toBeGreaterThan(0);
    // About 86,000 decodes: 40 s alone on the 2-core machine on a good day, 120 s on a slow one.
  }, 600_000);
});
