/**
 * `spec-automation run`, start to end: the prologue (./prepare.ts), the dry run
 * (./dry-run.ts), which run (new or resumed, ./resume.ts), model, branch and start
 * commit, then the workflow driver over the local ports until the run is ready, needs a
 * human, or is interrupted (Ctrl-C: ./interrupt.ts); then the report (./report.ts).
 * Every decision about the loop is the workflow state machine's.
 */
import { resolve } from 'node:path';
import { GitError, type LocalGit } from '../../adapters/git/local-git.js';
import { SessionFormatError } from '../../adapters/anthropic/session-format.js';
import { LocalTree } from '../../adapters/workspace/local-tree.js';
import type { Clock } from '../../pipeline/agent/clock.js';
import { priceFor, pricesOf } from '../../pipeline/agent/usage.js';
import { MissingCredentialsError } from '../../pipeline/errors.js';
import { planRunStart, runStartedEvent } from '../../pipeline/workflow/start.js';
import { drive, type DriveResult } from '../../pipeline/workflow/driver.js';
import { ACTIVE_PHASES, type WorkflowState } from '../../pipeline/workflow/state.js';
import { startRun, type Effect } from '../../pipeline/workflow/transitions.js';
import type { RunEnding } from '../../reporting/run-report.js';
import { EXIT, type CliIO } from '../io.js';
import { planText } from './dry-run.js';
import { onInterrupt } from './interrupt.js';
import type { SpecLoader } from './load-spec.js';
import { createLocalPorts, RunBlocked, RunInterrupted } from './local-ports.js';
import { chooseModel, modelCredentials, type ModelChoice } from './model.js';
import { prepare, Stop, type Prepared } from './prepare.js';
import { restoreScratch } from './self-check.js';
import { RunProgress } from './progress.js';
import { exitCodeOf, reportRun } from './report.js';
import { callsDone, isLivePending, resumeCommand, resumePlan } from './resume.js';
import { StateFileError, type RunRecord } from './state-store.js';
import { blockingChanges, dirtyTreeMessage } from './worktree.js';

export { EXIT_INTERRUPTED } from './report.js';

export interface RunDeps {
  /** Reads and validates the spec (the spec pipeline). */
  loadSpec: SpecLoader;
  /** The agent loop's clock (budgets, durations); default: the system clock. */
  clock?: Clock;
  /** Wall-clock time for the state's timestamps; default: now. */
  now?: () => Date;
}

/** Puts the checkout on the run's branch: reuse it when it exists, else create it at HEAD. */
async function onBranch(git: LocalGit, branch: string, progress: RunProgress): Promise<void> {
  const current = await git.currentBranch();
  if (current === branch) {
    progress.note(`on branch ${branch}`);
    return;
  }
  if (await git.branchExists(branch)) {
    await git.switchBranch(branch);
    progress.note(`switched to the existing branch ${branch}`);
  } else {
    await git.createBranch(branch);
    progress.note(`created branch ${branch} from ${current ?? 'HEAD'}`);
  }
}

/** Runs `spec-automation run` with `args`; returns the exit code. */
export async function runSpec(args: readonly string[], io: CliIO, deps: RunDeps): Promise<number> {
  let p: Prepared;
  try {
    p = await prepare(args, io, deps);
  } catch (error) {
    if (error instanceof Stop) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  const { options, git, config, store, root } = p;
  const now = deps.now ?? (() => new Date());
  const price = priceFor(config.agent.model, pricesOf(config.agent));
  const progress = new RunProgress(io.stderr, { interactive: io.liveStderr, color: io.stderrColor, columns: io.columns, ...(price ? { price } : {}) });

  // A run_gates call that a crash cut short left the agent's files in the tree: put back what was there.
  const leftover = await store.loadScratch().catch(() => undefined);
  if (leftover && !options.dryRun) {
    const kept = await restoreScratch(root, leftover, true);
    await store.clearScratch();
    progress.note(`put back ${leftover.originals.length - kept.length} file(s) the agent's last run_gates call had written into the working tree${kept.length > 0 ? `; left as they are, since they changed since: ${kept.join(', ')}` : ''}`);
  }
  const dirtyEntries = await blockingChanges(git, root);
  const pending = await store.loadPending().catch(() => undefined);
  const dirty = dirtyEntries.length > 0 ? dirtyTreeMessage(dirtyEntries) : undefined;

  if (options.dryRun) {
    const check = modelCredentials(io.env, config.agent);
    const model = options.replay ? `replay ${options.replay}` : check.ok ? `live (${config.agent.model}, ${check.description})` : `${config.agent.model}, but the run would stop: ${check.message} (or use --replay FILE)`;
    const branchState = (await git.currentBranch()) === p.branch ? 'current branch, reused' : (await git.branchExists(p.branch)) ? 'exists, reused' : 'created from HEAD';
    io.stdout.write(planText(p, planRunStart(p.spec, config, (await git.headSha()) ?? ''), model, dirty, branchState));
    return EXIT.ok;
  }

  // Which run: a new one, or the saved one continued.
  if (options.resume && !p.saved) {
    io.stderr.write(`There is no saved run of ${p.docId} to resume (${store.statePath} does not exist). Start one without --resume.\n`);
    return EXIT.error;
  }
  if (!options.resume && p.saved && ACTIVE_PHASES.includes(p.saved.state.phase)) {
    io.stderr.write(
      `A run of ${p.docId} stopped in phase ${p.saved.state.phase} (iteration ${p.saved.state.iteration + 1}) and can continue: add --resume.\nTo start over instead, delete ${store.statePath} (the branch ${p.saved.state.branch} and its commits stay).\n`,
    );
    return EXIT.error;
  }
  // A pending change set is checked file by file when the iteration resumes; anything else in the way stops here.
  if (dirty && !(options.resume && p.saved && isLivePending(p.saved.state, pending))) {
    io.stderr.write(`${dirty}\n`);
    return EXIT.error;
  }

  let model: ModelChoice;
  try {
    model = await chooseModel({
      agent: config.agent,
      env: io.env,
      ...(options.replay ? { replay: resolve(io.cwd, options.replay), replayLabel: options.replay } : {}),
      ...(options.record ? { record: resolve(io.cwd, options.record) } : {}),
      callsDone: options.resume && p.saved ? callsDone(p.saved.state, pending) : 0,
    });
  } catch (error) {
    if (error instanceof MissingCredentialsError || error instanceof SessionFormatError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.error;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr.write(`The session file ${options.replay} does not exist.\n`);
      return EXIT.error;
    }
    throw error;
  }

  let release: () => Promise<void>;
  try {
    release = await store.acquireLock();
  } catch (error) {
    if (error instanceof StateFileError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.error;
    }
    throw error;
  }

  const interrupt = onInterrupt(io, progress, () => `\nStopped at once. The last completed step is saved in ${store.statePath}; continue with: ${resumeCommand(options, p.specPath)}\n`);
  try {
    return await execute(p, io, deps, progress, model, interrupt.signal, now);
  } catch (error) {
    progress.stop();
    if (error instanceof RunBlocked || error instanceof GitError) {
      io.stderr.write(`${error.message}\nThe run's state is kept in ${store.statePath}; once the cause is fixed, continue with: ${resumeCommand(options, p.specPath)}\n`);
      return EXIT.error;
    }
    throw error;
  } finally {
    progress.stop();
    interrupt.dispose();
    await release();
  }
}

async function execute(p: Prepared, io: CliIO, deps: RunDeps, progress: RunProgress, model: ModelChoice, signal: AbortSignal, now: () => Date): Promise<number> {
  const { options, git, config, store, root, spec } = p;
  const startedAtMs = (deps.clock ?? { now: () => Date.now() }).now();
  const at = now().toISOString();
  let record: RunRecord;
  let effects: Effect[];

  progress.line(`spec-automation run ${p.specPath}: ${p.docId} (${spec.type}), model ${model.source}`);
  if (options.resume && p.saved) {
    const plan = resumePlan(p.saved, config, at);
    if ('done' in plan) {
      io.stderr.write(`${plan.message}\n`);
      return exitCodeOf(plan.done);
    }
    if (p.saved.state.spec.contentHash !== spec.contentHash) progress.warn(`${p.specPath} changed since the run started; the agent works from its current text.`);
    if ((await git.currentBranch()) !== plan.state.branch) {
      if (!(await git.branchExists(plan.state.branch))) {
        io.stderr.write(`The run's branch ${plan.state.branch} no longer exists; delete ${store.statePath} to start over.\n`);
        return EXIT.error;
      }
      await git.switchBranch(plan.state.branch);
      progress.note(`switched to ${plan.state.branch}`);
    }
    record = { ...p.saved, state: plan.state, modelSource: model.source };
    effects = plan.effects;
    progress.line(`resuming in phase ${plan.state.phase}, iteration ${plan.state.iteration + 1}: ${effects.map((e) => e.type).join(', ') || 'nothing left to do'}`);
    if (plan.saveFirst) await store.save(record);
  } else {
    if (p.saved) progress.note(`the earlier run of ${p.docId} (phase ${p.saved.state.phase}) is replaced by this one`);
    await store.clearPending();
    await onBranch(git, p.branch, progress);
    const baseSha = await git.headSha();
    if (!baseSha) {
      io.stderr.write(`The checkout has no commit yet; commit your files first (the agent's commits go on top of it).\n`);
      return EXIT.error;
    }
    // The same start as the app's: an empty commit naming the spec in its trailers, then the agent's commits.
    const plan = planRunStart(spec, config, baseSha);
    const startSha = await git.commitEmpty(plan.startCommitMessage);
    progress.note(`started the run with ${startSha.slice(0, 7)} on ${baseSha.slice(0, 7)}`);
    const t = startRun(runStartedEvent(plan, at));
    if (t.kind !== 'applied') throw new Error(`startRun refused a fresh run: ${t.reason}`);
    record = { format: 1, state: t.state, gateHistory: [], repoFiles: await (await LocalTree.open(root)).listFiles(), modelSource: model.source };
    effects = t.effects;
    await store.save(record);
  }

  const ports = createLocalPorts({
    root,
    git,
    config,
    spec: p.loaded,
    model: progress.watch(model.port),
    store,
    record,
    progress,
    gates: { noCache: options.noCache, env: io.env, ...(options.only ? { only: options.only } : {}) },
    runGatesTool: options.noRunGates !== true,
    signal,
    startedAtMs,
    ...(deps.clock ? { clock: deps.clock } : {}),
    now,
  });

  let result: DriveResult | { kind: 'interrupted'; state: WorkflowState };
  try {
    result = await drive(record.state, effects, ports, signal);
  } catch (error) {
    if (!(error instanceof RunInterrupted)) throw error;
    result = { kind: 'interrupted', state: record.state };
  }
  progress.stop();
  const ending: RunEnding = result.kind === 'done' ? result.state.phase : 'interrupted';
  const state = result.state;

  return reportRun({ options, root, git, config, spec, specPath: p.specPath, docId: p.docId, store, record, model, progress, state, ending }, io);
}
