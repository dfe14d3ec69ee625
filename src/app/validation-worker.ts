/**
 * The spec validation, in a worker thread of the validation pool (validation-pool.ts):
 * parsing a 2 MB spec took 25–32 s of CPU, and on the app's event loop that stalled every
 * webhook. The worker has no GitHub client: it asks the main thread for the file list and
 * for each file's bytes over the task's message port, so the I/O (and its credentials)
 * stay where they were and only the CPU work moves.
 */
import type { MessagePort } from 'node:worker_threads';
import type { SpecsConfig } from '../pipeline/config/schema.js';
import { validateRepository, type RepositoryValidation, type SpecSource } from '../pipeline/spec/index.js';

/** What the pool sends the worker. */
export interface ValidationTask {
  /** Answers `{ id, op: 'list' }` and `{ id, op: 'read', path }`. */
  port: MessagePort;
  specs: SpecsConfig;
  paths: string[];
}

/** A request from the worker to the main thread. */
export type SourceRequest = { id: number; op: 'list' } | { id: number; op: 'read'; path: string };
/** The main thread's answer. */
export type SourceReply = { id: number; ok: true; value: string[] | Uint8Array } | { id: number; ok: false; error: string };

/** A {@link SpecSource} whose reads are asked of the main thread. */
function remoteSource(port: MessagePort): SpecSource {
  let next = 0;
  const pending = new Map<number, { resolve: (v: string[] | Uint8Array) => void; reject: (e: Error) => void }>();
  port.on('message', (reply: SourceReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.error));
  });
  const ask = (request: { op: 'list' } | { op: 'read'; path: string }) =>
    new Promise<string[] | Uint8Array>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      port.postMessage({ ...request, id });
    });
  return {
    list: async () => (await ask({ op: 'list' })) as string[],
    read: async (path) => (await ask({ op: 'read', path })) as Uint8Array,
  };
}

/** The worker's task: validate `paths` of the main thread's source. */
export default async function validateInWorker(task: ValidationTask): Promise<RepositoryValidation> {
  try {
    return await validateRepository(remoteSource(task.port), task.specs, { paths: task.paths });
  } finally {
    task.port.close();
  }
}
