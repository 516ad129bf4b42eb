// Generates n length-prefixed records
//   Tag:8, Flags:4, Kind:4, Len:16 (big-endian), Id:32 (little-endian), Payload:Len bytes
// into one Uint8Array, then parses it four times with a DataView.
const P = 1000000007;
const HEADER = 8;

function generate(n) {
  // First pass: the record seeds, to size the buffer exactly.
  const seeds = new Int32Array(n);
  let x = 7;
  let size = 0;
  for (let k = 0; k < n; k++) {
    x = (x * 16807) % 2147483647;
    seeds[k] = x;
    size += HEADER + (x % 61);
  }
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let pos = 0;
  for (let k = 0; k < n; k++) {
    const x1 = seeds[k];
    const len = x1 % 61;
    view.setUint8(pos, x1 & 255);
    view.setUint8(pos + 1, (((x1 >> 8) & 15) << 4) | ((x1 >> 12) & 15));
    view.setUint16(pos + 2, len);
    view.setUint32(pos + 4, x1, true);
    pos += HEADER;
    for (let j = 1; j <= len; j++) buf[pos++] = (x1 + j * 13) & 255;
  }
  return buf;
}

function parse(buf) {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let count = 0, tags = 0, bits = 0, ids = 0, bytes = 0;
  let pos = 0;
  while (pos < buf.length) {
    if (pos + HEADER > buf.length) throw new Error('truncated header');
    const tag = view.getUint8(pos);
    const fk = view.getUint8(pos + 1);
    const len = view.getUint16(pos + 2);
    const id = view.getUint32(pos + 4, true);
    pos += HEADER;
    if (pos + len > buf.length) throw new Error('truncated payload');
    for (let end = pos + len; pos < end; pos++) bytes += buf[pos];
    count++;
    tags += tag;
    bits += (fk >> 4) ^ (fk & 15);
    ids = (ids * 31 + id) % P;
  }
  return `{${count},${tags},${bits},${ids},${bytes}}`;
}

export function run(n) {
  const buf = generate(n);
  const c = parse(buf);
  for (let i = 0; i < 3; i++) if (parse(buf) !== c) throw new Error('parse is not deterministic');
  return `{${buf.length},${c}}`;
}
