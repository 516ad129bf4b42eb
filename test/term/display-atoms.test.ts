// erlang:display/1's atom quoting and -0.0, as ERTS prints them (outputs copied from erl,
// OTP 25). ERTS quotes by its own latin1 character classes, not io_lib's rules.
import { describe, expect, it } from 'vitest';
import { atom } from '../../runtime/term/atom.js';
import { formatDisplay } from '../../runtime/term/display.js';
import { float } from '../../runtime/term/float.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

describe('erlang:display of atoms and floats', () => {
  it.each([
    ['receive', 'receive'], ['ok@host', "'ok@host'"], ['Ab', "'Ab'"], ['aB9_', 'aB9_'], ['a b', "'a b'"],
    ['été', 'été'], ['Été', "'Été'"], ['a÷', "'a÷'"], ['aÿ', 'aÿ'], ['世', "'世'"], ["a'b", "'a\\'b'"], ['', "''"],
  ])('%s', (name, want) => {
    expect(formatDisplay(atom(name))).toBe(utf8(want));
  });
  it('keeps the sign of -0.0', () => {
    expect(formatDisplay(float(-0))).toBe('-0.000000e+00');
    expect(formatDisplay(float(0))).toBe('0.000000e+00');
  });
});
