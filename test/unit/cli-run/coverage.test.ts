import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coverageOf, requirementsOf, scanCoverage } from '../../../src/cli/run/coverage.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import type { Citation } from '../../../src/pipeline/traceability/index.js';
import { buildSpec, requirement } from '../agent/helpers.js';
import { removeDir } from './support.js';

const TEST_FILE = `import pytest
from pytest import mark


@pytest.mark.req("FR-7")
def test_export(tmp_path) -> None:
    pass


@pytest.mark.req("FR-1", 'NFR-2')
@pytest.mark.parametrize("x", [1, 2])
# a comment between decorators
async def test_two(x: int) -> None:
    pass


@mark.req("FR-007")
class TestExport:
    def test_in_class(self) -> None:
        pass


@pytest.mark.requirement("FR-9")
def test_other_marker() -> None:
    pass

@pytest.mark.req()
def test_no_id() -> None:
    pass


def test_fr_2_named_after_its_requirement() -> None:
    assert "FR-3" != ""  # the id in test data is no citation
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'coverage-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function citation(id: string, canonicalId: string, path: string, line: number, test?: string): Citation {
  return { id, canonicalId, path, line, via: 'marker', ...(test ? { test } : {}) };
}

describe('scanCoverage (the traceability module over the checkout)', () => {
  const spec = buildSpec({ requirements: [requirement('FR-1', 'one'), requirement('FR-2', 'two'), requirement('FR-7', 'seven'), requirement('FR-9', 'nine')] });

  it('finds every test that cites a requirement, however it cites it, in the traceability.tests files', async () => {
    const dir = project({ 'tests/test_x.py': TEST_FILE, 'tests/test_y.py': '# FR-9 is covered by a comment above the test\ndef test_y() -> None:\n    pass\n' });
    const coverage = await scanCoverage(dir, spec, { traceability: defaultConfig().traceability, changedFiles: ['tests/test_y.py'] });
    const tests = Object.fromEntries(coverage.requirements.map((r) => [r.id, r.tests.map((t) => `${t.path}:${t.line} ${t.test ?? '-'}${t.changed ? ' (changed)' : ''}`)]));
    expect(tests).toEqual({
      'FR-1': ['tests/test_x.py:10 test_two'],
      // By name: the shared module reads test names too (the run's own scan read markers only).
      'FR-2': ['tests/test_x.py:32 test_fr_2_named_after_its_requirement'],
      // FR-007 is FR-7; the marker above the class belongs to the class.
      'FR-7': ['tests/test_x.py:5 test_export', 'tests/test_x.py:17 TestExport'],
      // A marker of another name is no citation; a comment just above the test is.
      'FR-9': ['tests/test_y.py:1 test_y (changed)'],
    });
    expect(coverage.scannedFiles).toBe(2);
    // NFR-2 is cited in a file the run did not change: not listed as another spec's.
    expect(coverage.otherCitations).toEqual([]);
  });

  it('uses the configured marker name and patterns', async () => {
    const dir = project({ 'tests/test_x.py': TEST_FILE, 'tests/test_z.py': 'def test_z() -> None:\n    ticket = "JIRA:FR-2"\n' });
    const config = { ...defaultConfig().traceability, marker: 'requirement', patterns: ['JIRA:(FR-\\d+)'] };
    const coverage = await scanCoverage(dir, spec, { traceability: config, changedFiles: [] });
    const ids = (id: string) => coverage.requirements.find((r) => r.id === id)!.tests.map((t) => t.test);
    expect(ids('FR-9')).toEqual(['test_other_marker']);
    expect(ids('FR-7')).toEqual([]);
    expect(ids('FR-2')).toEqual(['test_fr_2_named_after_its_requirement', 'test_z']);
  });

  it('reads only test files: a marker in a code file the run changed is not a test', async () => {
    // The run's own scan also read every changed .py file; the shared module counts only traceability.tests files as tests.
    const dir = project({ 'tasklet/export.py': '@pytest.mark.req("FR-1")\ndef test_hidden() -> None:\n    pass\n' });
    const coverage = await scanCoverage(dir, spec, { traceability: defaultConfig().traceability, changedFiles: ['tasklet/export.py'] });
    expect(coverage.requirements.every((r) => r.tests.length === 0)).toBe(true);
    expect(coverage.scannedFiles).toBe(0);
  });
});

describe('requirementsOf', () => {
  it('takes a change proposal’s added and modified ids, with their text when the spec has it', () => {
    const spec = buildSpec({
      type: 'sprint-change-proposal',
      requirements: [requirement('FR-7', 'Export CSV')],
      changeSet: { targets: [], edits: [], added: ['FR-7'], modified: ['FR-2', 'FR-007'], removed: ['FR-3'] },
    });
    // FR-007 is FR-7 on the spec pipeline's canonical keys.
    expect(requirementsOf(spec)).toEqual([{ id: 'FR-7', text: 'Export CSV' }, { id: 'FR-2' }]);
  });

  it('takes every requirement of other documents', () => {
    expect(requirementsOf(buildSpec()).map((r) => r.id)).toEqual(['FR-1', 'FR-2']);
  });
});

describe('coverageOf', () => {
  it('matches citations on canonical keys, marks changed files, lists ids cited in changed files that the spec does not list', () => {
    const citations = [
      citation('FR-001', 'FR:1', 'tests/test_a.py', 3, 'test_a'),
      citation('FR-9', 'FR:9', 'tests/test_new.py', 8, 'test_new'),
      citation('FR-8', 'FR:8', 'tests/test_old.py', 2),
      citation('2.3', '2.3', 'tests/test_kiro.py', 5, 'test_kiro'),
    ];
    const coverage = coverageOf([{ id: 'FR-1' }, { id: 'FR-2', text: 't' }, { id: 'Requirement 2' }], citations, new Set(['tests/test_new.py', 'tests/test_a.py', 'tests/test_kiro.py']), 4);
    expect(coverage).toEqual({
      requirements: [
        { id: 'FR-1', tests: [{ path: 'tests/test_a.py', line: 3, test: 'test_a', changed: true }] },
        { id: 'FR-2', text: 't', tests: [] },
        // A Kiro acceptance criterion 2.3 covers Requirement 2 (REQ:2), as in the Spec health report.
        { id: 'Requirement 2', tests: [{ path: 'tests/test_kiro.py', line: 5, test: 'test_kiro', changed: true }] },
      ],
      otherCitations: ['FR-9'],
      scannedFiles: 4,
    });
  });
});
