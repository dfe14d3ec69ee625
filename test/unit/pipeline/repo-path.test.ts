import { describe, expect, it } from 'vitest';
import { inRepository, normalizePrefix, normalizeRelative, pathWithin, toRepoPath } from '../../../src/pipeline/repo-path.js';

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

describe('pathWithin', () => {
  it('is the path of a folder or file inside a directory, empty for the directory itself', () => {
    expect(pathWithin('/ws', '/ws')).toBe('');
    expect(pathWithin('/ws/', '/ws')).toBe('');
    expect(pathWithin('/ws', '/ws/apps/desk')).toBe('apps/desk');
    expect(pathWithin('C:\\ws', 'c:\\WS\\apps\\desk')).toBe('apps/desk');
    expect(pathWithin('C:\\ws', 'C:\\ws')).toBe('');
  });

  it('is undefined outside the directory', () => {
    expect(pathWithin('/ws', '/elsewhere')).toBeUndefined();
    expect(pathWithin('/ws', '/ws2/a')).toBeUndefined();
    expect(pathWithin('/ws', '/ws/../a')).toBeUndefined();
    expect(pathWithin('C:\\ws', 'D:\\ws\\a')).toBeUndefined();
    expect(pathWithin('/Ws', '/ws/a')).toBeUndefined();
  });
});

describe('inRepository', () => {
  it('puts the prefix before a project-relative path, and leaves the root, no path and absolute paths alone', () => {
    expect(inRepository('app', 'docs/prd.md')).toBe('app/docs/prd.md');
    expect(inRepository('', 'docs/prd.md')).toBe('docs/prd.md');
    expect(inRepository('app', '')).toBe('');
    expect(inRepository('app', '/etc/config.yml')).toBe('/etc/config.yml');
    expect(inRepository('app', 'C:/cfg/a.yml')).toBe('C:/cfg/a.yml');
    expect(inRepository('app', 'C:\\cfg\\a.yml')).toBe('C:\\cfg\\a.yml');
  });

  it('takes a prefix normalized by normalizePrefix', () => {
    expect(normalizePrefix('./apps/shop/')).toBe('apps/shop');
    expect(normalizePrefix('.')).toBe('');
    expect(normalizePrefix(undefined)).toBe('');
    expect(normalizePrefix('apps\\shop')).toBe('apps/shop');
  });
});
