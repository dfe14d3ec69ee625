/**
 * The action's `run()`: inputs → configuration → mode → outputs. Thin: the gates
 * engine runs the tools, src/reporting renders, src/github posts. Every failure ends
 * in one place, `core.setFailed`, with a message that says what to fix.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { logText } from './log.js';
import { cacheWriteWarning } from '../gates/cache.js';
import { repositoryCacheDir } from '../gates/cache-dir.js';
import { Redactor } from '../pipeline/redact.js';
import { pathWithin } from '../pipeline/repo-path.js';
import { ConfigError, loadActionConfig } from './config.js';
import { connectToGitHub, type GitHubConnection } from './github-connection.js';
import { InputError, parseInputs, type ActionInputs, type Mode } from './inputs.js';
import { createLocalSink } from './local-sink.js';
import type { ModeContext } from './mode-context.js';
import { gatesMode } from './modes/gates.js';
import { outputsOf, type ModeOutcome } from './outcome.js';
import { runnerPaths, type ActionsContextLike } from './run-context.js';

/** Options for tests; the action itself calls `run()` with none. */
export interface RunOptions {
  /** Environment to read (default `process.env`). */
  env?: Record<string, string | undefined>;
  /**
   * The Actions context (default @actions/github's `context`, which reads the event once,
   * when the module loads: a test running several events passes a fresh one).
   */
  context?: ActionsContextLike;
}

type ModeRunner = (ctx: ModeContext) => Promise<ModeOutcome>;

async function modeRunner(mode: Mode): Promise<ModeRunner> {
  switch (mode) {
    case 'gates':
      return gatesMode;
    case 'validate':
      return (await import('./modes/validate.js')).validateMode;
    case 'revalidate':
      return (await import('./modes/revalidate.js')).revalidateMode;
  }
}

function projectRoot(inputs: ActionInputs, workspace: string): string {
  const root = resolve(workspace, inputs.workingDirectory);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new InputError('working-directory', `${inputs.workingDirectory} is not a directory in the workspace (${workspace}). Check out the repository first (actions/checkout) and check the path.`);
  }
  return root;
}

function applyOutputs(outcome: ModeOutcome): void {
  for (const [name, value] of Object.entries(outputsOf(outcome))) core.setOutput(name, value);
}

/**
 * Runs the action. Never throws: a failure sets the step failed with its reason.
 *
 * @param options for tests
 */
export async function run(options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const controller = new AbortController();
  // The runner cancels a job with SIGINT, then SIGTERM: stop the tools, still report.
  // `on`, not `once`: execa's signal-exit re-raises a signal that no other listener is
  // left to handle, which a `once` listener no longer is by the time it looks.
  const abort = () => controller.abort(new Error('The job was cancelled.'));
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  const sink = createLocalSink();
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    if (inputs.token !== '') core.setSecret(inputs.token);
    const { workspace, runnerTemp } = runnerPaths(env);
    const root = projectRoot(inputs, workspace);
    // Where the project lies in the repository: every path reported starts with it.
    const knownPrefix = pathWithin(workspace, root);
    if (knownPrefix === undefined) core.warning(`working-directory ${root} is outside the workspace ${workspace}: finding paths cannot be made repository-relative, so annotations may not show on files.`);
    const prefix = knownPrefix ?? '';
    const cacheDir = repositoryCacheDir(root, env);
    const cacheWriteFailed = cacheWriteWarning((message) => core.warning(message), cacheDir);
    const redactor = Redactor.fromEnv(env, [inputs.token]);
    const { config, file } = await loadActionConfig(root, inputs, { dir: cacheDir, writeFailed: cacheWriteFailed }, prefix);
    logText(`spec-automation ${inputs.mode} in ${root}${file ? ` with ${file}` : ' with the default configuration'}`);

    let connection: Promise<GitHubConnection> | undefined;
    const outcome = await (await modeRunner(inputs.mode))({
      inputs,
      workspace,
      runnerTemp,
      connect: () => (connection ??= connectToGitHub(inputs.token, env, options.context, redactor)),
      config,
      configFile: file,
      root,
      prefix,
      sink,
      step: env.GITHUB_ACTION,
      signal: controller.signal,
      env,
      cacheDir,
      cacheWriteFailed,
      redactor,
    });
    applyOutputs(outcome);
    if (outcome.failure) core.setFailed(outcome.failure);
  } catch (error) {
    // The configuration's errors as annotations on its lines, then the step's failure.
    if (error instanceof ConfigError) sink.annotateNow(error.diagnostics);
    core.setFailed(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && !(error instanceof InputError) && !(error instanceof ConfigError) && error.stack) core.debug(error.stack);
  } finally {
    process.removeListener('SIGINT', abort);
    process.removeListener('SIGTERM', abort);
  }
}
