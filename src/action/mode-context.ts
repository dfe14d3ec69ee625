/**
 * What every mode gets from `run()`: validated inputs, the run context, the loaded
 * configuration, the project root, and the two ways out (GitHub and the runner).
 */
import type { LocalReportSink } from '../github/reporter.js';
import type { GitHubClient } from '../github/types.js';
import type { Config } from '../pipeline/config/schema.js';
import type { ActionInputs } from './inputs.js';
import type { RunContext } from './run-context.js';

export interface ModeContext {
  inputs: ActionInputs;
  run: RunContext;
  config: Config;
  /** Repo-relative path of the configuration file read, when there was one. */
  configFile: string | undefined;
  /** Absolute project root: the workspace joined with `working-directory`. */
  root: string;
  /** Repo-relative path of `root` (`''` at the repository root): prefixed to every finding's path. */
  prefix: string;
  /** The Octokit with retry and throttling; never called when `run.readOnly` is set. */
  client: GitHubClient;
  /** Job summary and workflow-command annotations. */
  sink: LocalReportSink;
  /** GITHUB_ACTION, for per-step file names. */
  step: string | undefined;
  /** Cancelling the job aborts the gates (their process trees are killed). */
  signal: AbortSignal;
}
