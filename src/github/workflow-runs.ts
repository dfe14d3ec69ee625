/**
 * Workflow runs of the gates workflow on a spec branch: find the run of a commit and
 * re-run it (`/spec retry qa`). The app cannot start a `push`-triggered workflow
 * itself; it can re-run one GitHub started.
 */
import { attempt } from './errors.js';
import { idOf, type GitHubClient, type RepoRef } from './types.js';

export interface WorkflowRunInfo {
  id: number;
  name: string;
  headSha: string;
  headBranch: string | undefined;
  event: string;
  status: string;
  conclusion: string | null;
  url: string | undefined;
}

/** The runs of workflow `name` on `headSha`, newest first (one page of 100). */
export async function findWorkflowRuns(client: GitHubClient, repo: RepoRef, headSha: string, name: string): Promise<WorkflowRunInfo[]> {
  const r = await attempt({ operation: `list the workflow runs of ${headSha.slice(0, 7)}`, permission: 'actions: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/actions/runs', { ...repo, head_sha: headSha, per_page: 100, exclude_pull_requests: true }),
  );
  return r.data.workflow_runs
    .filter((run) => run.name === name)
    .map((run) => ({
      id: idOf(run.id),
      name: run.name ?? '',
      headSha: run.head_sha,
      headBranch: run.head_branch ?? undefined,
      event: run.event,
      status: run.status ?? '',
      conclusion: run.conclusion ?? null,
      url: run.html_url,
    }))
    .sort((a, b) => b.id - a.id);
}

/** Re-runs a whole workflow run. */
export async function rerunWorkflowRun(client: GitHubClient, repo: RepoRef, runId: number): Promise<void> {
  await attempt({ operation: `re-run workflow run ${runId}`, permission: 'actions: write' }, () =>
    client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun', { ...repo, run_id: runId }),
  );
}
