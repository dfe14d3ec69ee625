/**
 * Jobs as data, one port, two adapters. A job is `{ kind, queue, deliveryId, label,
 * payload }`: plain JSON, so it can wait in Postgres (pg-queue.ts) as well as in memory
 * (local-queue.ts), and whichever queue runs it calls the same handler of its kind.
 *
 * `queue` is the serialization key: jobs of one queue run one at a time, in order, across
 * every process that works (for a run: `owner/repo@spec/<id>`). `deliveryId` deduplicates:
 * a second job with the same id is dropped (GitHub redelivers, and two web processes may
 * receive the same delivery). A job never carries an Octokit: its payload names the
 * installation and the repository, and the worker that runs it authenticates.
 */
import type { Config } from '../pipeline/config/schema.js';
import type { PullRequestInfo } from '../github/pull-requests.js';
import type { RepoRef } from '../github/types.js';
import type { PushLike } from './push.js';
import type { WorkflowRunLike } from './gates-completed.js';
import type { SteerInput } from './steer.js';
import type { StartRunInput } from './start-run.js';

/** What a job needs to rebuild its repository session in any process. */
export interface SessionRef {
  /** The installation whose token the job uses (absent only in tests that give a client). */
  installationId?: number;
  repo: RepoRef;
  htmlUrl: string;
  defaultBranch: string;
}

export interface JobPayloads {
  /** A push: validation, then one `start` per spec that starts a run. */
  push: { session: SessionRef; push: PushLike };
  /** The gates workflow completed on a spec branch. */
  gates: { session: SessionRef; run: WorkflowRunLike; deliveryId: string };
  /** A `/spec` comment: authorization, then a `steer` job on the run's queue. */
  command: { session: SessionRef; input: SteerInput };
  /** A button of the run check run: as a command. */
  button: { session: SessionRef; input: SteerInput };
  /** "Re-run" on the validate check run. */
  revalidate: { session: SessionRef; branch: string; sha: string; by: string; deliveryId: string };
  /** Starting (or restarting) the run of one spec. */
  start: { session: SessionRef; config: Config; input: StartRunInput };
  /** An authorized order, on the run's queue. */
  steer: { session: SessionRef; config: Config; pr: PullRequestInfo; input: SteerInput };
  /** Start-up recovery: finds the runs in active phases. */
  'recover-scan': Record<string, never>;
  /** Start-up recovery of one pull request: resolves its branch, then `recover` on the run's queue. */
  'recover-pr': { session: SessionRef; number: number };
  /** Start-up recovery of one run. */
  recover: { session: SessionRef; pr: PullRequestInfo };
}

export type JobKind = keyof JobPayloads;

export const JOB_KINDS: readonly JobKind[] = ['push', 'gates', 'command', 'button', 'revalidate', 'start', 'steer', 'recover-scan', 'recover-pr', 'recover'];

export interface JobData<K extends JobKind = JobKind> {
  kind: K;
  /** Jobs of one queue run one at a time, in order, across processes. */
  queue: string;
  /** A job with a delivery id already seen is dropped. */
  deliveryId?: string;
  /** For logs: `push 1a2b3c4`. */
  label: string;
  payload: JobPayloads[K];
}

export type AnyJob = { [K in JobKind]: JobData<K> }[JobKind];

export type EnqueueResult = 'queued' | 'duplicate';

export interface QueueDepth {
  running: number;
  waiting: number;
  /** By job kind (only kinds with jobs). */
  byKind: Record<string, { running: number; waiting: number }>;
}

/** Runs a job: the same function whichever queue holds it. */
export type Dispatch = (job: AnyJob, signal: AbortSignal) => Promise<void>;

/** The port both queues implement. */
export interface JobQueue {
  /** `memory` or `postgres`. */
  readonly backend: 'memory' | 'postgres';
  /** Connects and migrates (Postgres), starts working; idempotent. Adding before it resolves is allowed in memory only. */
  start(): Promise<void>;
  add(job: AnyJob): Promise<EnqueueResult>;
  /** Asks the running job of `queue` (in whichever process) to stop at its next check. */
  abort(queue: string, reason?: string): Promise<void>;
  /** This process's numbers, without a round trip (tests, logs). */
  stats(): { running: number; waiting: number; keys: number; completed: number };
  /** Jobs running and waiting everywhere (for Postgres: in the database). */
  depth(): Promise<QueueDepth>;
  /** Resolves when nothing this process knows of is queued or running. */
  idle(): Promise<void>;
  /** Throws when the queue cannot work (the database is unreachable). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** A helper to build a job with its payload type checked against its kind. */
export function job<K extends JobKind>(kind: K, queue: string, label: string, payload: JobPayloads[K], deliveryId?: string): JobData<K> {
  return { kind, queue, label, payload, ...(deliveryId ? { deliveryId } : {}) };
}
