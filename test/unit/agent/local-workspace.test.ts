// The local file-system adapter against real directories: git listing, symlinks, binary
// detection, and applying a change set.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChangeSet } from '../../../src/adapters/workspace/apply-change-set.js';
import { LocalTree } from '../../../src/adapters/workspace/local-tree.js';
import { classifyBytes } from '../../../src/pipeline/agent/workspace-port.js';
import { ChangeSet, type FileChange } from '../../../src/pipeline/agent/change-set.js';
import { WorkspaceError, type WritePolicy } from '../../../src/pipeline/agent/guards.js';

const policy: WritePolicy = { denyPaths: ['secrets/**'], maxFileBytes: 1000, maxTotalBytes: 2000, maxFilesChanged: 4 };

let dir: string;
let root: string;
let outside: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-ws-'));
  root = join(dir, 'repo');
  outside = join(dir, 'outside');
  await mkdir(join(root, 'src'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'passwd'), 'root:x:0:0\n');
  await writeFile(join(root, 'src', 'app.py'), 'print("hi")\n');
  await writeFile(join(root, 'README.md'), '\ufeff# Repo\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

function git(...args: string[]) {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
}

describe('LocalTree listing', () => {
  it('lists what git would track: ignored files, .git and deleted files are left out', async () => {
    git('init', '-q');
    await writeFile(join(root, '.gitignore'), '.venv/\n*.log\n');
    await mkdir(join(root, '.venv', 'lib'), { recursive: true });
    await writeFile(join(root, '.venv', 'lib', 'site.py'), '');
    await writeFile(join(root, 'debug.log'), '');
    await writeFile(join(root, 'gone.py'), '');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    await rm(join(root, 'gone.py'));
    await writeFile(join(root, 'src', 'new.py'), ''); // untracked, not ignored
    await mkdir(join(root, 'venv', 'lib'), { recursive: true }); // untracked, not ignored, but a virtualenv
    await writeFile(join(root, 'venv', 'lib', 'site.py'), '');
    const tree = await LocalTree.open(root);
    expect(await tree.listFiles()).toEqual(['.gitignore', 'README.md', 'src/app.py', 'src/new.py']);
  });

  it('walks the directory with a skip list outside a git checkout', async () => {
    await mkdir(join(root, 'node_modules', 'x'), { recursive: true });
    await writeFile(join(root, 'node_modules', 'x', 'index.js'), '');
    await mkdir(join(root, 'pkg', '__pycache__'), { recursive: true });
    await writeFile(join(root, 'pkg', '__pycache__', 'm.pyc'), '');
    await writeFile(join(root, 'pkg', 'm.py'), '');
    const tree = await LocalTree.open(root, { useGit: false });
    expect(await tree.listFiles()).toEqual(['README.md', 'pkg/m.py', 'src/app.py']);
  });

  it('says clearly when the root does not exist', async () => {
    await expect(LocalTree.open(join(dir, 'nope'))).rejects.toThrow(/The workspace root .*nope does not exist/);
  });
});

describe('LocalTree reading', () => {
  it('reads text, keeps a byte-order mark, and returns undefined for a missing file', async () => {
    const tree = await LocalTree.open(root);
    expect(await tree.readFile('src/app.py')).toEqual({ kind: 'text', text: 'print("hi")\n', bytes: 12 });
    expect(await tree.readFile('README.md')).toMatchObject({ kind: 'text', text: '\ufeff# Repo\n' });
    expect(await tree.readFile('src/missing.py')).toBeUndefined();
    expect((await refusal(tree.readFile('src'))).code).toBe('is-directory');
  });

  it('classifies binary files by NUL bytes or invalid UTF-8, and large files by size', async () => {
    await writeFile(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    await writeFile(join(root, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await writeFile(join(root, 'big.txt'), 'x'.repeat(2048));
    const tree = await LocalTree.open(root, { maxReadBytes: 1024 });
    expect(await tree.readFile('logo.png')).toEqual({ kind: 'binary', bytes: 10 });
    expect(await tree.readFile('latin1.txt')).toEqual({ kind: 'binary', bytes: 4 });
    expect(await tree.readFile('big.txt')).toEqual({ kind: 'too-large', bytes: 2048 });
    expect(classifyBytes(new TextEncoder().encode('héllo'))).toEqual({ kind: 'text', text: 'héllo', bytes: 6 });
  });

  it('refuses a symlink pointing outside the root, and a directory symlink leading out', async () => {
    await symlink(join(outside, 'passwd'), join(root, 'passwd-link'));
    await symlink(outside, join(root, 'ext'));
    await symlink(join(root, 'src', 'app.py'), join(root, 'inside-link.py'));
    await symlink(join(root, 'nowhere'), join(root, 'dangling'));
    const tree = await LocalTree.open(root);
    const escape = await refusal(tree.readFile('passwd-link'));
    expect(escape.code).toBe('outside-root');
    expect(escape.message).toBe('"passwd-link" leads outside the repository through a symbolic link; the agent may only use files inside it.');
    expect((await refusal(tree.readFile('ext/passwd'))).code).toBe('outside-root');
    expect((await refusal(tree.readFile('ext/new-file.py'))).message).toContain('(at "ext")');
    expect((await refusal(tree.readFile('dangling'))).code).toBe('outside-root');
    expect(await tree.readFile('inside-link.py')).toMatchObject({ kind: 'text', text: 'print("hi")\n' });
  });

  it('lets the change set refuse writes through an escaping symlink', async () => {
    await symlink(outside, join(root, 'ext'));
    const cs = new ChangeSet(await LocalTree.open(root), policy);
    expect((await refusal(cs.write('ext/passwd', 'pwned'))).code).toBe('outside-root');
    expect((await refusal(cs.write('ext/new.txt', 'pwned'))).code).toBe('outside-root');
    expect(cs.changes()).toEqual([]);
  });
});

describe('applyChangeSet', () => {
  it('writes, replaces and deletes files, creating directories, leaving no temp files', async () => {
    await writeFile(join(root, 'run.sh'), '#!/bin/sh\necho old\n');
    await chmod(join(root, 'run.sh'), 0o755);
    const changes: FileChange[] = [
      { path: 'README.md', action: 'delete' },
      { path: 'run.sh', action: 'modify', content: '#!/bin/sh\necho new\n', bytes: 19 },
      { path: 'src/app.py', action: 'modify', content: 'print("hello")\n', bytes: 15 },
      { path: 'tests/unit/test_app.py', action: 'create', content: 'def test_app() -> None:\n    pass\n', bytes: 33 },
    ];
    const applied = await applyChangeSet(root, changes, policy);
    expect(applied).toEqual({ written: ['run.sh', 'src/app.py', 'tests/unit/test_app.py'], deleted: ['README.md'] });
    expect(await readFile(join(root, 'src', 'app.py'), 'utf8')).toBe('print("hello")\n');
    expect(await readFile(join(root, 'tests', 'unit', 'test_app.py'), 'utf8')).toContain('def test_app');
    expect((await stat(join(root, 'run.sh'))).mode & 0o777).toBe(0o755);
    await expect(stat(join(root, 'README.md'))).rejects.toThrow(/ENOENT/);
    expect((await readdir(join(root, 'src'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('applies what a change set over the same tree produced', async () => {
    const cs = new ChangeSet(await LocalTree.open(root), policy);
    await cs.edit('src/app.py', '"hi"', '"hey"');
    await cs.write('src/new.py', 'x = 1\n');
    await applyChangeSet(root, cs.changes(), policy);
    expect(await readFile(join(root, 'src', 'app.py'), 'utf8')).toBe('print("hey")\n');
    expect(await readFile(join(root, 'src', 'new.py'), 'utf8')).toBe('x = 1\n');
  });

  const write = (path: string, content = 'x\n'): FileChange => ({ path, action: 'create', content, bytes: Buffer.byteLength(content) });

  it.each([
    ['a path escape', [write('../escape.py')], 'outside-root'],
    ['an absolute path', [write('/etc/passwd')], 'outside-root'],
    ['a drive letter', [write('C:\\x.py')], 'outside-root'],
    ['a workflow file', [write('.github/workflows/ci.yml')], 'protected'],
    ['.git/config', [write('.git/config')], 'protected'],
    ['a deny glob', [write('secrets/key.txt')], 'denied'],
    ['an oversize file', [write('big.py', 'x'.repeat(1001))], 'file-too-large'],
    ['too many bytes in total', [write('a.py', 'a'.repeat(900)), write('b.py', 'b'.repeat(900)), write('c.py', 'c'.repeat(900))], 'total-too-large'],
    ['too many files', ['a', 'b', 'c', 'd', 'e'].map((n) => write(`${n}.py`)), 'too-many-files'],
    ['binary content', [write('blob.bin', 'GIF89a\u0000\u0001')], 'binary'],
    ['a path that is not normalized', [write('src//x.py')], 'invalid-path'],
    ['the same path twice', [write('x.py'), write('x.py')], 'invalid-path'],
  ])('refuses %s and writes nothing at all', async (_what, changes, code) => {
    const all = [write('src/first.py'), ...changes];
    const error = await refusal(applyChangeSet(root, all, policy));
    expect(error.code).toBe(code);
    await expect(stat(join(root, 'src', 'first.py'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses to write through a symlink, inside the root or out of it', async () => {
    await symlink(outside, join(root, 'ext'));
    await symlink(join(root, 'src', 'app.py'), join(root, 'alias.py'));
    expect((await refusal(applyChangeSet(root, [write('ext/passwd')], policy))).code).toBe('outside-root');
    expect((await refusal(applyChangeSet(root, [write('ext/new.py')], policy))).code).toBe('outside-root');
    expect((await refusal(applyChangeSet(root, [write('alias.py')], policy))).message).toContain('is a symbolic link');
    expect(await readFile(join(outside, 'passwd'), 'utf8')).toBe('root:x:0:0\n');
    expect((await readdir(outside)).sort()).toEqual(['passwd']);
  });

  it('refuses to create a file below a file', async () => {
    const error = await refusal(applyChangeSet(root, [write('src/app.py/inner.py')], policy));
    expect(error.message).toBe('Cannot create "src/app.py/inner.py": "src/app.py" is a file, not a directory.');
  });
});
