import { describe, expect, it } from 'vitest';
import { normalizeRelative, toRepoPath } from '../../../src/pipeline/repo-path.js';

describe('toRepoPath', () => {
  it('makes POSIX absolute and relative paths repo-relative', () => {
    expect(toRepoPath('/work/repo/pkg/mod.py', '/work/repo')).toBe('pkg/mod.py');
    expect(toRepoPath('pkg/mod.py', '/work/repo')).toBe('pkg/mod.py');
    expect(toRepoPath('./pkg//mod.py', '/work/repo')).toBe('pkg/mod.py');
    expect(toRepoPath('mod.py', '/work/repo', '/work/repo/pkg')).toBe('pkg/mod.py');
  });

  it('handles Windows paths with either drive-letter case and separator', () => {
    expect(toRepoPath('C:\\work\\repo\\pkg\\mod.py', 'c:\\work\\repo')).toBe('pkg/mod.py');
    expect(toRepoPath('c:/work/repo/pkg/mod.py', 'C:\\work\\repo\\')).toBe('pkg/mod.py');
    expect(toRepoPath('pkg\\sub\\mod.py', 'D:\\a\\repo')).toBe('pkg/sub/mod.py');
    // NTFS is case-insensitive: a tool may print another case than the checkout path.
    expect(toRepoPath('C:\\Work\\Repo\\x.py', 'C:\\work\\repo')).toBe('x.py');
  });

  it('refuses paths outside the root', () => {
    expect(toRepoPath('/work/other/x.py', '/work/repo')).toBeUndefined();
    expect(toRepoPath('../x.py', '/work/repo')).toBeUndefined();
    expect(toRepoPath('D:\\repo\\x.py', 'C:\\repo')).toBeUndefined();
    expect(toRepoPath('/work/repository/x.py', '/work/repo')).toBeUndefined();
    expect(toRepoPath('/work/repo', '/work/repo')).toBeUndefined();
    expect(toRepoPath('', '/work/repo')).toBeUndefined();
  });

  it('keeps POSIX paths case-sensitive', () => {
    expect(toRepoPath('/Work/repo/x.py', '/work/repo')).toBeUndefined();
  });
});

describe('normalizeRelative', () => {
  it('strips ./, leading slashes and backslashes', () => {
    expect(normalizeRelative('./docs\\prd.md')).toBe('docs/prd.md');
    expect(normalizeRelative('/docs//a/../prd.md')).toBe('docs/prd.md');
  });
});
