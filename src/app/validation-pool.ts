/**
 * Spec validation off the app's event loop (issue 11: one 2 MB spec stalled the app for
 * 25–32 s and took 1.1 GiB). A piscina pool of worker threads runs validateRepository
 * (validation-worker.ts); the main thread only answers the worker's file reads. Each task
 * has a time budget (per document validated) and each worker a heap limit: a document
 * over either is stopped (the worker is terminated, a new one starts for the next task)
 * and reported as an error on its file, and the app answers webhooks meanwhile.
 *
 * piscina rather than tinypool: it terminates a running task's worker on abort, takes
 * resourceLimits per pool and keeps a dead worker from taking the pool down with it.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { SpecsConfig } from '../pipeline/config/schema.js';
import { assignFingerprints, type Diagnostic } from '../pipeline/diagnostic.js';
import { discoverSpecs, type RepositoryValidation, type SpecSource } from '../pipeline/spec/index.js';
import type { SourceReply, SourceRequest, ValidationTask } from './validation-worker.js';

export interface ValidationPoolOptions {
  /** Worker threads at most. Default 2. */
  maxThreads?: number;
  /** Time budget of one document, in ms; a task gets it once per document it validates. Default 20 s. */
  perDocumentMs?: number;
  /** Heap limit of a worker (old generation), in MiB. Default 768. */
  maxMemoryMb?: number;
}

const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = new URL(RUNNING_FROM_SOURCE ? './validation-worker.ts' : './validation-worker.js', import.meta.url).href;
// From the sources, the worker strips TypeScript itself and maps `.js` imports to `.ts`.
const EXEC_ARGV = RUNNING_FROM_SOURCE ? ['--experimental-transform-types', '--disable-warning=ExperimentalWarning', '--import', new URL('./ts-worker-hooks.mjs', import.meta.url).href] : [];

/** Why a validation task did not finish, for the diagnostic on each of its documents. */
function stoppedBecause(error: unknown, budgetMs: number, maxMemoryMb: number): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `needed more than ${maxMemoryMb} MiB of memory`;
  if ((error as { name?: unknown }).name === 'AbortError' || /abort/i.test(String((error as Error).message))) return `took longer than ${Math.round(budgetMs / 1000)} s`;
  return `failed (${error instanceof Error ? error.message : String(error)})`;
}

export class ValidationPool {
  readonly #options: Required<ValidationPoolOptions>;
  #pool: Piscina<ValidationTask, RepositoryValidation> | undefined;

  constructor(options: ValidationPoolOptions = {}) {
    this.#options = { maxThreads: options.maxThreads ?? 2, perDocumentMs: options.perDocumentMs ?? 20_000, maxMemoryMb: options.maxMemoryMb ?? 768 };
  }

  #piscina(): Piscina<ValidationTask, RepositoryValidation> {
    this.#pool ??= new Piscina<ValidationTask, RepositoryValidation>({
      filename: WORKER,
      minThreads: 0,
      maxThreads: this.#options.maxThreads,
      // A warm worker for the next push; gone after a quiet minute.
      idleTimeout: 60_000,
      execArgv: EXEC_ARGV,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxMemoryMb },
    });
    return this.#pool;
  }

  /** Validates the spec documents `paths` of `source` in a worker; never blocks the event loop for long. */
  async validate(source: SpecSource, specs: SpecsConfig, paths: readonly string[]): Promise<RepositoryValidation> {
    const documents = discoverSpecs([...paths], specs).candidates;
    const budgetMs = this.#options.perDocumentMs * Math.max(1, documents.length);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (request: SourceRequest) => {
      void answer(source, request).then((reply) => {
        try {
          port1.postMessage(reply, reply.ok && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : []);
        } catch {
          // The task ended (budget, memory) while the read was under way.
        }
      });
    });
    try {
      return await this.#piscina().run({ port: port2, specs, paths: [...paths] }, { transferList: [port2], signal: AbortSignal.timeout(budgetMs) });
    } catch (error) {
      return stoppedValidation(documents, stoppedBecause(error, budgetMs, this.#options.maxMemoryMb));
    } finally {
      port1.close();
    }
  }

  /** Ends the worker threads (the app's shutdown, a test's end). */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }
}

/** One read of the worker's, answered from the real source; the bytes are a copy the reply can transfer. */
async function answer(source: SpecSource, request: SourceRequest): Promise<SourceReply> {
  try {
    if (request.op === 'list') return { id: request.id, ok: true, value: await source.list() };
    return { id: request.id, ok: true, value: new Uint8Array(await source.read(request.path)) };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The validation of documents whose task was stopped: an error on each, so none starts a run. */
export function stoppedValidation(documents: readonly string[], why: string): RepositoryValidation {
  const diagnostics: Diagnostic[] = assignFingerprints(
    documents.map((path) => ({
      source: 'spec',
      path,
      range: { start: { line: 1 } },
      severity: 'error' as const,
      rule: 'spec.validation-stopped',
      message: `Validating this document ${why}, so it was stopped and no run starts from it.`,
      hint: 'Split the document (BMAD sharding: an index.md plus shards) or make it smaller; `specs.maxBytes` (at most 8 MiB) refuses large files before parsing.',
    })),
  );
  return { specs: [], diagnostics, skipped: documents.map((path) => ({ path, reason: 'validation stopped' })) };
}
