/**
 * vitest globalSetup: compile src/ into lib/ once, before any test file runs. Several
 * tests run the compiled CLI, app or action in a process of their own; each compiling
 * lib/ in its own beforeAll recompiled the same tree up to four times at once (minutes on
 * a busy 2-core runner, past the hook timeout) while other files were reading lib/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function buildLib(): void {
  const repo = fileURLToPath(new URL('../../', import.meta.url));
  // Type errors elsewhere in the tree do not stop tsc from emitting (the typecheck step
  // reports them), so check the output, not the exit code.
  const result = spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.build.json')], { cwd: repo, encoding: 'utf8' });
  for (const entry of ['lib/cli/main.js', 'lib/app/index.js', 'lib/action/index.js']) {
    if (!existsSync(join(repo, entry))) throw new Error(`${entry} was not built: ${result.stdout}${result.stderr}`);
  }
}
