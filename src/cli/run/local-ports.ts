/**
 * The workflow driver's ports for a local checkout: the agent iteration is the core's
 * (src/pipeline/workflow/iteration.ts) over the local file tree, committed with git
 * (./local-iteration.ts); the gates run here and now; the state goes to the state file
 * after every transition; "notify" and "mark ready" are lines on the terminal. Decisions
 * (budgets, no progress, needs-human) stay in the workflow state machine.
 */
import type { LocalGit } from '../../adapters/git/local-git.js';
import { runGates } from '../../gates/index.js';
import type { Clock } from '../../pipeline/agent/clock.js';
import type { ModelPort } from '../../pipeline/agent/model-port.js';
import type { Config } from '../../pipeline/config/schema.js';
import type { GateResult, GatesRun } from '../../pipeline/gate-result.js';
import { gatesOutcomeOf } from '../../pipeline/workflow/bridge.js';
import type { RunPorts } from '../../pipeline/workflow/driver.js';
import { runIteration, type IterationPorts } from '../../pipeline/workflow/iteration.js';
import type { WorkflowState } from '../../pipeline/workflow/state.js';
import { summarizeGates } from '../../reporting/run-report.js';
import { localIterationPorts, recoverPending, RunBlocked, RunInterrupted } from './local-iteration.js';
import type { RunProgress } from './progress.js';
import type { RunRecord, StateStore } from './state-store.js';

export { RunBlocked, RunInterrupted } from './local-iteration.js';


export interface LocalRunContext {
  /** The project directory (real path): config, spec paths and the agent's view are relative to it. */
  root: string;
  git: LocalGit;
  config: Config;
  /** The spec, validated with its targets resolved (readRunSpec). */
  spec: IterationPorts['spec'];
  model: ModelPort;
  store: StateStore;
  /** The in-memory copy of the state file; the ports keep it current and save it. */
  record: RunRecord;
  progress: RunProgress;
  gates: { only?: readonly string[]; noCache: boolean; env: Record<string, string | undefined> };
  /** Give the agent run_gates (default true; `--no-run-gates` turns it off). */
  runGatesTool?: boolean;
  signal: AbortSignal;
  /** When this invocation started (clock ms): the wall-time budget counts from here. */
  startedAtMs: number;
  clock?: Clock;
  now?: () => Date;
}

/** The local ports for {@link drive}. */
export function createLocalPorts(ctx: LocalRunContext): RunPorts {
  const now = ctx.now ?? (() => new Date());
  let lockWarned = false;

  const gatesNow = async (state: WorkflowState, headSha: string): Promise<GatesRun> => {
    const head = await ctx.git.headSha();
    if (head !== headSha) {
      throw new RunBlocked(
        `The run waits for the gates on ${headSha.slice(0, 7)}, but HEAD is ${head?.slice(0, 7) ?? 'empty'}: the branch ${state.branch} moved since the last step. Switch back (\`git switch ${state.branch}\`), or delete ${ctx.store.statePath} to start the run over.`,
      );
    }
    const fixing = state.iteration > 0;
    const run = await runGates({
      root: ctx.root,
      config: ctx.config,
      noCache: ctx.gates.noCache,
      // A fix iteration: the tests that failed last time are what the next step needs first,
      // and with agent.failFast their failing again is enough to go on.
      failedFirst: fixing,
      ...(fixing && ctx.config.agent.failFast ? { failFast: true, onCutShort: (reason: string) => ctx.progress.note(`  ${reason}; the next iteration starts now (agent.failFast)`) } : {}),
      env: ctx.gates.env,
      signal: ctx.signal,
      onProgress: ctx.progress.gate,
      ...(ctx.gates.only ? { only: ctx.gates.only } : {}),
    });
    // Ctrl-C reaches the tools too (same process group): their results are not a verdict.
    if (ctx.signal.aborted) {
      ctx.progress.gatesInterrupted();
      throw new RunInterrupted('interrupted while the gates ran');
    }
    ctx.progress.gatesFinished(run);
    ctx.record.lastGates = { headSha, run };
    ctx.record.gateHistory.push(summarizeGates(state.iteration, headSha, run));
    return run;
  };

  /** The results of the commit being fixed: from the state file, else the gates run again. */
  const failuresOf = async (state: WorkflowState): Promise<GateResult[]> => {
    const last = ctx.record.lastGates;
    if (last && last.headSha === state.headSha) return last.run.gates;
    if (!state.headSha) return [];
    ctx.progress.note(`  the gate results of ${state.headSha.slice(0, 7)} are not in the state file; running the gates again to get them`);
    return (await gatesNow(state, state.headSha)).gates;
  };

  return {
    async runAgent(state, mode, iteration) {
      ctx.progress.iterationStarted(state, mode, iteration);
      const recovered = await recoverPending(ctx, state, mode, iteration);
      if (recovered) return recovered;
      const lockSkipped = (reason: string) => {
        if (!lockWarned) ctx.progress.warn(reason);
        lockWarned = true;
      };
      const ports = await localIterationPorts({ ctx, state, mode, iteration, failures: () => failuresOf(state), lockSkipped });
      return runIteration(state, mode, iteration, ports, { config: ctx.config, startedAtMs: ctx.startedAtMs, now, repoFiles: ctx.record.repoFiles });
    },
    async runGates(state, headSha) {
      ctx.progress.line(`  running the gates on ${headSha.slice(0, 7)}`);
      return gatesOutcomeOf(headSha, (await gatesNow(state, headSha)).gates);
    },
    async markReady(state) {
      ctx.progress.line(`  ✓ ${state.branch} is ready: every gate passes on ${state.headSha?.slice(0, 7) ?? 'HEAD'}`);
    },
    async notify(_state, phase, reason) {
      ctx.progress.warn(`${phase}: ${reason}`);
    },
    // The CLI validated the spec before it started; a restart on a changed spec is a new run.
    async revalidate() {
      return undefined;
    },
    async save(state, event) {
      const phaseChanged = ctx.record.state.phase !== state.phase;
      ctx.record.state = state;
      await ctx.store.save(ctx.record);
      // Only now does the state know the iteration's commit; until here a crash is recovered from the pending set.
      if (event.type === 'agent.finished') await ctx.store.clearPending();
      if (phaseChanged) ctx.progress.phase(state);
    },
    now: () => now().toISOString(),
  };
}
