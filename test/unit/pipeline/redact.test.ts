import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../../src/pipeline/redact.js';

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
