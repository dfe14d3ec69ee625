// The example app as a benchmark subject: a temp copy of examples/tasklet as its own git
// repository with a throwaway virtualenv (Debian's pytest and PyQt6 through
// --system-site-packages), optionally scaled up: `copies` copies of the package
// (tasklet/copy_k, relative imports unchanged) and of its tests (tests/test_*_k.py,
// importing the copy). Shared by gates.bench.js and shards.bench.js.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Creates `<work>/<name>` and returns its path. */
export function createTaskletApp(work, name, copies, python) {
  const app = join(work, name);
  cpSync(join(REPO, 'examples', 'tasklet'), app, { recursive: true, filter: (src) => !/(__pycache__|\.pytest_cache|\.venv|\.spec-automation)$/.test(src) });
  for (let k = 1; k <= copies; k++) {
    const pkg = join(app, 'tasklet', `copy_${k}`);
    mkdirSync(pkg);
    for (const f of ['__init__.py', 'model.py', 'storage.py', 'window.py']) cpSync(join(app, 'tasklet', f), join(pkg, f));
    for (const t of ['model', 'storage', 'window']) {
      const text = readFileSync(join(app, 'tests', `test_${t}.py`), 'utf8')
        .replace(/from tasklet\.(\w+) import/g, `from tasklet.copy_${k}.$1 import`)
        .replace(/from tasklet import/g, `from tasklet.copy_${k} import`);
      writeFileSync(join(app, 'tests', `test_${t}_${k}.py`), text);
    }
  }
  execFileSync(python, ['-m', 'venv', '--system-site-packages', '--without-pip', join(app, '.venv')]);
  gitCommitAll(app);
  return app;
}

/** `git init` and one commit of everything, so the gates' input hashing sees a normal checkout. */
export function gitCommitAll(dir) {
  const git = (...args) => execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
}
