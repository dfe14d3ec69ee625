/**
 * `spec-automation validate` end to end: the real compiled CLI (`node
 * bin/spec-automation.js`, after compiling src/ into lib/) on the example spec set and on
 * a broken copy of it in a temp directory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'bin', 'spec-automation.js');
const EXAMPLE_DOCS = join(REPO, 'examples', 'tasklet', 'docs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = REPO): Run {
  const r = spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let broken: string;

beforeAll(() => {
  // lib/ is compiled once for the whole run (test/setup/build-lib.ts).
  if (!existsSync(join(REPO, 'lib', 'cli', 'commands', 'validate.js'))) throw new Error('lib/ was not built');

  broken = mkdtempSync(join(tmpdir(), 'spec-validate-'));
  cpSync(EXAMPLE_DOCS, join(broken, 'docs'), { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const path = join(broken, 'docs', file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
    writeFileSync(path, text.replace(from, to));
  };
  edit('prd.md', '- FR-2: The user can mark', '- FR-1: The user can mark'); // duplicate id
  edit('functional-spec.md', 'title: Tasklet — Functional Specification', 'title: Tasklet: Functional Specification'); // invalid YAML
  edit('technical-spec.md', 'implements: FS-001', 'implements: FS-404'); // dangling explicit reference
  edit('sprint-change-proposal-csv-export.md', '  - doc: PRD-001', '  - doc: PRD-999'); // dangling target
}, 300_000);

afterAll(() => {
  if (broken) rmSync(broken, { recursive: true, force: true });
});

describe('spec-automation validate (compiled CLI)', () => {
  it('reports the example spec set as clean, exit 0', () => {
    const r = cli(['examples/']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Validated 4 documents');
    expect(r.stdout).toMatch(/examples\/tasklet\/docs\/prd\.md\s+prd\s+PRD-001\s+approved\s+executable/);
    expect(r.stdout.trimEnd().endsWith('✔ No problems in 4 files.')).toBe(true);
  });

  it('gives machines JSON with the document model', () => {
    const r = cli(['examples/tasklet/docs', '--format', 'json', '--model']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: Record<string, number>; documents: Array<{ id: string; changeSet?: { added: string[] } }>; specs: Array<{ meta: { id: string }; requirements: Array<{ id: string }>; tasks: unknown[] }> };
    expect(report.summary).toEqual({ documents: 4, errors: 0, warnings: 0, infos: 0 });
    expect(report.documents.find((d) => d.id === 'SCP-2026-10-20-01')?.changeSet?.added).toEqual(['FR-7']);
    const fs = report.specs.find((s) => s.meta.id === 'FS-001')!;
    expect(fs.requirements.map((r) => r.id)).toEqual(['FR-1', 'FR-2', 'FR-3', 'FR-4', 'FR-5', 'FR-6', 'NFR-1', 'NFR-2', 'NFR-3']);
    expect(report.specs.find((s) => s.meta.id === 'TS-001')!.tasks).toHaveLength(10);
  });

  it('shows located errors with code frames and hints on a broken copy, exit 1', () => {
    const r = cli(['--cwd', broken]);
    expect(r.code, r.stderr).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/docs\/prd\.md\n[\s\S]*error\s+FR-1 is defined twice \(first on line 45\)[\s\S]*> 47 │ - FR-1: The user can mark a task done/);
    expect(out).toMatch(/docs\/functional-spec\.md\n[\s\S]*?\n\s+4:8\s+error\s+Invalid YAML in front matter[^\n]*Simple keys were read line by line \(type, id, title, status, prd/);
    expect(out).toContain('hint: Fix the YAML at the reported line.');
    expect(out).toMatch(/docs\/technical-spec\.md\n[\s\S]*`implements: FS-404` names no document of the repository/);
    expect(out).toMatch(/docs\/sprint-change-proposal-csv-export\.md\n[\s\S]*Target PRD-999 names no document of the repository/);
    // The four breaks, and nothing cascades from the broken YAML (the id FS-001 is still
    // known); the infos are the title that now differs from the H1 and the gap left at FR-2.
    expect(out.trimEnd().split('\n').pop()).toBe('✖ 4 errors, 0 warnings, 2 infos in 4 of 4 files.');
  });

  it('writes GitHub workflow commands and SARIF', () => {
    const gh = cli(['--cwd', broken, '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toContain('::error file=docs/prd.md,line=47,title=spec%3A req.id.duplicate::FR-1 is defined twice');
    const sarif = cli(['--cwd', broken, '--format', 'sarif']);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; rules: unknown[] } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.tool.driver.name).toBe('spec-automation');
    expect(log.runs[0]!.tool.driver.rules.length).toBeGreaterThan(80);
    expect(log.runs[0]!.results.find((x) => x.ruleId === 'fm.yaml')).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/functional-spec.md' } } }] });
  });

  it('explains a rule, and suggests close matches for an unknown one', () => {
    const ok = cli(['--explain', 'scp.id.collision']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('scp.id.collision (error): New requirement id already exists');
    expect(ok.stdout).toContain('How to fix:');
    const typo = cli(['--explain', 'fm.yml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown rule "fm.yml". Did you mean:');
    expect(typo.stderr).toContain('fm.yaml');
  });

  it('--strict requires type, id, title and status', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-strict-'));
    try {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs', 'prd.md'), '---\ntype: prd\nstatus: approved\n---\n# PRD\n\n## Goals\n\nx\n\n## Requirements\n\n- FR-1: One.\n\n## Non-Functional Requirements\n\n- NFR-1: Within 1 s.\n');
      expect(cli(['--cwd', dir]).code).toBe(0);
      const strict = cli(['--cwd', dir, '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.stdout).toContain('Strict mode: front-matter key `id` is missing.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports configuration errors with their line and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-config-'));
    try {
      mkdirSync(join(dir, '.github'));
      writeFileSync(join(dir, '.github', 'spec-automation.yml'), 'specs:\n  inclde: ["docs/**/*.md"]\n');
      const r = cli(['--cwd', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('.github/spec-automation.yml');
      expect(r.stderr).toContain('Unknown key "inclde" in specs.');
      expect(r.stderr).toContain('Did you mean "include"?');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the configured globs and exclusions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-globs-'));
    try {
      mkdirSync(join(dir, '.github'));
      mkdirSync(join(dir, 'design'));
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, '.github', 'spec-automation.yml'), 'specs:\n  include: ["design/**/*.md"]\n  exclude: ["design/drafts-*.md"]\n');
      writeFileSync(join(dir, 'design', 'tech-spec.md'), '---\ntype: technical-spec\nid: TS-9\n---\n# T\n');
      writeFileSync(join(dir, 'design', 'drafts-prd.md'), '# nope\n');
      writeFileSync(join(dir, 'docs', 'prd.md'), '# not included\n');
      const r = cli(['--cwd', dir, '--format', 'json']);
      const report = JSON.parse(r.stdout) as { documents: Array<{ path: string }>; skipped: Array<{ path: string; reason: string }> };
      expect(report.documents.map((d) => d.path)).toEqual(['design/tech-spec.md']);
      expect(report.skipped).toEqual([{ path: 'design/drafts-prd.md', reason: 'excluded by design/drafts-*.md' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad usage with exit 2', () => {
    expect(cli(['--format', 'xml']).code).toBe(2);
    expect(cli(['--model']).code).toBe(2);
    const missing = cli(['no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/dir does not exist');
  });
});
