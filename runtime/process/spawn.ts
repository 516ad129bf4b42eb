/**
 * Creating processes: the entry process and `spawn*`. A new process starts with a first call
 * (a fun or M:F(Args)) and joins the normal run queue; the caller keeps running, as on the BEAM.
 */
import { callFun, applyMFA } from '../ops.js';
import { Atom, atom } from '../term/atom.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import type { Term } from '../term/term.js';
import { entryPid, newPid, Process, PROCESSES, type Priority } from './process.js';
import { makeRunnable } from './scheduler.js';

export interface SpawnOptions {
  readonly priority?: Priority;
  readonly trapExit?: boolean;
  readonly parent?: Process;
  readonly entry?: boolean;
}

/** A process that will first call `first`; `initialCall` is `{M, F, Arity}`. */
export function spawnProcess(first: () => Term, initialCall: Term, opts: SpawnOptions = {}): Process {
  const pid = opts.entry ? entryPid() : newPid();
  const p = new Process(pid, initialCall, opts.parent?.groupLeader);
  p.start = first;
  if (opts.priority) p.priority = opts.priority;
  if (opts.trapExit) p.trapExit = true;
  PROCESSES.set(pid.id, p);
  makeRunnable(p);
  return p;
}

const APPLY_2: Term = [atom('erlang'), atom('apply'), 2];

/** The first call of a fun: checked now (arity 0), so spawn fails in the caller on a bad fun. */
export function funStart(f: Term): { first: () => Term; initialCall: Term } | undefined {
  if (!(f instanceof LocalFun || f instanceof ExportFun) || f.arity !== 0) return undefined;
  const initialCall: Term = f instanceof ExportFun ? [f.module, f.name, 0] : APPLY_2;
  return { first: () => callFun(f, []), initialCall };
}

/** The first call M:F(Args); Args must be a proper list. */
export function mfaStart(m: Term, f: Term, args: Term[]): { first: () => Term; initialCall: Term } | undefined {
  if (!(m instanceof Atom) || !(f instanceof Atom)) return undefined;
  return { first: () => applyMFA(m, f, args), initialCall: [m, f, args.length] };
}

