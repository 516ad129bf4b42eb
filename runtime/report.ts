/**
 * The report `beamjs run` prints on stderr when the entry crashes, in the shape of the Erlang
 * shell's: class and reason, then each stack frame with its file and line.
 */
import type { ErlangException } from './exception.js';
import { Atom } from './term/atom.js';
import { Cons, listToArray, NIL } from './term/list.js';
import { formatTerm } from './term/print.js';
import type { Term } from './term/term.js';

const fmt = (t: Term) => formatTerm(t, { strings: true });

function locationText(loc: Term): string {
  const items = listToArray(loc) ?? [];
  let file: string | undefined;
  let line: number | undefined;
  for (const it of items) {
    if (!Array.isArray(it) || it.length !== 2 || !(it[0] instanceof Atom)) continue;
    if (it[0].name === 'file') file = String.fromCodePoint(...((listToArray(it[1]) ?? []) as number[]));
    if (it[0].name === 'line' && typeof it[1] === 'number') line = it[1];
  }
  if (file === undefined) return '';
  return line === undefined ? ` (${file})` : ` (${file}, line ${line})`;
}

export function crashReport(e: ErlangException): string {
  const lines = [`** exception ${e.cls.name}: ${fmt(e.reason)}`];
  e.trace.forEach((frame, i) => {
    if (!Array.isArray(frame) || frame.length !== 4) return;
    const [m, f, a, loc] = frame;
    const head = i === 0 ? '     in function  ' : '     in call from ';
    const name = `${fmt(m)}:${fmt(f)}`;
    if (a instanceof Cons || a === NIL) {
      const args = listToArray(a) ?? [];
      lines.push(`${head}${name}/${args.length}${locationText(loc)}`);
      lines.push(`        called as ${name}(${args.map(fmt).join(',')})`);
    } else {
      lines.push(`${head}${name}/${fmt(a)}${locationText(loc)}`);
    }
  });
  return lines.join('\n') + '\n';
}
