// Builds one byte buffer by appending in a loop (a growable Uint8Array that doubles its
// capacity): mostly single bytes, some short literals and decimal numbers.
class ByteBuilder {
  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
    this.len = 0;
  }

  reserve(extra) {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  pushByte(b) {
    if (this.len === this.buf.length) this.reserve(1);
    this.buf[this.len++] = b;
  }

  pushBytes(bytes) {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  pushAscii(s) {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }

  bytes() {
    return this.buf.subarray(0, this.len);
  }
}

const GLEAM = new TextEncoder().encode('gleam');

export function run(n) {
  const b = new ByteBuilder();
  for (let i = 0; i < n; i++) {
    switch (i % 16) {
      case 0:
        b.pushAscii(String(i));
        b.pushByte(44); // ","
        break;
      case 1:
        b.pushBytes(GLEAM);
        break;
      default:
        b.pushByte(i & 255);
    }
  }
  const bytes = b.bytes();
  let h = 0;
  for (let pos = 0; pos < bytes.length; pos += 1009) h = (h * 31 + bytes[pos]) % 1000000007;
  return `{${bytes.length},${h}}`;
}
