// Fails when the committed dist/ differs from a fresh ncc build of lib/action/index.js,
// the check actions/typescript-action runs: users run dist/, not src/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fresh = mkdtempSync(join(tmpdir(), 'spec-automation-dist-'));
try {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync('npx', ['ncc', 'build', 'lib/action/index.js', '-o', fresh, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
  // The linear-time regex engine's WebAssembly, which the build copies beside the bundle (package.json "build").
  copyFileSync('node_modules/re2-wasm/build/wasm/re2.wasm', join(fresh, 're2.wasm'));
  const names = new Set([...readdirSync(fresh), ...(existsSync('dist') ? readdirSync('dist') : [])]);
  const differing = [...names].filter((name) => {
    const a = join(fresh, name);
    const b = join('dist', name);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
  if (differing.length > 0) {
    console.error(`dist/ is out of date (${differing.join(', ')}). Run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log('dist/ matches a fresh build.');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
