/**
 * What each built-in gate reads, from the project's own configuration, so that an edit
 * outside it keeps the gate cached: a comment in a test file must not re-run a type
 * checker that only checks the package.
 *
 * - basedpyright: `include`/`exclude` of `pyrightconfig.json`, else `[tool.basedpyright]`
 *   or `[tool.pyright]` in `pyproject.toml` (its own order), plus its stub directory and
 *   the configuration files. `pythonVersion` and every other setting are in those files,
 *   which are inputs themselves.
 * - pytest: `testpaths` (pytest.ini, pyproject's `[tool.pytest.ini_options]`, tox.ini,
 *   setup.cfg) plus the importable package (top-level packages, a `src/` layout, top-level
 *   modules), every `conftest.py` and the configuration files.
 * - ruff: the files its `include`/`extend-include` select (default `*.py`, `*.pyi`,
 *   `*.ipynb` anywhere) plus its configuration files; `src` adds directories whose files
 *   decide first-party imports.
 *
 * Anything unknown (no such setting, a file that cannot be parsed, a custom gate) means
 * undefined: every file is an input, which is never wrong, only slower. A gate's
 * `inputs` setting overrides all of this.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathWithin } from '../pipeline/repo-path.js';

/** Globs over repo-relative paths: a file is an input when it matches `include` and not `exclude`. */
export interface InputSelection {
  include: string[];
  exclude: string[];
}

type Table = Record<string, unknown>;

const CONFIG_FILES = ['pyproject.toml', 'setup.cfg', 'tox.ini', 'pytest.ini', '.pytest.ini', 'setup.py', 'pyrightconfig.json', 'ruff.toml', '.ruff.toml', 'conftest.py'];

function readText(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

function at(table: Table | undefined, ...keys: string[]): unknown {
  let value: unknown = table;
  for (const key of keys) value = isTable(value) ? value[key] : undefined;
  return value;
}

/** `pyproject.toml` of the directory, parsed; undefined when missing or not valid TOML. */
async function pyproject(dir: string): Promise<Table | undefined> {
  const text = readText(join(dir, 'pyproject.toml'));
  if (text === undefined) return undefined;
  try {
    const { parse } = await import('smol-toml');
    return parse(text) as Table;
  } catch {
    return undefined;
  }
}

/**
 * JSON with comments and trailing commas, as pyright reads its config: comments and
 * trailing commas are dropped outside strings, then it is plain JSON.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** A path or glob from a tool's config, relative to `base` (the gate's directory, repo-relative), as globs for it and everything under it. */
function globsFor(base: string, pattern: string): string[] {
  const clean = pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  const full = clean === '' || clean === '.' ? base : base ? `${base}/${clean}` : clean;
  if (full === '') return ['**'];
  return [full, `${full}/**`];
}

function prefixed(base: string, names: readonly string[]): string[] {
  return names.map((n) => (base ? `${base}/${n}` : n));
}

async function basedpyrightInputs(cwd: string, base: string): Promise<InputSelection | undefined> {
  let settings: Table | undefined;
  const json = readText(join(cwd, 'pyrightconfig.json'));
  if (json !== undefined) {
    try {
      const parsed = parseJsonc(json);
      if (!isTable(parsed)) return undefined;
      settings = parsed;
    } catch {
      return undefined;
    }
  } else {
    const toml = await pyproject(cwd);
    const table = at(toml, 'tool', 'basedpyright') ?? at(toml, 'tool', 'pyright');
    if (!isTable(table)) return undefined;
    settings = table;
  }
  const include = strings(settings.include);
  if (!include || include.length === 0) return undefined;
  const exclude = strings(settings.exclude) ?? [];
  const stubPath = typeof settings.stubPath === 'string' ? settings.stubPath : 'typings';
  return {
    include: [...include.flatMap((p) => globsFor(base, p)), ...globsFor(base, stubPath), ...prefixed(base, CONFIG_FILES)],
    exclude: exclude.flatMap((p) => globsFor(base, p)),
  };
}

/** `testpaths` from the first pytest configuration file that has a pytest section, as pytest looks for them. */
async function testpaths(cwd: string): Promise<string[] | undefined> {
  const ini = (file: string, section: string): string[] | undefined | null => {
    const text = readText(join(cwd, file));
    if (text === undefined) return null;
    const lines = text.split(/\r?\n/);
    const start = lines.findIndex((l) => l.trim() === `[${section}]`);
    if (start === -1) return null;
    const values: string[] = [];
    let collecting = false;
    for (const line of lines.slice(start + 1)) {
      if (/^\s*\[/.test(line)) break;
      const key = /^testpaths\s*[=:]\s*(.*)$/.exec(line);
      if (key) {
        values.push(...key[1]!.split(/\s+/).filter(Boolean));
        collecting = true;
      } else if (collecting && /^\s+\S/.test(line)) values.push(...line.trim().split(/\s+/));
      else collecting = false;
    }
    return values.length > 0 ? values : undefined;
  };
  for (const [file, section] of [
    ['pytest.ini', 'pytest'],
    ['.pytest.ini', 'pytest'],
  ] as const) {
    const found = ini(file, section);
    if (found !== null) return found;
  }
  const toml = await pyproject(cwd);
  const options = at(toml, 'tool', 'pytest', 'ini_options');
  if (isTable(options)) return strings(options.testpaths);
  for (const [file, section] of [
    ['tox.ini', 'pytest'],
    ['setup.cfg', 'tool:pytest'],
  ] as const) {
    const found = ini(file, section);
    if (found !== null) return found;
  }
  return undefined;
}

/** Directories and modules `import` finds from the project root: packages at the top and in `src/`, top-level modules. */
function importable(cwd: string): string[] {
  const found: string[] = [];
  const scan = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(join(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === '__pycache__') continue;
      if (e.isDirectory() && existsSync(join(cwd, dir, e.name, '__init__.py'))) found.push(`${prefix}${e.name}`);
      else if (e.isFile() && /\.(py|pyi|pth)$/.test(e.name)) found.push(`${prefix}${e.name}`);
    }
  };
  scan('.', '');
  if (existsSync(join(cwd, 'src'))) scan('src', 'src/');
  return found;
}

async function pytestInputs(cwd: string, base: string): Promise<InputSelection | undefined> {
  const paths = await testpaths(cwd);
  if (!paths || paths.length === 0) return undefined;
  return {
    include: [...paths.flatMap((p) => globsFor(base, p)), ...importable(cwd).flatMap((p) => globsFor(base, p)), ...prefixed(base, CONFIG_FILES), base ? `${base}/**/conftest.py` : '**/conftest.py'],
    exclude: [],
  };
}

const RUFF_DEFAULT_INCLUDE = ['*.py', '*.pyi', '*.ipynb'];

async function ruffInputs(cwd: string, base: string): Promise<InputSelection | undefined> {
  let settings: Table | undefined;
  for (const file of ['.ruff.toml', 'ruff.toml']) {
    const text = readText(join(cwd, file));
    if (text === undefined) continue;
    try {
      const { parse } = await import('smol-toml');
      settings = parse(text) as Table;
    } catch {
      return undefined;
    }
    break;
  }
  if (!settings) {
    const toml = await pyproject(cwd);
    if (readText(join(cwd, 'pyproject.toml')) !== undefined && !toml) return undefined;
    const table = at(toml, 'tool', 'ruff');
    settings = isTable(table) ? table : {};
  }
  const include = [...(strings(settings.include) ?? RUFF_DEFAULT_INCLUDE), ...(strings(settings['extend-include']) ?? [])];
  // ruff matches a pattern without a slash against the file name at any depth.
  const anywhere = (p: string) => (p.includes('/') ? globsFor(base, p) : [base ? `${base}/**/${p}` : `**/${p}`]);
  const src = (strings(settings.src) ?? []).flatMap((p) => globsFor(base, p));
  return { include: [...include.flatMap(anywhere), ...src, ...prefixed(base, CONFIG_FILES), base ? `${base}/**/pyproject.toml` : '**/pyproject.toml'], exclude: [] };
}

/**
 * The default inputs of a built-in gate (by its definition's parser) run in `cwd`, as
 * globs relative to `root`; undefined means every file.
 */
export async function defaultInputs(parser: string, root: string, cwd: string): Promise<InputSelection | undefined> {
  const base = pathWithin(root, cwd);
  if (base === undefined) return undefined;
  switch (parser) {
    case 'basedpyright':
      return basedpyrightInputs(cwd, base);
    case 'pytest':
      return pytestInputs(cwd, base);
    case 'ruff':
      return ruffInputs(cwd, base);
    default:
      return undefined;
  }
}
