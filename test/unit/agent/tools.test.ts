import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ChangeSet } from '../../../src/pipeline/agent/change-set.js';
import { MAX_READ_CHARS, runTool, TOOL_NAMES, toolDefinitions } from '../../../src/pipeline/agent/tools.js';
import { MemoryTree } from './helpers.js';

const policy = { denyPaths: [], maxFileBytes: 100_000, maxTotalBytes: 1_000_000, maxFilesChanged: 10 };

function changeSet(files: Record<string, string> = { 'src/a.py': 'a = 1\n', 'src/b.py': 'b = 2\n', 'tests/test_a.py': 'def test_a():\n    pass\n' }) {
  return new ChangeSet(new MemoryTree(files), policy);
}

describe('tool definitions', () => {
  it('offers the seven tools with JSON schemas the API accepts', () => {
    const defs = toolDefinitions();
    expect(defs.map((d) => d.name)).toEqual(['read_file', 'list_files', 'search', 'write_file', 'edit_file', 'delete_file', 'finish']);
    expect(TOOL_NAMES).toEqual(defs.map((d) => d.name));
    const ajv = new Ajv2020({ strict: false });
    for (const d of defs) {
      expect(d.input_schema.type).toBe('object');
      expect(d.input_schema).not.toHaveProperty('$schema');
      expect(d.description.length).toBeGreaterThan(10);
      expect(() => ajv.compile(d.input_schema)).not.toThrow();
    }
    const write = defs.find((d) => d.name === 'write_file')!.input_schema;
    expect(write['required']).toEqual(['path', 'content']);
    expect(write['additionalProperties']).toBe(false);
    const finish = defs.find((d) => d.name === 'finish')!.input_schema as unknown as { properties: { requirements: { items: { required: string[] } } } };
    expect(finish.properties.requirements.items.required).toEqual(['id', 'files', 'tests']);
  });

  it('is byte-identical from call to call, so it stays in the cached prefix', () => {
    expect(JSON.stringify(toolDefinitions())).toBe(JSON.stringify(toolDefinitions()));
  });
});

describe('runTool with untrusted input', () => {
  it('answers a missing field with an error naming it', async () => {
    const out = await runTool('write_file', { path: 'src/c.py' }, changeSet());
    expect(out.isError).toBe(true);
    expect(out.content).toMatch(/^Invalid input for write_file: content: .*expected string/);
    expect(out.content).toContain('call write_file again');
  });

  it('answers a wrong type with an error naming the field', async () => {
    const out = await runTool('read_file', { path: 'src/a.py', start_line: 'ten' }, changeSet());
    expect(out).toMatchObject({ isError: true });
    expect(out.content).toContain('start_line: Invalid input: expected number, received string');
  });

  it('answers an unknown tool and lists the real ones', async () => {
    const out = await runTool('run_shell', { command: 'rm -rf /' }, changeSet());
    expect(out).toEqual({ isError: true, content: 'Unknown tool "run_shell". The tools are: read_file, list_files, search, write_file, edit_file, delete_file, finish.' });
    expect((await runTool('__proto__', {}, changeSet())).content).toContain('Unknown tool');
    expect((await runTool('toString', {}, changeSet())).content).toContain('Unknown tool');
  });

  it('answers an unknown key and a non-object input', async () => {
    expect((await runTool('delete_file', { path: 'src/a.py', force: true }, changeSet())).content).toContain('Unrecognized key: "force"');
    expect((await runTool('delete_file', 'src/a.py', changeSet())).content).toContain('(input): Invalid input: expected object');
  });

  it('turns guard refusals into error results', async () => {
    const out = await runTool('write_file', { path: '.github/workflows/ci.yml', content: 'on: push' }, changeSet());
    expect(out).toEqual({ isError: true, content: '".github/workflows/ci.yml" is protected: the agent never writes GitHub workflow files.' });
  });
});

describe('tools over the change set', () => {
  it('reads whole files raw, and long files in line ranges', async () => {
    const long = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} ${'x'.repeat(20)}`).join('\n');
    const cs = changeSet({ 'big.txt': long, 'empty.txt': '' });
    expect((await runTool('read_file', { path: 'empty.txt' }, cs)).content).toBe('(empty file)');
    const first = await runTool('read_file', { path: 'big.txt' }, cs);
    expect(first.isError).toBe(false);
    expect(first.content.length).toBeLessThanOrEqual(MAX_READ_CHARS + 200);
    const header = /^\[lines 1-(\d+) of 5000 of big\.txt\. Call read_file with start_line=(\d+) for the rest\.\]\n/.exec(first.content);
    expect(header).not.toBeNull();
    const last = Number(header![1]);
    expect(first.content.endsWith(`line ${last} ${'x'.repeat(20)}`)).toBe(true);
    const range = await runTool('read_file', { path: 'big.txt', start_line: 10, end_line: 11 }, cs);
    expect(range.content).toBe(`[lines 10-11 of 5000 of big.txt.]\nline 10 ${'x'.repeat(20)}\nline 11 ${'x'.repeat(20)}`.replace('.]', '. Call read_file with start_line=12 for the rest.]'));
    expect((await runTool('read_file', { path: 'big.txt', start_line: 6000 }, cs)).isError).toBe(true);
  });

  it('shows the beginning of a single line longer than the read limit and moves on', async () => {
    const cs = changeSet({ 'min.js': `${'y'.repeat(MAX_READ_CHARS * 2)}\nsecond` });
    const out = await runTool('read_file', { path: 'min.js' }, cs);
    expect(out.content.startsWith('[lines 1-1 of 2 of min.js. Call read_file with start_line=2 for the rest.]\nyyy')).toBe(true);
    expect(out.content.length).toBeLessThan(MAX_READ_CHARS + 200);
  });

  it('lists files by directory and glob', async () => {
    const cs = changeSet();
    expect((await runTool('list_files', {}, cs)).content).toBe('src/a.py\nsrc/b.py\ntests/test_a.py');
    expect((await runTool('list_files', { directory: 'src' }, cs)).content).toBe('src/a.py\nsrc/b.py');
    expect((await runTool('list_files', { pattern: '**/test_*.py' }, cs)).content).toBe('tests/test_a.py');
    expect((await runTool('list_files', { directory: '../' }, cs)).isError).toBe(true);
  });

  it('bounds the listing', async () => {
    const files = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`f/${String(i).padStart(4, '0')}.py`, '']));
    const out = await runTool('list_files', {}, changeSet(files));
    expect(out.content.split('\n')).toHaveLength(501);
    expect(out.content).toMatch(/… 200 more not shown/);
  });

  it('searches and reports path:line: text', async () => {
    const out = await runTool('search', { pattern: '^[ab] =' }, changeSet());
    expect(out.content).toBe('src/a.py:1: a = 1\nsrc/b.py:1: b = 2');
    expect((await runTool('search', { pattern: 'zzz' }, changeSet())).content).toBe('No matches in 3 files.');
    expect((await runTool('search', { pattern: '[' }, changeSet())).isError).toBe(true);
  });

  it('writes, edits and deletes, naming the changed path', async () => {
    const cs = changeSet();
    expect(await runTool('write_file', { path: 'src\\c.py', content: 'c = 3\n' }, cs)).toEqual({ isError: false, content: 'Created src/c.py.', changedPath: 'src/c.py' });
    expect(await runTool('edit_file', { path: 'src/a.py', old_string: 'a = 1', new_string: 'a = 10' }, cs)).toEqual({ isError: false, content: 'Edited src/a.py at line 1.', changedPath: 'src/a.py' });
    expect(await runTool('delete_file', { path: 'src/b.py' }, cs)).toEqual({ isError: false, content: 'Deleted src/b.py.', changedPath: 'src/b.py' });
    expect(cs.changes().map((c) => `${c.action} ${c.path}`)).toEqual(['modify src/a.py', 'delete src/b.py', 'create src/c.py']);
  });

  it('accepts finish with a requirement report and refuses a malformed one', async () => {
    const good = await runTool('finish', { summary: 'Done.', requirements: [{ id: 'FR-1', files: ['src/a.py'], tests: ['tests/test_a.py::test_a'] }] }, changeSet());
    expect(good).toEqual({ isError: false, content: 'Finished.', finish: { summary: 'Done.', requirements: [{ id: 'FR-1', files: ['src/a.py'], tests: ['tests/test_a.py::test_a'] }] } });
    const bad = await runTool('finish', { summary: 'Done.', requirements: [{ id: 'FR-1', files: 'src/a.py' }] }, changeSet());
    expect(bad.isError).toBe(true);
    expect(bad.finish).toBeUndefined();
    expect(bad.content).toContain('requirements.0.files');
    expect(bad.content).toContain('requirements.0.tests');
  });
});
