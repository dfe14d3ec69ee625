/**
 * The configuration prologue the CLI's commands share: `--config FILE`, else
 * `<root>/.github/spec-automation.yml`, else the defaults; parsed and validated with
 * line-accurate diagnostics, which the command renders and stops on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseConfigText } from '../pipeline/config/load.js';
import { CONFIG_PATH, defaultConfig, type Config } from '../pipeline/config/schema.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { UsageError } from './usage.js';

export type ConfigFile =
  /** `shown`: the file as diagnostics name it; undefined when there is none (the defaults). */
  | { ok: true; config: Config; shown: string | undefined }
  | { ok: false; diagnostics: Diagnostic[]; text: string; shown: string };

/**
 * Reads the configuration of the project at `root`.
 * @param option `--config`, relative to `cwd`; a missing file named there is a {@link UsageError}
 */
export function readConfigFile(root: string, cwd: string, option?: string): ConfigFile {
  const file = option !== undefined ? resolve(cwd, option) : resolve(root, CONFIG_PATH);
  if (!existsSync(file)) {
    if (option !== undefined) throw new UsageError(`The configuration file ${option} does not exist.`);
    return { ok: true, config: defaultConfig(), shown: undefined };
  }
  const text = readFileSync(file, 'utf8');
  const rel = relative(root, file);
  const shown = rel.startsWith('..') || isAbsolute(rel) ? file : rel.split('\\').join('/');
  const result = parseConfigText(text, shown);
  return result.ok ? { ok: true, config: result.config, shown } : { ok: false, diagnostics: result.diagnostics, text, shown };
}
