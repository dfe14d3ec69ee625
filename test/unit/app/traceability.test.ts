import { describe, expect, it } from 'vitest';
import { canonicalRequirementId, citationsIn, traceabilityOf } from '../../../src/app/traceability.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';

describe('traceability', () => {
  it('treats FR-001, FR1 and fr-1 as one requirement', () => {
    expect(canonicalRequirementId('FR-001')).toBe('FR:1');
    expect(canonicalRequirementId('fr1')).toBe('FR:1');
    expect(canonicalRequirementId('NFR-2')).toBe('NFR:2');
    expect(canonicalRequirementId('DOC-REQ-3')).toBe('DOC-REQ:3');
  });

  it('attributes markers to the test below them, classes included', () => {
    const text = [
      'import pytest',
      '',
      '@pytest.mark.req("FR-1")',
      '@pytest.mark.req("FR-2", "FR-3")',
      'def test_add() -> None:',
      '    pass',
      '',
      'def test_unmarked() -> None:',
      '    pass',
      '',
      '@pytest.mark.req("FR-7")',
      'class TestExport:',
      '    @pytest.mark.req("FR-8")',
      '    def test_csv(self) -> None:',
      '        pass',
      '',
      'async def test_after_class() -> None:',
      '    pass',
    ].join('\n');
    const found = citationsIn('tests/test_x.py', text, { marker: 'req', patterns: [] });
    expect([...found.entries()].map(([k, v]) => [k, [...v].sort()])).toEqual([
      ['tests/test_x.py::test_add', ['FR-1', 'FR-2', 'FR-3']],
      ['tests/test_x.py::TestExport::test_csv', ['FR-7', 'FR-8']],
    ]);
  });

  it('builds rows for every requirement, uncovered ones included', async () => {
    const files = new Map([
      ['tests/test_export.py', '@pytest.mark.req("FR-007")\ndef test_export_csv():\n    pass\n'],
      ['src/app.py', '@pytest.mark.req("FR-8")\ndef test_not_a_test_file():\n    pass\n'],
    ]);
    const rows = await traceabilityOf(
      [
        { id: 'FR-7', text: 'Export CSV' },
        { id: 'FR-8', text: 'Import' },
      ],
      { listFiles: async () => [...files.keys()], readText: async (p) => files.get(p) },
      defaultConfig().traceability,
    );
    expect(rows).toEqual([
      { id: 'FR-7', text: 'Export CSV', tests: ['tests/test_export.py::test_export_csv'] },
      { id: 'FR-8', text: 'Import', tests: [] },
    ]);
  });
});
