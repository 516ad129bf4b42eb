// Naive reverse of a 500-element linked list, n times. Cons cells are small objects and
// append copies its first argument, as in Erlang, so the work stays quadratic.
class Cons {
  constructor(head, tail) {
    this.head = head;
    this.tail = tail;
  }
}

function app(a, b) {
  if (a === null) return b;
  // Copy `a` iteratively, then link the copy to `b`.
  const first = new Cons(a.head, null);
  let last = first;
  for (let x = a.tail; x !== null; x = x.tail) {
    const c = new Cons(x.head, null);
    last.tail = c;
    last = c;
  }
  last.tail = b;
  return first;
}

function nrev(l) {
  return l === null ? null : app(nrev(l.tail), new Cons(l.head, null));
}

function length(l) {
  let n = 0;
  for (; l !== null; l = l.tail) n++;
  return n;
}

export function run(n) {
  let l = null;
  for (let i = 500; i >= 1; i--) l = new Cons(i, l);
  let acc = 0;
  for (let k = 0; k < n; k++) {
    const r = nrev(l);
    acc += r.head + length(r);
  }
  return String(acc);
}
