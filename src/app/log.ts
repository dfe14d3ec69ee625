/**
 * The app's structured log: every line passes through the redactor, and every line
 * written while a job runs carries the job's fields (`job` kind, `queue` — for a run
 * job the run id `owner/repo@spec/<id>` — and `deliveryId`), through AsyncLocalStorage,
 * so the lines of one run can be grepped out of many processes' logs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redactor } from '../pipeline/redact.js';
import type { AppLog } from './context.js';

export interface PinoLike {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  /** pino's: false for a level below the logger's (the line would be dropped). */
  isLevelEnabled?(level: string): boolean;
}

/** The fields of the job running in the current async context. */
export interface JobLogFields {
  job: string;
  run?: string;
  queue: string;
  deliveryId?: string;
  attempt?: number;
}

const jobContext = new AsyncLocalStorage<JobLogFields>();

/** Runs `fn` with `fields` on every log line written inside it. */
export function withJobLog<T>(fields: JobLogFields, fn: () => Promise<T>): Promise<T> {
  return jobContext.run(fields, fn);
}

export function currentJobLog(): JobLogFields | undefined {
  return jobContext.getStore();
}

function redactFields(fields: Record<string, unknown> | undefined, redactor: Redactor): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' ? redactor.redact(v) : v;
  return out;
}

export function makeLog(target: () => PinoLike | undefined, redactor: Redactor): AppLog {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    const log = target();
    // A line pino would drop is not built (nor redacted): graphile-worker writes a debug line per job.
    if (log?.isLevelEnabled && !log.isLevelEnabled(level)) return;
    const job = jobContext.getStore();
    if (log) log[level]({ app: 'spec-automation', ...(job ? redactFields({ ...job }, redactor) : {}), ...redactFields(fields, redactor) }, redactor.redact(message));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** An AppLog given by the host, seen as pino (fields first). */
export function pinoOf(custom: AppLog): PinoLike {
  return {
    debug: (fields, message) => custom.debug(message, fields as Record<string, unknown>),
    info: (fields, message) => custom.info(message, fields as Record<string, unknown>),
    warn: (fields, message) => custom.warn(message, fields as Record<string, unknown>),
    error: (fields, message) => custom.error(message, fields as Record<string, unknown>),
  };
}
