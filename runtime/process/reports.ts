/**
 * The report the BEAM's logger prints when a process (not the entry) dies from an uncaught
 * error or throw: `erl -noshell` writes it to standard output, after a header with the local
 * time in microseconds.
 */
import { deviceBytes, formatChars } from '../io/format.js';
import { writeStdout } from '../io/stdout.js';
import { charList, list } from '../term/list.js';
import type { Term } from '../term/term.js';
import type { Process } from './process.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `21-Nov-2026::23:41:55.508344`, as logger's legacy header writes local time. */
export function reportTime(d = new Date()): string {
  const micros = d.getMilliseconds() * 1000 + Math.floor((performance.now() * 1000) % 1000);
  return `${pad(d.getDate())}-${MONTHS[d.getMonth()]}-${d.getFullYear()}::${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(micros, 6)}`;
}


export function errorReport(p: Process, reason: Term): void {
  const body = formatChars(charList('Error in process ~p with exit value:~n~p~n'), list([p.pid, reason]));
  const text = [...Array.from(`=ERROR REPORT==== ${reportTime()} ===\n`, (c) => c.codePointAt(0)!), ...body, 10];
  writeStdout(deviceBytes(text, 'latin1'));
}
