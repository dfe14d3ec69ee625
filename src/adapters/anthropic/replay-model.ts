/**
 * A model port that replays a session file: the n-th request gets the n-th recorded
 * response, exactly as recorded. It fails loudly, never silently drifts: a request that
 * does not match the recording, or one more request than the session holds, is an error
 * naming the session, the exchange and what differed.
 */
import { readFile } from 'node:fs/promises';
import type { ModelPort, ModelRequest, ModelResponse } from '../../pipeline/agent/model-port.js';
import { SpecAutomationError } from '../../pipeline/errors.js';
import { canonicalJson, parseSession, requestHash, requestShape, type RequestShape, type Session, type SessionHeader } from './session-format.js';

/** The request differs from the recorded one. */
export class ReplayMismatchError extends SpecAutomationError {
  override readonly name = 'ReplayMismatchError';
  constructor(
    message: string,
    readonly exchange: number,
  ) {
    super(message);
  }
}

/** More requests than the session recorded. */
export class ReplayExhaustedError extends SpecAutomationError {
  override readonly name = 'ReplayExhaustedError';
}

/** A recorded model error, thrown again on replay. */
export class ReplayedModelError extends SpecAutomationError {
  override readonly name = 'ReplayedModelError';
}

function show(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first place two JSON values differ, as `path: expected …, got …`. */
export function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return expected.length === actual.length ? undefined : `${path}: expected ${expected.length} items, got ${actual.length}`;
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(e), ...Object.keys(a)])].sort()) {
      const d = firstDifference(e[key], a[key], `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return canonicalJson(expected) === canonicalJson(actual) ? undefined : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

function shapeDifference(expected: RequestShape, actual: RequestShape): string | undefined {
  if (expected.model !== actual.model) return `model: expected "${expected.model}", got "${actual.model}" (agent.model)`;
  if (expected.tools.join(',') !== actual.tools.join(',')) return `tools: expected [${expected.tools.join(', ')}], got [${actual.tools.join(', ')}]`;
  for (let i = 0; i < Math.max(expected.messages.length, actual.messages.length); i++) {
    if (expected.messages[i] !== actual.messages[i]) {
      return `messages[${i}]: expected ${expected.messages[i] ?? '(none)'}, got ${actual.messages[i] ?? '(none)'} (${actual.messages.length} messages, recorded ${expected.messages.length})`;
    }
  }
  return undefined;
}

export class ReplayModel implements ModelPort {
  readonly #session: Session;
  #next = 0;

  constructor(session: Session) {
    this.#session = session;
  }

  /** Reads and checks a session file. Throws a located SessionFormatError for a malformed one. */
  static async fromFile(path: string): Promise<ReplayModel> {
    return new ReplayModel(parseSession(await readFile(path, 'utf8'), path));
  }

  static fromText(text: string, source: string): ReplayModel {
    return new ReplayModel(parseSession(text, source));
  }

  get header(): SessionHeader {
    return this.#session.header;
  }

  /** Exchanges not yet served. */
  get remaining(): number {
    return this.#session.exchanges.length - this.#next;
  }

  /** Throws when exchanges were left unserved: the run took a shorter path than the recording. */
  assertFinished(): void {
    if (this.remaining > 0) {
      throw new ReplayMismatchError(
        `Replay session ${this.#session.source}: the run ended after ${this.#next} of ${this.#session.exchanges.length} exchanges; the code no longer follows the recording.`,
        this.#next + 1,
      );
    }
  }

  async create(request: ModelRequest): Promise<ModelResponse> {
    const { source, exchanges, header } = this.#session;
    const exchange = exchanges[this.#next];
    const number = this.#next + 1;
    if (!exchange) {
      throw new ReplayExhaustedError(
        `Replay session ${source} has ${exchanges.length} exchanges, and the run asked for exchange ${number}. The agent took a longer path than the recording: record the session again, or add the missing exchange.`,
      );
    }
    const where = `Replay session ${source}, exchange ${number} of ${exchanges.length}`;
    const fix = header.handWritten
      ? 'Update the hand-written session to the new conversation.'
      : 'The prompts or the code changed since the session was recorded: record it again with a live key.';
    const shapeDiff = shapeDifference(exchange.shape, requestShape(request));
    if (shapeDiff) throw new ReplayMismatchError(`${where}: the request does not match the recording: ${shapeDiff}. ${fix}`, number);
    if (!header.handWritten && exchange.requestHash !== undefined && exchange.requestHash !== requestHash(request)) {
      const detail = exchange.request !== undefined ? firstDifference(exchange.request, JSON.parse(JSON.stringify(request)) as unknown, 'request') : undefined;
      throw new ReplayMismatchError(`${where}: the request differs from the recorded one (hash)${detail ? `: ${detail}` : ''}. ${fix}`, number);
    }
    this.#next += 1;
    if (exchange.error) throw new ReplayedModelError(exchange.error.message);
    return structuredClone(exchange.response!);
  }
}
