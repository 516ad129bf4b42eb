import { describe, expect, it } from 'vitest';
import { readBeamFile } from '../../compiler/beam/reader.js';
import { generateModule } from '../../compiler/codegen/module.js';

// The JavaScript generated for small fixtures, kept as files next to this test: any change to
// code generation shows up as a diff in review. Update with `npx vitest run -u` when intended.
const fixtures = ['codegen_shapes', 'exec_mutual_tail', 'codegen_receive'];

describe('generated JavaScript', () => {
  for (const name of fixtures) {
    it(`for ${name}`, async () => {
      const m = readBeamFile(new URL(`../../fixtures/beam/${name}.beam`, import.meta.url).pathname);
      await expect(generateModule(m).source).toMatchFileSnapshot(`./__snapshots__/${name}.js`);
    });
  }
});
