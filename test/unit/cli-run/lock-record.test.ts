// The lock file entry a run writes into each agent commit (planLockUpdate, the same for
// the app and the CLI), read here from a real temp git checkout (git decides what is
// ignored), with the real spec pipeline.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalGit } from '../../../src/adapters/git/local-git.js';
import { readLock, writeLock } from '../../../src/cli/run/lock-record.js';
import { planLockUpdate } from '../../../src/pipeline/workflow/iteration.js';
import { defaultConfig } from '../../../src/pipeline/config/schema.js';
import { lockPathOf, parseLock } from '../../../src/pipeline/drift/index.js';
import { parseSpec } from '../../../src/pipeline/spec/index.js';
import { git, removeDir } from './support.js';

const SPEC_TEXT = `---
type: functional-spec
id: FS-7
status: approved
---
# Export

## Functional Requirements

### FR-7: Export the visible tasks to CSV

**Acceptance criteria:**

1. WHEN the user exports, THE app SHALL write the visible tasks.
`;
const AT = new Date('2026-10-21T08:00:00Z');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function checkout(files: Record<string, string> = {}): Promise<{ dir: string; git: LocalGit }> {
  const dir = mkdtempSync(join(tmpdir(), 'lock-record-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries({ 'docs/fs.md': SPEC_TEXT, ...files })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q', '-b', 'main');
  return { dir, git: await LocalGit.open(dir) };
}

const spec = () => parseSpec('docs/fs.md', new TextEncoder().encode(SPEC_TEXT), defaultConfig().specs);

async function lockUpdateFor(args: { root: string; lockFile: string; git: LocalGit }) {
  const path = lockPathOf(args.lockFile);
  const read = path === undefined ? { kind: 'text' as const, text: undefined } : await readLock(args.root, path, args.git);
  return planLockUpdate({ lockFile: args.lockFile, spec: spec(), specBytes: new TextEncoder().encode(SPEC_TEXT), read, at: AT });
}

describe('readLock and planLockUpdate', () => {
  it('creates the lock file with the spec entry when there is none, and writeLock puts it in place', async () => {
    const { dir, git: g } = await checkout();
    const update = await lockUpdateFor({ root: dir, lockFile: '.spec-automation/lock.json', git: g });
    if (update.kind !== 'write') throw new Error(update.reason);
    expect(update.path).toBe('.spec-automation/lock.json');
    const entry = parseLock(update.content).lock.entries.get('docs/fs.md');
    expect(entry).toMatchObject({ id: 'FS-7', type: 'functional-spec', contentHash: spec().contentHash, implementedAt: '2026-10-21T08:00:00.000Z' });
    expect(Object.keys(entry!.requirements)).toEqual(['FR-7']);
    expect(entry!.commit).toBeUndefined();
    await writeLock(dir, update);
    expect(readFileSync(join(dir, '.spec-automation', 'lock.json'), 'utf8')).toBe(update.content);
  });

  it('keeps the entries of other specs', async () => {
    const other = '{\n  "version": 1,\n  "specs": {\n    "docs/prd.md": {\n      "contentHash": "' + 'a'.repeat(64) + '",\n      "implementedAt": "2026-10-01T00:00:00Z",\n      "pr": { "number": 1 },\n      "requirements": {}\n    }\n  }\n}\n';
    const { dir, git: g } = await checkout({ '.spec-automation/lock.json': other });
    const update = await lockUpdateFor({ root: dir, lockFile: '.spec-automation/lock.json', git: g });
    if (update.kind !== 'write') throw new Error(update.reason);
    expect([...parseLock(update.content).lock.entries.keys()]).toEqual(['docs/fs.md', 'docs/prd.md']);
    expect(parseLock(update.content).lock.entries.get('docs/prd.md')!.pr).toEqual({ number: 1 });
  });

  it('does not record into a lock file it cannot read safely, and says why', async () => {
    const conflicted = '{\n  "version": 1,\n<<<<<<< HEAD\n  "specs": {}\n=======\n  "specs": {}\n>>>>>>> other\n}\n';
    const { dir, git: g } = await checkout({ '.spec-automation/lock.json': conflicted });
    const update = await lockUpdateFor({ root: dir, lockFile: '.spec-automation/lock.json', git: g });
    expect(update.kind).toBe('skip');
    expect(update.kind === 'skip' && update.reason).toMatch(/^\.spec-automation\/lock\.json: Cannot record docs\/fs\.md in the lock file: The lock file has git merge-conflict markers.*\(line 3\)\. The run goes on without recording docs\/fs\.md and leaves the file as it is\.$/);
    expect(readFileSync(join(dir, '.spec-automation', 'lock.json'), 'utf8')).toBe(conflicted);
  });

  it('does not record into a lock file git ignores (it could not be committed)', async () => {
    const { dir, git: g } = await checkout({ '.gitignore': '.spec-automation/\n' });
    const update = await lockUpdateFor({ root: dir, lockFile: '.spec-automation/lock.json', git: g });
    expect(update).toEqual({ kind: 'skip', reason: expect.stringContaining('.spec-automation/lock.json is ignored by git (.gitignore)') });
  });

  it('does not write outside the project directory', async () => {
    const { dir, git: g } = await checkout();
    const update = await lockUpdateFor({ root: dir, lockFile: '../elsewhere/lock.json', git: g });
    expect(update).toEqual({ kind: 'skip', reason: expect.stringContaining('lies outside the repository') });
    expect(lockPathOf('./state/../lock.json')).toBe('lock.json');
    expect(lockPathOf('C:\\lock.json')).toBeUndefined();
    // As the re-validation reads it: a leading slash is the project root.
    expect(lockPathOf('/locks/spec.json')).toBe('locks/spec.json');
  });
});
