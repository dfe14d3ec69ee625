/**
 * The validated configuration, remembered by the exact text it came from. Parsing the
 * YAML with located errors costs more than the rest of a fully cached gates run; the
 * same text with the same schema always gives the same result, so a cached run reads the
 * stored result instead. The entry lives in the repository's cache directory (never in
 * the checkout) and is checked against the same schema when read back: an entry that
 * fails is a miss, and the file is parsed again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../pipeline/config/schema.js';
import { writeAtomically, type CacheWriteError } from './cache.js';

/**
 * Where the schema's code lives: its own file when running from lib/ (schema.js) or from
 * source in tests (schema.ts); in the ncc bundle it has no file of its own, so the file
 * this code runs from (the bundle, which holds the schema) stands in for it.
 */
export function schemaSourceCandidates(moduleUrl: string): URL[] {
  return [new URL('../pipeline/config/schema.js', moduleUrl), new URL('../pipeline/config/schema.ts', moduleUrl), new URL(moduleUrl)];
}

/**
 * A hash of the schema's code: a new version of the schema must never meet an entry an
 * old one validated. Undefined when none can be read: then nothing is cached, rather than
 * keyed by a constant that every version would share.
 */
export async function sourceIdentity(candidates: URL[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      return createHash('sha256').update(await readFile(candidate)).digest('hex');
    } catch {
      // Not this layout; try the next one.
    }
  }
  return undefined;
}

let identity: Promise<string | undefined> | undefined;
function schemaIdentity(): Promise<string | undefined> {
  identity ??= sourceIdentity(schemaSourceCandidates(import.meta.url));
  return identity;
}

async function entryFile(cacheDir: string, text: string | undefined): Promise<string | undefined> {
  const schema = await schemaIdentity();
  if (schema === undefined) return undefined;
  const key = createHash('sha256')
    .update(schema)
    .update('\0')
    .update(text ?? '\0no config file')
    .digest('hex');
  return join(cacheDir, 'config', `${key.slice(0, 40)}.json`);
}

/**
 * The configuration validated earlier from this exact text (undefined: no config file),
 * or undefined when there is none or the entry does not pass the schema.
 *
 * @param cacheDir the repository's cache directory (see `repositoryCacheDir`)
 */
export async function cachedConfig(cacheDir: string, text: string | undefined): Promise<Config | undefined> {
  let stored: unknown;
  try {
    const file = await entryFile(cacheDir, text);
    if (file === undefined) return undefined;
    stored = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  const { configSchema } = await import('../pipeline/config/schema.js');
  const parsed = configSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Remembers a successfully validated configuration (only when it allows caching). A
 * failed write is said through `warn` and otherwise ignored: the cache is an optimisation.
 */
export async function rememberConfig(cacheDir: string, text: string | undefined, config: Config, writeFailed: CacheWriteError = () => undefined): Promise<void> {
  if (!config.cache.enabled) return;
  const file = await entryFile(cacheDir, text);
  if (file === undefined) return;
  try {
    await writeAtomically(file, JSON.stringify(config));
  } catch (error) {
    writeFailed(error);
  }
}
