/**
 * A check run the app owns and rewrites as its run moves on (in progress, then
 * completed with buttons): one request per write, a create the first time on a commit
 * and a PATCH after. Buttons (`actions`) and "Re-run" reach only the app that created
 * the run, which is why the app keeps one of its own beside the gates' runs.
 */
import type { CheckConclusion } from '../reporting/check-run.js';
import { attempt } from './errors.js';
import { idOf, type GitHubClient, type RepoRef } from './types.js';

/** A button; at most 3 per run: label ≤ 20, identifier ≤ 20, description ≤ 40 characters. */
export interface CheckRunButton {
  label: string;
  description: string;
  identifier: string;
}

export interface AppCheckRun {
  name: string;
  headSha: string;
  status: 'in_progress' | 'completed';
  /** Required when completed. */
  conclusion?: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  /** Shown on completed runs only (GitHub hides them while in progress). */
  buttons?: CheckRunButton[];
  externalId?: string;
  detailsUrl?: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** GitHub's limits on buttons, enforced here so a long label never makes the write fail. */
export function validButtons(buttons: readonly CheckRunButton[]): CheckRunButton[] {
  return buttons.slice(0, 3).map((b) => ({ label: clip(b.label, 20), description: clip(b.description, 40), identifier: clip(b.identifier, 20) }));
}

/**
 * Creates the run (no `id`) or rewrites it. Returns its id.
 * @param id the run to update; undefined creates one on `run.headSha`
 */
export async function writeAppCheckRun(client: GitHubClient, repo: RepoRef, run: AppCheckRun, id: number | undefined, now: Date = new Date()): Promise<number> {
  const completed = run.status === 'completed';
  const body = {
    status: run.status,
    ...(completed ? { conclusion: run.conclusion ?? 'neutral', completed_at: now.toISOString() } : {}),
    ...(run.detailsUrl && /^https?:\/\/\S+$/.test(run.detailsUrl) ? { details_url: run.detailsUrl } : {}),
    ...(run.externalId ? { external_id: run.externalId } : {}),
    output: { title: clip(run.title, 255), summary: run.summary, ...(run.text ? { text: run.text } : {}) },
    actions: completed ? validButtons(run.buttons ?? []) : [],
  };
  if (id === undefined) {
    const r = await attempt({ operation: `create the check run ${run.name}`, permission: 'checks: write' }, () =>
      client.request('POST /repos/{owner}/{repo}/check-runs', { ...repo, name: run.name, head_sha: run.headSha, started_at: now.toISOString(), ...body }),
    );
    return idOf(r.data.id);
  }
  await attempt({ operation: `update the check run ${run.name}`, permission: 'checks: write' }, () =>
    client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { ...repo, check_run_id: id, ...body }),
  );
  return id;
}
