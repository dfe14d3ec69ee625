/**
 * The app's default dependencies, from the environment: the model route, the real spec
 * pipeline, the clock, the concurrency limit, the recovery policy.
 */
import { modelPortFromConfig } from '../adapters/anthropic/anthropic-model.js';
import { appModelProvider, modelCredentials } from '../adapters/anthropic/credentials.js';
import { Redactor } from '../pipeline/redact.js';
import type { AppDeps } from './context.js';
import { specPipeline } from './spec-pipeline.js';

/** Defaults: the Anthropic API, the real spec pipeline, 4 jobs at once, park interrupted agents. */
export function defaultDeps(env: Record<string, string | undefined> = process.env): AppDeps {
  const concurrency = Number(env.SPEC_AUTOMATION_CONCURRENCY);
  const recovery = env.SPEC_AUTOMATION_RECOVERY;
  const credentials = modelCredentials(env);
  return {
    // One route per deployment: the app's environment chooses it, not a repository's agent.provider.
    model: (agent) => modelPortFromConfig({ ...agent, provider: appModelProvider(env) }, env),
    specs: specPipeline,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 4,
    recovery: recovery === 'resume' || recovery === 'off' ? recovery : 'mark',
    ...(env.APP_SLUG ? { appSlug: env.APP_SLUG } : {}),
    trustedGateApps: ['github-actions'],
    redactor: Redactor.fromEnv(env),
    ...(credentials.ok ? {} : { modelProblem: credentials.problem }),
  };
}
