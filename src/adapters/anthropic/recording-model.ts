/**
 * A model port that records: it wraps any model port (the live Anthropic one, usually)
 * and appends every request with its response, or its error, to a session file, so the
 * run can be replayed offline. See session-format.ts for the file format.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ModelCallOptions, ModelPort, ModelRequest, ModelResponse } from '../../pipeline/agent/model-port.js';
import { requestHash, requestShape, SESSION_FORMAT, type SessionExchange, type SessionHeader } from './session-format.js';

export interface RecordingOptions {
  /** The model id the session is recorded with (`agent.model`). */
  model: string;
  description?: string;
  /** Default: now. */
  created?: Date;
}

export class RecordingModel implements ModelPort {
  readonly path: string;
  readonly #inner: ModelPort;
  #count = 0;

  private constructor(inner: ModelPort, path: string) {
    this.#inner = inner;
    this.path = path;
  }

  /** Starts a session file at `path` (replacing any file there) and records into it. */
  static async start(inner: ModelPort, path: string, options: RecordingOptions): Promise<RecordingModel> {
    const header: SessionHeader = {
      type: 'session',
      format: SESSION_FORMAT,
      model: options.model,
      created: (options.created ?? new Date()).toISOString(),
      handWritten: false,
      ...(options.description !== undefined ? { description: options.description } : {}),
    };
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(header)}\n`, 'utf8');
    return new RecordingModel(inner, path);
  }

  /** Exchanges recorded so far. */
  get exchanges(): number {
    return this.#count;
  }

  async create(request: ModelRequest, call?: ModelCallOptions): Promise<ModelResponse> {
    this.#count += 1;
    const base = { type: 'exchange' as const, index: this.#count, shape: requestShape(request), requestHash: requestHash(request), request };
    let response: ModelResponse;
    try {
      response = await this.#inner.create(request, call);
    } catch (error) {
      const exchange: SessionExchange = { ...base, error: { message: error instanceof Error ? error.message : String(error) } };
      await appendFile(this.path, `${JSON.stringify(exchange)}\n`, 'utf8');
      throw error;
    }
    const exchange: SessionExchange = { ...base, response };
    await appendFile(this.path, `${JSON.stringify(exchange)}\n`, 'utf8');
    return response;
  }
}
