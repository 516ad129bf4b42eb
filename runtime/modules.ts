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
}

export const MODULES = new Map<string, LoadedModule>();
