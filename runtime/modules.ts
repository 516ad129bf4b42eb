/**
 * The table of loaded modules: what `call_ext`, `apply` and fun calls resolve against, after
 * native functions (BIFs and native library replacements).
 */
import type { BeamModule } from '../compiler/beam/module.js';
import type { CompiledFunction } from './process/frame.js';

export interface LoadedModule {
  readonly name: string;
  readonly beam: BeamModule;
  readonly functions: readonly CompiledFunction[];
  /** `name/arity` → function, for exported functions. */
  readonly exports: ReadonlyMap<string, CompiledFunction>;
  /** FunT index → the function implementing that lambda. */
  readonly lambdaFns: readonly CompiledFunction[];
  /** Generated-code positions of instructions (GeneratedModule.positions), for internal errors. */
  readonly positions: readonly number[];
}

export const MODULES = new Map<string, LoadedModule>();

/**
 * Loads a module that is not loaded yet, as the BEAM's code server does in interactive
 * mode; installed by runtime/system.ts. Returns whether the module is now loaded.
 */
let autoloader: (module: string) => boolean = () => false;

export function setAutoloader(f: (module: string) => boolean): void {
  autoloader = f;
}

export function ensureLoaded(module: string): boolean {
  return MODULES.has(module) || autoloader(module);
}

/** Where each module loaded from a file came from (code:which/1, code:is_loaded/1). */
export const MODULE_PATHS = new Map<string, string>();
