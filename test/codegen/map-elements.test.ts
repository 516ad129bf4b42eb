import { describe, expect, it } from 'vitest';
import { readBeamFile } from '../../compiler/beam/reader.js';
import { generateModule } from '../../compiler/codegen/module.js';

// get_map_elements may write a key's value into the register holding the source map before
// looking up the remaining keys (maps_patterns: handle/1 does, for {x,0}); the BEAM reads the
// map once, so the generated code must keep it in a block-local.
describe('get_map_elements whose destination is the source register', () => {
  it('looks every key up in the original map', () => {
    const m = readBeamFile(new URL('../../fixtures/beam/maps_patterns.beam', import.meta.url).pathname);
    const src = generateModule(m).source;
    expect(src).toMatch(/const m\$ = x0;/);
    expect(src).toMatch(/t = mapGet\(m\$, /);
  });
});
