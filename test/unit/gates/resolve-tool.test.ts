import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Shebangs and execute bits are POSIX; Windows lookups are tested with `windows: true` below.
const POSIX_HOST = process.platform !== 'win32';
import { envValue, findProgram, findPython, shebangPython } from '../../../src/gates/resolve-tool.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'resolve-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function executable(path: string, content = '#!/bin/sh\n'): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  chmodSync(full, 0o755);
  return full;
}

const posix = (PATH: string) => ({ windows: false, env: { PATH } });

describe('findProgram', () => {
  it('prefers the project virtualenv, then node_modules/.bin, then PATH', () => {
    const root = join(dir, 'repo');
    const onPath = executable('bin/ruff');
    expect(findProgram('ruff', root, posix(join(dir, 'bin'))).path).toBe(onPath);
    const npm = executable('repo/node_modules/.bin/ruff');
    expect(findProgram('ruff', root, posix(join(dir, 'bin'))).path).toBe(npm);
    const venv = executable('repo/.venv/bin/ruff');
    expect(findProgram('ruff', root, posix(join(dir, 'bin'))).path).toBe(venv);
  });

  it.runIf(POSIX_HOST)('skips files that are not executable on POSIX', () => {
    const root = join(dir, 'repo');
    executable('repo/.venv/bin/ruff');
    chmodSync(join(root, '.venv/bin/ruff'), 0o644);
    expect(findProgram('ruff', root, posix('')).path).toBeUndefined();
  });

  it('uses .venv/Scripts/*.exe and PATHEXT on Windows', () => {
    const root = join(dir, 'repo');
    const exe = executable('repo/.venv/Scripts/ruff.exe');
    expect(findProgram('ruff', root, { windows: true, env: { Path: '', PATHEXT: '.COM;.EXE;.BAT;.CMD' } }).path).toBe(exe);
    const cmd = executable('tools/basedpyright.cmd');
    // Windows environment names are case-insensitive: `Path` is PATH.
    expect(findProgram('basedpyright', root, { windows: true, env: { Path: join(dir, 'tools') } }).path).toBe(cmd);
  });

  it('says everywhere it looked when the program is missing', () => {
    const root = join(dir, 'repo');
    const lookup = findProgram('ruff', root, posix(join(dir, 'bin')));
    expect(lookup.path).toBeUndefined();
    expect(lookup.tried).toEqual([join(root, '.venv/bin/ruff'), join(root, 'venv/bin/ruff'), join(root, 'node_modules/.bin/ruff'), 'ruff on PATH']);
  });

  it('resolves a relative program path against the gate directory', () => {
    const script = executable('repo/sub/scripts/lint.sh');
    expect(findProgram('./scripts/lint.sh', join(dir, 'repo'), posix(''), join(dir, 'repo/sub')).path).toBe(script);
  });
});

describe('findPython', () => {
  it('takes the configured interpreter first, then the virtualenv', () => {
    const root = join(dir, 'repo');
    const venvPython = executable('repo/.venv/bin/python');
    const custom = executable('opt/python3.12');
    expect(findPython(custom, root, posix(''))).toMatchObject({ path: custom, origin: 'config' });
    expect(findPython(undefined, root, posix(''))).toMatchObject({ path: venvPython, origin: 'venv' });
  });

  it.runIf(POSIX_HOST)('without a virtualenv, uses the interpreter of the pytest on PATH, then python3 on PATH', () => {
    const root = join(dir, 'repo');
    const python = executable('sys/python3');
    executable('bin/pytest', `#!${python}\nimport pytest\n`);
    expect(findPython(undefined, root, posix(join(dir, 'bin')))).toMatchObject({ path: python, origin: 'pytest-script' });
    const other = executable('other/python3');
    expect(findPython(undefined, root, posix(join(dir, 'other')))).toMatchObject({ path: other, origin: 'path' });
  });

  it('reports what it tried when there is no interpreter', () => {
    const lookup = findPython(undefined, join(dir, 'repo'), posix(''));
    expect(lookup.path).toBeUndefined();
    expect(lookup.tried).toContain('python3 on PATH');
  });
});

describe('shebangPython', () => {
  it.runIf(POSIX_HOST)('reads direct and env shebangs, ignores other interpreters', () => {
    const python = executable('bin/python3.11');
    expect(shebangPython(executable('a', `#!${python}\n`), posix(''))).toBe(python);
    expect(shebangPython(executable('b', '#!/usr/bin/env python3.11\n'), posix(join(dir, 'bin')))).toBe(python);
    expect(shebangPython(executable('c', '#!/usr/bin/env bash\n'), posix(join(dir, 'bin')))).toBeUndefined();
    expect(shebangPython(join(dir, 'missing'), posix(''))).toBeUndefined();
  });
});

describe('envValue', () => {
  it('is case-insensitive on Windows only', () => {
    expect(envValue({ windows: true, env: { Path: 'x' } }, 'PATH')).toBe('x');
    expect(envValue({ windows: false, env: { Path: 'x' } }, 'PATH')).toBeUndefined();
  });
});
