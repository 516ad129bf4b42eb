/**
 * A module → the source of one JS factory expression:
 *
 *   (function (R, M) { "use strict"; const {S, Cons, ...} = R;   // runtime API
 *     const a0 = M.atoms[3], k0 = M.literals[0], ...;             // hoisted constants
 *     let i0, i1, ...;                                             // import slots
 *     function f0(x0, $r) {...} ...                                // one per function
 *     return { functions: [f0, ...], link(imports) { i0 = imports[0]; ... } };
 *   })
 *
 * The loader calls it with the runtime API `R` and the decoded module `M` (atoms and literal
 * terms are passed as objects, not re-encoded), then links the import slots.
 */
import { generate } from 'astring';
import type { Atom } from '../../runtime/term/atom.js';
import type { BeamModule } from '../beam/module.js';
import type { ModuleContext } from './context.js';
import { emitFunction, resumeLabelBase } from './function.js';
import * as J from './js.js';

/** Names the generated code takes from the runtime API object. */
export const RUNTIME_NAMES = [
  'S', 'SUSPEND', 'NONVALUE', 'Cons', 'NIL', 'ErlFloat', 'Atom', 'Pid', 'Ref', 'Port', 'BitString', 'ErlMap',
  'ErlangException', 'TRUE', 'FALSE', 'suspendEntry', 'suspendAt', 'trmcEnd', 'preempt', 'raiseBy', 'eqx', 'eq', 'cmp', 'isInt',
  'isNum', 'isFun', 'callFun', 'callFunLast', 'applyMFA', 'applyLast', 'functionClause', 'badmatch', 'caseClause', 'ifClause', 'tryClause',
  'badRecord', 'catchValue', 'reraise', 'buildStacktrace', 'rawRaise', 'mapPut', 'mapUpdate', 'mapHasAll',
  'mapGet', 'toFloat', 'checkFloat', 'createBin', 'BSW', 'appendByte', 'appendBytes', 'appendBinary', 'segmentBits', 'binAllBits', 'utfBits', 'startMatch', 'initWritable',
  'BitWriter', 'bsAdd', 'utf8Size', 'utf16Size', 'send', 'peekMessage', 'skipMessage', 'removeMessage',
  'waitTimeout', 'receiveTimedOut', 'reserveMarker', 'bindMarker', 'useMarker', 'clearMarker',
] as const;

export interface GeneratedModule {
  readonly source: string;
  /**
   * Where each instruction's code starts in `source`: flat triples (JS line, JS column, index
   * into the module's line table), in source order. Lets a JS error inside generated code be
   * traced to its Erlang line without the code keeping the line up to date (runtime/process/trace.ts).
   */
  readonly positions: readonly number[];
  /** The module's code sites, flat (function index, line index); site k is `B + k` in `source`. */
  readonly sites: readonly number[];
  /** Function index → JS identifier, for tests and tooling. */
  readonly names: readonly string[];
}

export interface GenerateOptions {
  /** True for functions replaced by a native implementation (BIFs defined in Erlang as stubs). */
  readonly isNative?: (module: string, name: string, arity: number) => boolean;
}

export function generateModule(m: BeamModule, opts: GenerateOptions = {}): GeneratedModule {
  const natives = m.functions.map((f) => opts.isNative?.(m.name.name, f.name.name, f.arity) === true);
  const consts: J.Stmt[] = [];
  const atomIds = new Map<Atom, J.Expr>();
  const literalIds = new Map<number, J.Expr>();
  const floatIds = new Map<number, J.Expr>();
  const stringIds = new Set<string>();
  const sites: number[] = [];
  const siteIds = new Map<string, number>();
  const entryIndex = new Map<number, number>();
  m.functions.forEach((f, i) => entryIndex.set(f.entry, i));
  const names = m.functions.map((f, i) => `f${i}_${f.name.name.replace(/[^A-Za-z0-9_$]/g, '_')}_${f.arity}`);

  const mod: ModuleContext = {
    module: m,
    fnName: (i) => names[i],
    callName: (i) => (natives[i] ? `n${i}` : names[i]),
    fnAtLabel: (l) => entryIndex.get(l),
    atomConst: (a) => {
      let e = atomIds.get(a);
      if (!e) {
        const name = `a${atomIds.size}`;
        consts.push(J.constDecl(name, J.call(J.member(J.id('R'), 'atom'), [J.str(a.name)])));
        e = J.id(name);
        atomIds.set(a, e);
      }
      return e;
    },
    literalConst: (i) => {
      let e = literalIds.get(i);
      if (!e) {
        const name = `k${i}`;
        consts.push(J.constDecl(name, J.index(J.member(J.id('M'), 'literals'), i)));
        e = J.id(name);
        literalIds.set(i, e);
      }
      return e;
    },
    floatConst: (v) => {
      let e = floatIds.get(v);
      if (!e) {
        const name = `fl${floatIds.size}`;
        consts.push(J.constDecl(name, J.newExpr(J.id('ErlFloat'), [J.num(v)])));
        e = J.id(name);
        floatIds.set(v, e);
      }
      return e;
    },
    importRef: (i) => J.id(`i${i}`),
    importIsNative: (i) => opts.isNative?.(m.imports[i].module.name, m.imports[i].name.name, m.imports[i].arity) === true,
    site: (fnIndex, ln) => {
      const key = `${fnIndex}:${ln}`;
      let k = siteIds.get(key);
      if (k === undefined) {
        k = sites.length / 2;
        sites.push(fnIndex, ln);
        siteIds.set(key, k);
      }
      return k;
    },
    newSite: (fnIndex, ln) => {
      sites.push(fnIndex, ln);
      return sites.length / 2 - 1;
    },
    stringConst: (offset, len) => {
      const name = `s${offset}_${len}`;
      if (!stringIds.has(name)) {
        stringIds.add(name);
        consts.push(J.constDecl(name, J.call(J.member(J.member(J.id('M'), 'strings'), 'subarray'), [J.num(offset), J.num(offset + len)])));
      }
      return J.id(name);
    },
  };

  const fns = m.functions.flatMap((f, i) => emitFunction(mod, f, i, resumeLabelBase(m.header.labelCount, i)));
  const destructure: J.Stmt = {
    type: 'VariableDeclaration',
    kind: 'const',
    declarations: [
      {
        type: 'VariableDeclarator',
        id: {
          type: 'ObjectPattern',
          properties: RUNTIME_NAMES.map((n) => ({
            type: 'Property',
            key: J.id(n),
            value: J.id(n),
            kind: 'init',
            computed: false,
            method: false,
            shorthand: true,
          })),
        },
        init: J.id('R'),
      },
    ],
  };
  const imports = m.imports.map((_, i) => `i${i}`);
  const nativeSlots = natives.flatMap((n, i) => (n ? [`n${i}`] : []));
  const link = J.fn('link', ['imports', 'natives'], [
    ...imports.map((n, i) => J.assign(J.id(n), J.index(J.id('imports'), i))),
    ...nativeSlots.map((n) => J.assign(J.id(n), J.index(J.id('natives'), Number(n.slice(1))))),
  ]);
  const body: J.Stmt[] = [
    J.expr(J.str('use strict')),
    destructure,
    J.constDecl('LN', J.member(J.id('S'), 'lns')),
    J.constDecl('makeFun', J.arrow(['i', 'env'], J.call(J.member(J.id('R'), 'makeFunFor'), [J.member(J.member(J.id('M'), 'name'), 'name'), J.id('i'), J.id('env')]))),
    ...consts,
    ...(imports.length + nativeSlots.length ? [J.letDecl([...imports, ...nativeSlots])] : []),
    ...fns,
    link as unknown as J.Stmt,
    J.ret({
      type: 'ObjectExpression',
      properties: [
        { type: 'Property', key: J.id('functions'), value: J.array(names.map(J.id)), kind: 'init', computed: false, method: false, shorthand: false },
        { type: 'Property', key: J.id('link'), value: J.id('link'), kind: 'init', computed: false, method: false, shorthand: true },
      ],
    }),
  ];
  const factory: J.Expr = {
    type: 'FunctionExpression',
    id: null,
    params: [J.id('R'), J.id('M'), J.id('B')],
    body: J.block(body),
    generator: false,
    async: false,
  };
  // astring reports each node carrying a `loc` as it writes it (J.located marks one per
  // instruction); only the positions are kept, not a full source map.
  const positions: number[] = [];
  const sourceMap = {
    file: `${m.name.name}.beam.js`,
    addMapping(mp: { generated: { line: number; column: number }; original: { line: number } }) {
      positions.push(mp.generated.line, mp.generated.column, mp.original.line);
    },
  };
  const source = generate(J.program([J.expr(factory)]), { sourceMap } as unknown as Parameters<typeof generate>[1]) as unknown as string;
  return { source, names, positions, sites };
}
