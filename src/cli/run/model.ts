/**
 * Which model the run talks to: the live model on the configured route (agent.provider), a recorded
 * session replayed offline (`--replay FILE`), and optionally a recording of the live
 * calls (`--record FILE`). A resumed run replays from where the last invocation
 * stopped: every model call of the recorded iterations is one turn in the ledger.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { modelPortFromConfig } from '../../adapters/anthropic/anthropic-model.js';
import { RecordingModel } from '../../adapters/anthropic/recording-model.js';
import { ReplayModel } from '../../adapters/anthropic/replay-model.js';
import { checkModelCredentials, type CredentialCheck } from '../../adapters/anthropic/routes.js';
import { parseSession } from '../../adapters/anthropic/session-format.js';
import type { ModelPort } from '../../pipeline/agent/model-port.js';
import type { AgentConfig } from '../../pipeline/config/schema.js';
import { MissingCredentialsError } from '../../pipeline/errors.js';
import { Redactor } from '../../pipeline/redact.js';

/** What the run offers when the model route's credentials are missing. */
export const OFFLINE_ALTERNATIVE = 'Or run offline from a recorded session: spec-automation run <spec> --replay <session.jsonl> (see `npm run demo`).';

export interface ModelChoice {
  port: ModelPort;
  /** For the report and the plan: `live (claude-sonnet-4-6)`, `replay <file>`. */
  source: string;
  replay?: ReplayModel;
}

export interface ModelOptions {
  agent: AgentConfig;
  env: Record<string, string | undefined>;
  replay?: string;
  /** How to name the replayed file to people (the path as given). */
  replayLabel?: string;
  record?: string;
  /** Model calls already made by earlier invocations of this run (the ledger's turns). */
  callsDone: number;
}

/** The configured model route's credential check, with the real files (AWS shared credentials, gcloud ADC) looked at. */
export function modelCredentials(env: Record<string, string | undefined>, agent: AgentConfig): CredentialCheck {
  return checkModelCredentials(env, agent, { fileExists: existsSync });
}

/**
 * A port that sends every request with the secrets in play redacted: nothing the run
 * read (a gate's output, a file) puts the model key or a token into a prompt, or into a
 * recorded session. The replayed path goes through it too, so a recording and its
 * replay hash the same requests.
 */
export function redactingModel(inner: ModelPort, redactor: Redactor): ModelPort {
  return { create: (request, call) => inner.create(redactor.redactDeep(request), call) };
}

/**
 * The model port for the run. Throws a MissingCredentialsError (its fix: the offline replay) without the route's credentials and without
 * `--replay`, and the session reader's located error for a malformed session.
 */
export async function chooseModel(options: ModelOptions): Promise<ModelChoice> {
  if (options.replay) {
    const session = parseSession(await readFile(options.replay, 'utf8'), options.replay);
    const skip = Math.min(options.callsDone, session.exchanges.length);
    const exchanges = session.exchanges.slice(skip).map((e, i) => ({ ...e, index: i + 1 }));
    const source = skip > 0 ? `${options.replay} (from exchange ${skip + 1})` : options.replay;
    const replay = new ReplayModel({ source, header: session.header, exchanges });
    const notes = [...(session.header.handWritten ? ['hand-written session'] : []), ...(skip > 0 ? [`resumed at exchange ${skip + 1}`] : [])];
    return { port: redactingModel(replay, Redactor.fromEnv(options.env)), replay, source: `replay ${options.replayLabel ?? options.replay}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}` };
  }
  const check = modelCredentials(options.env, options.agent);
  if (!check.ok) throw new MissingCredentialsError({ problem: check.message, route: check.route, fix: OFFLINE_ALTERNATIVE });
  const redactor = Redactor.fromEnv(options.env);
  const live = modelPortFromConfig(options.agent, options.env);
  if (!options.record) return { port: redactingModel(live, redactor), source: `live (${options.agent.model})` };
  const recording = await RecordingModel.start(live, options.record, { model: options.agent.model, description: 'Recorded by spec-automation run' });
  return { port: redactingModel(recording, redactor), source: `live (${options.agent.model}), recorded to ${options.record}` };
}
