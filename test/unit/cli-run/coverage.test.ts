import { describe, expect, it } from 'vitest';
import { canonicalRequirementId, coverageOf, findCitations, requirementsOf } from '../../../src/cli/run/coverage.js';
import { buildSpec, requirement } from '../agent/helpers.js';

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
`;

describe('findCitations', () => {
  it('finds every id of every marker with the test it decorates and its line', () => {
    expect(findCitations('tests/test_x.py', TEST_FILE, 'req')).toEqual([
      { id: 'FR-7', path: 'tests/test_x.py', line: 5, test: 'test_export' },
      { id: 'FR-1', path: 'tests/test_x.py', line: 10, test: 'test_two' },
      { id: 'NFR-2', path: 'tests/test_x.py', line: 10, test: 'test_two' },
      { id: 'FR-007', path: 'tests/test_x.py', line: 17, test: 'TestExport' },
    ]);
  });

  it('uses the configured marker name', () => {
    expect(findCitations('t.py', TEST_FILE, 'requirement').map((c) => c.id)).toEqual(['FR-9']);
    expect(findCitations('t.py', TEST_FILE, 're.q')).toEqual([]);
  });

  it('handles CRLF and a marker with no def after it', () => {
    expect(findCitations('t.py', '@pytest.mark.req("FR-1")\r\nx = 1\r\n', 'req')).toEqual([{ id: 'FR-1', path: 't.py', line: 1 }]);
  });
});

describe('canonicalRequirementId', () => {
  it.each([
    ['FR-7', 'FR:7'],
    ['fr7', 'FR:7'],
    ['FR-007', 'FR:7'],
    ['FR_10', 'FR:10'],
    ['NFR-1', 'NFR:1'],
    ['Requirement 2', 'REQUIREMENT:2'],
    ['US-A', 'US-A'],
  ])('%s → %s', (id, canonical) => expect(canonicalRequirementId(id)).toBe(canonical));
});

describe('requirementsOf', () => {
  it('takes a change proposal’s added and modified ids, with their text when the spec has it', () => {
    const spec = buildSpec({
      type: 'sprint-change-proposal',
      requirements: [requirement('FR-7', 'Export CSV')],
      changeSet: { targets: [], edits: [], added: ['FR-7'], modified: ['FR-2', 'FR-7'], removed: ['FR-3'] },
    });
    expect(requirementsOf(spec)).toEqual([{ id: 'FR-7', text: 'Export CSV' }, { id: 'FR-2' }]);
  });

  it('takes every requirement of other documents', () => {
    expect(requirementsOf(buildSpec()).map((r) => r.id)).toEqual(['FR-1', 'FR-2']);
  });
});

describe('coverageOf', () => {
  it('matches citations by canonical id, marks changed files, lists uncovered and foreign ids', () => {
    const citations = [
      { id: 'FR-001', path: 'tests/test_a.py', line: 3, test: 'test_a' },
      { id: 'FR-9', path: 'tests/test_new.py', line: 8, test: 'test_new' },
      { id: 'FR-8', path: 'tests/test_old.py', line: 2 },
    ];
    const coverage = coverageOf([{ id: 'FR-1' }, { id: 'FR-2', text: 't' }], citations, new Set(['tests/test_new.py', 'tests/test_a.py']), 3);
    expect(coverage).toEqual({
      requirements: [
        { id: 'FR-1', tests: [{ path: 'tests/test_a.py', line: 3, test: 'test_a', changed: true }] },
        { id: 'FR-2', text: 't', tests: [] },
      ],
      otherCitations: ['FR-9'],
      scannedFiles: 3,
    });
  });
});
