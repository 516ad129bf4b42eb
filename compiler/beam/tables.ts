import type { Atom } from '../../runtime/term/atom.js';
import type { ByteCursor } from './bytes.js';
import type { FunctionRef, Import, Lambda } from './module.js';

function atomAt(c: ByteCursor, atoms: readonly Atom[], what: string): Atom {
  const at = c.pos;
  const i = c.u32(what);
  if (i < 1 || i > atoms.length) c.fail(`${what} atom index ${i} is not in the atom table`, at);
  return atoms[i - 1];
}

/** `ImpT`: `<<Count:32, [<<Module:32, Function:32, Arity:32>>]>>` (atom indices). */
export function readImports(c: ByteCursor, atoms: readonly Atom[]): Import[] {
  const n = c.count(c.u32('import count'), 12, 'import');
  const out: Import[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const module = atomAt(c, atoms, 'import module');
    const name = atomAt(c, atoms, 'import function');
    out[i] = { module, name, arity: c.u32('import arity') };
  }
  return out;
}

/** `ExpT` and `LocT`: `<<Count:32, [<<Function:32, Arity:32, Label:32>>]>>`. */
export function readFunctionRefs(c: ByteCursor, atoms: readonly Atom[]): FunctionRef[] {
  const n = c.count(c.u32('function count'), 12, 'function');
  const out: FunctionRef[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const name = atomAt(c, atoms, 'function');
    out[i] = { name, arity: c.u32('arity'), label: c.u32('label') };
  }
  return out;
}

/** `FunT`: `<<Count:32, [<<Function:32, Arity:32, Label:32, Index:32, NumFree:32, OldUniq:32>>]>>`. */
export function readLambdas(c: ByteCursor, atoms: readonly Atom[]): Lambda[] {
  const n = c.count(c.u32('lambda count'), 24, 'lambda');
  const out: Lambda[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const name = atomAt(c, atoms, 'lambda function');
    out[i] = {
      name,
      arity: c.u32('lambda arity'),
      label: c.u32('lambda label'),
      index: c.u32('lambda index'),
      numFree: c.u32('lambda free variable count'),
      oldUniq: c.u32('lambda old uniq'),
    };
  }
  return out;
}
