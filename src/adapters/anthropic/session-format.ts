/**
 * Session files: the JSON Lines format the recording model writes and the replay model
 * reads. Line 1 is a header; every other line is one exchange (request, response).
 *
 *   {"type":"session","format":1,"model":"claude-sonnet-4-6","created":"2026-…","handWritten":false}
 *   {"type":"exchange","index":1,"shape":{…},"requestHash":"…","request":{…},"response":{…}}
 *
 * A request is matched by its shape: the model, the tool names, and per message its role
 * with the tool_use ids (assistant) or tool_result ids and error flags (user). A shape
 * is small enough to write by hand, so hand-written sessions (`handWritten: true`, no
 * `request`) replay the same way recorded ones do; recorded sessions also carry a hash
 * of the whole request, and replay compares it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ModelRequest, ModelResponse } from '../../pipeline/agent/model-port.js';
import { SpecAutomationError } from '../../pipeline/errors.js';

export const SESSION_FORMAT = 1;

export interface SessionHeader {
  type: 'session';
  format: typeof SESSION_FORMAT;
  model: string;
  created: string;
  /** True for sessions written by hand (tests, the demo); their exchanges carry no full request. */
  handWritten: boolean;
  description?: string;
}

/** What replay compares for every session. */
export interface RequestShape {
  model: string;
  tools: string[];
  /** `user`, `assistant[toolu_1,toolu_2]`, `user[toolu_1:ok,toolu_2:error]`. */
  messages: string[];
}

export interface SessionExchange {
  type: 'exchange';
  /** 1-based. */
  index: number;
  shape: RequestShape;
  /** sha256 of the canonical JSON of the full request (recorded sessions). */
  requestHash?: string;
  request?: ModelRequest;
  /** Exactly one of response and error. */
  response?: ModelResponse;
  error?: { message: string };
}

export interface Session {
  source: string;
  header: SessionHeader;
  exchanges: SessionExchange[];
}

/** A session file that cannot be read, with the line at fault. */
export class SessionFormatError extends SpecAutomationError {
  override readonly name = 'SessionFormatError';
}

/** The shape of a request, as replay compares it. */
export function requestShape(request: ModelRequest): RequestShape {
  return {
    model: request.model,
    tools: request.tools.map((t) => t.name),
    messages: request.messages.map((m) => {
      if (m.role === 'assistant') {
        const ids = m.content.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []));
        return ids.length > 0 ? `assistant[${ids.join(',')}]` : 'assistant';
      }
      const results = m.content.flatMap((b) => (b.type === 'tool_result' ? [`${b.tool_use_id}:${b.is_error ? 'error' : 'ok'}`] : []));
      return results.length > 0 ? `user[${results.join(',')}]` : 'user';
    }),
  };
}

/** JSON with object keys sorted, so equal values serialize equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

export function requestHash(request: ModelRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

// Responses must look like the real API's: ids, type, role, blocks, stop reason, usage.
const count = z.number().int().nonnegative();
const responseSchema = z.object({
  id: z.string().regex(/^msg_/, 'a message id starts with "msg_"'),
  type: z.literal('message'),
  role: z.literal('assistant'),
  model: z.string().min(1),
  content: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ type: z.literal('tool_use'), id: z.string().regex(/^toolu_/, 'a tool_use id starts with "toolu_"'), name: z.string().min(1), input: z.unknown() }),
    ]),
  ),
  stop_reason: z.string().nullable(),
  stop_sequence: z.string().nullable().optional(),
  usage: z.object({
    input_tokens: count,
    output_tokens: count,
    cache_creation_input_tokens: count.nullable().optional(),
    cache_read_input_tokens: count.nullable().optional(),
  }),
});

const headerSchema = z.object({
  type: z.literal('session'),
  format: z.literal(SESSION_FORMAT),
  model: z.string().min(1),
  created: z.string().min(1),
  handWritten: z.boolean(),
  description: z.string().optional(),
});

const exchangeSchema = z
  .object({
    type: z.literal('exchange'),
    index: z.number().int().positive(),
    shape: z.object({ model: z.string().min(1), tools: z.array(z.string()), messages: z.array(z.string()).min(1) }),
    requestHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    request: z.unknown().optional(),
    response: responseSchema.optional(),
    error: z.object({ message: z.string() }).optional(),
  })
  .refine((e) => (e.response === undefined) !== (e.error === undefined), { message: 'an exchange has either "response" or "error"' });

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(line)'}: ${i.message}`)
    .join('; ');
}

/** Reads a session from its text. Throws {@link SessionFormatError} naming the source and line. */
export function parseSession(text: string, source: string): Session {
  const lines = text.split(/\r?\n/);
  let header: SessionHeader | undefined;
  const exchanges: SessionExchange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const at = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new SessionFormatError(`${at}: not valid JSON (${(error as Error).message}).`);
    }
    if (!header) {
      const parsed = headerSchema.safeParse(value);
      if (!parsed.success) {
        throw new SessionFormatError(`${at}: the first line must be the session header {"type":"session","format":${SESSION_FORMAT},"model":…,"created":…,"handWritten":…}: ${issues(parsed.error)}.`);
      }
      header = parsed.data as SessionHeader;
      continue;
    }
    const parsed = exchangeSchema.safeParse(value);
    if (!parsed.success) throw new SessionFormatError(`${at}: invalid exchange: ${issues(parsed.error)}.`);
    const expected = exchanges.length + 1;
    if (parsed.data.index !== expected) throw new SessionFormatError(`${at}: exchange index ${parsed.data.index}, expected ${expected}.`);
    if (!header.handWritten && parsed.data.requestHash === undefined) {
      throw new SessionFormatError(`${at}: a recorded session (handWritten: false) needs "requestHash" on every exchange.`);
    }
    // Serve what the file says, byte for byte: the validated object is only a check.
    exchanges.push(value as SessionExchange);
  }
  if (!header) throw new SessionFormatError(`${source}: the session is empty; it needs a header line and at least one exchange.`);
  return { source, header, exchanges };
}
