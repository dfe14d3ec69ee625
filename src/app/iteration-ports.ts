/**
 * One agent iteration on GitHub (src/pipeline/workflow/iteration.ts runs it): the agent
 * works over the branch head's tree read through the Git Data API, and the plan lands as
 * one commit (the change set and the spec's lock entry) on the branch.
 */
import { commitFiles, type TreeWrite } from '../github/git-data.js';
import { compareCommits } from '../github/commits.js';
import { postComment } from '../github/reactions.js';
import type { GitHubTree } from '../github/workspace.js';
import { checkWritablePath } from '../pipeline/agent/guards.js';
import type { GateResult } from '../pipeline/gate-result.js';
import { addToLedger, emptyLedger, type Ledger, type WorkflowState } from '../pipeline/workflow/state.js';
import { commitWritePolicy, type IterationPlan, type IterationPorts } from '../pipeline/workflow/iteration.js';
import { safeProse } from '../reporting/state-comment.js';
import type { RunStore } from './run-store.js';

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

export interface GitHubIteration {
  store: RunStore;
  state: WorkflowState;
  mode: 'implement' | 'fix';
  /** The branch head the agent works on, and its tree. */
  tree: GitHubTree;
  treeSha: string;
  spec: IterationPorts['spec'];
  /** The gate results of a commit. */
  resultsOf(sha: string): Promise<GateResult[]>;
}

export function gitHubIterationPorts(it: GitHubIteration): IterationPorts {
  const { store, state, tree } = it;
  const { session, runtime, config } = store.env;
  const { client, repo } = session;
  const redact = (text: string) => runtime.deps.redactor.redact(text);
  return {
    spec: it.spec,
    workspace: tree,
    model: (agent) => runtime.deps.model(agent),
    clock: { now: runtime.deps.now },
    failures: () => it.resultsOf(state.headSha ?? tree.commitSha),
    changedSinceBase: async () => (await compareCommits(client, repo, state.baseSha, tree.commitSha)).files.map((f) => f.path),
    readLock: async (path) => {
      try {
        const bytes = await tree.readRaw(path);
        return { kind: 'text', text: bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes) };
      } catch (error) {
        return { kind: 'unreadable', reason: `from the branch: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async lockSkipped(reason) {
      runtime.log.warn('The lock file entry was not written', { pr: store.pr.number, reason });
      // Once per run start, not on every fix iteration.
      if (it.mode === 'implement') await postComment(client, repo, store.pr.number, redact(`⚠️ ${safeProse(reason, 1500)}`)).catch(() => undefined);
    },
    async beforeCommit() {
      // The agent took minutes: make sure nobody (another replica) moved the run meanwhile.
      const onGitHub = await store.peekUpdatedAt();
      if (onGitHub !== undefined && onGitHub !== state.updatedAt) {
        throw new ConcurrentChangeError(`the run was changed on GitHub while the agent worked (saved ${onGitHub}, expected ${state.updatedAt}); this iteration's changes were not committed`);
      }
    },
    async commit(plan: IterationPlan) {
      // The change set's guards already refused protected paths; checked again because a commit cannot be taken back.
      const policy = commitWritePolicy(config, state.budget);
      const writes: TreeWrite[] = [];
      for (const change of plan.changes) {
        checkWritablePath(change.path, policy);
        if (change.action === 'delete') writes.push({ path: change.path, delete: true });
        else writes.push({ path: change.path, content: change.content, mode: (await tree.modeOf(change.path)) === '100755' ? '100755' : '100644' });
      }
      if (plan.lock.kind === 'write') writes.push({ path: plan.lock.path, content: plan.lock.content, mode: '100644' });
      try {
        const committed = await commitFiles(client, repo, { branch: state.branch, parent: { sha: tree.commitSha, treeSha: it.treeSha }, writes, message: plan.message });
        runtime.objects.rememberCommit(`${repo.owner}/${repo.repo}`, committed, it.treeSha, writes);
        return { sha: committed.sha };
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new CommitFailedError(`the agent's ${plan.changes.length} changed file(s) could not be committed (${why}); \`/spec retry\` runs the iteration again`, addToLedger(emptyLedger(), plan.step.spent), { cause: error });
      }
    },
  };
}
