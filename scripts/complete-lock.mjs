// Adds lock entries for optional platform packages that npm could not resolve here.
//
// Why: the registry reachable from this workplace serves only this platform's native
// packages (e.g. @rollup/rollup-linux-x64-gnu) and answers 404 for the others, so
// `npm install` leaves them out of package-lock.json, and npm 11's `npm ci` then rejects
// the lock ("Missing: @rollup/rollup-android-arm-eabi from lock file"). An entry that names
// the package's os/cpu/libc is enough: npm skips optional packages for other platforms.
// Run after `npm install`: node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'netbsd', 'openharmony', 'sunos', 'aix', 'win32'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const at = `node_modules/${name}`;
    if (lock.packages[at] || !/^\d+\.\d+\.\d+$/.test(version)) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os || !cpu) continue;
    const entry = { version, cpu: [cpu], dev: pkg.dev === true || undefined, license: pkg.license, optional: true, os: [os] };
    if (parts.includes('musl')) entry.libc = ['musl'];
    else if (parts.includes('gnu') || parts.includes('gnueabihf')) entry.libc = ['glibc'];
    lock.packages[at] = entry;
    added++;
    void key;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: added ${added} optional platform entries`);
