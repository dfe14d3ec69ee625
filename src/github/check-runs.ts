/**
 * Check runs: find the latest run of a name on a commit, and post a rendered plan
 * (src/reporting/check-run.ts) with the fewest requests the Checks API allows.
 */
import type { CheckRunPlan, CheckRunWrite } from '../reporting/check-run.js';
import { planCheckRunWrites } from '../reporting/check-run.js';
import { GitHubApiError, attempt } from './errors.js';
import { paginate } from './paginate.js';
import { idOf, type GitHubClient, type RepoRef } from './types.js';

const PERMISSION = 'checks: write' as const;

/** The fields of an existing check run we decide on. */
export interface ExistingCheckRun {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  annotationsCount: number;
  htmlUrl: string | undefined;
  appSlug: string | undefined;
  /** output.summary, where the results block lives. */
  summary: string | null;
  title: string | null;
}

/**
 * The latest check run named `name` on `ref`, if any
 * (`GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=…&filter=latest`).
 *
 * @param appId only runs created by this GitHub App (the app's own runs)
 */
export async function findLatestCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  ref: string,
  name: string,
  appId?: number,
): Promise<ExistingCheckRun | undefined> {
  const response = await attempt({ operation: `list the check runs of ${ref}`, permission: 'checks: read' }, () =>
    client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...repo,
      ref,
      check_name: name,
      filter: 'latest',
      per_page: 100,
      ...(appId !== undefined ? { app_id: appId } : {}),
    }),
  );
  const runs = (response.data.check_runs ?? []).filter((r) => r.name === name).map(toExisting);
  // Newest first: GitHub orders by id descending, but do not rely on it.
  runs.sort((a, b) => b.id - a.id);
  return runs[0];
}

function toExisting(run: {
  id: number | bigint;
  name: string;
  status: string;
  conclusion?: string | null;
  html_url?: string | null;
  app?: { slug?: string } | null;
  output?: { annotations_count?: number; summary?: string | null; title?: string | null } | null;
}): ExistingCheckRun {
  return {
    id: idOf(run.id),
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    annotationsCount: run.output?.annotations_count ?? 0,
    htmlUrl: run.html_url ?? undefined,
    appSlug: run.app?.slug ?? undefined,
    summary: run.output?.summary ?? null,
    title: run.output?.title ?? null,
  };
}

/**
 * The latest check runs on `ref` (`filter=latest`, 100 per page), newest first, so that
 * reporting N gates costs one lookup instead of N. Several apps may have runs of the same
 * name: see {@link latestByName}.
 */
export async function listLatestCheckRuns(client: GitHubClient, repo: RepoRef, ref: string): Promise<{ runs: ExistingCheckRun[]; requests: number }> {
  const { items, requests } = await paginate(
    async (page) => {
      const r = await attempt({ operation: `list the check runs of ${ref}`, permission: 'checks: read' }, () =>
        client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...repo, ref, filter: 'latest', per_page: 100, page }),
      );
      return { data: r.data.check_runs ?? [], headers: r.headers };
    },
    { perPage: 100, maxItems: 1000 },
  );
  return { runs: items.map(toExisting).sort((a, b) => b.id - a.id), requests };
}

/** The newest run of each name among those `accept` keeps. */
export function latestByName(runs: readonly ExistingCheckRun[], accept: (run: ExistingCheckRun) => boolean = () => true): Map<string, ExistingCheckRun> {
  const latest = new Map<string, ExistingCheckRun>();
  for (const run of runs) {
    if (!accept(run)) continue;
    const seen = latest.get(run.name);
    if (!seen || seen.id < run.id) latest.set(run.name, run);
  }
  return latest;
}

/** What posting one check run did. */
export interface CheckRunResult {
  gate: string;
  name: string;
  id: number;
  url: string | undefined;
  action: 'created' | 'updated';
  /** Requests this took, the lookup included. */
  requests: number;
  annotations: number;
}

export interface PostCheckRunOptions {
  headSha: string;
  /**
   * `auto` (default): update the latest run of the same name on this commit in place
   * when that is safe, else create one. `never`: always create.
   */
  reuse?: 'auto' | 'never';
  /**
   * The latest run of this name, when the caller already looked it up (with
   * {@link listLatestCheckRuns}); `null` means "looked, there is none". Saves a request.
   */
  existing?: ExistingCheckRun | null;
  detailsUrl?: string;
  externalId?: string;
  now?: () => Date;
}

async function write(client: GitHubClient, repo: RepoRef, plan: CheckRunPlan, w: CheckRunWrite, id: number | undefined): Promise<{ id: number; url: string | undefined }> {
  if (w.kind === 'create') {
    const r = await attempt({ operation: `create the check run ${plan.name}`, permission: PERMISSION }, () =>
      client.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, ...w.body }),
    );
    return { id: idOf(r.data.id), url: r.data.html_url ?? undefined };
  }
  if (id === undefined) throw new Error('planCheckRunWrites produced an update before a create');
  const r = await attempt({ operation: `update the check run ${plan.name}`, permission: PERMISSION }, () =>
    client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: id, ...w.body }),
  );
  return { id, url: r.data.html_url ?? undefined };
}

/**
 * Leaves a run we created or took over in a completed state when a later batch
 * failed, so it never spins "in progress" forever. Best effort: its own failure is
 * swallowed (the original error is the one worth reporting).
 */
async function completeAfterFailure(client: GitHubClient, repo: RepoRef, plan: CheckRunPlan, id: number, error: GitHubApiError, now: string): Promise<void> {
  try {
    await client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...repo,
      check_run_id: id,
      status: 'completed',
      conclusion: plan.conclusion === 'success' ? 'neutral' : plan.conclusion,
      completed_at: now,
      output: {
        title: plan.output.title,
        summary: `${plan.output.summary}\n\n> [!WARNING]\n> Some annotations could not be posted: ${error.message.replace(/\s+/g, ' ').slice(0, 500)}`.slice(0, 65_000),
        ...(plan.output.text ? { text: plan.output.text } : {}),
      },
    });
  } catch {
    // Nothing more to do; the caller reports the original error.
  }
}

/**
 * Posts a check run plan on `headSha`: looks for the latest run of the same name and
 * updates it in place when it carries no annotations (a placeholder, or a clean run
 * being re-run); otherwise creates a new run, because annotations can only be
 * appended, never removed, and a re-run must not show the previous run's findings
 * twice or findings that are gone. Then PATCHes the remaining batches of 50.
 */
export async function postCheckRun(client: GitHubClient, repo: RepoRef, plan: CheckRunPlan, options: PostCheckRunOptions): Promise<CheckRunResult> {
  const now = options.now ?? (() => new Date());
  let requests = 0;
  let existing: ExistingCheckRun | undefined;
  if ((options.reuse ?? 'auto') === 'auto') {
    if (options.existing !== undefined) existing = options.existing ?? undefined;
    else {
      existing = await findLatestCheckRun(client, repo, options.headSha, plan.name);
      requests += 1;
    }
  }
  const reusable = existing !== undefined && existing.annotationsCount === 0 ? existing : undefined;
  const planOptions = {
    headSha: options.headSha,
    now,
    ...(options.detailsUrl ? { detailsUrl: options.detailsUrl } : {}),
    ...(options.externalId ? { externalId: options.externalId } : {}),
  };
  let writes = planCheckRunWrites(plan, { ...planOptions, existing: reusable !== undefined });
  let id = reusable?.id;
  let url = reusable?.htmlUrl;
  let action: CheckRunResult['action'] = reusable ? 'updated' : 'created';
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i]!;
    try {
      const result = await write(client, repo, plan, w, id);
      requests += 1;
      id = result.id;
      url = result.url ?? url;
    } catch (error) {
      requests += 1;
      const mapped = error as GitHubApiError;
      // The run we found belongs to another app (403) or vanished (404): start our own.
      if (i === 0 && reusable && (mapped.kind === 'permission' || mapped.kind === 'not-found')) {
        writes = planCheckRunWrites(plan, { ...planOptions, existing: false });
        id = undefined;
        action = 'created';
        i = -1;
        continue;
      }
      if (id !== undefined && mapped instanceof GitHubApiError && mapped.kind !== 'permission') {
        await completeAfterFailure(client, repo, plan, id, mapped, now().toISOString());
      }
      throw error;
    }
  }
  return { gate: plan.gate, name: plan.name, id: id!, url, action, requests, annotations: plan.annotations.length };
}
