/**
 * Where the gates keep their caches: never inside the checkout, whose files a pull
 * request controls (a forged entry there once turned a failing test suite green).
 *
 * - In a GitHub Actions job: `$RUNNER_TEMP/spec-automation/cache`, emptied with the job;
 *   persist it with `actions/cache`, whose scoping keeps a pull request's entries from
 *   its base branch.
 * - Elsewhere: the user cache directory — `%LOCALAPPDATA%` on Windows,
 *   `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` (default `~/.cache`) otherwise.
 *
 * Under that base, one directory per repository (the real path of its root), so two
 * checkouts never answer each other's gates.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';

/** The base directory of every spec-automation cache on this machine (or job). */
export function cacheBase(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  if (env.GITHUB_ACTIONS === 'true' && env.RUNNER_TEMP && isAbsolute(env.RUNNER_TEMP)) return join(env.RUNNER_TEMP, 'spec-automation', 'cache');
  const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) || homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : join(home, 'AppData', 'Local'), 'spec-automation', 'cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'spec-automation');
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home, '.cache'), 'spec-automation');
}

function realRoot(root: string): string {
  try {
    return realpathSync.native(root);
  } catch {
    return resolve(root);
  }
}

/**
 * The cache directory of one repository: `<base>/repos/<name>-<hash of its real path>`.
 * The name is only for people looking at the directory; the hash is the key.
 */
export function repositoryCacheDir(root: string, env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  const real = realRoot(root);
  const key = createHash('sha256').update(platform === 'win32' ? real.toLowerCase() : real).digest('hex').slice(0, 16);
  const name = basename(real).replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'root';
  return join(cacheBase(env, platform), 'repos', `${name}-${key}`);
}
