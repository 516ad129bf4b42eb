/**
 * Time and timers of module erlang: monotonic/system time in the BEAM's units (native =
 * nanosecond, as OTP on Linux), convert_time_unit with its floor rounding, and the timer
 * BIFs (send_after, start_timer, cancel_timer, read_timer) on the scheduler's timer heap.
 */
import { badarg } from '../exception.js';
import { lookup, refKey } from '../process/process.js';
import { wake } from '../process/scheduler.js';
import { deliver, NAMES, onProcessExit } from '../process/signals.js';
import { addTimer, cancelTimer, timeLeft } from '../process/timers.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { Pid, Ref } from '../term/identity.js';
import { listToArray } from '../term/list.js';
import { int, type Term } from '../term/term.js';
import { current, newRef } from './processes.js';
import { defineBifs } from './registry.js';

const NS_PER_SECOND = 1_000_000_000n;
/** Where monotonic time starts: like ERTS, far below zero, so only differences mean anything. */
const MONOTONIC_BASE = -576460752303423488n;
const startNs = process.hrtime.bigint();
const startSystemNs = BigInt(Date.now()) * 1_000_000n;

function monotonicNs(): bigint {
  return MONOTONIC_BASE + (process.hrtime.bigint() - startNs);
}

function systemNs(): bigint {
  return startSystemNs + (process.hrtime.bigint() - startNs);
}

/** Units per second of a time unit term; undefined if it is not one. */
function unitHz(u: Term): bigint | undefined {
  if (typeof u === 'number' && Number.isInteger(u) && u > 0) return BigInt(u);
  if (typeof u === 'bigint' && u > 0n) return u;
  if (!(u instanceof Atom)) return undefined;
  switch (u.name) {
    case 'second':
    case 'seconds':
      return 1n;
    case 'millisecond':
    case 'milli_seconds':
      return 1000n;
    case 'microsecond':
    case 'micro_seconds':
      return 1_000_000n;
    case 'nanosecond':
    case 'nano_seconds':
    case 'native':
    case 'perf_counter':
      return NS_PER_SECOND;
    default:
      return undefined;
  }
}

/** floor(t * to / from), as ERTS rounds. */
function convert(t: bigint, from: bigint, to: bigint): bigint {
  const n = t * to;
  const q = n / from;
  return n % from !== 0n && n < 0n ? q - 1n : q;
}

/** {MegaSecs, Secs, MicroSecs} of system time. */
function timestamp(): Term {
  const us = systemNs() / 1000n;
  return [Number(us / 1_000_000_000_000n), Number((us / 1_000_000n) % 1_000_000n), Number(us % 1_000_000n)];
}

function inUnit(ns: bigint, unit: Term, args: Term[]): Term {
  const hz = unitHz(unit);
  if (hz === undefined) badarg(args);
  return int(convert(ns, NS_PER_SECOND, hz));
}

// ---------------------------------------------------------------- timers

/** Active erlang timers by ref key → timer id in the scheduler's heap. */
const TIMERS = new Map<string, { readonly id: number; readonly dest: Term }>();
/** Timers aimed at a pid, by pid number: they are cancelled when that process exits. */
const BY_TARGET = new Map<number, Set<string>>();

onProcessExit((p) => {
  const keys = BY_TARGET.get(p.pid.id);
  if (keys === undefined) return;
  BY_TARGET.delete(p.pid.id);
  for (const key of keys) {
    const t = TIMERS.get(key);
    if (t !== undefined) cancelTimer(t.id);
    TIMERS.delete(key);
  }
});

function untrack(dest: Term, key: string): void {
  if (dest instanceof Pid) BY_TARGET.get(dest.id)?.delete(key);
}
const TIMEOUT = atom('timeout');
const CANCEL_TIMER = atom('cancel_timer');
const MAX_TIME = 2 ** 32 - 1;

function startTimer(time: Term, dest: Term, msg: Term, opts: Term | undefined, wrap: boolean, args: Term[]): Term {
  let abs = false;
  if (opts !== undefined) {
    const items = listToArray(opts);
    if (items === undefined) badarg(args);
    for (const o of items) {
      if (Array.isArray(o) && o.length === 2 && o[0] === atom('abs') && (o[1] === TRUE || o[1] === FALSE)) abs = o[1] === TRUE;
      else badarg(args);
    }
  }
  if (typeof time !== 'number' || !Number.isInteger(time)) return badarg(args);
  if (!(dest instanceof Pid) && !(dest instanceof Atom)) badarg(args);
  const ms = abs ? Number(convert(monotonicNs(), NS_PER_SECOND, 1000n)) - time : time;
  if (!abs && (time < 0 || time > MAX_TIME)) return badarg(args);
  const ref = newRef();
  const key = refKey(ref);
  const payload: Term = wrap ? [TIMEOUT, ref, msg] : msg;
  const id = addTimer(Math.max(0, abs ? -ms : ms), () => {
    TIMERS.delete(key);
    untrack(dest, key);
    // A name is looked up when the timer fires; a dead pid or unknown name drops the message.
    const p = dest instanceof Pid ? lookup(dest) : NAMES.get((dest as Atom).name);
    if (p !== undefined) deliver(p, payload);
  });
  TIMERS.set(key, { id, dest });
  if (dest instanceof Pid && lookup(dest) !== undefined) {
    let set = BY_TARGET.get(dest.id);
    if (set === undefined) BY_TARGET.set(dest.id, (set = new Set()));
    set.add(key);
  }
  wake();
  return ref;
}

function cancel(ref: Term, opts: Term | undefined, read: boolean, args: Term[]): Term {
  if (!(ref instanceof Ref)) badarg(args);
  let async = false;
  let info = true;
  if (opts !== undefined) {
    const items = listToArray(opts);
    if (items === undefined) badarg(args);
    for (const o of items) {
      if (Array.isArray(o) && o.length === 2 && (o[1] === TRUE || o[1] === FALSE) && (o[0] === atom('async') || o[0] === atom('info'))) {
        if (o[0] === atom('async')) async = o[1] === TRUE;
        else info = o[1] === TRUE;
      } else badarg(args);
    }
  }
  const key = refKey(ref);
  const t = TIMERS.get(key);
  let result: Term = FALSE;
  if (t !== undefined) {
    const left = read ? timeLeft(t.id) : cancelTimer(t.id);
    if (!read) {
      TIMERS.delete(key);
      untrack(t.dest, key);
    }
    if (left !== undefined) result = Math.ceil(left);
  }
  if (async) {
    if (info) deliver(current(), [read ? atom('read_timer') : CANCEL_TIMER, ref, result]);
    return atom('ok');
  }
  return info ? result : atom('ok');
}

defineBifs('erlang', {
  'monotonic_time/0': () => int(monotonicNs()),
  'monotonic_time/1': (u) => inUnit(monotonicNs(), u, [u]),
  'system_time/0': () => int(systemNs()),
  'system_time/1': (u) => inUnit(systemNs(), u, [u]),
  'time_offset/0': () => int(systemNs() - monotonicNs()),
  'time_offset/1': (u) => inUnit(systemNs() - monotonicNs(), u, [u]),
  'convert_time_unit/3': (t, from, to) => {
    const f = unitHz(from);
    const g = unitHz(to);
    if ((typeof t !== 'number' || !Number.isInteger(t)) && typeof t !== 'bigint') badarg([t, from, to]);
    if (f === undefined || g === undefined) badarg([t, from, to]);
    return int(convert(BigInt(t), f, g));
  },
  'timestamp/0': timestamp,
  'now/0': timestamp,
  'send_after/3': (t, d, m) => startTimer(t, d, m, undefined, false, [t, d, m]),
  'send_after/4': (t, d, m, o) => startTimer(t, d, m, o, false, [t, d, m, o]),
  'start_timer/3': (t, d, m) => startTimer(t, d, m, undefined, true, [t, d, m]),
  'start_timer/4': (t, d, m, o) => startTimer(t, d, m, o, true, [t, d, m, o]),
  'cancel_timer/1': (r) => cancel(r, undefined, false, [r]),
  'cancel_timer/2': (r, o) => cancel(r, o, false, [r, o]),
  'read_timer/1': (r) => cancel(r, undefined, true, [r]),
  'read_timer/2': (r, o) => cancel(r, o, true, [r, o]),
});

// ---------------------------------------------------------------- calendar time

type DateTime = [[number, number, number], [number, number, number]];

function dateTimeOf(d: Date, utc: boolean): Term {
  return utc
    ? [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()], [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]]
    : [[d.getFullYear(), d.getMonth() + 1, d.getDate()], [d.getHours(), d.getMinutes(), d.getSeconds()]];
}

/** {{Y,M,D},{H,Mi,S}} checked, or undefined. */
function parseDateTime(t: Term): DateTime | undefined {
  if (!Array.isArray(t) || t.length !== 2) return undefined;
  const [d, tm] = t;
  if (!Array.isArray(d) || d.length !== 3 || !Array.isArray(tm) || tm.length !== 3) return undefined;
  const all = [...d, ...tm];
  if (!all.every((x) => typeof x === 'number' && Number.isInteger(x))) return undefined;
  const [y, mo, day, h, mi, sec] = all as number[];
  if (mo < 1 || mo > 12 || day < 1 || day > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
  const probe = new Date(Date.UTC(y, mo - 1, day));
  if (probe.getUTCDate() !== day) return undefined;
  return [[y, mo, day], [h, mi, sec]];
}

function utcMillis([[y, mo, d], [h, mi, s]]: DateTime): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

defineBifs('erlang', {
  'localtime/0': () => dateTimeOf(new Date(), false),
  'universaltime/0': () => dateTimeOf(new Date(), true),
  'date/0': () => (dateTimeOf(new Date(), false) as Term[])[0],
  'time/0': () => (dateTimeOf(new Date(), false) as Term[])[1],
  'universaltime_to_localtime/1': (t) => {
    const dt = parseDateTime(t);
    if (dt === undefined) badarg([t]);
    return dateTimeOf(new Date(utcMillis(dt)), false);
  },
  'localtime_to_universaltime/1': (t) => localToUniversal(t, [t]),
  'localtime_to_universaltime/2': (t, dst) => localToUniversal(t, [t, dst]),
  'posixtime_to_universaltime/1': (s) => {
    if (typeof s !== 'number' || !Number.isInteger(s)) badarg([s]);
    return dateTimeOf(new Date(s * 1000), true);
  },
  'universaltime_to_posixtime/1': (t) => {
    const dt = parseDateTime(t);
    if (dt === undefined) badarg([t]);
    return Math.floor(utcMillis(dt) / 1000);
  },
});

function localToUniversal(t: Term, args: Term[]): Term {
  const dt = parseDateTime(t);
  if (dt === undefined) badarg(args);
  const [[y, mo, d], [h, mi, s]] = dt;
  const local = new Date(0);
  local.setFullYear(y, mo - 1, d);
  local.setHours(h, mi, s, 0);
  return dateTimeOf(local, true);
}

defineBifs('os', {
  'system_time/0': () => int(systemNs()),
  'system_time/1': (u) => inUnit(systemNs(), u, [u]),
  'timestamp/0': timestamp,
  'perf_counter/0': () => int(process.hrtime.bigint()),
  'perf_counter/1': (u) => inUnit(process.hrtime.bigint(), u, [u]),
});

