/**
 * Where program output goes. Writes are buffered and flushed synchronously (fd 1) when the
 * buffer fills or the program ends, so output order is exact and a crash loses nothing.
 */
import { writeSync } from 'node:fs';

let chunks: Uint8Array[] = [];
let size = 0;
let sink: ((bytes: Uint8Array) => void) | undefined;
/** The reader went away (EPIPE, as after `| head`): output is dropped, the program goes on. */
let closed = false;

/** Redirects program output (tests capture it); `undefined` restores stdout. */
export function setStdoutSink(s: ((bytes: Uint8Array) => void) | undefined): void {
  flushStdout();
  sink = s;
}

export function writeStdout(bytes: Uint8Array): void {
  if (sink) return sink(bytes);
  if (closed) return;
  chunks.push(bytes);
  size += bytes.length;
  if (size > 1 << 16) flushStdout();
}

export function flushStdout(): void {
  if (chunks.length === 0) return;
  const all = Buffer.concat(chunks);
  chunks = [];
  size = 0;
  let off = 0;
  while (off < all.length) {
    try {
      off += writeSync(1, all, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed = true;
        return;
      }
      if (code !== 'EAGAIN') throw e;
    }
  }
}
