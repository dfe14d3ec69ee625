/**
 * What every mode gets from `run()`: validated inputs, the run context, the loaded
 * configuration, the project root, and the two ways out (GitHub and the runner).
 */
import type { CacheWriteError } from '../gates/cache.js';
import type { LocalReportSink } from '../github/reporter.js';
import type { Config } from '../pipeline/config/schema.js';
import type { Redactor } from '../pipeline/redact.js';
import type { GitHubConnection } from './github-connection.js';
import type { ActionInputs } from './inputs.js';

export interface ModeContext {
  inputs: ActionInputs;
  /** GITHUB_WORKSPACE, or the current directory. */
  workspace: string;
  /** RUNNER_TEMP, or the OS temp directory. */
  runnerTemp: string;
  /**
   * The event and the GitHub client, loaded on the first call (the same promise after):
   * a mode calls it once the tools are running.
   */
  connect(): Promise<GitHubConnection>;
  config: Config;
  /** Path of the configuration file read relative to `root`, when there was one. */
  configFile: string | undefined;
  /** Absolute project root: the workspace joined with `working-directory`. */
  root: string;
  /**
   * Repo-relative path of `root` (`''` at the repository root): the `pathPrefix` the modes
   * pass to the gates engine and the spec pipeline, which report repository-relative paths.
   */
  prefix: string;
  /** Job summary and workflow-command annotations. */
  sink: LocalReportSink;
  /** GITHUB_ACTION, for per-step file names. */
  step: string | undefined;
  /** Cancelling the job aborts the gates (their process trees are killed). */
  signal: AbortSignal;
  /** The process environment (the gates pass only its allow-listed part to the tools). */
  env: Record<string, string | undefined>;
  /** The repository's cache directory under RUNNER_TEMP, never in the checkout. */
  cacheDir: string;
  /** One warning per run when a cache write fails. */
  cacheWriteFailed: CacheWriteError;
  /** Knows the secrets in play (the token input, the environment's); see pipeline/redact.ts. */
  redactor: Redactor;
}
