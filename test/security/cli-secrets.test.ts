/**
 * Canary secrets through the CLI (issue 11 item 4). Before, `spec-automation gates`
 * handed the whole environment to the tools, and a tool that printed it put
 * ANTHROPIC_API_KEY in stderr, the results and the gate cache. Now the tools do not see
 * it, and what a tool was given on purpose (`passEnv`) is redacted from everything the
 * CLI prints or stores: stdout in every format, stderr, and every file under the cache
 * directory and the project.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from '../integration/gates/support.js';
import { filesUnder, project } from './action-support.js';

const CANARIES = {
  ANTHROPIC_API_KEY: 'sk-ant-api03-cli-canary-key-5ca1ab1e',
  GITHUB_TOKEN: 'ghp_CliCanaryToken0123456789abcdefABCD',
  APP_SERVICE_TOKEN: 'cli-canary-service-token-passed-on-purpose',
};

/** A gate that prints its whole environment and fails, so everything it saw lands in the results. */
const DUMP = "console.log(Object.entries(process.env).map(([k, v]) => `${k}=${v}`).join(' ; ')); process.exit(3)";
const PYTEST = 'import os\n\ndef test_dump():\n    assert False, " ; ".join(f"{k}={v}" for k, v in os.environ.items())\n';

let cache: string | undefined;
let dir: string | undefined;
afterEach(() => {
  if (dir) removeDir(dir);
  if (cache) rmSync(cache, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIO = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, cwd, env, stdoutColor: false, stderrColor: false, liveStderr: false };
  return { code: await main(['gates', ...args], io), out };
}

describe.skipIf(!HAS_SYSTEM_PYTHON)('canary secrets through spec-automation gates', () => {
  it('no canary in any output format, in the cache or in the project; the tools never saw the model key or the token', async () => {
    dir = project({
      '.github/spec-automation.yml': [
        `python: ${SYSTEM_PYTHON}`,
        'gates:',
        '  dump:',
        `    command: [${JSON.stringify(process.execPath)}, -e, ${JSON.stringify(DUMP)}]`,
        '    parser: exit-code',
        '    passEnv: [APP_SERVICE_TOKEN, ANTHROPIC_API_KEY, GITHUB_TOKEN]',
        '  pytest:',
        '    passEnv: [APP_SERVICE_TOKEN]',
        '',
      ].join('\n'),
      'tests/test_dump.py': PYTEST,
    });
    cache = mkdtempSync(join(tmpdir(), 'cli-secrets-cache-'));
    const env = { ...toolEnv(), ...CANARIES, XDG_CACHE_HOME: cache };
    const outputs: string[] = [];
    for (const format of ['text', 'json', 'sarif', 'junit']) {
      const { code, out } = await cli(['--format', format, ...(format === 'text' ? ['--no-cache'] : [])], env, dir);
      expect(code).toBe(1);
      outputs.push(out);
    }
    const all = outputs.join('\n');
    // The dumps reached the output (else the search proves nothing), the deliberate one redacted.
    expect(all).toContain('APP_SERVICE_TOKEN=[redacted]');
    expect(all).toMatch(/\bPATH=/);
    expect(all).not.toContain('ANTHROPIC_API_KEY=');
    expect(all).not.toContain('GITHUB_TOKEN=');
    const places = [{ where: 'output', text: all }, ...filesUnder(cache).map((f) => ({ where: f.path, text: f.text })), ...filesUnder(dir).map((f) => ({ where: f.path, text: f.text }))];
    expect(filesUnder(cache).length).toBeGreaterThan(1);
    const leaks = places.flatMap((p) => Object.entries(CANARIES).filter(([, v]) => p.text.includes(v)).map(([name]) => `${name} in ${p.where}`));
    expect(leaks).toEqual([]);
  });
});
