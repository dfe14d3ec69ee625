import { describe, expect, it } from 'vitest';
import { MAX_TEST_FILE_BYTES, MAX_TEST_FILES, traceabilityOf } from '../../../src/app/traceability.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import type { SpecSource } from '../../../src/pipeline/spec/source.js';
import { buildSpec, requirement } from '../agent/helpers.js';

/** A tree of text files, counting reads. */
function source(files: Record<string, string>): SpecSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    list: async () => Object.keys(files),
    read: async (path) => {
      reads.push(path);
      const text = files[path];
      if (text === undefined) throw new Error(`no ${path}`);
      return new TextEncoder().encode(text);
    },
  };
}

const spec = buildSpec({ requirements: [requirement('FR-1', 'Add'), requirement('FR-2', 'Remove'), requirement('FR-7', 'Export CSV'), requirement('FR-8', 'Import')] });

describe('traceabilityOf (the traceability module over a branch)', () => {
  it('attributes citations to the tests they belong to, classes included, on canonical ids', async () => {
    const text = [
      'import pytest',
      '',
      '@pytest.mark.req("FR-001")',
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
      'async def test_fr_8_after_class() -> None:',
      '    pass',
    ].join('\n');
    const rows = await traceabilityOf(spec, source({ 'tests/test_x.py': text }), defaultConfig().traceability);
    expect(rows).toEqual([
      { id: 'FR-1', text: 'Add', tests: ['tests/test_x.py::test_add'] },
      { id: 'FR-2', text: 'Remove', tests: ['tests/test_x.py::test_add'] },
      { id: 'FR-7', text: 'Export CSV', tests: ['tests/test_x.py::TestExport'] },
      // A marker on the method, and a test named after the requirement (the app's own scan read markers only).
      { id: 'FR-8', text: 'Import', tests: ['tests/test_x.py::TestExport::test_csv', 'tests/test_x.py::test_fr_8_after_class'] },
    ]);
  });

  it('builds a row for every requirement, uncovered ones included, and reads test files only', async () => {
    const files = source({
      'tests/test_export.py': '@pytest.mark.req("FR-007")\ndef test_export_csv():\n    pass\n',
      'src/app.py': '@pytest.mark.req("FR-8")\ndef test_not_a_test_file():\n    pass\n',
    });
    const rows = await traceabilityOf(spec, files, defaultConfig().traceability);
    expect(rows.map((r) => [r.id, r.tests])).toEqual([
      ['FR-1', []],
      ['FR-2', []],
      ['FR-7', ['tests/test_export.py::test_export_csv']],
      ['FR-8', []],
    ]);
    expect(files.reads).toEqual(['tests/test_export.py']);
  });

  it('reads at most MAX_TEST_FILES files and skips larger ones', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_TEST_FILES + 20; i++) many[`tests/test_${String(i).padStart(4, '0')}.py`] = '@pytest.mark.req("FR-1")\ndef test_x():\n    pass\n';
    many['tests/test_0000.py'] = `@pytest.mark.req("FR-2")\ndef test_big():\n    pass\n${'#'.repeat(MAX_TEST_FILE_BYTES)}\n`;
    const files = source(many);
    const rows = await traceabilityOf(spec, files, defaultConfig().traceability);
    expect(files.reads).toHaveLength(MAX_TEST_FILES);
    expect(rows.find((r) => r.id === 'FR-1')!.tests).toHaveLength(MAX_TEST_FILES - 1);
    expect(rows.find((r) => r.id === 'FR-2')!.tests).toEqual([]);
  });
});
