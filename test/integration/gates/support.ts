/**
 * Helpers for the gate integration tests: temp copies of the example apps (so runs leave
 * nothing behind in the repository), an environment whose PATH has the real tools, and
 * config from YAML.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfigText } from '../../../src/pipeline/config/load.js';
import type { Config } from '../../../src/pipeline/config/schema.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const NODE_BIN = join(REPO, 'node_modules', '.bin');
/**
 * The interpreter with pytest and PyQt6: SPEC_AUTOMATION_TEST_PYTHON when set (CI on
 * Windows points it at setup-python's), else Debian's, with python3-pytest and python3-pyqt6.
 */
export const SYSTEM_PYTHON = process.env.SPEC_AUTOMATION_TEST_PYTHON || '/usr/bin/python3';
export const HAS_SYSTEM_PYTHON = existsSync(SYSTEM_PYTHON);
export const WINDOWS = process.platform === 'win32';
/** Where a virtualenv keeps its programs. */
export const VENV_BIN = WINDOWS ? 'Scripts' : 'bin';
/** The interpreter inside a virtualenv at `venv`. */
export function venvPython(venv: string): string {
  return join(venv, VENV_BIN, WINDOWS ? 'python.exe' : 'python');
}
/** Process checks read /proc: Linux only. */
export const HAS_PROC = existsSync('/proc/self/status');

/**
 * PATH with basedpyright (npm) and the system directories only: a developer's pyenv shims
 * would otherwise decide which pytest runs.
 */
export function toolEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  if (process.platform === 'win32') {
    // Windows needs its own PATH (System32, git); the interpreter's folders go first. The
    // variable is spelt `Path` there: drop every spelling before setting one.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toUpperCase() !== 'PATH'));
    const python = dirname(SYSTEM_PYTHON);
    const path = [NODE_BIN, dirname(process.execPath), python, join(python, 'Scripts'), process.env.PATH ?? ''].join(delimiter);
    return { ...env, PATH: path, QT_QPA_PLATFORM: 'offscreen', ...extra };
  }
  return { ...process.env, PATH: [NODE_BIN, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'), QT_QPA_PLATFORM: 'offscreen', ...extra };
}

/** Copies `examples/<name>` into a fresh temp directory (without caches) and returns its path. */
export function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gates-${name}-`));
  cpSync(join(REPO, 'examples', name), dir, {
    recursive: true,
    filter: (src) => !/(__pycache__|\.pytest_cache|\.venv|\.spec-automation|\.ruff_cache)$/.test(src),
  });
  return dir;
}

export function gitInit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init');
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function config(yaml: string): Config {
  const result = parseConfigText(yaml);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.config;
}

/**
 * Whether a process is gone (or a zombie nobody reaped, which runs nothing). Without
 * /proc (Windows, macOS) a process that answers signal 0 counts as alive.
 */
export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  if (!HAS_PROC) return false;
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

/** Live processes whose command line mentions `needle`. Reads /proc: call it only when {@link HAS_PROC}. */
export function processesMentioning(needle: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(needle) && !processGone(Number(entry))) pids.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}
