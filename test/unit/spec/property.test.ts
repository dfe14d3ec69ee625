/**
 * Property-based: random Markdown built from spec-shaped tokens, and random bytes, go
 * through parseSpec and validateRepository. Whatever the input: no exception, and every
 * diagnostic is well formed (registered rule, valid severity, its own path, 1-based
 * line inside the file, column ≥ 1, a fingerprint).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/pipeline/diagnostic.js';
import { parseSpec, RULES, validateRepository } from '../../../src/pipeline/spec/index.js';
import { bytes, memorySource, specsConfig } from './helpers.js';

const config = specsConfig();

/** An upper bound of the file's line count, independent of the decoder: every LF or CR may end a line. */
function maxLines(data: Uint8Array): number {
  let n = 1;
  for (const b of data) if (b === 0x0a || b === 0x0d) n += 1;
  return n;
}

function checkDiagnostic(d: Diagnostic, path: string, lineLimit: number): void {
  expect(d.rule in RULES, `unregistered rule ${d.rule}`).toBe(true);
  expect(['error', 'warning', 'info']).toContain(d.severity);
  expect(d.source).toBe('spec');
  expect(d.path).toBe(path);
  expect(Number.isInteger(d.range.start.line)).toBe(true);
  expect(d.range.start.line).toBeGreaterThanOrEqual(1);
  expect(d.range.start.line).toBeLessThanOrEqual(lineLimit);
  if (d.range.start.column !== undefined) expect(d.range.start.column).toBeGreaterThanOrEqual(1);
  if (d.range.end) expect(d.range.end.line).toBeGreaterThanOrEqual(d.range.start.line);
  expect(d.message.length).toBeGreaterThan(0);
  expect(typeof d.fingerprint).toBe('string');
  expect(d.fingerprint.length).toBeGreaterThan(0);
}

const TOKENS = [
  '---', 'type: prd', 'type: functional-spec', 'type: technical-spec', 'type: sprint-change-proposal', 'status: approved', 'id: PRD-1', 'title: "x: y"', ': bad: yaml',
  '# Title', '## Requirements', '## Functional Requirements', '### FR-1: Add', '### Requirement 1', '#### Acceptance Criteria', '## Epic 1: E', '### Story 1.1: S',
  '**Story 1.2: Bold**', '**Acceptance Criteria:**', '## Tasks', '## Issue Summary', '## Proposed Changes', '**OLD:**', '**NEW:**', '## 功能需求', '## 受け入れ基準',
  '- FR-1: one', '- FR1: two', '- **FR-001**: System MUST', '1. FR-2: x', '- NFR-1: y', '| FR-3 | table |', '|---|---|', '| a | b |',
  '- [ ] T001 [P] [US1] task in `src/a.py` (FR-1) (depends on T002)', '- [x] 1.1 Kiro task', '- [ ]* 2. optional', '- [!] action', '- [N/A] skip',
  '1. WHEN a, THE app SHALL b', '2. WHEN x THEN y', 'Given a When b Then c', '**Given** x', '**When** y', '**Then** z', '1.1 WHEN k THEN the system SHALL v',
  'As a user, I want x, so that y', '作为用户，我希望记账，以便核对', '[NEEDS CLARIFICATION: why?]', 'TODO', '{{project_name}}', '$ARGUMENTS', '<!-- TODO -->',
  '```', '```mermaid', '~~~', '    indented code', '> quote', '>>>> deep', '- a', '  - b', '    - c', '* * *', '***bold*', '[link](./x.md#y)', '[Source: docs/a.md#b]',
  '\t- tab', '\u00a0', '\u200b', '\ufeff', '\r', '\r\n', '', '', '',
];

const markdown = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join('\n'));

describe('parseSpec on random input', () => {
  it('never throws and emits well-formed diagnostics (spec-shaped Markdown)', () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom('docs/prd.md', 'specs/001-x/tasks.md', '.kiro/specs/a/requirements.md', 'docs/notes.md'), (text, path) => {
        const data = bytes(text);
        const spec = parseSpec(path, data, config);
        const limit = maxLines(data);
        for (const d of spec.diagnostics) checkDiagnostic(d, path, limit);
        for (const item of [...spec.requirements, ...spec.acceptanceCriteria, ...spec.tasks, ...spec.markers]) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.line).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and emits well-formed diagnostics (random bytes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        const spec = parseSpec('docs/random.md', data, config);
        for (const d of spec.diagnostics) checkDiagnostic(d, 'docs/random.md', maxLines(data));
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateRepository on random repositories', () => {
  it('never throws; every diagnostic is well formed and about a file of the repository', async () => {
    const files = fc.dictionary(
      fc.constantFrom('docs/prd.md', 'docs/functional-spec.md', 'docs/technical-spec.md', 'docs/sprint-change-proposal.md', 'docs/tasks.md', 'specs/001-a/spec.md', 'specs/001-a/plan.md', 'specs/001-a/tasks.md', 'docs/prd/index.md', 'docs/prd/requirements.md'),
      fc.oneof(markdown, fc.uint8Array({ maxLength: 300 })),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(files, async (repo) => {
        const result = await validateRepository(memorySource(repo), config);
        for (const d of result.diagnostics) {
          const content = repo[d.path];
          expect(content, `diagnostic about unknown file ${d.path}`).toBeDefined();
          const data = typeof content === 'string' ? bytes(content) : content!;
          checkDiagnostic(d, d.path, maxLines(data));
        }
      }),
      { numRuns: 150 },
    );
  });
});
