/**
 * The `string` module's C BIFs: list_to_integer/1 and list_to_float/1 parse a leading number
 * off a character list and return it with the rest (behaviour checked against erl).
 */
import { atom } from '../term/atom.js';
import { ErlFloat } from '../term/float.js';
import { Cons, NIL } from '../term/list.js';
import { int, type Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const ERROR = atom('error');

/** Leading characters of a list (stops at the first non-character or the tail). */
function leading(l: Term, max = 4096): { chars: string; cells: Term[] } {
  let chars = '';
  const cells: Term[] = [];
  for (let x = l; x instanceof Cons && chars.length < max; x = x.tail) {
    if (typeof x.head !== 'number' || x.head < 0 || x.head > 0x10ffff) break;
    chars += String.fromCodePoint(x.head);
    cells.push(x);
  }
  return { chars, cells };
}

/** The list after the first `n` characters. */
function rest(l: Term, n: number): Term {
  let x = l;
  for (let i = 0; i < n && x instanceof Cons; i++) x = x.tail;
  return x;
}

function notList(l: Term): boolean {
  return !(l instanceof Cons) && l !== NIL;
}

defineBifs('string', {
  'list_to_integer/1': (l) => {
    if (notList(l)) return [ERROR, atom('not_a_list')];
    const m = /^[+-]?\d+/.exec(leading(l).chars);
    if (!m) return [ERROR, atom('no_integer')];
    return [int(BigInt(m[0])), rest(l, m[0].length)];
  },
  'list_to_float/1': (l) => {
    if (notList(l)) return [ERROR, atom('not_a_list')];
    // Erlang floats need digits on both sides of the point; the exponent is optional.
    const m = /^[+-]?\d+\.\d+(?:[eE][+-]?\d+)?/.exec(leading(l).chars);
    if (!m) return [ERROR, atom('no_float')];
    const v = Number(m[0]);
    if (!Number.isFinite(v)) return [ERROR, atom('no_float')];
    return [new ErlFloat(v), rest(l, m[0].length)];
  },
});
