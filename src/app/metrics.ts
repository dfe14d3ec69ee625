/**
 * The app's Prometheus metrics (prom-client), on `GET /metrics`, and `GET /healthz`.
 * One registry per app (not prom-client's global one), so two apps in one process (tests,
 * a host loading it twice) never share or double-register series.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Ledger } from '../pipeline/workflow/state.js';
import type { QueueDepth } from './jobs.js';

export type DeliveryOutcome = 'queued' | 'duplicate' | 'ignored';

export class AppMetrics {
  readonly registry = new Registry();
  readonly deliveries = new Counter({ name: 'spec_automation_deliveries_total', help: 'Webhook deliveries by event and outcome (queued, duplicate, ignored).', labelNames: ['event', 'outcome'] as const, registers: [this.registry] });
  readonly jobSeconds = new Histogram({
    name: 'spec_automation_job_duration_seconds',
    help: 'Jobs run by kind (push, gates, command, button, revalidate, start, steer, recover-scan, recover-pr, recover) and outcome (ok, error).',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly runPhases = new Counter({ name: 'spec_automation_run_phase_changes_total', help: 'Runs moved into a phase (the spec:<phase> label set).', labelNames: ['phase'] as const, registers: [this.registry] });
  readonly agentTokens = new Counter({ name: 'spec_automation_agent_tokens_total', help: 'Model tokens the agent spent, by kind.', labelNames: ['kind'] as const, registers: [this.registry] });
  readonly agentCost = new Counter({ name: 'spec_automation_agent_cost_usd_total', help: 'Model cost the agent spent, in US dollars.', registers: [this.registry] });
  readonly githubRequests = new Counter({ name: 'spec_automation_github_requests_total', help: 'Requests to GitHub by status class (2xx, 3xx, 4xx, 5xx, network).', labelNames: ['status'] as const, registers: [this.registry] });
  readonly rateLimitRemaining = new Gauge({ name: 'spec_automation_github_rate_limit_remaining', help: 'x-ratelimit-remaining of the last GitHub answer, by resource.', labelNames: ['resource'] as const, registers: [this.registry] });

  /** `queueDepth`: this process's queue (memory) or the database's (Postgres), read at each scrape. */
  constructor(queueDepth: () => Promise<QueueDepth>) {
    // One read per scrape for both gauges (collect is called once per gauge).
    let last: { at: number; depth: Promise<QueueDepth> } | undefined;
    const read = () => {
      const now = Date.now();
      if (!last || now - last.at > 100) last = { at: now, depth: queueDepth() };
      return last.depth;
    };
    new Gauge({
      name: 'spec_automation_queue_jobs',
      help: 'Jobs in the queue, by state (running, waiting); with DATABASE_URL, in the database (every process).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        const stats = await read();
        this.set({ state: 'running' }, stats.running);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    new Gauge({
      name: 'spec_automation_queue_jobs_by_kind',
      help: 'Jobs in the queue by kind and state (running, waiting).',
      labelNames: ['kind', 'state'] as const,
      registers: [this.registry],
      async collect() {
        const stats = await read();
        this.reset();
        for (const [kind, c] of Object.entries(stats.byKind)) {
          this.set({ kind, state: 'running' }, c.running);
          this.set({ kind, state: 'waiting' }, c.waiting);
        }
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'spec_automation_' });
  }

  /** What an agent spent between two saves of a run's ledger. */
  spent(before: Ledger, after: Ledger): void {
    const kinds = { input: after.inputTokens - before.inputTokens, output: after.outputTokens - before.outputTokens, cache_write: after.cacheWriteTokens - before.cacheWriteTokens, cache_read: after.cacheReadTokens - before.cacheReadTokens };
    for (const [kind, n] of Object.entries(kinds)) if (n > 0) this.agentTokens.inc({ kind }, n);
    const cost = after.costUsd - before.costUsd;
    if (cost > 0) this.agentCost.inc(cost);
  }

  /** One GitHub answer (or a request that got none: `status` undefined). */
  githubAnswer(status: number | undefined, headers: Record<string, unknown> | undefined): void {
    this.githubRequests.inc({ status: status === undefined || (status === 500 && !headers) ? 'network' : `${Math.floor(status / 100)}xx` });
    const remaining = Number(headers?.['x-ratelimit-remaining']);
    if (headers && Number.isFinite(remaining)) this.rateLimitRemaining.set({ resource: String(headers['x-ratelimit-resource'] ?? 'core') }, remaining);
  }
}

/**
 * `GET /metrics` (Prometheus text format) and `GET /healthz` (200 with the queue's
 * numbers; 503 when `check` fails, e.g. the database is unreachable).
 */
export function metricsHandler(metrics: AppMetrics, health: () => Promise<Record<string, unknown>>): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (req.method !== 'GET') return false;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      return true;
    }
    if (path === '/healthz') {
      try {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', ...(await health()) }));
      } catch (error) {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', error: error instanceof Error ? error.message : String(error) }));
      }
      return true;
    }
    return false;
  };
}
