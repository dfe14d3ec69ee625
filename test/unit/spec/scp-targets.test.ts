/**
 * Change-proposal targets and sections as a reader sees them (issue #10, classes 5 and 7),
 * on shapes seen in real BMAD v4 proposals: a bug-fix proposal that cites the PRD in its
 * headings but changes only code, and a "Handoff Plan" heading. Minimal documents written
 * for this project.
 */
import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../../src/pipeline/spec/index.js';
import { memorySource, specsConfig } from './helpers.js';

const PRD = ['---', 'type: prd', '---', '# PRD: Mail', '## Goals', 'Sort mail.', '## Requirements', '- FR1: The user can link Telegram.', '- FR2: The system sorts mail.', ''].join('\n');

const proposal = (body: string[]) => ['# Sprint Change Proposal: Fixes', '', '**Status:** Approved', '', '## Change Trigger', 'Testing found bugs.', ...body, ''].join('\n');

const validate = (files: Record<string, string>) => validateRepository(memorySource(files), specsConfig());

describe('change-proposal targets', () => {
  it('a heading that cites the PRD ("Original Requirements (PRD Journey 1)") does not make the PRD a target; a code-only proposal is an info, not an error', async () => {
    const scp = proposal([
      '### Original Requirements (PRD Journey 1)',
      'The user links Telegram during onboarding.',
      '#### PRD Requirement Violated',
      'Journey 1.',
      '## Proposed Fix',
      'Call the linking service from `backend/app/api/users.py` and fix `backend/app/workflows/nodes.py`.',
      '## Implementation Plan',
      '1. Fix the handler.',
    ]);
    const result = await validate({ 'docs/PRD.md': PRD, 'docs/sprint-change-proposal-1.md': scp });
    const spec = result.specs.find((s) => s.path === 'docs/sprint-change-proposal-1.md')!;
    expect(spec.changeSet!.targets).toEqual([]);
    const none = result.diagnostics.filter((d) => d.rule === 'scp.target.none');
    expect(none.map((d) => d.severity)).toEqual(['info']);
    expect(none[0]!.message).toContain('code only (2 files, e.g. backend/app/api/users.py)');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a heading about changing the PRD ("### 3.1 PRD", "PRD Changes") still names it as the target', async () => {
    for (const heading of ['### 3.1 PRD', '### PRD Changes', '### Mises à jour du PRD']) {
      const scp = proposal(['## Proposed Changes', heading, 'FR2 now sorts by sender too.']);
      const result = await validate({ 'docs/PRD.md': PRD, 'docs/sprint-change-proposal-1.md': scp });
      const targets = result.specs.find((s) => s.path === 'docs/sprint-change-proposal-1.md')!.changeSet!.targets.map((t) => t.resolved ?? t.doc);
      expect(targets, heading).toEqual(['docs/PRD.md']);
    }
  });

  it('a document the proposal creates ("1. Create `docs/stories/3-11.md`") is a target to add, not a dangling one; an optional edit is no target', async () => {
    const scp = proposal([
      '## Proposed Changes',
      'Add Story 3.11 to `docs/epics.md`.',
      '## Action Plan',
      '1. Create `docs/stories/3-11-routing.md` with the story definition',
      '2. Update `docs/missing.md`',
      '3. Update the diagram in `docs/README.md` (optional)',
    ]);
    const result = await validate({ 'docs/PRD.md': PRD, 'docs/epics.md': '# Epics\n', 'docs/README.md': '# Docs\n', 'docs/stories/3-10.md': '# Story 3.10\n', 'docs/sprint-change-proposal-1.md': scp });
    const targets = result.specs.find((s) => s.path === 'docs/sprint-change-proposal-1.md')!.changeSet!.targets;
    expect(targets.map((t) => [t.resolved ?? t.doc, t.action])).toEqual([['docs/epics.md', undefined], ['docs/stories/3-11-routing.md', 'add']]);
    // The control: a path it only updates and that does not exist is still reported.
    expect(result.diagnostics.filter((d) => d.rule === 'scp.target.dangling').map((d) => d.message)).toEqual(['Inferred target docs/missing.md names no document of the repository.']);
  });

  it('a line that deletes what it names is no target, in Chinese and Japanese too ("删除文件 …", "削除する …")', async () => {
    const scp = proposal([
      '## Proposed Changes',
      'Update `docs/PRD.md`: FR2 sorts by sender.',
      '## Action Plan',
      '1. 删除文件 `docs/old-flow.md`',
      '2. 削除する: `docs/legacy.md`',
      '3. Delete `docs/gone.md`',
    ]);
    const result = await validate({ 'docs/PRD.md': PRD, 'docs/sprint-change-proposal-1.md': scp });
    const targets = result.specs.find((s) => s.path === 'docs/sprint-change-proposal-1.md')!.changeSet!.targets.map((t) => t.resolved ?? t.doc);
    expect(targets).toEqual(['docs/PRD.md']);
    expect(result.diagnostics.filter((d) => d.rule === 'scp.target.dangling')).toEqual([]);
  });

  it("the requirement ids a proposal cites resolve in the project's PRD even when it links only other documents", async () => {
    const scp = proposal(['## Proposed Changes', 'Add an implementation note to `docs/architecture.md`.', '## PRD Alignment', '- **FR2:** delivered by Story 3.11; FR9 is not.']);
    const architecture = ['---', 'type: technical-spec', '---', '# Architecture', '## Architecture', 'A queue.', ''].join('\n');
    const result = await validate({ 'docs/PRD.md': PRD, 'docs/architecture.md': architecture, 'docs/sprint-change-proposal-1.md': scp });
    const dangling = result.diagnostics.filter((d) => d.rule === 'ref.dangling' && d.path === 'docs/sprint-change-proposal-1.md');
    expect(dangling.map((d) => d.message)).toEqual(['FR9 is not defined in any spec of the repository.']);
  });

  it('a proposal that names neither a document nor a source file is still an error', async () => {
    const result = await validate({ 'docs/sprint-change-proposal-1.md': proposal(['## Proposed Changes', 'Make it better.']) });
    expect(result.diagnostics.filter((d) => d.rule === 'scp.target.none').map((d) => d.severity)).toEqual(['error']);
  });
});

describe('change-proposal targets: documents a proposal cites are not documents it changes', () => {
  const techSpec = ['---', 'type: technical-spec', '---', '# Tech Spec: Epic 2 Settings', '## Architecture', 'A form.', '## Testing Strategy', 'Unit tests.', ''].join('\n');
  const targetsOf = (result: Awaited<ReturnType<typeof validate>>) => result.specs.find((s) => s.path === 'docs/sprint-change-proposal-1.md')!.changeSet!.targets.map((t) => t.resolved ?? t.doc);

  it('paths under "Evidence", "Context and Discovery", "**How Discovered:**", "**Source:**" and "**Inputs:**" are evidence, not targets', async () => {
    const scp = proposal([
      '### Context and Discovery',
      '**How Discovered:** a review run with `docs/checklists/review.md`',
      '### Evidence',
      '**Source:** `docs/reports/review-1.md`',
      '## Background',
      '**Source**: `docs/reports/review-2.md` (colon after the bold label)',
      '## Impact Analysis',
      '**Primary Artifact:** `docs/tech-spec-epic-2.md`',
      '## Proposed Changes',
      'Add a risks section.',
      '## Handoff',
      '**Inputs:**',
      '- Review report: `docs/reports/review-1.md`',
      '- Notes: `docs/notes/meeting.md`',
    ]);
    const files = { 'docs/tech-spec-epic-2.md': techSpec, 'docs/checklists/review.md': '# Checklist\n', 'docs/reports/review-1.md': '# Review\n', 'docs/reports/review-2.md': '# Review 2\n', 'docs/notes/meeting.md': '# Notes\n', 'docs/sprint-change-proposal-1.md': scp };
    expect(targetsOf(await validate(files))).toEqual(['docs/tech-spec-epic-2.md']);
    // The control: the same path outside those sections and labels is still a target.
    const named = proposal(['## Proposed Changes', 'Update `docs/tech-spec-epic-2.md` and `docs/notes/meeting.md`.']);
    expect(targetsOf(await validate({ ...files, 'docs/sprint-change-proposal-1.md': named }))).toEqual(['docs/tech-spec-epic-2.md', 'docs/notes/meeting.md']);
  });

  it('an "Epic Impact" section that says the epics are unchanged does not name the epics file; one that adds a story does', async () => {
    const unchanged = proposal([
      '## Impact Analysis',
      '### Epic Impact',
      '**Epic 2: Settings**',
      '- **Scope:** UNCHANGED',
      '- **Timeline:** one day later',
      '**Epic order:**',
      '- **No changes required**',
      '## Proposed Changes',
      'Add a risks section to `docs/tech-spec-epic-2.md`.',
    ]);
    const files = { 'docs/tech-spec-epic-2.md': techSpec, 'docs/epics.md': '# Epics\n', 'docs/sprint-change-proposal-1.md': unchanged };
    expect(targetsOf(await validate(files))).toEqual(['docs/tech-spec-epic-2.md']);
    const adds = proposal(['## Impact Analysis', '### Epic Impact', '- Add Story 2-9 to Epic 2.', '## Proposed Changes', 'Add a risks section to `docs/tech-spec-epic-2.md`.']);
    expect(targetsOf(await validate({ ...files, 'docs/sprint-change-proposal-1.md': adds }))).toEqual(['docs/tech-spec-epic-2.md', 'docs/epics.md']);
  });

  it('"Tech Spec Epic 2" in the title and a "**Rationale:**" that mentions an epic do not name the epics file', async () => {
    const scp = [
      '# Sprint Change Proposal: Tech Spec Epic 2 Additions',
      '',
      '**Status:** Approved',
      '',
      '## Change Trigger',
      'A review of `docs/tech-spec-epic-2.md` found gaps.',
      '## Proposed Changes',
      '### Change 1: Add a risks section',
      '**Rationale:** Epic 2 has many tests and no risk list.',
      '',
      '**OLD:** None (new section)',
      '',
      '**NEW:** A risk register.',
      '',
    ].join('\n');
    const files = { 'docs/tech-spec-epic-2.md': techSpec, 'docs/epics.md': '# Epics\n', 'docs/sprint-change-proposal-1.md': scp };
    expect(targetsOf(await validate(files))).toEqual(['docs/tech-spec-epic-2.md']);
    // The control: a location line before the edit that names a story still names the epics file.
    const located = scp.replace('**Rationale:** Epic 2 has many tests and no risk list.', '**Epic 2, Story 2.3:** acceptance criteria');
    expect(targetsOf(await validate({ ...files, 'docs/sprint-change-proposal-1.md': located }))).toEqual(['docs/tech-spec-epic-2.md', 'docs/epics.md']);
  });

  it('when the proposal names a file that is not a validated spec (epics.md), a requirement it only cites does not add its PRD; one it edits does', async () => {
    const cites = proposal([
      '## Impact Analysis',
      '### Epic Impact',
      '- Add Story 4-9 to Epic 4 in `docs/epics.md`.',
      '#### PRD Conflicts',
      '- FR2 is violated by the bug; PRD modifications required: none.',
      '## Proposed Changes',
      'Fix the handler.',
    ]);
    const files = { 'docs/PRD.md': PRD, 'docs/epics.md': '# Epics\n', 'docs/sprint-change-proposal-1.md': cites };
    expect(targetsOf(await validate(files))).toEqual(['docs/epics.md']);
    const edits = proposal(['## Proposed Changes', 'Add Story 4-9 to Epic 4 in `docs/epics.md`.', '', '**OLD:**', '- FR2: The system sorts mail.', '', '**NEW:**', '- FR2: The system sorts mail by sender.']);
    expect(targetsOf(await validate({ ...files, 'docs/sprint-change-proposal-1.md': edits }))).toEqual(['docs/epics.md', 'docs/PRD.md']);
  });

  it('the inferred-targets info names the epics file once when a path and an epic heading both name it', async () => {
    const scp = proposal(['## Proposed Changes', '### Epic 3 changes', 'Add Story 3.11 to `docs/epics.md`.']);
    const result = await validate({ 'docs/epics.md': '# Epics\n', 'docs/sprint-change-proposal-1.md': scp });
    const info = result.diagnostics.filter((d) => d.rule === 'scp.target.inferred');
    expect(info.map((d) => d.message)).toEqual(['Targets inferred from the text (docs/epics.md).']);
  });
});

describe('change proposals in the shapes of BMAD v4 and Chinese BMAD v6 repositories', () => {
  const techSpec = ['---', 'type: technical-spec', '---', '# Architecture', '## Architecture', 'A queue.', '## Testing Strategy', 'Unit tests.', ''].join('\n');
  const specOf = (result: Awaited<ReturnType<typeof validate>>, path: string) => result.specs.find((s) => s.path === path);
  const targetsOf = (result: Awaited<ReturnType<typeof validate>>, path = 'docs/sprint-change-proposal-1.md') => specOf(result, path)!.changeSet!.targets.map((t) => t.resolved ?? t.doc);

  it('a change proposal named after its epic ("epic-6-scope-gap-proposal.md") is discovered; other epic-*.md files stay excluded', async () => {
    const scp = proposal(['## Proposed Changes', 'Update `docs/architecture.md`.']);
    const result = await validate({ 'docs/architecture.md': techSpec, 'docs/change_proposals/epic-6-scope-gap-proposal.md': scp, 'docs/epic-4-completion-summary.md': '# Epic 4 summary\n\nDone.\n' });
    expect(specOf(result, 'docs/change_proposals/epic-6-scope-gap-proposal.md')?.type).toBe('sprint-change-proposal');
    expect(result.skipped.find((s) => s.path === 'docs/epic-4-completion-summary.md')?.reason).toBe('excluded by **/epic-*.md');
  });

  it('a path to a document sharded since ("docs/architecture.md" → docs/architecture/index.md) names the sharded document, not another file of that name', async () => {
    const scp = proposal(['## Proposed Changes', '1. Add a Testing Strategy section to `docs/architecture.md`.']);
    const index = ['# Architecture', '', '- [Tech Stack](./tech-stack.md)', ''].join('\n');
    const files = {
      'docs/architecture/index.md': index,
      'docs/architecture/tech-stack.md': '# Tech Stack\n\nPython.\n',
      'docs/protocol/architecture.md': techSpec,
      'docs/sprint-change-proposal-1.md': scp,
    };
    expect(targetsOf(await validate(files))).toEqual(['docs/architecture/index.md']);
  });

  it('documents declared unchanged ("4.6 不改动的工件", a row "| `prd.md` | 无直接改动 |") are no targets, wherever else they are named', async () => {
    const scp = [
      '# Sprint Change Proposal',
      '',
      '## 1. Issue Summary',
      'Epic 10 的顺序倒挂。',
      '## 2. Impact Analysis',
      '| 工件 | 需要改动 |',
      '|---|---|',
      '| `epics.md` | Epic 10 重排 |',
      '| `architecture.md` | 无直接改动，运行时分层由 10.1 定义 |',
      '| `prd.md` | 无需改动 |',
      '## 4. Detailed Change Proposals',
      '### 4.1 `epics.md` — Epic 10 重排',
      '**OLD**：10.1, 10.2',
      '',
      '**NEW**：10.2, 10.1',
      '',
      '### 4.6 不改动的工件',
      '- `architecture.md`：无需改动。',
      '',
    ].join('\n');
    const files = { 'docs/epics.md': '# Epics\n', 'docs/architecture.md': techSpec, 'docs/prd.md': PRD, 'docs/sprint-change-proposal-1.md': scp };
    const result = await validate(files);
    expect(targetsOf(result)).toEqual(['docs/epics.md']);
    // The control: the same table with a change in the row makes the document a target.
    const changed = scp.replace('| `prd.md` | 无需改动 |', '| `prd.md` | 补充 NFR |');
    expect(targetsOf(await validate({ ...files, 'docs/sprint-change-proposal-1.md': changed }))).toEqual(['docs/epics.md', 'docs/prd.md']);
  });

  it('"### 4.5 新建 `sweep.md`" under a numbered heading creates the file that "- [ ] 新建 `docs/stories/sweep.md`" names: one target to add, no dangling name', async () => {
    const scp = proposal(['## Proposed Changes', 'Add Story 10.7 to `docs/epics.md`.', '### 4.5 新建 `10-7-sweep.md` spec', '在 `docs/stories/` 下新建该文件。', '## Checklist', '- [ ] 新建 `docs/stories/10-7-sweep.md`']);
    const result = await validate({ 'docs/epics.md': '# Epics\n', 'docs/stories/10-6.md': '# Story 10.6\n', 'docs/sprint-change-proposal-1.md': scp });
    const targets = specOf(result, 'docs/sprint-change-proposal-1.md')!.changeSet!.targets;
    expect(targets.map((t) => [t.resolved ?? t.doc, t.action])).toEqual([['docs/epics.md', undefined], ['docs/stories/10-7-sweep.md', 'add']]);
    expect(result.diagnostics.filter((d) => d.rule === 'scp.target.dangling')).toEqual([]);
  });

  it('"**OLD (lines 12-26):**" and "**Current Text:**" / "**Proposed New Text:**" are edit labels: their blocks pair', async () => {
    const scp = proposal([
      '## Proposed Changes',
      '### Change 1: `docs/architecture.md`',
      '**OLD (lines 12-26):**',
      '',
      'A queue.',
      '',
      '**NEW:**',
      '',
      'Two queues.',
      '',
      '### Change 2: `docs/architecture.md`',
      '**Current Text:**',
      '> Unit tests.',
      '',
      '**Proposed New Text:**',
      '> Unit and integration tests.',
    ]);
    const result = await validate({ 'docs/architecture.md': techSpec, 'docs/sprint-change-proposal-1.md': scp });
    expect(result.diagnostics.filter((d) => d.rule === 'scp.edit.unpaired')).toEqual([]);
    expect(specOf(result, 'docs/sprint-change-proposal-1.md')!.changeSet!.edits.map((e) => [e.old, e.new])).toEqual([
      ['A queue.', 'Two queues.'],
      ['Unit tests.', 'Unit and integration tests.'],
    ]);
  });

  it('"Identified Issues", "Specific Proposed Implementation" and "Path Forward Rationale" are the issue, changes and path sections', async () => {
    const scp = [
      '# Sprint Change Proposal - Epic 6 Gap',
      '',
      '**Status:** Approved',
      '',
      '## Analysis Summary',
      '### Identified Issues',
      'Epic 6 is marked done but tools are missing.',
      '### Path Forward Rationale',
      'Direct adjustment.',
      '## Specific Proposed Implementation',
      'Add the missing tools to `docs/architecture.md`.',
      '## Next Steps',
      'Dev implements.',
      '## Success Criteria',
      '- Tools exist.',
      '',
    ].join('\n');
    const result = await validate({ 'docs/architecture.md': techSpec, 'docs/sprint-change-proposal-1.md': scp });
    const rules = result.diagnostics.filter((d) => d.path === 'docs/sprint-change-proposal-1.md').map((d) => d.rule);
    expect(rules.filter((r) => ['scp.section.issue', 'scp.section.changes', 'scp.section.path'].includes(r))).toEqual([]);
  });
});

describe('change-proposal sections', () => {
  it('"Handoff Plan" and "Implementation Action Plan" are the handoff section', async () => {
    for (const heading of ['## 7. Handoff Plan', '## 6. Implementation Action Plan']) {
      const scp = proposal(['## Proposed Changes', '### 3.1 PRD', 'FR2 changes.', heading, 'Dev does it.']);
      const result = await validate({ 'docs/PRD.md': PRD, 'docs/sprint-change-proposal-1.md': scp });
      expect(result.diagnostics.filter((d) => d.rule === 'scp.section.handoff'), heading).toEqual([]);
    }
    const without = await validate({ 'docs/PRD.md': PRD, 'docs/sprint-change-proposal-1.md': proposal(['## Proposed Changes', '### 3.1 PRD', 'FR2 changes.']) });
    expect(without.diagnostics.filter((d) => d.rule === 'scp.section.handoff')).toHaveLength(1);
  });
});
