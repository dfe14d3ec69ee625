/**
 * `workflow_run` completed for the gates workflow on a spec branch: the gate results
 * the action left in its check runs decide the next step (ready, a fix iteration, or a
 * human). `check_run` events of runs made with GITHUB_TOKEN never reach an app, which
 * is why the app listens to the workflow instead. Results for another commit than the
 * one the run waits for, or arriving in another phase, change nothing.
 */
import { findOpenPullRequest } from '../github/pull-requests.js';
import type { AppIdentity, RepoSession, Runtime } from './context.js';
import { gateResultsOf } from './gate-outcome.js';
import { gatesOutcomeOf } from '../pipeline/workflow/bridge.js';
import { loadRepoConfig } from './repo-config.js';
import { advance, openRun } from './run-driver.js';

export interface WorkflowRunLike {
  name?: string | null;
  head_branch?: string | null;
  head_sha: string;
  conclusion?: string | null;
  head_repository?: { full_name?: string } | null;
}

/** Cheap checks in the webhook handler: a completed run of this repository's own branch. */
export function workflowRunIsRelevant(run: WorkflowRunLike, repositoryFullName: string): boolean {
  if (!run.head_branch) return false;
  // A run for a fork's pull request has the fork as head repository: never ours.
  if (run.head_repository?.full_name && run.head_repository.full_name !== repositoryFullName) return false;
  return true;
}

export async function gatesCompletedJob(runtime: Runtime, session: RepoSession, identity: AppIdentity, run: WorkflowRunLike, deliveryId: string, signal: AbortSignal): Promise<void> {
  const loaded = await loadRepoConfig(session.client, session.repo);
  if (!loaded.ok) return;
  const config = loaded.config;
  const branch = run.head_branch ?? '';
  if (run.name !== config.app.gatesWorkflow || !branch.startsWith(config.app.branchPrefix)) return;
  if (run.conclusion === 'cancelled' || run.conclusion === 'skipped') {
    runtime.log.info('Gates workflow was cancelled or skipped; waiting for another run', { branch, sha: run.head_sha });
    return;
  }
  const pr = await findOpenPullRequest(session.client, session.repo, branch);
  if (!pr) return;
  const opened = await openRun({ session, runtime, identity, config }, pr);
  if (!opened) return;
  const { store, state } = opened;
  if (state.phase !== 'qa' || (state.headSha && state.headSha !== run.head_sha)) {
    runtime.log.info('Gate results ignored', { pr: pr.number, phase: state.phase, waitsFor: state.headSha, got: run.head_sha });
    return;
  }
  const { results, links } = await gateResultsOf(session.client, session.repo, run.head_sha, config, runtime.deps.trustedGateApps);
  const outcome = gatesOutcomeOf(run.head_sha, results);
  store.gates = { sha: run.head_sha, rows: results.map((r) => ({ name: r.gate, status: r.status, ...(links.has(r.gate) ? { url: links.get(r.gate)! } : {}) })) };
  const result = await advance(store, state, { type: 'gates.completed', at: new Date(runtime.deps.now()).toISOString(), deliveryId, outcome }, { signal, knownResults: { sha: run.head_sha, results } });
  if (result.kind === 'not-applied') runtime.log.info('Gate results not applied', { pr: pr.number, reason: result.transition.reason });
}
