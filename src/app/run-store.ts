/**
 * Where a run's state lives on GitHub, and how it is read and written: the state
 * comment (found by marker and author, edited in place), exactly one `spec:<phase>`
 * label, and the app's `spec-automation / run` check run on the head commit. Reading
 * treats the comment as untrusted; a missing or corrupted one is rebuilt from the
 * branch's commits (their trailers), the label and the configuration.
 */
import { writeAppCheckRun } from '../github/app-check-run.js';
import { compareCommits } from '../github/commits.js';
import { GitHubApiError } from '../github/errors.js';
import { findStickyComment, getComment, updateComment } from '../github/issue-comments.js';
import { postComment } from '../github/reactions.js';
import { ensureLabels, setExclusiveLabel, type LabelDefinition } from '../github/labels.js';
import type { PullRequestInfo } from '../github/pull-requests.js';
import type { Config } from '../pipeline/config/schema.js';
import { DOC_TYPES } from '../pipeline/spec/model.js';
import { budgetFromConfig } from '../pipeline/workflow/bridge.js';
import { decodeState, encodeState, STATE_MARKER } from '../pipeline/workflow/state-document.js';
import {
  addToLedger,
  emptyLedger,
  phaseFromLabel,
  phaseLabel,
  STATE_VERSION,
  type Attempt,
  type Phase,
  type WorkflowState,
} from '../pipeline/workflow/state.js';
import { renderStateComment, type GateRow, type TraceabilityRow } from '../reporting/state-comment.js';
import { parseSpent, parseTrailers, TRAILER } from '../pipeline/workflow/commit-message.js';
import { fullName, type AppIdentity, type RepoSession, type Runtime } from './context.js';
import { renderRunCheck } from './run-check.js';

/** The `spec:<phase>` labels, created with these colours and descriptions. */
export const PHASE_LABELS: readonly LabelDefinition[] = [
  { name: 'spec:developing', color: '1d76db', description: 'spec-automation: the agent is implementing the spec' },
  { name: 'spec:qa', color: 'fbca04', description: 'spec-automation: waiting for the gates' },
  { name: 'spec:fixing', color: '5319e7', description: 'spec-automation: the agent is fixing gate failures' },
  { name: 'spec:ready', color: '0e8a16', description: 'spec-automation: gates pass, ready for review' },
  { name: 'spec:needs-human', color: 'd93f0b', description: 'spec-automation: a human is needed' },
  { name: 'spec:failed', color: 'b60205', description: 'spec-automation: the run failed' },
  { name: 'spec:cancelled', color: 'cccccc', description: 'spec-automation: the run was cancelled' },
];

export interface StoreEnv {
  session: RepoSession;
  runtime: Runtime;
  identity: AppIdentity;
  config: Config;
}

export type LoadedState =
  | { kind: 'found'; state: WorkflowState }
  /** The comment is missing or unreadable; `problem` says why. */
  | { kind: 'missing'; problem: string };

/** The state block is kept under this many characters, so the summary always has room. */
export const MAX_STATE_BLOCK_CHARS = 40_000;

function clip(text: string | undefined, max: number): string | undefined {
  return text === undefined || text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The state with its free text bounded so the block fits a comment: summaries and
 * reasons clipped, then the summaries of the oldest attempts dropped (their gate
 * outcomes and spending stay; the ledger is kept apart from the attempts anyway).
 */
export function fitState(state: WorkflowState, maxChars = MAX_STATE_BLOCK_CHARS): WorkflowState {
  let fitted: WorkflowState = {
    ...state,
    reason: clip(state.reason, 2000),
    attempts: state.attempts.map((a) => ({
      ...a,
      summary: clip(a.summary, 1000),
      stopReason: clip(a.stopReason, 200),
      ...(a.gates ? { gates: { ...a.gates, toolErrors: a.gates.toolErrors.slice(0, 10).map((e) => clip(e, 500)!) } } : {}),
    })),
  };
  if (fitted.reason === undefined) delete fitted.reason;
  for (let i = 0; encodeState(fitted).length > maxChars && i < fitted.attempts.length; i++) {
    const attempts = [...fitted.attempts];
    const { summary: _dropped, ...rest } = attempts[i]!;
    attempts[i] = rest;
    fitted = { ...fitted, attempts };
  }
  return fitted;
}

/** One spec pull request's state on GitHub. */
export class RunStore {
  readonly env: StoreEnv;
  /** The pull request as last seen; `headSha` and `labels` follow the app's own writes. */
  pr: PullRequestInfo;
  #commentId: number | undefined;
  #lastBody: string | undefined;
  #lastCheck: string | undefined;
  #lastLedger: WorkflowState['ledger'] | undefined;
  /** Traceability rows of the head commit, once computed. */
  traceability: { sha: string; rows: TraceabilityRow[] } | undefined;
  /** The gates of the last results read (with their check runs), for the state comment's gate line. */
  gates: { sha: string; rows: GateRow[] } | undefined;
  /** Requests this store made (for the requests-per-step figures). */
  requests = 0;

  constructor(env: StoreEnv, pr: PullRequestInfo) {
    this.env = env;
    this.pr = pr;
  }

  get #client() {
    return this.env.session.client;
  }

  get #repo() {
    return this.env.session.repo;
  }

  /** Reads the state comment (ours: marker and author) and decodes it. */
  async load(): Promise<LoadedState> {
    const found = await findStickyComment(this.#client, this.#repo, this.pr.number, STATE_MARKER, this.env.identity.botLogin);
    this.requests += found.requests;
    if (!found.comment) return { kind: 'missing', problem: 'there is no state comment' };
    this.#commentId = found.comment.id;
    this.#lastBody = found.comment.body;
    const decoded = decodeState(found.comment.body);
    if (decoded.ok) this.#lastLedger = decoded.state.ledger;
    return decoded.ok ? { kind: 'found', state: decoded.state } : { kind: 'missing', problem: decoded.error };
  }

  /**
   * Persists the state: the comment (skipped when unchanged), the phase label (moved only
   * when the phase changed) and the run check run on the head commit.
   */
  async save(full: WorkflowState): Promise<void> {
    const { session, runtime } = this.env;
    const state = fitState(full);
    // What the agent spent since the state was read or last saved, for the metrics.
    if (this.#lastLedger) runtime.metrics.spent(this.#lastLedger, state.ledger);
    this.#lastLedger = state.ledger;
    // The checklist shows whatever is known of the head commit: its traceability (computed
    // when the run is ready) and the gates of the last results the run read.
    const traceability = this.traceability?.sha === this.pr.headSha ? this.traceability.rows : undefined;
    const gates = this.gates?.rows;
    const body = runtime.deps.redactor.redact(renderStateComment({ state, repoUrl: session.htmlUrl, ...(traceability ? { traceability } : {}), ...(gates ? { gates } : {}) }));
    if (body !== this.#lastBody) await this.#writeComment(body);
    await this.setPhaseLabel(state.phase);
    await this.#writeRunCheck(state);
  }

  async #writeComment(body: string): Promise<void> {
    if (this.#commentId !== undefined) {
      try {
        this.requests += 1;
        await updateComment(this.#client, this.#repo, this.#commentId, body);
        this.#lastBody = body;
        return;
      } catch (error) {
        // Someone deleted it: write a new one.
        if (!(error instanceof GitHubApiError && error.kind === 'not-found')) throw error;
        this.#commentId = undefined;
      }
    }
    this.requests += 1;
    this.#commentId = (await postComment(this.#client, this.#repo, this.pr.number, body)).id;
    this.#lastBody = body;
  }

  /** Leaves exactly `spec:<phase>` of the phase labels on the pull request (and the phase in the run registry). */
  async setPhaseLabel(phase: Phase): Promise<void> {
    await this.#register(phase);
    const label = phaseLabel(phase);
    const inFamily = (name: string) => phaseFromLabel(name) !== undefined;
    if (this.pr.labels.includes(label) && this.pr.labels.filter(inFamily).length === 1) return;
    // Each label is created (with its colour and description) the first time this process
    // uses it in a repository; GitHub would otherwise create it grey and undescribed.
    const key = `${fullName(this.#repo)}:${label}`;
    const definition = PHASE_LABELS.find((l) => l.name === label);
    if (definition && !this.env.runtime.labelsEnsured.has(key)) {
      this.requests += await ensureLabels(this.#client, this.#repo, [definition]);
      this.env.runtime.labelsEnsured.add(key);
    }
    this.env.runtime.metrics.runPhases.inc({ phase });
    const result = await setExclusiveLabel(this.#client, this.#repo, this.pr.number, label, this.pr.labels, inFamily);
    this.requests += result.requests;
    this.pr = { ...this.pr, labels: result.labels };
  }

  /** The run's phase in the registry (Postgres), so start-up recovery finds it without the search API. */
  async #register(phase: Phase): Promise<void> {
    const { runtime, session } = this.env;
    if (!runtime.registry || session.installationId === undefined) return;
    try {
      await runtime.registry.record({ installationId: session.installationId, owner: session.repo.owner, repo: session.repo.repo, pr: this.pr.number, branch: this.pr.headRef, phase });
    } catch (error) {
      runtime.log.warn('Could not record the run in the registry', { pr: this.pr.number, error: error instanceof Error ? error.message : String(error) });
    }
  }

  async #writeRunCheck(state: WorkflowState): Promise<void> {
    const sha = this.pr.headSha;
    const check = renderRunCheck(state, sha, this.pr.url);
    const signature = JSON.stringify(check);
    if (signature === this.#lastCheck) return;
    const key = `${fullName(this.#repo)}@${sha}`;
    const cache = this.env.runtime.runChecks;
    this.requests += 1;
    try {
      const id = await writeAppCheckRun(this.#client, this.#repo, { ...check, summary: this.env.runtime.deps.redactor.redact(check.summary) }, cache.get(key), new Date(this.env.runtime.deps.now()));
      cache.set(key, id);
      if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
      this.#lastCheck = signature;
    } catch (error) {
      // The check run is a view of the state; a failure to draw it must not stop the run.
      this.env.runtime.log.warn('Could not write the run check run', { pr: this.pr.number, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * When the state on GitHub was last saved (`updatedAt` of its block), read fresh: another
   * replica may have moved the run while this one worked. Undefined when unreadable.
   */
  async peekUpdatedAt(): Promise<string | undefined> {
    if (this.#commentId === undefined) return undefined;
    this.requests += 1;
    try {
      const decoded = decodeState((await getComment(this.#client, this.#repo, this.#commentId)).body);
      return decoded.ok ? decoded.state.updatedAt : undefined;
    } catch (error) {
      if (error instanceof GitHubApiError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  /** Tells the store the branch moved (the app committed): the run check goes on the new head. */
  headMoved(sha: string): void {
    this.pr = { ...this.pr, headSha: sha };
    this.#lastCheck = undefined;
  }

  /**
   * A state rebuilt from what cannot be lost: the branch's commits (the start commit
   * names the spec; each agent commit carries its iteration and spending), the phase
   * label, and the configuration's budget. Undefined when the branch has no start
   * commit (not a spec-automation pull request).
   */
  async rebuild(problem: string, now: string): Promise<WorkflowState | undefined> {
    this.requests += 1;
    const compare = await compareCommits(this.#client, this.#repo, this.pr.baseRef, this.pr.headSha);
    const commits = compare.commits.map((c) => ({ sha: c.sha, message: c.message, date: c.date ?? now }));
    let startIndex = -1;
    for (let i = commits.length - 1; i >= 0; i--) {
      if (parseTrailers(commits[i]!.message).has(TRAILER.spec)) {
        startIndex = i;
        break;
      }
    }
    if (startIndex < 0) return undefined;
    const start = parseTrailers(commits[startIndex]!.message);
    let ledger = emptyLedger();
    const attempts: Attempt[] = [];
    for (const [i, c] of commits.entries()) {
      const t = parseTrailers(c.message);
      if (!t.has(TRAILER.spent)) continue;
      const spent = parseSpent(t.get(TRAILER.spent));
      ledger = addToLedger(ledger, spent);
      if (i < startIndex) continue;
      const iteration = Number(t.get(TRAILER.iteration));
      attempts.push({
        iteration: Number.isInteger(iteration) && iteration >= 0 ? iteration : attempts.length,
        mode: t.get(TRAILER.mode) === 'fix' ? 'fix' : 'implement',
        startedAt: c.date,
        finishedAt: c.date,
        stopReason: 'finished',
        commitSha: c.sha,
        changedFiles: 0,
        spent,
      });
    }
    const labelPhase = this.pr.labels.map(phaseFromLabel).find((p): p is Phase => p !== undefined);
    const lastCommit = attempts[attempts.length - 1]?.commitSha;
    const note = `the state was rebuilt from the branch's commits and labels because ${problem}`;
    let phase: Phase = labelPhase ?? 'needs-human';
    let reason: string | undefined = note;
    if (phase === 'developing' || phase === 'fixing' || (phase === 'qa' && !lastCommit)) {
      phase = 'failed';
      reason = `${note}; the agent's last iteration may have been cut short; \`/spec retry\` resumes from here`;
    }
    const type = start.get(TRAILER.type);
    const state: WorkflowState = {
      version: STATE_VERSION,
      spec: {
        path: start.get(TRAILER.spec) ?? '',
        type: type && (DOC_TYPES as readonly string[]).includes(type) ? type : 'prd',
        id: this.pr.headRef.split('/').pop() ?? this.pr.headRef,
        title: this.pr.headRef,
        contentHash: start.get(TRAILER.hash) ?? '',
      },
      baseSha: start.get(TRAILER.base) ?? commits[startIndex]!.sha,
      branch: this.pr.headRef,
      pr: this.pr.number,
      phase,
      iteration: Math.max(0, ...attempts.map((a) => a.iteration)),
      ...(lastCommit ? { headSha: this.pr.headSha } : {}),
      budget: budgetFromConfig(this.env.config.agent),
      ledger,
      attempts,
      ...(reason ? { reason } : {}),
      deliveries: [],
      updatedAt: now,
    };
    return state;
  }
}
