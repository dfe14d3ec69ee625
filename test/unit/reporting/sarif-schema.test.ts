// SARIF as code scanning reads it: every log we write validates against the SARIF 2.1.0
// JSON schema (the OASIS schema as @microsoft/jest-sarif ships it: draft-04, hence
// ajv-draft-04), and a gate that could not run is a failed invocation with the reason,
// never a clean run with zero results.
import { createRequire } from 'node:module';
import type { Ajv as AjvClass } from 'ajv';
import type * as Sarif from 'sarif';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { gatesSarifRuns, renderSarif, type SarifLog } from '../../../src/reporting/sarif.js';
import { sampleRun } from '../gates/report-fixtures.js';

const require = createRequire(import.meta.url);
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
const Ajv = require('ajv-draft-04') as typeof AjvClass;
// The schema's `language` pattern is not valid with the u flag: compile patterns without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const validate = ajv.compile(schema);

function errorsOf(log: unknown): string {
  return validate(log) ? '' : JSON.stringify(validate.errors, null, 2);
}

describe('SARIF output', () => {
  it('is typed as @types/sarif describes a log', () => {
    expectTypeOf<SarifLog>().toExtend<Sarif.Log>();
  });

  it('validates against the SARIF 2.1.0 schema, with an invocation per gate', () => {
    const run = sampleRun();
    run.gates[1]!.diagnostics.push({
      source: 'ruff',
      path: 'tasklet/数据 file.py',
      range: { start: { line: 2, column: 1 }, end: { line: 2, column: 9 } },
      severity: 'info',
      rule: 'F401',
      message: 'unused',
      fingerprint: 'f1',
      fix: { description: 'Remove the import', edits: [{ range: { start: { line: 2, column: 1 }, end: { line: 3, column: 1 } }, newText: '' }] },
    });
    const log = renderSarif(gatesSarifRuns(run));
    expect(errorsOf(log)).toBe('');
    expect(log.runs.map((r) => r.invocations?.[0]?.executionSuccessful)).toEqual([false, true, true]);
  });

  it('shows a gate that could not run as a failed execution with the reason, not a clean run', () => {
    const [ruff] = renderSarif(gatesSarifRuns(sampleRun())).runs;
    expect(ruff!.results).toEqual([]);
    expect(ruff!.invocations).toEqual([
      {
        executionSuccessful: false,
        commandLine: 'ruff check --output-format=json --no-fix',
        toolExecutionNotifications: [{ level: 'error', message: { text: 'ruff was not found (tried .venv/bin/ruff, ruff on PATH). Install it in the project: `pip install ruff`.' } }],
      },
    ]);
  });

  it('keeps the exit code of a tool that ran and failed', () => {
    const [, pyright] = renderSarif(gatesSarifRuns(sampleRun())).runs;
    expect(pyright!.invocations).toEqual([{ executionSuccessful: true, exitCode: 1, commandLine: 'basedpyright --outputjson' }]);
  });

  it('is checked by a validator that rejects what the schema forbids', () => {
    const log = renderSarif(gatesSarifRuns(sampleRun())) as unknown as { runs: Array<{ invocations?: Array<Record<string, unknown>> }> };
    log.runs[0]!.invocations![0]!.executionSuccessful = 'no';
    expect(errorsOf(log)).toContain('executionSuccessful');
  });
});
