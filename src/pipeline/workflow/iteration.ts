/**
 * One agent iteration, the same in the app and the CLI: the agent configuration from the
 * run's budget and the paths it may never write, the agent loop over the entry's
 * workspace, then the plan of what to commit (the change set, the spec's lock entry, one
 * trailered message) which the entry applies with its own committer (the Git Data API;
 * local git). The entries differ only in their {@link IterationPorts}.
 */
import type { FileChange } from '../agent/change-set.js';
import type { Clock } from '../agent/clock.js';
import { runAgent, type AgentOutcome, type AgentProgress } from '../agent/loop.js';
import type { CacheLifetime, ModelPort } from '../agent/model-port.js';
import type { GateCheckPort } from '../agent/self-check.js';
import type { WorkspacePort } from '../agent/workspace-port.js';
import { CONFIG_PATH, type AgentConfig, type Config } from '../config/schema.js';
import { writePolicyOf, type WritePolicy } from '../agent/guards.js';
import { LockFileError, lockEntryForRun, lockPathOf, recordImplementation } from '../drift/index.js';
import type { GateResult } from '../gate-result.js';
import type { ParsedSpec } from '../spec/model.js';
import { spentFromLedger, spentOf } from './bridge.js';
import { agentCommitMessage } from './commit-message.js';
import type { AgentStep } from './driver.js';
import type { Budget, WorkflowState } from './state.js';

/** Files changed on the branch given to the agent at most (a fix iteration's context). */
export const MAX_PREVIOUS_CHANGES = 300;

/**
 * The agent configuration of a run: its turn, token and cost limits are the run's
 * budget (`state.budget`, which an admin may have raised), not the configuration's, so
 * the agent and the state machine obey the same numbers; and the lock file
 * (`revalidate.lockFile`), the run's bookkeeping, is never the agent's to write (the
 * `.spec-automation/` folder and the configuration file are always protected, see
 * src/pipeline/agent/guards.ts).
 */
export function agentConfigForRun(agent: AgentConfig, budget: Budget, lockFile: string): AgentConfig {
  const lock = lockPathOf(lockFile);
  return {
    ...agent,
    budgets: { ...agent.budgets, turns: budget.turns, tokens: budget.tokens, costUsd: budget.costUsd },
    denyPaths: lock === undefined ? [...agent.denyPaths] : [...agent.denyPaths, lock],
  };
}

/**
 * The write policy a committer checks the change set against once more before it is
 * committed (a commit cannot be taken back): the agent's, with the configuration and lock
 * file protected by name.
 */
export function commitWritePolicy(config: Pick<Config, 'agent' | 'revalidate'>, budget: Budget): WritePolicy {
  const lock = lockPathOf(config.revalidate.lockFile);
  return writePolicyOf(agentConfigForRun(config.agent, budget, config.revalidate.lockFile), lock === undefined ? [CONFIG_PATH] : [CONFIG_PATH, lock]);
}

/** The branch's changed files as the agent's context: the lock file is the run's bookkeeping, not a change of the agent's. */
export function previousChangesOf(changed: readonly string[], lockFile: string): string[] {
  const lock = lockPathOf(lockFile);
  return changed.filter((p) => p !== lock).slice(0, MAX_PREVIOUS_CHANGES);
}

/** The lock file as the entry found it at the branch head. */
export type LockRead =
  | { kind: 'text'; text: string | undefined }
  | { kind: 'unreadable'; reason: string }
  /** Ignored by git (.gitignore): it could not be committed. */
  | { kind: 'ignored' };

/** The lock file with the spec's entry, to commit with the iteration, or why it is not recorded. */
export type LockUpdate = { kind: 'write'; path: string; content: string } | { kind: 'skip'; reason: string };

export interface LockUpdateInput {
  /** `revalidate.lockFile`. */
  lockFile: string;
  /** The spec as the agent implemented it, and the bytes it was parsed from. */
  spec: ParsedSpec;
  specBytes: Uint8Array | undefined;
  read: LockRead;
  /** The spec pull request (the app); the CLI has none. */
  pr?: { number: number; url?: string | undefined };
  at: Date;
}

/**
 * The spec's entry added to (or replaced in) the lock file. A lock file that cannot be
 * read safely (merge-conflict markers, invalid JSON, a newer version) is never
 * overwritten: the run says why and goes on without recording. What goes into the
 * entry, and why it names no commit, is {@link lockEntryForRun}'s to say.
 */
export function planLockUpdate(input: LockUpdateInput): LockUpdate {
  const { spec, read } = input;
  const path = lockPathOf(input.lockFile);
  if (!path) return { kind: 'skip', reason: `revalidate.lockFile (${input.lockFile}) lies outside the repository, so ${spec.path} is not recorded in it.` };
  if (read.kind === 'ignored') {
    return { kind: 'skip', reason: `${path} is ignored by git (.gitignore), so it could not be committed and ${spec.path} is not recorded in it. Take it out of .gitignore (the lock file belongs in the repository) to record implementations.` };
  }
  if (read.kind === 'unreadable') return { kind: 'skip', reason: `${path} could not be read (${read.reason}), so ${spec.path} is not recorded in it and it stays as it is.` };
  const pr = input.pr ? { number: input.pr.number, ...(input.pr.url ? { url: input.pr.url } : {}) } : undefined;
  try {
    return { kind: 'write', path, content: recordImplementation(read.text, lockEntryForRun(spec, input.specBytes, { ...(pr ? { pr } : {}), implementedAt: input.at })) };
  } catch (error) {
    if (!(error instanceof LockFileError)) return { kind: 'skip', reason: `${path} could not be updated (${error instanceof Error ? error.message : String(error)}).` };
    return { kind: 'skip', reason: `${path}: ${error.message}. The run goes on without recording ${spec.path} and leaves the file as it is.` };
  }
}

/** What an iteration commits, and what the state machine is told. */
export interface IterationPlan {
  /** The agent's change set (empty: nothing to commit). */
  changes: FileChange[];
  /** Written in the same commit as the changes, so the entry merges with the branch. */
  lock: LockUpdate;
  message: string;
  /** The step without its commit sha, which the committer adds. */
  step: AgentStep;
}

export interface PlanIterationInput {
  state: Pick<WorkflowState, 'spec' | 'headSha'>;
  mode: 'implement' | 'fix';
  iteration: number;
  outcome: Pick<AgentOutcome, 'stopReason' | 'message' | 'summary' | 'turns' | 'tokens' | 'costUsd' | 'changes'> & Partial<Pick<AgentOutcome, 'costKnown' | 'calls'>>;
  failures: readonly GateResult[];
  lock: LockUpdate;
  /** Applied to the agent's summary (untrusted text that goes into a commit and a comment). */
  redact?: (text: string) => string;
}

/** Plans the commit of one iteration from the agent's outcome. Pure. */
export function planIteration(input: PlanIterationInput): IterationPlan {
  const { outcome, mode } = input;
  const redact = input.redact ?? ((text: string) => text);
  // Without finish there is no summary; the loop's message says why it stopped.
  const summary = redact(outcome.summary ?? outcome.message);
  const spent = spentOf(outcome);
  const failing = input.failures.filter((g) => g.status === 'failed' || g.status === 'error').map((g) => `${g.gate} ${g.status}`);
  const message = agentCommitMessage({
    spec: input.state.spec,
    mode,
    iteration: input.iteration,
    summary,
    stopReason: outcome.stopReason,
    turns: outcome.turns,
    files: outcome.changes.length,
    spent,
    ...(mode === 'fix' ? { fixing: { gates: failing, ...(input.state.headSha ? { headSha: input.state.headSha } : {}) } } : {}),
  });
  return {
    changes: outcome.changes,
    lock: input.lock,
    message,
    step: { stopReason: outcome.stopReason, summary, changedFiles: outcome.changes.length, spent },
  };
}

/** What an entry gives one iteration: where the agent works, and how its work is committed. */
export interface IterationPorts {
  /** The spec the agent implements, validated with its targets resolved ({@link readRunSpec}). */
  spec: { spec: ParsedSpec; bytes: Uint8Array; text: string };
  workspace: WorkspacePort;
  model(agent: AgentConfig): ModelPort;
  /** The gate results of the commit a fix iteration fixes. */
  failures(): Promise<GateResult[]>;
  /** Files changed on the branch since the run's base commit. */
  changedSinceBase(): Promise<string[]>;
  /** The lock file at the branch head (`path` is repository-relative). */
  readLock(path: string): Promise<LockRead>;
  /** Told when the lock entry is not written, with why. */
  lockSkipped(reason: string): Promise<void>;
  /** A last look before anything is committed (the app: did another replica move the run?); throws to stop. */
  beforeCommit?(plan: IterationPlan): Promise<void>;
  /** Applies the plan as one commit: its sha, or why the change set was refused before anything was written. */
  commit(plan: IterationPlan): Promise<{ sha: string } | { refused: string }>;
  clock?: Clock;
  onProgress?: (event: AgentProgress) => void;
  /** Where the agent can run the gates itself (run_gates): the CLI's checkout; the app has none. */
  gates?: GateCheckPort;
}

export interface IterationOptions {
  config: Config;
  /** When the run's wall-time budget started (clock ms). */
  startedAtMs: number;
  /** Wall-clock time for the lock entry. */
  now: () => Date;
  /** The listing taken at the start of the run, so the prompt's cached prefix stays byte-identical. */
  repoFiles?: readonly string[];
  pr?: { number: number; url?: string | undefined };
  redact?: (text: string) => string;
  /**
   * The prompt cache lifetime of the stable prefix: `1h` where the next iteration waits
   * for CI (the app), `5m` (the default) where it follows at once (the local loop).
   */
  cacheLifetime?: CacheLifetime;
}

/** Runs one agent iteration of `state` and commits its change set through `ports`. */
export async function runIteration(state: WorkflowState, mode: 'implement' | 'fix', iteration: number, ports: IterationPorts, options: IterationOptions): Promise<AgentStep> {
  const { config } = options;
  const failures = mode === 'fix' ? await ports.failures() : [];
  const previousChanges = mode === 'fix' ? previousChangesOf(await ports.changedSinceBase(), config.revalidate.lockFile) : undefined;
  const agent = agentConfigForRun(config.agent, state.budget, config.revalidate.lockFile);
  const outcome = await runAgent(
    {
      spec: ports.spec.spec,
      specText: ports.spec.text,
      agent,
      marker: config.traceability.marker,
      mode: mode === 'fix' ? { kind: 'fix', failures } : { kind: 'implement' },
      iteration: iteration + 1,
      maxIterations: state.budget.maxIterations + 1,
      spent: spentFromLedger(state.ledger, options.startedAtMs),
      ...(options.repoFiles && options.repoFiles.length > 0 ? { repoFiles: options.repoFiles } : {}),
      ...(previousChanges ? { previousChanges } : {}),
      ...(options.cacheLifetime ? { cacheLifetime: options.cacheLifetime } : {}),
    },
    {
      model: ports.model(agent),
      workspace: ports.workspace,
      ...(ports.clock ? { clock: ports.clock } : {}),
      ...(ports.onProgress ? { onProgress: ports.onProgress } : {}),
      ...(ports.gates ? { gates: ports.gates } : {}),
    },
  );
  let lock: LockUpdate = { kind: 'skip', reason: 'nothing to commit' };
  if (outcome.changes.length > 0) {
    const path = lockPathOf(config.revalidate.lockFile);
    const read: LockRead = path === undefined ? { kind: 'text', text: undefined } : await ports.readLock(path);
    lock = planLockUpdate({ lockFile: config.revalidate.lockFile, spec: ports.spec.spec, specBytes: ports.spec.bytes, read, ...(options.pr ? { pr: options.pr } : {}), at: options.now() });
  }
  const plan = planIteration({ state, mode, iteration, outcome, failures, lock, ...(options.redact ? { redact: options.redact } : {}) });
  if (ports.beforeCommit) await ports.beforeCommit(plan);
  if (plan.changes.length === 0) return plan.step;
  if (plan.lock.kind === 'skip') await ports.lockSkipped(plan.lock.reason);
  const committed = await ports.commit(plan);
  if ('refused' in committed) {
    return { ...plan.step, stopReason: 'error', summary: `The change set was refused before anything was written: ${committed.refused}`, changedFiles: 0 };
  }
  return { ...plan.step, commitSha: committed.sha };
}
