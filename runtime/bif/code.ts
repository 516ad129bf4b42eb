/**
 * What programs ask of the code server, answered natively (there is no code_server process):
 * which modules are loaded, loading on demand from the code path, exported functions.
 */
import { badarg } from '../exception.js';
import { ensureLoaded, MODULE_PATHS, MODULES } from '../modules.js';
import { Atom, atom, FALSE, TRUE } from '../term/atom.js';
import { charList as chars, list, listToArray } from '../term/list.js';
import type { Term } from '../term/term.js';
import { defineBifs, lookupBif, NATIVE_MODULES } from './registry.js';

const bool = (b: boolean): Term => (b ? TRUE : FALSE);

function moduleName(m: Term, args: Term[]): string {
  if (!(m instanceof Atom)) badarg(args);
  return m.name;
}

/** Modules implemented natively count as loaded (the BEAM's preloaded modules). */
const isNativeModule = (m: string): boolean => NATIVE_MODULES.has(m);

function loaded(m: string): boolean {
  return MODULES.has(m) || m === 'erlang';
}

function pathOf(m: string): Term {
  const p = MODULE_PATHS.get(m);
  return p === undefined ? atom('preloaded') : chars(p);
}

defineBifs('erlang', {
  'function_exported/3': (m, f, a) => {
    if (!(m instanceof Atom) || !(f instanceof Atom) || typeof a !== 'number') badarg([m, f, a]);
    if (MODULES.get(m.name)?.exports.has(`${f.name}/${a}`)) return TRUE;
    return bool(m.name === 'erlang' && lookupBif('erlang', f.name, a) !== undefined);
  },
  'module_loaded/1': (m) => bool(loaded(moduleName(m, [m]))),
  'is_builtin/3': (m, f, a) => {
    if (!(m instanceof Atom) || !(f instanceof Atom) || typeof a !== 'number') badarg([m, f, a]);
    return bool(m.name === 'erlang' && lookupBif('erlang', f.name, a) !== undefined);
  },
});

defineBifs('code', {
  'ensure_loaded/1': (m) => {
    const name = moduleName(m, [m]);
    if (loaded(name) || ensureLoaded(name) || isNativeModule(name)) return [atom('module'), m];
    return [atom('error'), atom('nofile')];
  },
  'load_file/1': (m) => {
    const name = moduleName(m, [m]);
    if (ensureLoaded(name) || isNativeModule(name)) return [atom('module'), m];
    return [atom('error'), atom('nofile')];
  },
  'is_loaded/1': (m) => {
    const name = moduleName(m, [m]);
    return loaded(name) ? [atom('file'), pathOf(name)] : FALSE;
  },
  'which/1': (m) => {
    const name = moduleName(m, [m]);
    if (loaded(name) || ensureLoaded(name)) return pathOf(name);
    return atom('non_existing');
  },
  'ensure_modules_loaded/1': (ms) => {
    const names = listToArray(ms);
    if (names === undefined) badarg([ms]);
    const missing = names.filter((m) => !(m instanceof Atom) || !(loaded(m.name) || ensureLoaded(m.name) || isNativeModule(m.name)));
    return missing.length === 0 ? atom('ok') : [atom('error'), list(missing.map((m) => [m, atom('nofile')] as Term))];
  },
  'all_loaded/0': () => list([...MODULES.keys()].map((m) => [atom(m), pathOf(m)] as Term)),
  'is_sticky/1': () => FALSE,
  'get_path/0': () => list(codePathDirs().map(chars)),
  'root_dir/0': () => chars('/usr/lib/erlang'),
});

let codePathDirs: () => string[] = () => [];
/** Installed by runtime/system.ts, which owns the code path. */
export function setCodePathSource(f: () => string[]): void {
  codePathDirs = f;
}
