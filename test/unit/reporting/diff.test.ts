import { describe, expect, it } from 'vitest';
import { DiffIndex, parsePatch } from '../../../src/reporting/diff.js';

// A patch as GitHub returns it in `pulls/{n}/files`: two hunks, removals, context.
const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' import sys',
  '-import os',
  '+import os, json',
  '+import re',
  ' ',
  ' def main():',
  '@@ -20,3 +21,4 @@ def main():',
  '     run()',
  '+    print("done")',
  '     return 0',
  ' ',
  '\\ No newline at end of file',
].join('\n');

describe('parsePatch', () => {
  it('finds the RIGHT-side lines of each hunk, with their text and which were added', () => {
    const hunks = parsePatch(PATCH);
    expect(hunks.map((h) => [h.start, h.end])).toEqual([
      [1, 5],
      [21, 24],
    ]);
    expect([...hunks[0]!.added]).toEqual([2, 3]);
    expect(hunks[0]!.text.get(2)).toBe('import os, json');
    expect(hunks[0]!.text.get(4)).toBe('');
    expect(hunks[1]!.text.get(22)).toBe('    print("done")');
  });

  it('handles CRLF patches, deletion-only hunks and garbage without throwing', () => {
    expect(parsePatch('@@ -1,2 +1,2 @@\r\n-a\r\n+b\r\n c\r\n')[0]!.text.get(1)).toBe('b');
    expect(parsePatch('@@ -5,2 +4,0 @@\n-gone\n-also gone')).toEqual([]);
    expect(parsePatch('not a patch\n+++ nothing')).toEqual([]);
    expect(parsePatch('@@ -1 +1 @@\n+x')[0]).toMatchObject({ start: 1, end: 1 });
  });
});

describe('DiffIndex', () => {
  const index = new DiffIndex([
    { filename: 'src/app.py', status: 'modified', patch: PATCH },
    { filename: 'src/new_name.py', status: 'renamed', previous_filename: 'src/old_name.py', patch: '@@ -1,1 +1,2 @@\n x = 1\n+y = 2' },
    { filename: 'src/moved.py', status: 'renamed', previous_filename: 'src/was.py' },
    { filename: 'assets/logo.png', status: 'added' },
    { filename: 'src/removed.py', status: 'removed', patch: '@@ -1,1 +0,0 @@\n-x' },
    { filename: 'src/huge.py', status: 'modified', patch: null },
  ]);

  it('answers which single lines and ranges can take a comment', () => {
    expect(index.isCommentable('src/app.py', 3)).toBe(true);
    expect(index.isCommentable('src/app.py', 6)).toBe(false);
    expect(index.isCommentable('src/app.py', 22)).toBe(true);
    expect(index.hunkFor('src/app.py', 2, 4)).toBeDefined();
    // start..line across two hunks is refused by GitHub.
    expect(index.hunkFor('src/app.py', 4, 22)).toBeUndefined();
    expect(index.lineText('src/app.py', 22)).toBe('    print("done")');
  });

  it('uses the new name of a renamed file and no lines for binary, removed, too-large or pure renames', () => {
    expect(index.isCommentable('src/new_name.py', 2)).toBe(true);
    expect(index.isCommentable('src/old_name.py', 2)).toBe(false);
    expect(index.files.get('src/new_name.py')?.previousPath).toBe('src/old_name.py');
    for (const path of ['src/moved.py', 'assets/logo.png', 'src/removed.py', 'src/huge.py']) {
      expect(index.isCommentable(path, 1)).toBe(false);
    }
    expect(index.files.get('src/huge.py')?.noPatch).toBe(true);
    expect(index.isCommentable('not/in/pr.py', 1)).toBe(false);
    expect(index.commentableLines).toBe(5 + 4 + 2);
  });
});
