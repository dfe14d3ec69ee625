/**
 * Reports a gates run to GitHub: one check run per gate, a review on the pull
 * request, and the job summary. Degrades instead of crashing (rule 19): when the
 * token may not write (fork pull requests get a read-only token), findings go to the
 * job summary and workflow-command annotations, and the summary says why. Like
 * reviewdog's GitHub reporter, which falls back to log annotations in that case.
 *
 * What to post is planned first, as data (`planGatesReport`, src/reporting/gates-report.ts);
 * {@link reportGates} applies that plan in one pass: the check runs, the review, the
 * fallback annotations, the summary. The local outputs (job summary file, `::error`
 * lines) belong to the caller (the action writes them with @actions/core); they come in
 * through {@link LocalReportSink}.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GatesRun } from '../pipeline/gate-result.js';
import {
  FORK_ADVICE,
  planGatesReport,
  planGatesReview,
  renderGatesReportSummary,
  type GatesReportContext,
  type GatesReportPlan,
  type PlannedCheckRun,
  type PlannedGatesReview,
} from '../reporting/gates-report.js';
import { applyReviewPlan, type ReviewOutcome } from './apply-review.js';
import { latestByName, listLatestCheckRuns, postCheckRun, type CheckRunResult, type ExistingCheckRun } from './check-runs.js';
import { GitHubApiError } from './errors.js';
import { listPullRequestFiles, listReviewComments } from './pulls.js';
import type { GitHubClient, RepoRef } from './types.js';

export type { ReportTargets } from '../reporting/gates-report.js';

/** Where findings go when GitHub may not be written to, and where the summary goes always. */
export interface LocalReportSink {
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): void | Promise<void>;
  /** Emits workflow-command annotations (`::error file=…`) for findings GitHub did not get as check runs. */
  annotate(diagnostics: readonly Diagnostic[]): void | Promise<void>;
  /** One line for the log about degraded reporting. */
  warn(message: string): void;
}

export interface ReportGatesInput extends GatesReportContext {
  client: GitHubClient;
  repo: RepoRef;
  run: GatesRun;
  /** Slug of the GitHub App the token belongs to, whose check runs may be updated. Default `github-actions`. */
  ourAppSlug?: string;
  sink: LocalReportSink;
}

export interface ReportOutcome {
  checkRuns: CheckRunResult[];
  review?: ReviewOutcome;
  /** True when something could not be posted and the fallback was used. */
  degraded: boolean;
  /** What degraded and why, also shown at the top of the job summary. */
  notices: string[];
  /** Requests sent to GitHub. */
  requests: number;
}

/** The app behind GITHUB_TOKEN. */
const ACTIONS_APP_SLUG = 'github-actions';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function refused(error: unknown): error is GitHubApiError {
  return error instanceof GitHubApiError && (error.kind === 'permission' || error.kind === 'auth');
}

/** Plans and applies a gates run's reporting; never throws for a GitHub failure. */
export async function reportGates(input: ReportGatesInput): Promise<ReportOutcome> {
  return applyGatesReport(input, planGatesReport(input.run, input));
}

/** State shared by the steps of one application of a plan. */
interface Applying {
  input: ReportGatesInput;
  outcome: ReportOutcome;
  /** Findings GitHub did not get, for log annotations. */
  notAnnotated: Diagnostic[];
  notice(message: string): void;
}

/** Applies `plan`: check runs, review, fallback annotations, summary, in that order. */
export async function applyGatesReport(input: ReportGatesInput, plan: GatesReportPlan): Promise<ReportOutcome> {
  const outcome: ReportOutcome = { checkRuns: [], degraded: false, notices: [], requests: 0 };
  const applying: Applying = {
    input,
    outcome,
    notAnnotated: [...plan.annotate],
    notice: (message) => {
      outcome.notices.push(message);
      input.sink.warn(message);
    },
  };
  if (input.readOnly) outcome.degraded = true;
  for (const message of plan.notices) applying.notice(message);

  if (plan.checkRuns.length > 0) await postCheckRuns(applying, plan.checkRuns);
  if (plan.review) await postReview(applying, plan.review);

  if (applying.notAnnotated.length > 0) {
    try {
      await input.sink.annotate(applying.notAnnotated);
    } catch (error) {
      input.sink.warn(`Could not write log annotations: ${describe(error)}`);
    }
  }
  if (plan.summary) {
    const links = Object.fromEntries(outcome.checkRuns.filter((c) => c.url).map((c) => [c.gate, c.url!]));
    try {
      await input.sink.writeSummary(renderGatesReportSummary(plan.summary, { notices: outcome.notices, links }));
    } catch (error) {
      input.sink.warn(`Could not write the job summary: ${describe(error)}`);
    }
  }
  return outcome;
}

async function postCheckRuns({ input, outcome, notAnnotated, notice }: Applying, checkRuns: readonly PlannedCheckRun[]): Promise<void> {
  // One lookup for all gates; when it fails, each gate looks up its own run.
  let existing: Map<string, ExistingCheckRun> | undefined;
  try {
    const listed = await listLatestCheckRuns(input.client, input.repo, input.sha);
    outcome.requests += listed.requests;
    // Prefer a run of the app we write as; another app's run of the same name is not ours to update.
    const ours = input.ourAppSlug ?? ACTIONS_APP_SLUG;
    existing = latestByName(listed.runs, (r) => r.appSlug === undefined || r.appSlug === ours);
  } catch {
    outcome.requests += 1;
  }
  for (let i = 0; i < checkRuns.length; i++) {
    const { plan, diagnostics } = checkRuns[i]!;
    try {
      const result = await postCheckRun(input.client, input.repo, plan, {
        headSha: input.sha,
        ...(existing ? { existing: existing.get(plan.name) ?? null } : {}),
        ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
      });
      outcome.requests += result.requests;
      outcome.checkRuns.push(result);
    } catch (error) {
      outcome.degraded = true;
      outcome.requests += 1;
      if (refused(error)) {
        // Every other gate would be refused the same way: stop asking.
        notice(`Check runs could not be posted (${error.message}) ${FORK_ADVICE}`);
        for (const rest of checkRuns.slice(i)) notAnnotated.push(...rest.diagnostics);
        return;
      }
      notice(`The check run of ${plan.gate} could not be posted: ${describe(error)}`);
      notAnnotated.push(...diagnostics);
    }
  }
}

async function postReview({ input, outcome, notice }: Applying, planned: PlannedGatesReview): Promise<void> {
  const { pullNumber } = planned;
  try {
    const files = planned.readFiles ? await listPullRequestFiles(input.client, input.repo, pullNumber) : { files: [], truncated: false, requests: 0 };
    const existing = await listReviewComments(input.client, input.repo, pullNumber);
    outcome.requests += files.requests + existing.requests;
    if (files.truncated) notice(`Pull request #${pullNumber} has more than 3000 files; findings in the others are in the check runs only.`);
    const plan = planGatesReview(planned, { files: files.files, existing: existing.comments });
    const review = await applyReviewPlan(input.client, input.repo, pullNumber, plan);
    outcome.requests += review.requests;
    outcome.review = review;
    if (review.refused.length > 0) {
      notice(`GitHub refused ${review.refused.length} inline review comment(s); they are listed in the review body instead.`);
    }
    if (review.deleteFailures.length > 0) notice(`Some outdated review comments could not be deleted: ${review.deleteFailures[0]}`);
  } catch (error) {
    outcome.degraded = true;
    if (refused(error)) {
      notice(`Review comments could not be posted (${error.message}) ${FORK_ADVICE}`);
    } else {
      notice(`The pull request review could not be posted: ${describe(error)}`);
    }
  }
}
