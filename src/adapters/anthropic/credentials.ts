/**
 * Which model credentials the app's environment holds, asked once at start-up (the app
 * warns, and its validate check run says the agent cannot run) without creating a
 * client. The app has one route per deployment, chosen by its environment:
 * SPEC_AUTOMATION_MODEL_PROVIDER (anthropic, bedrock, vertex, foundry) or, unset, `auto`
 * (routes.ts: CLAUDE_CODE_USE_*, then the variables each SDK reads). The check itself is
 * checkModelCredentials, the one the CLI runs too, and a problem is the same
 * MissingCredentialsError the CLI stops on (src/pipeline/errors.ts).
 */
import { existsSync } from 'node:fs';
import { MODEL_PROVIDERS, type ModelProvider } from '../../pipeline/config/schema.js';
import { MissingCredentialsError } from '../../pipeline/errors.js';
import { checkModelCredentials, envValue, type Env } from './routes.js';

export const APP_PROVIDER_VARIABLE = 'SPEC_AUTOMATION_MODEL_PROVIDER';

export type ModelCredentials =
  | { ok: true; route: string }
  /** `problem` names the route, the variable and how to set it, in one line (the error's, without its full stop). */
  | { ok: false; problem: string; variable: string; error: MissingCredentialsError };

/** The app's route: SPEC_AUTOMATION_MODEL_PROVIDER when it names one, else `auto`. */
export function appModelProvider(env: Env): ModelProvider {
  const named = envValue(env, APP_PROVIDER_VARIABLE)?.toLowerCase();
  return MODEL_PROVIDERS.find((p) => p === named) ?? 'auto';
}

export function modelCredentials(env: Env): ModelCredentials {
  const named = envValue(env, APP_PROVIDER_VARIABLE);
  if (named !== undefined && !MODEL_PROVIDERS.some((p) => p === named.toLowerCase())) {
    const problem = `${APP_PROVIDER_VARIABLE} is "${named}", not one of ${MODEL_PROVIDERS.join(', ')}`;
    return { ok: false, variable: APP_PROVIDER_VARIABLE, problem, error: new MissingCredentialsError({ problem, route: named, variable: APP_PROVIDER_VARIABLE }) };
  }
  const check = checkModelCredentials(env, { provider: appModelProvider(env) }, { fileExists: existsSync, routeSetting: APP_PROVIDER_VARIABLE });
  if (check.ok) return { ok: true, route: check.description };
  const error = new MissingCredentialsError({ problem: check.message, route: check.route });
  // The caller ends the sentence.
  return { ok: false, problem: error.problem.replace(/\.$/, ''), variable: error.variable, error };
}
