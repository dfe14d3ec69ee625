/**
 * The configuration file of a checkout, read from the file system and validated: the
 * one prologue under the CLI's commands (src/cli/config-file.ts) and the action
 * (src/action/config.ts). Each entry decides which file it asks for and words a
 * missing one its own way (a usage error, an input error); the path diagnostics name
 * the file by and the validation, through the configuration cache when there is one,
 * are the same for all of them.
 *
 * Light to import: the YAML parser and the schema library load only when a text has to
 * be parsed (a fully cached `gates` run never validates anything).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CacheWriteError } from '../gates/cache.js';
import { cachedConfig, rememberConfig } from '../gates/config-cache.js';
import type { Config } from '../pipeline/config/schema.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { inRepository, normalizePrefix, pathWithin } from '../pipeline/repo-path.js';

/** A configuration file as read, before it is validated. */
export interface ConfigSource {
  /** Absolute path of the file asked for. */
  file: string;
  /** The path diagnostics name it by: see {@link shownConfigPath}. */
  shown: string;
  /** The file's text; undefined when there is no such file (the defaults apply). */
  text: string | undefined;
}

export type ConfigSourceRead = { ok: true; source: ConfigSource } | { ok: false; problem: 'directory'; file: string };

/** Where validated configurations are remembered (the repository's cache directory), and where a failed write is said. */
export interface ConfigCache {
  dir: string;
  writeFailed?: CacheWriteError;
}

export type ValidatedConfig = { ok: true; config: Config } | { ok: false; diagnostics: Diagnostic[] };

/** `file` relative to `root` with forward slashes, or as it is when it lies outside `root`. */
export function shownConfigPath(root: string, file: string): string {
  return pathWithin(root, file) || file;
}

/** Reads `file` (absolute) of the project at `root`; a missing file reads as no text. */
export function readConfigSource(root: string, file: string): ConfigSourceRead {
  let text: string | undefined;
  if (existsSync(file)) {
    if (!statSync(file).isFile()) return { ok: false, problem: 'directory', file };
    text = readFileSync(file, 'utf8');
  }
  return { ok: true, source: { file, shown: shownConfigPath(root, file), text } };
}

/**
 * Validates a configuration text with located diagnostics. With a cache, a text
 * validated before is read back from it instead (checked against the schema again),
 * and a newly validated one is remembered.
 *
 * @param pathPrefix where the project lies in the repository (the action's
 *   `working-directory`): the diagnostics' paths start with it, so they are
 *   repository-relative; their fingerprints are of the project's path
 */
export async function validateConfigSource(source: ConfigSource, cache?: ConfigCache, pathPrefix?: string): Promise<ValidatedConfig> {
  if (cache) {
    const cached = await cachedConfig(cache.dir, source.text);
    if (cached) return { ok: true, config: cached };
  }
  const { parseConfigText } = await import('../pipeline/config/load.js');
  const result = parseConfigText(source.text ?? '', source.shown);
  const prefix = normalizePrefix(pathPrefix);
  if (!result.ok) return { ok: false, diagnostics: prefix ? result.diagnostics.map((d) => ({ ...d, path: inRepository(prefix, d.path) })) : result.diagnostics };
  if (cache) await rememberConfig(cache.dir, source.text, result.config, cache.writeFailed);
  return { ok: true, config: result.config };
}
