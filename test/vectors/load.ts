// Loads the erl-generated vectors (scripts/gen-term-vectors.mjs) for the term and ETF tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TermVector {
  expr: string;
  hex: string;
  hexV0?: string;
  hexV2?: string;
  hexZ?: string;
  w?: string;
  noPrint?: boolean;
  noEncode?: boolean;
}
export interface DecodeCase {
  expr: string;
  hex: string;
  canonical?: string;
  error?: boolean;
}
export interface TermVectors {
  otp: string;
  vectors: TermVector[];
  decodeCases: DecodeCase[];
  cmpIndex: number[];
  matrix: { cmp: string[]; exact: string[]; eq: string[]; key: string[] };
}

const read = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));

export const termVectors: TermVectors = read('./terms.json');
export const floatVectors: { floats: [string, string, string][] } = read('./floats.json');

export const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** Deterministic PRNG for fuzz tests. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
