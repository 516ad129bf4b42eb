// Consistency of the committed Erlang fixtures (see fixtures/README.md):
// every fixtures/erlang/NAME.erl has a compiled fixtures/beam/NAME.beam and
// recorded fixtures/expected/NAME.{stdout,status}; nothing is orphaned; the
// .beam files are well-formed. When Erlang/OTP is installed, one small
// fixture is recompiled and re-run on the real VM to check that the
// recorded output is reproduced.
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'fixtures/erlang');
const BEAM = path.join(ROOT, 'fixtures/beam');
const EXPECTED = path.join(ROOT, 'fixtures/expected');
const SMALL_FIXTURE = 'hello_basic';

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const hasErl = onPath('erl') && onPath('erlc');

function baseNames(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

const names = baseNames(SRC, '.erl');

/** First atom of the AtU8 (or legacy Atom) chunk: the module name. */
function beamModuleName(buf: Buffer): string {
  let pos = 12;
  const end = 8 + buf.readUInt32BE(4);
  while (pos + 8 <= end) {
    const id = buf.toString('latin1', pos, pos + 4);
    const size = buf.readUInt32BE(pos + 4);
    if (id === 'AtU8' || id === 'Atom') {
      const len = buf[pos + 12];
      return buf.toString(id === 'AtU8' ? 'utf8' : 'latin1', pos + 13, pos + 13 + len);
    }
    pos += 8 + ((size + 3) & ~3);
  }
  throw new Error('no atom chunk');
}

describe('committed fixtures', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it('every .erl has a .beam, a .stdout and a .status', () => {
    const missing: string[] = [];
    for (const n of names) {
      for (const f of [`beam/${n}.beam`, `expected/${n}.stdout`, `expected/${n}.status`]) {
        if (!fs.existsSync(path.join(ROOT, 'fixtures', f))) missing.push(f);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no outputs without a source', () => {
    const known = new Set(names);
    const orphans = [
      ...baseNames(BEAM, '.beam').map((n) => `${n}.beam`).filter((f) => !known.has(f.slice(0, -5))),
      ...baseNames(EXPECTED, '.stdout').filter((n) => !known.has(n.replace(/\.r24$/, ''))).map((n) => `${n}.stdout`),
      ...baseNames(EXPECTED, '.status').filter((n) => !known.has(n)).map((n) => `${n}.status`),
    ];
    expect(orphans).toEqual([]);
  });

  it('every .status is an exit code followed by a newline', () => {
    for (const n of names) {
      const s = fs.readFileSync(path.join(EXPECTED, `${n}.status`), 'utf8');
      expect(s, n).toMatch(/^\d+\n$/);
    }
  });

  it('every source declares its module and exports main/0', () => {
    for (const n of names) {
      const src = fs.readFileSync(path.join(SRC, `${n}.erl`), 'utf8');
      expect(src, n).toMatch(new RegExp(`^-module\\(${n}\\)\\.`, 'm'));
      expect(src, n).toMatch(/^-export\(\[[^\]]*\bmain\/0/m);
    }
  });

  it('every .beam has the FOR1....BEAM header, a matching size and the right module name', () => {
    for (const n of names) {
      const buf = fs.readFileSync(path.join(BEAM, `${n}.beam`));
      expect(buf.toString('latin1', 0, 4), n).toBe('FOR1');
      expect(buf.toString('latin1', 8, 12), n).toBe('BEAM');
      expect(buf.readUInt32BE(4) + 8, n).toBe(buf.length);
      expect(beamModuleName(buf), n).toBe(n);
    }
  });

  it('every fixture printed something', () => {
    for (const n of names) {
      expect(fs.statSync(path.join(EXPECTED, `${n}.stdout`)).size, n).toBeGreaterThan(0);
    }
  });
});

describe.runIf(hasErl)('fixtures on the real VM', () => {
  it(`recompiling and re-running ${SMALL_FIXTURE} reproduces its recorded output`, async () => {
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'scripts/fixtures.mjs'), '--check', '--only', SMALL_FIXTURE],
        { cwd: ROOT, timeout: 20_000 },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
          resolve({ code, out: stdout + stderr });
        },
      );
    });
    expect(result.out).toContain('1 ok, 0 failed');
    expect(result.code, result.out).toBe(0);
  }, 30_000);
});
