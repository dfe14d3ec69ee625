/**
 * Mode `gates`: run the quality gates in parallel, then report them: one check run per
 * gate, a review on the pull request, the job summary, a SARIF file and the results
 * JSON; the step fails per `fail-on`. A read-only token (fork pull requests) degrades to
 * the job summary and log annotations instead of failing.
 */
import * as core from '@actions/core';
import { runGates, UnknownGateError } from '../../gates/index.js';
import { reportGates, type ReportOutcome } from '../../github/reporter.js';
import type { GatesRun } from '../../pipeline/gate-result.js';
import { renderGatesSummary } from '../../reporting/text/gates.js';
import { InputError } from '../inputs.js';
import type { ModeContext } from '../mode-context.js';
import { failureMessage, runnerFile, severityCounts, writeJsonFile, type ModeOutcome } from '../outcome.js';
import { createProgressLog } from '../progress.js';
import { rebaseRun } from '../rebase.js';

async function runTheGates(ctx: ModeContext): Promise<GatesRun> {
  try {
    return await runGates({
      root: ctx.root,
      config: ctx.config,
      onProgress: createProgressLog((line) => core.info(line)),
      signal: ctx.signal,
      ...(ctx.inputs.gates ? { only: ctx.inputs.gates } : {}),
    });
  } catch (error) {
    if (error instanceof UnknownGateError) throw new InputError('gates', error.message);
    throw error;
  }
}

function logReport(outcome: ReportOutcome): void {
  for (const c of outcome.checkRuns) {
    core.info(`check run ${c.name}: ${c.action}, ${c.annotations} annotation${c.annotations === 1 ? '' : 's'}${c.url ? ` (${c.url})` : ''}`);
  }
  const r = outcome.review;
  if (r) {
    const url = r.reviews[0]?.url;
    core.info(`review: ${r.inlinePosted} new inline comment${r.inlinePosted === 1 ? '' : 's'}, ${r.deleted} outdated deleted${url ? ` (${url})` : ''}`);
  }
  core.info(`GitHub requests: ${outcome.requests}`);
}

/** Runs mode `gates`; see the file comment. */
export async function gatesMode(ctx: ModeContext): Promise<ModeOutcome> {
  const { inputs } = ctx;
  const run = rebaseRun(await runTheGates(ctx), ctx.prefix);
  core.info('');
  core.info(renderGatesSummary(run, { color: false }).trimEnd());

  const report = inputs.report;
  const annotated = new Set<string>();
  const sink = {
    ...ctx.sink,
    annotate: async (diagnostics: Parameters<typeof ctx.sink.annotate>[0]) => {
      await ctx.sink.annotate(diagnostics);
      for (const d of diagnostics) annotated.add(d.fingerprint);
    },
  };
  const outcome = await reportGates({
    client: ctx.client,
    // Without a repository or commit the run is read-only (run-context.ts): nothing is sent.
    repo: ctx.run.repo ?? { owner: '', repo: '' },
    sha: ctx.run.sha ?? '',
    run,
    ...(ctx.run.pullNumber !== undefined ? { pullNumber: ctx.run.pullNumber } : {}),
    targets: { checks: report.has('check-runs'), review: report.has('review'), summary: report.has('summary') },
    ...(ctx.run.readOnly !== undefined ? { readOnly: { reason: ctx.run.readOnly } } : {}),
    maxInlineComments: inputs.maxReviewComments,
    ...(ctx.run.detailsUrl ? { detailsUrl: ctx.run.detailsUrl } : {}),
    sink,
  });
  logReport(outcome);

  if (report.has('annotations')) {
    // Asked for explicitly: every finding the fallback did not already annotate.
    const rest = run.gates.flatMap((g) => g.diagnostics).filter((d) => !annotated.has(d.fingerprint));
    if (rest.length > 0) await sink.annotate(rest);
  }

  const sarifFile: string | undefined = undefined; // TEMPORARY until src/reporting/sarif.ts lands.
  const resultsFile = runnerFile(ctx.run.runnerTemp, 'gates', ctx.step, 'json');
  await writeJsonFile(resultsFile, run);

  const failed = run.gates.flatMap((g) => (g.status === 'failed' || g.status === 'error' ? [{ name: g.gate, status: g.status }] : []));
  return {
    conclusion: run.conclusion,
    ...severityCounts(run.gates.flatMap((g) => g.diagnostics)),
    failedGates: failed.map((f) => f.name),
    resultsFile,
    sarifFile,
    failure: failureMessage(run.conclusion, inputs.failOn, failed),
  };
}
