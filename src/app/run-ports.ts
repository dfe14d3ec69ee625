/**
 * The workflow driver's ports over GitHub (src/pipeline/workflow/driver.ts). The agent
 * iteration is the core's (src/pipeline/workflow/iteration.ts) over the branch head's
 * tree, committed through the Git Data API (./iteration-ports.ts); the gates run in the
 * repository's own workflow, so `runGates` answers `pending` and the run goes on at
 * `workflow_run` (./run-steps.ts); the state goes to the state comment, the phase label
 * and the run check run.
 */
import { getBranchSha } from '../github/git-data.js';
import { gitHubSpecSource } from '../github/spec-source.js';
import { GitHubTree } from '../github/workspace.js';
import type { GateResult } from '../pipeline/gate-result.js';
import type { AgentStep, RunPorts } from '../pipeline/workflow/driver.js';
import { runIteration } from '../pipeline/workflow/iteration.js';
import type { WorkflowState } from '../pipeline/workflow/state.js';
import { gateResultsOf } from './gate-outcome.js';
import { gitHubIterationPorts } from './iteration-ports.js';
import { RunError } from './run-error.js';
import { markReady, notify, readyTraceability, revalidate, runGates } from './run-steps.js';
import type { RunStore } from './run-store.js';

/**
 * The app's next iteration comes after the gates workflow on CI (often a Windows runner,
 * usually longer than 5 minutes), so the stable prefix is cached for an hour: iteration 2
 * reads it instead of paying full input again.
 */
const APP_CACHE_LIFETIME = '1h' as const;

export { RunError } from './run-error.js';
export { CommitFailedError, ConcurrentChangeError } from './iteration-ports.js';

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

export function createRunPorts(options: PortsOptions): GitHubRunPorts {
  const { store } = options;
  const { session, runtime, config } = store.env;
  const { client, repo } = session;
  const deps = runtime.deps;
  let latest: WorkflowState | undefined;
  const resultsOf = async (sha: string): Promise<GateResult[]> =>
    options.knownResults?.sha === sha ? options.knownResults.results : (await gateResultsOf(client, repo, sha, config, deps.trustedGateApps)).results;

  return {
    latest: () => latest,
    now: () => new Date(deps.now()).toISOString(),
    async save(state) {
      latest = state;
      if (state.phase === 'ready') await readyTraceability(store, state);
      await store.save(state);
    },
    async runAgent(state, mode, iteration): Promise<AgentStep> {
      const head = await getBranchSha(client, repo, state.branch);
      if (!head) throw new RunError(`the branch ${state.branch} no longer exists; \`/spec retry validate\` starts it again`);
      if (head !== store.pr.headSha) store.headMoved(head);
      const tree = new GitHubTree(client, repo, head, { objects: runtime.objects });
      const treeSha = await tree.treeSha();
      const spec = await deps.specs.read(gitHubSpecSource(tree), config.specs, state.spec.path);
      if (!spec.found) throw new RunError(`the spec ${state.spec.path} is not on the branch ${state.branch} (${spec.reason}); \`/spec retry validate\` starts the run again from the base branch`);
      const ports = gitHubIterationPorts({ store, state, mode, tree, treeSha, spec, resultsOf });
      const step = await runIteration(state, mode, iteration, ports, { config, startedAtMs: deps.now(), now: () => new Date(deps.now()), pr: store.pr, redact: (text) => deps.redactor.redact(text), cacheLifetime: APP_CACHE_LIFETIME });
      if (step.commitSha) store.headMoved(step.commitSha);
      runtime.log.info('Agent iteration done', { pr: store.pr.number, mode, iteration, stopReason: step.stopReason, turns: step.spent.turns, costUsd: Number((step.spent.costUsd ?? 0).toFixed(4)), files: step.changedFiles });
      return step;
    },
    runGates: (state, headSha, rerun) => runGates(store, headSha, rerun, options.resuming === true, resultsOf),
    markReady: () => markReady(store),
    notify: (state, phase, reason) => notify(store, state, phase, reason),
    revalidate: (state) => revalidate(store, state),
  };
}
