import { describe, expect, it } from 'vitest';
import { ByteCursor } from '../../compiler/beam/bytes.js';
import { readOperand, readTagged, type OperandTables } from '../../compiler/beam/compact.js';
import { BeamFormatError } from '../../compiler/beam/errors.js';
import { atom } from '../../runtime/term/atom.js';
import { ErlFloat } from '../../runtime/term/float.js';

const tables: OperandTables = { atoms: [atom('m'), atom('f')], literals: [new ErlFloat(2.5), atom('lit')], typeCount: 3 };
const cur = (...b: number[]) => new ByteCursor(Uint8Array.from(b), 't.beam', 'Code');
const op = (...b: number[]) => {
  const c = cur(...b);
  const o = readOperand(c, tables);
  expect(c.atEnd).toBe(true);
  return o;
};

describe('compact term operands', () => {
  it('decodes the 4-bit, 11-bit and multi-byte forms', () => {
    expect(op(0x50)).toEqual({ kind: 'u', value: 5 }); // 0101 0 000
    expect(op(0x08 | 0x20 | 0x00, 0x10)).toEqual({ kind: 'u', value: (1 << 8) | 0x10 }); // 11-bit
    expect(op(0x18 | 0x01, 0x7f, 0xff)).toEqual({ kind: 'i', value: 0x7fff }); // 2 bytes
    expect(op(0x18 | 0x01, 0xff, 0xfe)).toEqual({ kind: 'i', value: -2 }); // negative
    expect(op(0x38 | 0x01, 0x00, 0x80, 0x00)).toEqual({ kind: 'i', value: 0x8000 }); // 3 bytes, leading 0
    expect(op(0x18, 0x12, 0x34)).toEqual({ kind: 'u', value: 0x1234 });
  });

  it('decodes a bignum whose length is a nested u value', () => {
    // 2^80 needs 11 bytes: 0x01 then ten zeros → length code 7, nested u = 11 - 9 = 2.
    const bytes = [0xf8 | 0x01, 0x20, 0x01, ...new Array(10).fill(0)];
    expect(op(...bytes)).toEqual({ kind: 'i', value: 2n ** 80n });
    const neg = [0xf8 | 0x01, 0x20, 0xff, ...new Array(10).fill(0)];
    expect(op(...neg)).toEqual({ kind: 'i', value: -(2n ** 80n) });
  });

  it('resolves atoms, nil, registers, labels and characters', () => {
    expect(op(0x12)).toEqual({ kind: 'atom', value: atom('m') });
    expect(op(0x02)).toEqual({ kind: 'nil' });
    expect(op(0x33)).toEqual({ kind: 'x', n: 3 });
    expect(op(0x24)).toEqual({ kind: 'y', n: 2 });
    expect(op(0x75)).toEqual({ kind: 'f', label: 7 });
    expect(op(0x46)).toEqual({ kind: 'char', value: 4 });
  });

  it('decodes every extended form', () => {
    const f = new Uint8Array(8);
    new DataView(f.buffer).setFloat64(0, 1.5);
    expect(op(0x07, ...f)).toEqual({ kind: 'float', value: 1.5 });
    expect(op(0x17, 0x20, 0x12, 0x33)).toEqual({ kind: 'list', items: [{ kind: 'atom', value: atom('m') }, { kind: 'x', n: 3 }] });
    expect(op(0x27, 0x30)).toEqual({ kind: 'fr', n: 3 });
    expect(op(0x37, 0x20, 0x00, 0x50, 0x10, 0x20)).toEqual({
      kind: 'alloc',
      words: 5,
      floats: 2,
      funs: 0,
      items: [
        { kind: 'words', n: 5 },
        { kind: 'floats', n: 2 },
      ],
    });
    expect(op(0x47, 0x10)).toEqual({ kind: 'literal', index: 1, value: atom('lit') });
    expect(op(0x57, 0x23, 0x20)).toEqual({ kind: 'x', n: 2, type: 2 });
    expect(op(0x57, 0x14, 0x00)).toEqual({ kind: 'y', n: 1, type: 0 });
  });

  it('rejects malformed operands with errors naming file and chunk', () => {
    const bad: number[][] = [
      [0x32], // atom 3 of 2
      [0x47, 0x20], // literal 2 of 2
      [0x57, 0x13, 0x30], // type 3 of 3
      [0x57, 0x12, 0x00], // typed atom
      [0x67], // extended kind 6
      [0x17, 0x10, 0x17, 0x00], // nested list
      [0x37, 0x10, 0x30, 0x10], // alloc kind 3
      [0x18], // truncated
      [0x17, 0xf0], // list longer than the input
      [0x0f, 0x01], // large-form z tag
      [0x07, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0], // infinite float
    ];
    for (const b of bad) {
      const c = cur(...b);
      let err: unknown;
      try {
        readOperand(c, tables);
      } catch (e) {
        err = e;
      }
      expect(err, `bytes ${b}`).toBeInstanceOf(BeamFormatError);
      expect((err as Error).message).toMatch(/^t\.beam: chunk Code: /);
    }
  });

  it('reads tagged values of every size', () => {
    for (const v of [0, 15, 16, 2047, 2048, 65535, 2 ** 31, 2 ** 48 - 1]) {
      // Encode as beam_asm does and decode back.
      const bytes: number[] = [];
      if (v < 16) bytes.push(v << 4);
      else if (v < 2048) bytes.push(((v >> 3) & 0xe0) | 0x08, v & 0xff);
      else {
        const bs: number[] = [];
        for (let x = v; x > 0; x = Math.floor(x / 256)) bs.unshift(x % 256);
        if (bs[0] & 0x80) bs.unshift(0);
        bytes.push(((bs.length - 2) << 5) | 0x18, ...bs);
      }
      expect(readTagged(cur(...bytes)).value).toBe(v);
    }
  });
});
