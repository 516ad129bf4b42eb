import type { Term } from './term.js';

/** The empty list `[]`: a unique object compared with `===`. */
export class Nil {
  private constructor() {}
  static readonly instance = new Nil();
}
export const NIL = Nil.instance;

/** A list cell. Proper lists end in `NIL`; improper ones end in any other term. */
export class Cons {
  constructor(
    readonly head: Term,
    readonly tail: Term,
  ) {}
}

/** Builds a proper list (or an improper one ending in `tail`) from a JS array. */
export function list(items: readonly Term[], tail: Term = NIL): Term {
  let l = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i], l);
  return l;
}

/** A JS string as an Erlang string: the list of its code points. */
export function charList(s: string): Term {
  return list(Array.from(s, (c) => c.codePointAt(0)!));
}

/** The elements of a proper list, or undefined if `l` is not a proper list. */
export function listToArray(l: Term): Term[] | undefined {
  const out: Term[] = [];
  while (l instanceof Cons) {
    out.push(l.head);
    l = l.tail;
  }
  return l === NIL ? out : undefined;
}
