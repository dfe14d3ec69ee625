/**
 * The prologue of `spec-automation run`: options, the checkout, the configuration and the
 * spec (validated, and refused with the reason when it may not run), the run's id and
 * branch, and any saved run. A condition that ends the command before the loop starts is
 * a {@link Stop} with its exit code.
 */
import { existsSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { LocalGit, NotAGitCheckoutError } from '../../adapters/git/local-git.js';
import { readConfigFile } from '../config-file.js';
import { CONFIG_PATH } from '../../pipeline/config/path.js';
import type { Config } from '../../pipeline/config/schema.js';
import type { Diagnostic } from '../../pipeline/diagnostic.js';
import { Redactor } from '../../pipeline/redact.js';
import { pathWithin } from '../../pipeline/repo-path.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import type { RunnableSpec } from '../../pipeline/workflow/run-spec.js';
import { branchFor, docIdOf } from '../../pipeline/workflow/start.js';
import { EXIT, type CliIO } from '../io.js';
import { SpecLoadError, type LoadedSpec, type SpecLoader } from './load-spec.js';
import { parseRunOptions, UsageError, type RunOptions } from './options.js';
import { StateFileError, StateStore, type RunRecord } from './state-store.js';

export /** A condition that ends the command before the loop starts, with its exit code. */
class Stop extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function formatDiagnostic(d: Diagnostic): string {
  const at = d.path ? `${d.path}:${d.range.start.line}${d.range.start.column ? `:${d.range.start.column}` : ''}` : '(config)';
  return `${at}  ${d.severity}  ${d.rule}  ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ''}`;
}

/** The shared configuration prologue (../config-file.ts), its errors a {@link Stop}. */
async function loadConfig(root: string): Promise<Config> {
  const loaded = await readConfigFile(root, root);
  if (!loaded.ok) throw new Stop(`${loaded.diagnostics.map(formatDiagnostic).join('\n')}\n\nThe configuration ${loaded.shown} has errors; nothing was run.`, EXIT.error);
  return loaded.config;
}

/** The spec's path relative to the project: given relative to it, or to the current directory. */
function specPathOf(root: string, cwd: string, given: string): string {
  const candidates = isAbsolute(given) ? [given] : [resolve(root, given), resolve(cwd, given)];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Stop(`The spec ${given} does not exist (looked in ${[...new Set(candidates)].join(' and ')}).`, EXIT.error);
  const rel = pathWithin(root, found);
  if (!rel) throw new Stop(`The spec ${given} is outside the project directory ${root}; pass --cwd with the checkout it belongs to.`, EXIT.error);
  return rel;
}

function whyNotExecutable(spec: ParsedSpec, config: Config): string {
  const status = spec.meta.status ?? 'none';
  if (!config.specs.executableStatuses.includes(status as never)) {
    return `${spec.path} has status "${spec.meta.statusRaw ?? status}"; the automation executes only specs whose status is ${config.specs.executableStatuses.join(' or ')} (specs.executableStatuses in ${CONFIG_PATH}). Set "status: approved" in its front matter once it is approved.`;
  }
  return `${spec.path} is not executable under the configured policy.`;
}

export function gateNames(config: Config): string[] {
  return Object.entries(config.gates)
    .filter(([, g]) => g !== false && g.enabled)
    .map(([name]) => name);
}

export interface Prepared {
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

export async function prepare(args: readonly string[], io: CliIO, deps: { loadSpec: SpecLoader }): Promise<Prepared> {
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
  // A model without a price runs with its cost unknown (the token budget holds); a configured cost budget on one is a configuration error.

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
  const store = new StateStore(root, docId, Redactor.fromEnv(io.env));
  let saved: RunRecord | undefined;
  try {
    saved = await store.load();
  } catch (error) {
    if (error instanceof StateFileError) throw new Stop(error.message, EXIT.error);
    throw error;
  }
  return { options, root, git, config, spec: runnable, loaded: { ...loaded, spec: runnable }, specPath, docId, branch, store, saved };
}
