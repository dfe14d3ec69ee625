/**
 * People steering a run: `/spec` commands in comments and the buttons of the run check
 * run. Authorization first, through the collaborator-permission API (write, maintain or
 * admin; raising a budget needs admin), never `author_association`. A refused,
 * unauthorized or unknown command gets a short reply and a reaction, never an action.
 * The order itself is one event through the state machine, on the run's queue key.
 */
import { getPermission, permits, type RepoPermission } from '../github/collaborators.js';
import { findOpenPullRequest, getPullRequest, type PullRequestInfo } from '../github/pull-requests.js';
import { postComment, reactToComment, type Reaction } from '../github/reactions.js';
import { phaseLabel, totalTokens } from '../pipeline/workflow/state.js';
import { commandsHelp, describeGates, safeProse, spentOfBudget } from '../reporting/state-comment.js';
import type { Command } from './commands.js';
import { refOf, runKey, type AppIdentity, type RepoSession, type Runtime } from './context.js';
import { job } from './jobs.js';
import { loadRepoConfig } from './repo-config.js';
import { replyLimiterOf } from './reply-limit.js';
import { advance, openRun } from './run-driver.js';
import type { Config } from '../pipeline/config/schema.js';
import { formatCount } from '../pipeline/format-count.js';

export interface SteerInput {
  /** The pull request, by number (comments) or by branch (check run buttons). */
  target: { pr: number } | { branch: string };
  command: Command;
  /** Login of the person (or bot) who asked. */
  by: string;
  /** The comment to react to, when the order came as a comment. */
  commentId?: number;
  deliveryId: string;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Respond = (number: number | undefined, text: string | undefined, reaction: Reaction | undefined) => Promise<void>;

/** Replies and reactions to the person who gave an order (failures are logged, never thrown). */
function responder(runtime: Runtime, session: RepoSession, input: SteerInput): Respond {
  const { client, repo } = session;
  const redact = (t: string) => runtime.deps.redactor.redact(t);
  return async (number, text, reaction) => {
    if (reaction && input.commentId !== undefined) {
      await reactToComment(client, repo, input.commentId, reaction).catch((e: unknown) => runtime.log.warn('Could not react', { error: errorText(e) }));
    }
    if (text && number !== undefined) {
      await postComment(client, repo, number, redact(text)).catch((e: unknown) => runtime.log.warn('Could not reply', { error: errorText(e) }));
    }
  };
}

/** The first job: authorize, find the pull request, then queue the order on the run's key. */
export async function steerJob(runtime: Runtime, session: RepoSession, input: SteerInput): Promise<void> {
  const { client, repo } = session;
  const prNumber = 'pr' in input.target ? input.target.pr : undefined;
  const respond = responder(runtime, session, input);

  const permission: RepoPermission = await getPermission(client, repo, input.by);
  if (!permits(permission, 'write')) {
    // One reply per user per pull request per hour; after that only the reaction (reply-limit.ts).
    const reply = replyLimiterOf(runtime).allow(`${repo.owner}/${repo.repo}`, prNumber ?? ('branch' in input.target ? input.target.branch : ''), input.by, runtime.deps.now());
    runtime.log.info('Unauthorized command refused', { by: input.by, permission, command: input.command.kind, replied: reply });
    await respond(prNumber, reply ? `Only people with write, maintain or admin permission on this repository can steer spec-automation; this request changed nothing. Further requests from @${input.by} on this pull request within the hour get a 👎 reaction and no reply.` : undefined, '-1');
    return;
  }
  const command = input.command;
  if (command.kind === 'unknown' || command.kind === 'invalid') {
    const why = command.kind === 'invalid' ? `That command is not valid: ${safeProse(command.message, 300)}.` : 'That is not a spec-automation command.';
    await respond(prNumber, [why, '', ...commandsHelp()].join('\n'), 'confused');
    return;
  }
  if (command.kind === 'help') {
    await respond(prNumber, ['**spec-automation commands**', '', ...commandsHelp()].join('\n'), 'eyes');
    return;
  }
  if (command.kind === 'retry' && command.raise && !permits(permission, 'admin')) {
    await respond(prNumber, 'Only repository admins can raise a run\'s budget; the retry was not started. Ask an admin, or retry without `--budget`, `--turns`, `--tokens` or `--iterations`.', '-1');
    return;
  }

  const config = await loadRepoConfig(client, repo);
  if (!config.ok) {
    await respond(prNumber, 'The configuration `.github/spec-automation.yml` on the default branch is invalid, so the app does nothing until it is fixed.', 'confused');
    return;
  }
  let pr: PullRequestInfo | undefined;
  if ('pr' in input.target) pr = await getPullRequest(client, repo, input.target.pr);
  else pr = await findOpenPullRequest(client, repo, input.target.branch);
  if (!pr || !pr.headRef.startsWith(config.config.app.branchPrefix) || (pr.headRepo !== undefined && pr.headRepo !== `${repo.owner}/${repo.repo}`)) {
    await respond(prNumber, 'This pull request has no spec-automation run.', 'confused');
    return;
  }
  const key = runKey(repo, pr.headRef);
  // Cancel stops a running agent at its next step (in whichever process runs it); the
  // cancellation itself queues behind it.
  if (command.kind === 'cancel') await runtime.queue.abort(key, `cancelled by @${input.by}`);
  await runtime.queue.add(job('steer', key, `${command.kind} ${pr.headRef}`, { session: refOf(session), config: config.config, pr, input }, `${input.deliveryId}:steer`));
}

/** The order itself, on the run's queue: one event through the state machine. */
export async function steerRunJob(runtime: Runtime, session: RepoSession, identity: AppIdentity, config: Config, pr: PullRequestInfo, input: SteerInput, signal: AbortSignal): Promise<void> {
  const respond = responder(runtime, session, input);
  const opened = await openRun({ session, runtime, identity, config }, pr);
  if (!opened) {
    await respond(pr.number, 'This pull request has no spec-automation run (no start commit on its branch).', 'confused');
    return;
  }
  const { store, state } = opened;
  const command = input.command;
  const at = new Date(runtime.deps.now()).toISOString();
  if (command.kind === 'status') {
    const last = [...state.attempts].reverse().find((a) => a.gates)?.gates;
    const lines = [
      `**${phaseLabel(state.phase)}**, ${state.iteration === 0 ? 'implementation' : `fix iteration ${state.iteration} of ${state.budget.maxIterations}`}.`,
      `Spent: ${state.ledger.turns} of ${state.budget.turns} turns, ${formatCount(totalTokens(state.ledger))} of ${formatCount(state.budget.tokens)} tokens, ${state.ledger.unpricedTurns ? 'cost unknown (the model has no price)' : spentOfBudget(state.ledger, state.budget)}.`,
      last ? `Last gates: ${describeGates(last)}.` : 'No gate results yet.',
      state.reason ? `Note: ${safeProse(state.reason, 800)}` : '',
    ].filter(Boolean);
    await respond(pr.number, lines.join('\n'), 'eyes');
    return;
  }
  if (command.kind !== 'retry' && command.kind !== 'cancel') return;
  const event =
    command.kind === 'cancel'
      ? { type: 'cancel' as const, at, by: input.by, deliveryId: input.deliveryId }
      : { type: 'retry' as const, at, by: input.by, target: command.target, deliveryId: input.deliveryId, ...(command.raise ? { raiseBudget: command.raise } : {}) };
  // The reaction says "taken" as soon as the order is saved, before a retry's agent works (minutes).
  const result = await advance(store, state, event, { signal, onApplied: () => respond(pr.number, undefined, '+1') });
  if (result.kind === 'not-applied') {
    const refused = result.transition.kind === 'refused';
    await respond(pr.number, `${refused ? 'Refused' : 'Nothing to do'}: ${safeProse(result.transition.reason, 600)}.`, refused ? '-1' : 'eyes');
  }
}
