/**
 * The action's inputs (action.yml), read and validated before anything runs. Every
 * input arrives as a string from the workflow file, which is user input: a bad value
 * is an {@link InputError} that names the input, says what it got and what it accepts.
 */
import { CONFIG_PATH } from '../pipeline/config/path.js';
import { SpecAutomationError } from '../pipeline/errors.js';

export const MODES = ['gates', 'validate', 'revalidate'] as const;
export type Mode = (typeof MODES)[number];

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const REPORT_TARGETS = ['check-runs', 'review', 'summary', 'sarif', 'annotations'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];

/** What `report` means when it is empty. */
export const DEFAULT_REPORT: readonly ReportTarget[] = ['check-runs', 'review', 'summary', 'sarif'];
export const DEFAULT_MAX_REVIEW_COMMENTS = 30;
/** More inline comments than this in one run would mostly buy secondary rate limits. */
export const MAX_REVIEW_COMMENTS_LIMIT = 1000;

export interface ActionInputs {
  mode: Mode;
  /** Gates to run; undefined: every gate the configuration enables. */
  gates: string[] | undefined;
  /** As given (relative to the workspace, or absolute). */
  workingDirectory: string;
  /** Configuration file, relative to the working directory (or absolute). */
  config: string;
  /** True when `config` names another file than the default, which must then exist. */
  configExplicit: boolean;
  /** Overrides the configuration's `python`. */
  python: string | undefined;
  /** Empty when the workflow passed none: the action then reports locally only. */
  token: string;
  /** Undefined: the configuration's `failOn` decides. */
  failOn: FailOn | undefined;
  maxReviewComments: number;
  report: ReadonlySet<ReportTarget>;
  /** Where to write SARIF; undefined: a file in RUNNER_TEMP. */
  sarifFile: string | undefined;
  cache: boolean;
}

/** A bad input value: the message names the input and the accepted values. */
export class InputError extends SpecAutomationError {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input "${input}": ${message}`);
    this.name = 'InputError';
  }
}

/** Reads one input by its action.yml name; `''` when it is not set (as @actions/core's getInput). */
export type InputReader = (name: string) => string;

function quoted(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(name, `must be one of ${allowed.join(', ')}; got ${quoted(value)}.`);
}

/** `a, b` or one per line; empty items dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim();
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputError(name, `must be true or false; got ${quoted(value)}.`);
}

function parseCount(name: string, value: string, fallback: number, max: number): number {
  const v = value.trim();
  if (v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) > max) throw new InputError(name, `must be a whole number from 0 to ${max}; got ${quoted(value)}.`);
  return Number(v);
}

const GATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function parseGates(value: string): string[] | undefined {
  const names = splitList(value);
  if (names.length === 0) return undefined;
  for (const n of names) {
    if (!GATE_NAME.test(n)) throw new InputError('gates', `${quoted(n)} is not a gate name (letters, digits, ".", "_" and "-"). Use a comma-separated list such as "ruff, pytest".`);
  }
  return [...new Set(names)];
}

function parseReport(value: string): Set<ReportTarget> {
  const items = splitList(value.toLowerCase());
  if (items.length === 0) return new Set(DEFAULT_REPORT);
  const unknown = items.filter((i) => !(REPORT_TARGETS as readonly string[]).includes(i));
  if (unknown.length > 0) {
    throw new InputError('report', `unknown target${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')}; use a comma-separated list of ${REPORT_TARGETS.join(', ')}.`);
  }
  return new Set(items as ReportTarget[]);
}

function nonBlank(name: string, value: string): string | undefined {
  if (value === '') return undefined;
  const v = value.trim();
  if (v === '') throw new InputError(name, 'is blank; leave it out for the default.');
  if (v.includes('\0')) throw new InputError(name, 'contains a NUL character.');
  return v;
}

/**
 * Reads and validates every input. Throws {@link InputError} on the first bad one.
 *
 * @param read returns an input's raw value (`core.getInput` without `required`)
 */
export function parseInputs(read: InputReader): ActionInputs {
  const mode = oneOf('mode', read('mode'), MODES, 'gates')!;
  const config = nonBlank('config', read('config')) ?? CONFIG_PATH;
  return {
    mode,
    gates: parseGates(read('gates')),
    workingDirectory: nonBlank('working-directory', read('working-directory')) ?? '.',
    config,
    configExplicit: config.replace(/\\/g, '/').replace(/^\.\//, '') !== CONFIG_PATH,
    python: nonBlank('python', read('python')),
    token: read('github-token').trim(),
    failOn: oneOf('fail-on', read('fail-on'), FAIL_ON, undefined),
    maxReviewComments: parseCount('max-review-comments', read('max-review-comments'), DEFAULT_MAX_REVIEW_COMMENTS, MAX_REVIEW_COMMENTS_LIMIT),
    report: parseReport(read('report')),
    sarifFile: nonBlank('sarif-file', read('sarif-file')),
    cache: parseBoolean('cache', read('cache'), true),
  };
}
