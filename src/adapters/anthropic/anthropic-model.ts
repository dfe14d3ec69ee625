/**
 * The model port over the Anthropic Messages API (`@anthropic-ai/sdk`). The request the
 * loop builds is already in the API's shape, so this adapter only passes it through,
 * keeps the response's text and tool_use blocks, and turns SDK errors into messages
 * that say what to do. The SDK retries 408, 409, 429 and 5xx (529 overloaded included)
 * with backoff, honouring `retry-after`; `maxRetries` and the timeout come from config.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { AgentConfig } from '../../pipeline/config/schema.js';
import type { ModelPort, ModelRequest, ModelResponse, ResponseBlock } from '../../pipeline/agent/model-port.js';

export const API_KEY_VARIABLE = 'ANTHROPIC_API_KEY';

/** No API key: the message names the variable and the offline alternative. */
export class MissingApiKeyError extends Error {
  override readonly name = 'MissingApiKeyError';
  constructor() {
    super(
      `${API_KEY_VARIABLE} is not set. Create a key at https://console.anthropic.com/settings/keys and set it in the environment (export ${API_KEY_VARIABLE}=sk-ant-… , or $env:${API_KEY_VARIABLE}="sk-ant-…" in PowerShell), or replay a recorded session instead of calling the model.`,
    );
  }
}

/** A model call that failed after the SDK's retries, with the status and request id when there was a response. */
export class ModelCallError extends Error {
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

export interface AnthropicModelOptions {
  /** Default: `ANTHROPIC_API_KEY` from `env`. */
  apiKey?: string;
  env?: Record<string, string | undefined>;
  /** Per-request timeout. */
  timeoutMs: number;
  maxRetries: number;
  /** Default: `ANTHROPIC_BASE_URL` from `env`, else https://api.anthropic.com. */
  baseURL?: string;
}

function errorTypeOf(body: unknown): { type?: string; message?: string } {
  const inner = (body as { error?: { type?: unknown; message?: unknown } } | undefined)?.error;
  return {
    ...(typeof inner?.type === 'string' ? { type: inner.type } : {}),
    ...(typeof inner?.message === 'string' ? { message: inner.message } : {}),
  };
}

const ADVICE: Record<number, string> = {
  400: 'The request was rejected as invalid; if the prompt is too long, lower agent.failureBudgetChars or split the spec.',
  401: `The API key was rejected; check ${API_KEY_VARIABLE}.`,
  403: 'The API key may not use this model or feature.',
  404: 'The model was not found; check agent.model in .github/spec-automation.yml.',
  413: 'The request is too large; lower agent.failureBudgetChars or split the spec.',
  429: 'Rate limited after all retries; wait, or raise agent.maxRetries.',
  529: 'The API is overloaded and stayed so through all retries; try again later, or raise agent.maxRetries.',
};

/** Turns an SDK error into a {@link ModelCallError} whose message says what happened and what to do. */
export function describeSdkError(error: unknown, maxRetries: number): ModelCallError {
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new ModelCallError(`The Anthropic API did not answer within the request timeout (agent.requestTimeoutSeconds), ${maxRetries} retries included.`, undefined, undefined, { cause: error });
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return new ModelCallError(`Could not reach the Anthropic API (${error.message}); check the network or ANTHROPIC_BASE_URL.`, undefined, undefined, { cause: error });
  }
  if (error instanceof Anthropic.APIError) {
    const status = error.status;
    const { type, message } = errorTypeOf(error.error);
    const advice = (status !== undefined ? ADVICE[status] : undefined) ?? (status !== undefined && status >= 500 ? 'Server error after all retries; try again later.' : '');
    const requestId = error.requestID ?? undefined;
    const text = `Anthropic API error ${status ?? ''}${type ? ` ${type}` : ''}: ${message ?? error.message}${requestId ? ` (request ${requestId})` : ''}. ${advice}`.trim();
    return new ModelCallError(text, status, requestId, { cause: error });
  }
  return new ModelCallError(`The Anthropic SDK failed: ${error instanceof Error ? error.message : String(error)}`, undefined, undefined, { cause: error });
}

/** Keeps the blocks the loop understands; the agent enables no feature that produces others. */
function responseBlocks(content: Anthropic.Messages.ContentBlock[]): ResponseBlock[] {
  const blocks: ResponseBlock[] = [];
  for (const block of content) {
    if (block.type === 'text') blocks.push({ type: 'text', text: block.text });
    else if (block.type === 'tool_use') blocks.push({ type: 'tool_use', id: block.id, name: block.name, input: block.input });
  }
  return blocks;
}

/** The SDK's message as the port's response. */
export function toModelResponse(message: Anthropic.Messages.Message): ModelResponse {
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
    },
  };
}

/** A model port on the Anthropic API. Throws {@link MissingApiKeyError} when there is no key. */
export function createAnthropicModel(options: AnthropicModelOptions): ModelPort {
  const env = options.env ?? process.env;
  const apiKey = (options.apiKey ?? env[API_KEY_VARIABLE] ?? '').trim();
  if (apiKey === '') throw new MissingApiKeyError();
  const client = new Anthropic({
    apiKey,
    baseURL: options.baseURL ?? env['ANTHROPIC_BASE_URL'] ?? 'https://api.anthropic.com',
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
  return {
    async create(request: ModelRequest): Promise<ModelResponse> {
      let message: Anthropic.Messages.Message;
      try {
        message = await client.messages.create({ ...request, stream: false } satisfies Anthropic.Messages.MessageCreateParamsNonStreaming);
      } catch (error) {
        throw describeSdkError(error, options.maxRetries);
      }
      return toModelResponse(message);
    },
  };
}

/** The model port configured by `agent` (timeout, retries); the model id travels in each request. */
export function anthropicModelFromConfig(agent: AgentConfig, env: Record<string, string | undefined> = process.env): ModelPort {
  return createAnthropicModel({ env, timeoutMs: agent.requestTimeoutSeconds * 1000, maxRetries: agent.maxRetries });
}
