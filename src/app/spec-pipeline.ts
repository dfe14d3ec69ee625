/**
 * What the app needs from the spec pipeline (src/pipeline/spec): pick the spec files
 * among a push's changed files, validate them (repository checks included), and parse
 * one spec for the agent. A port, so the app depends on one narrow surface of the
 * pipeline and its tests can swap it.
 */
import { createHash } from 'node:crypto';
import type { SpecsConfig } from '../pipeline/config/schema.js';
import { discoverSpecs, parseSpec, validateRepository, type ParsedSpec, type RepositoryValidation, type SpecSource } from '../pipeline/spec/index.js';

export interface SpecPipeline {
  /** The spec documents among `paths` (include globs minus the exclusions). */
  candidates(paths: readonly string[], specs: SpecsConfig): string[];
  /** Validates the spec documents `paths` of a tree. */
  validate(source: SpecSource, specs: SpecsConfig, paths: readonly string[]): Promise<RepositoryValidation>;
  /** Parses one spec document. Never throws. */
  parse(path: string, bytes: Uint8Array, specs: SpecsConfig): ParsedSpec;
}

/** The real pipeline. */
export const specPipeline: SpecPipeline = {
  candidates: (paths, specs) => discoverSpecs(paths, specs).candidates,
  validate: (source, specs, paths) => validateRepository(source, specs, { paths: [...paths] }),
  parse: (path, bytes, specs) => parseSpec(path, bytes, specs),
};

/**
 * The doc id a run is named after: the spec's `id`, else its file name, as a safe
 * branch name segment (lowercase letters, digits, `-` and `_`; at most 60 characters).
 */
export function docIdOf(spec: Pick<ParsedSpec, 'path' | 'meta'>): string {
  const raw = spec.meta.id?.trim() || (spec.path.split('/').pop() ?? spec.path).replace(/\.(md|markdown)$/i, '');
  const safe = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60)
    .replace(/[-_]+$/g, '');
  return safe || `spec-${createHash('sha256').update(spec.path).digest('hex').slice(0, 10)}`;
}
