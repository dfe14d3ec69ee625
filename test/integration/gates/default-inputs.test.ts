/**
 * Per-gate inputs by default, with the real tools on a generated project whose
 * pyproject.toml says `[tool.pyright] include = ["genpkg"]` and `testpaths = ["tests"]`:
 * an edit to a test keeps basedpyright cached and re-runs pytest; an edit outside both
 * keeps both cached; an edit to the package re-runs both; `inputs` still overrides.
 */
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePythonProject } from '../../../bench/support/python-project.js';
import { runGates } from '../../../src/gates/index.js';
import { config, gitInit, HAS_SYSTEM_PYTHON, removeDir, SYSTEM_PYTHON, toolEnv } from './support.js';

describe.skipIf(!HAS_SYSTEM_PYTHON)('default gate inputs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gates-inputs-'));
    writePythonProject(dir, { modules: 2, errorsPerModule: 1, warningsPerModule: 1, testFiles: 2, testsPerFile: 3 });
    gitInit(dir);
  });
  afterAll(() => removeDir(dir));

  const cached = async (yaml = '') => {
    const run = await runGates({ root: dir, config: config(`python: ${SYSTEM_PYTHON}\n${yaml}`), only: ['basedpyright', 'pytest'], env: toolEnv() });
    for (const g of run.gates) expect(g.status === 'failed' || g.status === 'passed').toBe(true);
    return Object.fromEntries(run.gates.map((g) => [g.gate, g.fromCache]));
  };

  it('re-runs only the gates whose inputs changed', async () => {
    await cached();
    expect(await cached()).toEqual({ basedpyright: true, pytest: true });
    appendFileSync(join(dir, 'tests', 'test_gen_0.py'), '\n# a comment in a test\n');
    expect(await cached()).toEqual({ basedpyright: true, pytest: false });
    appendFileSync(join(dir, 'docs', 'notes.md'), '\nMore notes.\n');
    expect(await cached()).toEqual({ basedpyright: true, pytest: true });
    appendFileSync(join(dir, 'genpkg', 'mod_0.py'), '\n# a comment in the package\n');
    expect(await cached()).toEqual({ basedpyright: false, pytest: false });
  }, 240_000);

  it('`inputs` overrides the default', async () => {
    const yaml = 'gates:\n  basedpyright:\n    inputs: ["docs/**"]\n  pytest: {}\n';
    await cached(yaml);
    appendFileSync(join(dir, 'genpkg', 'mod_1.py'), '\n# outside the configured inputs\n');
    appendFileSync(join(dir, 'tests', 'test_gen_1.py'), '\n# a test edit\n');
    expect(await cached(yaml)).toEqual({ basedpyright: true, pytest: false });
    appendFileSync(join(dir, 'docs', 'notes.md'), '\nInside them.\n');
    expect(await cached(yaml)).toEqual({ basedpyright: false, pytest: true });
  }, 240_000);
});
