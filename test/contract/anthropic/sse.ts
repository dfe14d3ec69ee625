// A Messages API response as the streamed events the API sends
// (https://docs.anthropic.com/en/docs/build-with-claude/streaming): message_start with
// the input usage, per block content_block_start / _delta / _stop (text_delta, or
// input_json_delta in pieces for tool input, thinking_delta and signature_delta for
// thinking), message_delta with the stop reason and
// the output tokens, message_stop; ping events in between, as the API sends them.

export interface ApiMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Array<Record<string, unknown>>;
  stop_reason: string | null;
  stop_sequence: string | null;
  usage: Record<string, unknown> & { output_tokens: number };
}

export interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Splits a string in pieces of `size` characters (the API's deltas are small). */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/**
 * The events of `message`. `cutToolInput`: the last tool_use block's JSON stops halfway,
 * as when the response hits max_tokens inside a tool call.
 */
export function streamEvents(message: ApiMessage, options: { cutToolInput?: boolean } = {}): StreamEvent[] {
  const events: StreamEvent[] = [];
  events.push({
    event: 'message_start',
    data: { type: 'message_start', message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...message.usage, output_tokens: 1 } } },
  });
  events.push({ event: 'ping', data: { type: 'ping' } });
  message.content.forEach((block, index) => {
    if (block['type'] === 'text') {
      events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } } });
      for (const text of pieces(String(block['text']), 40)) events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text } } });
    } else if (block['type'] === 'thinking') {
      // Thinking streams as thinking_delta pieces, then its signature in one signature_delta.
      events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } } });
      for (const thinking of pieces(String(block['thinking']), 40)) events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } } });
      events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block['signature'] } } });
    } else if (block['type'] === 'redacted_thinking') {
      events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data: block['data'] } } });
    } else if (block['type'] === 'tool_use') {
      events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block['id'], name: block['name'], input: {} } } });
      let json = JSON.stringify(block['input']);
      if (options.cutToolInput && index === message.content.length - 1) json = json.slice(0, Math.floor(json.length / 2));
      for (const partial_json of pieces(json, 64)) events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } } });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  });
  const { output_tokens, ...rest } = message.usage;
  events.push({
    event: 'message_delta',
    data: { type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence }, usage: { ...rest, output_tokens } },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  return events;
}

/** The events as a text/event-stream body. */
export function sseBody(events: readonly StreamEvent[]): string {
  return events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join('');
}

export const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };
