import pako from 'pako';
import { ByteCursor } from './bytes.js';
import { BeamFormatError } from './errors.js';
import type { ChunkInfo } from './module.js';

export interface Chunk extends ChunkInfo {
  readonly data: Uint8Array;
}

const FOR1 = 0x464f5231; // "FOR1"
const BEAM = 0x4245414d; // "BEAM"

/**
 * Splits a .beam file into its chunks: `FOR1`, total size, `BEAM`, then chunks of
 * `<<Id:4/binary, Size:32, Data:Size/binary, Pad>>` padded to 4 bytes. The loader also takes
 * gzip-compressed files, so we do too.
 */
export function readChunks(input: Uint8Array, file: string): Chunk[] {
  let bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = pako.ungzip(bytes);
    } catch (e) {
      throw new BeamFormatError(file, undefined, `bad gzip compression: ${(e as Error).message ?? e}`);
    }
  }
  if (bytes.length === 0) throw new BeamFormatError(file, undefined, 'empty file');
  const c = new ByteCursor(bytes, file, undefined);
  if (bytes.length < 12 || c.u32() !== FOR1) {
    throw new BeamFormatError(file, undefined, 'not a BEAM file (no FOR1 header)');
  }
  const size = c.u32();
  if (c.u32() !== BEAM) throw new BeamFormatError(file, undefined, 'not a BEAM file (form type is not BEAM)');
  if (size < 4 || size + 8 > bytes.length) {
    throw new BeamFormatError(file, undefined, `truncated: header says ${size + 8} bytes, file has ${bytes.length}`);
  }
  const end = size + 8;
  const chunks: Chunk[] = [];
  while (c.pos + 8 <= end) {
    const idAt = c.pos;
    const idBytes = c.take(4, 'chunk id');
    const id = String.fromCharCode(...idBytes);
    const len = c.u32(`chunk ${printable(id)} size`);
    if (c.pos + len > end) {
      throw new BeamFormatError(file, printable(id), `chunk size ${len} runs past the end of the file`, idAt);
    }
    chunks.push({ id, offset: c.pos, size: len, data: bytes.subarray(c.pos, c.pos + len) });
    c.pos = Math.min(end, c.pos + ((len + 3) & ~3));
  }
  if (c.pos !== end) {
    throw new BeamFormatError(file, undefined, `${end - c.pos} stray bytes after the last chunk`, c.pos);
  }
  return chunks;
}

/** Chunk ids are four printable characters; show anything else escaped. */
export function printable(id: string): string {
  return /^[\x20-\x7e]{4}$/.test(id) ? id : JSON.stringify(id);
}
