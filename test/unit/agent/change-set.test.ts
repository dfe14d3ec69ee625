import { describe, expect, it } from 'vitest';
import { ChangeSet } from '../../../src/pipeline/agent/change-set.js';
import { WorkspaceError, type WritePolicy } from '../../../src/pipeline/agent/guards.js';
import { MemoryTree } from './helpers.js';

const policy: WritePolicy = { denyPaths: ['docs/**'], maxFileBytes: 1000, maxTotalBytes: 1500, maxFilesChanged: 3 };

function tree() {
  return new MemoryTree({
    'app/main.py': 'import os\n\n\ndef main() -> None:\n    print("hi")\n',
    'app/util.py': 'x = 1\nx = 1\n',
    'app/win.py': 'def a():\r\n    return 1\r\n',
    'assets/logo.png': { binary: 2048 },
    'data/huge.csv': { tooLarge: 50_000_000 },
    'docs/spec.md': '# Spec\n',
    'link/secret': { escape: true },
  });
}

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

describe('ChangeSet', () => {
  it('reads through the overlay: written content, then base; deleted files are gone', async () => {
    const cs = new ChangeSet(tree(), policy);
    expect(await cs.read('app/main.py')).toContain('def main');
    expect(await cs.write('app/new.py', 'y = 2\n')).toBe('create');
    expect(await cs.read('./app\\new.py')).toBe('y = 2\n');
    await cs.delete('app/util.py');
    expect((await refusal(cs.read('app/util.py'))).code).toBe('not-found');
    expect(await cs.listFiles()).toEqual(['app/main.py', 'app/new.py', 'app/win.py', 'assets/logo.png', 'data/huge.csv', 'docs/spec.md', 'link/secret']);
    expect(cs.changes()).toEqual([
      { path: 'app/new.py', action: 'create', content: 'y = 2\n', bytes: 6 },
      { path: 'app/util.py', action: 'delete' },
    ]);
  });

  it('says what a missing file might have been', async () => {
    const error = await refusal(new ChangeSet(tree(), policy).read('main.py'));
    expect(error.message).toBe('"main.py" does not exist. Did you mean "app/main.py"?');
  });

  it('treats writing the base content back as no change', async () => {
    const cs = new ChangeSet(tree(), policy);
    await cs.write('app/util.py', 'changed\n');
    expect(await cs.write('app/util.py', 'x = 1\nx = 1\n')).toBe('unchanged');
    expect(cs.changes()).toEqual([]);
  });

  it('edits exactly one occurrence and reports its line', async () => {
    const cs = new ChangeSet(tree(), policy);
    expect(await cs.edit('app/main.py', 'print("hi")', 'print("hello")')).toBe(5);
    expect(await cs.read('app/main.py')).toContain('print("hello")');
    expect(cs.changes()[0]).toMatchObject({ path: 'app/main.py', action: 'modify' });
  });

  it('refuses an edit whose text is missing, ambiguous or empty, with what to do', async () => {
    const cs = new ChangeSet(tree(), policy);
    const missing = await refusal(cs.edit('app/main.py', 'print( "hi")', 'x'));
    expect(missing.code).toBe('no-match');
    expect(missing.message).toContain('must match the file exactly');
    const twice = await refusal(cs.edit('app/util.py', 'x = 1', 'x = 2'));
    expect(twice.code).toBe('ambiguous-match');
    expect(twice.message).toContain('occurs 2 times');
    expect((await refusal(cs.edit('app/main.py', '', 'x'))).code).toBe('no-match');
    expect(cs.changes()).toEqual([]);
  });

  it('matches LF text against a CRLF file and keeps CRLF', async () => {
    const cs = new ChangeSet(tree(), policy);
    await cs.edit('app/win.py', 'def a():\n    return 1', 'def a():\n    return 2');
    expect(await cs.read('app/win.py')).toBe('def a():\r\n    return 2\r\n');
  });

  it('refuses protected, denied and escaping paths for every write operation', async () => {
    const cs = new ChangeSet(tree(), policy);
    expect((await refusal(cs.write('.git/config', '[core]\n'))).code).toBe('protected');
    expect((await refusal(cs.write('.github/workflows/ci.yml', 'on: push\n'))).code).toBe('protected');
    expect((await refusal(cs.edit('docs/spec.md', '# Spec', '# Mine'))).code).toBe('denied');
    expect((await refusal(cs.delete('docs/spec.md'))).code).toBe('denied');
    expect((await refusal(cs.write('../outside.py', 'x'))).code).toBe('outside-root');
    expect((await refusal(cs.write('link/secret', 'x'))).code).toBe('outside-root');
    expect((await refusal(cs.read('link/secret'))).code).toBe('outside-root');
    expect(cs.changes()).toEqual([]);
  });

  it('refuses to read or overwrite binary and too-large files', async () => {
    const cs = new ChangeSet(tree(), policy);
    expect((await refusal(cs.read('assets/logo.png'))).message).toContain('binary file (2048 bytes)');
    expect((await refusal(cs.write('assets/logo.png', 'svg?'))).code).toBe('binary');
    expect((await refusal(cs.read('data/huge.csv'))).code).toBe('file-too-large');
    expect((await refusal(cs.write('app/blob.bin', '\u0000\u0001'))).code).toBe('binary');
  });

  it('enforces the per-file, total and file-count limits', async () => {
    const cs = new ChangeSet(tree(), policy);
    expect((await refusal(cs.write('big.py', 'x'.repeat(1001)))).code).toBe('file-too-large');
    await cs.write('a.py', 'a'.repeat(900));
    const total = await refusal(cs.write('b.py', 'b'.repeat(700)));
    expect(total.code).toBe('total-too-large');
    expect(total.message).toContain('agent.limits.maxTotalBytes');
    await cs.write('a.py', 'a'.repeat(100)); // rewriting a file frees its old bytes
    await cs.write('b.py', 'b'.repeat(700));
    await cs.delete('app/util.py');
    const many = await refusal(cs.write('c.py', 'c'));
    expect(many.code).toBe('too-many-files');
    expect(many.message).toContain('agent.limits.maxFilesChanged');
    await cs.write('b.py', 'b2'); // a file already in the set does not count twice
    expect(cs.changes().map((c) => c.path)).toEqual(['a.py', 'app/util.py', 'b.py']);
  });

  it('deleting a file it created leaves nothing to apply', async () => {
    const cs = new ChangeSet(tree(), policy);
    await cs.write('tmp.py', 'x\n');
    await cs.delete('tmp.py');
    expect(cs.changes()).toEqual([]);
    expect((await refusal(cs.delete('tmp.py'))).code).toBe('not-found');
  });

  it('searches lines by regex over the current view, bounded', async () => {
    const cs = new ChangeSet(tree(), policy);
    await cs.write('app/extra.py', 'def main_helper():\n    pass\n');
    const result = await cs.search('def \\w+', { maxResults: 10 });
    expect(result.matches).toEqual([
      { path: 'app/extra.py', line: 1, text: 'def main_helper():' },
      { path: 'app/main.py', line: 4, text: 'def main() -> None:' },
      { path: 'app/win.py', line: 1, text: 'def a():' },
    ]);
    expect(result.truncated).toBe(false);
    const bounded = await cs.search('.', { maxResults: 2 });
    expect(bounded.matches).toHaveLength(2);
    expect(bounded.truncated).toBe(true);
    const scoped = await cs.search('X = 1', { glob: 'app/u*.py', caseInsensitive: true, maxResults: 10 });
    expect(scoped.matches.map((m) => m.line)).toEqual([1, 2]);
    expect((await refusal(cs.search('(unclosed', { maxResults: 5 }))).code).toBe('invalid-pattern');
  });

  it('reads each base file once', async () => {
    const base = tree();
    const cs = new ChangeSet(base, policy);
    await cs.read('app/main.py');
    await cs.read('app/main.py');
    await cs.search('main', { maxResults: 5 });
    expect(base.reads.filter((p) => p === 'app/main.py')).toHaveLength(1);
  });

  it('runs patterns that backtrack exponentially in JavaScript in linear time, and says what RE2 lacks', async () => {
    const cs = new ChangeSet(new MemoryTree({ 'a.txt': `${'a'.repeat(1900)}!` }), policy);
    expect((await cs.search('(a+)+$', { maxResults: 5 })).matches).toHaveLength(0);
    expect((await cs.search('(a+)+!$', { maxResults: 5 })).matches).toHaveLength(1);
    const error = await refusal(cs.search('a(?=!)', { maxResults: 5 }));
    expect(error.code).toBe('invalid-pattern');
    expect(error.message).toContain('Lookahead and lookbehind are not supported');
  });
});
