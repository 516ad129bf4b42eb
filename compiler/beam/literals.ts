import pako from 'pako';
import { decodeExternal } from '../../runtime/etf/decode.js';
import { TermFormatError } from '../../runtime/etf/errors.js';
import type { Term } from '../../runtime/term/term.js';
import { ByteCursor } from './bytes.js';

/** Decodes an external-format term inside a chunk; bad terms become errors naming the chunk. */
export function decodeTermIn(c: ByteCursor, bytes: Uint8Array, what: string, at: number): Term {
  try {
    return decodeExternal(bytes);
  } catch (e) {
    if (e instanceof TermFormatError) c.fail(`${what}: ${e.message}`, at);
    throw e;
  }
}

/** A chunk that is one external-format term (`Attr`, `CInf`, `Meta`). */
export function readTermChunk(c: ByteCursor, what: string): Term {
  return decodeTermIn(c, c.take(c.remaining), what, 0);
}

/**
 * `LitT`: `<<UncompressedSize:32, Zlib/binary>>` (OTP ≤ 27), or size 0 followed by the raw
 * table (OTP 28). The table is `<<Count:32, [<<Size:32, ExternalTerm:Size/binary>>]>>`.
 */
export function readLiterals(c: ByteCursor): Term[] {
  const size = c.u32('uncompressed size');
  let table: ByteCursor;
  if (size === 0) {
    table = new ByteCursor(c.bytes, c.file, c.chunk, c.base, c.pos);
  } else {
    let raw: Uint8Array;
    try {
      raw = pako.inflate(c.bytes.subarray(c.pos));
    } catch (e) {
      c.fail(`bad zlib data: ${(e as Error).message ?? e}`);
    }
    // pako reports some corrupt streams by returning undefined rather than throwing.
    if (!(raw instanceof Uint8Array)) c.fail('bad zlib data');
    if (raw.length !== size) c.fail(`inflated to ${raw.length} bytes, header says ${size}`);
    // Offsets inside the inflated table are reported relative to it.
    table = new ByteCursor(raw, c.file, `${c.chunk} (inflated)`, 0);
  }
  const n = table.count(table.u32('literal count'), 4, 'literal');
  const out: Term[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const at = table.pos;
    const len = table.u32(`literal ${i} size`);
    out[i] = decodeTermIn(table, table.take(len, `literal ${i}`), `literal ${i}`, at);
  }
  if (!table.atEnd) table.fail(`${table.remaining} stray bytes after the literals`);
  return out;
}
