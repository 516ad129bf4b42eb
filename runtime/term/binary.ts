/**
 * A bitstring: `bitSize` bits, most significant bit first, stored left-aligned in `bytes`
 * (`bytes.length === ceil(bitSize / 8)`; unused low bits of the last byte are zero).
 * A binary is a bitstring whose size is a multiple of 8. `bytes` may be a view into a
 * larger buffer (sub-binaries share memory); it is never mutated once the term exists.
 */
export class BitString {
  constructor(
    readonly bytes: Uint8Array,
    readonly bitSize: number = bytes.length * 8,
  ) {}
  get isBinary(): boolean {
    return (this.bitSize & 7) === 0;
  }
  get byteSize(): number {
    return this.bitSize >>> 3;
  }
}

export function binary(bytes: Uint8Array): BitString {
  return new BitString(bytes, bytes.length * 8);
}

const utf8 = new TextEncoder();
export function binaryFromString(s: string): BitString {
  return binary(utf8.encode(s));
}
