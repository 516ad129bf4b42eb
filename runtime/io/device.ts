/**
 * What io:format writes to standard_io, given the characters io_lib:format produced.
 *
 * Found with erl (OTP 25) under `erl -noshell`, where standard_io is the `user` process
 * (kernel's user.erl) writing to fd 1; see test/vectors/format.json "device":
 *
 * - io:format sends {put_chars, unicode, io_lib, format, [Format, Args]}; the device runs the
 *   format itself. If that fails — or the result cannot be converted below — io:format raises
 *   `error:badarg` (error_info cause {device, put_chars}); nothing is written. So `~s` with a
 *   character above 255 raises badarg already in io_lib:format, in either mode.
 * - latin1 mode (the default): characters 0..255 are written as single bytes; any other valid
 *   character (up to 16#10FFFF, not a surrogate; 16#FFFE/16#FFFF included) is written as the
 *   ASCII text `\x{HEX}` (uppercase hex, no padding): `~ts` of [16#65E5, 233] gives the bytes
 *   `\x{65E5}` then 0xE9. `~p`/`~w` never produce such characters (they escape atoms and don't
 *   treat those lists as strings), but `~tp`/`~tw` of the atom '日' produce '日', which the device
 *   then writes as '\x{65E5}'.
 * - unicode mode (io:setopts(standard_io, [{encoding, unicode}])): every character is written as
 *   UTF-8, including 128..255 (`~s` of "é" gives C3 A9).
 * - In both modes a negative character, a surrogate or one above 16#10FFFF (possible with `~tc`
 *   and `~ts` of a list) raises badarg.
 */
import { badarg } from '../exception.js';

export function deviceBytes(chars: readonly number[], encoding: 'latin1' | 'unicode'): Uint8Array {
  const out: number[] = [];
  for (const c of chars) {
    if (!Number.isInteger(c) || c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) badarg();
    if (encoding === 'latin1') {
      if (c <= 0xff) out.push(c);
      else for (const ch of `\\x{${c.toString(16).toUpperCase()}}`) out.push(ch.charCodeAt(0));
    } else if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    } else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
  }
  return Uint8Array.from(out);
}
