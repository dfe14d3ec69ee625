/**
 * Issue 11: a planted `.git/config` must not run code through the git commands the CLI
 * starts. The checkout's config names an fsmonitor command, a hooks directory with a
 * post-commit hook, a post-checkout hook and a clean/smudge filter for every file; the
 * CLI's git (status, add + commit, switch), the agent's file listing and the gates'
 * input hashing run, and none of those programs may.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalGit } from '../../src/adapters/git/local-git.js';
import { LocalTree } from '../../src/adapters/workspace/local-tree.js';
import { listInputs } from '../../src/gates/inputs.js';
import { git } from '../unit/cli-run/support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository whose own configuration would run `touch <marker>` from every angle. */
function plantedCheckout(): { dir: string; markers: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planted-git-'));
  const markers = mkdtempSync(join(tmpdir(), 'planted-markers-'));
  dirs.push(dir, markers);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Author');
  git(dir, 'config', 'user.email', 'test@example.com');
  writeFileSync(join(dir, 'app.py'), 'print("hi")\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  git(dir, 'branch', 'other');
  const touch = (name: string) => `touch '${join(markers, name)}'`;
  mkdirSync(join(dir, 'planted-hooks'));
  for (const hook of ['post-commit', 'post-checkout', 'pre-commit', 'reference-transaction']) {
    writeFileSync(join(dir, 'planted-hooks', hook), `#!/bin/sh\n${touch(hook)}\n`);
    chmodSync(join(dir, 'planted-hooks', hook), 0o755);
  }
  const fsmonitor = join(dir, 'planted-fsmonitor.sh');
  writeFileSync(fsmonitor, `#!/bin/sh\n${touch('fsmonitor')}\nexit 1\n`);
  chmodSync(fsmonitor, 0o755);
  git(dir, 'config', 'core.fsmonitor', fsmonitor);
  git(dir, 'config', 'core.hooksPath', join(dir, 'planted-hooks'));
  git(dir, 'config', 'filter.evil.clean', `sh -c "${touch('clean')}; cat"`);
  git(dir, 'config', 'filter.evil.smudge', `sh -c "${touch('smudge')}; cat"`);
  writeFileSync(join(dir, '.git', 'info', 'attributes'), '* filter=evil\n');
  return { dir, markers };
}

function planted(markers: string): string[] {
  return ['fsmonitor', 'post-commit', 'post-checkout', 'pre-commit', 'reference-transaction', 'clean', 'smudge'].filter((m) => existsSync(join(markers, m)));
}

describe.skipIf(process.platform === 'win32')("a checkout's own git configuration runs nothing", () => {
  it('the control: plain git runs the planted programs (so the test can see them)', () => {
    const { dir, markers } = plantedCheckout();
    writeFileSync(join(dir, 'app.py'), 'print("changed")\n');
    git(dir, 'status', '--porcelain');
    git(dir, 'add', 'app.py');
    git(dir, 'commit', '-q', '-m', 'plain');
    expect(planted(markers)).toEqual(expect.arrayContaining(['fsmonitor', 'post-commit', 'clean']));
  });

  it('LocalGit: status, commit and switch run no fsmonitor, hook or filter', async () => {
    const { dir, markers } = plantedCheckout();
    const local = await LocalGit.open(dir, { PATH: process.env.PATH });
    writeFileSync(join(dir, 'app.py'), 'print("changed")\n');
    expect((await local.status()).map((e) => e.path)).toContain('app.py');
    const sha = await local.commit(['app.py'], 'spec-automation: change app.py\n');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    await local.switchBranch('other');
    await local.switchBranch('main');
    expect(planted(markers)).toEqual([]);
    // The clean filter did not rewrite the content either: the blob is what was written.
    expect(git(dir, 'show', 'HEAD:app.py')).toBe('print("changed")\n');
  });

  it("the agent's file listing and the gates' input hashing run no fsmonitor", async () => {
    const { dir, markers } = plantedCheckout();
    writeFileSync(join(dir, 'new.py'), 'x = 1\n');
    const tree = await LocalTree.open(dir);
    expect(await tree.listFiles()).toEqual(expect.arrayContaining(['app.py', 'new.py']));
    await listInputs(dir);
    expect(planted(markers)).toEqual([]);
  });
});
