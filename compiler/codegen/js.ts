/**
 * Small builders for the ESTree nodes the code generator emits; astring prints them. Kept
 * minimal on purpose: generated code uses a handful of node kinds.
 */
import type * as E from 'estree';

export type Expr = E.Expression;
export type Stmt = E.Statement;

export const id = (name: string): E.Identifier => ({ type: 'Identifier', name });
export const num = (value: number): Expr =>
  value < 0 || Object.is(value, -0) ? { type: 'UnaryExpression', operator: '-', prefix: true, argument: num(-value) } : { type: 'Literal', value };
export const bigint = (value: bigint): Expr =>
  value < 0n
    ? { type: 'UnaryExpression', operator: '-', prefix: true, argument: bigint(-value) }
    : ({ type: 'Literal', value, bigint: value.toString() } as E.BigIntLiteral);
export const str = (value: string): Expr => ({ type: 'Literal', value });
export const bool = (value: boolean): Expr => ({ type: 'Literal', value });
export const undef: Expr = { type: 'Identifier', name: 'undefined' };

export const member = (object: Expr, property: string | Expr): E.MemberExpression =>
  typeof property === 'string'
    ? { type: 'MemberExpression', object, property: id(property), computed: false, optional: false }
    : { type: 'MemberExpression', object, property, computed: true, optional: false };
export const index = (object: Expr, i: number): E.MemberExpression => member(object, num(i));
export const call = (callee: Expr, args: Expr[]): Expr => ({ type: 'CallExpression', callee, arguments: args, optional: false });
export const newExpr = (callee: Expr, args: Expr[]): Expr => ({ type: 'NewExpression', callee, arguments: args });
export const array = (elements: Expr[]): Expr => ({ type: 'ArrayExpression', elements });
export const bin = (operator: E.BinaryOperator, left: Expr, right: Expr): Expr => ({ type: 'BinaryExpression', operator, left, right });
export const logical = (operator: E.LogicalOperator, left: Expr, right: Expr): Expr => ({ type: 'LogicalExpression', operator, left, right });
export const not = (argument: Expr): Expr => ({ type: 'UnaryExpression', operator: '!', prefix: true, argument });
export const typeOf = (argument: Expr): Expr => ({ type: 'UnaryExpression', operator: 'typeof', prefix: true, argument });
export const cond = (test: Expr, consequent: Expr, alternate: Expr): Expr => ({ type: 'ConditionalExpression', test, consequent, alternate });
export const assignExpr = (left: E.Pattern, right: Expr, operator: E.AssignmentOperator = '='): Expr => ({ type: 'AssignmentExpression', operator, left, right });
export const update = (operator: '++' | '--', argument: Expr, prefix = true): Expr => ({ type: 'UpdateExpression', operator, argument, prefix });
export const instanceOf = (left: Expr, right: Expr): Expr => bin('instanceof', left, right);

export const expr = (expression: Expr): Stmt => ({ type: 'ExpressionStatement', expression });
export const assign = (left: E.Pattern, right: Expr): Stmt => expr(assignExpr(left, right));
export const ret = (argument?: Expr): Stmt => ({ type: 'ReturnStatement', argument: argument ?? null });
export const block = (body: Stmt[]): E.BlockStatement => ({ type: 'BlockStatement', body });
export const ifs = (test: Expr, consequent: Stmt[], alternate?: Stmt[]): Stmt => ({
  type: 'IfStatement',
  test,
  consequent: block(consequent),
  alternate: alternate ? block(alternate) : null,
});
export const throwS = (argument: Expr): Stmt => ({ type: 'ThrowStatement', argument });
export const cont = (): Stmt => ({ type: 'ContinueStatement', label: null });
export const brk = (): Stmt => ({ type: 'BreakStatement', label: null });
export const letDecl = (names: string[], inits?: (Expr | undefined)[]): Stmt => ({
  type: 'VariableDeclaration',
  kind: 'let',
  declarations: names.map((n, i) => ({ type: 'VariableDeclarator', id: id(n), init: inits?.[i] ?? null })),
});
export const constDecl = (name: string, init: Expr): Stmt => ({
  type: 'VariableDeclaration',
  kind: 'const',
  declarations: [{ type: 'VariableDeclarator', id: id(name), init }],
});
export const fn = (name: string, params: string[], body: Stmt[]): E.FunctionDeclaration => ({
  type: 'FunctionDeclaration',
  id: id(name),
  params: params.map(id),
  body: block(body),
  generator: false,
  async: false,
});
export const arrow = (params: string[], body: Expr): Expr => ({
  type: 'ArrowFunctionExpression',
  params: params.map(id),
  body,
  expression: true,
  generator: false,
  async: false,
});
export const switchS = (discriminant: Expr, cases: E.SwitchCase[]): Stmt => ({ type: 'SwitchStatement', discriminant, cases });
export const caseS = (test: Expr | null, consequent: Stmt[]): E.SwitchCase => ({ type: 'SwitchCase', test, consequent });
export const labeled = (label: string, body: Stmt): Stmt => ({ type: 'LabeledStatement', label: id(label), body });
export const forever = (body: Stmt[]): Stmt => ({ type: 'ForStatement', init: null, test: null, update: null, body: block(body) });
export const tryCatch = (body: Stmt[], param: string, handler: Stmt[]): Stmt => ({
  type: 'TryStatement',
  block: block(body),
  handler: { type: 'CatchClause', param: id(param), body: block(handler) },
  finalizer: null,
});
export const program = (body: (Stmt | E.ModuleDeclaration)[]): E.Program => ({ type: 'Program', sourceType: 'script', body });

/**
 * Marks the first identifier or literal printed for `stmt` with `line` (astring maps such
 * nodes): a copy of that node, since nodes like `x0` are shared between statements.
 */
export function located(stmt: Stmt, line: number): Stmt {
  const loc = { start: { line, column: 0 }, end: { line, column: 0 } };
  const visit = (node: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (node.type === 'Identifier' || node.type === 'Literal') return { ...node, loc };
    for (const key of Object.keys(node)) {
      if (key === 'loc') continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const c = child[i];
          if (c && typeof c === 'object' && typeof c.type === 'string') {
            const r = visit(c);
            if (r) {
              const copy = child.slice();
              copy[i] = r;
              return { ...node, [key]: copy };
            }
          }
        }
      } else if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
        const r = visit(child as Record<string, unknown>);
        if (r) return { ...node, [key]: r };
      }
    }
    return undefined;
  };
  return (visit(stmt as unknown as Record<string, unknown>) as unknown as Stmt) ?? stmt;
}
