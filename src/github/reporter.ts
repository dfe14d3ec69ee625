/**
 * Reports a gates run to GitHub: one check run per gate, a review on the pull
 * request, and the job summary. Degrades instead of crashing (rule 19): when the
 * token may not write (fork pull requests get a read-only token), findings go to the
 * job summary and workflow-command annotations, and the summary says why. Like
 * reviewdog's GitHub reporter, which falls back to log annotations in that case.
 *
 * The local outputs (job summary file, `::error` lines) belong to the caller (the
 * action writes them with @actions/core); they come in through {@link LocalReportSink}.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import type { GatesRun } from '../pipeline/gate-result.js';
import { renderCheckRun } from '../reporting/check-run.js';
import { DiffIndex } from '../reporting/diff.js';
import { renderJobSummary } from '../reporting/job-summary.js';
import { ACTIONS_BOT_LOGIN, planReview } from '../reporting/review.js';
import { applyReviewPlan, type ReviewOutcome } from './apply-review.js';
import { latestByName, listLatestCheckRuns, postCheckRun, type CheckRunResult, type ExistingCheckRun } from './check-runs.js';
import { GitHubApiError } from './errors.js';
import { listPullRequestFiles, listReviewComments } from './pulls.js';
import type { GitHubClient, RepoRef } from './types.js';

/** Where findings go when GitHub may not be written to, and where the summary goes always. */
export interface LocalReportSink {
  /** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): void | Promise<void>;
  /** Emits workflow-command annotations (`::error file=…`) for findings GitHub did not get as check runs. */
  annotate(diagnostics: readonly Diagnostic[]): void | Promise<void>;
  /** One line for the log about degraded reporting. */
  warn(message: string): void;
}

export interface ReportTargets {
  checks?: boolean;
  review?: boolean;
  summary?: boolean;
}

export interface ReportGatesInput {
  client: GitHubClient;
  repo: RepoRef;
  /** The commit the gates ran on (the PR head for pull requests). */
  sha: string;
  run: GatesRun;
  /** The pull request to review, when there is one. */
  pullNumber?: number;
  /** All on by default. */
  targets?: ReportTargets;
  /** Known before any request: e.g. a pull request from a fork. Skips writes and says why. */
  readOnly?: { reason: string };
  /** Login whose marked review comments are ours. Default `github-actions[bot]`. */
  ourLogin?: string;
  /** Slug of the GitHub App the token belongs to, whose check runs may be updated. Default `github-actions`. */
  ourAppSlug?: string;
  maxInlineComments?: number;
  maxAnnotations?: number;
  /** The workflow run URL, linked from each check run. */
  detailsUrl?: string;
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

const FORK_ADVICE =
  'To get check runs and review comments on pull requests from forks, install the spec-automation GitHub App or report from a `workflow_run` workflow.';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs a gates run's reporting; never throws for a GitHub failure. */
export async function reportGates(input: ReportGatesInput): Promise<ReportOutcome> {
  const targets = { checks: true, review: true, summary: true, ...input.targets };
  const outcome: ReportOutcome = { checkRuns: [], degraded: false, notices: [], requests: 0 };
  const notAnnotated: Diagnostic[] = [];
  const notice = (message: string) => {
    outcome.notices.push(message);
    input.sink.warn(message);
  };

  if (input.readOnly) {
    outcome.degraded = true;
    notice(`${input.readOnly.reason}: results are in this summary and as log annotations instead of check runs and review comments. ${FORK_ADVICE}`);
    if (targets.checks) notAnnotated.push(...input.run.gates.flatMap((g) => g.diagnostics));
  } else {
    if (targets.checks) await postCheckRuns(input, outcome, notAnnotated, notice);
    if (targets.review && input.pullNumber !== undefined) await postReview(input, input.pullNumber, outcome, notice);
  }

  if (notAnnotated.length > 0) {
    try {
      await input.sink.annotate(notAnnotated);
    } catch (error) {
      input.sink.warn(`Could not write log annotations: ${describe(error)}`);
    }
  }
  if (targets.summary) {
    const links = Object.fromEntries(outcome.checkRuns.filter((c) => c.url).map((c) => [c.gate, c.url!]));
    try {
      await input.sink.writeSummary(renderJobSummary(input.run, { notices: outcome.notices, links }));
    } catch (error) {
      input.sink.warn(`Could not write the job summary: ${describe(error)}`);
    }
  }
  return outcome;
}

async function postCheckRuns(input: ReportGatesInput, outcome: ReportOutcome, notAnnotated: Diagnostic[], notice: (m: string) => void): Promise<void> {
  if (input.run.gates.length === 0) return;
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
  for (let i = 0; i < input.run.gates.length; i++) {
    const gate = input.run.gates[i]!;
    const plan = renderCheckRun(gate, {
      sha: input.sha,
      ...(input.maxAnnotations !== undefined ? { maxAnnotations: input.maxAnnotations } : {}),
      ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
    });
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
      if (error instanceof GitHubApiError && (error.kind === 'permission' || error.kind === 'auth')) {
        // Every other gate would be refused the same way: stop asking.
        notice(`Check runs could not be posted (${error.message}) ${FORK_ADVICE}`);
        for (const g of input.run.gates.slice(i)) notAnnotated.push(...g.diagnostics);
        return;
      }
      notice(`The check run of ${gate.gate} could not be posted: ${describe(error)}`);
      notAnnotated.push(...gate.diagnostics);
    }
  }
}

async function postReview(input: ReportGatesInput, pullNumber: number, outcome: ReportOutcome, notice: (m: string) => void): Promise<void> {
  try {
    const diagnostics = input.run.gates.flatMap((g) => g.diagnostics);
    // Without findings there is nothing to anchor: skip the files, but still read the
    // comments so that our comments about findings now fixed are deleted.
    const files = diagnostics.length > 0 ? await listPullRequestFiles(input.client, input.repo, pullNumber) : { files: [], truncated: false, requests: 0 };
    const existing = await listReviewComments(input.client, input.repo, pullNumber);
    outcome.requests += files.requests + existing.requests;
    if (files.truncated) notice(`Pull request #${pullNumber} has more than 3000 files; findings in the others are in the check runs only.`);
    const plan = planReview({
      diagnostics,
      diff: new DiffIndex(files.files),
      existing: existing.comments,
      ourLogin: input.ourLogin ?? ACTIONS_BOT_LOGIN,
      // Markers carry the diagnostic's source; a gate's findings normally use its name.
      gates: input.run.gates.filter((g) => g.status !== 'skipped').flatMap((g) => [g.gate, ...g.diagnostics.map((d) => d.source)]),
      ...(input.maxInlineComments !== undefined ? { maxInline: input.maxInlineComments } : {}),
      commitId: input.sha,
    });
    const review = await applyReviewPlan(input.client, input.repo, pullNumber, plan);
    outcome.requests += review.requests;
    outcome.review = review;
    if (review.refused.length > 0) {
      notice(`GitHub refused ${review.refused.length} inline review comment(s); they are listed in the review body instead.`);
    }
    if (review.deleteFailures.length > 0) notice(`Some outdated review comments could not be deleted: ${review.deleteFailures[0]}`);
  } catch (error) {
    outcome.degraded = true;
    if (error instanceof GitHubApiError && (error.kind === 'permission' || error.kind === 'auth')) {
      notice(`Review comments could not be posted (${error.message}) ${FORK_ADVICE}`);
    } else {
      notice(`The pull request review could not be posted: ${describe(error)}`);
    }
  }
}
