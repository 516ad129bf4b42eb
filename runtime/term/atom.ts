/** Atoms are interned: two atoms are the same atom exactly when they are the same object. */
export class Atom {
  /** Index in the atom table; stable for the life of the runtime. */
  readonly id: number;
  private constructor(readonly name: string, id: number) {
    this.id = id;
  }
  static readonly table = new Map<string, Atom>();
  static intern(name: string): Atom {
    let a = Atom.table.get(name);
    if (a === undefined) {
      a = new Atom(name, Atom.table.size);
      Atom.table.set(name, a);
    }
    return a;
  }
  /** The atom if it already exists (`binary_to_existing_atom`). */
  static existing(name: string): Atom | undefined {
    return Atom.table.get(name);
  }
  toString(): string {
    return this.name;
  }
}

export const atom = Atom.intern;

export const TRUE = atom('true');
export const FALSE = atom('false');
export const UNDEFINED = atom('undefined');
export const OK = atom('ok');
