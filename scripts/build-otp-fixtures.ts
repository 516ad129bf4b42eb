/**
 * Writes fixtures/otp-formats/*.beam: modules in the OTP 26, 27 and 28 layouts, which the
 * local OTP 25 erlc cannot produce, assembled by test/support/beam-builder.ts from the
 * definitions in test/support/otp-fixtures.ts.
 *
 *   npx vite-node scripts/build-otp-fixtures.ts
 *
 * (vite-node ships with vitest, so the TypeScript builder runs as-is, with no build step.)
 * The files are committed; test/beam/otp-formats.test.ts fails if they drift from the
 * definitions, so rerun this after changing either.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFixture, OTP_FIXTURES } from '../test/support/otp-fixtures.js';

const dir = fileURLToPath(new URL('../fixtures/otp-formats/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const def of OTP_FIXTURES) {
  const built = buildFixture(def);
  writeFileSync(dir + def.file, built.bytes);
  console.log(`${def.file}: ${built.bytes.length} bytes, chunks ${built.chunks.map((c) => c.id).join(' ')}`);
}
