/**
 * Process identity and state for the single process that runs today: `self/0`, the process
 * dictionary, references, node information and `fun_info`. The processes issue moves the
 * dictionary and pid into real process objects; the BEAM semantics stay as here.
 */
import { badarg } from '../exception.js';
import { MODULES } from '../modules.js';
import { Atom, atom, UNDEFINED } from '../term/atom.js';
import { BitString } from '../term/binary.js';
import { ExportFun, LocalFun } from '../term/fun.js';
import { Pid, Port, Ref } from '../term/identity.js';
import { list, NIL } from '../term/list.js';
import { ErlMap } from '../term/map.js';
import { mapGet, mapPutPairs, mapRemove } from '../term/mapops.js';
import { formatTerm } from '../term/print.js';
import type { Term } from '../term/term.js';
import { defineBifs } from './registry.js';

const NODE = atom('nonode@nohost');
const SELF = new Pid(NODE, 80, 0, 0);
let dict = new ErlMap([], []);
let refCounter = 0;

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
        return local ? SELF : UNDEFINED;
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
  'self/0': () => SELF,
  'node/0': () => NODE,
  'node/1': (x) => (x instanceof Pid || x instanceof Ref || x instanceof Port ? x.node : badarg([x])),
  'nodes/0': () => NIL,
  'is_alive/0': () => atom('false'),
  'make_ref/0': () => new Ref(NODE, 0, [++refCounter, 0, 0]),
  'put/2': (k, v) => {
    const old = mapGet(dict, k);
    dict = mapPutPairs(dict, [k, v]);
    return old ?? UNDEFINED;
  },
  'get/1': (k) => mapGet(dict, k) ?? UNDEFINED,
  'get/0': () => list(dict.keys.map((k, i) => [k, dict.values[i]] as Term)),
  'get_keys/0': () => list(dict.keys as Term[]),
  'get_keys/1': (v) => list(dict.keys.filter((_, i) => dict.values[i] === v || false) as Term[]),
  'erase/1': (k) => {
    const old = mapGet(dict, k);
    dict = mapRemove(dict, k);
    return old ?? UNDEFINED;
  },
  'erase/0': () => {
    const all = list(dict.keys.map((k, i) => [k, dict.values[i]] as Term));
    dict = new ErlMap([], []);
    return all;
  },
  'fun_info/2': funInfo,
  // The items and their order as ERTS lists them; local funs also name their creator and code.
  'fun_info/1': (f) =>
    list(
      (f instanceof LocalFun ? LOCAL_INFO : EXTERNAL_INFO).map((k) => funInfo(f, atom(k))),
    ),
  'fun_to_list/1': (f) => {
    if (!(f instanceof LocalFun || f instanceof ExportFun)) badarg([f]);
    return list(Array.from(formatTerm(f), (c) => c.codePointAt(0)!));
  },
  // `fun M:F/A` with variables compiles to this call.
  'make_fun/3': (m, f, a) => {
    if (!(m instanceof Atom) || !(f instanceof Atom) || typeof a !== 'number' || a < 0 || a > 255) badarg([m, f, a]);
    return new ExportFun(m, f, a);
  },
});
