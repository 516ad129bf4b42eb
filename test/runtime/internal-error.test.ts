import { describe, expect, it } from 'vitest';
import { readBeam } from '../../compiler/beam/reader.js';
import { linkAll, loadModule } from '../../runtime/loader.js';
import { runEntry } from '../../runtime/system.js';
import { buildBeam, loc, op, preamble, x } from '../support/beam-builder.js';

// A JS TypeError escaping generated code is a bug in beamjs, not an Erlang exception: the
// runtime reports it as an internal error naming the Erlang module, function and line, and
// Erlang code cannot catch it.
describe('internal errors', () => {
  it('name the Erlang module, function and line', async () => {
    // get_tuple_element on an x register that was never written: undefined[0] is a TypeError.
    const built = buildBeam({
      module: 'bj_broken',
      sourceFile: 'bj_broken.erl',
      functions: [
        {
          name: 'f',
          arity: 0,
          entry: 2,
          exported: true,
          code: [
            ...preamble('bj_broken', 'f', 0, 1),
            op('line', loc('bj_broken.erl', 42)),
            op('get_tuple_element', x(5), 0, x(0)),
            op('return'),
          ],
        },
      ],
    });
    loadModule(readBeam(built.bytes, 'bj_broken.beam'));
    linkAll();
    const out = await runEntry('bj_broken', 'f', []);
    expect(out.kind).toBe('internal');
    if (out.kind !== 'internal') return;
    expect(out.error.message).toMatch(/^internal error in bj_broken:f\/0 \(bj_broken\.erl, line 42\): TypeError: /);
    expect(out.error.cause).toBeInstanceOf(TypeError);
  });
});
