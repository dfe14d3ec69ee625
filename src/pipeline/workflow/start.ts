/**
 * The start of a run, planned once for the app and the CLI: which id the run goes by,
 * which branch it lives on, the empty commit that starts the branch, what the pull
 * request says, and the budget. The app applies the plan through the Git Data API (and
 * opens the draft pull request); the CLI applies it with local git, and prints it for
 * `--dry-run`. Pure: nothing here reads or writes.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { DocType, ParsedSpec } from '../spec/model.js';
import { budgetFromConfig } from './bridge.js';
import { startCommitMessage } from './commit-message.js';
import type { Budget, WorkflowState } from './state.js';
import type { WorkflowEvent } from './transitions.js';

/**
 * The doc id a run is named after: the spec's `id`, else its file name, as a safe
 * branch name segment (lowercase letters, digits, `-` and `_`; at most 60 characters).
 * Lowercase, so two ids that differ only in case never share a ref on a file system
 * that ignores case (Windows, macOS), where git keeps loose refs as files.
 */
export function docIdOf(spec: Pick<ParsedSpec, 'path' | 'meta'>): string {
  const raw = spec.meta.id?.trim() || (spec.path.split('/').pop() ?? spec.path).replace(/\.(md|markdown)$/i, '');
  const safe = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60)
    .replace(/[-_]+$/g, '');
  return safe || `spec-${createHash('sha256').update(spec.path).digest('hex').slice(0, 10)}`;
}

/** The branch a spec's run lives on: `app.branchPrefix` and the doc id. */
export function branchFor(spec: Pick<ParsedSpec, 'path' | 'meta'>, config: Pick<Config, 'app'>): string {
  return `${config.app.branchPrefix}${docIdOf(spec)}`;
}

/** The larger of each limit: a restart keeps a budget an admin raised. */
export function keepRaised(budget: Budget, previous: Budget | undefined): Budget {
  if (!previous) return budget;
  return {
    maxIterations: Math.max(budget.maxIterations, previous.maxIterations),
    turns: Math.max(budget.turns, previous.turns),
    tokens: Math.max(budget.tokens, previous.tokens),
    costUsd: Math.max(budget.costUsd, previous.costUsd),
  };
}

/** What the pull request of a run lists (rendered by src/reporting/pr-body.ts; the CLI prints it for a dry run). */
export interface PullRequestPlan {
  requirements: Array<{ id: string; text: string }>;
  /** Acceptance criteria counted over the whole spec. */
  acceptanceCriteria: number;
  /** Open tasks (technical specs). */
  openTasks?: number;
  /** Sprint change proposals: the requirement ids added, modified and removed (targets resolved). */
  changeSet?: { added: string[]; modified: string[]; removed: string[] };
}

export interface RunStartPlan {
  /** The spec as the state records it; `id` is the doc id. */
  spec: WorkflowState['spec'];
  branch: string;
  baseSha: string;
  /** The message of the empty commit on `baseSha` that starts the branch. */
  startCommitMessage: string;
  pullRequest: PullRequestPlan;
  /** The configured budget, or the previous run's where an admin raised it. */
  budget: Budget;
}

/**
 * Plans the start (or restart) of a run of `spec` on `baseSha`.
 * @param spec a validated spec with a type (see {@link readRunSpec})
 * @param previous the state of an earlier run of the same spec: a restart keeps its id,
 *   its branch and any budget an admin raised
 */
export function planRunStart(spec: ParsedSpec & { type: DocType }, config: Config, baseSha: string, previous?: Pick<WorkflowState, 'budget' | 'spec' | 'branch'>): RunStartPlan {
  const same = previous !== undefined && previous.spec.path === spec.path;
  const ref: WorkflowState['spec'] = { path: spec.path, type: spec.type, id: same ? previous.spec.id : docIdOf(spec), title: spec.title, contentHash: spec.contentHash };
  return {
    spec: ref,
    branch: same ? previous.branch : branchFor(spec, config),
    baseSha,
    startCommitMessage: startCommitMessage(ref, baseSha),
    pullRequest: {
      requirements: spec.requirements.map((r) => ({ id: r.id, text: r.text })),
      acceptanceCriteria: spec.acceptanceCriteria.length + spec.stories.reduce((n, s) => n + s.acceptanceCriteria.length, 0),
      ...(spec.type === 'technical-spec' ? { openTasks: spec.tasks.filter((t) => !t.checked).length } : {}),
      ...(spec.changeSet ? { changeSet: { added: [...spec.changeSet.added], modified: [...spec.changeSet.modified], removed: [...spec.changeSet.removed] } } : {}),
    },
    budget: keepRaised(budgetFromConfig(config.agent), previous?.budget),
  };
}

/** The `run.started` event that applies a plan to the state machine. */
export function runStartedEvent(plan: RunStartPlan, at: string, extra: { pr?: number; deliveryId?: string } = {}): Extract<WorkflowEvent, { type: 'run.started' }> {
  return {
    type: 'run.started',
    at,
    ...(extra.deliveryId ? { deliveryId: extra.deliveryId } : {}),
    spec: plan.spec,
    baseSha: plan.baseSha,
    branch: plan.branch,
    ...(extra.pr !== undefined ? { pr: extra.pr } : {}),
    budget: plan.budget,
  };
}
