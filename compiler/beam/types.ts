import type { ByteCursor } from './bytes.js';
import type { BeamType } from './module.js';

/**
 * `Type` (OTP 25+): `<<Version:32, Count:32, Entries>>`.
 * - v1 (OTP 25): 18-byte entries `<<Bits:16, Min:64/signed, Max:64/signed>>`, range present
 *   when Min =< Max; bits 0..12 = atom, bitstring, match state, cons, float, fun, integer,
 *   map, nil, pid, port, reference, tuple.
 * - v2 (OTP 26): `<<Bits:16, Extras>>`, same 13 type bits, then has-min (13), has-max (14),
 *   has-unit (15) flags; the extras present follow: Min:64/signed, Max:64/signed, (Unit-1):8.
 * - v3 (OTP 27+): as v2 without the match-state bit, so types are bits 0..11, flags 12..14.
 * Everything is returned in the v3 layout (see BeamType).
 */
export function readTypes(c: ByteCursor): { version: number; types: BeamType[] } {
  const version = c.u32('type table version');
  if (version < 1 || version > 3) c.fail(`unsupported type table version ${version}`, 0);
  const count = c.count(c.u32('type count'), version === 1 ? 18 : 2, 'type');
  const types: BeamType[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const bits = c.u16('type bits');
    if (version === 1) {
      const min = c.i64('type minimum');
      const max = c.i64('type maximum');
      types[i] = { ...fromV2Bits(bits & 0x1fff), ...(min <= max ? { min, max } : {}) };
      continue;
    }
    const flagBase = version === 2 ? 13 : 12;
    const typeBits = bits & ((1 << flagBase) - 1);
    const t: { union: number; matchState: boolean; min?: bigint; max?: bigint; unit?: number } =
      version === 2 ? fromV2Bits(typeBits) : { union: typeBits, matchState: false };
    if (bits & (1 << flagBase)) t.min = c.i64('type minimum');
    if (bits & (1 << (flagBase + 1))) t.max = c.i64('type maximum');
    if (bits & (1 << (flagBase + 2))) t.unit = c.u8('type unit') + 1;
    types[i] = t;
  }
  if (!c.atEnd) c.fail(`${c.remaining} stray bytes after the types`);
  return { version, types };
}

/** v1/v2 type bits to the v3 layout: drop bit 2 (match state) and shift the rest down. */
function fromV2Bits(bits: number): { union: number; matchState: boolean } {
  return { union: (bits & 3) | ((bits & ~7) >> 1), matchState: (bits & 4) !== 0 };
}
