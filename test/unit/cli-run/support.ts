// Helpers for the `spec-automation run` tests: a temp git copy of the example app, an
// environment whose PATH has the real tools (basedpyright from npm, Debian's python3 with
// pytest and PyQt6), and an in-memory CLI io that captures output.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../../src/cli/io.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const NODE_BIN = join(REPO, 'node_modules', '.bin');
/** Debian's interpreter, with python3-pytest and python3-pyqt6. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const HAS_SYSTEM_PYTHON = existsSync(SYSTEM_PYTHON);
export const DEMO_SESSION = join(REPO, 'examples', 'demo', 'tasklet-csv-export.session.jsonl');

/** PATH with basedpyright (npm), node and the system directories only: no pyenv shims deciding which pytest runs. */
export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: [NODE_BIN, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'), QT_QPA_PLATFORM: 'offscreen', ...extra };
  delete env.ANTHROPIC_API_KEY;
  delete env.GIT_AUTHOR_NAME;
  delete env.GIT_AUTHOR_EMAIL;
  delete env.GIT_COMMITTER_NAME;
  delete env.GIT_COMMITTER_EMAIL;
  return env;
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The example app in a temp git checkout with one commit, plus `.github/spec-automation.yml`. */
export function checkoutOfExample(options: { config?: string; name?: string; extraFiles?: Record<string, string> } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-run-'));
  cpSync(join(REPO, 'examples', options.name ?? 'tasklet'), dir, {
    recursive: true,
    // Caches and run state stay behind; a committed .spec-automation/lock.json comes along.
    filter: (src) => !/(__pycache__|\.pytest_cache|\.venv|\.ruff_cache|\.spec-automation[\\/](cache|state|reports))$/.test(src),
  });
  mkdirSync(join(dir, '.github'), { recursive: true });
  writeFileSync(join(dir, '.github', 'spec-automation.yml'), options.config ?? `python: ${SYSTEM_PYTHON}\n`);
  for (const [path, text] of Object.entries(options.extraFiles ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Author');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CapturedIO extends CliIO {
  out(): string;
  err(): string;
}

/** A CLI io writing into strings. */
export function captureIO(cwd: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    env,
    stdoutColor: false,
    stderrColor: false,
    liveStderr: false,
    ...(signal ? { signal } : {}),
    out: () => out,
    err: () => err,
  };
}
