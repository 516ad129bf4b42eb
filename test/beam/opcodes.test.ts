import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MAX_OPCODE, OPCODE_BY_NAME, OPCODES } from '../../compiler/beam/opcodes.js';
import { hasErl } from '../support/otp.js';

describe('the opcode table', () => {
  it('covers 1..184 with the OTP 26-28 additions', () => {
    expect(MAX_OPCODE).toBe(184);
    for (let n = 1; n <= MAX_OPCODE; n++) expect(OPCODES[n]?.opcode).toBe(n);
    expect(OPCODE_BY_NAME.get('update_record')).toMatchObject({ opcode: 181, arity: 5, since: 'OTP 26' });
    expect(OPCODE_BY_NAME.get('bs_match')).toMatchObject({ opcode: 182, arity: 3, since: 'OTP 26' });
    expect(OPCODE_BY_NAME.get('executable_line')).toMatchObject({ opcode: 183, arity: 2, since: 'OTP 27' });
    expect(OPCODE_BY_NAME.get('debug_line')).toMatchObject({ opcode: 184, arity: 4, since: 'OTP 28' });
  });

  it.runIf(hasErl)('agrees with OTP 25 beam_opcodes on names and arities of 1..180', () => {
    const r = spawnSync(
      'erl',
      ['-noshell', '-eval', `[io:format("~w ~w ~w~n", [N, element(1, beam_opcodes:opname(N)), element(2, beam_opcodes:opname(N))]) || N <- lists:seq(1, 180)], halt().`],
      { encoding: 'utf8' },
    );
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(180);
    for (const line of lines) {
      const [n, name, arity] = line.split(' ');
      expect(`${OPCODES[+n]?.name}/${OPCODES[+n]?.arity}`, `opcode ${n}`).toBe(`${name.replace(/'/g, '')}/${arity}`);
    }
  });
});
