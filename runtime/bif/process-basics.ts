/**
 * The process dictionary (kept in the running process), references, node information and
 * `fun_info`.
 */
import { badarg } from '../exception.js';
import { MODULES } from '../modules.js';
import { Atom, atom, UNDEFINED } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { charList, list, NIL } from '../term/list.js';
import { exactEqual } from '../term/compare.js';
import { dictKey, NODE, type Process } from '../process/process.js';
import { formatTerm } from '../term/print.js';
import type { Term } from '../term/term.js';
import { current, newRef } from './processes.js';
import { defineBifs } from './registry.js';

/** The dictionary as `[{Key, Value}]` (process_info, get/0). */
export function dictionaryList(p: Process): Term {
  return list([...p.dict.values()].map(([k, v]) => [k, v] as Term));
}

function funInfo(f: Term, item: Term): Term {
  if (!(f instanceof LocalFun || f instanceof ExportFun) || !(item instanceof Atom)) badarg([f, item]);
  const local = f instanceof LocalFun;
  const value = ((): Term | undefined => {
    switch (item.name) {
      case 'arity':
        return f.arity;
      case 'module':
        return f.module;
      case 'name':
        if (!local) return f.name;
        return MODULES.get(f.module.name)?.beam.lambdas[f.oldIndex]?.name ?? atom('');
      case 'type':
        return atom(local ? 'local' : 'external');
      case 'env':
        return local ? list(f.env as Term[]) : NIL;
      case 'pid':
        return local ? current().pid : UNDEFINED;
      case 'index':
        return local ? f.oldIndex : UNDEFINED;
      case 'new_index':
        return local ? f.index : UNDEFINED;
      case 'uniq':
        return local ? f.oldUniq : UNDEFINED;
      case 'new_uniq':
        return local ? binaryOf(f.uniq) : UNDEFINED;
      default:
        return undefined;
    }
  })();
  if (value === undefined) badarg([f, item]);
  return [item, value];
}

const LOCAL_INFO = ['pid', 'module', 'new_index', 'new_uniq', 'index', 'uniq', 'name', 'arity', 'env', 'type'];
const EXTERNAL_INFO = ['module', 'name', 'arity', 'env', 'type'];

function binaryOf(b: Uint8Array): Term {
  return new BitString(b.slice());
}

defineBifs('erlang', {
  'node/0': () => NODE,
  'node/1': (x) => (x instanceof Pid || x instanceof Ref || x instanceof Port ? x.node : badarg([x])),
  'nodes/0': () => NIL,
  'nodes/1': () => NIL,
  'is_alive/0': () => atom('false'),
  'make_ref/0': () => newRef(),
  'put/2': (k, v) => {
    const d = current().dict;
    const key = dictKey(k);
    const old = d.get(key);
    d.set(key, [k, v]);
    return old === undefined ? UNDEFINED : old[1];
  },
  'get/1': (k) => current().dict.get(dictKey(k))?.[1] ?? UNDEFINED,
  'get/0': () => dictionaryList(current()),
  'get_keys/0': () => list([...current().dict.values()].map(([k]) => k)),
  'get_keys/1': (v) => list([...current().dict.values()].filter(([, x]) => exactEqual(x, v)).map(([k]) => k)),
  'erase/1': (k) => {
    const d = current().dict;
    const key = dictKey(k);
    const old = d.get(key);
    d.delete(key);
    return old === undefined ? UNDEFINED : old[1];
  },
  'erase/0': () => {
    const p = current();
    const all = dictionaryList(p);
    p.dict = new Map();
    return all;
  },
  'fun_info/2': funInfo,
  'fun_info_mfa/1': (f) => {
    if (!(f instanceof LocalFun || f instanceof ExportFun)) badarg([f]);
    return [(funInfo(f, atom('module')) as Term[])[1], (funInfo(f, atom('name')) as Term[])[1], f.arity];
  },
  // The items and their order as ERTS lists them; local funs also name their creator and code.
  'fun_info/1': (f) =>
    list(
      (f instanceof LocalFun ? LOCAL_INFO : EXTERNAL_INFO).map((k) => funInfo(f, atom(k))),
    ),
  'fun_to_list/1': (f) => {
    if (!(f instanceof LocalFun || f instanceof ExportFun)) badarg([f]);
    return charList(formatTerm(f));
  },
  // `fun M:F/A` with variables compiles to this call.
  'make_fun/3': (m, f, a) => {
    if (!(m instanceof Atom) || !(f instanceof Atom) || typeof a !== 'number' || a < 0 || a > 255) badarg([m, f, a]);
    return new ExportFun(m, f, a);
  },
});
