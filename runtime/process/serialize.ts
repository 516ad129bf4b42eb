/**
 * A suspended process as plain data and back (design §4: workers will move processes between
 * threads). Frames name their function by module and index, registers and messages are in the
 * external term format (base64), so the result is JSON; a pending receive timeout goes along.
 * What stays behind: links, monitors, aliases and erlang timers (they belong to the node the
 * process leaves), and a process that has not
 * started or is hibernating (its first call is a closure). Registers holding runtime-internal
 * values (a binary match in progress, a receive marker) make the process not serializable:
 * `serializeProcess` then throws, naming the function and register.
 */
import { decodeExternal } from '../etf/decode.js';
import { encodeExternal } from '../etf/encode.js';
import { ensureLoaded, MODULES } from '../modules.js';
import { atom, type Atom } from '../term/atom.js';
import { Cons } from '../term/list.js';
import type { Term } from '../term/term.js';
import { Frame } from './frame.js';
import { NO_SITE, siteLine, siteOf } from './sites.js';
import { dictKey, newPid, Process, PROCESSES, type Priority } from './process.js';
import { armReceiveTimer } from './receive.js';
import { HOLE } from './state.js';
import { timeLeft } from './timers.js';
import { makeRunnable } from './scheduler.js';
import { NAMES } from './signals.js';

export interface SavedFrame {
  readonly module: string;
  readonly index: number;
  readonly label: number;
  /** y registers (a frame after a call) or arguments (a frame suspended at entry); null = unset. */
  readonly y?: (string | null)[];
  readonly x?: (string | null)[];
  readonly C?: number[];
  readonly ln: number;
}

export interface SavedProcess {
  readonly frames: SavedFrame[];
  readonly mailbox: string[];
  readonly dict: [string, string][];
  readonly trapExit: boolean;
  readonly priority: Priority;
  readonly initialCall: string;
  readonly name?: string;
  /** Milliseconds left on a pending `receive ... after`, and whether it already fired. */
  readonly receiveTimeout?: number;
  readonly timedOut: boolean;
}

const enc = (t: Term): string => Buffer.from(encodeExternal(t)).toString('base64');
const dec = (s: string): Term => decodeExternal(Buffer.from(s, 'base64'));

function regs(values: readonly Term[] | undefined, where: string): (string | null)[] | undefined {
  return values?.map((v, i) => {
    if (v === undefined) return null;
    try {
      return enc(v);
    } catch {
      throw new Error(`process not serializable: ${where} holds a runtime value in register ${i}`);
    }
  });
}

export function serializeProcess(p: Process): SavedProcess {
  if (p.status === 'running' || p.status === 'exited') throw new Error(`process not serializable: it is ${p.status}`);
  if (p.start !== undefined) throw new Error('process not serializable: it has not started or is hibernating');
  const frames = p.heap.map((f): SavedFrame => {
    const { module, name, arity, index } = f.fn.info;
    const where = `${module}:${name}/${arity}`;
    return { module, index, label: f.label, y: regs(f.y, where), x: regs(f.x, where), C: f.C?.slice(), ln: siteLine(f.ln) };
  });
  return {
    frames,
    mailbox: p.mailbox.toArray().map(enc),
    dict: [...p.dict.values()].map(([k, v]) => [enc(k), enc(v)]),
    trapExit: p.trapExit,
    priority: p.priority,
    initialCall: enc(p.initialCall),
    name: p.registeredName?.name,
    receiveTimeout: p.receiveTimer === undefined ? undefined : timeLeft(p.receiveTimer),
    timedOut: p.timedOut,
  };
}

/** Recreates a saved process on this node (with a new pid), waiting or runnable as it was. */
export function restoreProcess(s: SavedProcess): Process {
  const p = new Process(newPid(), dec(s.initialCall), undefined);
  for (const f of s.frames) {
    if (!ensureLoaded(f.module)) throw new Error(`cannot restore a frame of ${f.module}: module not found`);
    const fn = MODULES.get(f.module)!.functions[f.index];
    const un = (r?: (string | null)[]) => r?.map((v) => (v === null ? (undefined as unknown as Term) : dec(v)));
    const y = un(f.y);
    // A hole frame's last cell is the end of its first cell's list: encoding copies both, so
    // the link between them is found again.
    if (f.label === HOLE && y !== undefined) {
      let c = y[0] as Cons;
      while (c.tail instanceof Cons) c = c.tail;
      y[1] = c;
    }
    p.heap.push(new Frame(fn, f.label, y, un(f.x), f.C?.slice(), f.label === -1 ? NO_SITE : siteOf(fn, f.ln)));
  }
  for (const m of s.mailbox) p.mailbox.push(dec(m));
  for (const [k, v] of s.dict) {
    const key = dec(k);
    p.dict.set(dictKey(key), [key, dec(v)]);
  }
  p.trapExit = s.trapExit;
  p.priority = s.priority;
  PROCESSES.set(p.pid.id, p);
  if (s.name !== undefined && !NAMES.has(s.name)) {
    const name: Atom = atom(s.name);
    NAMES.set(s.name, p);
    p.registeredName = name;
  }
  // A waiting process re-examines its mailbox from the start when it next runs.
  p.mailbox.resetSave();
  p.timedOut = s.timedOut;
  if (p.mailbox.length > 0 || p.timedOut || p.heap[p.heap.length - 1]?.label === -1) makeRunnable(p);
  else p.status = 'waiting';
  if (s.receiveTimeout !== undefined) armReceiveTimer(p, s.receiveTimeout);
  return p;
}
