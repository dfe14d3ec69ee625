/**
 * The model port over the Messages API on every route (routes.ts): the Anthropic API or
 * a gateway (`@anthropic-ai/sdk`), Amazon Bedrock (`@anthropic-ai/bedrock-sdk`), Google
 * Vertex AI (`@anthropic-ai/vertex-sdk`) and Microsoft Foundry (`@anthropic-ai/foundry-sdk`).
 * The request the loop builds is already in the API's shape, so this adapter passes it
 * through (with the model id in the route's form), streams the response with the SDK's
 * message stream (long outputs are where a non-streaming request times out), keeps its
 * text and tool_use blocks, and turns SDK errors into messages that say what to do.
 *
 * Retries: the SDK retries 408, 409, 429 and 5xx (529 overloaded included) with backoff,
 * honouring `retry-after`; `maxRetries` and the per-request timeout come from config, and
 * the caller's signal (the wall-time budget) cuts a wait short.
 *
 * The cloud SDKs load on the first call, so a run on the Anthropic API never loads the
 * AWS or Google libraries.
 */
import Anthropic from '@anthropic-ai/sdk';
import { ModelPromptTooLongError, type ModelCallOptions, type ModelPort, type ModelRequest, type ModelResponse, type ResponseBlock } from '../../pipeline/agent/model-port.js';
import type { AuthClient } from 'google-auth-library';
import type { AgentConfig } from '../../pipeline/config/schema.js';
import { MissingCredentialsError, SpecAutomationError } from '../../pipeline/errors.js';
import { checkModelCredentials, envValue, resolveRoute, routeModelId, type Env, type ModelRoute } from './routes.js';

export const API_KEY_VARIABLE = 'ANTHROPIC_API_KEY';

/** The route's credentials are missing or malformed: the one type for it (src/pipeline/errors.ts). */
export { MissingCredentialsError };

/** A model call that failed after the SDK's retries, with the status and request id when there was a response. */
export class ModelCallError extends SpecAutomationError {
  override readonly name = 'ModelCallError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ModelPortOptions {
  /** Default: from `agent.provider` and `env`. */
  route?: ModelRoute;
  env?: Env;
  /** Per-request timeout. */
  timeoutMs: number;
  maxRetries: number;
  /** Anthropic route: the key, instead of ANTHROPIC_API_KEY. */
  apiKey?: string;
  /** Anthropic route: instead of ANTHROPIC_BASE_URL (default https://api.anthropic.com). */
  baseURL?: string;
  /** Skip the credential check (tests of the SDK's own errors). */
  skipCredentialCheck?: boolean;
  /**
   * Vertex route: a ready Google auth client (an `OAuth2Client` holding an access token,
   * an impersonated client) instead of application default credentials.
   */
  vertexAuthClient?: AuthClient;
}

/**
 * The API version Vertex AI takes, in the body (`anthropic_version`) rather than a
 * header, as its rawPredict / streamRawPredict contract documents. The Vertex SDK copies
 * the `anthropic-version` header into the body, so that header is set to this.
 */
export const VERTEX_API_VERSION = 'vertex-2023-10-16';

function errorTypeOf(body: unknown): { type?: string; message?: string } {
  const inner = (body as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ...(typeof inner?.type === 'string' ? { type: inner.type } : {}),
    ...(typeof inner?.message === 'string' ? { message: inner.message } : {}),
  };
}

const SERVICE: Record<ModelRoute, string> = { anthropic: 'Anthropic API', bedrock: 'Amazon Bedrock', vertex: 'Vertex AI', foundry: 'Microsoft Foundry' };
/** The service as the subject of a sentence. */
const theService = (route: ModelRoute) => (route === 'anthropic' ? 'The Anthropic API' : SERVICE[route]);
const AUTH_ADVICE: Record<ModelRoute, string> = {
  anthropic: 'check ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN for a gateway)',
  bedrock: 'check AWS_BEARER_TOKEN_BEDROCK or the AWS credentials, and that the account has access to the model in AWS_REGION',
  vertex: 'check the Google credentials (gcloud auth application-default login, or GOOGLE_APPLICATION_CREDENTIALS) and that the project has the model enabled',
  foundry: 'check ANTHROPIC_FOUNDRY_API_KEY and the resource',
};

function advice(status: number | undefined, route: ModelRoute): string {
  switch (status) {
    case 400:
      return 'The request was rejected as invalid; if the prompt is too long, lower agent.failureBudgetChars or split the spec.';
    case 401:
      return `The credentials were rejected; ${AUTH_ADVICE[route]}.`;
    case 403:
      return `The credentials may not use this model or feature; ${AUTH_ADVICE[route]}.`;
    case 404:
      return `The model was not found on the ${route} route; check agent.model in .github/spec-automation.yml (the model id forms differ by route).`;
    case 413:
      return 'The request is too large; lower agent.failureBudgetChars or split the spec.';
    case 429:
      return 'Rate limited after all retries; wait, or raise agent.maxRetries.';
    case 529:
      return 'The API is overloaded and stayed so through all retries; try again later, or raise agent.maxRetries.';
    default:
      return status !== undefined && status >= 500 ? 'Server error after all retries; try again later.' : '';
  }
}

/** "prompt is too long: 210000 tokens > 200000 maximum", and the gateways' and clouds' wordings of it. */
const PROMPT_TOO_LONG = /prompt is too long|too many (?:input )?tokens|exceeds? the (?:model'?s? )?(?:maximum )?context|context (?:window|length) (?:limit|exceeded)|input is too long/i;

/** Turns an SDK error into a {@link ModelCallError} (or {@link ModelPromptTooLongError}) whose message says what happened and what to do. */
export function describeSdkError(error: unknown, maxRetries: number, route: ModelRoute = 'anthropic'): Error {
  const service = SERVICE[route];
  if (error instanceof Anthropic.APIUserAbortError) {
    return new ModelCallError(`The ${service} call was cut short: the wall-time budget ran out while waiting for it or for a retry (agent.budgets.wallMinutes).`, undefined, undefined, { cause: error });
  }
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new ModelCallError(`${theService(route)} did not answer within the request timeout (agent.requestTimeoutSeconds), ${maxRetries} retries included.`, undefined, undefined, { cause: error });
  }
  if (error instanceof Anthropic.APIConnectionError) {
    const where = route === 'anthropic' ? 'ANTHROPIC_BASE_URL' : route === 'bedrock' ? 'AWS_REGION or ANTHROPIC_BEDROCK_BASE_URL' : route === 'vertex' ? 'CLOUD_ML_REGION or the Google credentials' : 'ANTHROPIC_FOUNDRY_RESOURCE';
    return new ModelCallError(`Could not reach ${route === 'anthropic' ? 'the Anthropic API' : service} (${error.message}); check the network or ${where}.`, undefined, undefined, { cause: error });
  }
  if (error instanceof Anthropic.APIError) {
    const status = error.status;
    const { type, message } = errorTypeOf(error.error);
    const requestId = error.requestID ?? undefined;
    const said = message ?? error.message;
    if (status === 400 || status === 413) {
      if (PROMPT_TOO_LONG.test(said)) return new ModelPromptTooLongError(`${service}: ${said}`, { cause: error });
    }
    const text = `${service} error ${status ?? ''}${type ? ` ${type}` : ''}: ${said}${requestId ? ` (request ${requestId})` : ''}. ${advice(status, route)}`.trim();
    return new ModelCallError(text, status, requestId, { cause: error });
  }
  return new ModelCallError(`The ${route} SDK failed: ${error instanceof Error ? error.message : String(error)}`, undefined, undefined, { cause: error });
}

/**
 * Keeps the blocks the loop understands: text, tool use, and thinking (on by default on
 * current models), which must go back to the API unchanged; the agent enables no feature
 * that produces others.
 */
function responseBlocks(content: Anthropic.Messages.ContentBlock[]): ResponseBlock[] {
  const blocks: ResponseBlock[] = [];
  for (const block of content) {
    if (block.type === 'text') blocks.push({ type: 'text', text: block.text });
    else if (block.type === 'tool_use') blocks.push({ type: 'tool_use', id: block.id, name: block.name, input: block.input });
    else if (block.type === 'thinking') blocks.push({ type: 'thinking', thinking: block.thinking, signature: block.signature });
    else if (block.type === 'redacted_thinking') blocks.push({ type: 'redacted_thinking', data: block.data });
  }
  return blocks;
}

/** The SDK's message as the port's response. */
export function toModelResponse(message: Anthropic.Messages.Message): ModelResponse {
  const creation = message.usage.cache_creation;
  return {
    id: message.id,
    type: 'message',
    role: 'assistant',
    model: message.model,
    content: responseBlocks(message.content),
    stop_reason: message.stop_reason,
    stop_sequence: message.stop_sequence,
    usage: {
      input_tokens: message.usage.input_tokens,
      output_tokens: message.usage.output_tokens,
      cache_creation_input_tokens: message.usage.cache_creation_input_tokens,
      cache_read_input_tokens: message.usage.cache_read_input_tokens,
      ...(creation ? { cache_creation: { ephemeral_5m_input_tokens: creation.ephemeral_5m_input_tokens, ephemeral_1h_input_tokens: creation.ephemeral_1h_input_tokens } } : {}),
    },
  };
}

/** What the adapter needs of any of the four clients: the message stream. */
interface StreamingClient {
  messages: Pick<Anthropic['messages'], 'stream'>;
}

interface ClientSettings {
  timeout: number;
  maxRetries: number;
}

async function createClient(route: ModelRoute, env: Env, settings: ClientSettings, options: ModelPortOptions): Promise<StreamingClient> {
  switch (route) {
    case 'anthropic': {
      const apiKey = options.apiKey ?? envValue(env, API_KEY_VARIABLE) ?? null;
      // A key wins over a token, as in the SDK; both absent never reaches here.
      const authToken = apiKey === null ? (envValue(env, 'ANTHROPIC_AUTH_TOKEN') ?? null) : null;
      return new Anthropic({ apiKey, authToken, baseURL: options.baseURL ?? envValue(env, 'ANTHROPIC_BASE_URL') ?? 'https://api.anthropic.com', ...settings });
    }
    case 'bedrock': {
      const { AnthropicBedrock } = await import('@anthropic-ai/bedrock-sdk');
      const access = envValue(env, 'AWS_ACCESS_KEY_ID');
      const secret = envValue(env, 'AWS_SECRET_ACCESS_KEY');
      const region = envValue(env, 'AWS_REGION') ?? envValue(env, 'AWS_DEFAULT_REGION') ?? 'us-east-1';
      const base = envValue(env, 'ANTHROPIC_BEDROCK_BASE_URL');
      const bearer = envValue(env, 'AWS_BEARER_TOKEN_BEDROCK');
      const common = { awsRegion: region, ...(base !== undefined ? { baseURL: base } : {}), ...settings };
      if (bearer !== undefined) return new AnthropicBedrock({ ...common, apiKey: bearer });
      if (access !== undefined && secret !== undefined) {
        return new AnthropicBedrock({ ...common, apiKey: null, awsAccessKey: access, awsSecretKey: secret, awsSessionToken: envValue(env, 'AWS_SESSION_TOKEN') ?? null });
      }
      // The AWS provider chain: profile, web identity, container, instance metadata.
      return new AnthropicBedrock({ ...common, apiKey: null });
    }
    case 'vertex': {
      const [{ AnthropicVertex }, { GoogleAuth }] = await Promise.all([import('@anthropic-ai/vertex-sdk'), import('google-auth-library')]);
      const keyFile = envValue(env, 'GOOGLE_APPLICATION_CREDENTIALS');
      const base = envValue(env, 'ANTHROPIC_VERTEX_BASE_URL');
      return new AnthropicVertex({
        region: envValue(env, 'CLOUD_ML_REGION') ?? null,
        projectId: envValue(env, 'ANTHROPIC_VERTEX_PROJECT_ID') ?? null,
        ...(options.vertexAuthClient
          ? { authClient: options.vertexAuthClient }
          : { googleAuth: new GoogleAuth({ scopes: 'https://www.googleapis.com/auth/cloud-platform', ...(keyFile !== undefined ? { keyFilename: keyFile } : {}) }) }),
        ...(base !== undefined ? { baseURL: base } : {}),
        // The SDK would copy the Messages API's own version into the body; Vertex documents this one.
        defaultHeaders: { 'anthropic-version': VERTEX_API_VERSION },
        ...settings,
      });
    }
    case 'foundry': {
      const { AnthropicFoundry } = await import('@anthropic-ai/foundry-sdk');
      const resource = envValue(env, 'ANTHROPIC_FOUNDRY_RESOURCE');
      const base = envValue(env, 'ANTHROPIC_FOUNDRY_BASE_URL');
      return new AnthropicFoundry({
        apiKey: envValue(env, 'ANTHROPIC_FOUNDRY_API_KEY'),
        // One of the two: `null` keeps the SDK from reading the other from process.env.
        ...(base !== undefined ? { baseURL: base, resource: null } : { resource: resource ?? null }),
        ...settings,
      });
    }
  }
}

/**
 * A model port on the route (default: `auto` from `env`). Throws {@link MissingCredentialsError}
 * with checkModelCredentials' one-line message when the route's credentials are missing.
 */
export function createModelPort(options: ModelPortOptions & { provider?: AgentConfig['provider'] }): ModelPort {
  const env = options.env ?? process.env;
  const route = options.route ?? resolveRoute(options.provider ?? 'auto', env);
  if (!options.skipCredentialCheck && options.apiKey === undefined) {
    const check = checkModelCredentials(env, { provider: route }, {});
    // The file-based credentials (AWS shared file, gcloud ADC) are for the SDKs to find; here only what the environment says is judged.
    if (!check.ok && !/no AWS credentials found|no Google credentials found/.test(check.message)) throw new MissingCredentialsError({ problem: check.message, route });
  }
  const settings: ClientSettings = { timeout: options.timeoutMs, maxRetries: options.maxRetries };
  let client: Promise<StreamingClient> | undefined;
  return {
    async create(request: ModelRequest, call?: ModelCallOptions): Promise<ModelResponse> {
      client ??= createClient(route, env, settings, options);
      let message: Anthropic.Messages.Message;
      try {
        const params = { ...request, model: routeModelId(route, request.model) } as Anthropic.Messages.MessageStreamParams;
        const stream = (await client).messages.stream(params, call?.signal ? { signal: call.signal } : undefined);
        message = await stream.finalMessage();
      } catch (error) {
        throw describeSdkError(error, options.maxRetries, route);
      }
      return toModelResponse(message);
    },
  };
}

/** The model port configured by `agent` (route, timeout, retries); the model id travels in each request. */
export function modelPortFromConfig(agent: AgentConfig, env: Env = process.env): ModelPort {
  return createModelPort({ provider: agent.provider, env, timeoutMs: agent.requestTimeoutSeconds * 1000, maxRetries: agent.maxRetries });
}
