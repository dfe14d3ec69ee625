/**
 * The repository's `.github/spec-automation.yml`, read from the default branch (so a
 * branch or a fork cannot change what the app does) through the contents API as text,
 * so configuration errors keep their line numbers for the validate check run.
 */
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { parseConfigText } from '../pipeline/config/load.js';
import { CONFIG_PATH, defaultConfig, type Config } from '../pipeline/config/schema.js';
import { readRepoFile } from '../github/repo-files.js';
import type { GitHubClient, RepoRef } from '../github/types.js';

export type RepoConfig = { ok: true; config: Config; diagnostics: Diagnostic[]; found: boolean } | { ok: false; diagnostics: Diagnostic[] };

export async function loadRepoConfig(client: GitHubClient, repo: RepoRef): Promise<RepoConfig> {
  const file = await readRepoFile(client, repo, CONFIG_PATH);
  if (!file) return { ok: true, config: defaultConfig(), diagnostics: [], found: false };
  const result = parseConfigText(file.text, CONFIG_PATH);
  return result.ok ? { ...result, found: true } : result;
}
