import { BeamFormatError } from './errors.js';

/**
 * A bounds-checked big-endian cursor over one chunk. Every read past the end raises a
 * BeamFormatError naming the file and chunk, so corrupt input never surfaces as a RangeError.
 */
export class ByteCursor {
  pos: number;
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly file: string,
    readonly chunk: string | undefined,
    /** Offset of `bytes[0]` within the file, for error messages. */
    readonly base = 0,
    start = 0,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  get atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  fail(detail: string, at = this.pos): never {
    throw new BeamFormatError(this.file, this.chunk, detail, this.base + at);
  }

  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      this.fail(`truncated: ${what} needs ${n} bytes, ${this.remaining} left`);
    }
  }

  u8(what = 'byte'): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }
  u16(what = 'u16'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(what = 'u32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  i32(what = 'i32'): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }
  i64(what = 'i64'): bigint {
    this.need(8, what);
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }
  f64(what = 'float'): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }
  take(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** A count of records that each take at least `minSize` bytes: rejects lying counts early. */
  count(n: number, minSize: number, what: string): number {
    if (n < 0 || n * minSize > this.remaining) {
      this.fail(`${what} count ${n} does not fit in the ${this.remaining} bytes left`);
    }
    return n;
  }
}
