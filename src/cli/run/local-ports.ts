/**
 * The workflow driver's ports for a local checkout: the agent works over the local file
 * tree and its change set is applied and committed with git (one commit per
 * iteration); the gates run here and now; the state goes to the state file after every
 * transition; "notify" and "mark ready" are lines on the terminal. Decisions (budgets,
 * no progress, needs-human) stay in the workflow state machine.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyChangeSet } from '../../adapters/workspace/apply-change-set.js';
import { LocalTree } from '../../adapters/workspace/local-tree.js';
import type { LocalGit } from '../../adapters/git/local-git.js';
import { runGates } from '../../gates/index.js';
import type { FileChange } from '../../pipeline/agent/change-set.js';
import { WorkspaceError, writePolicyOf } from '../../pipeline/agent/guards.js';
import { runAgent, type AgentOutcome } from '../../pipeline/agent/loop.js';
import type { ModelPort } from '../../pipeline/agent/model-port.js';
import type { Clock } from '../../pipeline/agent/clock.js';
import type { AgentConfig, Config } from '../../pipeline/config/schema.js';
import type { GateResult, GatesRun } from '../../pipeline/gate-result.js';
import { lockPathOf } from '../../pipeline/drift/index.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import { gatesOutcomeOf, spentFromLedger, spentOf } from '../../pipeline/workflow/bridge.js';
import type { AgentStep, RunPorts } from '../../pipeline/workflow/driver.js';
import type { WorkflowState } from '../../pipeline/workflow/state.js';
import { summarizeGates } from '../../reporting/run-report.js';
import type { RunProgress } from './progress.js';
import { RUN_DIR, type PendingCommit, type RunRecord, type StateStore } from './state-store.js';
import { lockUpdateFor, writeLock, type LockWrite } from './lock-record.js';
import { blockingChanges } from './worktree.js';

/** The run was stopped on request (Ctrl-C) in the middle of a step; the saved state is where to resume. */
export class RunInterrupted extends Error {
  override readonly name = 'RunInterrupted';
}

/** The checkout is not in the state the run needs (moved branch, foreign changes); the message says what to do. */
export class RunBlocked extends Error {
  override readonly name = 'RunBlocked';
}

export interface LocalRunContext {
  /** The project directory (real path): config, spec paths and the agent's view are relative to it. */
  root: string;
  git: LocalGit;
  config: Config;
  spec: ParsedSpec;
  specText: string;
  model: ModelPort;
  store: StateStore;
  /** The in-memory copy of the state file; the ports keep it current and save it. */
  record: RunRecord;
  progress: RunProgress;
  gates: { only?: readonly string[]; noCache: boolean; env: Record<string, string | undefined> };
  signal: AbortSignal;
  /** When this invocation started (clock ms): the wall-time budget counts from here. */
  startedAtMs: number;
  clock?: Clock;
  now?: () => Date;
}

/**
 * The agent configuration of a local run: the run's own files are never the agent's to
 * write, and neither is the lock file (`lockFile`, `revalidate.lockFile`), which the run
 * writes itself.
 */
export function localAgentConfig(agent: AgentConfig, lockFile?: string): AgentConfig {
  const lock = lockFile === undefined ? undefined : lockPathOf(lockFile);
  const own = lock === undefined || lock.startsWith(`${RUN_DIR}/`) ? [] : [lock];
  return { ...agent, denyPaths: [...agent.denyPaths, `${RUN_DIR}/**`, ...own] };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The commit message of one iteration: what was done, for which spec, in which iteration, and how the agent ended. */
export function commitMessage(args: {
  state: WorkflowState;
  mode: 'implement' | 'fix';
  iteration: number;
  outcome: Pick<AgentOutcome, 'stopReason' | 'message' | 'summary' | 'turns'>;
  files: number;
  failures?: readonly GateResult[];
}): string {
  const { state, mode, iteration, outcome } = args;
  const of = `iteration ${iteration + 1} of at most ${state.budget.maxIterations + 1}`;
  const partial = outcome.stopReason === 'finished' ? '' : ` (partial: agent stopped, ${outcome.stopReason})`;
  const subject = mode === 'implement' ? `spec-automation: implement ${state.spec.id} (${of})${partial}` : `spec-automation: fix gate failures of ${state.spec.id} (${of})${partial}`;
  const body: string[] = [];
  body.push(outcome.summary ?? outcome.message);
  body.push('');
  body.push(`Spec: ${state.spec.path} (${state.spec.type}, sha256 ${state.spec.contentHash.slice(0, 12)})`);
  if (mode === 'fix' && args.failures) {
    const failing = args.failures.filter((g) => g.status === 'failed' || g.status === 'error').map((g) => `${g.gate} ${g.status}`);
    body.push(`Fixing: ${failing.join(', ') || 'gate failures'} on ${state.headSha?.slice(0, 7) ?? 'the previous commit'}`);
  }
  body.push(`Agent: ${outcome.stopReason} after ${plural(outcome.turns, 'turn')}, ${plural(args.files, 'file')} changed`);
  body.push('Written by the spec-automation dev agent; the quality gates run on this commit next.');
  return `${subject}\n\n${body.join('\n')}\n`;
}

/** Paths of a change set and of the lock file written with it, relative to the project directory. */
function pathsOf(changes: readonly FileChange[], lock: LockWrite | undefined): string[] {
  return [...changes.map((c) => c.path), ...(lock ? [lock.path] : [])];
}

/** Whether every uncommitted change in the checkout is exactly what the pending change set writes. */
async function onlyPendingChanges(ctx: LocalRunContext, pending: PendingCommit): Promise<{ ok: true } | { ok: false; foreign: string[] }> {
  const byPath = new Map<string, FileChange>(pending.changes.map((c) => [c.path, c]));
  if (pending.lock) byPath.set(pending.lock.path, { path: pending.lock.path, action: 'modify', content: pending.lock.content, bytes: pending.lock.content.length });
  const foreign: string[] = [];
  for (const entry of await blockingChanges(ctx.git, ctx.root)) {
    const change = entry.cwdPath === undefined ? undefined : byPath.get(entry.cwdPath);
    if (!change) {
      foreign.push(entry.path);
      continue;
    }
    if (change.action === 'delete') {
      if (entry.kind !== 'deleted') foreign.push(entry.path);
      continue;
    }
    const text = await readFile(join(ctx.root, ...change.path.split('/')), 'utf8').catch(() => undefined);
    if (text !== change.content) foreign.push(entry.path);
  }
  return foreign.length === 0 ? { ok: true } : { ok: false, foreign };
}

/**
 * A change set saved before it was applied means the last invocation stopped between
 * applying it and recording its commit in the state. Finish that instead of asking the
 * model again: if the commit exists, use it; otherwise apply the set again (idempotent)
 * and commit it, as long as the checkout holds nothing but that set.
 */
async function recoverPending(ctx: LocalRunContext, mode: 'implement' | 'fix', iteration: number): Promise<AgentStep | undefined> {
  const pending = await ctx.store.loadPending();
  if (!pending) return undefined;
  if (pending.iteration !== iteration || pending.mode !== mode) {
    // Left from an iteration the state has moved past: it was committed and recorded.
    await ctx.store.clearPending();
    return undefined;
  }
  const head = await ctx.git.headSha();
  const parentSha = pending.parentSha;
  if (head && head !== parentSha && (parentSha === undefined || (await ctx.git.isAncestor(parentSha, head)))) {
    const message = await ctx.git.commitMessage(head);
    if (message.trim() === pending.message.trim()) {
      ctx.progress.note(`  recovered: iteration ${iteration + 1}'s change set was already committed as ${head.slice(0, 7)}`);
      return { ...pending.step, commitSha: head };
    }
  }
  const clean = await onlyPendingChanges(ctx, pending);
  if (!clean.ok) {
    throw new RunBlocked(
      `The last run stopped while committing iteration ${iteration + 1}, and the checkout now also has other changes (${clean.foreign.slice(0, 5).join(', ')}${clean.foreign.length > 5 ? ', …' : ''}). Commit or stash those, then run again with --resume; the agent's change set is kept in ${ctx.store.pendingPath}.`,
    );
  }
  ctx.progress.note(`  recovered: committing iteration ${iteration + 1}'s change set saved before the last run stopped`);
  await applyChangeSet(ctx.root, pending.changes, writePolicyOf(localAgentConfig(ctx.config.agent, ctx.config.revalidate.lockFile)));
  if (pending.lock) await writeLock(ctx.root, pending.lock);
  const sha = await ctx.git.commit(pathsOf(pending.changes, pending.lock), pending.message);
  ctx.progress.committed(sha, pending.changes.length, pending.message.split('\n', 1)[0]!);
  return { ...pending.step, commitSha: sha };
}

/** The local ports for {@link drive}. */
export function createLocalPorts(ctx: LocalRunContext): RunPorts {
  const now = ctx.now ?? (() => new Date());
  const lockPath = lockPathOf(ctx.config.revalidate.lockFile);
  let lockWarned = false;

  /** The lock file with this spec's entry, to commit with the iteration; a reason not to is said once per invocation. */
  const lockWrite = async (): Promise<LockWrite | undefined> => {
    const update = await lockUpdateFor({ root: ctx.root, lockFile: ctx.config.revalidate.lockFile, spec: ctx.spec, at: now(), git: ctx.git });
    if (update.kind === 'write') return update.write;
    if (!lockWarned) ctx.progress.warn(update.reason);
    lockWarned = true;
    return undefined;
  };

  const gatesNow = async (state: WorkflowState, headSha: string): Promise<GatesRun> => {
    const head = await ctx.git.headSha();
    if (head !== headSha) {
      throw new RunBlocked(
        `The run waits for the gates on ${headSha.slice(0, 7)}, but HEAD is ${head?.slice(0, 7) ?? 'empty'}: the branch ${state.branch} moved since the last step. Switch back (\`git switch ${state.branch}\`), or delete ${ctx.store.statePath} to start the run over.`,
      );
    }
    const run = await runGates({
      root: ctx.root,
      config: ctx.config,
      noCache: ctx.gates.noCache,
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

  return {
    async runAgent(state, mode, iteration): Promise<AgentStep> {
      ctx.progress.iterationStarted(state, mode, iteration);
      const recovered = await recoverPending(ctx, mode, iteration);
      if (recovered) return recovered;

      let failures: GateResult[] | undefined;
      if (mode === 'fix') {
        const last = ctx.record.lastGates;
        if (last && last.headSha === state.headSha) failures = last.run.gates;
        else if (state.headSha) {
          ctx.progress.note(`  the gate results of ${state.headSha.slice(0, 7)} are not in the state file; running the gates again to get them`);
          failures = (await gatesNow(state, state.headSha)).gates;
        }
      }
      // The lock file is the run's bookkeeping in the agent's commits, not a change of the agent's.
      const previousChanges = (state.baseSha ? await ctx.git.changedSince(state.baseSha).catch(() => []) : []).filter((p) => p !== lockPath);
      const agent = localAgentConfig(ctx.config.agent, ctx.config.revalidate.lockFile);
      const outcome = await runAgent(
        {
          spec: ctx.spec,
          specText: ctx.specText,
          agent,
          marker: ctx.config.traceability.marker,
          mode: mode === 'fix' ? { kind: 'fix', failures: failures ?? [] } : { kind: 'implement' },
          iteration: iteration + 1,
          maxIterations: state.budget.maxIterations + 1,
          spent: spentFromLedger(state.ledger, ctx.startedAtMs),
          ...(ctx.record.repoFiles.length > 0 ? { repoFiles: ctx.record.repoFiles } : {}),
          previousChanges,
        },
        { model: ctx.model, workspace: await LocalTree.open(ctx.root), onProgress: ctx.progress.agent, ...(ctx.clock ? { clock: ctx.clock } : {}) },
      );
      const step: AgentStep = {
        stopReason: outcome.stopReason,
        // Without finish there is no summary; the loop's message says why it stopped.
        summary: outcome.summary ?? outcome.message,
        changedFiles: outcome.changes.length,
        spent: spentOf(outcome),
      };
      if (outcome.changes.length === 0) return step;

      const message = commitMessage({ state, mode, iteration, outcome, files: outcome.changes.length, ...(failures ? { failures } : {}) });
      const parentSha = await ctx.git.headSha();
      const lock = await lockWrite();
      await ctx.store.savePending({ format: 1, iteration, mode, ...(parentSha ? { parentSha } : {}), step, message, changes: outcome.changes, ...(lock ? { lock } : {}) });
      try {
        await applyChangeSet(ctx.root, outcome.changes, writePolicyOf(agent));
      } catch (error) {
        if (!(error instanceof WorkspaceError)) throw error;
        await ctx.store.clearPending();
        ctx.progress.warn(`the change set was refused: ${error.message}`);
        return { ...step, stopReason: 'error', summary: `The change set was refused before anything was written: ${error.message}`, changedFiles: 0 };
      }
      if (lock) await writeLock(ctx.root, lock);
      // The pending set stays on disk until the state has recorded this commit (see save).
      const sha = await ctx.git.commit(pathsOf(outcome.changes, lock), message);
      ctx.progress.committed(sha, outcome.changes.length, message.split('\n', 1)[0]!);
      return { ...step, commitSha: sha };
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
