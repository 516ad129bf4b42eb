// erlang:display/1's text for the cases its own printer treats specially. The expectations
// were read off erl (OTP 25): `[erlang:display({C, [C], <<C>>}) || C <- lists:seq(0, 255)]`.
import { describe, expect, it } from 'vitest';
import { BitString } from '../../runtime/term/binary.js';
import { formatDisplay } from '../../runtime/term/display.js';
import { float } from '../../runtime/term/float.js';
import { list } from '../../runtime/term/list.js';

const bin = (...b: number[]) => new BitString(Uint8Array.from(b));

describe('erlang:display text', () => {
  it('lists print as strings when every element is printable latin-1, tab, LF or CR', () => {
    expect(formatDisplay(list([9, 97]))).toBe('"\ta"');
    expect(formatDisplay(list([10]))).toBe('"\\n"');
    expect(formatDisplay(list([13]))).toBe('"\r"');
    expect(formatDisplay(list([34, 92]))).toBe('"\\"\\"');
    expect(formatDisplay(list([160, 255]))).toBe('"\u00a0\u00ff"');
    for (const c of [0, 8, 11, 12, 27, 31, 127, 128, 159, 256]) expect(formatDisplay(list([c]))).toBe(`[${c}]`);
  });

  it('binaries print as strings only when every byte is printable ASCII', () => {
    expect(formatDisplay(bin(32, 126))).toBe('<<" ~">>');
    expect(formatDisplay(bin(34))).toBe('<<"\\"">>');
    for (const c of [9, 10, 13, 31, 127, 160, 255]) expect(formatDisplay(bin(c, 97))).toBe(`<<${c},97>>`);
  });

  it('-0.0 keeps its sign', () => {
    expect(formatDisplay(float(-0))).toBe('-0.000000e+00');
    expect(formatDisplay(float(0))).toBe('0.000000e+00');
  });
});
