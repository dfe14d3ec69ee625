/** Shared test helpers for the spec pipeline: an in-memory SpecSource and fixture loading. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specsSchema, type SpecsConfig } from '../../../src/pipeline/config/schema.js';
import type { SpecSource } from '../../../src/pipeline/spec/source.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/specs/', import.meta.url));

/** The `specs` configuration with defaults, plus overrides. */
export function specsConfig(overrides: Partial<SpecsConfig> = {}): SpecsConfig {
  return specsSchema.parse(overrides);
}

/** Every file under `dir`, as repo-relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** A SpecSource over a fixture folder (read through node:fs, like the real adapter). */
export function folderSource(dir: string): SpecSource {
  return {
    list: () => Promise.resolve(listFiles(dir)),
    read: (path) => Promise.resolve(new Uint8Array(readFileSync(join(dir, path)))),
  };
}

/** A SpecSource over in-memory files. */
export function memorySource(files: Record<string, string | Uint8Array>): SpecSource {
  return {
    list: () => Promise.resolve(Object.keys(files)),
    read: (path) => {
      const content = files[path];
      if (content === undefined) return Promise.reject(new Error(`no such file: ${path}`));
      return Promise.resolve(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    },
  };
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
