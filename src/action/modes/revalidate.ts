/**
 * Mode `revalidate`, for `schedule` and `workflow_dispatch` workflows: validation,
 * requirement → test traceability and drift against the lock file over every spec of
 * the checkout (src/pipeline/revalidate), reported as
 * - the check run "spec-automation / revalidate" on the commit checked out (the default
 *   branch head on a schedule), with the findings as annotations;
 * - the job summary;
 * - ONE "Spec health" issue (title and label from `revalidate.issueTitle`/`issueLabel`),
 *   created once and edited in place, closed when every spec is healthy and reopened
 *   when one is not. Only schedule and workflow_dispatch runs touch it: a pull request's
 *   state is not the default branch's.
 * The step fails per `revalidate.failOn` (the `fail-on` input overrides it). A GitHub
 * write that fails (a missing permission) is a warning in the log and the summary, never
 * a lost report.
 */
import { logText } from '../log.js';
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { postCheckRun, type CheckRunResult } from '../../github/check-runs.js';
import { upsertIssue, type IssueUpsertResult } from '../../github/issues.js';
import { revalidateRepository, type FailOn, type SpecHealthReport } from '../../pipeline/revalidate/index.js';
import { renderSpecHealthCheckRun, renderSpecHealthIssue, renderSpecHealthSummary, specHealthTitle } from '../../reporting/spec-health.js';
import type { ModeContext } from '../mode-context.js';
import { runnerFile, writeJsonFile, type ModeOutcome } from '../outcome.js';
import { writeSarifFile } from '../sarif-file.js';

/** Events whose checkout is the state of the default branch the Spec health issue describes. */
export const ISSUE_EVENTS: ReadonlySet<string> = new Set(['schedule', 'workflow_dispatch']);

/** What the results JSON of mode revalidate holds: the report, and what was posted. */
export interface RevalidateResults {
  schemaVersion: 1;
  mode: 'revalidate';
  report: SpecHealthReport;
  checkRun?: { id: number; url?: string; action: CheckRunResult['action'] };
  issue?: { number?: number; url?: string; action: IssueUpsertResult['action'] };
  notices: string[];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `https://github.com/owner/repo` for links to files, from the runner's environment. */
function repoUrlOf(repo: { owner: string; repo: string } | undefined): string | undefined {
  const server = (process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return repo && /^https?:\/\/\S+$/.test(server) ? `${server}/${repo.owner}/${repo.repo}` : undefined;
}

function failureOf(report: SpecHealthReport): string | undefined {
  const v = report.verdict;
  if (!v.fails) return undefined;
  const c = v.counts;
  return `Spec health is ${v.health === 'unhealthy' ? 'unhealthy' : 'not good enough'}: ${c.error} error(s) and ${c.warning} warning(s), failing at fail-on: ${v.failOn}. See the Spec health issue and the job summary for what to do; set revalidate.failOn (or the fail-on input) to never to report without failing the step.`;
}

/** Runs mode `revalidate`; see the file comment. */
export async function revalidateMode(ctx: ModeContext): Promise<ModeOutcome> {
  const { inputs, config } = ctx;
  const connecting = ctx.connect();
  connecting.catch(() => undefined);
  const failOn: FailOn = inputs.failOn ?? config.revalidate.failOn;

  const local = await revalidateRepository(createFsSpecSource(ctx.root), config, { failOn, pathPrefix: ctx.prefix, ...(ctx.configFile ? { configFile: ctx.configFile } : {}) });
  const github = await connecting;
  const ref = process.env.GITHUB_REF;
  const report: SpecHealthReport = { ...local, ...(github.run.sha ? { commit: github.run.sha } : {}), ...(ref ? { ref } : {}) };
  const v = report.verdict;
  logText(`${specHealthTitle(report)}: ${v.counts.error} error(s), ${v.counts.warning} warning(s), ${v.counts.info} note(s).`);
  for (const s of report.specs) logText(`  ${s.worst === 'ok' ? '✔' : s.worst === 'error' ? '✖' : s.worst === 'warning' ? '⚠' : 'ℹ'} ${s.path}: ${s.drift.state}, ${s.trace.untested.length} untested`);

  const notices: string[] = [];
  const notice = (message: string) => {
    notices.push(message);
    ctx.sink.warn(message);
  };
  const repo = github.run.repo;
  const repoUrl = repoUrlOf(repo);
  const renderOptions = { ...(repoUrl ? { repoUrl } : {}), ...(github.run.detailsUrl ? { runUrl: github.run.detailsUrl } : {}) };
  let annotatedOnGitHub = false;

  let checkRun: RevalidateResults['checkRun'];
  if (inputs.report.has('check-runs')) {
    if (github.run.readOnly || !repo || !github.run.sha) {
      notice(`${github.run.readOnly ?? 'The repository or commit is unknown'}: the check run spec-automation / revalidate was not posted; the findings are in this summary and the log.`);
    } else {
      try {
        const plan = renderSpecHealthCheckRun(report, renderOptions);
        const posted = await postCheckRun(github.client, repo, plan, { headSha: github.run.sha, ...(github.run.detailsUrl ? { detailsUrl: github.run.detailsUrl } : {}) });
        checkRun = { id: posted.id, ...(posted.url ? { url: posted.url } : {}), action: posted.action };
        annotatedOnGitHub = true;
        logText(`check run ${posted.name}: ${posted.action}, ${posted.annotations} annotation(s)${posted.url ? ` (${posted.url})` : ''}`);
      } catch (error) {
        notice(`Could not post the check run spec-automation / revalidate: ${describe(error)}`);
      }
    }
  }

  let issue: RevalidateResults['issue'];
  const eventName = github.run.eventName;
  if (config.revalidate.issue) {
    if (!ISSUE_EVENTS.has(eventName)) {
      logText(`The Spec health issue is updated by schedule and workflow_dispatch runs only (this is a ${eventName || 'local'} run): left as it is.`);
    } else if (github.run.readOnly || !repo) {
      notice(`${github.run.readOnly ?? 'The repository is unknown'}: the Spec health issue was not updated.`);
    } else {
      try {
        const body = renderSpecHealthIssue(report, { ...renderOptions, ...(checkRun?.url ? { checkRunUrl: checkRun.url } : {}) });
        const state = v.health === 'healthy' ? 'closed' : 'open';
        const done = await upsertIssue(github.client, repo, { title: config.revalidate.issueTitle, label: config.revalidate.issueLabel, body, state });
        issue = { ...(done.number !== undefined ? { number: done.number } : {}), ...(done.url ? { url: done.url } : {}), action: done.action };
        logText(`Spec health issue${done.number !== undefined ? ` #${done.number}` : ''}: ${done.action}${done.url ? ` (${done.url})` : ''}`);
      } catch (error) {
        notice(`Could not update the Spec health issue "${config.revalidate.issueTitle}": ${describe(error)}`);
      }
    }
  }

  if (inputs.report.has('annotations') || (!annotatedOnGitHub && inputs.report.has('check-runs'))) {
    try {
      await ctx.sink.annotate(report.findings.filter((f) => f.severity !== 'info'));
    } catch (error) {
      ctx.sink.warn(`Could not write log annotations: ${describe(error)}`);
    }
  }
  if (inputs.report.has('summary')) {
    try {
      await ctx.sink.writeSummary(renderSpecHealthSummary(report, { ...renderOptions, notices, ...(checkRun?.url ? { checkRunUrl: checkRun.url } : {}), ...(issue?.url ? { issueUrl: issue.url } : {}) }));
    } catch (error) {
      ctx.sink.warn(`Could not write the job summary: ${describe(error)}`);
    }
  }

  const sarifFile = inputs.report.has('sarif') ? await writeSarifFile([{ tool: 'spec-automation', diagnostics: report.findings }], ctx, 'revalidate') : undefined;
  const resultsFile = runnerFile(ctx.runnerTemp, 'revalidate', ctx.step, 'json');
  const results: RevalidateResults = { schemaVersion: 1, mode: 'revalidate', report, ...(checkRun ? { checkRun } : {}), ...(issue ? { issue } : {}), notices };
  await writeJsonFile(resultsFile, results);
  return {
    conclusion: v.fails ? 'failure' : 'success',
    errors: v.counts.error,
    warnings: v.counts.warning,
    failedGates: v.fails ? ['revalidate'] : [],
    resultsFile,
    sarifFile,
    failure: failureOf(report),
  };
}
