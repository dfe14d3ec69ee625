import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSecretName, REDACTED, Redactor } from '../../../src/pipeline/redact.js';

describe('Redactor', () => {
  it('removes configured secrets and key-shaped strings', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const r = new Redactor(['sk-ant-api03-CANARY-0123456789', privateKey, 'short', undefined]);
    const text = `key sk-ant-api03-CANARY-0123456789 and ${privateKey} line ${privateKey.split('\n')[3]} token ghs_abcdefghijklmnopqrstuvwxyz012345 other sk-ant-zzzzzzzzzzzz`;
    const out = r.redact(text);
    expect(out).not.toContain('CANARY');
    expect(out).not.toContain(privateKey.split('\n')[3]!);
    expect(out).not.toContain('ghs_abc');
    expect(out).not.toContain('sk-ant-zzz');
    expect(out).not.toContain('BEGIN PRIVATE KEY');
    expect(out).toContain(REDACTED);
    expect(r.redact('nothing secret, short')).toBe('nothing secret, short');
  });

  it('reads the secrets from the environment', () => {
    const r = Redactor.fromEnv({ ANTHROPIC_API_KEY: 'canary-anthropic-key-123', WEBHOOK_SECRET: 'webhook-secret-456' });
    expect(r.redact('a canary-anthropic-key-123 b webhook-secret-456')).toBe(`a ${REDACTED} b ${REDACTED}`);
  });
});

describe('the shared redactor', () => {
  it('knows every secret-named variable of the environment, not the rest', () => {
    expect(isSecretName('GITHUB_TOKEN')).toBe(true);
    expect(isSecretName('INPUT_GITHUB-TOKEN')).toBe(true);
    expect(isSecretName('ACTIONS_ID_TOKEN_REQUEST_TOKEN')).toBe(true);
    expect(isSecretName('AWS_SECRET_ACCESS_KEY')).toBe(true);
    expect(isSecretName('DB_PASSWORD')).toBe(true);
    expect(isSecretName('ANTHROPIC_AUTH_TOKEN')).toBe(true);
    expect(isSecretName('PRIVATE_KEY')).toBe(true);
    for (const name of ['PATH', 'HOME', 'TOKENIZERS_PARALLELISM', 'KEYBOARD_LAYOUT', 'ANTHROPIC_BASE_URL', 'PYTEST_ADDOPTS']) expect(isSecretName(name)).toBe(false);
    const r = Redactor.fromEnv({ PATH: '/usr/local/bin:/usr/bin', NPM_TOKEN: 'npm-canary-token-1', 'INPUT_GITHUB-TOKEN': 'input-canary-token-2' }, ['extra-canary-secret-3']);
    expect(r.redact('/usr/local/bin:/usr/bin npm-canary-token-1 input-canary-token-2 extra-canary-secret-3')).toBe(`/usr/local/bin:/usr/bin ${REDACTED} ${REDACTED} ${REDACTED}`);
  });

  it('removes a secret in its URL-encoded form too', () => {
    const r = new Redactor(['p@ss word/with:chars']);
    expect(r.redact(`https://x/?k=${encodeURIComponent('p@ss word/with:chars')}`)).toBe(`https://x/?k=${REDACTED}`);
  });

  it('redactDeep redacts every string of a JSON value, keys included, on a copy', () => {
    const r = new Redactor(['deep-canary-secret']);
    const value = { a: ['x deep-canary-secret y', { 'deep-canary-secret': 1, n: 2, ok: true, none: null }], b: 'clean' };
    const out = r.redactDeep(value);
    expect(out).toEqual({ a: [`x ${REDACTED} y`, { [REDACTED]: 1, n: 2, ok: true, none: null }], b: 'clean' });
    expect(value.a[0]).toBe('x deep-canary-secret y');
  });

  it('redactDeep shares what has nothing to redact, and copies what it changes', () => {
    const r = new Redactor(['deep-canary-secret']);
    const clean = { path: 'pkg/a.py', range: { start: { line: 3 } }, tags: ['x', 'y'] };
    const value = { clean: [clean], dirty: { message: 'deep-canary-secret here', line: 1 } };
    const out = r.redactDeep(value);
    expect(out.clean).toBe(value.clean);
    expect(out.clean[0]).toBe(clean);
    expect(out).not.toBe(value);
    expect(out.dirty).toEqual({ message: `${REDACTED} here`, line: 1 });
    expect(value.dirty.message).toBe('deep-canary-secret here');
    expect(r.redactDeep(clean)).toBe(clean);
  });
});
