/**
 * Structured logs keep the job on every line: the kind, the queue, the delivery id and,
 * for a run's jobs, the run id (`owner/repo@spec/<id>`), through AsyncLocalStorage, so
 * one run can be read out of many processes' logs. In-process queue, real Probot.
 */
import { describe, expect, it } from 'vitest';
import { greetingRepo, pushSpec, replay, SPEC_BRANCH, trackAppHarnesses } from './harness.js';

const start = trackAppHarnesses();

interface Line {
  app?: string;
  msg: string;
  job?: string;
  queue?: string;
  run?: string;
  deliveryId?: string;
}

describe('job log fields', () => {
  it('puts the job kind, queue, delivery id and run id on every line a job writes', async () => {
    const repo = greetingRepo();
    const h = await start({ repo: { files: repo.files }, model: await replay('greeting-loop.jsonl') });
    const { deliveryId } = await pushSpec(h, repo.spec);
    const lines = h.logs.map((l) => JSON.parse(l) as Line).filter((l) => l.app === 'spec-automation');
    expect(lines.length).toBeGreaterThan(0);
    // Every line of the app here was written by a job (recovery is off, the handlers log nothing for a relevant push).
    for (const line of lines) expect(line, line.msg).toMatchObject({ job: expect.any(String), queue: expect.any(String) });
    const run = `${h.fake.owner}/${h.fake.repo}@${SPEC_BRANCH}`;
    const started = lines.find((l) => l.msg === 'Run started');
    expect(started).toMatchObject({ job: 'start', queue: run, run, deliveryId: `${deliveryId}:docs/greeting.md` });
    // The push job's lines (if any) name the delivery; every start line names the run.
    for (const line of lines.filter((l) => l.job === 'push')) expect(line).toMatchObject({ deliveryId, queue: `push:${h.fake.owner}/${h.fake.repo}` });
    for (const line of lines.filter((l) => l.job === 'start')) expect(line.run).toBe(run);
  });
});
