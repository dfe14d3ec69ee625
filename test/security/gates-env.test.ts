/**
 * What a gate process sees (issue 11 item 4, issue 17 item 1): the user's environment
 * less secrets, with nothing added. Before, every tool ran with NO_COLOR=1
 * FORCE_COLOR=0 PY_COLORS=0 PYTHONUTF8=1 PYTHONIOENCODING=utf-8 and the whole
 * environment (tokens and model keys included); a suite that reads those variables
 * passed under plain pytest and failed under the gate.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gateEnvironment } from '../../src/gates/env.js';
import { runGates } from '../../src/gates/index.js';
import { config, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from '../integration/gates/support.js';
import { project } from './action-support.js';

const SUITE = `import os

ADDED_BY_TOOLS = ("NO_COLOR", "FORCE_COLOR", "PY_COLORS", "PYTHONUTF8", "PYTHONIOENCODING")

def test_nothing_added():
    assert [n for n in ADDED_BY_TOOLS if n in os.environ] == []

def test_colour_the_way_many_apps_read_it():
    # bool("0") is True: an app that reads FORCE_COLOR like this colours its output.
    assert not bool(os.environ.get("FORCE_COLOR")) and not bool(os.environ.get("NO_COLOR"))

def test_the_users_settings_are_there():
    assert os.environ["APP_MODE"] == "strict"
    assert os.environ.get("HOME") and os.environ.get("PATH")

def test_no_secrets():
    assert [n for n in ("GITHUB_TOKEN", "ANTHROPIC_API_KEY", "ACTIONS_RUNTIME_TOKEN") if n in os.environ] == []
`;

/** The user's shell: no colour or encoding variables, their own setting, and secrets the gate must drop. */
function userEnv(): Record<string, string | undefined> {
  const env = Object.fromEntries(Object.entries(toolEnv()).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'PY_COLORS', 'PYTHONUTF8', 'PYTHONIOENCODING'].includes(k)));
  return { ...env, APP_MODE: 'strict' };
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('a suite that asserts the environment it sees', () => {
  it('passes under the gate exactly as under plain pytest', async () => {
    const dir = project({ 'tests/test_env.py': SUITE });
    try {
      const plain = spawnSync(SYSTEM_PYTHON, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests'], { cwd: dir, env: userEnv() as NodeJS.ProcessEnv, encoding: 'utf8' });
      expect(plain.stdout).toContain('4 passed');
      expect(plain.status).toBe(0);

      const secrets = { GITHUB_TOKEN: 'canary-token-12345678', ANTHROPIC_API_KEY: 'sk-ant-canary-12345678', ACTIONS_RUNTIME_TOKEN: 'canary-runtime-12345678' };
      const cfg = config(`cache:\n  enabled: false\npython: ${SYSTEM_PYTHON}\ngates:\n  pytest:\n    passEnv: [APP_MODE]\n`);
      const run = await runGates({ root: dir, config: cfg, env: { ...userEnv(), ...secrets } });
      const gate = run.gates[0]!;
      expect(gate.diagnostics.map((d) => d.message)).toEqual([]);
      expect([gate.status, gate.tests?.passed, gate.tests?.failed]).toEqual(['passed', 4, 0]);
    } finally {
      removeDir(dir);
    }
  });
});

describe('gateEnvironment', () => {
  const base = {
    PATH: '/usr/bin',
    HOME: '/home/u',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    VIRTUAL_ENV: '/p/.venv',
    PYTHONPATH: 'src',
    QT_QPA_PLATFORM: 'offscreen',
    CI: 'true',
    APP_MODE: 'strict',
    MYAPP_A: '1',
    MYAPP_B: '2',
    'INPUT_GITHUB-TOKEN': 'x',
    GITHUB_TOKEN: 'x',
    ACTIONS_RUNTIME_TOKEN: 'x',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'x',
    ANTHROPIC_API_KEY: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    PRIVATE_KEY: 'x',
    WEBHOOK_SECRET: 'x',
    PYTHON_KEYRING_PASSWORD: 'x',
    DB_PASSWORD: 'x',
    NPM_TOKEN: 'x',
  };

  it('passes the allow-list, drops everything else, adds nothing', () => {
    expect(Object.keys(gateEnvironment(base)).sort()).toEqual(['CI', 'HOME', 'LANG', 'LC_ALL', 'PATH', 'PYTHONPATH', 'QT_QPA_PLATFORM', 'VIRTUAL_ENV']);
  });

  it('passes what passEnv names (names and PREFIX_*), a secret-looking one on purpose, never a forbidden one', () => {
    const env = gateEnvironment(base, { passEnv: ['APP_MODE', 'MYAPP_*', 'DB_PASSWORD', 'GITHUB_TOKEN', 'ACTIONS_*', 'INPUT_GITHUB-TOKEN', 'ANTHROPIC_*', 'AWS_*', 'PRIVATE_KEY'] });
    expect(Object.keys(env).filter((k) => !['CI', 'HOME', 'LANG', 'LC_ALL', 'PATH', 'PYTHONPATH', 'QT_QPA_PLATFORM', 'VIRTUAL_ENV'].includes(k)).sort()).toEqual(['APP_MODE', 'DB_PASSWORD', 'MYAPP_A', 'MYAPP_B']);
  });

  it('sets the gate\'s own env as written and drops a definition\'s unset names', () => {
    const env = gateEnvironment({ ...base, RUFF_OUTPUT_FORMAT: 'github' }, { env: { GREETING: 'hi', PYTHONPATH: 'lib' }, unset: ['RUFF_OUTPUT_FORMAT'] });
    expect(env).toMatchObject({ GREETING: 'hi', PYTHONPATH: 'lib' });
    expect(env.RUFF_OUTPUT_FORMAT).toBeUndefined();
  });

  it('matches Windows spellings case-insensitively (Path, SystemRoot, ComSpec)', () => {
    const env = gateEnvironment({ Path: 'C:\\Windows', SystemRoot: 'C:\\Windows', ComSpec: 'cmd.exe', UserProfile: 'C:\\Users\\u', Input_Github_Token: 'x' });
    expect(Object.keys(env).sort()).toEqual(['ComSpec', 'Path', 'SystemRoot', 'UserProfile']);
  });
});
