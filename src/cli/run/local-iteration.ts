/**
 * One agent iteration on the local checkout (src/pipeline/workflow/iteration.ts runs
 * it): the agent works over the local file tree, and the plan is applied and committed
 * with git. The change set is saved before it is applied, so an invocation stopped
 * between applying it and recording its commit finishes that commit when resumed
 * instead of asking the model again.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyChangeSet } from '../../adapters/workspace/apply-change-set.js';
import { LocalTree } from '../../adapters/workspace/local-tree.js';
import type { FileChange } from '../../pipeline/agent/change-set.js';
import { WorkspaceError } from '../../pipeline/agent/guards.js';
import { RunStopRequested } from '../../pipeline/agent/self-check.js';
import type { GateResult } from '../../pipeline/gate-result.js';
import type { AgentStep } from '../../pipeline/workflow/driver.js';
import { commitWritePolicy, type IterationPlan, type IterationPorts } from '../../pipeline/workflow/iteration.js';
import type { WorkflowState } from '../../pipeline/workflow/state.js';
import { describeGateCheck, type GateCheckPort } from '../../pipeline/agent/self-check.js';
import { summarizeGates } from '../../reporting/run-report.js';
import type { LocalRunContext } from './local-ports.js';
import { localGateCheck } from './self-check.js';
import { readLock, writeLock, type LockWrite } from './lock-record.js';
import type { PendingCommit } from './state-store.js';
import { blockingChanges } from './worktree.js';

/** The checkout is not in the state the run needs (moved branch, foreign changes); the message says what to do. */
export class RunBlocked extends Error {
  override readonly name = 'RunBlocked';
}

/** The run was stopped on request (Ctrl-C) in the middle of a step; the saved state is where to resume. */
export class RunInterrupted extends RunStopRequested {
  override readonly name = 'RunInterrupted';
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
export async function recoverPending(ctx: LocalRunContext, state: WorkflowState, mode: 'implement' | 'fix', iteration: number): Promise<AgentStep | undefined> {
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
  await applyChangeSet(ctx.root, pending.changes, commitWritePolicy(ctx.config, state.budget));
  if (pending.lock) await writeLock(ctx.root, pending.lock);
  const sha = await ctx.git.commit(pathsOf(pending.changes, pending.lock), pending.message);
  ctx.progress.committed(sha, pending.changes.length, pending.message.split('\n', 1)[0]!);
  return { ...pending.step, commitSha: sha };
}

export interface LocalIteration {
  ctx: LocalRunContext;
  state: WorkflowState;
  mode: 'implement' | 'fix';
  iteration: number;
  /** The gate results of the commit a fix iteration fixes. */
  failures(): Promise<GateResult[]>;
  /** Told once per invocation why the lock entry is not written. */
  lockSkipped(reason: string): void;
}

/** run_gates for this iteration: the gates on the working tree with the change set written in, then put back. */
function gateCheckPort(it: LocalIteration): GateCheckPort {
  const { ctx, state } = it;
  return localGateCheck({
    root: ctx.root,
    config: ctx.config,
    policy: commitWritePolicy(ctx.config, state.budget),
    store: ctx.store,
    gates: ctx.gates,
    signal: ctx.signal,
    say: (text) => ctx.progress.line(text),
    record: ({ request, run }) => {
      const summary = summarizeGates(it.iteration, '', run);
      const what = describeGateCheck(request);
      (ctx.record.selfChecks ??= []).push({ iteration: it.iteration, what, conclusion: run.conclusion, durationMs: run.durationMs, gates: summary.gates });
    },
    interrupted: () => {
      ctx.progress.gatesInterrupted();
      return new RunInterrupted('interrupted while the agent ran the gates');
    },
  });
}

export async function localIterationPorts(it: LocalIteration): Promise<IterationPorts> {
  const { ctx, state } = it;
  return {
    spec: ctx.spec,
    workspace: await LocalTree.open(ctx.root),
    ...(ctx.runGatesTool !== false ? { gates: gateCheckPort(it) } : {}),
    model: () => ctx.model,
    onProgress: ctx.progress.agent,
    ...(ctx.clock ? { clock: ctx.clock } : {}),
    failures: it.failures,
    changedSinceBase: () => (state.baseSha ? ctx.git.changedSince(state.baseSha).catch(() => []) : Promise.resolve([])),
    readLock: (path) => readLock(ctx.root, path, ctx.git),
    lockSkipped: async (reason) => it.lockSkipped(reason),
    async commit(plan: IterationPlan) {
      const lock = plan.lock.kind === 'write' ? { path: plan.lock.path, content: plan.lock.content } : undefined;
      const parentSha = await ctx.git.headSha();
      await ctx.store.savePending({ format: 1, iteration: it.iteration, mode: it.mode, ...(parentSha ? { parentSha } : {}), step: plan.step, message: plan.message, changes: plan.changes, ...(lock ? { lock } : {}) });
      try {
        await applyChangeSet(ctx.root, plan.changes, commitWritePolicy(ctx.config, state.budget));
      } catch (error) {
        if (!(error instanceof WorkspaceError)) throw error;
        await ctx.store.clearPending();
        ctx.progress.warn(`the change set was refused: ${error.message}`);
        return { refused: error.message };
      }
      if (lock) await writeLock(ctx.root, lock);
      // The pending set stays on disk until the state has recorded this commit (see save).
      const sha = await ctx.git.commit(pathsOf(plan.changes, lock), plan.message);
      ctx.progress.committed(sha, plan.changes.length, plan.message.split('\n', 1)[0]!);
      return { sha };
    },
  };
}
