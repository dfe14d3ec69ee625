// Drift classification cases the fixture repository does not show, on small in-memory
// repositories validated by the real spec pipeline.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { classifyDrift, lockEntryOf, parseLock, recordImplementation, type DriftReport } from '../../../src/pipeline/drift/index.js';
import { parseSpec, validateRepository, type ParsedSpec } from '../../../src/pipeline/spec/index.js';
import type { SpecSource } from '../../../src/pipeline/spec/source.js';

const encode = (t: string) => new TextEncoder().encode(t);

function memory(files: Record<string, string>): SpecSource {
  return {
    list: async () => Object.keys(files).sort(),
    read: async (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return encode(files[p]!);
    },
  };
}

function prd(id: string, reqs: string[], front = 'status: approved'): string {
  return `---\ntype: prd\nid: ${id}\ntitle: ${id}\n${front}\n---\n\n# ${id}\n\n## Goals\n\nGoals.\n\n## Functional Requirements\n\n${reqs.map((r) => `- ${r}`).join('\n')}\n\n## Non-Functional Requirements\n\n- NFR-1: Fast.\n\n## Epic List\n\n- Epic 1: All.\n`;
}

function scp(id: string, target: string, action: 'add' | 'modify' | 'remove', ids: string[], status = 'approved'): string {
  return `---\ntype: sprint-change-proposal\nid: ${id}\ntitle: "Sprint Change Proposal ${id}"\nstatus: ${status}\nscope: minor\nchanges:\n  - doc: ${target}\n    ids: [${ids.join(', ')}]\n    action: ${action}\n---\n\n# Sprint Change Proposal ${id}\n\n## Issue Summary\n\nWhy.\n\n## Impact Analysis\n\nSmall.\n\n## Recommended Path Forward\n\nDirect.\n\n## Detailed Change Proposals\n\nSee the change set.\n\n## Success Criteria\n\n1. It works.\n\n## Implementation Handoff\n\nDev.\n`;
}

/** Validates `now`, records `implemented` (path → text as it was implemented) in a lock, and classifies. */
async function drift(now: Record<string, string>, implemented: Record<string, string>, extraFiles: string[] = []): Promise<{ report: DriftReport; specs: ParsedSpec[] }> {
  const config = defaultConfig();
  const files = { ...now, ...Object.fromEntries(extraFiles.map((f) => [f, 'x'])) };
  const validation = await validateRepository(memory(files), config.specs);
  let lock: string | undefined;
  for (const [path, text] of Object.entries(implemented)) lock = recordImplementation(lock, lockEntryOf(parseSpec(path, encode(text), config.specs), { pr: { number: 1 }, implementedAt: '2026-10-01T00:00:00Z' }));
  const report = classifyDrift({ specs: validation.specs, lock: lock ? parseLock(lock).lock : undefined, files: new Set(Object.keys(files)), executableStatuses: config.specs.executableStatuses });
  return { report, specs: validation.specs };
}

const stateOf = (r: DriftReport) => Object.fromEntries(r.specs.map((s) => [s.path, s.state]));

describe('classifyDrift', () => {
  it('tells an edit outside the requirements from a requirement change', async () => {
    const before = prd('PRD-1', ['FR-1: Add.', 'FR-2: Delete.']);
    const { report } = await drift({ 'docs/prd.md': before.replace('Goals.', 'Goals, clarified.') }, { 'docs/prd.md': before });
    expect(stateOf(report)).toEqual({ 'docs/prd.md': 'edited' });
  });

  it('credits requirement changes to the change proposal that made them, implemented or not', async () => {
    const before = prd('PRD-1', ['FR-1: Add.']);
    const after = prd('PRD-1', ['FR-1: Add.', 'FR-2: Export.']);
    const proposal = scp('SCP-1', 'PRD-1', 'add', ['FR-2']);
    const implemented = await drift({ 'docs/prd.md': after, 'docs/scp-1.md': proposal }, { 'docs/prd.md': before, 'docs/scp-1.md': proposal });
    const d = implemented.report.specs.find((s) => s.path === 'docs/prd.md')!;
    expect(d).toMatchObject({ state: 'changed', explained: true });
    expect(d.added).toEqual([{ id: 'FR-2', canonicalId: 'FR:2', line: 17, proposedBy: { path: 'docs/scp-1.md', id: 'SCP-1', implemented: true } }]);
    expect(stateOf(implemented.report)['docs/scp-1.md']).toBe('implemented');

    const pending = await drift({ 'docs/prd.md': after, 'docs/scp-1.md': proposal }, { 'docs/prd.md': before });
    expect(pending.report.specs.find((s) => s.path === 'docs/prd.md')).toMatchObject({ state: 'changed', explained: false });
    expect(pending.report.specs.find((s) => s.path === 'docs/scp-1.md')!.change!.targets).toEqual([{ doc: 'PRD-1', path: 'docs/prd.md', missing: [], stillDefined: [] }]);
  });

  it('says what a removal proposal still has to remove', async () => {
    const { report } = await drift({ 'docs/prd.md': prd('PRD-1', ['FR-1: Add.', 'FR-2: Old.']), 'docs/scp-2.md': scp('SCP-2', 'PRD-1', 'remove', ['FR-2']) }, { 'docs/prd.md': prd('PRD-1', ['FR-1: Add.', 'FR-2: Old.']) });
    const d = report.specs.find((s) => s.path === 'docs/scp-2.md')!;
    expect(d.state).toBe('change-pending');
    expect(d.change!.targets[0]).toMatchObject({ path: 'docs/prd.md', missing: [], stillDefined: ['FR-2'] });
  });

  it('retires an implemented spec whose replacement is implemented too', async () => {
    const v1 = prd('PRD-1', ['FR-1: Add.'], 'status: superseded\nsuperseded_by: PRD-2');
    const v2 = prd('PRD-2', ['FR-1: Add.', 'FR-2: More.'], 'status: approved\nsupersedes: PRD-1');
    const { report } = await drift({ 'docs/v1.md': v1, 'docs/v2.md': v2 }, { 'docs/v1.md': prd('PRD-1', ['FR-1: Add.']), 'docs/v2.md': v2 });
    expect(stateOf(report)).toEqual({ 'docs/v1.md': 'retired', 'docs/v2.md': 'implemented' });
  });

  it('catches a document replaced in place by a new version that supersedes the implemented one', async () => {
    const { report } = await drift({ 'docs/prd.md': prd('PRD-2', ['FR-1: Add.'], 'status: approved\nsupersedes: PRD-1') }, { 'docs/prd.md': prd('PRD-1', ['FR-1: Add.']) });
    expect(report.specs[0]).toMatchObject({ state: 'superseded', implementedId: 'PRD-1' });
  });

  it('separates done-but-untracked, not ready, inactive and never implemented', async () => {
    const { report } = await drift(
      {
        'docs/done.md': prd('PRD-D', ['FR-1: A.'], 'status: done'),
        'docs/draft.md': prd('PRD-R', ['FR-2: B.'], 'status: draft'),
        'docs/rejected.md': prd('PRD-X', ['FR-3: C.'], 'status: rejected'),
        'docs/approved.md': prd('PRD-A', ['FR-4: D.']),
        'docs/implementing.md': prd('PRD-I', ['FR-5: E.'], 'status: implementing'),
        'docs/scp-done.md': scp('SCP-D', 'PRD-A', 'add', ['FR-6'], 'done'),
      },
      {},
    );
    expect(stateOf(report)).toEqual({
      'docs/approved.md': 'never-implemented',
      'docs/done.md': 'untracked',
      'docs/draft.md': 'not-ready',
      'docs/implementing.md': 'never-implemented',
      'docs/rejected.md': 'inactive',
      'docs/scp-done.md': 'untracked',
    });
  });

  it('explains orphaned lock entries: deleted, moved (same document id elsewhere), or no longer a spec', async () => {
    const text = prd('PRD-M', ['FR-1: A.']);
    const { report } = await drift({ 'docs/new-home/prd.md': text }, { 'docs/prd.md': text, 'docs/gone.md': prd('PRD-G', ['FR-9: Z.']), 'notes/excluded.md': prd('PRD-E', ['FR-8: Y.']) }, ['notes/excluded.md']);
    expect(report.orphaned.map((o) => [o.entry.path, o.reason, o.movedTo])).toEqual([
      ['docs/gone.md', 'deleted', undefined],
      ['docs/prd.md', 'moved', 'docs/new-home/prd.md'],
      ['notes/excluded.md', 'not-a-spec', undefined],
    ]);
  });

  it('matches a lock hash taken from LF bytes when the checkout has CRLF', async () => {
    const config = defaultConfig();
    const text = prd('PRD-1', ['FR-1: Add.']);
    const validation = await validateRepository(memory({ 'docs/prd.md': text.replace(/\n/g, '\r\n') }), config.specs);
    const lock = parseLock(recordImplementation(undefined, lockEntryOf(parseSpec('docs/prd.md', encode(text), config.specs), { implementedAt: '2026-10-01' }))).lock;
    const base = { specs: validation.specs, lock, files: new Set(['docs/prd.md']), executableStatuses: config.specs.executableStatuses };
    expect(classifyDrift(base).specs[0]!.state).toBe('edited');
    const lfHash = parseSpec('docs/prd.md', encode(text), config.specs).contentHash;
    expect(classifyDrift({ ...base, lfHashes: new Map([['docs/prd.md', lfHash]]) }).specs[0]!.state).toBe('implemented');
  });
});
