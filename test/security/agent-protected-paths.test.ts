/**
 * Issue 11: the always-protected paths and configured denyPaths match as the file
 * systems the gates run on do: case-insensitively (Windows, macOS), Unicode-normalized,
 * with the code points HFS+ ignores removed. Reads of .git are refused too, and a
 * symlink is listed as a symlink and never written through.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../src/adapters/workspace/apply-change-set.js';
import { LocalTree } from '../../src/adapters/workspace/local-tree.js';
import { ChangeSet } from '../../src/pipeline/agent/change-set.js';
import { checkReadablePath, checkWritablePath, WorkspaceError, type WritePolicy } from '../../src/pipeline/agent/guards.js';
import { runTool } from '../../src/pipeline/agent/tools.js';

const policy: WritePolicy = { denyPaths: ['secrets/**', '**/*.pem'], protectedFiles: ['config/spec-automation.yml', 'locks/spec.lock.json'], maxFileBytes: 10_000, maxTotalBytes: 100_000, maxFilesChanged: 20 };

function refusal(fn: () => void): WorkspaceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkspaceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('always-protected paths', () => {
  it.each([
    '.github/spec-automation.yml',
    '.GITHUB/SPEC-AUTOMATION.YML',
    '.github/spec-automation.yaml',
    '.github/actions/setup/action.yml',
    '.GitHub/Actions/x/action.yaml',
    '.spec-automation/cache/config/k.json',
    '.spec-automation/lock.json',
    '.Spec-Automation/state/x.json',
    // Full-width letters and dot (NFKC), zero-width and bidi characters HFS+ and readers drop.
    '．ｇｉｔ/config',
    '.g\u200cit/config',
    '.git\u200b/hooks/post-commit',
    '.github/work\u200dflows/ci.yml',
    '.github/workflows\ufeff/ci.yml',
    'e\u0301/.git/config',
  ])('refuses to write %j whatever the configuration', (path) => {
    expect(refusal(() => checkWritablePath(path, { ...policy, denyPaths: [] })).code).toBe('protected');
  });

  it('protects the configuration and lock file this run names, in any case', () => {
    expect(refusal(() => checkWritablePath('Config/Spec-Automation.yml', policy)).message).toContain("this run's configuration names");
    expect(refusal(() => checkWritablePath('locks/SPEC.lock.json', policy)).code).toBe('protected');
    expect(() => checkWritablePath('locks/other.json', policy)).not.toThrow();
  });

  it('matches configured denyPaths case-insensitively and Unicode-normalized', () => {
    expect(refusal(() => checkWritablePath('Secrets/key.pem', policy)).code).toBe('denied');
    expect(refusal(() => checkWritablePath('SECRETS/prod.env', policy)).code).toBe('denied');
    expect(refusal(() => checkWritablePath('certs/SERVER.PEM', policy)).code).toBe('denied');
    expect(refusal(() => checkWritablePath('ｓｅｃｒｅｔｓ/x', policy)).code).toBe('denied');
    expect(refusal(() => checkWritablePath('se\u200bcrets/x', policy)).code).toBe('denied');
    // A glob written decomposed matches the composed path and back.
    const accented: WritePolicy = { ...policy, denyPaths: ['donne\u0301es/**'] };
    expect(refusal(() => checkWritablePath('DONNÉES/a.csv', accented)).code).toBe('denied');
  });

  it.each(['src/app.py', '.github/dependabot.yml', '.github/spec-automation-notes.md', 'docs/.spec-automation.md', '.gitignore'])('allows %j', (path) => {
    expect(() => checkWritablePath(path, policy)).not.toThrow();
  });

  it('refuses to read .git, in any spelling, and nothing else', () => {
    for (const path of ['.git/config', '.GIT/config', 'vendor/.git/config', 'GIT~1/config', '．git/HEAD']) expect(refusal(() => checkReadablePath(path)).code).toBe('protected');
    for (const path of ['.github/spec-automation.yml', '.gitignore', 'src/git.py']) expect(() => checkReadablePath(path)).not.toThrow();
  });
});

describe.skipIf(process.platform === 'win32')('real paths of the local workspace', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function repo(): string {
    const dir = mkdtempSync(join(tmpdir(), 'agent-links-'));
    dirs.push(dir);
    mkdirSync(join(dir, '.git', 'hooks'), { recursive: true });
    writeFileSync(join(dir, '.git', 'config'), '[core]\n');
    mkdirSync(join(dir, '.github', 'actions', 'setup'), { recursive: true });
    writeFileSync(join(dir, '.github', 'actions', 'setup', 'action.yml'), 'runs: {}\n');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'real.py'), 'x = 1\n');
    symlinkSync('.git', join(dir, 'gitlink'));
    symlinkSync('.github/actions', join(dir, 'actlink'));
    symlinkSync('src/real.py', join(dir, 'alias.py'));
    return dir;
  }

  it('lists a symlink as a symlink, reads through one inside the root, never into .git', async () => {
    const dir = repo();
    const cs = new ChangeSet(await LocalTree.open(dir, { useGit: false }), policy);
    const listing = await runTool('list_files', {}, cs);
    expect(listing.content.split('\n')).toEqual(expect.arrayContaining(['gitlink -> .git (symbolic link)', 'alias.py -> src/real.py (symbolic link)', 'src/real.py']));
    expect((await runTool('read_file', { path: 'alias.py' }, cs)).content).toBe('x = 1\n');
    const read = await runTool('read_file', { path: 'gitlink/config' }, cs);
    expect(read).toMatchObject({ isError: true, content: expect.stringContaining('"gitlink/config" leads to ".git/config" through a symbolic link') });
  });

  it('refuses writes through links into protected paths, and writes through any link', async () => {
    const dir = repo();
    const cs = new ChangeSet(await LocalTree.open(dir, { useGit: false }), policy);
    for (const path of ['gitlink/config', 'gitlink/hooks/post-commit', 'actlink/setup/action.yml', 'actlink/new/action.yml']) {
      const out = await runTool('write_file', { path, content: 'x\n' }, cs);
      expect(out, path).toMatchObject({ isError: true, content: expect.stringMatching(/through a symbolic link: .* is protected/) });
    }
    expect((await runTool('write_file', { path: 'alias.py', content: 'y = 2\n' }, cs)).content).toMatch(/is a symbolic link \(to "src\/real\.py"\); the agent does not write through links/);
    expect(await runTool('delete_file', { path: 'alias.py' }, cs)).toMatchObject({ isError: false });
  });

  it('applyChangeSet checks the real path too (a change set from a state file is not trusted)', async () => {
    const dir = repo();
    await expect(applyChangeSet(dir, [{ path: 'gitlink/config', action: 'modify', content: '[core]\n\tfsmonitor = touch x\n', bytes: 30 }], policy)).rejects.toMatchObject({ code: 'protected' });
    await expect(applyChangeSet(dir, [{ path: 'actlink/evil/action.yml', action: 'create', content: 'runs: {}\n', bytes: 9 }], policy)).rejects.toMatchObject({ code: 'protected' });
  });
});
