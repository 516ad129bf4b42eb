/**
 * Native `io` and `io_lib` functions for single-process programs: formatting through
 * runtime/io/format.ts, bytes to the process's stdout (or stderr for standard_error) as the
 * `user` device of `erl -noshell` writes them (latin1 mode until `io:setopts` says unicode).
 * The process-based Erlang I/O protocol (group leaders) replaces this with the processes issue.
 */
import { badarg } from '../exception.js';
import { decodeUtf8 } from '../io/chars.js';
import { deviceBytes, formatChars } from '../io/format.js';
import { writeStdout } from '../io/stdout.js';
import { Atom, atom, OK } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import { formatTerm } from '../term/print.js';
import { prettyPrint } from '../io/pretty.js';
import { writeTerm } from '../io/write.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

type Encoding = 'latin1' | 'unicode';
const encodings = new Map<string, Encoding>([
  ['standard_io', 'latin1'],
  ['standard_error', 'latin1'],
]);
const binaryMode = new Map<string, boolean>();

function deviceName(d: Term): string {
  if (d instanceof Atom) {
    if (d.name === 'user') return 'standard_io';
    if (d.name === 'standard_io' || d.name === 'standard_error') return d.name;
  }
  return badarg([d]);
}

function write(device: string, chars: readonly number[]): void {
  const bytes = deviceBytes(chars, encodings.get(device) ?? 'latin1');
  if (device === 'standard_error') process.stderr.write(bytes);
  else writeStdout(bytes);
}

/** unicode:chardata() to characters: integers, UTF-8 binaries, nested lists. */
function chardata(t: Term, args: Term[]): number[] {
  const out: number[] = [];
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (typeof x === 'number') out.push(x);
    else if (x instanceof BitString) {
      if (!x.isBinary) badarg(args);
      const cs = decodeUtf8(x.bytes);
      if (cs === undefined) badarg(args);
      out.push(...cs);
    } else if (x instanceof Cons) {
      const items: Term[] = [];
      let l: Term = x;
      for (; l instanceof Cons; l = l.tail) items.push(l.head);
      if (l !== NIL) items.push(l);
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    } else if (x !== NIL) badarg(args);
  }
  return out;
}

function format(device: string, fmt: Term, args: Term): Term {
  write(device, formatChars(fmt, args, { unicodeDevice: encodings.get(device) === 'unicode' }));
  return OK;
}

function setopts(device: string, opts: Term): Term {
  const items = listToArray(opts);
  if (items === undefined) badarg([opts]);
  for (const o of items) {
    if (o instanceof Atom && (o.name === 'binary' || o.name === 'list')) binaryMode.set(device, o.name === 'binary');
    else if (Array.isArray(o) && o.length === 2 && o[0] instanceof Atom && o[0].name === 'encoding' && o[1] instanceof Atom) {
      const enc = o[1].name === 'utf8' ? 'unicode' : o[1].name;
      if (enc !== 'unicode' && enc !== 'latin1') return [atom('error'), atom('badarg')];
      encodings.set(device, enc);
    }
  }
  return OK;
}


function getopts(device: string): Term {
  return list([
    [atom('binary'), atom(binaryMode.get(device) ? 'true' : 'false')],
    [atom('encoding'), atom(encodings.get(device) ?? 'latin1')],
  ]);
}

defineBifs('io', {
  'format/1': (f) => format('standard_io', f, NIL),
  'format/2': (f, a) => format('standard_io', f, a),
  'format/3': (d, f, a) => format(deviceName(d), f, a),
  'fwrite/1': (f) => format('standard_io', f, NIL),
  'fwrite/2': (f, a) => format('standard_io', f, a),
  'fwrite/3': (d, f, a) => format(deviceName(d), f, a),
  'put_chars/1': (c) => (write('standard_io', chardata(c, [c])), OK),
  'put_chars/2': (d, c) => (write(deviceName(d), chardata(c, [d, c])), OK),
  'nl/0': () => (write('standard_io', [10]), OK),
  'nl/1': (d) => (write(deviceName(d), [10]), OK),
  'write/1': (t) => (write('standard_io', Array.from(formatTerm(t), (c) => c.codePointAt(0)!)), OK),
  // erl's default (+pc latin1); asking the io server needs processes.
  'printable_range/0': () => atom('latin1'),
  'setopts/1': (o) => setopts('standard_io', o),
  'setopts/2': (d, o) => setopts(deviceName(d), o),
  'getopts/0': () => getopts('standard_io'),
  'getopts/1': (d) => getopts(deviceName(d)),
});

/** io_lib:write/2's second argument: a depth, or options with depth and encoding. */
function writeOptions(o: Term, args: Term[]): { depth: number; enc: 'latin1' | 'unicode' } {
  if (typeof o === 'number') return { depth: o, enc: 'latin1' };
  const items = listToArray(o);
  if (items === undefined) badarg(args);
  let depth = -1;
  let enc: 'latin1' | 'unicode' = 'latin1';
  for (const i of items) {
    if (!Array.isArray(i) || i.length !== 2 || !(i[0] instanceof Atom)) badarg(args);
    if (i[0].name === 'depth' && typeof i[1] === 'number') depth = i[1];
    else if (i[0].name === 'encoding' && i[1] instanceof Atom) enc = i[1].name === 'unicode' || i[1].name === 'utf8' ? 'unicode' : 'latin1';
  }
  return { depth, enc };
}

function print(t: Term, column: Term, lineLength: Term, depth: Term): Term {
  if (typeof column !== 'number' || typeof lineLength !== 'number' || typeof depth !== 'number') badarg([t, column, lineLength, depth]);
  return list(prettyPrint(t, { column, lineLength, depth, encoding: 'latin1', strings: true, printableRange: 'latin1' }));
}

defineBifs('io_lib', {
  // OTP returns a deep list here; we return the same characters flat (docs/terms.md, known gaps).
  'format/2': (f, a) => list(formatChars(f, a)),
  'fwrite/2': (f, a) => list(formatChars(f, a)),
  // Native (also flat) because OTP's versions reach modules that need processes (erl_features).
  'write/1': (t) => list(writeTerm(t, -1, 'latin1')),
  'write/2': (t, o) => {
    const { depth, enc } = writeOptions(o, [t, o]);
    return list(writeTerm(t, depth, enc));
  },
  'print/1': (t) => print(t, 1, 80, -1),
  'print/4': print,
});

