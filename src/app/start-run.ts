/**
 * Starting a run for a valid, executable spec a push brought: the branch
 * `spec/<doc-id>` at an empty start commit on the pushed commit (the existing branch of
 * the same spec is moved, not duplicated), the draft pull request listing the spec's
 * requirements (reused when open), as src/pipeline/workflow/start.ts plans it, the state comment and `spec:developing`, and from
 * then on the agent. Once the label and comment exist a crash is recoverable.
 */
import { createPullRequest, findOpenPullRequest, updatePullRequest } from '../github/pull-requests.js';
import type { Config } from '../pipeline/config/schema.js';
import type { ParsedSpec } from '../pipeline/spec/model.js';
import { branchFor, planRunStart, runStartedEvent, type RunStartPlan } from '../pipeline/workflow/start.js';
import type { WorkflowState } from '../pipeline/workflow/state.js';
import { startRun, transition } from '../pipeline/workflow/transitions.js';
import { renderPrBody, renderPrTitle } from '../reporting/pr-body.js';
import { resetBranchForRun } from './branch.js';
import type { AppIdentity, RepoSession, Runtime } from './context.js';
import { driveEffects, openRun } from './run-driver.js';
import { RunStore, type StoreEnv } from './run-store.js';

export interface StartRunInput {
  spec: ParsedSpec;
  /** The branch the spec was pushed to: the pull request's base. */
  baseRef: string;
  baseSha: string;
  baseTreeSha: string;
  deliveryId?: string;
}

function prBody(plan: RunStartPlan, input: StartRunInput, session: RepoSession): string {
  return renderPrBody({ spec: plan.spec, ...plan.pullRequest, baseRef: input.baseRef, baseSha: input.baseSha, repoUrl: session.htmlUrl });
}

/** The job that starts (or restarts) the run of one spec; queued on the run's key. */
export async function startRunJob(runtime: Runtime, session: RepoSession, identity: AppIdentity, config: Config, input: StartRunInput, signal: AbortSignal): Promise<void> {
  const { client, repo } = session;
  const { spec } = input;
  if (!spec.type) return;
  const branch = branchFor(spec, config);
  const env: StoreEnv = { session, runtime, identity, config };

  let pr = await findOpenPullRequest(client, repo, branch);
  const opened = pr ? await openRun(env, pr) : undefined;
  const previous = opened?.state;
  if (previous && previous.spec.path !== spec.path) {
    runtime.log.warn('Two specs share a doc id; the later one does not start a run', { branch, running: previous.spec.path, refused: spec.path });
    return;
  }
  const plan = planRunStart({ ...spec, type: spec.type }, config, input.baseSha, previous);
  const event = runStartedEvent(plan, new Date(runtime.deps.now()).toISOString(), { ...(pr ? { pr: pr.number } : {}), ...(input.deliveryId ? { deliveryId: input.deliveryId } : {}) });
  const t = previous ? transition(previous, event) : startRun(event);
  if (t.kind !== 'applied') {
    runtime.log.info('Run not started', { branch, reason: t.reason });
    return;
  }

  const startSha = await resetBranchForRun(client, repo, { branch, message: plan.startCommitMessage, baseSha: input.baseSha, baseTreeSha: input.baseTreeSha, exists: pr !== undefined ? true : 'unknown' });
  runtime.objects.setTreeOfCommit(`${repo.owner}/${repo.repo}`, startSha, input.baseTreeSha);
  const body = prBody(plan, input, session);
  if (pr) {
    await updatePullRequest(client, repo, pr.number, { title: renderPrTitle(plan.spec), body });
  } else {
    pr = await createPullRequest(client, repo, { title: renderPrTitle(plan.spec), head: branch, base: input.baseRef, body, draft: true });
  }
  const store = opened?.store ?? new RunStore(env, pr);
  store.pr = { ...pr, labels: store.pr.labels.length > 0 ? store.pr.labels : pr.labels };
  store.headMoved(startSha);
  const state: WorkflowState = { ...t.state, pr: pr.number };
  runtime.log.info('Run started', { branch, pr: pr.number, spec: spec.path, restarted: previous !== undefined });
  // Saved before the agent starts: from here on the label and comment make the run recoverable.
  try {
    await store.save(state);
  } catch (error) {
    // The draft pull request is there without a state comment: the next event or command
    // on it rebuilds the state from the start commit.
    runtime.log.error('Could not save the state of a new run', { branch, pr: pr.number, error: runtime.deps.redactor.redact(error instanceof Error ? error.message : String(error)) });
    return;
  }
  await driveEffects(store, state, t.effects, { signal });
}
