import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefixOf, rebaseDiagnostic } from '../../../src/action/rebase.js';
import { diag } from '../reporting/make.js';

describe('prefixOf', () => {
  it('is the repo-relative path of the project root', () => {
    const ws = join('/', 'ws');
    expect(prefixOf(ws, ws)).toBe('');
    expect(prefixOf(ws, join(ws, 'apps', 'desk'))).toBe('apps/desk');
    expect(prefixOf(ws, join('/', 'elsewhere'))).toBeUndefined();
  });
});

describe('rebaseDiagnostic', () => {
  it('prefixes a spec or configuration finding, keeps its fingerprint, and leaves absolute paths alone', () => {
    const d = diag({ path: 'docs/prd.md' });
    expect(rebaseDiagnostic(d, 'app')).toEqual({ ...d, path: 'app/docs/prd.md' });
    expect(rebaseDiagnostic(d, '')).toBe(d);
    expect(rebaseDiagnostic(diag({ path: '/etc/config.yml' }), 'app').path).toBe('/etc/config.yml');
    expect(rebaseDiagnostic(diag({ path: 'C:/cfg/a.yml' }), 'app').path).toBe('C:/cfg/a.yml');
  });
});
