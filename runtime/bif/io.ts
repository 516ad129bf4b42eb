/**
 * Native `io` and `io_lib` functions: formatting through runtime/io/format.ts, bytes to stdout
 * (or stderr for standard_error) as the `user` device of `erl -noshell` writes them (latin1
 * mode until `io:setopts` says unicode). That fast path serves every process whose group
 * leader is `user` (the default). Output to any other io server (a group leader set with
 * group_leader/2, a pid given as device) goes through OTP's own io module and the Erlang I/O
 * protocol; and `user` answers that protocol natively too (`userIoRequest`).
 */
import { badarg } from '../exception.js';
import { decodeUtf8 } from '../io/chars.js';
import { Pid } from '../term/identity.js';
import { deviceBytes, formatChars } from '../io/format.js';
import { writeStdout } from '../io/stdout.js';
import { Atom, atom, OK } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { Cons, list, listToArray, NIL } from '../term/list.js';
import { formatTerm } from '../term/print.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';
import { ensureLoaded, MODULES } from '../modules.js';
import { resolve } from '../ops.js';
import { isUser } from '../process/process.js';
import { S } from '../process/state.js';
import { send as sendTerm } from './processes.js';

type Encoding = 'latin1' | 'unicode';
const encodings = new Map<string, Encoding>([
  ['standard_io', 'latin1'],
  ['standard_error', 'latin1'],
]);
const binaryMode = new Map<string, boolean>();

/** Output that goes through the Erlang I/O protocol: OTP's io module, compiled (a tail call). */
function viaProtocol(name: string, args: Term[]): Term {
  ensureLoaded('io');
  const fn = MODULES.get('io')?.exports.get(`${name}/${args.length}`);
  if (fn === undefined) return badarg(args);
  return fn(...args);
}

/** Whether output to `device` (default: standard_io) may take the native path. */
function direct(device?: Term): boolean {
  if (device === undefined || device === STANDARD_IO) {
    const gl = S.current?.groupLeader;
    return gl === undefined || isUser(gl);
  }
  if (device instanceof Pid) return isUser(device);
  return true;
}

const STANDARD_IO = atom('standard_io');

function deviceName(d: Term): string {
  if (d instanceof Atom) {
    if (d.name === 'user') return 'standard_io';
    if (d.name === 'standard_io' || d.name === 'standard_error') return d.name;
  }
  // A group leader pid: every process's is the one standard output.
  if (d instanceof Pid) return 'standard_io';
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


defineBifs('io', {
  'format/1': (f) => (direct() ? format('standard_io', f, NIL) : viaProtocol('format', [f])),
  'format/2': (f, a) => (direct() ? format('standard_io', f, a) : viaProtocol('format', [f, a])),
  'format/3': (d, f, a) => (direct(d) ? format(deviceName(d), f, a) : viaProtocol('format', [d, f, a])),
  'fwrite/1': (f) => (direct() ? format('standard_io', f, NIL) : viaProtocol('fwrite', [f])),
  'fwrite/2': (f, a) => (direct() ? format('standard_io', f, a) : viaProtocol('fwrite', [f, a])),
  'fwrite/3': (d, f, a) => (direct(d) ? format(deviceName(d), f, a) : viaProtocol('fwrite', [d, f, a])),
  'put_chars/1': (c) => (direct() ? (write('standard_io', chardata(c, [c])), OK) : viaProtocol('put_chars', [c])),
  'put_chars/2': (d, c) => (direct(d) ? (write(deviceName(d), chardata(c, [d, c])), OK) : viaProtocol('put_chars', [d, c])),
  'nl/0': () => (direct() ? (write('standard_io', [10]), OK) : viaProtocol('nl', [])),
  'nl/1': (d) => (direct(d) ? (write(deviceName(d), [10]), OK) : viaProtocol('nl', [d])),
  'write/1': (t) => (direct() ? (write('standard_io', Array.from(formatTerm(t), (c) => c.codePointAt(0)!)), OK) : viaProtocol('write', [t])),
  'setopts/1': (o) => (direct() ? setopts('standard_io', o) : viaProtocol('setopts', [o])),
  'setopts/2': (d, o) => (direct(d) ? setopts(deviceName(d), o) : viaProtocol('setopts', [d, o])),
  // erl's default (+pc latin1): which characters ~tp prints as strings.
  'printable_range/0': () => atom('latin1'),
  'getopts/0': () => (direct() ? getopts('standard_io') : viaProtocol('getopts', [])),
  'getopts/1': (d) => (direct(d) ? getopts(deviceName(d)) : viaProtocol('getopts', [d])),
});

defineBifs('net_kernel', {
  // Whether an io server understands unicode requests: every local one does.
  'dflag_unicode_io/1': () => atom('true'),
});

const IO_REQUEST = atom('io_request');
const IO_REPLY = atom('io_reply');
const ENOTSUP: Term = [atom('error'), atom('enotsup')];

/**
 * The `user` io server answering the Erlang I/O protocol natively: what OTP's io module (and
 * any code speaking the protocol) sends to the default group leader.
 */
export function userIoRequest(msg: Term): void {
  if (!Array.isArray(msg) || msg.length !== 4 || msg[0] !== IO_REQUEST || !(msg[1] instanceof Pid)) return;
  const [, from, replyAs, req] = msg;
  let result: Term;
  try {
    result = ioRequest(req);
  } catch {
    result = [atom('error'), atom('arguments')];
  }
  sendTerm(from, [IO_REPLY, replyAs, result]);
}

function ioRequest(req: Term): Term {
  if (req === atom('getopts')) return getopts('standard_io');
  if (!Array.isArray(req)) return ENOTSUP;
  const tag = req[0];
  if (tag === atom('put_chars') && req.length === 3) {
    write('standard_io', req[1] === atom('latin1') ? latin1Chars(req[2]) : chardata(req[2], [req[2]]));
    return OK;
  }
  if (tag === atom('put_chars') && req.length === 2) {
    write('standard_io', latin1Chars(req[1]));
    return OK;
  }
  if (tag === atom('put_chars') && req.length === 5) {
    // {put_chars, Enc, M, F, A}: in practice io_lib:format, which is native (never suspends).
    const [, enc, m, f, a] = req;
    const args = listToArray(a);
    if (!(m instanceof Atom) || !(f instanceof Atom) || args === undefined) return [atom('error'), atom('arguments')];
    const chars = resolve(m.name, f.name, args.length)(...args);
    write('standard_io', enc === atom('latin1') ? latin1Chars(chars) : chardata(chars, [chars]));
    return OK;
  }
  if (tag === atom('setopts') && req.length === 2) return setopts('standard_io', req[1]);
  if (tag === atom('requests') && req.length === 2) {
    let r: Term = OK;
    for (const q of listToArray(req[1]) ?? []) r = ioRequest(q);
    return r;
  }
  if (tag === atom('get_chars') || tag === atom('get_line') || tag === atom('get_until') || tag === atom('get_password')) return atom('eof');
  return ENOTSUP;
}

/** iodata as bytes = latin1 characters. */
function latin1Chars(t: Term): number[] {
  const out: number[] = [];
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (typeof x === 'number') out.push(x);
    else if (x instanceof BitString) out.push(...x.bytes);
    else if (x instanceof Cons) {
      const items: Term[] = [];
      let l: Term = x;
      for (; l instanceof Cons; l = l.tail) items.push(l.head);
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    }
  }
  return out;
}

/** What erl -noshell's devices answer: standard_io has a binary mode, standard_error not. */
function getopts(device: string): Term {
  const enc: Term = [atom('encoding'), atom(encodings.get(device) ?? 'latin1')];
  if (device === 'standard_error') return list([enc]);
  return list([[atom('binary'), atom(binaryMode.get(device) ? 'true' : 'false')], enc]);
}

// io_lib is OTP's own Erlang code, compiled like any module: its results have OTP's exact
// (deep) shape. io:format above formats natively, straight to the device.


