/**
 * Mode `gates`: run the quality gates in parallel, then report them: one check run per
 * gate, a review on the pull request, the job summary, a SARIF file and the results
 * JSON; the step fails per `fail-on`. A read-only token (fork pull requests) degrades to
 * the job summary and log annotations instead of failing.
 */
import { logText } from '../log.js';
import { informationUriOf, runGates, UnknownGateError } from '../../gates/index.js';
import type { reportGates as ReportGates } from '../../github/reporter.js';
import type { GitHubConnection } from '../github-connection.js';
import type { GatesRun } from '../../pipeline/gate-result.js';
import { gatesSarifRuns } from '../../reporting/sarif.js';
import { renderGatesSummary } from '../../reporting/text/gates.js';
import { InputError } from '../inputs.js';
import { logFindings } from '../log-findings.js';
import type { ModeContext } from '../mode-context.js';
import { failureMessage, runnerFile, severityCounts, writeJsonFile, type ModeOutcome } from '../outcome.js';
import { createProgressLog } from '../progress.js';
import { reportRun } from '../report-run.js';
import { writeSarifFile } from '../sarif-file.js';

async function runTheGates(ctx: ModeContext, onFirstStart: () => void): Promise<GatesRun> {
  const log = createProgressLog((line) => logText(line));
  let started = false;
  try {
    return await runGates({
      root: ctx.root,
      // Repository-relative paths from the parsers, whatever the working directory.
      pathPrefix: ctx.prefix,
      config: ctx.config,
      onProgress: (event) => {
        log(event);
        if (event.kind === 'started' && !started) {
          started = true;
          onFirstStart();
        }
      },
      signal: ctx.signal,
      env: ctx.env,
      cacheDir: ctx.cacheDir,
      cacheWriteFailed: ctx.cacheWriteFailed,
      redactor: ctx.redactor,
      ...(ctx.inputs.gates ? { only: ctx.inputs.gates } : {}),
    });
  } catch (error) {
    if (error instanceof UnknownGateError) throw new InputError('gates', error.message);
    throw error;
  }
}

/** Runs mode `gates`; see the file comment. */
export async function gatesMode(ctx: ModeContext): Promise<ModeOutcome> {
  const { inputs } = ctx;
  // Reporting code loads while the tools run, not before the first one starts.
  let reporting: Promise<[{ reportGates: typeof ReportGates }, GitHubConnection]> | undefined;
  const loadReporting = () => {
    reporting ??= Promise.all([import('../../github/reporter.js'), ctx.connect()]);
    // Awaited below; until then a failure must not count as unhandled.
    reporting.catch(() => undefined);
  };
  const run = await runTheGates(ctx, loadReporting);
  loadReporting();
  const [{ reportGates }, github] = await reporting!;
  logFindings(run.gates.map((g) => ({ name: g.gate, diagnostics: g.diagnostics })), ctx.workspace);
  logText(renderGatesSummary(run, { color: false }).trimEnd());

  const report = inputs.report;
  await reportRun({ reportGates, ctx, github, run });

  const sarifFile = report.has('sarif') ? await writeSarifFile(gatesSarifRuns(run, informationUriOf), ctx, 'gates') : undefined;
  const resultsFile = runnerFile(ctx.runnerTemp, 'gates', ctx.step, 'json');
  await writeJsonFile(resultsFile, run);

  // A cancelled gate (the job was cancelled mid-run) did not pass either.
  const failed = run.gates.flatMap((g) => (g.status === 'failed' || g.status === 'error' || g.status === 'cancelled' ? [{ name: g.gate, status: g.status }] : []));
  return {
    conclusion: run.conclusion,
    ...severityCounts(run.gates.flatMap((g) => g.diagnostics)),
    failedGates: failed.map((f) => f.name),
    resultsFile,
    sarifFile,
    failure: failureMessage(run.conclusion, inputs.failOn, failed),
  };
}
