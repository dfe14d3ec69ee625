/**
 * `spec-automation validate --cwd DIR path`: relative paths are relative to DIR, as
 * `git -C` reads them (issue 10, class 12); a path outside DIR, or one that only exists
 * relative to the current directory, gets a message that says where it resolved. And a file
 * validated alone through the CLI reports what the whole-repository run reports for it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSpecRepo } from '../../bench/support/spec-repo.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'bin', 'spec-automation.js');

let parent: string;
let repo: string;

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  documents: Array<{ path: string; executable: boolean }>;
  diagnostics: Array<{ path: string; rule: string; fingerprint: string }>;
}

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'spec-validate-cwd-'));
  repo = join(parent, 'repo');
  writeSpecRepo(repo, { speckit: 8, kiro: 2, markdownFiles: 60 });
  writeFileSync(join(parent, 'outside.md'), '# Not in the repository\n');
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('validate --cwd', () => {
  it('resolves a relative path against --cwd, not the current directory, and reports what the whole run reports', () => {
    const one = cli(['--cwd', 'repo', 'docs/prd-v1.md', '--format', 'json'], parent);
    expect(one.stderr).toBe('');
    const report = JSON.parse(one.stdout) as JsonReport;
    expect(report.documents.map((d) => d.path)).toEqual(['docs/prd-v1.md']);
    // The finding lands here from the PRD that supersedes it, in another folder.
    expect(report.diagnostics.map((d) => d.rule)).toContain('ref.superseded.status');
    const whole = JSON.parse(cli(['--cwd', repo, '--format', 'json'], REPO).stdout) as JsonReport;
    expect(report.diagnostics).toEqual(whole.diagnostics.filter((d) => d.path === 'docs/prd-v1.md'));
  });

  it('a folder and `.` are relative to --cwd too', () => {
    const folder = JSON.parse(cli(['--cwd', 'repo', 'specs/002-feature-2', '--format', 'json'], parent).stdout) as JsonReport;
    expect(folder.documents.map((d) => d.path)).toEqual(['specs/002-feature-2/plan.md', 'specs/002-feature-2/spec.md']);
    const dot = cli(['--cwd', 'repo', '.', '--format', 'json'], parent);
    expect((JSON.parse(dot.stdout) as JsonReport).documents.length).toBeGreaterThan(20);
  });

  it('a path outside --cwd is refused with where it resolved, exit 2', () => {
    const r = cli(['--cwd', 'repo', '../outside.md'], parent);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`../outside.md is outside the repository root ${repo}`);
    expect(r.stderr).toContain('relative to --cwd repo, as with git -C');
    expect(r.stderr).toContain(`it resolves to ${join(parent, 'outside.md')}`);
  });

  it('a path written relative to the current directory is not found inside --cwd, and the message says where it is', () => {
    const r = cli(['--cwd', 'repo', 'repo/docs/prd-v1.md'], parent);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`repo/docs/prd-v1.md does not exist in ${repo}`);
    expect(r.stderr).toContain('inside --cwd it is docs/prd-v1.md');
  });

  it('without --cwd, relative paths stay relative to the current directory', () => {
    const r = cli(['docs/prd-v1.md', '--format', 'json'], repo);
    expect((JSON.parse(r.stdout) as JsonReport).documents.map((d) => d.path)).toEqual(['docs/prd-v1.md']);
    const missing = cli(['docs/nope.md'], repo);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`docs/nope.md does not exist in ${repo}: no file or folder ${join(repo, 'docs/nope.md')}.`);
  });
});
