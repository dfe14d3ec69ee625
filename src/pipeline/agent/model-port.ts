/**
 * The model port: what the agent loop needs from a language model, in the shape of the
 * Anthropic Messages API (https://docs.anthropic.com/en/api/messages) so the adapter is a
 * thin pass-through and recorded sessions read like the real API's traffic. Only the
 * parts the agent uses are modelled: text, tool use and the thinking blocks current models
 * return by default (kept and sent back unchanged); no images or server tools.
 */

/** Marks the end of a cacheable prefix (prompt caching); `ttl` absent is the API's default, 5 minutes. */
export interface CacheControl {
  type: 'ephemeral';
  ttl?: '5m' | '1h';
}

/** How long a cache entry written by the stable prefix lives. */
export type CacheLifetime = '5m' | '1h';

export interface TextBlock {
  type: 'text';
  text: string;
  cache_control?: CacheControl;
}

export interface ToolUseBlock {
  type: 'tool_use';
  /** `toolu_…`, unique within the conversation. */
  id: string;
  name: string;
  /** Whatever the model produced: untrusted, validated by the tool's schema. */
  input: unknown;
}

export interface ToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  is_error?: boolean;
  cache_control?: CacheControl;
}

/**
 * The model's thinking. Adaptive thinking is on by default from Claude Sonnet 5 on, and
 * the API wants these blocks back unchanged in the assistant turn (the signature ties
 * them to the model and the conversation), above all around tool use: the loop keeps
 * them in the conversation as they came and never shows or acts on their text.
 */
export interface ThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature: string;
}

/** Thinking the API returns encrypted; sent back as it came. */
export interface RedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

/** Blocks the model sends back. */
export type ResponseBlock = TextBlock | ToolUseBlock | ThinkingBlock | RedactedThinkingBlock;

/** Blocks a request may carry. */
export type RequestBlock = ResponseBlock | ToolResultBlock;

export interface MessageParam {
  role: 'user' | 'assistant';
  content: RequestBlock[];
}

/** A JSON Schema object, as the API expects in `input_schema`. */
export type JsonSchema = { type: 'object' } & Record<string, unknown>;

export interface ToolDefinition {
  name: string;
  description: string;
  input_schema: JsonSchema;
  cache_control?: CacheControl;
}

export interface ModelRequest {
  model: string;
  max_tokens: number;
  system: TextBlock[];
  tools: ToolDefinition[];
  messages: MessageParam[];
}

export type StopReason =
  | 'end_turn'
  | 'tool_use'
  | 'max_tokens'
  | 'stop_sequence'
  | 'refusal'
  | 'pause_turn'
  | 'model_context_window_exceeded';

/** Token counts of one call; the cache fields are null or absent when caching was not involved. */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  /** The cache writes split by lifetime. */
  cache_creation?: { ephemeral_5m_input_tokens?: number | null; ephemeral_1h_input_tokens?: number | null } | null;
}

export interface ModelResponse {
  /** `msg_…` */
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ResponseBlock[];
  /** A string the agent does not know is possible: the API adds stop reasons over time. */
  stop_reason: StopReason | (string & {}) | null;
  stop_sequence?: string | null;
  usage: Usage;
}

export interface ModelCallOptions {
  /** Aborts the call and any wait for a retry: the loop passes the wall-time budget left. */
  signal?: AbortSignal;
}

/**
 * The prompt no longer fits the model's context window (the API's 400 "prompt is too
 * long"). The loop compacts the conversation and asks again instead of failing.
 */
export class ModelPromptTooLongError extends Error {
  override readonly name = 'ModelPromptTooLongError';
}

/**
 * One call to the model. Adapters retry transient failures themselves (429, 529, 5xx,
 * within `signal`); an error thrown from here is final for this call and stops the loop
 * with reason `error`, except {@link ModelPromptTooLongError}.
 */
export interface ModelPort {
  create(request: ModelRequest, options?: ModelCallOptions): Promise<ModelResponse>;
}
