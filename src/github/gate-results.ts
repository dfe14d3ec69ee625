/**
 * Reads back the gate results the action left on a commit: the versioned results block
 * in the summary of each `spec-automation / <gate>` check run (DESIGN.md, the loop:
 * "app: read gate results"). `check_run` events of runs made with GITHUB_TOKEN never
 * reach an app, so the app reads them when `workflow_run` completes.
 */
import { CHECK_RUN_PREFIX } from '../reporting/check-run.js';
import { decodeResultsBlock, type ResultsBlock, type ResultsBlockError } from '../reporting/results-block.js';
import { latestByName, listLatestCheckRuns } from './check-runs.js';
import type { GitHubClient, RepoRef } from './types.js';

/** One gate's check run and what its results block says (or why it could not be read). */
export interface GateCheckResult {
  gate: string;
  checkRunId: number;
  url: string | undefined;
  /** The check run's own verdict, usable even when the block is unreadable. */
  status: string;
  conclusion: string | null;
  appSlug: string | undefined;
  results: { ok: true; block: ResultsBlock } | { ok: false; error: ResultsBlockError };
}

export interface ReadGateResultsOptions {
  /**
   * Only runs made by these GitHub Apps count (anyone who can create a check run can
   * name it `spec-automation / pytest`). Default: `github-actions`, the app behind
   * GITHUB_TOKEN. Pass an empty list to accept any.
   */
  trustedAppSlugs?: readonly string[];
}

/** The latest `spec-automation / *` check runs on `sha`, decoded, in name order. */
export async function readGateResults(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  options: ReadGateResultsOptions = {},
): Promise<{ gates: GateCheckResult[]; requests: number }> {
  const trusted = options.trustedAppSlugs ?? ['github-actions'];
  const prefix = `${CHECK_RUN_PREFIX} / `;
  const { runs, requests } = await listLatestCheckRuns(client, repo, sha);
  const accepted = latestByName(runs, (r) => r.name.startsWith(prefix) && (trusted.length === 0 || trusted.includes(r.appSlug ?? '')));
  const gates: GateCheckResult[] = [];
  for (const run of accepted.values()) {
    const gate = run.name.slice(prefix.length);
    const decoded = decodeResultsBlock(run.summary);
    const results: GateCheckResult['results'] =
      decoded.ok && decoded.block.gate !== gate
        ? { ok: false, error: { code: 'invalid', message: `The results block names gate "${decoded.block.gate}" but sits in the check run of "${gate}".` } }
        : decoded;
    gates.push({ gate, checkRunId: run.id, url: run.htmlUrl, status: run.status, conclusion: run.conclusion, appSlug: run.appSlug, results });
  }
  gates.sort((a, b) => a.gate.localeCompare(b.gate));
  return { gates, requests };
}
