/**
 * The one way modes `gates` and `validate` report a run to GitHub: check runs, the review
 * on a pull request, the job summary under the mode's heading, and, on
 * `report: annotations`, workflow-command annotations for every finding the read-only
 * fallback did not already annotate. The reporter is passed in so mode `gates` can load
 * it while the tools run.
 */
import { logText } from './log.js';
import type { reportGates as ReportGates, ReportOutcome } from '../github/reporter.js';
import type { GatesRun } from '../pipeline/gate-result.js';
import type { GitHubConnection } from './github-connection.js';
import { trackingAnnotations } from './local-sink.js';
import type { ModeContext } from './mode-context.js';

export interface ReportRunInput {
  reportGates: typeof ReportGates;
  ctx: ModeContext;
  github: GitHubConnection;
  run: GatesRun;
  /** The job summary's heading words; default `spec-automation gates`. */
  summaryTitle?: string;
}

function logOutcome(outcome: ReportOutcome): void {
  for (const c of outcome.checkRuns) {
    logText(`check run ${c.name}: ${c.action}, ${c.annotations} annotation${c.annotations === 1 ? '' : 's'}${c.url ? ` (${c.url})` : ''}`);
  }
  const r = outcome.review;
  if (r) {
    const url = r.reviews[0]?.url;
    logText(`review: ${r.inlinePosted} new inline comment${r.inlinePosted === 1 ? '' : 's'}, ${r.deleted} outdated deleted${url ? ` (${url})` : ''}`);
  }
  logText(`GitHub requests: ${outcome.requests}`);
}

/** Reports `run`; see the file comment. */
export async function reportRun({ reportGates, ctx, github, run, summaryTitle }: ReportRunInput): Promise<ReportOutcome> {
  const report = ctx.inputs.report;
  const { sink, annotated } = trackingAnnotations(ctx.sink);
  const outcome = await reportGates({
    client: github.client,
    // Without a repository or commit the run is read-only (run-context.ts): nothing is sent.
    repo: github.run.repo ?? { owner: '', repo: '' },
    sha: github.run.sha ?? '',
    run,
    ...(github.run.pullNumber !== undefined ? { pullNumber: github.run.pullNumber } : {}),
    targets: { checks: report.has('check-runs'), review: report.has('review'), summary: report.has('summary') },
    ...(summaryTitle !== undefined ? { summaryTitle } : {}),
    ...(github.run.readOnly !== undefined ? { readOnly: { reason: github.run.readOnly } } : {}),
    maxInlineComments: ctx.inputs.maxReviewComments,
    ...(github.run.detailsUrl ? { detailsUrl: github.run.detailsUrl } : {}),
    sink,
  });
  logOutcome(outcome);

  if (report.has('annotations')) {
    // Asked for explicitly: every finding the fallback did not already annotate.
    const rest = run.gates.flatMap((g) => g.diagnostics).filter((d) => !annotated.has(d.fingerprint));
    if (rest.length > 0) await sink.annotate(rest);
  }
  return outcome;
}
