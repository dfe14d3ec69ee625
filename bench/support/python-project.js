// A generated Python project of any size, for the gate fidelity tests and the gates
// benchmark: a package whose modules carry known kinds of basedpyright findings (type
// errors, unused imports and variables, an import cycle whose message lists absolute
// paths) and a test suite with passing, failing, erroring, skipped and xfailed tests.
// The counts are what the generator was asked for; the tests never trust them and
// compare against the tools run directly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes the project under `dir` (which must exist) and returns its shape.
 * @param {{ modules?: number, errorsPerModule?: number, warningsPerModule?: number, testFiles?: number, testsPerFile?: number, failingEvery?: number }} [options]
 */
export function writePythonProject(dir, options = {}) {
  const modules = options.modules ?? 10;
  const errors = options.errorsPerModule ?? 3;
  const warnings = options.warningsPerModule ?? 2;
  const testFiles = options.testFiles ?? 5;
  const testsPerFile = options.testsPerFile ?? 10;
  const failingEvery = options.failingEvery ?? 7;
  const pkg = join(dir, 'genpkg');
  mkdirSync(pkg, { recursive: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(
    join(dir, 'pyproject.toml'),
    [
      '[project]',
      'name = "genpkg"',
      'version = "0.1.0"',
      '',
      '[tool.pyright]',
      'include = ["genpkg"]',
      'pythonVersion = "3.11"',
      '',
      '[tool.pytest.ini_options]',
      'testpaths = ["tests"]',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'docs', 'notes.md'), '# Notes\n\nNot an input of any gate.\n');
  writeFileSync(join(pkg, '__init__.py'), '"""A generated package."""\n');
  // An import cycle: basedpyright's message lists both files by absolute path.
  writeFileSync(join(pkg, 'cycle_a.py'), 'from genpkg import cycle_b\n\n\ndef a_value() -> int:\n    return cycle_b.B_VALUE\n\n\nA_VALUE = 1\n');
  writeFileSync(join(pkg, 'cycle_b.py'), 'from genpkg import cycle_a\n\nB_VALUE = 2\n\n\ndef b_value() -> int:\n    return cycle_a.A_VALUE\n');
  for (let m = 0; m < modules; m++) {
    const lines = ['"""Generated module."""', ...Array.from({ length: warnings }, (_, w) => `import os as unused_${w}`), '', ''];
    lines.push(`def add_${m}(a: int, b: int) -> int:`, '    return a + b', '', '');
    for (let e = 0; e < errors; e++) lines.push(`def wrong_${e}() -> str:`, `    return ${e}`, '', '');
    writeFileSync(join(pkg, `mod_${m}.py`), `${lines.join('\n').trimEnd()}\n`);
  }
  let total = 0;
  for (let t = 0; t < testFiles; t++) {
    const m = t % Math.max(1, modules);
    const lines = ['import pytest', '', modules > 0 ? `from genpkg.mod_${m} import add_${m} as add` : 'def add(a, b):\n    return a + b', '', ''];
    lines.push('@pytest.fixture', 'def broken():', '    raise OSError("fixture failed")', '', '');
    for (let i = 0; i < testsPerFile; i++) {
      total += 1;
      const n = t * testsPerFile + i;
      if (n % failingEvery === 1) lines.push(`def test_${i}():`, `    assert add(${i}, 1) == ${i + 2}`, '', '');
      else if (n % failingEvery === 3) lines.push(`def test_${i}(broken):`, '    assert broken', '', '');
      else if (n % failingEvery === 5) lines.push('@pytest.mark.skip(reason="generated skip")', `def test_${i}():`, '    pass', '', '');
      else if (n % failingEvery === 6) lines.push('@pytest.mark.xfail(reason="generated xfail", strict=True)', `def test_${i}():`, '    assert False', '', '');
      else lines.push(`def test_${i}():`, `    assert add(${i}, 1) == ${i + 1}`, '', '');
    }
    writeFileSync(join(dir, 'tests', `test_gen_${t}.py`), `${lines.join('\n').trimEnd()}\n`);
  }
  return { modules, tests: total };
}
