/**
 * The environment BIFs of module os (the rest of os.erl is Erlang, or in time.ts): the Node
 * process's pid and environment. Names and values are strings (lists of code points).
 */
import { badarg } from '../exception.js';
import { TRUE, FALSE } from '../term/atom.js';
import { charList, list, listToArray } from '../term/list.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

/** A flat list of code points as a JS string, or undefined. */
function str(t: Term): string | undefined {
  const items = listToArray(t);
  if (items === undefined) return undefined;
  let s = '';
  for (const c of items) {
    if (typeof c !== 'number' || c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return undefined;
    s += String.fromCodePoint(c);
  }
  return s;
}

/** A variable name: a nonempty string without `=` or NUL (as os.c insists). */
function varName(t: Term, args: Term[]): string {
  const s = str(t);
  if (s === undefined || s === '' || s.includes('=') || s.includes('\0')) badarg(args);
  return s;
}

defineBifs('os', {
  'getpid/0': () => charList(String(process.pid)),
  'getenv/1': (n) => {
    const name = str(n);
    if (name === undefined) badarg([n]);
    // os:getenv("") is false; a name with = or NUL is badarg (as on the BEAM).
    if (name === '') return FALSE;
    if (name.includes('=') || name.includes('\0')) badarg([n]);
    const v = process.env[name];
    return v === undefined ? FALSE : charList(v);
  },
  'env/0': () => list(Object.entries(process.env).map(([k, v]) => [charList(k), charList(v ?? '')])),
  'putenv/2': (n, v) => {
    const name = varName(n, [n, v]);
    const value = str(v);
    if (value === undefined || value.includes('\0')) badarg([n, v]);
    process.env[name] = value;
    return TRUE;
  },
  'unsetenv/1': (n) => {
    delete process.env[varName(n, [n])];
    return TRUE;
  },
});
