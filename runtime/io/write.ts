/**
 * io_lib:write/2 as OTP 25 has it (`~w` / `~W`): the term on one line, cut off at `depth`
 * (-1: unlimited) with `...`, atoms written for the encoding. Iterative, so deep terms cannot
 * overflow the JS stack.
 */
import { Atom } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ErlFloat } from '../term/float.js';
import { formatFloatShort } from '../term/floatformat.js';
import { Cons, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import { formatTerm } from '../term/print.js';
import type { Term } from '../term/term.js';
import { type Chars, type Encoding, pushStr, writeAtom, append } from './chars.js';

type Task =
  | { k: 'lit'; s: string }
  | { k: 'term'; t: Term; d: number }
  | { k: 'tail'; t: Term; d: number }
  | { k: 'tuple'; t: Term[]; i: number; d: number }
  | { k: 'map'; m: ErlMap; i: number; d: number; d0: number };

export function writeTerm(term: Term, depth: number, enc: Encoding): Chars {
  const out: Chars = [];
  const stack: Task[] = [{ k: 'term', t: term, d: depth }];
  const lit = (s: string): Task => ({ k: 'lit', s });
  while (stack.length > 0) {
    const task = stack.pop()!;
    switch (task.k) {
      case 'lit':
        pushStr(out, task.s);
        break;
      case 'term': {
        const { t, d } = task;
        if (d === 0) pushStr(out, '...');
        else if (t instanceof Atom) append(out, writeAtom(t, enc));
        else if (t instanceof ErlFloat) pushStr(out, formatFloatShort(t.value));
        else if (t instanceof BitString) writeBinary(out, t, d);
        else if (t === NIL) pushStr(out, '[]');
        else if (Array.isArray(t) && t.length === 0) pushStr(out, '{}');
        else if (t instanceof Cons) {
          if (d === 1) pushStr(out, '[...]');
          else {
            out.push(0x5b);
            stack.push(lit(']'), { k: 'tail', t: t.tail, d: d - 1 }, { k: 'term', t: t.head, d: d - 1 });
          }
        } else if (Array.isArray(t)) {
          if (d === 1) pushStr(out, '{...}');
          else {
            out.push(0x7b);
            stack.push(lit('}'), { k: 'tuple', t, i: 1, d: d - 1 }, { k: 'term', t: t[0], d: d - 1 });
          }
        } else if (t instanceof ErlMap) {
          if (d === 1 || t.size === 0) pushStr(out, '#{}');
          else {
            pushStr(out, '#{');
            const d0 = d - 1;
            stack.push(lit('}'), { k: 'map', m: t, i: 1, d: d0, d0 });
            stack.push({ k: 'term', t: t.values[0], d: d0 }, lit(' => '), { k: 'term', t: t.keys[0], d: d0 });
          }
        } else {
          // Integers, pids, ports, refs, funs: as erlang:integer_to_list/pid_to_list/... write them.
          pushStr(out, typeof t === 'number' || typeof t === 'bigint' ? String(t) : formatTerm(t));
        }
        break;
      }
      case 'tail': {
        const { t, d } = task;
        if (t === NIL) break;
        if (d === 1) pushStr(out, '|...');
        else if (t instanceof Cons) {
          out.push(0x2c);
          stack.push({ k: 'tail', t: t.tail, d: d - 1 }, { k: 'term', t: t.head, d: d - 1 });
        } else {
          out.push(0x7c);
          stack.push({ k: 'term', t, d: d - 1 });
        }
        break;
      }
      case 'tuple': {
        const { t, i, d } = task;
        if (i >= t.length) break;
        if (d === 1) pushStr(out, ',...');
        else {
          out.push(0x2c);
          stack.push({ k: 'tuple', t, i: i + 1, d: d - 1 }, { k: 'term', t: t[i], d: d - 1 });
        }
        break;
      }
      case 'map': {
        const { m, i, d, d0 } = task;
        if (d === 1) {
          pushStr(out, ',...');
          break;
        }
        if (i >= m.size) break;
        out.push(0x2c);
        stack.push({ k: 'map', m, i: i + 1, d: d - 1, d0 });
        stack.push({ k: 'term', t: m.values[i], d: d0 }, lit(' => '), { k: 'term', t: m.keys[i], d: d0 });
        break;
      }
    }
  }
  return out;
}

/** The pieces io_lib:write_binary/3 produces between `<<` and `>>`: bytes, then `...` or `V:Bits`. */
export function binaryPieces(b: BitString, depth: number): string[] {
  const parts: string[] = [];
  const n = b.byteSize;
  const rest = b.bitSize & 7;
  let d = depth;
  for (let i = 0; ; i++) {
    if (i === n && rest === 0) break;
    if (d === 1) {
      parts.push('...');
      break;
    }
    if (i < n) {
      parts.push(String(b.bytes[i]));
      d--;
    } else {
      parts.push(`${b.bytes[n] >> (8 - rest)}:${rest}`);
      break;
    }
  }
  return parts;
}

function writeBinary(out: Chars, b: BitString, d: number): void {
  pushStr(out, `<<${binaryPieces(b, d).join(',')}>>`);
}
