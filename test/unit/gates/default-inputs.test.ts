import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultInputs, parseJsonc } from '../../../src/gates/default-inputs.js';
import { inputsDigest } from '../../../src/gates/inputs.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'default-inputs-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Which of these paths a selection counts as inputs. */
async function selected(parser: string, paths: string[], cwd = root): Promise<string[]> {
  const selection = await defaultInputs(parser, root, cwd);
  if (!selection) return ['(every file)'];
  const picomatch = (await import('picomatch')).default;
  const inc = picomatch(selection.include, { dot: true });
  const exc = selection.exclude.length > 0 ? picomatch(selection.exclude, { dot: true }) : () => false;
  return paths.filter((p) => inc(p) && !exc(p));
}

const PATHS = ['app/__init__.py', 'app/core.py', 'app/vendored/x.py', 'tests/test_core.py', 'tests/conftest.py', 'docs/index.md', 'pyproject.toml', 'main.py', 'typings/lib.pyi', 'scripts/tool.py'];

describe('default inputs of the built-in gates', () => {
  it('basedpyright: include/exclude of [tool.pyright], its stubs and the config files', async () => {
    write({ 'pyproject.toml': '[tool.pyright]\ninclude = ["app"]\nexclude = ["app/vendored"]\npythonVersion = "3.11"\n', 'app/__init__.py': '' });
    expect(await selected('basedpyright', PATHS)).toEqual(['app/__init__.py', 'app/core.py', 'pyproject.toml', 'typings/lib.pyi']);
  });

  it('basedpyright: pyrightconfig.json (comments, trailing commas) wins over pyproject.toml', async () => {
    write({ 'pyrightconfig.json': '{\n  // checked\n  "include": ["scripts",], /* only */\n}\n', 'pyproject.toml': '[tool.pyright]\ninclude = ["app"]\n' });
    expect(await selected('basedpyright', PATHS)).toEqual(['pyproject.toml', 'typings/lib.pyi', 'scripts/tool.py']);
  });

  it('pytest: testpaths plus the importable package, conftest files and config', async () => {
    write({ 'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n', 'app/__init__.py': '', 'main.py': '' });
    expect(await selected('pytest', PATHS)).toEqual(['app/__init__.py', 'app/core.py', 'app/vendored/x.py', 'tests/test_core.py', 'tests/conftest.py', 'pyproject.toml', 'main.py']);
  });

  it('pytest: pytest.ini comes first and its testpaths may span lines', async () => {
    write({ 'pytest.ini': '[pytest]\ntestpaths =\n    tests\n    scripts\naddopts = -q\n', 'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["docs"]\n' });
    expect(await selected('pytest', PATHS)).toEqual(['tests/test_core.py', 'tests/conftest.py', 'pyproject.toml', 'scripts/tool.py']);
  });

  it('ruff: every Python file by default, or its include; config files', async () => {
    write({ 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' });
    expect(await selected('ruff', PATHS)).toEqual(PATHS.filter((p) => /\.pyi?$/.test(p) || p === 'pyproject.toml'));
    write({ 'ruff.toml': 'include = ["app/**/*.py"]\nsrc = ["app"]\n' });
    expect(await selected('ruff', PATHS)).toEqual(['app/__init__.py', 'app/core.py', 'app/vendored/x.py', 'pyproject.toml']);
  });

  it('anything unknown or unreadable is every file', async () => {
    expect(await selected('pytest', PATHS)).toEqual(['(every file)']);
    expect(await selected('basedpyright', PATHS)).toEqual(['(every file)']);
    expect(await selected('junit', PATHS)).toEqual(['(every file)']);
    write({ 'pyproject.toml': '[tool.pyright\ninclude = ["app"]\n' });
    expect(await selected('basedpyright', PATHS)).toEqual(['(every file)']);
    expect(await selected('ruff', PATHS)).toEqual(['(every file)']);
  });

  it('a gate in a subdirectory gets globs under it', async () => {
    write({ 'sub/pyproject.toml': '[tool.pyright]\ninclude = ["pkg"]\n' });
    expect(await defaultInputs('basedpyright', root, join(root, 'sub'))).toMatchObject({ include: expect.arrayContaining(['sub/pkg/**', 'sub/pyproject.toml']) });
  });

  it('the digest changes only with the selected files', async () => {
    const selection = { include: ['app/**'], exclude: ['app/vendored/**'] };
    const base = new Map([
      ['app/a.py', '1'],
      ['app/vendored/v.py', '1'],
      ['tests/t.py', '1'],
    ]);
    const digest = (changes: Record<string, string>) => inputsDigest(new Map([...base, ...Object.entries(changes)]), selection);
    expect(await digest({ 'tests/t.py': '2', 'app/vendored/v.py': '2' })).toBe(await digest({}));
    expect(await digest({ 'app/a.py': '2' })).not.toBe(await digest({}));
    expect(parseJsonc('{"a": "// not a comment", /* x */ "b": [1,],}')).toEqual({ a: '// not a comment', b: [1] });
  });
});
