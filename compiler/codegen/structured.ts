/**
 * Structured control flow for a function's fresh calls. The label dispatch (`for (;;) switch
 * (L)`) costs a dispatch on entry and one per jump; most BEAM functions only jump forward
 * (clause tests falling to the next clause, `case` arms to a join point), and those become
 * plain JS blocks: a jump to label N is `break bN` out of the block that ends where N's code
 * starts; a jump back to the entry (a self tail call) is `continue top`.
 *
 * A jump back to label N (a receive loop: `loop_rec_end` returns to the `loop_rec`) makes the
 * code from N to the jump a labeled `for (;;)`, and the jump `continue lN`.
 *
 * The dispatch version is still emitted next to it: a suspended activation resumes in the
 * middle of the function, which only the switch can reach. A function with Erlang try/catch,
 * a computed label or loops that do not nest keeps the dispatch alone.
 */
import type * as E from 'estree';
import * as J from './js.js';

/** The most labeled blocks nested in one function. */
const MAX_NESTING = 100;

/** One label's code in layout order (resume points merged into the code before them). */
export interface Segment {
  readonly label: number;
  readonly stmts: J.Stmt[];
}

/**
 * The structured body, or undefined when the function does not fit: `segments` in layout
 * order, `entry` the entry label.
 */
export function structuredBody(segments: readonly Segment[], entry: number): J.Stmt[] | undefined {
  const e = segments.findIndex((s) => s.label === entry);
  if (e < 0) return undefined;
  // Code before the entry (the function_clause block) ends in a throw: it can go last, so that
  // jumps to it are forward too.
  const order = [...segments.slice(e), ...segments.slice(0, e)];
  const position = new Map(order.map((s, i) => [s.label, i]));
  const targets = new Set<number>();
  /** Forward jumps (from position, to position), checked against the loops at the end. */
  const forward: [number, number][] = [];
  /** Loop heads (position) → the last position that jumps back to them. */
  const loopEnd = new Map<number, number>();
  let entryJumps = false;
  let ok = true;
  let at = 0;

  /** `L = n; continue;` → `break bn` / `continue ln` / `continue top`; anything else that touches L fails. */
  const jumpTo = (n: number): J.Stmt => {
    if (n === entry) {
      entryJumps = true;
      return { type: 'ContinueStatement', label: J.id('top') };
    }
    const p = position.get(n);
    if (p === undefined) {
      ok = false;
      return { type: 'BreakStatement', label: J.id(`b${n}`) };
    }
    if (p <= at) {
      // A jump back (a receive loop): the code from n to here becomes a loop.
      loopEnd.set(p, Math.max(loopEnd.get(p) ?? p, at));
      return { type: 'ContinueStatement', label: J.id(`l${n}`) };
    }
    targets.add(n);
    forward.push([at, p]);
    return { type: 'BreakStatement', label: J.id(`b${n}`) };
  };
  const isJump = (a: J.Stmt | undefined, b: J.Stmt | undefined): number | undefined => {
    if (a?.type !== 'ExpressionStatement' || b?.type !== 'ContinueStatement' || b.label) return undefined;
    const x = a.expression;
    if (x.type !== 'AssignmentExpression' || x.operator !== '=' || x.left.type !== 'Identifier' || x.left.name !== 'L') return undefined;
    return x.right.type === 'Literal' && typeof x.right.value === 'number' ? x.right.value : undefined;
  };
  const list = (stmts: J.Stmt[]): J.Stmt[] => {
    const out: J.Stmt[] = [];
    for (let i = 0; i < stmts.length; i++) {
      const n = isJump(stmts[i], stmts[i + 1]);
      if (n !== undefined) {
        out.push(jumpTo(n));
        i++;
      } else out.push(stmt(stmts[i]));
    }
    return out;
  };
  const block = (b: E.BlockStatement): E.BlockStatement => ({ ...b, body: list(b.body) });
  const stmt = (s: J.Stmt): J.Stmt => {
    switch (s.type) {
      case 'IfStatement':
        return { ...s, consequent: stmt(s.consequent), alternate: s.alternate ? stmt(s.alternate) : s.alternate };
      case 'BlockStatement':
        return block(s);
      case 'SwitchStatement':
        return { ...s, cases: s.cases.map((c) => ({ ...c, consequent: list(c.consequent) })) };
      case 'TryStatement':
        return { ...s, block: block(s.block), handler: s.handler ? { ...s.handler, body: block(s.handler.body) } : s.handler };
      case 'ContinueStatement':
      case 'ForStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        ok = false;
        return s;
      case 'ExpressionStatement':
        if (s.expression.type === 'AssignmentExpression' && s.expression.left.type === 'Identifier' && s.expression.left.name === 'L') ok = false;
        return s;
      default:
        return s;
    }
  };

  const bodies = order.map((s, i) => {
    at = i;
    return list(s.stmts);
  });
  // Each target nests one block; very long functions (tables, big case dispatches) keep the
  // switch, which neither printers nor parsers mind.
  if (!ok || targets.size + loopEnd.size > MAX_NESTING || !loopsNest(loopEnd, forward)) return undefined;
  // Blocks close where their label starts; a loop opens at its head and closes after the
  // last segment that jumps back to it (leaving by falling off its end, hence the break).
  let body: J.Stmt[] = [];
  const open: { head: number; end: number; outer: J.Stmt[] }[] = [];
  for (let i = 0; i < order.length; i++) {
    const n = order[i].label;
    if (i > 0 && targets.has(n)) body = [{ type: 'LabeledStatement', label: J.id(`b${n}`), body: J.block(body) }];
    const end = loopEnd.get(i);
    if (end !== undefined) {
      open.push({ head: n, end, outer: body });
      body = [];
    }
    body.push(...bodies[i]);
    while (open.length > 0 && open[open.length - 1].end === i) {
      const { head, outer } = open.pop()!;
      const loop = J.forever([...body, { type: 'BreakStatement', label: J.id(`l${head}`) }]);
      body = [...outer, { type: 'LabeledStatement', label: J.id(`l${head}`), body: loop }];
    }
  }
  return entryJumps ? [{ type: 'LabeledStatement', label: J.id('top'), body: J.forever(body) }] : body;
}

/**
 * Whether the loops (head position → last position) can be JS loops around the blocks: any
 * two are nested or apart, and no forward jump enters one from outside (a block cannot start
 * outside a loop and end inside it). Jumps out of a loop are breaks, which JS allows.
 */
function loopsNest(loops: ReadonlyMap<number, number>, forward: readonly [number, number][]): boolean {
  const spans = [...loops];
  for (const [h1, e1] of spans) {
    for (const [h2, e2] of spans) if (h1 < h2 && h2 <= e1 && e2 > e1) return false;
    for (const [from, to] of forward) if (to > h1 && to <= e1 && (from < h1 || from > e1)) return false;
  }
  return true;
}
