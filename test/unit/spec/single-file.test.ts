/**
 * Issue 10, class 12: validating one file reads only what it needs (its bundle, what it
 * references, what references it), found through a cheap index, and reports for that file
 * exactly what a whole-repository validation reports. Checked on a generated repository of
 * spec-kit and Kiro bundles, a BMAD set with a sprint change proposal whose targets live in
 * another folder, a superseded PRD, a functional spec implemented from elsewhere by id, a
 * duplicate id, cross-bundle links with anchors, ids defined only in another document and
 * ids defined nowhere.
 */
import { describe, expect, it } from 'vitest';
import { generateSpecRepo, specFiles } from '../../../bench/support/spec-repo.js';
import type { Diagnostic } from '../../../src/pipeline/diagnostic.js';
import { validateRepository, type ParsedSpec, type RepositoryValidation } from '../../../src/pipeline/spec/index.js';
import { memorySource, specsConfig } from './helpers.js';

const files = generateSpecRepo({ speckit: 10, kiro: 3, markdownFiles: 120 });
const config = specsConfig();

/** What a report says about a document, as a comparable value. */
function view(s: ParsedSpec) {
  return {
    path: s.path,
    type: s.type,
    executable: s.executable,
    companions: s.companions,
    implements: s.meta.implements,
    diagnostics: s.diagnostics,
    refs: s.refs.map((r) => `${r.kind} ${r.target} → ${r.resolved ?? '∅'}`),
    tasks: s.tasks.length,
    changeSet: s.changeSet ? { added: s.changeSet.added, modified: s.changeSet.modified, removed: s.changeSet.removed, targets: s.changeSet.targets.map((t) => t.resolved ?? t.doc) } : undefined,
  };
}

/** The files a selective run reports on: its documents, their companions, the selection, their bundles' checklists. */
function reportedFiles(result: RepositoryValidation, selection: string): (path: string) => boolean {
  const paths = new Set([selection, ...result.specs.flatMap((s) => [s.path, ...s.companions])]);
  const dirs = [...paths].filter((p) => /(?:^|\/)specs\/\d{3,}-[^/]+\/[^/]+\.md$/.test(p)).map((p) => p.slice(0, p.lastIndexOf('/')));
  return (path) => paths.has(path) || dirs.some((d) => path.startsWith(`${d}/checklists/`));
}

describe('validating one file of a large repository (class 12)', async () => {
  const source = memorySource(files);
  const whole = await validateRepository(source, config);
  const byPath = new Map(whole.specs.flatMap((s) => [s.path, ...s.companions].map((p) => [p, s] as const)));
  // The spec files of the generator that the whole run validates (epics.md is a target, not a spec).
  const selections = specFiles(files).filter((p) => byPath.has(p)).sort();

  it('the generated repository has the cases the comparison is about', () => {
    const rules = (path: string) => whole.diagnostics.filter((d) => d.path === path).map((d) => d.rule);
    expect(rules('docs/prd-v1.md')).toContain('ref.superseded.status'); // lands there from the PRD that supersedes it
    expect(rules('docs/functional/fs-010.md')).toContain('ts.coverage.req-untasked'); // from docs/tech/ts-010.md, which implements it by id
    expect(rules('docs/functional/dup-beta.md')).toContain('fm.id.duplicate');
    expect(whole.diagnostics.some((d) => d.path === 'specs/007-feature-7/spec.md' && d.rule === 'ref.dangling' && d.message.startsWith('FR-950'))).toBe(true);
    expect(whole.diagnostics.some((d) => d.rule === 'ref.dangling' && d.message.startsWith('FR41'))).toBe(false); // defined only in the PRD
    expect(whole.diagnostics.some((d) => d.rule === 'ref.anchor.dangling' || d.rule === 'ref.link.dangling')).toBe(false);
    const scp = whole.specs.find((s) => s.type === 'sprint-change-proposal')!;
    expect(scp.changeSet?.added).toEqual(['FR42']);
    expect(scp.changeSet?.targets.map((t) => t.resolved)).toEqual(['_bmad-output/planning-artifacts/prd.md', '_bmad-output/planning-artifacts/epics.md']);
    expect(selections.length).toBeGreaterThan(40);
  });

  it.each(selections)('%s: the same findings and documents as the whole-repository run', async (selection) => {
    const one = await validateRepository(source, config, { paths: [selection] });
    const isReported = reportedFiles(one, selection);
    const expected: Diagnostic[] = whole.diagnostics.filter((d) => isReported(d.path) && d.rule !== 'spec.untyped');
    expect(one.diagnostics).toEqual(expected);
    expect(one.specs.map(view)).toEqual([byPath.get(selection)!].map(view));
    // Only a small part of the repository was parsed.
    expect(one.context!.parsed).toBeLessThan(one.context!.candidates / 2);
  });

  it('a spec-kit file parses its bundle and the documents it references, not the repository', async () => {
    const one = await validateRepository(source, config, { paths: ['specs/003-feature-3/spec.md'] });
    // spec.md, plan.md, tasks.md; the linked neighbour bundle (for its anchor) and the PRD (which defines FR41).
    expect(one.context!.parsed).toBeLessThanOrEqual(8);
    expect(one.context!.candidates).toBeGreaterThan(40);
  });
});
