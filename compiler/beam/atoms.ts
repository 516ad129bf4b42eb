import { Atom } from '../../runtime/term/atom.js';
import { ByteCursor } from './bytes.js';
import { readUnsigned } from './compact.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

export interface AtomTable {
  readonly atoms: Atom[];
  readonly layout: 'AtU8' | 'AtU8/28' | 'Atom';
}

/**
 * `AtU8`: OTP ≤ 27 writes a positive count and 1-byte lengths; OTP 28 writes the count
 * negated and each length as a compact `u` value (atoms may exceed 255 UTF-8 bytes).
 * `Atom` is the old latin1 table (positive count, 1-byte lengths).
 */
export function readAtoms(c: ByteCursor, id: 'AtU8' | 'Atom'): AtomTable {
  const raw = c.i32('atom count');
  const compact = raw < 0;
  if (compact && id === 'Atom') c.fail('negative atom count in a latin1 Atom chunk', 0);
  const count = c.count(compact ? -raw : raw, 1, 'atom');
  if (count === 0) c.fail('the atom table is empty (the module name is atom 1)', 0);
  const atoms: Atom[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const at = c.pos;
    const len = compact ? readUnsigned(c, 'atom length') : c.u8('atom length');
    const bytes = c.take(len, `atom ${i + 1}`);
    let name: string;
    if (id === 'Atom') name = latin1.decode(bytes);
    else {
      try {
        name = utf8.decode(bytes);
      } catch {
        c.fail(`atom ${i + 1} is not valid UTF-8`, at);
      }
    }
    atoms[i] = Atom.intern(name);
  }
  return { atoms, layout: id === 'Atom' ? 'Atom' : compact ? 'AtU8/28' : 'AtU8' };
}
