/**
 * `spec-automation run`, start to end: options, checkout, configuration, spec, model,
 * branch, then the workflow driver over the local ports until the run is ready, needs a
 * human, or is interrupted; then the report. Every decision about the loop is the
 * workflow state machine's; this file sets the stage and reports.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { GitError, LocalGit, NotAGitCheckoutError } from '../../adapters/git/local-git.js';
import { SessionFormatError } from '../../adapters/anthropic/session-format.js';
import { LocalTree } from '../../adapters/workspace/local-tree.js';
import type { Clock } from '../../pipeline/agent/clock.js';
import { priceFor } from '../../pipeline/agent/usage.js';
import { parseConfigText } from '../../pipeline/config/load.js';
import { CONFIG_PATH } from '../../pipeline/config/path.js';
import type { Config } from '../../pipeline/config/schema.js';
import type { Diagnostic } from '../../pipeline/diagnostic.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import { budgetFromConfig } from '../../pipeline/workflow/bridge.js';
import type { RunnableSpec } from '../../pipeline/workflow/run-spec.js';
import { branchFor, docIdOf, planRunStart, runStartedEvent, type RunStartPlan } from '../../pipeline/workflow/start.js';
import { drive, resumeEffects, type DriveResult } from '../../pipeline/workflow/driver.js';
import { ACTIVE_PHASES, type WorkflowState } from '../../pipeline/workflow/state.js';
import { startRun, transition, type Effect } from '../../pipeline/workflow/transitions.js';
import { renderRunReportMarkdown, renderRunReportText, type RunEnding } from '../../reporting/run-report.js';
import { EXIT, type CliIO } from '../io.js';
import { scanCoverage } from './coverage.js';
import { SpecLoadError, type LoadedSpec, type SpecLoader } from './load-spec.js';
import { createLocalPorts, RunBlocked, RunInterrupted } from './local-ports.js';
import { chooseModel, hasApiKey, MissingKeyError, type ModelChoice } from './model.js';
import { parseRunOptions, UsageError, type RunOptions } from './options.js';
import { RunProgress } from './progress.js';
import { ensureIgnored, fileSafeId, REPORTS_DIR, StateFileError, StateStore, type PendingCommit, type RunRecord } from './state-store.js';
import { blockingChanges, dirtyTreeMessage } from './worktree.js';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

export interface RunDeps {
  /** Reads and validates the spec (the spec pipeline). */
  loadSpec: SpecLoader;
  /** The agent loop's clock (budgets, durations); default: the system clock. */
  clock?: Clock;
  /** Wall-clock time for the state's timestamps; default: now. */
  now?: () => Date;
}

/** A condition that ends the command before the loop starts, with its exit code. */
class Stop extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function formatDiagnostic(d: Diagnostic): string {
  const at = d.path ? `${d.path}:${d.range.start.line}${d.range.start.column ? `:${d.range.start.column}` : ''}` : '(config)';
  return `${at}  ${d.severity}  ${d.rule}  ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}`;
}

async function loadConfig(root: string): Promise<Config> {
  const file = join(root, ...CONFIG_PATH.split('/'));
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const result = parseConfigText(text, CONFIG_PATH);
  if (!result.ok) {
    throw new Stop(`${result.diagnostics.map(formatDiagnostic).join('\n')}\n\nThe configuration ${CONFIG_PATH} has errors; nothing was run.`, EXIT.error);
  }
  return result.config;
}

/** The spec's path relative to the project: given relative to it, or to the current directory. */
function specPathOf(root: string, cwd: string, given: string): string {
  const candidates = isAbsolute(given) ? [given] : [resolve(root, given), resolve(cwd, given)];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Stop(`The spec ${given} does not exist (looked in ${[...new Set(candidates)].join(' and ')}).`, EXIT.error);
  const rel = relative(root, found);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Stop(`The spec ${given} is outside the project directory ${root}; pass --cwd with the checkout it belongs to.`, EXIT.error);
  return toPosix(rel);
}

function whyNotExecutable(spec: ParsedSpec, config: Config): string {
  const status = spec.meta.status ?? 'none';
  if (!config.specs.executableStatuses.includes(status as never)) {
    return `${spec.path} has status "${spec.meta.statusRaw ?? status}"; the automation executes only specs whose status is ${config.specs.executableStatuses.join(' or ')} (specs.executableStatuses in ${CONFIG_PATH}). Set "status: approved" in its front matter once it is approved.`;
  }
  return `${spec.path} is not executable under the configured policy.`;
}

function resumeCommand(options: RunOptions, specPath: string): string {
  const parts = ['spec-automation', 'run', specPath, '--resume'];
  if (options.cwd) parts.push('--cwd', options.cwd);
  if (options.replay) parts.push('--replay', options.replay);
  if (options.only) parts.push('--only', options.only.join(','));
  const quote = (p: string) => (/^[\w./:@%+=,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  return parts.map(quote).join(' ');
}

function exitCodeOf(ending: RunEnding): number {
  if (ending === 'ready') return EXIT.ok;
  if (ending === 'interrupted') return EXIT_INTERRUPTED;
  return EXIT.findings;
}

/** A pending change set of the iteration the state is still in: its commit is not recorded yet. */
function isLivePending(state: WorkflowState, pending: PendingCommit | undefined): pending is PendingCommit {
  return pending !== undefined && pending.iteration === state.iteration && (state.phase === 'developing' || state.phase === 'fixing');
}

/**
 * Model calls the run has made so far: the ledger's turns, plus those of an iteration
 * whose change set is pending (its turns reach the ledger once its commit is recorded).
 */
function callsDone(state: WorkflowState, pending: PendingCommit | undefined): number {
  return state.ledger.turns + (isLivePending(state, pending) ? (pending.step.spent.turns ?? 0) : 0);
}

function gateNames(config: Config): string[] {
  return Object.entries(config.gates)
    .filter(([, g]) => g !== false && g.enabled)
    .map(([name]) => name);
}

interface Prepared {
  options: RunOptions;
  root: string;
  git: LocalGit;
  config: Config;
  spec: RunnableSpec;
  /** The spec with its bytes and text, as the agent gets it. */
  loaded: LoadedSpec;
  specPath: string;
  docId: string;
  branch: string;
  store: StateStore;
  saved: RunRecord | undefined;
}

async function prepare(args: readonly string[], io: CliIO, deps: RunDeps): Promise<Prepared> {
  let options: RunOptions;
  try {
    options = parseRunOptions(args);
  } catch (error) {
    if (error instanceof UsageError) throw new Stop(`${error.message}\nRun \`spec-automation run --help\` for the options.`, EXIT.error);
    throw error;
  }
  const dir = resolve(io.cwd, options.cwd ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Stop(`The project directory ${options.cwd ?? dir} does not exist.`, EXIT.error);
  const root = await realpath(dir);
  let git: LocalGit;
  try {
    git = await LocalGit.open(root, io.env);
  } catch (error) {
    if (error instanceof NotAGitCheckoutError) throw new Stop(error.message, EXIT.error);
    throw error;
  }
  const config = await loadConfig(root);
  if (options.maxIterations !== undefined) config.agent = { ...config.agent, maxIterations: options.maxIterations };
  if (options.only) {
    const known = gateNames(config);
    const unknown = options.only.filter((g) => !known.includes(g));
    if (unknown.length > 0) throw new Stop(`--only names gate${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} that ${CONFIG_PATH} does not enable; enabled gates: ${known.join(', ') || '(none)'}.`, EXIT.error);
  }
  if (!priceFor(config.agent.model, config.agent.prices)) {
    throw new Stop(`No price for model "${config.agent.model}" in agent.prices of ${CONFIG_PATH}, so the cost budget cannot be enforced. Add one: prices: { "${config.agent.model}": { input, output, cacheWrite, cacheRead } } in USD per million tokens.`, EXIT.error);
  }

  const specPath = specPathOf(root, io.cwd, options.spec);
  let loaded;
  try {
    loaded = await deps.loadSpec({ root, path: specPath, config });
  } catch (error) {
    if (error instanceof SpecLoadError) throw new Stop(error.message, EXIT.error);
    throw error;
  }
  const { spec } = loaded;
  const errors = spec.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new Stop(
      `${spec.diagnostics.map(formatDiagnostic).join('\n')}\n\n${specPath} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before the agent can implement it (\`spec-automation validate ${specPath}\` checks again).`,
      EXIT.findings,
    );
  }
  if (spec.type === undefined) throw new Stop(`The type of ${specPath} could not be determined; set "type:" in its front matter (prd, functional-spec, technical-spec or sprint-change-proposal).`, EXIT.findings);
  if (!spec.executable) throw new Stop(whyNotExecutable(spec, config), EXIT.findings);
  const runnable: RunnableSpec = { ...spec, type: spec.type };

  const docId = docIdOf(runnable);
  const branch = branchFor(runnable, config);
  if (!(await git.isValidBranchName(branch))) throw new Stop(`"${branch}" is not a valid branch name; check app.branchPrefix in ${CONFIG_PATH} and the spec's id.`, EXIT.error);
  const store = new StateStore(root, docId);
  let saved: RunRecord | undefined;
  try {
    saved = await store.load();
  } catch (error) {
    if (error instanceof StateFileError) throw new Stop(error.message, EXIT.error);
    throw error;
  }
  return { options, root, git, config, spec: runnable, loaded: { ...loaded, spec: runnable }, specPath, docId, branch, store, saved };
}

function planText(p: Prepared, plan: RunStartPlan, model: string, dirty: string | undefined, branchState: string): string {
  const c = p.config;
  const { changeSet, requirements } = plan.pullRequest;
  const req = changeSet ? [...changeSet.added.map((id) => `+${id}`), ...changeSet.modified.map((id) => `~${id}`), ...changeSet.removed.map((id) => `-${id}`)] : requirements.map((r) => r.id);
  const lines = [
    `Plan for ${p.specPath} (dry run: nothing was changed)`,
    `  spec        ${p.docId}: ${p.spec.title} (${p.spec.type}, status ${p.spec.meta.status ?? 'none'})`,
    `  requirements ${req.length > 0 ? req.join(', ') : '(none extracted)'}`,
    `  branch      ${p.branch} (${branchState})`,
    `  model       ${model}`,
    `  iterations  1 implementation + up to ${plan.budget.maxIterations} fixes`,
    `  budgets     ${plan.budget.turns} turns, ${plan.budget.tokens.toLocaleString('en-US')} tokens, $${plan.budget.costUsd}, ${c.agent.budgets.wallMinutes} min`,
    `  commits     "${plan.startCommitMessage.split('\n', 1)[0]}" (empty, names the spec), then one per iteration`,
    `  gates       ${(p.options.only ?? gateNames(c)).join(', ') || '(none)'}${c.python ? ` (python ${c.python})` : ''}`,
    `  state       ${relative(p.root, p.store.statePath)}${p.saved ? ` (a saved run in phase ${p.saved.state.phase})` : ''}`,
  ];
  if (dirty) lines.push('', `! ${dirty.split('\n')[0]}`);
  return `${lines.join('\n')}\n`;
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

/** What a saved run still owes when resumed, or why it cannot continue. */
function resumePlan(record: RunRecord, config: Config, at: string): { state: WorkflowState; effects: Effect[]; saveFirst: boolean } | { done: RunEnding; message: string } {
  const state = record.state;
  if (ACTIVE_PHASES.includes(state.phase)) return { state, effects: resumeEffects(state), saveFirst: false };
  if (state.phase === 'ready') return { done: 'ready', message: `The run of ${state.spec.id} is already finished: every gate passed on ${state.headSha?.slice(0, 7)}.` };
  // needs-human, failed, cancelled: one more try with the budget as configured now.
  const last = state.attempts[state.attempts.length - 1];
  const target = last?.gates?.conclusion === 'error' ? 'qa' : 'dev';
  const t = transition(state, { type: 'retry', at, target, by: 'local user', raiseBudget: budgetFromConfig(config.agent) });
  if (t.kind !== 'applied') {
    return { done: state.phase, message: `The run stopped in phase ${state.phase} (${state.reason ?? 'no reason recorded'}) and cannot continue: ${t.reason}. Raise the budget (--max-iterations, agent.budgets in ${CONFIG_PATH}) and resume again.` };
  }
  return { state: t.state, effects: t.effects, saveFirst: true };
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
  const price = priceFor(config.agent.model, config.agent.prices);
  const progress = new RunProgress(io.stderr, { interactive: io.liveStderr, color: io.stderrColor, columns: io.columns, ...(price ? { price } : {}) });

  const dirtyEntries = await blockingChanges(git, root);
  const pending = await store.loadPending().catch(() => undefined);
  const dirty = dirtyEntries.length > 0 ? dirtyTreeMessage(dirtyEntries) : undefined;

  if (options.dryRun) {
    const model = options.replay ? `replay ${options.replay}` : hasApiKey(io.env) ? `live (${config.agent.model}, ANTHROPIC_API_KEY set)` : `${config.agent.model}, but ANTHROPIC_API_KEY is not set: the run would stop (set it, or use --replay FILE)`;
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
    if (error instanceof MissingKeyError || error instanceof SessionFormatError) {
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

  // Ctrl-C: the first stops after the current step with the state saved; the second stops at once.
  const controller = new AbortController();
  const onAbort = () => {
    if (!controller.signal.aborted) progress.warn('Stopping after the current step (the state is saved after every step); press Ctrl-C again to stop at once.');
    controller.abort();
  };
  if (io.signal?.aborted) controller.abort();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  let presses = 0;
  const onSigint = () => {
    presses += 1;
    if (presses === 1) return onAbort();
    io.stderr.write(`\nStopped at once. The last completed step is saved in ${store.statePath}; continue with: ${resumeCommand(options, p.specPath)}\n`);
    process.exit(EXIT_INTERRUPTED);
  };
  if (!io.signal) process.on('SIGINT', onSigint);

  try {
    return await execute(p, io, deps, progress, model, controller.signal, now);
  } catch (error) {
    progress.stop();
    if (error instanceof RunBlocked || error instanceof GitError) {
      io.stderr.write(`${error.message}\nThe run's state is kept in ${store.statePath}; once the cause is fixed, continue with: ${resumeCommand(options, p.specPath)}\n`);
      return EXIT.error;
    }
    throw error;
  } finally {
    progress.stop();
    if (!io.signal) process.off('SIGINT', onSigint);
    io.signal?.removeEventListener('abort', onAbort);
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

  // The report: coverage over the test files, with what the run changed marked.
  const changed = await git.changedSince(state.baseSha).catch(() => [] as string[]);
  const coverage = await scanCoverage(root, spec, { traceability: config.traceability, changedFiles: changed });
  const commits = await git.commitsSince(state.baseSha).catch(() => []);
  const canContinue = ending !== 'ready';
  const input = {
    state,
    ending,
    gateHistory: record.gateHistory,
    coverage,
    modelSource: model.source,
    commits,
    statePath: toPosix(relative(root, store.statePath)),
    ...(canContinue ? { resumeCommand: resumeCommand(options, p.specPath) } : {}),
  };
  const reportPath = options.report ? resolve(io.cwd, options.report) : join(root, ...REPORTS_DIR.split('/'), `${fileSafeId(p.docId)}.md`);
  if (!options.report) await ensureIgnored(dirname(reportPath));
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, renderRunReportMarkdown(input), 'utf8');

  io.stdout.write(`\n${renderRunReportText(input, { color: io.stdoutColor })}`);
  io.stdout.write(`\nReport: ${toPosix(relative(io.cwd, reportPath)) || reportPath}\n`);
  if (ending === 'interrupted') io.stdout.write(`Interrupted; nothing is lost. Continue with: ${resumeCommand(options, p.specPath)}\n`);
  if (ending === 'ready' && model.replay && model.replay.remaining > 0) {
    progress.note(`note: the replayed session has ${model.replay.remaining} exchange(s) the run did not need`);
  }
  return exitCodeOf(ending);
}
