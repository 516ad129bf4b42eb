/**
 * Native implementations of Erlang functions (BIFs and NIFs, and native replacements of
 * library functions), keyed `module:name/arity`. Each is a plain JS function over terms that
 * returns a term or throws an ErlangException (badarg, badarith, ...). The linker resolves a
 * module's imports against this table before looking for compiled Erlang modules.
 *
 * Modules register themselves with `defineBifs('erlang', { 'abs/1': ..., })`; files under
 * runtime/bif/ are grouped by what they hold (numbers, lists, binaries, ...).
 */
import type { Term } from '../term/term.js';

export type Bif = (...args: Term[]) => Term;

export const BIFS = new Map<string, Bif>();
/** Modules with at least one native function (they count as loaded, like preloaded ones). */
export const NATIVE_MODULES = new Set<string>();

export function defineBifs(module: string, table: Record<string, Bif>): void {
  for (const [nameArity, fn] of Object.entries(table)) {
    const key = `${module}:${nameArity}`;
    if (BIFS.has(key)) throw new Error(`BIF ${key} defined twice`);
    BIFS.set(key, fn);
  }
  NATIVE_MODULES.add(module);
}

export function lookupBif(module: string, name: string, arity: number): Bif | undefined {
  return BIFS.get(`${module}:${name}/${arity}`);
}
