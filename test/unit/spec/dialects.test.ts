/**
 * One mini repository per dialect (BMAD v4, BMAD v6, spec-kit, Kiro, free-form, BMAD
 * sharded, Chinese, Japanese, CRLF): the counts in each `expected.json` were checked
 * by hand against the documents; the tests below pin details the counts cannot show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRepository, type ParsedSpec, type RepositoryValidation } from '../../../src/pipeline/spec/index.js';
import { FIXTURES, folderSource, specsConfig } from './helpers.js';

const DIALECTS = `${FIXTURES}dialects/`;

interface Expected {
  documents: Record<string, { type: string; dialect: string; status: string | null; requirements: number; acceptanceCriteria: number; stories: number; tasks: number; markers: number; companions: number; diagnostics: Record<string, number> }>;
}

const results = new Map<string, RepositoryValidation>();
async function run(name: string): Promise<RepositoryValidation> {
  let r = results.get(name);
  if (!r) {
    r = await validateRepository(folderSource(`${DIALECTS}${name}`), specsConfig());
    results.set(name, r);
  }
  return r;
}
async function doc(name: string, path: string): Promise<ParsedSpec> {
  const spec = (await run(name)).specs.find((s) => s.path === path);
  if (!spec) throw new Error(`${name}: no document ${path}`);
  return spec;
}

describe('dialect fixtures: expected counts', () => {
  for (const name of readdirSync(DIALECTS).sort()) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(`${DIALECTS}${name}/expected.json`, 'utf8')) as Expected;
      const result = await run(name);
      const actual: Expected['documents'] = {};
      for (const s of result.specs) {
        const diagnostics: Record<string, number> = {};
        for (const d of s.diagnostics) diagnostics[d.rule] = (diagnostics[d.rule] ?? 0) + 1;
        actual[s.path] = {
          type: s.type ?? 'none',
          dialect: s.dialect ?? 'none',
          status: s.meta.status ?? null,
          requirements: s.requirements.length,
          acceptanceCriteria: s.acceptanceCriteria.length,
          stories: s.stories.length,
          tasks: s.tasks.length,
          markers: s.markers.length,
          companions: s.companions.length,
          diagnostics,
        };
      }
      expect(actual).toEqual(expected.documents);
    });
  }
});

describe('dialect details', () => {
  it('BMAD v4: FRn ids, bold-paragraph stories under their epics, `1:` criteria', async () => {
    const prd = await doc('bmad-v4', 'docs/prd.md');
    expect(prd.requirements.map((r) => [r.id, r.canonicalId, r.form])).toEqual([
      ['FR1', 'FR:1', 'list'],
      ['FR2', 'FR:2', 'list'],
      ['FR3', 'FR:3', 'list'],
      ['FR4', 'FR:4', 'list'],
      ['NFR1', 'NFR:1', 'list'],
      ['NFR2', 'NFR:2', 'list'],
    ]);
    expect(prd.epics?.map((e) => [e.number, e.storyIds])).toEqual([
      [1, ['1.1', '1.2']],
      [2, ['2.1', '2.2']],
    ]);
    const story = prd.stories[0]!;
    expect(story.userStory).toEqual({ asA: 'inspector', iWant: 'create a finding with a title, a severity and a photo', soThat: 'I can record a defect where I see it' });
    expect(story.acceptanceCriteria.map((a) => [a.id, a.text])).toEqual([
      ['AC1', 'The finding form has title, severity (low, medium, high) and photo fields.'],
      ['AC2', 'A finding without a title cannot be saved.'],
      ['AC3', "The saved finding appears at the top of the site's list."],
    ]);
    const arch = await doc('bmad-v4', 'docs/architecture.md');
    expect(arch.tasks.map((t) => [t.id, t.style, t.parentId ?? null, t.reqRefs])).toEqual([
      ['1', 'bmad', null, ['AC1', 'AC3']],
      ['1.1', 'bmad', '1', []],
      ['2', 'bmad', null, ['AC1', 'AC2']],
    ]);
    const scp = await doc('bmad-v4', 'docs/sprint-change-proposal.md');
    expect(scp.meta.source).toBe('inline');
    expect(scp.changeSet?.modified).toEqual(['FR1']);
    expect(scp.changeSet?.targets.find((t) => t.doc === 'prd.md')?.resolved).toBe('docs/prd.md');
  });

  it('BMAD v6: workflowType decides the type, FR-014a is a legitimate insert, quick-spec dialect', async () => {
    const prd = await doc('bmad-v6', '_bmad-output/prd.md');
    expect(prd.typeSource).toBe('bmad-workflowType');
    expect(prd.requirements.find((r) => r.id === 'FR-014a')?.canonicalId).toBe('FR:14a');
    const arch = await doc('bmad-v6', '_bmad-output/architecture.md');
    expect([arch.type, arch.typeSource]).toEqual(['technical-spec', 'bmad-workflowType']);
    const quick = await doc('bmad-v6', '_bmad-output/tech-spec-receipt-photos.md');
    expect(quick.dialect).toBe('quick-spec');
    expect(quick.acceptanceCriteria.map((a) => [a.id, a.format, a.checked])).toEqual([
      ['AC1', 'gwt', false],
      ['AC2', 'gwt', false],
    ]);
    const scp = await doc('bmad-v6', '_bmad-output/sprint-change-proposal-2026-06-22.md');
    expect(scp.changeSet?.targets[0]).toMatchObject({ doc: '_bmad-output/prd.md', action: 'modify', explicit: true, resolved: '_bmad-output/prd.md' });
    expect(scp.changeSet?.modified).toEqual(['FR-003']);
    expect(scp.executable).toBe(false); // proposed
  });

  it('spec-kit bundle: tasks.md folds into plan.md, which implements spec.md; scenarios get US ids', async () => {
    const plan = await doc('speckit', 'specs/001-photo-albums/plan.md');
    expect(plan.companions).toEqual(['specs/001-photo-albums/tasks.md']);
    expect(plan.meta.implements).toEqual(['specs/001-photo-albums/spec.md']);
    const t004 = plan.tasks.find((t) => t.id === 'T004')!;
    expect(t004).toMatchObject({ parallel: true, storyRef: 'US1', reqRefs: ['FR-001', 'FR-004'], files: ['src/albums/group.ts'], file: 'specs/001-photo-albums/tasks.md', phase: 'Phase 3: User Story 1 - Group photos into albums (Priority: P1)' });
    expect(plan.tasks.find((t) => t.id === 'T008')?.dependsOn).toEqual(['T003']);
    const spec = await doc('speckit', 'specs/001-photo-albums/spec.md');
    expect(spec.stories.map((s) => [s.id, s.priority, s.acceptanceCriteria.map((a) => a.id)])).toEqual([
      ['US1', 'P1', ['US1-1', 'US1-2']],
      ['US2', 'P2', ['US2-1']],
    ]);
    expect(spec.acceptanceCriteria[0]!.parts).toEqual({ given: 'photos taken on two dates', when: 'the user opens the app', then: 'two albums are shown, newest first' });
    expect(spec.meta.extra.branch).toBe('`001-photo-albums`');
  });

  it('Kiro bundle: Requirement N with N.M criteria, tasks with _Requirements_ and optional items', async () => {
    const req = await doc('kiro', '.kiro/specs/user-auth/requirements.md');
    expect(req.requirements.map((r) => [r.id, r.canonicalId, r.userStory?.asA])).toEqual([
      ['Requirement 1', 'REQ:1', 'user'],
      ['Requirement 2', 'REQ:2', 'administrator'],
    ]);
    expect(req.acceptanceCriteria.map((a) => `${a.id}@${a.parentRef}`)).toEqual(['1.1@Requirement 1', '1.2@Requirement 1', '1.3@Requirement 1', '2.1@Requirement 2', '2.2@Requirement 2']);
    expect(req.acceptanceCriteria[4]!.parts).toMatchObject({ kw: 'WHILE', system: 'system', modal: 'SHALL' });
    const design = await doc('kiro', '.kiro/specs/user-auth/design.md');
    expect(design.tasks.map((t) => [t.id, t.optional, t.parentId ?? null])).toEqual([
      ['1', false, null],
      ['2', false, null],
      ['2.1', false, '2'],
      ['2.2', true, '2'],
      ['3', false, null],
    ]);
    expect(design.tasks.find((t) => t.id === '2.2')?.reqRefs).toEqual(['1.1', '1.2', '1.3']);
    expect(design.tasks.find((t) => t.id === '3')?.files).toEqual(['src/auth/lockout.ts']);
  });

  it('BMAD sharded PRD: shards folded in index order, items and diagnostics keep their own file and line', async () => {
    const prd = await doc('sharded', 'docs/prd/index.md');
    expect(prd.companions).toEqual(['docs/prd/goals-and-background-context.md', 'docs/prd/requirements.md', 'docs/prd/epic-1-launch.md']);
    expect(prd.requirements.map((r) => [r.id, r.file, r.line])).toEqual([
      ['FR1', 'docs/prd/requirements.md', 5],
      ['FR2', 'docs/prd/requirements.md', 6],
      ['NFR1', 'docs/prd/requirements.md', 10],
    ]);
    expect(prd.stories.map((s) => [s.id, s.file, s.line])).toEqual([['1.1', 'docs/prd/epic-1-launch.md', 6]]);
    expect(prd.acceptanceCriteria.map((a) => [a.file, a.line])).toEqual([
      ['docs/prd/epic-1-launch.md', 12],
      ['docs/prd/epic-1-launch.md', 13],
    ]);
  });

  it('Chinese PRD: full-width colons, 验收标准 container, 假如/当/那么 scenarios, 作为…我希望…以便 stories', async () => {
    const prd = await doc('zh', 'docs/prd.md');
    expect(prd.meta.status).toBe('approved');
    expect(prd.requirements[0]).toMatchObject({ id: 'FR-1', line: 16, text: '用户可以录入一笔支出，包括金额、类别和备注。' });
    expect(prd.sections.filter((s) => s.canonical).map((s) => [s.text, s.canonical])).toEqual([
      ['项目概述', 'goals'],
      ['功能需求', 'requirements'],
      ['非功能需求', 'non-functional'],
      ['Epic 规划', 'epics'],
      ['Epic 1：记账', 'epics'],
    ]);
    expect(prd.stories[0]!.userStory).toEqual({ asA: '家庭成员', iWant: '快速录入一笔支出', soThat: '月底核对账目' });
    expect(prd.acceptanceCriteria[0]!.parts).toEqual({ given: '用户填写了金额和类别', when: '用户点击保存', then: '支出出现在列表顶部' });
  });

  it('Japanese Kiro requirements: 要件 N headings, 受け入れ基準, WHEN … THEN without SHALL is complete', async () => {
    const req = await doc('ja', '.kiro/specs/notifications/requirements.md');
    expect(req.requirements.map((r) => r.id)).toEqual(['Requirement 1', 'Requirement 2']);
    expect(req.requirements[0]!.userStory).toMatchObject({ asA: '利用者', iWant: '予約の前日に通知を受け取りたい' });
    // Japanese carries the modal in the verb ending: WHEN … THEN … without SHALL is complete (issue #10).
    expect(req.diagnostics.filter((d) => d.rule.startsWith('ac.ears'))).toEqual([]);
    expect(req.acceptanceCriteria.filter((c) => c.format === 'ears').length).toBeGreaterThanOrEqual(2);
  });

  it('CRLF document: the same lines as its LF twin', async () => {
    const spec = await doc('crlf', 'docs/functional-spec.md');
    expect(spec.meta.id).toBe('FS-CRLF-001');
    expect(spec.requirements.map((r) => [r.id, r.line, r.text])).toEqual([
      ['FR-1', 20, 'Submit a reading'],
      ['FR-2', 27, 'See past readings'],
    ]);
    expect(spec.acceptanceCriteria.map((a) => a.line)).toEqual([24, 25, 31]);
    expect(spec.acceptanceCriteria.every((a) => !a.raw.includes('\r'))).toBe(true);
  });

  it('free-form spec: numbered headings, inline status, checklist criteria with their state', async () => {
    const spec = await doc('freeform', 'docs/functional-spec.md');
    expect([spec.meta.source, spec.meta.status, spec.meta.version]).toEqual(['inline', 'approved', '2.1']);
    expect(spec.acceptanceCriteria.filter((a) => a.format === 'checklist').map((a) => a.checked)).toEqual([true, false]);
  });

  it('free-form PRD: metadata and requirements in tables, the Priority column kept apart', async () => {
    const prd = await doc('freeform', 'docs/product-requirements.md');
    expect(prd.meta.status).toBe('approved');
    expect(prd.requirements.map((r) => [r.id, r.form, r.priority, r.text])).toEqual([
      ['FR-1', 'table', 'P1', 'Search free spots within 500 m of a destination'],
      ['FR-2', 'table', 'P1', 'Reserve a spot for 15 minutes'],
      ['FR-3', 'table', 'P2', 'Pay at the spot with a stored card'],
      ['NFR-1', 'table', 'P1', 'Search results appear within 2 seconds'],
    ]);
  });

  it('free-form design: "Implements:" link line, ordered task items, coverage of the linked spec', async () => {
    const design = await doc('freeform', 'docs/technical-design.md');
    expect(design.type).toBe('technical-spec');
    expect(design.meta.implements).toEqual(['functional-spec.md']);
    expect(design.tasks.map((t) => [t.style, t.reqRefs, t.files])).toEqual([
      ['generic', ['FR-1'], ['services/search/index.ts']],
      ['generic', ['FR-2'], ['services/reservations/expire.ts']],
      ['generic', ['FR-3'], ['services/payments/charge.ts']],
    ]);
    const proposal = await doc('freeform', 'docs/change-proposal-widen-search.md');
    expect(proposal.changeSet?.targets.map((t) => t.resolved)).toEqual(['docs/functional-spec.md']);
  });
});
