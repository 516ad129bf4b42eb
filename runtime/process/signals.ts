/**
 * Signals between processes with the BEAM's semantics: messages, exit signals (links and
 * `exit/2`), monitors and their `'DOWN'` messages, aliases, and what happens when a process
 * ends. Single-threaded, so a signal takes effect when sent; exit signals are handled from a
 * queue rather than by recursion, so a chain of 10,000 linked processes dies without
 * exhausting the JS stack. A signal that kills the *running* process cannot unwind it from
 * here: it is recorded in `pendingExit` and the process stops at its next call (or the BIF
 * that caused it throws, see `checkSelfExit`).
 */
import { atom } from '../term/atom.js';
import type { Pid, Ref } from '../term/identity.js';
import { exactEqual } from '../term/compare.js';
import type { Term } from '../term/term.js';
import { lookup, PROCESSES, refKey, type Monitor, type Process } from './process.js';
import { makeRunnable } from './scheduler.js';
import { S } from './state.js';
import { cancelTimer } from './timers.js';

export const NORMAL = atom('normal');
export const KILL = atom('kill');
export const KILLED = atom('killed');
export const NOPROC = atom('noproc');
const EXIT_TAG = atom('EXIT');
const DOWN = atom('DOWN');
const PROCESS = atom('process');

/** A control signal thrown through generated code to end the running process (never caught by Erlang code). */
export class ProcessExit {
  constructor(readonly reason: Term) {}
}

/** Registered names. */
export const NAMES = new Map<string, Process>();

/** Active aliases (alias/0,1 and monitor/3 `{alias, _}`), by ref key → owner. */
export const ALIASES = new Map<string, Process>();

/** Hooks run when a process ends (ETS tables it owns, host callbacks). */
const exitHooks: ((p: Process, reason: Term) => void)[] = [];
export function onProcessExit(hook: (p: Process, reason: Term) => void): void {
  exitHooks.push(hook);
}

/** Puts a message in a live process's mailbox, waking it if it waits in receive. */
export function deliver(p: Process, msg: Term): void {
  if (p.status === 'exited') return;
  p.mailbox.push(msg);
  if (p.status === 'waiting') makeRunnable(p);
}

/** Sends to an alias (dropped if it is not active). Reply-mode aliases end with this message. */
export function sendToAlias(ref: Ref, msg: Term): void {
  const key = refKey(ref);
  const owner = ALIASES.get(key);
  if (owner === undefined) return;
  const mode = owner.aliases.get(key);
  if (mode === 'reply') deactivateAlias(owner, key);
  else if (mode === 'monitor') {
    const m = owner.monitors.get(key);
    if (m?.alias === 'reply_demonitor') {
      removeMonitor(m);
      deactivateAlias(owner, key);
    }
  }
  deliver(owner, msg);
}

export function deactivateAlias(owner: Process, key: string): boolean {
  if (!owner.aliases.delete(key)) return false;
  ALIASES.delete(key);
  return true;
}

interface ExitSignal {
  readonly to: Process;
  readonly from: Pid;
  readonly reason: Term;
  /** Sent because a linked process ended (else by `exit/2`). */
  readonly link: boolean;
}

const queue: ExitSignal[] = [];
let draining = false;

/** Sends an exit signal (`exit/2`, or a link's when `link`). */
export function sendExit(to: Process, from: Pid, reason: Term, link: boolean): void {
  queue.push({ to, from, reason, link });
  if (draining) return;
  draining = true;
  try {
    for (let i = 0; i < queue.length; i++) handleExit(queue[i]);
  } finally {
    queue.length = 0;
    draining = false;
  }
}

function handleExit({ to, from, reason, link }: ExitSignal): void {
  if (to.status === 'exited') return;
  if (link) {
    // The link is gone on both ends once its signal arrives (and ignored if unlinked meanwhile).
    if (!to.links.delete(from.id)) return;
  } else if (reason === KILL) {
    return kill(to, KILLED);
  }
  if (to.trapExit) return deliver(to, [EXIT_TAG, from, reason]);
  // `normal` ends no one, except a process that sends it to itself with exit/2.
  if (reason === NORMAL && (link || from.id !== to.pid.id)) return;
  kill(to, reason);
}

/** Ends a process with `reason`, now if it is not running, else at its next call. */
export function kill(p: Process, reason: Term): void {
  if (p.status === 'exited') return;
  if (p.status === 'running') {
    if (p.pendingExit === undefined) p.pendingExit = reason;
    S.reds = 0;
    return;
  }
  exitProcess(p, reason);
}

/** Called by BIFs that send exit signals: if one of them killed the caller, stop it now. */
export function checkSelfExit(): void {
  const p = S.current;
  if (p !== undefined && p.pendingExit !== undefined) throw new ProcessExit(p.pendingExit);
}

/** The end of a process: links, monitors, names, aliases and timers are resolved. */
export function exitProcess(p: Process, reason: Term): void {
  if (p.status === 'exited') return;
  p.status = 'exited';
  p.exitReason = reason;
  p.heap.length = 0;
  p.start = undefined;
  PROCESSES.delete(p.pid.id);
  if (p.registeredName !== undefined) {
    NAMES.delete(p.registeredName.name);
    p.registeredName = undefined;
  }
  if (p.receiveTimer !== undefined) cancelTimer(p.receiveTimer);
  p.receiveTimer = undefined;
  p.mailbox.clear();
  p.clearDictionary();
  if (p.hasSignals) releaseSignals(p, reason);
  for (const h of exitHooks) h(p, reason);
  p.onExit?.(reason);
}

/** Aliases, links (their exit signals), monitors (their 'DOWN' messages) of an ending process. */
function releaseSignals(p: Process, reason: Term): void {
  for (const key of p.aliases.keys()) ALIASES.delete(key);
  p.aliases.clear();
  // Link signals go out before monitor messages: a process both linked and monitoring
  // sees 'EXIT' before 'DOWN' (as on the BEAM).
  const linked = [...p.links.values()];
  p.links.clear();
  for (const pid of linked) {
    const q = lookup(pid);
    // The link signal carries the reason; a killed process's links see `killed`.
    if (q !== undefined) sendExit(q, p.pid, reason, true);
  }
  for (const m of p.monitors.values()) m.target.monitoredBy.delete(refKey(m.ref));
  p.monitors.clear();
  for (const m of p.monitoredBy.values()) {
    const key = refKey(m.ref);
    m.origin.monitors.delete(key);
    if (m.alias === 'demonitor' || m.alias === 'reply_demonitor') deactivateAlias(m.origin, key);
    deliver(m.origin, [m.tag, m.ref, PROCESS, m.item, reason]);
  }
  p.monitoredBy.clear();
}

/** A new monitor from `origin` on `target` (which is alive). */
export function addMonitor(origin: Process, target: Process, ref: Ref, item: Term, tag: Term | undefined, alias: Monitor['alias']): void {
  const m: Monitor = { ref, origin, target, item, tag: tag ?? DOWN, alias };
  const key = refKey(ref);
  origin.monitors.set(key, m);
  target.monitoredBy.set(key, m);
}

export function removeMonitor(m: Monitor): void {
  const key = refKey(m.ref);
  m.origin.monitors.delete(key);
  m.target.monitoredBy.delete(key);
}

/** The `'DOWN'` message for a monitor whose target does not exist. */
export function downNow(origin: Process, ref: Ref, item: Term, tag: Term | undefined): void {
  deliver(origin, [tag ?? DOWN, ref, PROCESS, item, NOPROC]);
}

/** Removes the first `{Tag, Ref, _, _, _}` message (demonitor's `flush`). */
export function flushDown(p: Process, ref: Ref): void {
  p.mailbox.removeFirst((m) => Array.isArray(m) && m.length === 5 && exactEqual(m[1], ref));
}

export { DOWN, EXIT_TAG, PROCESS };
