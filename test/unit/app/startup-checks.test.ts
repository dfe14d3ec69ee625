import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelCredentials } from '../../../src/adapters/anthropic/credentials.js';
import { checkStartup, needsSetup, type StartupProblem } from '../../../src/app/startup-checks.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const cwd = mkdtempSync(join(tmpdir(), 'spec-startup-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const good = { APP_ID: '123456', PRIVATE_KEY: rsa, WEBHOOK_SECRET: 's3cret', ANTHROPIC_API_KEY: 'sk-ant-test' };
const check = (env: Record<string, string | undefined>, role: 'all' | 'web' | 'worker' = 'all') => checkStartup(env, { cwd, role });
const only = (problems: StartupProblem[], variable: string) => problems.filter((p) => p.variable === variable);

describe('start-up checks', () => {
  it('find nothing wrong in a complete environment', () => {
    expect(check(good)).toEqual([]);
    expect(check({ ...good, NODE_ENV: 'production' })).toEqual([]);
  });

  it('refuse production without WEBHOOK_SECRET, or with Probot\'s fallback secret, and warn in development', () => {
    const [refused] = only(check({ ...good, NODE_ENV: 'production', WEBHOOK_SECRET: undefined }), 'WEBHOOK_SECRET');
    expect(refused?.level).toBe('error');
    expect(refused?.message).toMatch(/^WEBHOOK_SECRET is not set: in production the app refuses to start.*Set WEBHOOK_SECRET/);
    expect(only(check({ ...good, NODE_ENV: 'production', WEBHOOK_SECRET: 'development' }), 'WEBHOOK_SECRET')[0]?.level).toBe('error');
    expect(only(check({ ...good, WEBHOOK_SECRET: '' }), 'WEBHOOK_SECRET')[0]?.level).toBe('warn');
    // A worker never receives webhooks.
    expect(only(check({ ...good, NODE_ENV: 'production', WEBHOOK_SECRET: undefined, DATABASE_URL: 'postgres://localhost/x' }, 'worker'), 'WEBHOOK_SECRET')).toEqual([]);
  });

  it('name the private key variable and the problem', () => {
    const missing = only(check({ ...good, PRIVATE_KEY: undefined }), 'PRIVATE_KEY');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toMatch(/^PRIVATE_KEY is not set \(nor PRIVATE_KEY_PATH/);

    const garbage = check({ ...good, PRIVATE_KEY: 'not a key' });
    expect(garbage[0]).toMatchObject({ level: 'error', variable: 'PRIVATE_KEY' });
    expect(garbage[0]!.message).toMatch(/could not be read/);

    // Shaped like a PEM key, but the body is not one.
    const cut = rsa.replace(/\n[A-Za-z0-9+/=]{20,}\n/, '\nAAAA\n');
    const invalid = check({ ...good, PRIVATE_KEY: cut });
    expect(invalid[0]).toMatchObject({ level: 'error', variable: 'PRIVATE_KEY' });
    expect(invalid[0]!.message).toMatch(/is not a valid PEM private key/);

    // As `docker run --env-file` passes the quoted value the manifest flow writes to .env.
    const quoted = check({ ...good, PRIVATE_KEY: `"${rsa.replace(/\n/g, '\\n')}"` });
    expect(quoted[0]).toMatchObject({ level: 'error', variable: 'PRIVATE_KEY' });
    expect(quoted[0]!.message).toMatch(/starts with a quote.*docker run --env-file.*PRIVATE_KEY_PATH.*base64 -w0/);

    expect(check({ ...good, PRIVATE_KEY: ec })[0]!.message).toMatch(/is a ec key; GitHub App keys are RSA/);

    const absent = check({ ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'nowhere.pem' });
    expect(absent[0]).toMatchObject({ level: 'error', variable: 'PRIVATE_KEY_PATH' });
    expect(absent[0]!.message).toMatch(/nowhere\.pem/);

    writeFileSync(join(cwd, 'app.pem'), rsa);
    expect(check({ ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: 'app.pem' })).toEqual([]);
  });

  it('say APP_ID is missing or not a number', () => {
    expect(only(check({ ...good, APP_ID: undefined }), 'APP_ID')[0]?.message).toMatch(/^APP_ID is not set/);
    expect(only(check({ ...good, APP_ID: 'my-app' }), 'APP_ID')[0]?.message).toMatch(/^APP_ID is "my-app", not a number/);
  });

  it('warn when the model has no credentials (not on a web process, which never runs the agent)', () => {
    const warned = check({ ...good, ANTHROPIC_API_KEY: undefined });
    expect(warned).toEqual([expect.objectContaining({ level: 'warn', variable: 'ANTHROPIC_API_KEY' })]);
    expect(warned[0]!.message).toMatch(/^The agent cannot run: Model route anthropic \(SPEC_AUTOMATION_MODEL_PROVIDER\): ANTHROPIC_API_KEY is not set \(or ANTHROPIC_AUTH_TOKEN for a gateway\); create a key/);
    expect(modelCredentials({ ANTHROPIC_API_KEY: 'sk-ant-x' })).toEqual({ ok: true, route: 'anthropic (ANTHROPIC_API_KEY)' });
    // One route per deployment, from the app's environment.
    expect(modelCredentials({ SPEC_AUTOMATION_MODEL_PROVIDER: 'bedrock', ANTHROPIC_API_KEY: 'sk-ant-x', AWS_BEARER_TOKEN_BEDROCK: 'b', AWS_REGION: 'us-west-2' })).toEqual({ ok: true, route: 'bedrock (us-west-2, AWS_BEARER_TOKEN_BEDROCK)' });
    expect(modelCredentials({ SPEC_AUTOMATION_MODEL_PROVIDER: 'foundry' })).toMatchObject({ ok: false, variable: 'ANTHROPIC_FOUNDRY_RESOURCE' });
    expect(modelCredentials({ SPEC_AUTOMATION_MODEL_PROVIDER: 'azure' })).toMatchObject({ ok: false, variable: 'SPEC_AUTOMATION_MODEL_PROVIDER' });
    expect(only(check({ ...good, ANTHROPIC_API_KEY: undefined, DATABASE_URL: 'postgres://db/x' }, 'web'), 'ANTHROPIC_API_KEY')).toEqual([]);
  });

  it("say the app's fix for a missing model key (.env), not the CLI's (a shell export, a recorded session)", () => {
    const [warned] = check({ ...good, ANTHROPIC_API_KEY: undefined });
    expect(warned!.message).toMatch(/create a key at https:\/\/console\.anthropic\.com\/settings\/keys, put ANTHROPIC_API_KEY=sk-ant-\.\.\. in \.env\. The app reads \.env or the process's environment: restart it after a change\./);
    expect(warned!.message).not.toMatch(/replay|PowerShell|export /);
    // Every route's variables get the same treatment.
    const [bedrock] = check({ ...good, ANTHROPIC_API_KEY: undefined, SPEC_AUTOMATION_MODEL_PROVIDER: 'bedrock' });
    expect(bedrock!.message).toMatch(/put AWS_BEARER_TOKEN_BEDROCK=\.\.\. in \.env/);
    expect(bedrock!.message).not.toMatch(/PowerShell/);
  });

  it('warn on a Node.js older than 22 (the CLI refuses one; `npm start` said nothing)', () => {
    const [old] = checkStartup(good, { cwd, role: 'all', nodeVersion: '20.20.2' });
    expect(old).toMatchObject({ level: 'warn', variable: 'PATH' });
    expect(old!.message).toMatch(/^Node\.js 20\.20\.2 is older than 22.*node@24/);
    expect(checkStartup(good, { cwd, role: 'all', nodeVersion: '22.0.0' })).toEqual([]);
  });

  it('warn when a production process has a webhook proxy (a development .env wins over the environment)', () => {
    const [proxy] = only(check({ ...good, NODE_ENV: 'production', WEBHOOK_PROXY_URL: 'https://smee.io/abc' }), 'WEBHOOK_PROXY_URL');
    expect(proxy).toMatchObject({ level: 'warn' });
    expect(proxy!.message).toMatch(/^WEBHOOK_PROXY_URL is set with NODE_ENV=production.*\.env.*remove WEBHOOK_PROXY_URL/);
    expect(only(check({ ...good, NODE_ENV: 'production', WEBHOOK_PROXY_URL: 'https://smee.io/abc', DATABASE_URL: 'postgres://db/x' }, 'web'), 'WEBHOOK_PROXY_URL')).toHaveLength(1);
    // Development is what the proxy is for; a worker never receives webhooks.
    expect(only(check({ ...good, WEBHOOK_PROXY_URL: 'https://smee.io/abc' }), 'WEBHOOK_PROXY_URL')).toEqual([]);
    expect(only(check({ ...good, NODE_ENV: 'production', WEBHOOK_PROXY_URL: 'https://smee.io/abc', DATABASE_URL: 'postgres://db/x' }, 'worker'), 'WEBHOOK_PROXY_URL')).toEqual([]);
  });

  it('need DATABASE_URL for web and worker processes, and a postgres:// one', () => {
    expect(only(check(good, 'web'), 'DATABASE_URL')[0]?.level).toBe('error');
    expect(only(check(good, 'worker'), 'DATABASE_URL')[0]?.level).toBe('error');
    expect(only(check({ ...good, DATABASE_URL: 'mysql://db/x' }), 'DATABASE_URL')[0]?.message).toMatch(/not a postgres:\/\/ URL/);
    expect(check({ ...good, DATABASE_URL: 'postgresql://u:p@db:5432/x' }, 'worker')).toEqual([]);
  });

  it('tell setup mode (nothing configured) from a broken configuration', () => {
    const empty = mkdtempSync(join(tmpdir(), 'spec-startup-empty-'));
    try {
      expect(needsSetup({}, empty)).toBe(true);
      expect(needsSetup({ APP_ID: '1' }, empty)).toBe(true);
      expect(needsSetup({ APP_ID: '1', PRIVATE_KEY: 'broken' }, empty)).toBe(false);
      expect(needsSetup(good, empty)).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
