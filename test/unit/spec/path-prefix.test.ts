/**
 * The action's `working-directory`: a project in a folder of the repository. The spec
 * pipeline reports repository-relative paths itself (`pathPrefix`), so no caller rebases
 * them afterwards; what it resolves (globs, `paths`, links) and the fingerprints stay the
 * project's.
 */
import { describe, expect, it } from 'vitest';
import { generateSpecRepo, specFiles } from '../../../bench/support/spec-repo.js';
import { validateRepository } from '../../../src/pipeline/spec/index.js';
import { memorySource, specsConfig } from './helpers.js';

const files = generateSpecRepo({ speckit: 3, kiro: 2, markdownFiles: 20 });
const config = specsConfig();
const source = memorySource(files);

describe('validateRepository with a pathPrefix', async () => {
  const atRoot = await validateRepository(source, config);
  const moved = await validateRepository(source, config, { pathPrefix: './apps/desk/' });

  it('the repository has findings, companions and skipped files to move', () => {
    expect(atRoot.diagnostics.length).toBeGreaterThan(0);
    expect(atRoot.specs.some((s) => s.companions.length > 0)).toBe(true);
    expect(atRoot.skipped.length).toBeGreaterThan(0);
  });

  it('puts the prefix before every path it reports: diagnostics, documents, companions, skipped files', () => {
    const at = (p: string) => `apps/desk/${p}`;
    expect(moved.diagnostics.map((d) => d.path)).toEqual(atRoot.diagnostics.map((d) => at(d.path)));
    expect(moved.specs.map((s) => [s.path, s.companions, s.diagnostics.map((d) => d.path)])).toEqual(atRoot.specs.map((s) => [at(s.path), s.companions.map(at), s.diagnostics.map((d) => at(d.path))]));
    expect(moved.skipped).toEqual(atRoot.skipped.map((s) => ({ ...s, path: at(s.path) })));
  });

  it('keeps the messages, fingerprints and verdicts of a run at the project root', () => {
    expect(moved.diagnostics.map((d) => [d.rule, d.message, d.fingerprint])).toEqual(atRoot.diagnostics.map((d) => [d.rule, d.message, d.fingerprint]));
    expect(moved.specs.map((s) => [s.type, s.executable, s.meta.id])).toEqual(atRoot.specs.map((s) => [s.type, s.executable, s.meta.id]));
  });

  it('resolves a selection (`paths`) in the project, and reports it in the repository', async () => {
    const selection = specFiles(files).find((p) => atRoot.diagnostics.some((d) => d.path === p))!;
    const one = await validateRepository(source, config, { paths: [selection], pathPrefix: 'apps/desk' });
    const oneAtRoot = await validateRepository(source, config, { paths: [selection] });
    expect(one.specs.length).toBeGreaterThan(0);
    expect(one.diagnostics.map((d) => [d.path, d.fingerprint])).toEqual(oneAtRoot.diagnostics.map((d) => [`apps/desk/${d.path}`, d.fingerprint]));
  });

  it('changes nothing at the repository root', async () => {
    expect(await validateRepository(source, config, { pathPrefix: '' })).toEqual(atRoot);
  });
});
