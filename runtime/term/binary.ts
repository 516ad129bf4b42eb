/**
 * A bitstring: `bitSize` bits, most significant bit first, stored left-aligned in `bytes`
 * (`bytes.length === ceil(bitSize / 8)`; unused low bits of the last byte are zero).
 * A binary is a bitstring whose size is a multiple of 8. `bytes` may be a view into a
 * larger buffer (sub-binaries share memory); it is never mutated once the term exists.
 *
 * A binary built by appending (bits/build.ts) is a prefix of a writable buffer with spare
 * capacity; it records that buffer in `wb`, and its `bytes` view is only made when first
 * read (an append loop allocates no typed-array view per step).
 */
export class BitString {
  /** The bytes, or null until first read when this is a prefix of `wb`'s buffer. */
  private b: Uint8Array | null;
  readonly bitSize: number;
  /** The writable buffer this binary is a prefix of (appended binaries only; see bits/build.ts). */
  readonly wb: WritableBuffer | null;

  constructor(bytes: Uint8Array, bitSize?: number);
  constructor(bytes: null, bitSize: number, wb: WritableBuffer);
  constructor(bytes: Uint8Array | null, bitSize?: number, wb: WritableBuffer | null = null) {
    this.b = bytes;
    this.bitSize = bitSize === undefined ? bytes!.length * 8 : bitSize;
    this.wb = wb;
  }

  get bytes(): Uint8Array {
    const b = this.b;
    return b !== null ? b : this.view();
  }

  /**
   * A buffer whose first ceil(bitSize / 8) bytes are this bitstring's bits; it may be longer
   * (the writable buffer of an appended binary). For readers that stay within the size, it
   * spares making the `bytes` view.
   */
  get raw(): Uint8Array {
    const b = this.b;
    return b !== null ? b : this.wb!.buf;
  }

  /**
   * `private_append` only (bits/build.ts): this binary, the latest of its writable buffer and
   * referenced from nowhere else (the compiler guarantees it), grows to `bitSize` in place, as
   * OTP's private append does.
   */
  growInPlace(bitSize: number): this {
    (this as { bitSize: number }).bitSize = bitSize;
    this.b = null;
    return this;
  }

  private view(): Uint8Array {
    const buf = this.wb!.buf;
    return (this.b = new Uint8Array(buf.buffer, buf.byteOffset, (this.bitSize + 7) >>> 3));
  }

  get isBinary(): boolean {
    return (this.bitSize & 7) === 0;
  }
  get byteSize(): number {
    return this.bitSize >>> 3;
  }
}

/** What a BitString needs of a writable buffer: the buffer it is a prefix of. */
export interface WritableBuffer {
  readonly buf: Uint8Array;
}

export function binary(bytes: Uint8Array): BitString {
  return new BitString(bytes, bytes.length * 8);
}

const utf8 = new TextEncoder();
export function binaryFromString(s: string): BitString {
  return binary(utf8.encode(s));
}
