import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import {
  forgetImplementations,
  LockFileError,
  lockEntryForRun,
  lockEntryOf,
  naturalCompare,
  parseLock,
  recordImplementation,
  requirementSetOf,
  serializeLock,
  type LockEntry,
} from '../../../src/pipeline/drift/index.js';
import { revalidateRepository } from '../../../src/pipeline/revalidate/index.js';
import { parseSpec } from '../../../src/pipeline/spec/index.js';

const HASH = 'a'.repeat(64);

function entry(path: string, overrides: Partial<LockEntry> = {}): LockEntry {
  return { path, id: 'PRD-1', type: 'prd', contentHash: HASH, requirements: { 'FR-1': '0123456789abcdef' }, pr: { number: 7 }, implementedAt: '2026-10-01T00:00:00Z', ...overrides };
}

const SPEC = `---
type: functional-spec
id: FS-1
status: approved
---
# Spec

## Functional Requirements

### FR-2: Save

**Acceptance criteria:**

1. WHEN the user saves, THE app SHALL write the file.

### FR-10: Load

**Acceptance criteria:**

1. WHEN the app starts, THE app SHALL read the file.
`;

describe('the lock file format', () => {
  it('is the same text whatever order entries were recorded in: sorted paths, natural id order, trailing newline', () => {
    const a = recordImplementation(recordImplementation(undefined, entry('docs/b.md')), entry('docs/a.md', { requirements: { 'FR-10': '1'.repeat(16), 'FR-2': '2'.repeat(16) } }));
    const b = recordImplementation(recordImplementation(undefined, entry('docs/a.md', { requirements: { 'FR-2': '2'.repeat(16), 'FR-10': '1'.repeat(16) } })), entry('docs/b.md'));
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.indexOf('"docs/a.md"')).toBeLessThan(a.indexOf('"docs/b.md"'));
    expect(a.indexOf('"FR-2"')).toBeLessThan(a.indexOf('"FR-10"'));
    expect(a.split('\n').slice(0, 3)).toEqual(['{', '  "version": 1,', '  "specs": {']);
    // One requirement per line: two pull requests touching different specs touch different lines.
    expect(a).toContain('\n        "FR-2": "2222222222222222",\n');
  });

  it('reads back what it writes, and rewriting it changes nothing', () => {
    const text = recordImplementation(undefined, entry('docs/a.md', { commit: 'f'.repeat(40), pr: { number: 3, url: 'https://github.com/o/r/pull/3' } }));
    const { lock, problems } = parseLock(text);
    expect(problems).toEqual([]);
    expect(lock.entries.get('docs/a.md')).toEqual(entry('docs/a.md', { commit: 'f'.repeat(40), pr: { number: 3, url: 'https://github.com/o/r/pull/3' } }));
    expect(serializeLock(lock)).toBe(text);
  });

  it('is stable for any set of entries (property)', () => {
    const path = fc.stringMatching(/^docs\/[a-z0-9-]{1,12}\.md$/);
    const req = fc.dictionary(fc.stringMatching(/^(FR|NFR)-[1-9]\d{0,2}$/), fc.stringMatching(/^[0-9a-f]{16}$/), { maxKeys: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ path, requirements: req, pr: fc.integer({ min: 1, max: 99999 }) }), { selector: (e) => e.path, maxLength: 8 }), (items) => {
        let forward: string | undefined;
        for (const i of items) forward = recordImplementation(forward, entry(i.path, { requirements: i.requirements, pr: { number: i.pr } }));
        let backward: string | undefined;
        for (const i of [...items].reverse()) backward = recordImplementation(backward, entry(i.path, { requirements: i.requirements, pr: { number: i.pr } }));
        if (items.length === 0) return;
        expect(forward).toBe(backward);
        expect(serializeLock(parseLock(forward!).lock)).toBe(forward);
      }),
      { numRuns: 200 },
    );
  });

  it('orders naturally and the same everywhere', () => {
    expect(['FR-10', 'FR-2', 'NFR-1', 'FR-2a', 'FR-02'].sort(naturalCompare)).toEqual(['FR-2', 'FR-02', 'FR-2a', 'FR-10', 'NFR-1']);
  });
});

describe('recordImplementation', () => {
  it('replaces the entry of the same spec and keeps the others, unknown keys included', () => {
    const first = recordImplementation(undefined, entry('docs/a.md'));
    const withExtra = first.replace('"contentHash"', '"reviewer": "dana",\n      "contentHash"');
    const second = recordImplementation(withExtra, entry('docs/b.md'));
    expect([...parseLock(second).lock.entries.keys()]).toEqual(['docs/a.md', 'docs/b.md']);
    expect(parseLock(second).lock.entries.get('docs/a.md')!.extra).toEqual({ reviewer: 'dana' });
    expect(second).toContain('"reviewer": "dana"');
    // Recording docs/a.md again replaces its entry as a whole.
    const third = parseLock(recordImplementation(second, entry('docs/a.md', { pr: { number: 8 } }))).lock;
    expect(third.entries.get('docs/a.md')).toEqual(entry('docs/a.md', { pr: { number: 8 } }));
    expect(third.entries.get('docs/b.md')).toEqual(entry('docs/b.md'));
  });

  it('refuses to overwrite a file it cannot read, so no entry is lost', () => {
    const valid = recordImplementation(undefined, entry('docs/a.md'));
    const conflicted = valid.replace('  "specs": {', '<<<<<<< HEAD\n  "specs": {');
    expect(() => recordImplementation(conflicted, entry('docs/b.md'))).toThrow(LockFileError);
    expect(() => recordImplementation(conflicted, entry('docs/b.md'))).toThrow(/merge-conflict markers.*\(line 3\)/);
    expect(() => recordImplementation('{"version": 1, "specs": {', entry('docs/b.md'))).toThrow(/not valid JSON/);
    expect(() => recordImplementation('{"version": 2, "specs": {}}', entry('docs/b.md'))).toThrow(/newer spec-automation/);
    expect(recordImplementation('   \n', entry('docs/b.md'))).toContain('"docs/b.md"');
  });

  it('records a spec as the pipeline parsed it: id, type, hash of the bytes, requirements with their criteria', () => {
    const bytes = new TextEncoder().encode(SPEC);
    const spec = parseSpec('docs/fs.md', bytes, defaultConfig().specs);
    const e = lockEntryOf(spec, { pr: { number: 4, url: 'https://github.com/o/r/pull/4' }, commit: 'b'.repeat(40), implementedAt: new Date('2026-10-02T03:04:05Z') });
    expect(e).toMatchObject({ path: 'docs/fs.md', id: 'FS-1', type: 'functional-spec', contentHash: spec.contentHash, pr: { number: 4 }, implementedAt: '2026-10-02T03:04:05.000Z' });
    expect(Object.keys(e.requirements)).toEqual(['FR-2', 'FR-10']);
    // A changed acceptance criterion changes the requirement's hash; re-wrapping does not.
    const changed = parseSpec('docs/fs.md', new TextEncoder().encode(SPEC.replace('write the file', 'write the file atomically')), defaultConfig().specs);
    const rewrapped = parseSpec('docs/fs.md', new TextEncoder().encode(SPEC.replace('THE app SHALL write', 'THE app\nSHALL write')), defaultConfig().specs);
    expect(requirementSetOf(changed)['FR-2']).not.toBe(e.requirements['FR-2']);
    expect(requirementSetOf(changed)['FR-10']).toBe(e.requirements['FR-10']);
    expect(requirementSetOf(rewrapped)['FR-2']).toBe(e.requirements['FR-2']);
  });
});

describe('lockEntryForRun (the entry a run commits with its implementation)', () => {
  const config = defaultConfig();
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const lf = new TextEncoder().encode(SPEC);
  const crlf = new TextEncoder().encode(SPEC.replace(/\n/g, '\r\n'));

  /** The drift state of docs/fs.md when the checkout holds `bytes` and the lock `lockText`. */
  async function stateOn(bytes: Uint8Array, lockText: string): Promise<string | undefined> {
    const files = new Map<string, Uint8Array>([
      ['docs/fs.md', bytes],
      ['.spec-automation/lock.json', new TextEncoder().encode(lockText)],
    ]);
    const source = {
      list: async () => [...files.keys()],
      read: async (path: string) => {
        const found = files.get(path);
        if (!found) throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
        return found;
      },
    };
    const report = await revalidateRepository(source, config);
    return report.specs.find((s) => s.path === 'docs/fs.md')?.drift.state;
  }

  it('names no commit (the commit that carries the entry cannot name itself) and keeps the pull request when there is one', () => {
    const spec = parseSpec('docs/fs.md', lf, config.specs);
    const local = lockEntryForRun(spec, lf, { implementedAt: '2026-10-02T03:04:05Z' });
    expect(local).toEqual(lockEntryOf(spec, { implementedAt: '2026-10-02T03:04:05Z' }));
    expect(local.commit).toBeUndefined();
    expect(local.pr).toBeUndefined();
    const app = lockEntryForRun(spec, lf, { pr: { number: 9, url: 'https://github.com/o/r/pull/9' }, implementedAt: '2026-10-02T03:04:05Z' });
    expect(app.pr).toEqual({ number: 9, url: 'https://github.com/o/r/pull/9' });
    expect(app.commit).toBeUndefined();
  });

  it('records the hash git stores (LF) for a spec read from a CRLF checkout, so both checkouts read it as implemented', async () => {
    const spec = parseSpec('docs/fs.md', crlf, config.specs);
    expect(spec.contentHash).toBe(sha256(crlf));
    const entry = lockEntryForRun(spec, crlf, { implementedAt: '2026-10-02T03:04:05Z' });
    expect(entry.contentHash).toBe(sha256(lf));
    const lock = recordImplementation(undefined, entry);
    expect(await stateOn(lf, lock)).toBe('implemented');
    expect(await stateOn(crlf, lock)).toBe('implemented');
    // The hash of the CRLF bytes, as lockEntryOf records it, reads as edited on an LF checkout.
    expect(await stateOn(lf, recordImplementation(undefined, lockEntryOf(spec, { implementedAt: '2026-10-02T03:04:05Z' })))).toBe('edited');
  });

  it('keeps the parsed hash when the bytes are not the ones the spec was parsed from', () => {
    const spec = parseSpec('docs/fs.md', crlf, config.specs);
    expect(lockEntryForRun(spec, new TextEncoder().encode('other\r\n'), { implementedAt: '2026-10-02T03:04:05Z' }).contentHash).toBe(spec.contentHash);
    expect(lockEntryForRun(spec, undefined, { implementedAt: '2026-10-02T03:04:05Z' }).contentHash).toBe(spec.contentHash);
  });
});

describe('parseLock', () => {
  it('skips an unusable entry with a problem on its line and keeps the rest', () => {
    const text = `{
  "version": 1,
  "specs": {
    "docs/a.md": {
      "contentHash": "${HASH}",
      "implementedAt": "2026-10-01T00:00:00Z",
      "requirements": {}
    },
    "docs/b.md": {
      "contentHash": "not a hash",
      "implementedAt": "2026-10-01T00:00:00Z",
      "requirements": {}
    },
    "docs/c.md": { "contentHash": "${HASH}", "implementedAt": "x", "requirements": {}, "pr": { "number": -1 } }
  }
}
`;
    const { lock, problems } = parseLock(text);
    expect([...lock.entries.keys()]).toEqual(['docs/a.md']);
    expect(problems).toEqual([
      { line: 9, fatal: false, message: 'The entry for docs/b.md has no valid "contentHash" (64 hex digits); it is ignored.' },
      { line: 14, fatal: false, message: 'The entry for docs/c.md "pr" is not { "number": <positive integer>, "url"?: <string> }; it is ignored.' },
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { lock, problems } = parseLock(text);
        expect(lock.entries.size === 0 || problems.every((p) => !p.fatal)).toBe(true);
      }),
      { numRuns: 300 },
    );
    for (const text of ['null', '[]', '{"version": "1", "specs": {}}', '{"version": 1, "specs": []}', '{"version": 1, "specs": {"a": null}}']) {
      expect(() => parseLock(text)).not.toThrow();
    }
    expect(parseLock('{"version": 1, "specs": {"a": null}}').problems[0]!.message).toBe('The entry for a is not an object; it is ignored.');
  });

  it('says where invalid JSON breaks', () => {
    const { problems } = parseLock('{\n  "version": 1,\n  "specs": {\n    "a": ,\n  }\n}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 4, fatal: true });
    expect(parseLock('{"version": 1,\n"specs": {"a": "unterminated\n}}').problems[0]!.line).toBe(2);
    expect(parseLock('{"version": 1, "specs": {}} trailing').problems[0]!.line).toBe(1);
  });
});

describe('forgetImplementations', () => {
  it('removes the entries of specs that are gone', () => {
    const text = recordImplementation(recordImplementation(undefined, entry('docs/a.md')), entry('docs/gone.md'));
    expect([...parseLock(forgetImplementations(text, ['docs/gone.md', 'docs/never.md'])).lock.entries.keys()]).toEqual(['docs/a.md']);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, and never throws', async () => {
    const { jsonErrorOffset } = await import('../../../src/pipeline/drift/json-error.js');
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 60 }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(text) === undefined).toBe(valid);
      }),
      { numRuns: 500 },
    );
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });
});
