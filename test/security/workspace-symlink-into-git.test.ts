/**
 * Issue 11: a symlink in the repository (`gitlink -> .git`) let the CLI's agent write
 * `.git/config`, and an `fsmonitor` line there ran a command on the next `git status`.
 * `spec-automation run` with a replayed session that lists the files, then reads and
 * writes .git through the link (and a workflow through `wflink -> .github/workflows`):
 * every call is refused, the listing shows the links as links, and .git is unchanged.
 */
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIO, checkoutOfExample, git, HAS_SYSTEM_PYTHON, REPO, removeDir, toolEnv } from '../unit/cli-run/support.js';

const SESSION = join(REPO, 'test', 'fixtures', 'sessions', 'symlink-into-git.jsonl');
const SPEC = 'docs/sprint-change-proposal-csv-export.md';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe.skipIf(process.platform === 'win32' || !HAS_SYSTEM_PYTHON)('symlinks into protected paths, through spec-automation run', () => {
  it('refuses to read or write .git through gitlink -> .git and a workflow through wflink; nothing is planted or run', async () => {
    const dir = checkoutOfExample({ extraFiles: { '.github/workflows/ci.yml': 'on: push\njobs: {}\n' } });
    dirs.push(dir);
    symlinkSync('.git', join(dir, 'gitlink'));
    symlinkSync('.github/workflows', join(dir, 'wflink'));
    git(dir, 'add', 'gitlink', 'wflink');
    git(dir, 'commit', '-q', '-m', 'links');
    const configBefore = readFileSync(join(dir, '.git', 'config'), 'utf8');

    const io = captureIO(dir, toolEnv());
    const code = await main(['run', SPEC, '--replay', SESSION], io);

    // The replay follows the recording only when every call above came back as an error
    // (the session's shapes say which results are errors), so reaching the end says so.
    expect(io.err()).not.toMatch(/Replay session .* (does not match|differs|has \d+ exchanges)/);
    expect(io.err()).toContain('✗ write_file gitlink/config: "gitlink/config" leads to ".git/config" through a symbolic link: ".git/config" is protected');
    expect(io.err()).toContain('✗ write_file wflink/evil.yml: "wflink/evil.yml" leads to ".github/workflows/evil.yml" through a symbolic link');
    expect(readFileSync(join(dir, '.git', 'config'), 'utf8')).toBe(configBefore);
    expect(existsSync(join(dir, '.git', 'hooks', 'post-commit'))).toBe(false);
    expect(readFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'utf8')).toBe('on: push\njobs: {}\n');
    expect(existsSync(join(dir, '.github', 'workflows', 'evil.yml'))).toBe(false);
    git(dir, 'status', '--porcelain');
    expect(existsSync(join(dir, 'PWNED_BY_FSMONITOR'))).toBe(false);
    expect(existsSync(join(dir, 'PWNED_BY_HOOK'))).toBe(false);
    expect(code).not.toBe(0);
  });
});
