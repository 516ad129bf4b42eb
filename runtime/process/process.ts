/**
 * An Erlang process on the heap-frame model (design §1, §4): its suspended frames, mailbox,
 * links, monitors, dictionary and flags. Everything here is plain data apart from the
 * frames' functions, which `fn.info` names by module and index, so a suspended process can
 * be serialized (the multi-worker issue moves processes between threads).
 *
 * Pids are numbered as `erl -noshell -eval` numbers them for the fixtures' runner: the entry
 * process is <0.9.0>, processes it spawns get <0.79.0>, <0.80.0>, ... in order.
 */
import { Atom, atom } from '../term/atom.js';
import { encodeExternal } from '../etf/encode.js';
import { Pid, type Ref } from '../term/identity.js';
import type { Term } from '../term/term.js';
import type { ErlangException } from '../exception.js';
import type { Frame } from './frame.js';
import type { InternalError } from './trace.js';
import { Mailbox } from './mailbox.js';

export const NODE = atom('nonode@nohost');

export type Priority = 'low' | 'normal' | 'high' | 'max';

export type Status =
  /** In a run queue. */
  | 'runnable'
  | 'running'
  /** Blocked in `receive` (or hibernating) until a message or its timeout. */
  | 'waiting'
  | 'exited';

/** A monitor as both ends see it. */
export interface Monitor {
  readonly ref: Ref;
  readonly origin: Process;
  readonly target: Process;
  /** What the `'DOWN'` message names: the pid, or `{Name, Node}` when monitored by name. */
  readonly item: Term;
  /** `{tag, T}` of monitor/3: the DOWN message's first element. */
  readonly tag: Term;
  /** The monitor's ref is also an alias (monitor/3 `{alias, Mode}`). */
  alias: 'demonitor' | 'reply_demonitor' | 'explicit_unalias' | undefined;
}

export class Process {
  status: Status = 'runnable';
  /** Suspended frames, innermost last (the driver's heap stack). */
  heap: Frame[] = [];
  /** The first call, until the process first runs. */
  start: (() => Term) | undefined;
  readonly mailbox = new Mailbox();
  // The maps below are created on first use: most processes never link, monitor or alias,
  // and an idle process should cost little (the BEAM's costs about 2.7 KB).
  private _links: Map<number, Pid> | undefined;
  private _monitors: Map<string, Monitor> | undefined;
  private _monitoredBy: Map<string, Monitor> | undefined;
  private _aliases: Map<string, 'explicit' | 'reply' | 'monitor'> | undefined;
  private _markers: Map<string, unknown> | undefined;
  private _dict: Map<unknown, [Term, Term]> | undefined;
  /** Linked processes by pid number (a link is symmetric: both ends hold it). */
  get links(): Map<number, Pid> {
    return (this._links ??= new Map());
  }
  /** Monitors this process set up, by ref key. */
  get monitors(): Map<string, Monitor> {
    return (this._monitors ??= new Map());
  }
  /** Monitors others hold on this process, by ref key. */
  get monitoredBy(): Map<string, Monitor> {
    return (this._monitoredBy ??= new Map());
  }
  /** Alias refs of this process that are active, by ref key, with how they end. */
  get aliases(): Map<string, 'explicit' | 'reply' | 'monitor'> {
    return (this._aliases ??= new Map());
  }
  /** Receive markers bound to refs (recv_marker_bind), by ref key. */
  get markers(): Map<string, unknown> {
    return (this._markers ??= new Map());
  }
  /** The process dictionary (insertion order kept; keys compared by exact equality). */
  get dict(): Map<unknown, [Term, Term]> {
    return (this._dict ??= new Map());
  }
  set dict(d: Map<unknown, [Term, Term]>) {
    this._dict = d;
  }
  clearDictionary(): void {
    this._dict = undefined;
  }
  /** Whether any link, monitor or alias exists (a process exiting without any is cheap). */
  get hasSignals(): boolean {
    return this._links !== undefined || this._monitors !== undefined || this._monitoredBy !== undefined || this._aliases !== undefined;
  }
  trapExit = false;
  /** process_flag(message_queue_data): kept for process_info; storage is the same either way. */
  messageQueueData: 'on_heap' | 'off_heap' = 'on_heap';
  /** In erlang:hibernate/3 (process_info current_function). */
  hibernating = false;
  priority: Priority = 'normal';
  /** Turns a low-priority process is passed over (the BEAM runs low 1 in 8 against normal). */
  skips = 0;
  registeredName: Atom | undefined;
  groupLeader: Pid;
  /** Reductions run so far (process_info reductions). */
  reductions = 0;
  /** A pending `receive ... after` timer, and whether it has fired. */
  receiveTimer: number | undefined;
  timedOut = false;
  /** Set when an exit signal kills the process while it runs; the driver finishes the job. */
  pendingExit: Term | undefined;
  exitReason: Term | undefined;
  /** `{M, F, Arity}` of the spawn call, and the function it is in (process_info). */
  readonly initialCall: Term;
  /** Called with the exit reason when the process ends (the entry's completion, hosts). */
  onExit: ((reason: Term) => void) | undefined;
  /** How the process ended, for whoever waits on it (the entry's caller): its returned value,
   * the uncaught exception, or a bug in beamjs. */
  result: Term | undefined;
  crash: ErlangException | undefined;
  internalError: InternalError | undefined;

  constructor(
    readonly pid: Pid,
    initialCall: Term,
    groupLeader: Pid | undefined,
  ) {
    pid.proc = this;
    this.initialCall = initialCall;
    this.groupLeader = groupLeader ?? USER_PID;
  }
}

/** Every live process, by pid number. */
export const PROCESSES = new Map<number, Process>();

let nextId = 79;

export function newPid(): Pid {
  return new Pid(NODE, nextId++, 0, 0);
}

/** The `user` io server: the default group leader, a pid served natively (bif/io.ts). */
export const USER_PID = new Pid(NODE, 65, 0, 0);

export function isUser(p: Pid): boolean {
  return p.id === USER_PID.id && p.node === NODE && p.serial === 0;
}

export function resetPids(): void {
  nextId = 79;
}

/** The entry process's pid: erl's eval process in the fixtures' runner. */
export function entryPid(): Pid {
  return new Pid(NODE, 9, 0, 0);
}

export function lookup(pid: Pid): Process | undefined {
  const cached = pid.proc as Process | undefined;
  if (cached !== undefined) return cached.status === 'exited' ? undefined : cached;
  if (pid.node !== NODE) return undefined;
  const p = PROCESSES.get(pid.id);
  if (p === undefined || p.pid.serial !== pid.serial) return undefined;
  pid.proc = p;
  return p;
}

/** Process-dictionary keys: atoms and small integers as themselves, other terms by encoding. */
export function dictKey(k: Term): unknown {
  if (k instanceof Atom || typeof k === 'number') return k;
  return Buffer.from(encodeExternal(k)).toString('latin1');
}

/** Key of a ref in the maps above. */
export function refKey(r: Ref): string {
  return r.ids.join('.');
}
