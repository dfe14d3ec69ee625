/**
 * The action's configuration: `.github/spec-automation.yml` (or the `config` input) from
 * the checkout, validated with located errors, then the inputs that override it
 * (`python`, `cache`, `fail-on`). A text validated before comes from the gates' config
 * cache, so a warm run loads neither the YAML parser nor the schema library.
 */
import { resolve } from 'node:path';
import { readConfigSource, validateConfigSource } from '../adapters/config-file.js';
import type { CacheWriteError } from '../gates/cache.js';
import type { Config } from '../pipeline/config/schema.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { SpecAutomationError } from '../pipeline/errors.js';
import type { ActionInputs } from './inputs.js';
import { InputError } from './inputs.js';

/** The configuration file has errors; each is a located diagnostic (at a repository-relative path). */
export class ConfigError extends SpecAutomationError {
  constructor(
    readonly file: string,
    readonly diagnostics: Diagnostic[],
  ) {
    const first = diagnostics[0];
    // The file as the project names it; the diagnostics' paths are the repository's.
    const where = first ? `${file}:${first.range.start.line}: ${first.message}` : file;
    super(`The configuration ${file} has ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'} (first: ${where}). Fix it; no gate was run.`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: Config;
  /** Path of the file read relative to the project root, or undefined when the defaults were used. */
  file: string | undefined;
}

/** Applies the inputs that override configuration keys, on a copy. */
export function applyInputOverrides(config: Config, inputs: Pick<ActionInputs, 'python' | 'cache' | 'failOn'>): Config {
  const next: Config = { ...config, cache: { ...config.cache } };
  if (inputs.python) next.python = inputs.python;
  if (!inputs.cache) next.cache.enabled = false;
  // `never` keeps the gates' own verdicts (check runs still fail); it only spares the step.
  if (inputs.failOn === 'error' || inputs.failOn === 'warning') next.failOn = inputs.failOn;
  return next;
}

/**
 * Reads and validates the configuration.
 *
 * @param root the working directory (project root)
 * @param inputs the `config` input and the overriding inputs
 * @param cache the repository's cache directory (outside the checkout) and where a failed write is said
 * @param pathPrefix where `root` lies in the repository (`working-directory`): the paths of a ConfigError's diagnostics start with it
 * @throws InputError when an explicitly named config file does not exist
 * @throws ConfigError when the file has errors
 */
export async function loadActionConfig(
  root: string,
  inputs: Pick<ActionInputs, 'config' | 'configExplicit' | 'python' | 'cache' | 'failOn'>,
  cache: { dir: string; writeFailed?: CacheWriteError },
  pathPrefix = '',
): Promise<LoadedConfig> {
  const read = readConfigSource(root, resolve(root, inputs.config));
  if (!read.ok) throw new InputError('config', `${inputs.config} is a directory, not a configuration file.`);
  const { source } = read;
  if (source.text === undefined && inputs.configExplicit) {
    throw new InputError('config', `the file ${inputs.config} does not exist (looked in ${root}). Fix the path, or leave the input out to use ${'.github/spec-automation.yml'} or the defaults.`);
  }
  const result = await validateConfigSource(source, cache, pathPrefix);
  if (!result.ok) throw new ConfigError(source.shown, result.diagnostics);
  return { config: applyInputOverrides(result.config, inputs), file: source.text === undefined ? undefined : source.shown };
}
