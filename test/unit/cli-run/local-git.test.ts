// The git adapter against the real git program, in throwaway repositories with no
// global or system configuration (so the identity fallback is really exercised).
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FALLBACK_IDENTITY, GitError, LocalGit, NotAGitCheckoutError } from '../../../src/adapters/git/local-git.js';
import { git, removeDir } from './support.js';

const ISOLATED: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: tmpdir() };
delete ISOLATED.GIT_AUTHOR_NAME;
delete ISOLATED.GIT_AUTHOR_EMAIL;
delete ISOLATED.GIT_COMMITTER_NAME;
delete ISOLATED.GIT_COMMITTER_EMAIL;

function gitIn(dir: string, ...args: string[]): string {
  return git(dir, '-c', 'user.name=Seed', '-c', 'user.email=seed@example.com', ...args);
}

describe('LocalGit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'local-git-'));
    gitIn(dir, 'init', '-q', '-b', 'main');
    writeFileSync(join(dir, 'a.py'), 'a = 1\n');
    writeFileSync(join(dir, 'b.py'), 'b = 1\n');
    gitIn(dir, 'add', '-A');
    gitIn(dir, 'commit', '-q', '-m', 'initial');
  });
  afterEach(() => removeDir(dir));

  it('refuses a directory outside any checkout, saying what to do', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-git-'));
    try {
      await expect(LocalGit.open(outside, { ...ISOLATED, GIT_CEILING_DIRECTORIES: tmpdir() })).rejects.toThrow(NotAGitCheckoutError);
      await expect(LocalGit.open(outside, { ...ISOLATED, GIT_CEILING_DIRECTORIES: tmpdir() })).rejects.toThrow(/git init/);
    } finally {
      removeDir(outside);
    }
  });

  it('commits exactly the named paths (created, modified, deleted) with the fallback identity, leaving other changes alone', async () => {
    const repo = await LocalGit.open(dir, ISOLATED);
    writeFileSync(join(dir, 'a.py'), 'a = 2\n');
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'new file.py'), 'n = 1\n');
    rmSync(join(dir, 'b.py'));
    writeFileSync(join(dir, 'user-notes.txt'), 'mine\n');
    const before = await repo.headSha();
    const sha = await repo.commit(['a.py', 'pkg/new file.py', 'b.py'], 'spec-automation: implement X (iteration 1)\n\nBody line.\n');
    expect(sha).not.toBe(before);
    expect(git(dir, 'show', '--name-status', '--format=%an <%ae>|%cn <%ce>|%s', sha).trim().split('\n')).toEqual([
      `${FALLBACK_IDENTITY.name} <${FALLBACK_IDENTITY.email}>|${FALLBACK_IDENTITY.name} <${FALLBACK_IDENTITY.email}>|spec-automation: implement X (iteration 1)`,
      '',
      'M\ta.py',
      'D\tb.py',
      'A\tpkg/new file.py',
    ]);
    expect(await repo.commitMessage(sha)).toBe('spec-automation: implement X (iteration 1)\n\nBody line.\n\n');
    expect(await repo.status()).toEqual([{ path: 'user-notes.txt', kind: 'untracked', staged: false }]);
    expect(await repo.changedSince(before!)).toEqual(['a.py', 'b.py', 'pkg/new file.py']);
    expect(await repo.commitsSince(before!)).toEqual([{ sha, subject: 'spec-automation: implement X (iteration 1)' }]);
    expect(await repo.isAncestor(before!, sha)).toBe(true);
    expect(await repo.isAncestor(sha, before!)).toBe(false);
    // The message is kept byte for byte, a Markdown heading from the agent's summary included.
    writeFileSync(join(dir, 'a.py'), 'a = 4\n');
    const verbatim = await repo.commit(['a.py'], 'subject\n\n# A Markdown heading from the agent\nline  \n');
    expect(await repo.commitMessage(verbatim)).toBe('subject\n\n# A Markdown heading from the agent\nline  \n\n');
  });

  it('keeps the repository’s own identity when it has one', async () => {
    git(dir, 'config', 'user.name', 'Ada');
    git(dir, 'config', 'user.email', 'ada@example.com');
    const repo = await LocalGit.open(dir, ISOLATED);
    writeFileSync(join(dir, 'a.py'), 'a = 3\n');
    const sha = await repo.commit(['a.py'], 'm');
    expect(git(dir, 'log', '-1', '--format=%an <%ae>', sha).trim()).toBe('Ada <ada@example.com>');
  });

  it('creates and switches branches, never forcing', async () => {
    const repo = await LocalGit.open(dir, ISOLATED);
    expect(await repo.currentBranch()).toBe('main');
    expect(await repo.branchExists('spec/X-1')).toBe(false);
    expect(await repo.isValidBranchName('spec/X-1')).toBe(true);
    expect(await repo.isValidBranchName('spec/a..b')).toBe(false);
    expect(await repo.isValidBranchName('-x')).toBe(false);
    await repo.createBranch('spec/X-1');
    expect(await repo.currentBranch()).toBe('spec/X-1');
    await expect(repo.createBranch('main')).rejects.toThrow(GitError);
    await repo.switchBranch('main');
    expect(await repo.currentBranch()).toBe('main');
    expect(await repo.branchExists('spec/X-1')).toBe(true);
  });

  it('refuses to commit nothing', async () => {
    const repo = await LocalGit.open(dir, ISOLATED);
    await expect(repo.commit([], 'm')).rejects.toThrow(/change set is empty/);
  });

  it('reports no HEAD in a repository without commits', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-git-'));
    try {
      gitIn(empty, 'init', '-q');
      const repo = await LocalGit.open(empty, ISOLATED);
      expect(await repo.headSha()).toBeUndefined();
    } finally {
      removeDir(empty);
    }
  });
});
