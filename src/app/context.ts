/**
 * What every piece of the app is handed: the dependencies chosen at start (model,
 * spec pipeline, clock, limits), the shared runtime (queue, caches, identity, log),
 * and per repository a session (the installation's Octokit and the repository).
 */
import type { ModelPort } from '../pipeline/agent/model-port.js';
import type { AgentConfig } from '../pipeline/config/schema.js';
import type { GraphQLClient } from '../github/pull-requests.js';
import type { GitObjectCache } from '../github/object-cache.js';
import type { GitHubClient, RepoRef } from '../github/types.js';
import type { AppMetrics } from './metrics.js';
import type { JobQueue, SessionRef } from './jobs.js';
import type { RunRegistry } from './pg-store.js';
import type { Redactor } from '../pipeline/redact.js';
import type { SpecPipeline } from './spec-pipeline.js';

/** What to do at start-up with runs a crash left where the agent was working. */
export type RecoveryPolicy = 'resume' | 'mark' | 'off';

export interface AppDeps {
  /** The model for a run's agent (default: the Anthropic API with ANTHROPIC_API_KEY). */
  model: (agent: AgentConfig) => ModelPort;
  specs: SpecPipeline;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** Waits (secondary rate limits); tests record instead of waiting. */
  sleep: (ms: number) => Promise<void>;
  /** Jobs running at once across pull requests. */
  concurrency: number;
  /**
   * Runs found in `spec:developing`/`spec:fixing` at start-up: `mark` (default) moves them
   * to `spec:failed` with a reason and waits for `/spec retry`, so a crash never spends
   * budget unasked; `resume` runs the interrupted agent iteration again. Runs in
   * `spec:qa` are always checked for gate results that arrived while the app was down.
   */
  recovery: RecoveryPolicy;
  /** The app's slug; read with `GET /app` when absent. */
  appSlug?: string;
  /** GitHub Apps whose `spec-automation / <gate>` check runs count as gate results. */
  trustedGateApps: readonly string[];
  redactor: Redactor;
  /**
   * Why the agent cannot run on this host (no model credentials), found at start-up; set,
   * valid specs are validated but start no run, and the validate check run says why.
   */
  modelProblem?: string;
  /** Where the app's own log lines go (redacted either way); default: Probot's logger (pino). */
  log?: AppLog;
}

/** Structured log lines; every message passes through the redactor. */
export interface AppLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface AppIdentity {
  slug: string;
  /** `<slug>[bot]`: the author of the app's comments. */
  botLogin: string;
}

export interface Runtime {
  deps: AppDeps;
  /** Where jobs wait: in memory, or in Postgres with DATABASE_URL (jobs.ts). */
  queue: JobQueue;
  log: AppLog;
  /** A job's repository session, rebuilt from its data (the installation's Octokit). */
  session(ref: SessionRef): Promise<RepoSession>;
  /** The registry of runs in Postgres (with DATABASE_URL): recovery reads it instead of the search API. */
  registry?: RunRegistry;
  identity(): Promise<AppIdentity>;
  /** Check run ids of the app's `spec-automation / run` per `owner/repo@sha` (saves a lookup per write). */
  runChecks: Map<string, number>;
  /** Git objects read or written (immutable), shared by the steps of every run. */
  objects: GitObjectCache;
  /** `owner/repo:label` of the `spec:<phase>` labels this process has created. */
  labelsEnsured: Set<string>;
  /** Prometheus metrics (GET /metrics). */
  metrics: AppMetrics;
}

/** An Octokit that can do REST and GraphQL (Probot's). */
export type AppClient = GitHubClient & GraphQLClient;

/** One repository of one installation. */
export interface RepoSession {
  client: AppClient;
  /** The installation the client is authenticated as (jobs carry it to other processes). */
  installationId?: number;
  repo: RepoRef;
  /** `https://github.com/<owner>/<repo>`. */
  htmlUrl: string;
  defaultBranch: string;
}

/** `owner/repo`. */
export function fullName(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`;
}

/** The queue key of a run: one job at a time per spec branch (and so per spec pull request). */
export function runKey(repo: RepoRef, branch: string): string {
  return `${fullName(repo)}@${branch}`;
}

/** What a job carries of a session: everything but the client. */
export function refOf(session: RepoSession): SessionRef {
  return { ...(session.installationId !== undefined ? { installationId: session.installationId } : {}), repo: session.repo, htmlUrl: session.htmlUrl, defaultBranch: session.defaultBranch };
}
