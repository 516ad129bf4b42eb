/**
 * Code sites. The shadow stack records one number per activation (`S.lns[d]`): a site, which
 * names both the function and the line it is at, so a call needs no second store to say which
 * function is running. Each loaded module owns a block of sites, `base + k` for its k-th
 * (function, line-index) pair (compiler/codegen/module.ts emits them as `B + k`).
 */
import type { CompiledFunction } from './frame.js';

/**
 * Not a site: the slot of an activation that has tail-called (it has left, as on the BEAM,
 * though its JS frame is still there), and the line of a frame saved at function entry.
 * Generated code writes it as the literal -1 (compiler/codegen/instructions.ts tailCall).
 */
export const NO_SITE = -1;

/** The function of each site. */
export const SITE_FN: CompiledFunction[] = [];
/** Its index into the module's line table (0: no line). */
export const SITE_LN: number[] = [];

/** Reserves a module's sites; `pairs` is flat (function index, line index). Returns the base. */
export function reserveSites(count: number): number {
  const base = SITE_FN.length;
  SITE_FN.length = SITE_LN.length = base + count;
  return base;
}

/** Fills a reserved block once the module's functions exist. */
export function fillSites(base: number, pairs: readonly number[], functions: readonly CompiledFunction[]): void {
  for (let k = 0; k < pairs.length; k += 2) {
    SITE_FN[base + k / 2] = functions[pairs[k]];
    SITE_LN[base + k / 2] = pairs[k + 1];
  }
}

/** The line index of a site; -1 (a frame saved at function entry) has none. */
export function siteLine(site: number): number {
  return site === NO_SITE ? 0 : SITE_LN[site];
}

/** The site of `fn` at line index `ln` (for restoring serialized frames), or -1. */
export function siteOf(fn: CompiledFunction, ln: number): number {
  for (let s = 0; s < SITE_FN.length; s++) if (SITE_FN[s] === fn && SITE_LN[s] === ln) return s;
  return NO_SITE;
}
