/**
 * The workflow driver's ports over GitHub (src/pipeline/workflow/driver.ts): the agent
 * works over the branch's tree read through the Git Data API and its change set lands
 * as one commit; the gates run in the repository's own workflow (so `runGates` answers
 * `pending` and the run goes on at `workflow_run`); state goes to the state comment,
 * the phase label and the run check run.
 */
import { commitFiles, getBranchSha, type TreeWrite } from '../github/git-data.js';
import { markReadyForReview } from '../github/pull-requests.js';
import { postComment } from '../github/reactions.js';
import { findWorkflowRuns, rerunWorkflowRun } from '../github/workflow-runs.js';
import { GitHubTree } from '../github/workspace.js';
import { attempt } from '../github/errors.js';
import { checkWritablePath, writePolicyOf } from '../pipeline/agent/guards.js';
import { lockPathOf } from '../pipeline/drift/index.js';
import { runAgent } from '../pipeline/agent/loop.js';
import { CONFIG_PATH, type AgentConfig } from '../pipeline/config/schema.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { gatesOutcomeOf, spentFromLedger, spentOf } from '../pipeline/workflow/bridge.js';
import type { AgentStep, RunPorts } from '../pipeline/workflow/driver.js';
import type { Budget, GatesOutcome, Ledger, Phase, WorkflowState } from '../pipeline/workflow/state.js';
import type { WorkflowEvent } from '../pipeline/workflow/transitions.js';
import { safeProse } from '../reporting/state-comment.js';
import { agentCommitMessage } from './commit-messages.js';
import { gateResultsOf } from './gate-outcome.js';
import { lockUpdateOnBranch } from './lock-entry.js';
import type { RunStore } from './run-store.js';
import { resetBranchForRun } from './branch.js';
import { postValidation } from './validation.js';
import { MAX_TEST_FILE_BYTES, traceabilityOf } from './traceability.js';

/** A run step that cannot go on, with what to do about it. */
export class RunError extends Error {
  override readonly name = 'RunError';
}

/**
 * Another replica saved the run while this one's agent worked (a cancel, a retry): its
 * word stands, and this iteration's work is not committed.
 */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
}

/** The agent's change set could not be committed; what the iteration spent is kept for the ledger. */
export class CommitFailedError extends Error {
  override readonly name = 'CommitFailedError';
  constructor(
    message: string,
    readonly spent: Ledger,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface PortsOptions {
  store: RunStore;
  /** Start-up recovery: a run in qa looks for gate results that arrived while the app was down. */
  resuming?: boolean;
  /** Gate results the caller has just read (saves reading them again for the fix iteration). */
  knownResults?: { sha: string; results: GateResult[] };
}

export interface GitHubRunPorts extends RunPorts {
  /** The newest state the driver asked to save (saved or not): what a failure parks. */
  latest(): WorkflowState | undefined;
}

/**
 * The agent configuration with the run's budget (an admin may have raised it). The lock
 * file (`lockPath`) is the app's to write, never the agent's.
 */
export function agentConfigFor(agent: AgentConfig, budget: Budget, lockPath?: string): AgentConfig {
  return {
    ...agent,
    budgets: { ...agent.budgets, turns: budget.turns, tokens: budget.tokens, costUsd: budget.costUsd },
    ...(lockPath !== undefined ? { denyPaths: [...agent.denyPaths, lockPath] } : {}),
  };
}

export function createRunPorts(options: PortsOptions): GitHubRunPorts {
  const { store } = options;
  const { session, runtime, config } = store.env;
  const { client, repo } = session;
  const deps = runtime.deps;
  const redact = (text: string) => deps.redactor.redact(text);
  let latest: WorkflowState | undefined;

  const outcomeOf = async (sha: string): Promise<{ outcome: GatesOutcome; results: GateResult[] }> => {
    const results = options.knownResults?.sha === sha ? options.knownResults.results : (await gateResultsOf(client, repo, sha, config, deps.trustedGateApps)).results;
    return { outcome: gatesOutcomeOf(sha, results), results };
  };
  const objects = runtime.objects;
  const repoKey = `${repo.owner}/${repo.repo}`;
  const lockPath = lockPathOf(config.revalidate.lockFile);

  const changedSince = async (base: string, head: string): Promise<string[]> => {
    const r = await attempt({ operation: `compare ${base.slice(0, 7)}...${head.slice(0, 7)}`, permission: 'contents: read' }, () =>
      client.request('GET /repos/{owner}/{repo}/compare/{basehead}', { ...repo, basehead: `${base}...${head}`, per_page: 100 }),
    );
    return (r.data.files ?? []).map((f) => f.filename).slice(0, 300);
  };

  const ensureTraceability = async (state: WorkflowState): Promise<void> => {
    const sha = store.pr.headSha;
    if (store.traceability?.sha === sha) return;
    try {
      const tree = new GitHubTree(client, repo, sha, { objects });
      const bytes = await tree.readRaw(state.spec.path);
      const rows = bytes
        ? await traceabilityOf(deps.specs.parse(state.spec.path, bytes, config.specs), {
            list: () => tree.listFiles(),
            read: async (path) => {
              // A huge test file is skipped without downloading its blob.
              if ((await tree.sizeOf(path) ?? 0) > MAX_TEST_FILE_BYTES) throw new Error(`${path} is larger than ${MAX_TEST_FILE_BYTES} bytes`);
              const file = await tree.readRaw(path);
              if (!file) throw new Error(`${path} is not in the tree`);
              return file;
            },
          }, config.traceability)
        : [];
      store.traceability = { sha, rows };
    } catch (error) {
      runtime.log.warn('Could not compute the traceability table', { pr: store.pr.number, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return {
    latest: () => latest,

    now: () => new Date(deps.now()).toISOString(),

    async save(state: WorkflowState): Promise<void> {
      latest = state;
      if (state.phase === 'ready') await ensureTraceability(state);
      await store.save(state);
    },

    async runAgent(state: WorkflowState, mode: 'implement' | 'fix', iteration: number): Promise<AgentStep> {
      const head = await getBranchSha(client, repo, state.branch);
      if (!head) throw new RunError(`the branch ${state.branch} no longer exists; \`/spec retry validate\` starts it again`);
      if (head !== store.pr.headSha) store.headMoved(head);
      const tree = new GitHubTree(client, repo, head, { objects });
      const treeSha = await tree.treeSha();
      const specBytes = await tree.readRaw(state.spec.path);
      if (!specBytes) throw new RunError(`the spec ${state.spec.path} is not on the branch ${state.branch}; \`/spec retry validate\` starts the run again from the base branch`);
      const spec = deps.specs.parse(state.spec.path, specBytes, config.specs);
      const failures = mode === 'fix' ? (await outcomeOf(state.headSha ?? head)).results : [];
      // The lock file is the app's bookkeeping in the agent's commits, not a change of the agent's.
      const previousChanges = mode === 'fix' ? (await changedSince(state.baseSha, head)).filter((p) => p !== lockPath) : undefined;
      const agent = agentConfigFor(config.agent, state.budget, lockPath);
      const startedAt = deps.now();
      const outcome = await runAgent(
        {
          spec,
          specText: new TextDecoder('utf-8').decode(specBytes),
          agent,
          marker: config.traceability.marker,
          mode: mode === 'fix' ? { kind: 'fix', failures } : { kind: 'implement' },
          iteration: iteration + 1,
          maxIterations: state.budget.maxIterations + 1,
          spent: spentFromLedger(state.ledger, startedAt),
          ...(previousChanges ? { previousChanges } : {}),
        },
        { model: deps.model(agent), workspace: tree, clock: { now: deps.now } },
      );
      const spent = spentOf(outcome);
      const summary = redact(outcome.summary ?? outcome.message);
      // The agent took minutes: make sure nobody (another replica) moved the run meanwhile.
      const onGitHub = await store.peekUpdatedAt();
      if (onGitHub !== undefined && onGitHub !== state.updatedAt) {
        throw new ConcurrentChangeError(`the run was changed on GitHub while the agent worked (saved ${onGitHub}, expected ${state.updatedAt}); this iteration's changes were not committed`);
      }
      let commitSha: string | undefined;
      if (outcome.changes.length > 0) {
        // The change set's guards already refused protected paths; checked again, with the
        // configuration and lock file named, because a commit cannot be taken back.
        const policy = writePolicyOf(agent, lockPath === undefined ? [CONFIG_PATH] : [CONFIG_PATH, lockPath]);
        const writes: TreeWrite[] = [];
        for (const change of outcome.changes) {
          checkWritablePath(change.path, policy);
          if (change.action === 'delete') writes.push({ path: change.path, delete: true });
          else writes.push({ path: change.path, content: change.content, mode: (await tree.modeOf(change.path)) === '100755' ? '100755' : '100644' });
        }
        // The spec's lock entry rides in the same commit, so it merges with the pull request.
        const lock = await lockUpdateOnBranch({ read: (path) => tree.readRaw(path), lockFile: config.revalidate.lockFile, spec, specBytes, pr: store.pr, at: new Date(deps.now()) });
        if (lock.kind === 'write') writes.push({ path: lock.path, content: lock.content, mode: '100644' });
        else {
          runtime.log.warn('The lock file entry was not written', { pr: store.pr.number, reason: lock.reason });
          // Once per run start, not on every fix iteration.
          if (mode === 'implement') await postComment(client, repo, store.pr.number, redact(`⚠️ ${safeProse(lock.reason, 1500)}`)).catch(() => undefined);
        }
        try {
          const committed = await commitFiles(client, repo, {
            branch: state.branch,
            parent: { sha: head, treeSha },
            writes,
            message: agentCommitMessage({ specId: state.spec.id, mode, iteration, summary, spent }),
          });
          commitSha = committed.sha;
          objects.rememberCommit(repoKey, committed, treeSha, writes);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new CommitFailedError(`the agent's ${outcome.changes.length} changed file(s) could not be committed (${why}); \`/spec retry\` runs the iteration again`, spent, { cause: error });
        }
        store.headMoved(commitSha);
      }
      runtime.log.info('Agent iteration done', { pr: store.pr.number, mode, iteration, stopReason: outcome.stopReason, turns: outcome.turns, costUsd: Number(outcome.costUsd.toFixed(4)), files: outcome.changes.length });
      return { stopReason: outcome.stopReason, summary, ...(commitSha ? { commitSha } : {}), changedFiles: outcome.changes.length, spent };
    },

    async runGates(state: WorkflowState, headSha: string, rerun: boolean): Promise<GatesOutcome | 'pending'> {
      const workflow = config.app.gatesWorkflow;
      if (rerun) {
        const runs = await findWorkflowRuns(client, repo, headSha, workflow);
        const latest = runs[0];
        if (!latest) {
          throw new RunError(`no run of the gates workflow "${workflow}" on ${headSha.slice(0, 7)} to re-run; check that it runs on pushes to ${config.app.branchPrefix}** branches (app.gatesWorkflow names it)`);
        }
        if (latest.status === 'completed') await rerunWorkflowRun(client, repo, latest.id);
        return 'pending';
      }
      if (!options.resuming) return 'pending';
      // After a restart the workflow_run event may have come and gone: look.
      const done = (await findWorkflowRuns(client, repo, headSha, workflow)).find((r) => r.status === 'completed');
      if (!done || done.conclusion === 'cancelled') return 'pending';
      void state;
      return (await outcomeOf(headSha)).outcome;
    },

    async markReady(state: WorkflowState): Promise<void> {
      void state;
      if (!store.pr.draft) return;
      await markReadyForReview(client, store.pr);
      store.pr = { ...store.pr, draft: false };
    },

    async notify(state: WorkflowState, phase: Phase, reason: string): Promise<void> {
      if (phase !== 'needs-human' && phase !== 'failed') return;
      const what = phase === 'needs-human' ? '🙋 **spec-automation needs a human here.**' : '💥 **The spec-automation run failed.**';
      const body = [
        what,
        '',
        safeProse(reason, 1500),
        '',
        `Iteration ${state.iteration}, $${state.ledger.costUsd.toFixed(2)} of $${state.budget.costUsd.toFixed(2)} spent. The state comment has what was tried; \`/spec retry\` runs the agent again, \`/spec retry qa\` re-runs the gates, \`/spec help\` lists the commands.`,
      ].join('\n');
      await postComment(client, repo, store.pr.number, redact(body));
    },

    async revalidate(state: WorkflowState): Promise<WorkflowEvent | undefined> {
      const baseRef = store.pr.baseRef;
      const baseSha = await getBranchSha(client, repo, baseRef);
      if (!baseSha) throw new RunError(`the base branch ${baseRef} no longer exists`);
      const tree = new GitHubTree(client, repo, baseSha, { objects });
      const validation = await postValidation(store.env, tree, [state.spec.path]);
      const spec = validation.specs.find((s) => s.path === state.spec.path);
      if (!spec || !spec.executable || !spec.type) {
        const why = !spec ? `${state.spec.path} is no longer a spec on ${baseRef}` : !spec.type ? 'its type is unknown' : 'it is not executable (its status, or errors: see the check run)';
        await postComment(client, repo, store.pr.number, redact(`The spec did not pass validation on \`${baseRef}\` (${baseSha.slice(0, 7)}): ${why}. The run stays as it was.`));
        return undefined;
      }
      const specRef = { path: spec.path, type: spec.type, id: state.spec.id, title: spec.title, contentHash: spec.contentHash };
      const baseTreeSha = await tree.treeSha();
      const start = await resetBranchForRun(client, repo, { branch: state.branch, spec: specRef, baseSha, baseTreeSha, exists: true });
      objects.setTreeOfCommit(repoKey, start, baseTreeSha);
      store.headMoved(start);
      const budget = {
        maxIterations: Math.max(state.budget.maxIterations, config.agent.maxIterations),
        turns: Math.max(state.budget.turns, config.agent.budgets.turns),
        tokens: Math.max(state.budget.tokens, config.agent.budgets.tokens),
        costUsd: Math.max(state.budget.costUsd, config.agent.budgets.costUsd),
      };
      return { type: 'run.started', at: new Date(deps.now()).toISOString(), spec: specRef, baseSha, branch: state.branch, pr: store.pr.number, budget };
    },
  };
}
