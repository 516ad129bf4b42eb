/**
 * The process BIFs of module erlang: spawning, sending, links and exit signals, monitors,
 * aliases, registered names, process flags and process_info, yield/hibernate/halt.
 * Semantics checked against erl (OTP 25); see runtime/process/signals.ts for the signal rules.
 */
import { badarg, ErlangException, ERROR } from '../exception.js';
import { applyMFA } from '../ops.js';
import { Halt, Hibernate } from '../process/driver.js';
import { isUser, lookup, NODE, PROCESSES, refKey, type Monitor, type Priority, type Process } from '../process/process.js';
import { userIoRequest } from './io.js';
import {
  addMonitor,
  ALIASES,
  checkSelfExit,
  deactivateAlias,
  deliver,
  downNow,
  flushDown,
  NAMES,
  NOPROC,
  removeMonitor,
  sendExit,
  sendToAlias,
} from '../process/signals.js';
import { funStart, mfaStart, spawnProcess } from '../process/spawn.js';
import { S } from '../process/state.js';
import { location } from '../process/trace.js';
import { siteLine } from '../process/sites.js';
import { Atom, atom, FALSE, TRUE, UNDEFINED } from '../term/atom.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { charList, list, listToArray, NIL } from '../term/list.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';
import { formatTerm } from '../term/print.js';
import { dictionaryList } from './process-basics.js';

const OK = atom('ok');
const PROCESS = atom('process');

export function current(): Process {
  const p = S.current;
  if (p === undefined) throw new Error('no Erlang process is running');
  return p;
}

let refCounter = 0;
/** A fresh reference (make_ref/0, monitors, timers, aliases). */
export function newRef(): Ref {
  refCounter++;
  return new Ref(NODE, 0, [refCounter & 0x3ffff, Math.floor(refCounter / 0x40000), 0]);
}

const bool = (b: boolean): Term => (b ? TRUE : FALSE);

function isBool(t: Term): boolean {
  return t === TRUE || t === FALSE;
}

// ---------------------------------------------------------------- spawning

interface SpawnOpts {
  link: boolean;
  monitor: boolean;
  monitorOpts: Term[];
  priority: Priority | undefined;
  mqd?: 'on_heap' | 'off_heap';
}

const PRIORITIES = new Set(['low', 'normal', 'high', 'max']);

function parseSpawnOpts(opts: Term, args: Term[]): SpawnOpts {
  const items = listToArray(opts);
  if (items === undefined) badarg(args);
  const o: SpawnOpts = { link: false, monitor: false, monitorOpts: [], priority: undefined };
  for (const it of items) {
    if (it === atom('link')) o.link = true;
    else if (it === atom('monitor')) o.monitor = true;
    else if (Array.isArray(it) && it.length === 2 && it[0] instanceof Atom) {
      const [k, v] = it;
      switch (k.name) {
        case 'priority':
          if (!(v instanceof Atom) || !PRIORITIES.has(v.name)) badarg(args);
          o.priority = v.name as Priority;
          break;
        case 'monitor':
          o.monitor = true;
          o.monitorOpts = listToArray(v) ?? badarg(args);
          break;
        case 'min_heap_size':
        case 'min_bin_vheap_size':
        case 'fullsweep_after':
          if (typeof v !== 'number' || v < 0) badarg(args);
          break;
        case 'message_queue_data':
          if (v !== atom('on_heap') && v !== atom('off_heap')) badarg(args);
          o.mqd = v.name as 'on_heap' | 'off_heap';
          break;
        case 'max_heap_size':
          break; // accepted: heap sizing has no meaning here
        default:
          badarg(args);
      }
    } else badarg(args);
  }
  return o;
}

function doSpawn(start: { first: () => Term; initialCall: Term } | undefined, o: SpawnOpts, args: Term[]): Term {
  if (start === undefined) badarg(args);
  const parent = current();
  const child = spawnProcess(start.first, start.initialCall, { parent, priority: o.priority });
  if (o.mqd) child.messageQueueData = o.mqd;
  if (o.link) {
    parent.links.set(child.pid.id, child.pid);
    child.links.set(parent.pid.id, parent.pid);
  }
  if (o.monitor) {
    const ref = newRef();
    const { alias, tag } = monitorOptions(o.monitorOpts, args);
    addMonitor(parent, child, ref, child.pid, tag, alias);
    if (alias !== undefined) activateAlias(parent, ref, 'monitor');
    return [child.pid, ref];
  }
  return child.pid;
}

function mfaArgs(m: Term, f: Term, a: Term, all: Term[]) {
  const args = listToArray(a);
  if (args === undefined) badarg(all);
  return mfaStart(m, f, args);
}

const NO_OPTS: SpawnOpts = { link: false, monitor: false, monitorOpts: [], priority: undefined };
const LINK: SpawnOpts = { ...NO_OPTS, link: true };
const MONITOR: SpawnOpts = { ...NO_OPTS, monitor: true };

function localNode(n: Term, args: Term[]): void {
  if (n !== NODE) badarg(args);
}

// ---------------------------------------------------------------- sending

/** `Dest ! Msg` and erlang:send/2. */
export function send(dest: Term, msg: Term): Term {
  if (dest instanceof Pid) {
    const p = lookup(dest);
    if (p !== undefined) deliver(p, msg);
    else if (isUser(dest)) userIoRequest(msg);
  } else if (dest instanceof Atom) {
    const p = NAMES.get(dest.name);
    if (p !== undefined) deliver(p, msg);
    else if (dest.name === 'user') userIoRequest(msg);
    else badarg([dest, msg]);
  } else if (dest instanceof Ref) {
    sendToAlias(dest, msg);
  } else if (Array.isArray(dest) && dest.length === 2 && dest[0] instanceof Atom && dest[1] instanceof Atom) {
    // {Name, Node}: an unknown name (or another node, with no distribution) drops the message.
    if (dest[1] === NODE) {
      const p = NAMES.get(dest[0].name);
      if (p !== undefined) deliver(p, msg);
    }
  } else if (!(dest instanceof Port)) {
    badarg([dest, msg]);
  }
  return msg;
}

// ---------------------------------------------------------------- links and exits

function link(t: Term): Term {
  const self = current();
  if (t instanceof Port) return TRUE;
  if (!(t instanceof Pid)) badarg([t]);
  if (t.id === self.pid.id && t.node === NODE) return TRUE;
  const q = lookup(t);
  if (q === undefined) {
    // A dead process: trapping exits gets {'EXIT', Pid, noproc}, else the call fails.
    if (self.trapExit) {
      sendExit(self, t, NOPROC, false);
      return TRUE;
    }
    throw new ErlangException(ERROR, NOPROC, [t]);
  }
  self.links.set(q.pid.id, q.pid);
  q.links.set(self.pid.id, self.pid);
  return TRUE;
}

function unlink(t: Term): Term {
  const self = current();
  if (t instanceof Port) return TRUE;
  if (!(t instanceof Pid)) badarg([t]);
  self.links.delete(t.id);
  lookup(t)?.links.delete(self.pid.id);
  return TRUE;
}

function exit2(t: Term, reason: Term): Term {
  const self = current();
  if (t instanceof Pid) {
    const q = lookup(t);
    if (q !== undefined) sendExit(q, self.pid, reason, false);
  } else if (t instanceof Ref) {
    const owner = ALIASES.get(refKey(t));
    if (owner !== undefined) sendExit(owner, self.pid, reason, false);
  } else if (!(t instanceof Port)) {
    badarg([t, reason]);
  }
  checkSelfExit();
  return TRUE;
}

// ---------------------------------------------------------------- monitors and aliases

function activateAlias(p: Process, ref: Ref, mode: 'explicit' | 'reply' | 'monitor'): void {
  const key = refKey(ref);
  p.aliases.set(key, mode);
  ALIASES.set(key, p);
}

function monitorOptions(opts: Term[], args: Term[]): { alias: Monitor['alias']; tag: Term | undefined } {
  let alias: Monitor['alias'];
  let tag: Term | undefined;
  for (const o of opts) {
    if (Array.isArray(o) && o.length === 2 && o[0] === atom('alias') && o[1] instanceof Atom) {
      const mode = o[1].name;
      if (mode !== 'explicit_unalias' && mode !== 'demonitor' && mode !== 'reply_demonitor') badarg(args);
      alias = mode;
    } else if (Array.isArray(o) && o.length === 2 && o[0] === atom('tag')) {
      tag = o[1];
    } else badarg(args);
  }
  return { alias, tag };
}

function monitor(type: Term, item: Term, opts: Term[], args: Term[]): Term {
  const self = current();
  if (type !== PROCESS) {
    if (type === atom('port') || type === atom('time_offset')) return newRef();
    badarg(args);
  }
  const { alias, tag } = monitorOptions(opts, args);
  let target: Process | undefined;
  let downItem: Term;
  if (item instanceof Pid) {
    target = lookup(item);
    downItem = item;
  } else if (item instanceof Atom) {
    target = NAMES.get(item.name);
    downItem = [item, NODE];
  } else if (Array.isArray(item) && item.length === 2 && item[0] instanceof Atom && item[1] instanceof Atom) {
    target = item[1] === NODE ? NAMES.get(item[0].name) : undefined;
    downItem = item;
  } else {
    return badarg(args);
  }
  const ref = newRef();
  if (alias !== undefined) activateAlias(self, ref, 'monitor');
  // Monitoring oneself is allowed and never fires; a dead target answers `noproc` at once.
  if (target === undefined || target === self) {
    if (target === undefined) {
      downNow(self, ref, downItem, tag);
      if (alias === 'demonitor' || alias === 'reply_demonitor') deactivateAlias(self, refKey(ref));
    }
    return ref;
  }
  addMonitor(self, target, ref, downItem, tag, alias);
  return ref;
}

function demonitor(ref: Term, opts: Term, args: Term[]): Term {
  const self = current();
  if (!(ref instanceof Ref)) badarg(args);
  const items = listToArray(opts);
  if (items === undefined) badarg(args);
  let flush = false;
  let info = false;
  for (const o of items) {
    if (o === atom('flush')) flush = true;
    else if (o === atom('info')) info = true;
    else badarg(args);
  }
  const key = refKey(ref);
  const m = self.monitors.get(key);
  if (m !== undefined) {
    removeMonitor(m);
    if (m.alias === 'demonitor' || m.alias === 'reply_demonitor') deactivateAlias(self, key);
  }
  if (flush) flushDown(self, ref);
  return info ? bool(m !== undefined) : TRUE;
}

// ---------------------------------------------------------------- names

function register(name: Term, t: Term): Term {
  if (!(name instanceof Atom) || name === UNDEFINED) badarg([name, t]);
  if (!(t instanceof Pid)) badarg([name, t]);
  const p = lookup(t);
  if (p === undefined || NAMES.has(name.name) || p.registeredName !== undefined) badarg([name, t]);
  NAMES.set(name.name, p);
  p.registeredName = name;
  return TRUE;
}

function unregister(name: Term): Term {
  if (!(name instanceof Atom)) badarg([name]);
  const p = NAMES.get(name.name);
  if (p === undefined) badarg([name]);
  NAMES.delete(name.name);
  p.registeredName = undefined;
  return TRUE;
}

// ---------------------------------------------------------------- flags and info

function processFlag(flag: Term, value: Term): Term {
  const self = current();
  const args = [flag, value];
  if (!(flag instanceof Atom)) badarg(args);
  switch (flag.name) {
    case 'trap_exit': {
      if (!isBool(value)) badarg(args);
      const old = bool(self.trapExit);
      self.trapExit = value === TRUE;
      return old;
    }
    case 'priority': {
      if (!(value instanceof Atom) || !PRIORITIES.has(value.name)) badarg(args);
      const old = atom(self.priority);
      self.priority = value.name as Priority;
      return old;
    }
    case 'min_heap_size':
    case 'min_bin_vheap_size':
      if (typeof value !== 'number' || value < 0) badarg(args);
      return 233;
    case 'fullsweep_after':
      return 65535;
    case 'message_queue_data': {
      if (value !== atom('on_heap') && value !== atom('off_heap')) badarg(args);
      const old = atom(self.messageQueueData);
      self.messageQueueData = (value as Atom).name as 'on_heap' | 'off_heap';
      return old;
    }
    case 'max_heap_size':
      return 0;
    case 'save_calls':
      return 0;
    case 'sensitive':
    case 'async_dist':
      if (!isBool(value)) badarg(args);
      return FALSE;
    default:
      return badarg(args);
  }
}

/** Rough sizes in bytes: a process object plus its frames and messages. */
function memoryOf(p: Process): number {
  let words = 60 + p.heap.length * 8 + p.mailbox.length * 6;
  for (const f of p.heap) words += f.y?.length ?? 0;
  return words * 8;
}

function currentFunction(p: Process): Term {
  if (p.hibernating) return [atom('erlang'), atom('hibernate'), 3];
  const top = p.heap[p.heap.length - 1];
  if (top !== undefined) return [atom(top.fn.info.module), atom(top.fn.info.name), top.fn.info.arity];
  return p.initialCall;
}

/** The running process's live frames (a trace recorded now), or a waiting one's saved frames. */
function currentStacktrace(p: Process): Term {
  if (p.status === 'running') return list(new ErlangException(ERROR, NIL).trace);
  const frames: Term[] = [];
  for (let k = p.heap.length - 1; k >= 0 && frames.length < 8; k--) {
    const f = p.heap[k];
    frames.push([atom(f.fn.info.module), atom(f.fn.info.name), f.fn.info.arity, location(f.fn, siteLine(f.ln))]);
  }
  return list(frames);
}

function infoItem(p: Process, item: Atom): Term | undefined {
  const pids = (m: Iterable<Pid>) => list([...m]);
  switch (item.name) {
    case 'status':
      return atom(p.status === 'exited' ? 'waiting' : p.status);
    case 'message_queue_len':
      return p.mailbox.length;
    case 'messages':
      return list(p.mailbox.toArray());
    case 'links':
      return pids(p.links.values());
    case 'monitors':
      return list([...p.monitors.values()].map((m) => [PROCESS, m.item] as Term));
    case 'monitored_by':
      return pids([...p.monitoredBy.values()].map((m) => m.origin.pid));
    case 'dictionary':
      return dictionaryList(p);
    case 'registered_name':
      return p.registeredName ?? NIL;
    case 'current_function':
      return currentFunction(p);
    case 'initial_call':
      return p.initialCall;
    case 'current_stacktrace':
      return currentStacktrace(p);
    case 'trap_exit':
      return bool(p.trapExit);
    case 'group_leader':
      return p.groupLeader;
    case 'priority':
      return atom(p.priority);
    case 'memory':
      return memoryOf(p);
    case 'heap_size':
    case 'total_heap_size':
      return Math.ceil(memoryOf(p) / 8);
    case 'stack_size':
      return p.heap.length * 4;
    case 'reductions':
      return p.reductions + (p.status === 'running' ? S.budget - Math.max(S.reds, 0) : 0);
    case 'error_handler':
      return atom('error_handler');
    case 'garbage_collection':
      return list([[atom('min_heap_size'), 233], [atom('fullsweep_after'), 65535]]);
    case 'suspending':
      return NIL;
    case 'message_queue_data':
      return atom(p.messageQueueData);
    default:
      return undefined;
  }
}

const DEFAULT_INFO = [
  'current_function', 'initial_call', 'status', 'message_queue_len', 'links', 'dictionary', 'trap_exit',
  'error_handler', 'priority', 'group_leader', 'total_heap_size', 'heap_size', 'stack_size', 'reductions',
  'garbage_collection', 'suspending',
].map((n) => atom(n));

function processInfo(t: Term, what: Term): Term {
  if (!(t instanceof Pid)) badarg([t, what]);
  const p = lookup(t);
  const one = (item: Term): Term => {
    if (!(item instanceof Atom)) badarg([t, what]);
    if (p === undefined) return UNDEFINED;
    const v = infoItem(p, item);
    if (v === undefined) badarg([t, what]);
    // A process without a name answers `[]` for registered_name alone.
    return [item, v];
  };
  if (what instanceof Atom) {
    if (p === undefined) return UNDEFINED;
    if (what.name === 'registered_name' && p.registeredName === undefined) return NIL;
    return one(what);
  }
  const items = listToArray(what);
  if (items === undefined) badarg([t, what]);
  if (p === undefined) return UNDEFINED;
  return list(items.map(one));
}

// ---------------------------------------------------------------- the table

function apply0(f: Term, args: Term[]) {
  return funStart(f) ?? badarg(args);
}


function textOf(l: Term, args: Term[]): string {
  const cs = listToArray(l);
  if (cs === undefined || !cs.every((c) => typeof c === 'number')) badarg(args);
  return String.fromCodePoint(...(cs as number[]));
}

defineBifs('erlang', {
  'pid_to_list/1': (p) => (p instanceof Pid ? charList(formatTerm(p)) : badarg([p])),
  'list_to_pid/1': (l) => {
    const m = /^<(\d+)\.(\d+)\.(\d+)>$/.exec(textOf(l, [l]));
    if (!m || m[1] !== '0') badarg([l]);
    return new Pid(NODE, Number(m[2]), Number(m[3]), 0);
  },
  'ref_to_list/1': (r) => (r instanceof Ref ? charList(formatTerm(r)) : badarg([r])),
  'list_to_ref/1': (l) => {
    const m = /^#Ref<0((?:\.\d+)+)>$/.exec(textOf(l, [l]));
    if (!m) badarg([l]);
    return new Ref(NODE, 0, m[1].slice(1).split('.').map(Number).reverse());
  },
  'port_to_list/1': (p) => (p instanceof Port ? charList(formatTerm(p)) : badarg([p])),
  'self/0': () => current().pid,
  'spawn/1': (f) => doSpawn(apply0(f, [f]), NO_OPTS, [f]),
  'spawn/2': (n, f) => (localNode(n, [n, f]), doSpawn(apply0(f, [n, f]), NO_OPTS, [n, f])),
  'spawn/3': (m, f, a) => doSpawn(mfaArgs(m, f, a, [m, f, a]), NO_OPTS, [m, f, a]),
  'spawn/4': (n, m, f, a) => (localNode(n, [n, m, f, a]), doSpawn(mfaArgs(m, f, a, [n, m, f, a]), NO_OPTS, [n, m, f, a])),
  'spawn_link/1': (f) => doSpawn(apply0(f, [f]), LINK, [f]),
  'spawn_link/2': (n, f) => (localNode(n, [n, f]), doSpawn(apply0(f, [n, f]), LINK, [n, f])),
  'spawn_link/3': (m, f, a) => doSpawn(mfaArgs(m, f, a, [m, f, a]), LINK, [m, f, a]),
  'spawn_link/4': (n, m, f, a) => (localNode(n, [n, m, f, a]), doSpawn(mfaArgs(m, f, a, [n, m, f, a]), LINK, [n, m, f, a])),
  'spawn_monitor/1': (f) => doSpawn(apply0(f, [f]), MONITOR, [f]),
  'spawn_monitor/2': (n, f) => (localNode(n, [n, f]), doSpawn(apply0(f, [n, f]), MONITOR, [n, f])),
  'spawn_monitor/3': (m, f, a) => doSpawn(mfaArgs(m, f, a, [m, f, a]), MONITOR, [m, f, a]),
  'spawn_opt/2': (f, o) => doSpawn(apply0(f, [f, o]), parseSpawnOpts(o, [f, o]), [f, o]),
  'spawn_opt/3': (n, f, o) => (localNode(n, [n, f, o]), doSpawn(apply0(f, [n, f, o]), parseSpawnOpts(o, [n, f, o]), [n, f, o])),
  'spawn_opt/4': (m, f, a, o) => doSpawn(mfaArgs(m, f, a, [m, f, a, o]), parseSpawnOpts(o, [m, f, a, o]), [m, f, a, o]),
  'spawn_opt/5': (n, m, f, a, o) => (localNode(n, [n, m, f, a, o]), doSpawn(mfaArgs(m, f, a, [n, m, f, a, o]), parseSpawnOpts(o, [n, m, f, a, o]), [n, m, f, a, o])),

  'send/2': send,
  'send/3': (d, m, o) => {
    if (listToArray(o) === undefined) badarg([d, m, o]);
    send(d, m);
    return OK;
  },
  'send_nosuspend/2': (d, m) => (send(d, m), TRUE),
  'send_nosuspend/3': (d, m) => (send(d, m), TRUE),

  'link/1': (t) => {
    const r = link(t);
    checkSelfExit();
    return r;
  },
  'unlink/1': unlink,
  'exit/2': exit2,

  'monitor/2': (type, item) => monitor(type, item, [], [type, item]),
  'monitor/3': (type, item, opts) => monitor(type, item, listToArray(opts) ?? badarg([type, item, opts]), [type, item, opts]),
  'demonitor/1': (ref) => demonitor(ref, NIL, [ref]),
  'demonitor/2': (ref, opts) => demonitor(ref, opts, [ref, opts]),
  'alias/0': () => {
    const ref = newRef();
    activateAlias(current(), ref, 'explicit');
    return ref;
  },
  'alias/1': (opts) => {
    const items = listToArray(opts);
    if (items === undefined) badarg([opts]);
    let mode: 'explicit' | 'reply' = 'explicit';
    for (const o of items) {
      if (o === atom('reply')) mode = 'reply';
      else if (o !== atom('explicit_unalias')) badarg([opts]);
    }
    const ref = newRef();
    activateAlias(current(), ref, mode);
    return ref;
  },
  'unalias/1': (ref) => {
    if (!(ref instanceof Ref)) badarg([ref]);
    const self = current();
    const key = refKey(ref);
    const m = self.monitors.get(key);
    if (m !== undefined) m.alias = undefined;
    return bool(deactivateAlias(self, key));
  },

  'register/2': register,
  'unregister/1': unregister,
  'whereis/1': (name) => {
    if (!(name instanceof Atom)) badarg([name]);
    return NAMES.get(name.name)?.pid ?? UNDEFINED;
  },
  'registered/0': () => list([...NAMES.keys()].map((n) => atom(n))),

  'is_process_alive/1': (t) => {
    if (!(t instanceof Pid)) badarg([t]);
    return bool(lookup(t) !== undefined);
  },
  'processes/0': () => list([...PROCESSES.values()].map((p) => p.pid)),
  'process_flag/2': processFlag,
  'process_flag/3': (t, flag, value) => {
    if (!(t instanceof Pid) || flag !== atom('save_calls')) badarg([t, flag, value]);
    return 0;
  },
  'process_info/1': (t) => {
    if (!(t instanceof Pid)) badarg([t]);
    const p = lookup(t);
    if (p === undefined) return UNDEFINED;
    const items = p.registeredName ? [atom('registered_name'), ...DEFAULT_INFO] : DEFAULT_INFO;
    return list(items.map((i) => [i, infoItem(p, i)!] as Term));
  },
  'process_info/2': processInfo,
  'group_leader/0': () => current().groupLeader,
  'group_leader/2': (gl, t) => {
    if (!(gl instanceof Pid) || !(t instanceof Pid)) badarg([gl, t]);
    const p = lookup(t);
    if (p === undefined) badarg([gl, t]);
    p.groupLeader = gl;
    return TRUE;
  },
  'yield/0': () => {
    // The process gives up the rest of its slice at its next call.
    S.reds = 0;
    return TRUE;
  },
  'hibernate/3': (m, f, a) => {
    const args = listToArray(a);
    if (!(m instanceof Atom) || !(f instanceof Atom) || args === undefined) badarg([m, f, a]);
    throw new Hibernate(() => applyMFA(m, f, args));
  },
  'halt/0': () => {
    throw new Halt(0);
  },
  'halt/1': (s) => halt(s, [s]),
  'halt/2': (s, o) => {
    if (listToArray(o) === undefined) badarg([s, o]);
    return halt(s, [s, o]);
  },
});

function halt(s: Term, args: Term[]): never {
  if (typeof s === 'number' && s >= 0) throw new Halt(s);
  if (s === atom('abort')) throw new Halt(134);
  const chars = listToArray(s);
  if (chars !== undefined && chars.every((c) => typeof c === 'number')) {
    throw new Halt(String.fromCodePoint(...(chars as number[])));
  }
  return badarg(args);
}
