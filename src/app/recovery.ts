/**
 * Start-up recovery: runs a crash left in flight are found through their labels
 * (`spec:developing`, `spec:fixing`, `spec:qa` on open pull requests of every
 * installation) and never left silently stuck. A run waiting for the gates checks
 * whether they completed while the app was down; a run whose agent was cut short is
 * resumed or, by default, parked in `spec:failed` for `/spec retry` (so a crash loop
 * never spends budget unasked).
 */
import { listInstallations, searchLabelledPulls, type InstallationInfo } from '../github/installations.js';
import { getPullRequest, type PullRequestInfo } from '../github/pull-requests.js';
import { resumeEffects } from '../pipeline/workflow/driver.js';
import { ACTIVE_PHASES, phaseLabel } from '../pipeline/workflow/state.js';
import { runKey, type AppClient, type AppIdentity, type RepoSession, type Runtime } from './context.js';
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

/** Finds the runs in active phases and queues their recovery. */
export async function recoverRuns(runtime: Runtime, auth: RecoveryAuth, identity: AppIdentity): Promise<RecoveryReport> {
  const report: RecoveryReport = { installations: 0, found: 0, queued: 0, errors: [] };
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
      for (const pull of pulls) {
        const repo = { owner: pull.owner, repo: pull.repo };
        // Resolve the branch first (one request), then queue on the run's key.
        runtime.queue.enqueue(`${pull.owner}/${pull.repo}#${pull.number}`, async (signal) => {
          const pr = await getPullRequest(client, repo, pull.number);
          const session: RepoSession = { client, repo, htmlUrl: (pr.url ?? '').replace(/\/pull\/\d+$/, ''), defaultBranch: pr.baseRef };
          if (signal.aborted) return;
          runtime.queue.enqueue(runKey(repo, pr.headRef), (runSignal) => recoverRun(runtime, session, identity, pr, runSignal), { label: `recover ${pr.headRef}` });
        }, { label: `recover #${pull.number}` });
        report.queued += 1;
      }
    } catch (error) {
      report.errors.push(`installation ${installation.id}: ${message(error)}`);
      runtime.log.error('Start-up recovery failed for an installation', { installation: installation.id, error: message(error) });
    }
  }
  runtime.log.info('Start-up recovery', { ...report, errors: report.errors.length });
  return report;
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
