/**
 * The configuration prologue the CLI's commands share: `--config FILE`, else
 * `<root>/.github/spec-automation.yml`, else the defaults; parsed and validated with
 * line-accurate diagnostics, which the command renders and stops on. Reading and
 * validating are the action's too (src/adapters/config-file.ts); `gates` passes the
 * configuration cache, so a text validated before loads neither YAML nor the schema.
 */
import { resolve } from 'node:path';
import { readConfigSource, validateConfigSource, type ConfigCache } from '../adapters/config-file.js';
import { CONFIG_PATH } from '../pipeline/config/path.js';
import type { Config } from '../pipeline/config/schema.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { UsageError } from './usage.js';

export type ConfigFile =
  /** `shown`: the file as diagnostics name it; undefined when there is none (the defaults). */
  | { ok: true; config: Config; shown: string | undefined }
  | { ok: false; diagnostics: Diagnostic[]; text: string; shown: string };

/**
 * Reads the configuration of the project at `root`.
 * @param option `--config`, relative to `cwd`; a missing file named there, or a directory, is a {@link UsageError}
 * @param cache the configuration cache, for the commands that keep one (`gates`)
 */
export async function readConfigFile(root: string, cwd: string, option?: string, cache?: ConfigCache): Promise<ConfigFile> {
  const read = readConfigSource(root, option !== undefined ? resolve(cwd, option) : resolve(root, CONFIG_PATH));
  if (!read.ok) throw new UsageError(`The configuration file ${option ?? CONFIG_PATH} is a directory, not a file.`);
  const { source } = read;
  if (source.text === undefined && option !== undefined) throw new UsageError(`The configuration file ${option} does not exist.`);
  const result = await validateConfigSource(source, cache);
  const shown = source.text === undefined ? undefined : source.shown;
  return result.ok ? { ok: true, config: result.config, shown } : { ok: false, diagnostics: result.diagnostics, text: source.text ?? '', shown: source.shown };
}
