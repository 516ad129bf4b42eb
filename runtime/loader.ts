/**
 * Loads decoded modules into the running system: generate JS, evaluate it, record function
 * metadata, then link imports (native functions first, then loaded modules, else an `undef`
 * stub that re-resolves when called). Compile errors name module, function and opcode.
 */
import vm from 'node:vm';
import type { BeamModule } from '../compiler/beam/module.js';
import { generateModule } from '../compiler/codegen/module.js';
import { lookupBif } from './bif/registry.js';
import { MODULES, type LoadedModule } from './modules.js';
import { resolve, RUNTIME } from './ops.js';
import type { CompiledFunction, FunctionInfo } from './process/frame.js';
import { fillSites, reserveSites } from './process/sites.js';

interface Instance {
  functions: CompiledFunction[];
  link(imports: unknown[], natives: unknown[]): void;
}

const pendingLinks = new Map<string, Instance>();

export function loadModule(beam: BeamModule): LoadedModule {
  const name = beam.name.name;
  const gen = generateModule(beam, { isNative: (m, f, a) => lookupBif(m, f, a) !== undefined });
  const factory = vm.runInThisContext(gen.source, { filename: `${name}.beam.js` }) as (r: unknown, m: BeamModule, base: number) => Instance;
  const base = reserveSites(gen.sites.length / 2);
  const inst = factory(RUNTIME, beam, base);
  fillSites(base, gen.sites, inst.functions);
  const lines: FunctionInfo['lines'] = beam.lines
    ? beam.lines.locations.map((l) => (l ? ([beam.lines!.files[l.file], l.line] as const) : undefined))
    : [];
  inst.functions.forEach((fn, index) => {
    const f = beam.functions[index];
    fn.info = { module: name, name: f.name.name, arity: f.arity, index, lines };
  });
  const byEntry = new Map(beam.functions.map((f, i) => [f.entry, inst.functions[i]]));
  const exports = new Map<string, CompiledFunction>();
  for (const e of beam.exports) {
    const fn = byEntry.get(e.label);
    if (fn) exports.set(`${e.name.name}/${e.arity}`, fn);
  }
  const loaded: LoadedModule = {
    name,
    beam,
    functions: inst.functions,
    exports,
    lambdaFns: beam.lambdas.map((l) => byEntry.get(l.label)!),
    positions: gen.positions,
  };
  MODULES.set(name, loaded);
  pendingLinks.set(name, inst);
  return loaded;
}

/** Resolves the imports of every module loaded since the last call. */
export function linkAll(): void {
  for (const [name, inst] of pendingLinks) {
    const beam = MODULES.get(name)!.beam;
    const imports = beam.imports.map((i) => resolve(i.module.name, i.name.name, i.arity));
    const natives = beam.functions.map((f) => lookupBif(name, f.name.name, f.arity));
    inst.link(imports, natives);
  }
  pendingLinks.clear();
}
