/**
 * A bitstring: `bitSize` bits, most significant bit first, stored left-aligned in `bytes`
 * (`bytes.length === ceil(bitSize / 8)`; unused low bits of the last byte are zero).
 * A binary is a bitstring whose size is a multiple of 8. `bytes` may be a view into a
 * larger buffer (sub-binaries share memory); it is never mutated once the term exists.
 *
 * The bytes are held as `src` from byte `off` on; `src` may extend past the end. Binaries
 * built by appending (bits/build.ts) are prefixes of a writable buffer with spare capacity
 * (recorded in `wb`), and sub-binaries made by matching are slices of the matched buffer:
 * neither gets a typed-array view of its own until `bytes` is first read. Code that reads
 * the bits itself (matching, copying) uses `src` and `off` directly.
 */
export class BitString {
  /** A buffer holding the bits from byte `off` on (it may extend past the end). */
  src: Uint8Array;
  /** Byte offset of the bits in `src`. */
  off: number;
  readonly bitSize: number;
  /** The writable buffer this binary is a prefix of (appended binaries only; see bits/build.ts). */
  readonly wb: WritableBuffer | null;

  constructor(bytes: Uint8Array, bitSize?: number, wb?: WritableBuffer | null, off?: number);
  constructor(bytes: Uint8Array, bitSize: number = bytes.length * 8, wb: WritableBuffer | null = null, off = 0) {
    this.src = bytes;
    this.off = off;
    this.bitSize = bitSize;
    this.wb = wb;
  }

  get bytes(): Uint8Array {
    const s = this.src;
    return this.off === 0 && s.length === (this.bitSize + 7) >>> 3 ? s : this.view();
  }

  /** The exact view, made once. */
  private view(): Uint8Array {
    const s = this.src;
    const v = new Uint8Array(s.buffer, s.byteOffset + this.off, (this.bitSize + 7) >>> 3);
    this.src = v;
    this.off = 0;
    return v;
  }

  /**
   * `private_append` only (bits/build.ts): this binary, the latest of its writable buffer and
   * referenced from nowhere else (the compiler guarantees it), grows to `bitSize` in place, as
   * OTP's private append does.
   */
  growInPlace(bitSize: number): this {
    (this as { bitSize: number }).bitSize = bitSize;
    this.src = this.wb!.buf;
    this.off = 0;
    return this;
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
