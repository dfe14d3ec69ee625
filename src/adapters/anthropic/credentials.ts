/**
 * Which model credentials the environment holds, asked once at start-up (the app warns,
 * and its validate check run says the agent cannot run) without creating a client.
 * One function so every route to the model (the Anthropic API key today; cloud routes
 * such as Bedrock or Vertex add their variables here) is checked in one place.
 */
import { API_KEY_VARIABLE } from './anthropic-model.js';

export type ModelCredentials =
  | { ok: true; route: string }
  /** `problem` names the variable(s) and says how to fix it, in one sentence. */
  | { ok: false; problem: string };

export function modelCredentials(env: Record<string, string | undefined>): ModelCredentials {
  if ((env[API_KEY_VARIABLE] ?? '').trim() !== '') return { ok: true, route: `the Anthropic API (${API_KEY_VARIABLE})` };
  return {
    ok: false,
    problem: `${API_KEY_VARIABLE} is not set: create a key at https://console.anthropic.com/settings/keys and set ${API_KEY_VARIABLE} in the app's environment`,
  };
}
