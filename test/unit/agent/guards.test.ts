import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, checkWritablePath, looksBinary, normalizeAgentPath, WorkspaceError, type WritePolicy } from '../../../src/pipeline/agent/guards.js';

const policy: WritePolicy = { denyPaths: ['secrets/**', '**/*.pem'], maxFileBytes: 100, maxTotalBytes: 1000, maxFilesChanged: 3 };

function refusal(fn: () => unknown): WorkspaceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkspaceError);
    return error as WorkspaceError;
  }
  throw new Error('expected a WorkspaceError');
}

describe('normalizeAgentPath', () => {
  it.each([
    ['src\\app\\main.py', 'src/app/main.py'],
    ['./src//app/./main.py', 'src/app/main.py'],
    ['  tests/test_a.py ', 'tests/test_a.py'],
    ['dir/', 'dir'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeAgentPath(input)).toBe(expected);
  });

  it.each([
    ['../x', 'outside-root', '".."'],
    ['src/../../x', 'outside-root', '".."'],
    ['src/..', 'outside-root', '".."'],
    ['/etc/passwd', 'outside-root', 'absolute'],
    ['\\\\server\\share\\x', 'outside-root', 'absolute'],
    ['C:\\x', 'outside-root', 'drive letter'],
    ['c:x', 'outside-root', 'drive letter'],
    ['a/b:stream', 'invalid-path', '":"'],
    ['.git./config', 'invalid-path', 'ending in "."'],
    ['src/NUL.py', 'invalid-path', 'reserved Windows device name'],
    ['a\u0000b', 'invalid-path', 'control characters'],
    ['', 'invalid-path', 'empty'],
    ['./', 'invalid-path', 'empty'],
  ])('refuses %j (%s)', (input, code, words) => {
    const error = refusal(() => normalizeAgentPath(input));
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
  });

  it('refuses a non-string', () => {
    expect(refusal(() => normalizeAgentPath(42)).code).toBe('invalid-path');
  });

  it('accepts the root only for listing', () => {
    expect(normalizeAgentPath('.', true)).toBe('');
    expect(refusal(() => normalizeAgentPath('.')).code).toBe('invalid-path');
  });

  it('never returns a path that leaves the root, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '.', '/', '\\', ':', 'C', ' ', '~', '\u0000') , maxLength: 24 }), (input) => {
        let out: string;
        try {
          out = normalizeAgentPath(input);
        } catch (error) {
          return error instanceof WorkspaceError;
        }
        const segments = out.split('/');
        return !out.startsWith('/') && !out.includes('\\') && !out.includes(':') && !segments.includes('..') && !segments.includes('') && !segments.includes('.');
      }),
    );
  });
});

describe('checkWritablePath', () => {
  it.each(['.git/config', '.git', '.GIT/hooks/pre-commit', 'vendor/lib/.git/HEAD', 'GIT~1/config', '.github/workflows/ci.yml', '.GitHub/Workflows/release.yaml'])(
    'protects %s whatever the configuration',
    (path) => {
      const error = refusal(() => checkWritablePath(path, { ...policy, denyPaths: [] }));
      expect(error.code).toBe('protected');
      expect(error.message).toMatch(/never writes (files inside \.git|GitHub workflow files)/);
    },
  );

  it('refuses paths matching agent.denyPaths and names the glob', () => {
    const error = refusal(() => checkWritablePath('secrets/prod.env', policy));
    expect(error.code).toBe('denied');
    expect(error.message).toContain('"secrets/**"');
    expect(error.message).toContain('agent.denyPaths');
    expect(refusal(() => checkWritablePath('certs/server.pem', policy)).code).toBe('denied');
  });

  it.each(['src/app.py', '.github/dependabot.yml', '.gitignore', 'docs/.github/workflows-notes.md', 'tests/git_helpers.py'])('allows %s', (path) => {
    expect(() => checkWritablePath(path, policy)).not.toThrow();
  });
});

describe('checkContent', () => {
  it('refuses binary content', () => {
    expect(refusal(() => checkContent('a.bin', 'PK\u0003\u0004rest', policy)).code).toBe('binary');
    expect(refusal(() => checkContent('a.txt', 'ok\u0000', policy)).code).toBe('binary');
    expect(refusal(() => checkContent('a.txt', 'broken \ud800 surrogate', policy)).code).toBe('binary');
  });

  it('accepts text with tabs, CRLF, form feeds, escapes and non-ASCII', () => {
    expect(looksBinary('a\tb\r\nc\fd \u001b[0m é 漢字 🎉')).toBe(false);
    expect(checkContent('a.py', 'é', policy)).toBe(2);
  });

  it('refuses a file over maxFileBytes, counting UTF-8 bytes', () => {
    const error = refusal(() => checkContent('big.py', 'é'.repeat(51), policy));
    expect(error.code).toBe('file-too-large');
    expect(error.message).toContain('102 bytes');
    expect(error.message).toContain('agent.limits.maxFileBytes');
  });
});
