/** Which files are specs, which type they are, and the file-system source the CLI uses. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFsSpecSource } from '../../../src/adapters/fs-spec-source.js';
import { scoreType } from '../../../src/pipeline/spec/detect-type.js';
import { discoverSpecs, parseSpec } from '../../../src/pipeline/spec/index.js';
import { bytes, specsConfig } from './helpers.js';

const FILES = [
  'README.md',
  'CHANGELOG.md',
  'docs/prd.md',
  'docs/README.md',
  'docs/templates/prd-tmpl.md',
  'docs/stories/1.1.story.md',
  'docs/prd/index.md',
  'docs/prd/epic-1-launch.md',
  'docs/epics.md',
  '.bmad-core/tasks/create-doc.md',
  'specs/001-x/spec.md',
  'specs/001-x/research.md',
  'specs/001-x/checklists/requirements.md',
  '.kiro/specs/auth/requirements.md',
  'node_modules/pkg/README.md',
  'src/app.py',
  'notes.markdown',
  'other/design.md',
];

describe('discoverSpecs', () => {
  it('takes the default globs minus the built-in exclusions', () => {
    const d = discoverSpecs(FILES, specsConfig());
    expect(d.candidates).toEqual(['.kiro/specs/auth/requirements.md', 'docs/prd.md', 'docs/prd/epic-1-launch.md', 'docs/prd/index.md', 'specs/001-x/spec.md']);
    // Matched by an include glob but excluded; node_modules and non-Markdown files are not even candidates.
    expect(d.skipped.map((s) => s.path).sort()).toEqual([
      'CHANGELOG.md',
      'README.md',
      'docs/README.md',
      'docs/epics.md',
      'docs/stories/1.1.story.md',
      'docs/templates/prd-tmpl.md',
      'specs/001-x/checklists/requirements.md',
      'specs/001-x/research.md',
    ]);
    expect(d.skipped.find((s) => s.path === 'docs/stories/1.1.story.md')?.reason).toBe('excluded by **/stories/**');
  });

  it('adds configured exclusions and includes', () => {
    const d = discoverSpecs(FILES, specsConfig({ include: ['other/**/*.md', 'docs/*.md'], exclude: ['docs/prd.md'] }));
    expect(d.candidates).toEqual(['other/design.md']);
    expect(d.skipped).toContainEqual({ path: 'docs/prd.md', reason: 'excluded by docs/prd.md' });
  });

  it('validates named files as they are and named folders minus the exclusions', () => {
    const d = discoverSpecs(FILES, specsConfig(), ['README.md', 'other', 'docs/prd', 'src/app.py', 'nowhere']);
    expect(d.candidates).toEqual(['README.md', 'docs/prd/epic-1-launch.md', 'docs/prd/index.md', 'other/design.md']);
    expect(d.skipped).toContainEqual({ path: 'src/app.py', reason: 'not a Markdown file' });
    expect(d.unmatched).toEqual(['nowhere']);
  });
});

describe('type detection', () => {
  it('scores path, title, H2s and body, and keeps the evidence', () => {
    const spec = parseSpec('docs/prd.md', bytes('# Shop PRD\n\n## Goals\n\nx\n\n## Requirements\n\nFR1: one\n'), specsConfig());
    expect(spec.type).toBe('prd');
    expect(spec.typeSource).toBe('heuristic');
    expect(spec.typeEvidence.confident).toBe(true);
    expect(spec.typeEvidence.reasons).toEqual(expect.arrayContaining(['path docs/prd.md → prd (+10)', 'title "Shop PRD" → prd (+6)', 'body: FRn: items → prd (+3)']));
  });

  it('a spec-kit spec.md full of FRs is a functional spec, not a PRD', () => {
    const e = scoreType('specs/003-x/spec.md', 'Feature Specification: X', [], '- **FR-001**: System MUST do\n');
    expect(e.scores['functional-spec']).toBeGreaterThan(e.scores.prd);
    expect(e.confident).toBe(true);
  });

  it('front matter wins, then the configured override, then BMAD hints', () => {
    const typed = parseSpec('docs/prd.md', bytes('---\ntype: tech-spec\n---\n# PRD\n'), specsConfig());
    expect([typed.type, typed.typeSource]).toEqual(['technical-spec', 'front-matter']);
    const overridden = parseSpec('design/notes.md', bytes('# Notes\n'), specsConfig({ types: { 'design/*.md': 'technical-spec' } }));
    expect([overridden.type, overridden.typeSource]).toEqual(['technical-spec', 'config']);
    const quick = parseSpec('docs/x.md', bytes('---\nslug: x\ntech_stack: [a]\n---\n# X\n'), specsConfig());
    expect([quick.type, quick.typeSource, quick.dialect]).toEqual(['technical-spec', 'bmad-workflowType', 'quick-spec']);
  });

  it('an unclear document is not typed, with the scores in the message', () => {
    const spec = parseSpec('docs/notes.md', bytes('# Notes\n\n## Overview\n\nx\n'), specsConfig());
    expect(spec.type).toBeUndefined();
    expect(spec.diagnostics.find((d) => d.rule === 'type.ambiguous')?.message).toMatch(/scores: .*a confident type needs 6 points/);
  });
});

describe('createFsSpecSource', () => {
  const root = mkdtempSync(join(tmpdir(), 'spec-source-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists every file with forward slashes, skipping dependency and VCS folders, and reads bytes', async () => {
    mkdirSync(join(root, 'docs', 'sub'), { recursive: true });
    mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'docs', 'sub', 'prd.md'), '# PRD\n');
    writeFileSync(join(root, 'src.py'), 'x = 1\n');
    writeFileSync(join(root, 'node_modules', 'x', 'README.md'), '#\n');
    writeFileSync(join(root, '.git', 'HEAD'), 'ref\n');
    try {
      symlinkSync(join(root, 'docs'), join(root, 'loop'));
    } catch {
      // symlinks may be unavailable (Windows without privileges); the listing test still holds
    }
    const source = createFsSpecSource(root);
    const files = await source.list();
    expect(files.filter((f) => !f.startsWith('loop'))).toEqual(['docs/sub/prd.md', 'src.py']);
    expect(new TextDecoder().decode(await source.read('docs/sub/prd.md'))).toBe('# PRD\n');
    await expect(source.read('../etc/passwd')).rejects.toThrow(/outside the repository/);
  });
});

describe('validating a selection', () => {
  it('resolves references against the rest of the repository but reports only the selection', async () => {
    const { validateRepository } = await import('../../../src/pipeline/spec/index.js');
    const { folderSource } = await import('./helpers.js');
    const root = new URL('../../../examples/tasklet/', import.meta.url).pathname;
    const scp = 'docs/sprint-change-proposal-csv-export.md';
    const result = await validateRepository(folderSource(root), specsConfig(), { paths: [scp] });
    expect(result.specs.map((s) => s.path)).toEqual([scp]);
    expect(result.diagnostics).toEqual([]);
    expect(result.specs[0]!.changeSet?.targets[0]?.resolved).toBe('docs/prd.md');
    expect(result.specs[0]!.executable).toBe(true);
  });
});
