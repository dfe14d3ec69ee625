/**
 * Finds the programs a gate runs: the project's virtualenv first (`.venv/Scripts/*.exe`
 * on Windows, `.venv/bin/*` elsewhere), then `node_modules/.bin` of the project, then
 * PATH; the Python interpreter likewise, after the configured one. Every lookup records
 * what it tried, so "not found" can say exactly where it looked.
 */
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve, win32 } from 'node:path';

export interface Platform {
  windows: boolean;
  env: Record<string, string | undefined>;
}

export interface Lookup {
  path?: string;
  /** Every location checked, in order, for the "not found" message. */
  tried: string[];
}

const VENV_DIRS = ['.venv', 'venv'];

/** Reads an environment variable the way the OS does (case-insensitive on Windows). */
export function envValue(platform: Platform, name: string): string | undefined {
  if (!platform.windows) return platform.env[name];
  const key = Object.keys(platform.env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : platform.env[key];
}

function isRunnable(path: string, platform: Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (!platform.windows) accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Candidate file names for a program: `ruff` → `ruff.exe`, `ruff.cmd` … on Windows. */
function candidates(name: string, platform: Platform): string[] {
  if (!platform.windows || /\.[A-Za-z0-9]+$/.test(name)) return [name];
  const exts = (envValue(platform, 'PATHEXT') ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  return exts.map((e) => `${name}${e.toLowerCase()}`);
}

function searchDirs(dirs: string[], name: string, platform: Platform, tried: string[]): string | undefined {
  for (const dir of dirs) {
    for (const file of candidates(name, platform)) {
      const full = join(dir, file);
      tried.push(full);
      if (isRunnable(full, platform)) return full;
    }
  }
  return undefined;
}

/** The project's virtualenv script directories that exist. */
function venvBinDirs(root: string, platform: Platform): string[] {
  return VENV_DIRS.map((v) => join(root, v, platform.windows ? 'Scripts' : 'bin'));
}

function pathDirs(platform: Platform): string[] {
  const value = envValue(platform, 'PATH') ?? '';
  return value.split(platform.windows ? ';' : delimiter).filter((d) => d.trim() !== '');
}

/** Looks a program up in the virtualenv, `node_modules/.bin`, then PATH. */
export function findProgram(name: string, root: string, platform: Platform, base: string = root): Lookup {
  const tried: string[] = [];
  if (name.includes('/') || name.includes('\\')) {
    const full = isAbsolute(name) || win32.isAbsolute(name) ? name : resolve(base, name);
    tried.push(full);
    return isRunnable(full, platform) ? { path: full, tried } : { tried };
  }
  const local = [...venvBinDirs(root, platform), join(root, 'node_modules', '.bin')];
  const found = searchDirs(local, name, platform, tried) ?? searchDirs(pathDirs(platform), name, platform, tried);
  // PATH entries are summarized: listing every directory would bury the useful part.
  const summary = tried.filter((t) => local.some((d) => t.startsWith(d)));
  summary.push(`${name} on PATH`);
  return found ? { path: found, tried: summary } : { tried: summary };
}

/** The interpreter a `#!` line names (`#!/usr/bin/python3`, `#!/usr/bin/env python3`), when it is Python. */
export function shebangPython(script: string, platform: Platform): string | undefined {
  let head = '';
  try {
    const fd = openSync(script, 'r');
    try {
      const buffer = Buffer.alloc(256);
      head = buffer.subarray(0, readSync(fd, buffer, 0, 256, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(head);
  if (!match) return undefined;
  const [, program, argument] = match;
  if (program!.endsWith('/env') && argument && /^python[\d.]*$/.test(argument)) {
    return searchDirs(pathDirs(platform), argument, platform, []);
  }
  return /(^|\/)python[\d.]*$/.test(program!) && isRunnable(program!, platform) ? program : undefined;
}

export type PythonOrigin = 'config' | 'venv' | 'pytest-script' | 'path';

export interface PythonLookup extends Lookup {
  origin?: PythonOrigin;
}

/**
 * The project's Python interpreter: the configured one, the virtualenv's, the one the
 * `pytest` on PATH runs with (so type checking sees the packages the tests see), then
 * `python3`/`python` on PATH.
 */
export function findPython(configured: string | undefined, root: string, platform: Platform): PythonLookup {
  if (configured) {
    const lookup = findProgram(configured, root, platform);
    return lookup.path ? { ...lookup, origin: 'config' } : lookup;
  }
  const tried: string[] = [];
  const inVenv = searchDirs(venvBinDirs(root, platform), 'python', platform, tried);
  if (inVenv) return { path: inVenv, tried, origin: 'venv' };
  if (!platform.windows) {
    const pytestScript = searchDirs(pathDirs(platform), 'pytest', platform, []);
    const viaPytest = pytestScript ? shebangPython(pytestScript, platform) : undefined;
    if (viaPytest) return { path: viaPytest, tried, origin: 'pytest-script' };
  }
  const names = platform.windows ? ['python', 'python3'] : ['python3', 'python'];
  for (const name of names) {
    const found = searchDirs(pathDirs(platform), name, platform, []);
    tried.push(`${name} on PATH`);
    if (found) return { path: found, tried, origin: 'path' };
  }
  return { tried };
}
