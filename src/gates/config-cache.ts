/**
 * The validated configuration, remembered by the exact text it came from. Validating
 * means loading the YAML parser and the schema library, which costs more than the rest
 * of a fully cached gates run together; the same text with the same schema always gives
 * the same result, so a cached run reads the stored result instead.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../pipeline/config/schema.js';
import { CACHE_DIR, ensureCacheDir } from './cache.js';

/** The schema's own source: a new version of the schema must never meet an old entry. */
async function schemaIdentity(): Promise<string> {
  for (const candidate of ['../pipeline/config/schema.js', '../pipeline/config/schema.ts']) {
    try {
      return createHash('sha256').update(await readFile(new URL(candidate, import.meta.url))).digest('hex');
    } catch {
      // Compiled (lib/) or source (tests): one of the two exists.
    }
  }
  return 'unknown-schema';
}

async function entryFile(root: string, text: string | undefined): Promise<string> {
  const key = createHash('sha256')
    .update(await schemaIdentity())
    .update('\0')
    .update(text ?? '\0no config file')
    .digest('hex');
  return join(root, CACHE_DIR, 'config', `${key.slice(0, 40)}.json`);
}

/** The configuration validated earlier from this exact text (undefined: no config file). */
export async function cachedConfig(root: string, text: string | undefined): Promise<Config | undefined> {
  try {
    return JSON.parse(await readFile(await entryFile(root, text), 'utf8')) as Config;
  } catch {
    return undefined;
  }
}

/** Remembers a successfully validated configuration (only when it allows caching). */
export async function rememberConfig(root: string, text: string | undefined, config: Config): Promise<void> {
  if (!config.cache.enabled) return;
  try {
    const file = await entryFile(root, text);
    await ensureCacheDir(root, join(file, '..'));
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(config));
    await rename(temp, file);
  } catch {
    // Only an optimisation.
  }
}
