import { describe, expect, it } from 'vitest';
import { readBeamFile } from '../../compiler/beam/reader.js';
import { generateModule } from '../../compiler/codegen/module.js';

// A fun call followed by return is a tail call on the BEAM (the loader's i_call_fun_last), so
// the caller is absent from stack traces while the fun runs (exc_stack_shapes: in_fun; funs_closures has OTP 25 call_fun2 tail calls).
describe('call_fun in tail position', () => {
  for (const dir of ['beam', 'beam-r24']) {
    it(`becomes callFunLast (${dir})`, () => {
      const m = readBeamFile(new URL(`../../fixtures/${dir}/${dir === 'beam' ? 'funs_closures' : 'exc_stack_shapes'}.beam`, import.meta.url).pathname);
      const src = generateModule(m).source;
      expect(src).toMatch(/return callFunLast\(/);
      expect(src).toMatch(/callFun\(/); // the non-tail calls stay ordinary calls
    });
  }
});
