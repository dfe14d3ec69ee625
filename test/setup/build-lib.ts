/**
 * vitest globalSetup: compile src/ into lib/ once, before any test file runs, when a
 * source is newer than the last build. Several tests run the compiled CLI, app or action
 * in a process of their own; each compiling lib/ in its own beforeAll recompiled the same
 * tree up to four times at once (minutes on a busy 2-core runner, past the hook timeout)
 * while other files were reading lib/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
// Outside lib/, so the npm package never carries it.
const STAMP = join(REPO, 'node_modules', '.cache', 'spec-automation', 'lib-built-at');
const ENTRIES = ['lib/cli/main.js', 'lib/app/index.js', 'lib/action/index.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function buildLib(): void {
  const upToDate = existsSync(STAMP) && ENTRIES.every((e) => existsSync(join(REPO, e))) && statSync(STAMP).mtimeMs >= newestSource(join(REPO, 'src'));
  if (upToDate) return;
  // Type errors elsewhere in the tree do not stop tsc from emitting (the typecheck step
  // reports them), so check the output, not the exit code.
  const result = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO, 'tsconfig.build.json')], { cwd: REPO, encoding: 'utf8' });
  for (const entry of ENTRIES) {
    if (!existsSync(join(REPO, entry))) throw new Error(`${entry} was not built: ${result.stdout}${result.stderr}`);
  }
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
