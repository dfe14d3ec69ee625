/**
 * The start the CLI's project commands (`gates`, `validate`, `status`) share: the options
 * parsed, the project directory found (`--cwd`, else the current one), the configuration
 * read (./config-file.ts). Whatever stops a command here is written to stderr the same
 * way for each, `spec-automation <command>: …`, and the command exits 2.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConfigCache } from '../adapters/config-file.js';
import type { Config } from '../pipeline/config/schema.js';
import { renderDiagnostics } from '../reporting/text/diagnostics.js';
import { readConfigFile } from './config-file.js';
import type { CliIO } from './io.js';
import { UsageError, usageFailure } from './usage.js';

/**
 * `parse(args)`, or undefined after writing the usage error (the problem, then where the
 * options are).
 */
export function parseCommandOptions<O>(command: string, args: string[], io: CliIO, parse: (args: string[]) => O): O | undefined {
  try {
    return parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(usageFailure(command, error));
    return undefined;
  }
}

export interface Project {
  /** The project directory, absolute. */
  root: string;
  config: Config;
  /** The configuration file as diagnostics name it; undefined when the defaults apply. */
  shown: string | undefined;
}

export interface ProjectOptions {
  /** What the command does not do when the configuration has errors: `nothing was checked`. */
  stopped: string;
  /** The configuration cache of the project at `root`, for the commands that keep one. */
  cache?: (root: string) => ConfigCache;
}

/**
 * The project at `--cwd` and its configuration (`--config`), or undefined after writing
 * why there is none: the directory does not exist, `--config` names no file, or the
 * configuration has errors (rendered with their lines, then what was not done).
 */
export async function openProject(command: string, io: CliIO, flags: { cwd?: string; config?: string }, options: ProjectOptions): Promise<Project | undefined> {
  const root = resolve(io.cwd, flags.cwd ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.stderr.write(`spec-automation ${command}: the directory ${flags.cwd ?? root} does not exist.\n`);
    return undefined;
  }
  let loaded;
  try {
    loaded = await readConfigFile(root, io.cwd, flags.config, options.cache?.(root));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`spec-automation ${command}: ${error.message}\n`);
    return undefined;
  }
  if (!loaded.ok) {
    io.stderr.write(renderDiagnostics(loaded.diagnostics, { sources: { [loaded.shown]: loaded.text }, color: io.stderrColor }));
    io.stderr.write(`spec-automation ${command}: the configuration ${loaded.shown} has errors; ${options.stopped}.\n`);
    return undefined;
  }
  return { root, config: loaded.config, shown: loaded.shown };
}
