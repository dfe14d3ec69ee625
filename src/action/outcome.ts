/**
 * What a mode hands back to `run()`: the step's outputs and whether the step fails.
 * Pure: the decision per `fail-on` and the counts are computed here, `run()` only
 * applies them with @actions/core.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { countBySeverity, type Diagnostic } from '../pipeline/diagnostic.js';
import type { GatesConclusion } from '../pipeline/gate-result.js';
import type { FailOn, Mode } from './inputs.js';

export interface ModeOutcome {
  conclusion: GatesConclusion;
  errors: number;
  warnings: number;
  /** Gates (or, in validate mode, `validate`) that failed, could not run or were cancelled. */
  failedGates: string[];
  /** Absolute path of the results JSON. */
  resultsFile: string;
  /** Absolute path of the SARIF file, when one was written. */
  sarifFile: string | undefined;
  /** The message `core.setFailed` gets, when the step must fail. */
  failure: string | undefined;
}

/** The step outputs, by their action.yml names. */
export function outputsOf(outcome: ModeOutcome): Record<string, string> {
  return {
    conclusion: outcome.conclusion,
    errors: String(outcome.errors),
    warnings: String(outcome.warnings),
    'failed-gates': outcome.failedGates.join(','),
    results: outcome.resultsFile,
    sarif: outcome.sarifFile ?? '',
  };
}

/** Error and warning counts over every diagnostic. */
export function severityCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const c = countBySeverity(diagnostics);
  return { errors: c.error, warnings: c.warning };
}

/**
 * Whether the step fails, and with what message. The verdicts (which gate failed) were
 * made with the configuration's `failOn`, which `fail-on: error|warning` overrides;
 * `never` keeps them but lets the step pass. A tool that could not run fails the step
 * unless `never`: it is not a pass.
 */
export function failureMessage(conclusion: GatesConclusion, failOn: FailOn | undefined, failed: readonly { name: string; status: 'failed' | 'error' | 'cancelled' }[]): string | undefined {
  if (failOn === 'never' || conclusion === 'success') return undefined;
  const could = failed.filter((f) => f.status === 'error').map((f) => f.name);
  const didFail = failed.filter((f) => f.status === 'failed').map((f) => f.name);
  const cancelled = failed.filter((f) => f.status === 'cancelled').map((f) => f.name);
  const parts: string[] = [];
  if (didFail.length > 0) parts.push(`failed: ${didFail.join(', ')}`);
  if (could.length > 0) parts.push(`could not run (a tool error is not a pass): ${could.join(', ')}`);
  if (cancelled.length > 0) parts.push(`cancelled before it finished (not a pass): ${cancelled.join(', ')}`);
  if (parts.length === 0) parts.push(`concluded ${conclusion}`);
  return `spec-automation ${parts.join('; ')}. See the check runs and the job summary for the findings; set fail-on: never to report without failing the step.`;
}

/** A file name part from a step id (GITHUB_ACTION): letters, digits, `.`, `_`, `-`. */
function stepPart(step: string | undefined): string {
  const clean = (step ?? '').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '').slice(0, 60);
  return clean === '' ? 'step' : clean;
}

/** `RUNNER_TEMP/spec-automation-<mode>-<step>.<ext>`: one file per step, so two steps do not overwrite each other. */
export function runnerFile(runnerTemp: string, mode: Mode, step: string | undefined, ext: 'json' | 'sarif'): string {
  return join(runnerTemp, `spec-automation-${mode}-${stepPart(step)}.${ext}`);
}

/** Writes JSON (pretty, newline-terminated), creating the directory. */
export async function writeJsonFile(file: string, data: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
}
