/**
 * A canonical text form of terms, written identically by `otp_disasm.erl` on the Erlang
 * side, so decoded instructions can be compared with beam_disasm's without depending on
 * `~w` details: floats as their IEEE bits, atoms and binaries byte-escaped, map entries
 * sorted by their printed form.
 */
import { Atom } from '../../runtime/term/atom.js';
import { BitString } from '../../runtime/term/binary.js';
import { ErlFloat } from '../../runtime/term/float.js';
import { ExportFun, LocalFun } from '../../runtime/term/fun.js';
import { Pid, Port, Ref } from '../../runtime/term/identity.js';
import { Cons, NIL } from '../../runtime/term/list.js';
import { ErlMap } from '../../runtime/term/map.js';
import type { Term } from '../../runtime/term/term.js';

const utf8 = new TextEncoder();

function escapeBytes(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    s += b >= 0x20 && b <= 0x7e && b !== 0x27 && b !== 0x5c ? String.fromCharCode(b) : '\\x' + b.toString(16).padStart(2, '0');
  }
  return s;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function canonical(t: Term): string {
  if (typeof t === 'number' || typeof t === 'bigint') return String(t);
  if (t instanceof Atom) return `'${escapeBytes(utf8.encode(t.name))}'`;
  if (t instanceof ErlFloat) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, t.value);
    return `F${hex(b)}`;
  }
  if (Array.isArray(t)) return `{${t.map(canonical).join(',')}}`;
  if (t === NIL) return '[]';
  if (t instanceof Cons) {
    const parts: string[] = [];
    let l: Term = t;
    while (l instanceof Cons) {
      parts.push(canonical(l.head));
      l = l.tail;
    }
    return `[${parts.join(',')}${l === NIL ? '' : '|' + canonical(l)}]`;
  }
  if (t instanceof BitString) return `<<${hex(t.bytes)}:${t.bitSize}>>`;
  if (t instanceof ErlMap) {
    const entries = t.keys.map((k, i) => `${canonical(k)}=>${canonical(t.values[i])}`).sort();
    return `#{${entries.join(',')}}`;
  }
  if (t instanceof ExportFun) return `fun ${canonical(t.module)}:${canonical(t.name)}/${t.arity}`;
  if (t instanceof LocalFun) return `#Fun<${canonical(t.module)}>`;
  if (t instanceof Pid) return `<pid>`;
  if (t instanceof Port) return `<port>`;
  if (t instanceof Ref) return `<ref>`;
  throw new Error(`canonical: not a term: ${String(t)}`);
}
