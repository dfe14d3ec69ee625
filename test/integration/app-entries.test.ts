/**
 * The process entries `lib/app/web.js` and `lib/app/worker.js` (npm run start:web,
 * start:worker) without a usable database: each refuses to start with one line that
 * names DATABASE_URL and the fix, exit code 1; `lib/app/main.js` with a webhook proxy it
 * cannot reach, likewise. Needs no Postgres.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, REPO } from '../support/app/process.js';
import { throwawayKey, WEBHOOK_SECRET } from '../contract/app/harness.js';

function run(entry: 'web' | 'worker' | 'main', env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(REPO, 'lib', 'app', `${entry}.js`)], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const base = { APP_ID: '9001', PRIVATE_KEY: throwawayKey(), WEBHOOK_SECRET, NODE_ENV: 'production', SPEC_AUTOMATION_STARTUP_PROBE: 'off', ANTHROPIC_API_KEY: 'sk-ant-test' };

describe('the web and worker entries', () => {
  it.each(['web', 'worker'] as const)('%s refuses to start without DATABASE_URL, in one line with the fix', async (entry) => {
    const { code, output } = await run(entry, { ...base, PORT: String(await freePort()) });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^spec-automation: error: DATABASE_URL is not set: .*Set DATABASE_URL, or run `npm start`/);
  });

  it('stops with one line naming DATABASE_URL when the database cannot be reached', async () => {
    const closed = await freePort();
    const { code, output } = await run('worker', { ...base, PORT: String(await freePort()), DATABASE_URL: `postgres://u:secret-password@127.0.0.1:${closed}/db` });
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`spec-automation: error: could not open the job queue in Postgres \\(127\\.0\\.0\\.1:${closed}/db\\): .*ECONNREFUSED.*Check DATABASE_URL`));
    expect(output).not.toContain('secret-password');
  });

  it('stops with one line naming the webhook proxy and its cause when WEBHOOK_PROXY_URL cannot be reached (it printed "error: [object Event]")', async () => {
    const closed = await freePort();
    const { code, output } = await run('main', { ...base, PORT: String(await freePort()), WEBHOOK_PROXY_URL: `http://127.0.0.1:${closed}/channel` });
    expect(code).toBe(1);
    expect(output).not.toContain('[object Event]');
    expect(output).toMatch(new RegExp(`spec-automation: error: could not reach the webhook proxy http://127\\.0\\.0\\.1:${closed}/channel: .*ECONNREFUSED.*unset WEBHOOK_PROXY_URL`));
  }, 20_000);
});
