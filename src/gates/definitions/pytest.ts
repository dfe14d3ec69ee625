/**
 * pytest: JUnit XML (xunit1 family, which keeps `file` and `line`) written to a temp file.
 * Exit 0 passed, 1 tests failed, 2 interrupted (collection errors are in the report; an
 * interruption without any is a tool error), 3 internal error, 4 usage error, 5 no tests
 * collected (pass or fail by `noTests`), anything else an error.
 */
import { runningTest } from '../parsers/pytest-progress.js';
import type { ExitClass, GateDefinition, ToolOutput } from '../types.js';

function classify(code: number): ExitClass {
  switch (code) {
    case 0:
      return 'ok';
    case 1:
    case 2:
      return 'findings';
    case 5:
      return 'no-tests';
    default:
      return 'error';
  }
}

function pytestMissing(output: ToolOutput): string | undefined {
  return /No module named pytest\b/.test(output.stderr) ? 'pytest is not installed for this Python interpreter.' : undefined;
}

export const pytest: GateDefinition = {
  tool: 'pytest',
  parser: 'pytest',
  informationUri: 'https://docs.pytest.org/',
  launcher: { kind: 'python-module', module: 'pytest', script: 'pytest' },
  // -v: pytest then prints each test's id before it runs, which names a hung test when the gate times out.
  args: () => ['--junitxml={report}', '-o', 'junit_family=xunit1', '--color=no', '-v'],
  installHint: 'Install it in the project: `pip install pytest` (inside .venv), set `python:` to an interpreter that has it, or set gates.pytest.command.',
  lowPriority: false,
  classifyExit: classify,
  detectToolError: pytestMissing,
  versionArgs: ['--version'],
  deriveTimeout: true,
  runningWhenKilled: runningTest,
  shardable: true,
};
