import { describe, expect, it } from 'vitest';
import { parsePorcelainStatus } from '../../../src/adapters/git/local-git.js';
import { dirtyTreeMessage, filterBlocking } from '../../../src/cli/run/worktree.js';

describe('parsePorcelainStatus', () => {
  it('reads modified, staged, added, deleted, renamed (skipping the source), conflicts and untracked', () => {
    const out = [' M a.py', 'M  staged.py', 'A  new.py', ' D gone.py', 'R  to.py', 'from.py', 'UU both.py', '?? notes.txt', '!! ignored.log', ''].join('\0');
    expect(parsePorcelainStatus(out)).toEqual([
      { path: 'a.py', kind: 'modified', staged: false },
      { path: 'staged.py', kind: 'modified', staged: true },
      { path: 'new.py', kind: 'added', staged: true },
      { path: 'gone.py', kind: 'deleted', staged: false },
      { path: 'to.py', kind: 'renamed', staged: true },
      { path: 'both.py', kind: 'conflict', staged: true },
      { path: 'notes.txt', kind: 'untracked', staged: false },
    ]);
  });

  it('keeps paths with spaces and odd characters whole', () => {
    expect(parsePorcelainStatus('?? dir/a b "c".py\0')).toEqual([{ path: 'dir/a b "c".py', kind: 'untracked', staged: false }]);
  });
});

describe('filterBlocking', () => {
  const entries = parsePorcelainStatus(
    [' M app/x.py', '?? app/.spec-automation/state/s.json', '?? app/tasklet/__pycache__/m.pyc', ' M app/tasklet/__pycache__/tracked.pyc', '?? app/.venv/bin/python', '?? other/y.py', '?? app/notes.md', ''].join('\0'),
  );

  it('ignores the run directory and untracked caches, keeps everything else with its project-relative path', () => {
    expect(filterBlocking(entries, 'app/')).toEqual([
      { path: 'app/x.py', kind: 'modified', staged: false, cwdPath: 'x.py' },
      { path: 'app/tasklet/__pycache__/tracked.pyc', kind: 'modified', staged: false, cwdPath: 'tasklet/__pycache__/tracked.pyc' },
      { path: 'other/y.py', kind: 'untracked', staged: false },
      { path: 'app/notes.md', kind: 'untracked', staged: false, cwdPath: 'notes.md' },
    ]);
  });

  it('at the repository root, the run directory is .spec-automation/', () => {
    const root = parsePorcelainStatus(['?? .spec-automation/reports/r.md', '?? .spec-automation/cache/gates/x.json', '?? .spec-automation-notes.md', ' M .spec-automation/lock.json', ''].join('\0'));
    expect(filterBlocking(root, '').map((e) => e.path)).toEqual(['.spec-automation-notes.md', '.spec-automation/lock.json']);
  });
});

describe('dirtyTreeMessage', () => {
  it('lists what is in the way and says how to clear it without losing it', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.py`, kind: 'modified' as const, staged: false }));
    const message = dirtyTreeMessage(many);
    expect(message).toContain('modified  f0.py');
    expect(message).toContain('… and 2 more');
    expect(message).not.toContain('f11.py');
    expect(message).toContain('git stash --include-untracked');
    expect(message).toContain('git stash pop');
  });
});
