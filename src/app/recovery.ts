/**
 * Start-up recovery: runs a crash left in flight are found — in the run registry in
 * Postgres when DATABASE_URL is set (pg-store.ts), else through their labels
 * (`spec:developing`, `spec:fixing`, `spec:qa` on open pull requests of every
 * installation, through the search API) — and never left silently stuck. A run waiting for the gates checks
 * whether they completed while the app was down; a run whose agent was cut short is
 * resumed or, by default, parked in `spec:failed` for `/spec retry` (so a crash loop
 * never spends budget unasked).
 */
import { listInstallations, searchLabelledPulls, type InstallationInfo } from '../github/installations.js';
import { getPullRequest, type PullRequestInfo } from '../github/pull-requests.js';
import { resumeEffects } from '../pipeline/workflow/driver.js';
import { ACTIVE_PHASES, phaseLabel } from '../pipeline/workflow/state.js';
import { runKey, type AppClient, type AppIdentity, type RepoSession, type Runtime } from './context.js';
import { job } from './jobs.js';
import { loadRepoConfig } from './repo-config.js';
import { advance, driveEffects, openRun } from './run-driver.js';

export interface RecoveryAuth {
  /** An Octokit authenticated as the app (JWT). */
  app(): Promise<AppClient>;
  /** An Octokit authenticated as an installation. */
  installation(id: number): Promise<AppClient>;
}

export interface RecoveryReport {
  installations: number;
  found: number;
  queued: number;
  errors: string[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Finds the runs in active phases and queues their recovery (one `recover-pr` job each). */
export async function recoverRuns(runtime: Runtime, auth: RecoveryAuth): Promise<RecoveryReport> {
  const report: RecoveryReport = { installations: 0, found: 0, queued: 0, errors: [] };
  const queuePull = async (installationId: number, owner: string, repo: string, number: number) => {
    const session = { installationId, repo: { owner, repo }, htmlUrl: `https://github.com/${owner}/${repo}`, defaultBranch: 'main' };
    await runtime.queue.add(job('recover-pr', `${owner}/${repo}#${number}`, `recover #${number}`, { session, number }));
    report.queued += 1;
  };
  if (runtime.registry) {
    // The registry knows every run this deployment saved: no search lag, no 1,000-result cap.
    try {
      const runs = await runtime.registry.active();
      report.found = runs.length;
      report.installations = new Set(runs.map((r) => r.installationId)).size;
      for (const run of runs) await queuePull(run.installationId, run.owner, run.repo, run.pr);
    } catch (error) {
      report.errors.push(`run registry: ${message(error)}`);
      runtime.log.error('Start-up recovery could not read the run registry', { error: message(error) });
    }
    runtime.log.info('Start-up recovery', { source: 'registry', ...report, errors: report.errors.length });
    return report;
  }
  let installations: InstallationInfo[];
  try {
    installations = await listInstallations(await auth.app());
  } catch (error) {
    report.errors.push(`list installations: ${message(error)}`);
    runtime.log.error('Start-up recovery could not list the installations', { error: message(error) });
    return report;
  }
  report.installations = installations.length;
  for (const installation of installations) {
    try {
      const client = await auth.installation(installation.id);
      const pulls = await searchLabelledPulls(client, installation, ACTIVE_PHASES.map(phaseLabel));
      report.found += pulls.length;
      for (const pull of pulls) await queuePull(installation.id, pull.owner, pull.repo, pull.number);
    } catch (error) {
      report.errors.push(`installation ${installation.id}: ${message(error)}`);
      runtime.log.error('Start-up recovery failed for an installation', { installation: installation.id, error: message(error) });
    }
  }
  runtime.log.info('Start-up recovery', { source: 'search', ...report, errors: report.errors.length });
  return report;
}

/** One pull request found by recovery: its branch resolved (one request), then `recover` on the run's queue. */
export async function recoverPullJob(runtime: Runtime, session: RepoSession, number: number, signal: AbortSignal): Promise<void> {
  const pr = await getPullRequest(session.client, session.repo, number);
  if (pr.state !== 'open') {
    // Closed or merged while nobody looked: the registry stops listing it.
    await runtime.registry?.forget(session.repo, number);
    return;
  }
  if (signal.aborted) return;
  const ref = { ...(session.installationId !== undefined ? { installationId: session.installationId } : {}), repo: session.repo, htmlUrl: (pr.url ?? '').replace(/\/pull\/\d+$/, ''), defaultBranch: pr.baseRef };
  await runtime.queue.add(job('recover', runKey(session.repo, pr.headRef), `recover ${pr.headRef}`, { session: ref, pr }));
}

/** Recovers one run: qa looks for results; developing/fixing resume or park, per the policy. */
export async function recoverRun(runtime: Runtime, session: RepoSession, identity: AppIdentity, pr: PullRequestInfo, signal: AbortSignal): Promise<void> {
  if (pr.state !== 'open') return;
  const config = await loadRepoConfig(session.client, session.repo);
  if (!config.ok) return;
  const opened = await openRun({ session, runtime, identity, config: config.config }, pr);
  if (!opened) return;
  const { store, state } = opened;
  if (!ACTIVE_PHASES.includes(state.phase)) {
    // The label was stale (the comment is the truth): make it agree.
    await store.setPhaseLabel(state.phase);
    return;
  }
  if (state.phase === 'qa' || runtime.deps.recovery === 'resume') {
    runtime.log.info('Resuming a run after a restart', { pr: pr.number, phase: state.phase });
    await driveEffects(store, state, resumeEffects(state), { resuming: true, signal });
    return;
  }
  runtime.log.info('Parking a run the restart interrupted', { pr: pr.number, phase: state.phase });
  await advance(store, state, {
    type: 'failed',
    at: new Date(runtime.deps.now()).toISOString(),
    message: `the app restarted while the agent was working (${state.phase}, iteration ${state.iteration}); work it had not committed is lost`,
  });
}
