/**
 * One handler per job kind (jobs.ts): what runs a job, whichever queue holds it. Each
 * rebuilds its repository session from the job's data, and runs with the job's fields
 * (kind, queue, run id, delivery id) on every log line (log.ts).
 */
import { getPermission, permits } from '../github/collaborators.js';
import type { AppIdentity, RepoSession, Runtime } from './context.js';
import { gatesCompletedJob } from './gates-completed.js';
import type { AnyJob, Dispatch, JobKind, JobPayloads } from './jobs.js';
import { withJobLog } from './log.js';
import { branchStartsRuns, commitPaths, pushJob, validateAndStart } from './push.js';
import { recoverPullJob, recoverRun, recoverRuns, type RecoveryAuth } from './recovery.js';
import { loadRepoConfig } from './repo-config.js';
import { startRunJob } from './start-run.js';
import { steerJob, steerRunJob } from './steer.js';

interface JobContext {
  runtime: Runtime;
  identity: () => Promise<AppIdentity>;
  session: () => Promise<RepoSession>;
  deliveryId: string;
  signal: AbortSignal;
  auth: RecoveryAuth;
}

type Handler<K extends JobKind> = (ctx: JobContext, payload: JobPayloads[K]) => Promise<void>;

export const HANDLERS: { [K in JobKind]: Handler<K> } = {
  push: async (c, p) => pushJob(c.runtime, await c.session(), await c.identity(), p.push, c.deliveryId),
  gates: async (c, p) => gatesCompletedJob(c.runtime, await c.session(), await c.identity(), p.run, p.deliveryId, c.signal),
  command: async (c, p) => steerJob(c.runtime, await c.session(), p.input),
  button: async (c, p) => steerJob(c.runtime, await c.session(), p.input),
  revalidate: async (c, p) => revalidateCommit(c.runtime, await c.session(), await c.identity(), p.branch, p.sha, p.by, p.deliveryId),
  start: async (c, p) => startRunJob(c.runtime, await c.session(), await c.identity(), p.config, p.input, c.signal),
  steer: async (c, p) => steerRunJob(c.runtime, await c.session(), await c.identity(), p.config, p.pr, p.input, c.signal),
  'recover-scan': async (c) => {
    await recoverRuns(c.runtime, c.auth);
  },
  'recover-pr': async (c, p) => recoverPullJob(c.runtime, await c.session(), p.number, c.signal),
  recover: async (c, p) => recoverRun(c.runtime, await c.session(), await c.identity(), p.pr, c.signal),
};

/** Kinds whose queue is a run's key (`owner/repo@spec/<id>`): their log lines carry it as `run`. */
const RUN_KINDS: ReadonlySet<JobKind> = new Set(['gates', 'start', 'steer', 'recover']);

/** The dispatch both queues call. */
export function makeDispatch(runtime: Runtime, auth: RecoveryAuth): Dispatch {
  return (job: AnyJob, signal: AbortSignal) =>
    withJobLog({ job: job.kind, queue: job.queue, ...(RUN_KINDS.has(job.kind) ? { run: job.queue } : {}), ...(job.deliveryId ? { deliveryId: job.deliveryId } : {}) }, async () => {
      const payload = job.payload as { session?: Parameters<Runtime['session']>[0] };
      const ctx: JobContext = {
        runtime,
        identity: () => runtime.identity(),
        session: () => {
          if (!payload.session) throw new Error(`a ${job.kind} job carries no repository`);
          return runtime.session(payload.session);
        },
        deliveryId: job.deliveryId ?? '',
        signal,
        auth,
      };
      await (HANDLERS[job.kind] as Handler<JobKind>)(ctx, job.payload);
    });
}

/** "Re-run" on the validate check run: the commit's spec files validated again (and runs started). */
export async function revalidateCommit(runtime: Runtime, session: RepoSession, identity: AppIdentity, branch: string, sha: string, by: string, deliveryId: string): Promise<void> {
  const permission = await getPermission(session.client, session.repo, by);
  if (!permits(permission, 'write')) {
    runtime.log.info('Re-run of the validation refused', { by, permission });
    return;
  }
  const loaded = await loadRepoConfig(session.client, session.repo);
  if (!loaded.ok) return;
  // A re-run is a push again: the branches that start runs today decide, not the ones of the day it ran.
  if (!loaded.config.app.enabled || !branchStartsRuns(branch, loaded.config, session.defaultBranch)) {
    runtime.log.info('Re-run of the validation on a branch that starts no runs', { branch, sha });
    return;
  }
  const paths = await commitPaths(session, sha);
  await validateAndStart(runtime, session, identity, loaded.config, { branch, sha, paths, deliveryId });
}
