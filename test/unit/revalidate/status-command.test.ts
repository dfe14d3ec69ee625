// `spec-automation status` on the example app (examples/tasklet): its lock file records
// the PRD, the functional spec and the technical spec as implemented; the approved CSV
// export change proposal (FR-7) is not applied; NFR-1…NFR-3 have no test yet.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { statusCommand } from '../../../src/cli/commands/status.js';
import { COMMANDS } from '../../../src/cli/commands/index.js';
import type { CliIO } from '../../../src/cli/io.js';
import type { SpecHealthReport } from '../../../src/pipeline/revalidate/index.js';

const EXAMPLE = fileURLToPath(new URL('../../../examples/tasklet', import.meta.url));
const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

async function status(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, env: {}, stdoutColor: false, stderrColor: false, liveStderr: false };
  const code = await statusCommand.run(args, io);
  return { code, stdout, stderr };
}

describe('spec-automation status on the example app', () => {
  it('is a registered command', async () => {
    expect(await COMMANDS.status!.load()).toBe(statusCommand);
  });

  it('prints the Spec health report as text and passes the default policy', async () => {
    const { code, stdout, stderr } = await status(['--cwd', EXAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Spec health: needs attention — 4 specs, 12 of 19 requirements tested (21 test functions in 4 files)');
    expect(stdout).toContain('⚠ docs/sprint-change-proposal-csv-export.md  SCP-2026-10-20-01  approved\n    drift: change proposal not applied');
    expect(stdout).toContain('it adds FR-7 (FR-7 not yet in docs/prd.md)');
    expect(stdout).toContain('    untested: NFR-1 (line 57), NFR-2 (line 59), NFR-3 (line 60)');
    expect(stdout).toContain('planned in open tasks: NFR-1 by TS-001 T009; NFR-3 by TS-001 T010');
    expect(stdout).toContain('✔ docs/technical-spec.md  TS-001  approved\n    drift: implemented (PR #3, 2026-10-15)');
    expect(stdout.trimEnd().split('\n').pop()).toBe('0 errors, 7 warnings, 0 notes: passes (fail-on: error)');
  });

  it('prints the whole report as JSON', async () => {
    const { code, stdout } = await status(['--format', 'json', '--cwd', EXAMPLE]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as SpecHealthReport;
    expect(Object.fromEntries(report.specs.map((s) => [s.path, s.drift.state]))).toEqual({
      'docs/functional-spec.md': 'implemented',
      'docs/prd.md': 'implemented',
      'docs/sprint-change-proposal-csv-export.md': 'change-pending',
      'docs/technical-spec.md': 'implemented',
    });
    const fs = report.specs.find((s) => s.path === 'docs/functional-spec.md')!;
    expect(fs.trace.requirements.map((r) => [r.id, r.tests.length])).toEqual([
      ['FR-1', 5],
      ['FR-2', 2],
      ['FR-3', 2],
      // Five markers in test_storage.py, two in test_window.py, and test_storage.py's docstring "FR-4: …".
      ['FR-4', 8],
      ['FR-5', 2],
      ['FR-6', 2],
      ['NFR-1', 0],
      ['NFR-2', 0],
      ['NFR-3', 0],
    ]);
    expect(report.stale).toEqual([]);
    expect(report.lock).toEqual({ path: '.spec-automation/lock.json', present: true, entries: 3, problems: [] });
  });

  it('exits 1 when the report fails the policy', async () => {
    const { code, stdout } = await status(['--cwd', EXAMPLE, '--fail-on', 'warning']);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n').pop()).toBe('0 errors, 7 warnings, 0 notes: fails (fail-on: warning)');
  });

  it('reads the policy from the configuration file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'status-'));
    temps.push(dir);
    writeFileSync(join(dir, 'cfg.yml'), 'revalidate:\n  failOn: warning\n');
    expect((await status(['--cwd', EXAMPLE, '--config', join(dir, 'cfg.yml')])).code).toBe(1);
  });

  it('exits 2 on bad usage and invalid configuration, saying why', async () => {
    expect(await status(['--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown format "xml"; use text or json.') });
    expect(await status(['--fail-on', 'sometimes'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--fail-on must be error, warning or never') });
    expect(await status(['stray'])).toMatchObject({ code: 2 });
    expect(await status(['--cwd', '/nonexistent/dir'])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(await status(['--config', 'nope.yml', '--cwd', EXAMPLE])).toMatchObject({ code: 2, stderr: expect.stringContaining('The configuration file nope.yml does not exist') });
    const dir = mkdtempSync(join(tmpdir(), 'status-'));
    temps.push(dir);
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'spec-automation.yml'), 'traceability:\n  markr: req\n');
    const bad = await status(['--cwd', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2:3  error   Unknown key "markr" in traceability.');
    expect(bad.stderr).toContain('hint: Did you mean "marker"?');
    expect(bad.stderr).toContain('the configuration .github/spec-automation.yml has errors; nothing was checked');
  });
});
