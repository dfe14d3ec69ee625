/** The shared grammars of spec-formats.md §2: ids, criteria, user stories, tasks, markers. */
import { describe, expect, it } from 'vitest';
import { classifyCriterion } from '../../../src/pipeline/spec/criteria.js';
import { canonicalIdOf, expandCriterionList, findReferences, matchCellId, matchDefinition, matchHeadingDefinition } from '../../../src/pipeline/spec/ids.js';
import { findMarkers } from '../../../src/pipeline/spec/markers.js';
import { canonicalSection, githubSlug, normalizeHeading, normalizeStatus, normalizeType } from '../../../src/pipeline/spec/normalize.js';
import { taskAttributes } from '../../../src/pipeline/spec/tasks.js';
import { matchUserStory } from '../../../src/pipeline/spec/user-story.js';

describe('requirement ids', () => {
  it('reads the id formatting zoo seen in the wild (§9.10)', () => {
    const cases: Array<[string, string, string]> = [
      ['FR1: text', 'FR1', 'FR:1'],
      ['**FR1:** text', 'FR1', 'FR:1'],
      ['FR-001: System MUST', 'FR-001', 'FR:1'],
      ['FR-014 — text', 'FR-014', 'FR:14'],
      ['FR-014a: insert', 'FR-014a', 'FR:14a'],
      ['NFR-4. fast', 'NFR-4', 'NFR:4'],
      ['DOC-REQ-001: doc', 'DOC-REQ-001', 'DOC-REQ:1'],
      ['SM-C1: metric', 'SM-C1', 'SM-C:1'],
      ['FR_7) under', 'FR_7', 'FR:7'],
      ['FR-1：全角', 'FR-1', 'FR:1'],
    ];
    for (const [text, id, canonical] of cases) expect(matchDefinition(text), text).toMatchObject({ id, canonical });
  });

  it('needs a separator after a definition, except in headings and id-only cells', () => {
    expect(matchDefinition('FR-1 is a reference')).toBeUndefined();
    expect(matchDefinition('See FR-1: not at the start')).toBeUndefined();
    expect(matchHeadingDefinition('FR-1 Add a task')?.id).toBe('FR-1');
    expect(matchCellId(' FR3 ')?.canonical).toBe('FR:3');
    expect(matchCellId('FR3 and more')).toBeUndefined();
  });

  it('finds references with ranges, without matching inside other ids', () => {
    expect(findReferences('covers FR5-FR8 and NFR-2, not XFR-9').map((r) => r.id)).toEqual(['FR5', 'FR-6', 'FR-7', 'FR8', 'NFR-2']);
    expect(findReferences('FR-22–FR-24').map((r) => r.canonical)).toEqual(['FR:22', 'FR:23', 'FR:24']);
    expect(findReferences('FR-1 to FR-9999').length).toBe(2); // an absurd range is not expanded
    expect(canonicalIdOf('Requirement 3')).toBe('REQ:3');
    expect(expandCriterionList('1.1, 2.3, 4.1-4.3')).toEqual(['1.1', '2.3', '4.1', '4.2', '4.3']);
  });
});

describe('acceptance criteria', () => {
  it('parses EARS with keyword, condition, system, modal and response', () => {
    expect(classifyCriterion('WHEN the user submits a title, THE app SHALL add the task')).toMatchObject({
      format: 'ears',
      parts: { kw: 'WHEN', cond: 'the user submits a title', system: 'app', modal: 'SHALL', response: 'add the task' },
    });
    expect(classifyCriterion('1.2 IF a session is older than 12 hours THEN the system SHALL end it')).toMatchObject({
      explicitId: '1.2',
      parts: { kw: 'IF', cond: 'a session is older than 12 hours', system: 'system', modal: 'SHALL', response: 'end it' },
    });
    expect(classifyCriterion('The exporter SHALL NOT write empty files')).toMatchObject({ format: 'ears', parts: { system: 'exporter', modal: 'SHALL NOT' } });
  });

  it('flags incomplete EARS and Given/When/Then', () => {
    expect(classifyCriterion('WHEN the user clicks').problem).toBe('ac.ears.malformed');
    expect(classifyCriterion('WHEN the order ships THEN the invoice is sent').problem).toBe('ac.ears.missing-modal');
    // Japanese and Chinese put the modal in the verb ending: nothing to add.
    expect(classifyCriterion('WHEN 予約の前日 THEN システムは通知を送る')).toMatchObject({ format: 'ears', parts: { kw: 'WHEN', cond: '予約の前日', response: 'システムは通知を送る' } });
    expect(classifyCriterion('WHEN 用户点击保存 系统保存笔记').problem).toBeUndefined();
    expect(classifyCriterion('Given a list, Then it shows').problem).toBe('ac.gwt.incomplete');
    expect(classifyCriterion('Given a list, When I add, Then it shows, And it is saved')).toMatchObject({
      format: 'gwt',
      parts: { given: 'a list', when: 'I add', then: 'it shows', and: 'it is saved' },
    });
  });

  it('is prose or checklist otherwise; lowercase "must" in prose is not EARS', () => {
    expect(classifyCriterion('Users must be able to log in').format).toBe('prose');
    expect(classifyCriterion('Works on Windows', false)).toMatchObject({ format: 'checklist' });
    expect(classifyCriterion('AC-3: Shows the count')).toMatchObject({ explicitId: 'AC3', text: 'Shows the count' });
  });

  it('stays fast on a hostile criterion (no backtracking regex over the whole text)', () => {
    const hostile = `WHEN ${'a, '.repeat(5000)}`;
    const t0 = performance.now();
    classifyCriterion(hostile);
    classifyCriterion(`${'Given '.repeat(3000)}x`);
    // Not a timing assertion on speed targets: a catastrophic regex would take minutes here.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('user stories', () => {
  it('reads English, Chinese, French and Japanese triples', () => {
    expect(matchUserStory('As an admin, I want to lock accounts, so that passwords cannot be guessed.')).toEqual({ asA: 'admin', iWant: 'lock accounts', soThat: 'passwords cannot be guessed' });
    expect(matchUserStory('**As a** user,\nI want **export**,\nso that I can share')).toEqual({ asA: 'user', iWant: 'export', soThat: 'I can share' });
    expect(matchUserStory('作为管理员，我希望锁定账户，以便防止猜测密码')).toEqual({ asA: '管理员', iWant: '锁定账户', soThat: '防止猜测密码' });
    expect(matchUserStory('En tant que client, je veux payer en ligne, afin de gagner du temps.')).toEqual({ asA: 'client', iWant: 'payer en ligne', soThat: 'gagner du temps' });
    expect(matchUserStory('利用者として、通知を受け取りたい。それにより予約を忘れない。')).toMatchObject({ asA: '利用者', iWant: '通知を受け取りたい' });
    expect(matchUserStory('A user wants things')).toBeUndefined();
  });
});

describe('task attributes', () => {
  it('reads requirement refs, dependencies and files from the task text and its bullets', () => {
    expect(taskAttributes('Implement login (FR-1, NFR-2)\n_Requirements: 1.1, 2.3_\n**Validates**: TR-2', [])).toMatchObject({ reqRefs: ['1.1', '2.3', 'TR-2', 'FR-1', 'NFR-2'] });
    expect(taskAttributes('Wire it up (depends on T012, T013) after T004', []).dependsOn).toEqual(['T012', 'T013', 'T004']);
    expect(taskAttributes('_Depends: 1.2_', []).dependsOn).toEqual(['1.2']);
    expect(taskAttributes('Retry after 5 seconds', []).dependsOn).toEqual([]);
    expect(taskAttributes('Model in src/model.py and the view', ['tasklet/window.py', 'QMainWindow', '1.0']).files).toEqual(['tasklet/window.py', 'src/model.py']);
    expect(taskAttributes('T012 [US2] thing', []).storyRef).toBe('US2');
  });
});

describe('markers', () => {
  it('finds markers with exact columns and marks those in code', () => {
    const lines = ['---', 'x: TODO', '---', 'Open [NEEDS CLARIFICATION: auth?] here', 'Use `TODO` in code', 'TBD and ??? and {{name}}', '```', 'TODO in fence', '```', '<!-- TODO in comment --> and TODO'];
    const markers = findMarkers(lines, 4, [[7, 9]]);
    expect(markers.map((m) => [m.kind, m.line, m.column, m.inCode])).toEqual([
      ['needs-clarification', 4, 6, false],
      ['todo', 5, 6, true],
      ['todo', 6, 1, false],
      ['todo', 6, 9, false],
      ['template-leftover', 6, 17, false],
      ['todo', 8, 1, true],
      ['todo', 10, 6, true],
      ['todo', 10, 30, false],
    ]);
    expect(markers[0]!.question).toBe('auth?');
  });
});

describe('normalization', () => {
  it('normalizes headings for synonym matching (§9.8)', () => {
    expect(normalizeHeading('2.1. Functional Requirements *(mandatory)*:')).toBe('functional requirements');
    expect(normalizeHeading('📋 Goals & Background Context')).toBe('goals & background context');
    expect(normalizeHeading('功能需求：')).toBe('功能需求');
    expect(canonicalSection('prd', normalizeHeading('Functional Requirements (MVP)'))).toBe('requirements');
    expect(canonicalSection('prd', normalizeHeading('Requirements Traceability'))).toBe('traceability');
    expect(canonicalSection('technical-spec', normalizeHeading('Testing'))).toBe('testing');
    expect(canonicalSection('sprint-change-proposal', normalizeHeading('Section 4: Detailed Change Proposals'))).toBe('changes');
  });

  it('normalizes statuses and types', () => {
    expect(normalizeStatus('**✅ Completed**')).toBe('done');
    expect(normalizeStatus('Approuvé (2026-06-01)')).toBe('approved');
    expect(normalizeStatus('Ready for Development')).toBe('approved');
    expect(normalizeStatus('已批准')).toBe('approved');
    expect(normalizeStatus('nonsense')).toBeUndefined();
    expect(normalizeType('Tech Spec')).toBe('technical-spec');
    expect(normalizeType('course_correction')).toBe('sprint-change-proposal');
    expect(normalizeType('novel')).toBeUndefined();
  });

  it('makes GitHub heading anchors', () => {
    expect(githubSlug('FR-1: Add a task')).toBe('fr-1-add-a-task');
    expect(githubSlug('Epic 1：记账')).toBe('epic-1记账');
  });
});
