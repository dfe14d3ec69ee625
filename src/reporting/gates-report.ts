/**
 * What reporting a gates run to GitHub posts, planned before anything is sent
 * (release-please's plan, then apply): the check run of each gate, the review on the
 * pull request, the job summary, and the findings that go to log annotations from the
 * start. Pure: the findings are ordered once here and every part is rendered from that
 * order; `src/github/reporter.ts` applies the plan in one pass and falls back to log
 * annotations for what GitHub refuses.
 *
 * Two parts are finished while applying, from what GitHub answers: the review needs
 * the pull request's files and our earlier comments ({@link planGatesReview}), the
 * summary the notices and the check runs' links ({@link renderGatesReportSummary}).
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GatesRun } from '../pipeline/gate-result.js';
import { renderOrderedCheckRun, type CheckRunPlan } from './check-run.js';
import { DiffIndex, type PullRequestFile } from './diff.js';
import { orderRun, type OrderedRun } from './importance.js';
import { renderOrderedJobSummary } from './job-summary.js';
import { ACTIONS_BOT_LOGIN, planReview, type ExistingReviewComment, type ReviewPlan, type ReviewPlanInput } from './review.js';

/** Which outputs to make; all on by default. */
export interface ReportTargets {
  checks?: boolean;
  review?: boolean;
  summary?: boolean;
}

export interface GatesReportContext {
  /** The commit the gates ran on (the PR head for pull requests). */
  sha: string;
  /** The pull request to review, when there is one. */
  pullNumber?: number;
  /** All on by default. */
  targets?: ReportTargets;
  /** Known before any request: e.g. a pull request from a fork. Nothing is sent, and the plan says why. */
  readOnly?: { reason: string };
  /** Login whose marked review comments are ours. Default `github-actions[bot]`. */
  ourLogin?: string;
  maxInlineComments?: number;
  maxAnnotations?: number;
  /** The workflow run URL, linked from each check run. */
  detailsUrl?: string;
  /** The job summary's heading words; default `spec-automation gates`. */
  summaryTitle?: string;
}

/** One gate's check run, and the findings to annotate in the log when GitHub refuses it. */
export interface PlannedCheckRun {
  plan: CheckRunPlan;
  /** The gate's findings as it reported them (the log lists them in the tool's order). */
  diagnostics: readonly Diagnostic[];
}

/** The review, before the pull request's files and comments are read. */
export interface PlannedGatesReview {
  pullNumber: number;
  /**
   * Read the pull request's files: only when there are findings to anchor. Without
   * them the comments are still read, so that ours about findings now fixed are deleted.
   */
  readFiles: boolean;
  /** {@link planReview}'s input without the diff and the existing comments. */
  input: Omit<ReviewPlanInput, 'diff' | 'existing'>;
}

/** The job summary, before the notices and check-run links are known. */
export interface PlannedGatesSummary {
  ordered: OrderedRun;
  title?: string;
}

export interface GatesReportPlan {
  /** Check runs to post, one per gate in configuration order (none when read-only or not asked for). */
  checkRuns: PlannedCheckRun[];
  review?: PlannedGatesReview;
  summary?: PlannedGatesSummary;
  /** Said before anything is sent (shown in the summary and the log). */
  notices: string[];
  /** Findings for log annotations from the start: the check runs' findings on a read-only run. */
  annotate: readonly Diagnostic[];
}

/** What a user can do about check runs and review comments refused on a fork's pull request. */
export const FORK_ADVICE =
  'To get check runs and review comments on pull requests from forks, install the spec-automation GitHub App or report from a `workflow_run` workflow.';

/** Plans the report of `run`; see the file comment. */
export function planGatesReport(run: GatesRun, context: GatesReportContext): GatesReportPlan {
  const targets = { checks: true, review: true, summary: true, ...context.targets };
  const ordered = orderRun(run);
  const plan: GatesReportPlan = { checkRuns: [], notices: [], annotate: [] };
  if (targets.summary) plan.summary = { ordered, ...(context.summaryTitle !== undefined ? { title: context.summaryTitle } : {}) };

  if (context.readOnly) {
    plan.notices.push(`${context.readOnly.reason}: results are in this summary and as log annotations instead of check runs and review comments. ${FORK_ADVICE}`);
    if (targets.checks) plan.annotate = ordered.gates.flatMap((g) => g.gate.diagnostics);
    return plan;
  }
  if (targets.checks) {
    plan.checkRuns = ordered.gates.map((g) => ({
      plan: renderOrderedCheckRun(g, {
        sha: context.sha,
        ...(context.maxAnnotations !== undefined ? { maxAnnotations: context.maxAnnotations } : {}),
        ...(context.detailsUrl ? { detailsUrl: context.detailsUrl } : {}),
      }),
      diagnostics: g.gate.diagnostics,
    }));
  }
  if (targets.review && context.pullNumber !== undefined) {
    plan.review = {
      pullNumber: context.pullNumber,
      readFiles: ordered.findings.length > 0,
      input: {
        diagnostics: ordered.findings,
        ordered: true,
        ourLogin: context.ourLogin ?? ACTIONS_BOT_LOGIN,
        // Markers carry the diagnostic's source; a gate's findings normally use its name.
        gates: run.gates.filter((g) => g.status !== 'skipped').flatMap((g) => [g.gate, ...g.diagnostics.map((d) => d.source)]),
        ...(context.maxInlineComments !== undefined ? { maxInline: context.maxInlineComments } : {}),
        commitId: context.sha,
      },
    };
  }
  return plan;
}

/** The review plan once the pull request's files and our earlier comments are read. */
export function planGatesReview(planned: PlannedGatesReview, read: { files: readonly PullRequestFile[]; existing: readonly ExistingReviewComment[] }): ReviewPlan {
  return planReview({ ...planned.input, diff: new DiffIndex(read.files), existing: read.existing });
}

/** The job summary's Markdown, with what applying the plan learnt. */
export function renderGatesReportSummary(summary: PlannedGatesSummary, facts: { notices: readonly string[]; links: Readonly<Record<string, string>> }): string {
  return renderOrderedJobSummary(summary.ordered, {
    notices: facts.notices,
    links: facts.links,
    ...(summary.title !== undefined ? { title: summary.title } : {}),
  });
}
