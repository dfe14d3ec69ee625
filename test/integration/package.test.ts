/**
 * The npm package as a user gets it: `npm pack` (scripts off, so lib/ is the compiled
 * tree the other tests use), unpacked into a fresh project's node_modules beside only
 * its declared runtime dependencies, then the CLI run from there. A file missing from
 * `files`, a broken `exports` entry or a runtime import of a devDependency fails here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  exports: Record<string, string>;
  dependencies: Record<string, string>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let project: string;
let installed: string;
let packed: string[];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

beforeAll(() => {
  if (!existsSync(join(REPO, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: run `npm run build:lib` (npm ci does) before the tests.');
  work = mkdtempSync(join(tmpdir(), 'spec-automation-pack-'));
  const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: REPO, encoding: 'utf8', shell: process.platform === 'win32' });
  const [report] = JSON.parse(out) as [{ filename: string; files: { path: string }[] }];
  packed = report.files.map((f) => f.path);

  project = join(work, 'project');
  installed = join(project, 'node_modules', 'spec-automation');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, report.filename), '-C', installed, '--strip-components=1']);
  // Only the runtime dependencies, as `npm install spec-automation` would place them.
  for (const dep of Object.keys(pkg.dependencies)) {
    const link = join(project, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(REPO, 'node_modules', dep), link, 'junction');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module' }));
  mkdirSync(join(project, 'docs'));
  writeFileSync(
    join(project, 'docs', 'prd.md'),
    ['---', 'type: prd', 'id: PRD-1', 'title: Greeter', 'status: approved', '---', '# Greeter PRD', '', '## Goals', '', 'Greet people.', '', '## Functional Requirements', '', '- FR-1: The system shall greet the user by name.', ''].join('\n'),
  );
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function run(args: string[]) {
  const r = spawnSync(process.execPath, [join(installed, pkg.bin['spec-automation']!), ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  it('holds the CLI, the compiled library, the app manifest, the schema and the licence, and no sources or tests', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'app.yml', 'bin/spec-automation.js', 'schema/spec-automation.schema.json']) expect(packed).toContain(file);
    const lib = walk(join(REPO, 'lib')).map((f) => relative(REPO, f).split('\\').join('/'));
    expect(lib.length).toBeGreaterThan(50);
    expect(packed.filter((f) => f.startsWith('lib/')).sort()).toEqual(lib.sort());
    expect(packed.filter((f) => /^(src|test|dist|examples|bench|scripts|\.ci|\.github)\//.test(f))).toEqual([]);
  });

  it('points every bin and exports entry at a packed file', () => {
    const targets = [...Object.values(pkg.bin), ...Object.values(pkg.exports)].map((t) => t.replace(/^\.\//, ''));
    for (const t of targets) expect(packed, t).toContain(t);
  });

  it('runs the CLI from a fresh project: --version, -V and validate', () => {
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    expect(run(['-V']).stdout.trim()).toBe(pkg.version);
    const validate = run(['validate', 'docs/prd.md']);
    expect(validate.stderr).not.toMatch(/Cannot find (module|package)/);
    expect(validate.stdout).toContain('docs/prd.md');
    expect([0, 1]).toContain(validate.code);
  });

  it('resolves its exports from the project: the CLI entry and the configuration schema', () => {
    const script = "const m = await import('spec-automation'); const s = await import('spec-automation/schema.json', { with: { type: 'json' } }); console.log(typeof m.main, s.default.title);";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('function spec-automation configuration');
  });
});
