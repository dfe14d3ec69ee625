/**
 * The run's steps on GitHub other than the agent's: the gates (which run in the
 * repository's own workflow, so the answer is usually `pending`), marking the pull
 * request ready, telling people when a human is needed, re-validating the spec for a
 * restart, and the traceability table of a ready run.
 */
import { markReadyForReview } from '../github/pull-requests.js';
import { postComment } from '../github/reactions.js';
import { getBranchSha } from '../github/git-data.js';
import { findWorkflowRuns, rerunWorkflowRun } from '../github/workflow-runs.js';
import { GitHubTree } from '../github/workspace.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { gatesOutcomeOf } from '../pipeline/workflow/bridge.js';
import { planRunStart, runStartedEvent } from '../pipeline/workflow/start.js';
import type { GatesOutcome, Phase, WorkflowState } from '../pipeline/workflow/state.js';
import type { WorkflowEvent } from '../pipeline/workflow/transitions.js';
import { safeProse, spentOfBudget } from '../reporting/state-comment.js';
import { resetBranchForRun } from './branch.js';
import { RunError } from './run-error.js';
import type { RunStore } from './run-store.js';
import { MAX_TEST_FILE_BYTES, traceabilityOf } from './traceability.js';
import { postValidation } from './validation.js';

/** Re-runs the gates workflow, or (after a restart) reads the outcome of a run that completed while the app was down. */
export async function runGates(store: RunStore, headSha: string, rerun: boolean, resuming: boolean, resultsOf: (sha: string) => Promise<GateResult[]>): Promise<GatesOutcome | 'pending'> {
  const { client, repo } = store.env.session;
  const { config } = store.env;
  const workflow = config.app.gatesWorkflow;
  if (rerun) {
    const latest = (await findWorkflowRuns(client, repo, headSha, workflow))[0];
    if (!latest) {
      throw new RunError(`no run of the gates workflow "${workflow}" on ${headSha.slice(0, 7)} to re-run; check that it runs on pushes to ${config.app.branchPrefix}** branches (app.gatesWorkflow names it)`);
    }
    if (latest.status === 'completed') await rerunWorkflowRun(client, repo, latest.id);
    return 'pending';
  }
  if (!resuming) return 'pending';
  // After a restart the workflow_run event may have come and gone: look.
  const done = (await findWorkflowRuns(client, repo, headSha, workflow)).find((r) => r.status === 'completed');
  if (!done || done.conclusion === 'cancelled') return 'pending';
  return gatesOutcomeOf(headSha, await resultsOf(headSha));
}

export async function markReady(store: RunStore): Promise<void> {
  if (!store.pr.draft) return;
  await markReadyForReview(store.env.session.client, store.pr);
  store.pr = { ...store.pr, draft: false };
}

export async function notify(store: RunStore, state: WorkflowState, phase: Phase, reason: string): Promise<void> {
  if (phase !== 'needs-human' && phase !== 'failed') return;
  const what = phase === 'needs-human' ? '🙋 **spec-automation needs a human here.**' : '💥 **The spec-automation run failed.**';
  const body = [
    what,
    '',
    safeProse(reason, 1500),
    '',
    `Iteration ${state.iteration}, ${spentOfBudget(state.ledger, state.budget)} spent. The state comment has what was tried; \`/spec retry\` runs the agent again, \`/spec retry qa\` re-runs the gates, \`/spec help\` lists the commands.`,
  ].join('\n');
  await postComment(store.env.session.client, store.env.session.repo, store.pr.number, store.env.runtime.deps.redactor.redact(body));
}

/** Validates the spec on the base branch again and restarts the run's branch there; undefined (said on the PR) when it no longer passes. */
export async function revalidate(store: RunStore, state: WorkflowState): Promise<WorkflowEvent | undefined> {
  const { session, runtime, config } = store.env;
  const { client, repo } = session;
  const baseRef = store.pr.baseRef;
  const baseSha = await getBranchSha(client, repo, baseRef);
  if (!baseSha) throw new RunError(`the base branch ${baseRef} no longer exists`);
  const tree = new GitHubTree(client, repo, baseSha, { objects: runtime.objects });
  const validation = await postValidation(store.env, tree, [state.spec.path]);
  const spec = validation.specs.find((s) => s.path === state.spec.path);
  if (!spec || !spec.executable || !spec.type) {
    const why = !spec ? `${state.spec.path} is no longer a spec on ${baseRef}` : !spec.type ? 'its type is unknown' : 'it is not executable (its status, or errors: see the check run)';
    await postComment(client, repo, store.pr.number, runtime.deps.redactor.redact(`The spec did not pass validation on \`${baseRef}\` (${baseSha.slice(0, 7)}): ${why}. The run stays as it was.`));
    return undefined;
  }
  // A restart keeps the run's id, branch and raised budget (planRunStart).
  const plan = planRunStart({ ...spec, type: spec.type }, config, baseSha, state);
  const baseTreeSha = await tree.treeSha();
  const start = await resetBranchForRun(client, repo, { branch: plan.branch, message: plan.startCommitMessage, baseSha, baseTreeSha, exists: true });
  runtime.objects.setTreeOfCommit(`${repo.owner}/${repo.repo}`, start, baseTreeSha);
  store.headMoved(start);
  return runStartedEvent(plan, new Date(runtime.deps.now()).toISOString(), { pr: store.pr.number });
}

/** The traceability table of a ready run at the pull request's head, kept on the store; a failure is logged, never thrown. */
export async function readyTraceability(store: RunStore, state: WorkflowState): Promise<void> {
  const { session, runtime, config } = store.env;
  const sha = store.pr.headSha;
  if (store.traceability?.sha === sha) return;
  try {
    const tree = new GitHubTree(session.client, session.repo, sha, { objects: runtime.objects });
    const bytes = await tree.readRaw(state.spec.path);
    const rows = bytes
      ? await traceabilityOf(
          runtime.deps.specs.parse(state.spec.path, bytes, config.specs),
          {
            list: () => tree.listFiles(),
            read: async (path) => {
              // A huge test file is skipped without downloading its blob.
              if (((await tree.sizeOf(path)) ?? 0) > MAX_TEST_FILE_BYTES) throw new Error(`${path} is larger than ${MAX_TEST_FILE_BYTES} bytes`);
              const file = await tree.readRaw(path);
              if (!file) throw new Error(`${path} is not in the tree`);
              return file;
            },
          },
          config.traceability,
        )
      : [];
    store.traceability = { sha, rows };
  } catch (error) {
    runtime.log.warn('Could not compute the traceability table', { pr: store.pr.number, error: error instanceof Error ? error.message : String(error) });
  }
}
