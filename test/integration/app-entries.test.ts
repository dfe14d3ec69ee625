/**
 * The process entries `lib/app/web.js` and `lib/app/worker.js` (npm run start:web,
 * start:worker) without a usable database: each refuses to start with one line that
 * names DATABASE_URL and the fix, exit code 1; `lib/app/main.js` with a webhook proxy it
 * cannot reach, likewise, and on the registration page; a worker whose port is taken
 * (that one with DATABASE_URL, which .ci/run sets).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
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

  it('on the registration page too: an unreachable WEBHOOK_PROXY_URL is one warning with its cause, not "[object Event]", and the page still answers', async () => {
    const closed = await freePort();
    const port = await freePort();
    const { APP_ID: _a, PRIVATE_KEY: _k, NODE_ENV: _n, ...unregistered } = base;
    const child = spawn(process.execPath, [join(REPO, 'lib', 'app', 'main.js')], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...unregistered, PORT: String(port), WEBHOOK_PROXY_URL: `http://127.0.0.1:${closed}/channel` }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const warned = new Promise<void>((resolve) => {
      const onData = (c: Buffer) => {
        output += c.toString();
        if (output.includes('could not reach the webhook proxy')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
    try {
      await warned;
      expect(output).toContain("serving Probot's registration page");
      expect(output).not.toContain('[object Event]');
      expect(output).toMatch(new RegExp(`spec-automation: warning: could not reach the webhook proxy http://127\\.0\\.0\\.1:${closed}/channel: .*The registration page still works`));
      expect((await fetch(`http://localhost:${port}/probot`)).status).toBe(200);
    } finally {
      child.kill();
    }
  }, 20_000);

  it.skipIf(!process.env.DATABASE_URL)('a worker whose port is taken stops with one line naming PORT, instead of working jobs without /healthz', async () => {
    const taken = createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, 'localhost', () => resolve((taken.address() as { port: number }).port)));
    try {
      const { code, output } = await run('worker', { ...base, PORT: String(port), DATABASE_URL: process.env.DATABASE_URL! });
      expect(code).toBe(1);
      expect(output).toContain(`spec-automation: error: port ${port} is in use (another spec-automation process, or another server). Give this process a port of its own: PORT=${port + 1} npm run start:worker.`);
    } finally {
      taken.close();
    }
  }, 30_000);

  it('stops with one line naming the webhook proxy and its cause when WEBHOOK_PROXY_URL cannot be reached (it printed "error: [object Event]")', async () => {
    const closed = await freePort();
    const { code, output } = await run('main', { ...base, PORT: String(await freePort()), WEBHOOK_PROXY_URL: `http://127.0.0.1:${closed}/channel` });
    expect(code).toBe(1);
    expect(output).not.toContain('[object Event]');
    expect(output).toMatch(new RegExp(`spec-automation: error: could not reach the webhook proxy http://127\\.0\\.0\\.1:${closed}/channel: .*ECONNREFUSED.*unset WEBHOOK_PROXY_URL`));
  }, 20_000);
});
