/**
 * The run registry in Postgres: a run's every save records its phase, and start-up
 * recovery of a restarted app reads the registry instead of the search API. The app runs
 * in this process (real Probot, the stateful GitHub double) with the Postgres queue and
 * registry on a database of this file's own. Needs DATABASE_URL (.ci/run sets it).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHost } from '../../src/app/create-app.js';
import { PostgresJobQueue } from '../../src/app/pg-queue.js';
import { PgRunRegistry } from '../../src/app/pg-store.js';
import { transition } from '../../src/pipeline/workflow/transitions.js';
import { gatesOutcomeOf } from '../../src/pipeline/workflow/bridge.js';
import { phaseLabel } from '../../src/pipeline/workflow/state.js';
import { renderStateComment } from '../../src/reporting/state-comment.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres/scratch-database.js';
import { failingPytest, gate, greetingRepo, pushSpec, replay, SPEC_BRANCH, stateOf, trackAppHarnesses } from '../contract/app/harness.js';

const DATABASE_URL = process.env.DATABASE_URL;
const startHarness = trackAppHarnesses();

describe.skipIf(!DATABASE_URL)('start-up recovery from the run registry in Postgres (skipped only without DATABASE_URL, which .ci/run sets)', () => {
  let url: string;
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase(DATABASE_URL!, 'sa_rec');
    url = database.url;
  });

  afterAll(() => database.drop());

  const host = (): AppHost => ({
    queue: (hooks) => {
      const queue = new PostgresJobQueue({ connectionString: url, concurrency: 2, work: true, leaseSeconds: 5, maxAttempts: 1, ...hooks });
      return { queue, registry: new PgRunRegistry(queue.pool) };
    },
  });

  it('records every save of a run, and a restarted app finds the run there without the search API', async () => {
    const repo = greetingRepo();
    const h = await startHarness({ repo: { files: repo.files }, model: await replay('greeting-loop.jsonl'), host: host() });
    await h.app.runtime.queue.start();
    await pushSpec(h, repo.spec);
    const qa = stateOf(h.fake, 1);
    expect(qa.phase).toBe('qa');
    expect(await h.app.runtime.registry!.active()).toEqual([{ installationId: h.fake.installationId, owner: h.fake.owner, repo: h.fake.repo, pr: 1, branch: SPEC_BRANCH, phase: 'qa' }]);
    await h.app.runtime.queue.close();

    // A crash in a fix iteration: the comment and label say fixing, and so does the registry.
    const fixing = transition(qa, { type: 'gates.completed', at: '2026-07-01T13:00:00Z', outcome: gatesOutcomeOf(qa.headSha!, [gate('ruff', 'passed'), failingPytest()]) });
    if (fixing.kind !== 'applied') throw new Error('expected a fix iteration');
    h.fake.github.state.issueComments.find((c) => c.body.includes('<!-- spec-automation:state'))!.body = renderStateComment({ state: fixing.state });
    h.fake.github.state.issues.find((i) => i.number === 1)!.labels = [phaseLabel('fixing')];
    const pool = new pg.Pool({ connectionString: url });
    await pool.query("update spec_automation.runs set phase = 'fixing'");

    const before = h.double.log.length;
    const restarted = await startHarness({ reuse: { fake: h.fake, double: h.double }, deps: { recovery: 'mark' }, host: host() });
    const deadline = Date.now() + 30_000;
    while (stateOf(h.fake, 1).phase !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await restarted.settle();
    expect(stateOf(h.fake, 1).phase).toBe('failed');
    expect(h.fake.labelsOf(1)).toEqual(['spec:failed']);
    const routes = h.double.log.slice(before).map((e) => e.route);
    expect(routes).not.toContain('GET /search/issues');
    expect(routes).not.toContain('GET /app/installations');
    const { rows } = await pool.query('select phase from spec_automation.runs');
    expect(rows).toEqual([{ phase: 'failed' }]);
    expect(await restarted.app.runtime.registry!.active()).toEqual([]);
    await pool.end();
  }, 90_000);
});
