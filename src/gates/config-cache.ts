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

async function entryFile(root: string, text: string | undefined): Promise<string | undefined> {
  const schema = await schemaIdentity();
  if (schema === undefined) return undefined;
  const key = createHash('sha256')
    .update(schema)
    .update('\0')
    .update(text ?? '\0no config file')
    .digest('hex');
  return join(root, CACHE_DIR, 'config', `${key.slice(0, 40)}.json`);
}

/** The configuration validated earlier from this exact text (undefined: no config file). */
export async function cachedConfig(root: string, text: string | undefined): Promise<Config | undefined> {
  try {
    const file = await entryFile(root, text);
    return file === undefined ? undefined : (JSON.parse(await readFile(file, 'utf8')) as Config);
  } catch {
    return undefined;
  }
}

/** Remembers a successfully validated configuration (only when it allows caching). */
export async function rememberConfig(root: string, text: string | undefined, config: Config): Promise<void> {
  if (!config.cache.enabled) return;
  try {
    const file = await entryFile(root, text);
    if (file === undefined) return;
    await ensureCacheDir(root, join(file, '..'));
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(config));
    await rename(temp, file);
  } catch {
    // Only an optimisation.
  }
}
