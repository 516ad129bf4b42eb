/**
 * What a program can ask about the system: erlang:memory/0,1 (the V8 heap stands for the
 * BEAM's memory areas), garbage_collect, statistics and system_info. Values that describe
 * the emulated node follow OTP 25 on a 64-bit machine with one scheduler.
 */
import { badarg } from '../exception.js';
import { PROCESSES } from '../process/process.js';
import { S } from '../process/state.js';
import { Atom, atom, TRUE, UNDEFINED } from '../term/atom.js';
import { charList as chars, list, listToArray, NIL } from '../term/list.js';
import { int, type Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const gc = (globalThis as { gc?: () => void }).gc;

function heapBytes(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

const MEMORY_TYPES = ['total', 'processes', 'processes_used', 'system', 'atom', 'atom_used', 'binary', 'code', 'ets'];

function memoryOf(type: string, heap: number): number {
  const m = process.memoryUsage();
  switch (type) {
    case 'total':
      return heap + m.external;
    case 'processes':
    case 'processes_used':
      return heap;
    case 'system':
      return m.external;
    case 'binary':
      return m.arrayBuffers;
    default:
      return 0;
  }
}

const startWall = performance.now();
let lastWall = startWall;
let lastRuntime = 0;

function runtimeMs(): number {
  const u = process.cpuUsage();
  return Math.floor((u.user + u.system) / 1000);
}

function statistics(what: Term): Term {
  if (!(what instanceof Atom)) badarg([what]);
  switch (what.name) {
    case 'wall_clock': {
      const now = performance.now();
      const r: Term = [Math.floor(now - startWall), Math.floor(now - lastWall)];
      lastWall = now;
      return r;
    }
    case 'runtime': {
      const now = runtimeMs();
      const r: Term = [now, now - lastRuntime];
      lastRuntime = now;
      return r;
    }
    case 'reductions': {
      let total = 0;
      for (const p of PROCESSES.values()) total += p.reductions;
      return [total, 0];
    }
    case 'exact_reductions':
      return statistics(atom('reductions'));
    case 'run_queue':
      return 0;
    case 'context_switches':
      return [S.suspensions, 0];
    case 'garbage_collection':
      return [0, 0, 0];
    case 'io':
      return [[atom('input'), 0], [atom('output'), 0]];
    case 'total_active_tasks':
    case 'total_run_queue_lengths':
      return 0;
    default:
      return badarg([what]);
  }
}

function systemInfo(what: Term): Term {
  if (Array.isArray(what) && what.length === 2 && what[0] === atom('wordsize')) return 8;
  if (!(what instanceof Atom)) badarg([what]);
  switch (what.name) {
    case 'otp_release':
      return chars('25');
    case 'version':
      return chars('13.1.5');
    case 'system_version':
      return chars(`Erlang/OTP 25 [erts-13.1.5] [beamjs] [64-bit] [smp:1:1]\n`);
    case 'system_architecture':
      return chars(`${process.arch}-node-${process.platform}`);
    case 'wordsize':
      return 8;
    case 'schedulers':
    case 'schedulers_online':
    case 'logical_processors':
    case 'logical_processors_available':
    case 'logical_processors_online':
      return 1;
    case 'dirty_cpu_schedulers':
    case 'dirty_cpu_schedulers_online':
    case 'dirty_io_schedulers':
      return 0;
    case 'process_count':
      return PROCESSES.size;
    case 'process_limit':
      return 262144;
    case 'port_count':
      return 0;
    case 'port_limit':
      return 65536;
    case 'atom_limit':
      return 1048576;
    case 'ets_limit':
      return 8192;
    case 'thread_pool_size':
      return 1;
    case 'threads':
    case 'smp_support':
      return TRUE;
    case 'machine':
      return chars('BEAM');
    case 'emu_type':
      return atom('opt');
    case 'emu_flavor':
      return atom('jit');
    case 'debug_compiled':
    case 'kernel_poll':
      return atom('false');
    case 'heap_type':
      return atom('private');
    case 'start_time':
      return int(-576460752303423488n);
    case 'min_heap_size':
      return [atom('min_heap_size'), 233];
    case 'min_bin_vheap_size':
      return [atom('min_bin_vheap_size'), 46422];
    case 'fullsweep_after':
      return [atom('fullsweep_after'), 65535];
    case 'time_warp_mode':
      return atom('no_time_warp');
    case 'os_monotonic_time_source':
    case 'os_system_time_source':
      return NIL;
    case 'creation':
      return 0;
    case 'build_type':
      return atom('opt');
    default:
      return UNDEFINED;
  }
}

defineBifs('erlang', {
  'memory/0': () => {
    const heap = heapBytes();
    return list(MEMORY_TYPES.map((t) => [atom(t), memoryOf(t, heap)] as Term));
  },
  'memory/1': (what) => {
    const heap = heapBytes();
    if (what instanceof Atom) {
      if (!MEMORY_TYPES.includes(what.name)) badarg([what]);
      return memoryOf(what.name, heap);
    }
    const items = listToArray(what);
    if (items === undefined || !items.every((i) => i instanceof Atom && MEMORY_TYPES.includes(i.name))) badarg([what]);
    return list(items.map((i) => [i, memoryOf((i as Atom).name, heap)] as Term));
  },
  'garbage_collect/0': () => (gc?.(), TRUE),
  'garbage_collect/1': () => (gc?.(), TRUE),
  'garbage_collect/2': () => (gc?.(), TRUE),
  'statistics/1': statistics,
  'system_info/1': systemInfo,
  'system_flag/2': (flag, value) => {
    if (!(flag instanceof Atom)) badarg([flag, value]);
    return flag.name === 'backtrace_depth' ? 8 : badarg([flag, value]);
  },
});
