/**
 * A push: the spec files it changed on a configured branch are validated (the app's
 * check run `spec-automation / validate` on the pushed commit), and every valid,
 * executable spec starts a run on its own queue key. Pushes on forks, on tags, on the
 * app's own spec branches and deletions start nothing.
 */
import picomatch from 'picomatch';
import { compareCommits, filesOfCommit, presentPaths } from '../github/commits.js';
import { GitHubTree } from '../github/workspace.js';
import { CONFIG_PATH, defaultConfig, type Config } from '../pipeline/config/schema.js';
import type { AppIdentity, RepoSession, Runtime } from './context.js';
import { refOf, runKey } from './context.js';
import { job } from './jobs.js';
import { loadRepoConfig } from './repo-config.js';
import { branchFor } from '../pipeline/workflow/start.js';
import { postValidation, postValidationCheck, runDecision } from './validation.js';

/** The fields of a push payload the app reads; everything else is ignored. */
export interface PushLike {
  ref: string;
  before: string;
  after: string;
  deleted?: boolean;
  forced?: boolean;
  commits?: { added?: string[]; modified?: string[]; removed?: string[] }[];
  head_commit?: { tree_id?: string } | null;
  repository: { fork?: boolean; default_branch?: string };
}

const ZERO_SHA = /^0+$/;
/** GitHub lists at most 20 commits in a push payload; a push of more is compared instead. */
const PAYLOAD_COMMITS_LIMIT = 20;

/** Cheap checks done in the webhook handler, before anything is queued. */
export function pushIsRelevant(payload: PushLike): { relevant: boolean; why: string } {
  if (!payload.ref.startsWith('refs/heads/')) return { relevant: false, why: 'not a branch' };
  if (payload.deleted || ZERO_SHA.test(payload.after)) return { relevant: false, why: 'branch deleted' };
  if (payload.repository.fork === true) return { relevant: false, why: 'specs pushed to a fork never start a run' };
  return { relevant: true, why: '' };
}

/** Whether pushes to `branch` may start runs: `app.branches` (globs), else the default branch. */
export function branchStartsRuns(branch: string, config: Config, defaultBranch: string): boolean {
  if (branch.startsWith(config.app.branchPrefix)) return false;
  if (config.app.branches.length === 0) return branch === defaultBranch;
  return config.app.branches.some((glob) => picomatch(glob)(branch));
}

async function changedPaths(session: RepoSession, payload: PushLike): Promise<string[]> {
  const commits = payload.commits ?? [];
  if (commits.length < PAYLOAD_COMMITS_LIMIT || ZERO_SHA.test(payload.before)) {
    return [...new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? [])]))];
  }
  return presentPaths((await compareCommits(session.client, session.repo, payload.before, payload.after)).files);
}

/** The push job: validation, then one queued start job per spec that starts a run. */
export async function pushJob(runtime: Runtime, session: RepoSession, identity: AppIdentity, payload: PushLike, deliveryId: string): Promise<void> {
  const branch = payload.ref.slice('refs/heads/'.length);
  const loaded = await loadRepoConfig(session.client, session.repo);
  if (!loaded.ok) {
    const touched = (payload.commits ?? []).some((c) => [...(c.added ?? []), ...(c.modified ?? [])].some((p) => p === CONFIG_PATH || p.endsWith('.md')));
    if (touched) {
      await postValidationCheck({ session, runtime, config: defaultConfig() }, payload.after, loaded.diagnostics, [], runtime.deps.now());
    }
    runtime.log.warn('Invalid configuration; no run starts', { repo: session.repo.repo, problems: loaded.diagnostics.length });
    return;
  }
  const config = loaded.config;
  if (!config.app.enabled || !branchStartsRuns(branch, config, session.defaultBranch)) return;
  const paths = await changedPaths(session, payload);
  await validateAndStart(runtime, session, identity, config, { branch, sha: payload.after, ...(payload.head_commit?.tree_id ? { treeSha: payload.head_commit.tree_id } : {}), paths, deliveryId });
}

export interface ValidateTarget {
  /** The branch pushed to (the base of the runs' pull requests). */
  branch: string;
  sha: string;
  treeSha?: string;
  /** Changed files; only spec files among them are validated. */
  paths: readonly string[];
  deliveryId: string;
}

/** Validates the spec files among `target.paths` and queues a start job per spec that starts a run. */
export async function validateAndStart(runtime: Runtime, session: RepoSession, identity: AppIdentity, config: Config, target: ValidateTarget): Promise<void> {
  const candidates = runtime.deps.specs.candidates(target.paths, config.specs);
  if (candidates.length === 0) return;

  const tree = new GitHubTree(session.client, session.repo, target.sha, { objects: runtime.objects, ...(target.treeSha ? { treeSha: target.treeSha } : {}) });
  const validation = await postValidation({ session, runtime, config }, tree, candidates);
  const branches = new Map<string, string>();
  for (const spec of validation.specs) {
    if (!runDecision(spec, config, runtime.deps.modelProblem).starts) continue;
    const runBranch = branchFor(spec, config);
    const other = branches.get(runBranch);
    if (other !== undefined) {
      runtime.log.warn('Two specs in one push share a doc id; only the first starts a run', { branch: runBranch, first: other, second: spec.path });
      continue;
    }
    branches.set(runBranch, spec.path);
    const baseTreeSha = await tree.treeSha();
    const deliveryId = `${target.deliveryId}:${spec.path}`;
    await runtime.queue.add(job('start', runKey(session.repo, runBranch), `start ${runBranch}`, { session: refOf(session), config, input: { spec, baseRef: target.branch, baseSha: target.sha, baseTreeSha, deliveryId } }, deliveryId));
  }
}

/** The files a commit changed (against its first parent), for re-running its validation. */
export async function commitPaths(session: RepoSession, sha: string): Promise<string[]> {
  return presentPaths(await filesOfCommit(session.client, session.repo, sha));
}
