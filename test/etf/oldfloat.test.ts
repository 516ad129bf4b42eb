// FLOAT_EXT text ("%.20e") against erl's term_to_binary(F, [{minor_version, 0}]).
import { describe, expect, it } from 'vitest';
import { formatOldFloat, parseOldFloat } from '../../runtime/etf/oldfloat.js';
import { floatVectors } from '../vectors/load.js';

describe('minor_version 0 floats', () => {
  it(`${floatVectors.floats.length} floats format and parse back`, () => {
    const bad: string[] = [];
    for (const [hex, , text] of floatVectors.floats) {
      const v = Buffer.from(hex, 'hex').readDoubleBE(0);
      const got = formatOldFloat(v);
      if (got !== text) bad.push(`${hex}: want ${text} got ${got}`);
      if (!Object.is(parseOldFloat(text), v)) bad.push(`${hex}: parse ${text}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
  it('rounds ties to even like glibc', () => {
    // (2^52 + 1) / 256 and (2^52 + 3) / 256 have exactly 22 significant digits ending in 5
    // (...0039062|5 and ...0117187|5); expected texts from erl.
    expect(formatOldFloat((2 ** 52 + 1) / 256)).toBe('1.75921860444160039062e+13');
    expect(formatOldFloat((2 ** 52 + 3) / 256)).toBe('1.75921860444160117188e+13');
    expect(formatOldFloat(0)).toBe('0.00000000000000000000e+00');
    expect(formatOldFloat(-0)).toBe('-0.00000000000000000000e+00');
    expect(formatOldFloat(1.5)).toBe('1.50000000000000000000e+00');
  });
  it('accepts only what OTP accepts', () => {
    expect(parseOldFloat('1.5')).toBe(1.5);
    expect(parseOldFloat('+1.5E+05')).toBe(150000);
    for (const bad of ['1', '1e5', '.5', '1.', '1.e5', ' 1.5', '1.5 ', 'nan', 'inf', '1.5e400', '0x1.0']) {
      expect(parseOldFloat(bad)).toBeUndefined();
    }
  });
});
