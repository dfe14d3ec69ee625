/**
 * What the app needs from the spec pipeline (src/pipeline/spec): pick the spec files
 * among a push's changed files, validate them (repository checks included), and parse
 * one spec for the agent. A port, so the app depends on one narrow surface of the
 * pipeline and its tests can swap it.
 */
import type { SpecsConfig } from '../pipeline/config/schema.js';
import { discoverSpecs, parseSpec, type ParsedSpec, type RepositoryValidation, type SpecSource } from '../pipeline/spec/index.js';
import { readRunSpec, type RunSpecRead } from '../pipeline/workflow/run-spec.js';
import { ValidationPool } from './validation-pool.js';

export interface SpecPipeline {
  /** The spec documents among `paths` (include globs minus the exclusions). */
  candidates(paths: readonly string[], specs: SpecsConfig): string[];
  /** Validates the spec documents `paths` of a tree. */
  validate(source: SpecSource, specs: SpecsConfig, paths: readonly string[]): Promise<RepositoryValidation>;
  /** Parses one spec document. Never throws. */
  parse(path: string, bytes: Uint8Array, specs: SpecsConfig): ParsedSpec;
  /** The spec a run executes, validated with the repository around it (change-set targets resolved). */
  read(source: SpecSource, specs: SpecsConfig, path: string): Promise<RunSpecRead>;
}

/** The pipeline with the push validation in `pool`'s worker threads, off the event loop. */
export function pooledSpecPipeline(pool: ValidationPool): SpecPipeline {
  return {
    candidates: (paths, specs) => discoverSpecs(paths, specs).candidates,
    validate: (source, specs, paths) => pool.validate(source, specs, paths),
    // One document the push already validated (within its budget), for the agent.
    parse: (path, bytes, specs) => parseSpec(path, bytes, specs),
    read: readRunSpec,
  };
}

/** The process's validation pool: its threads start on the first push and stop when idle. */
export const validationPool = new ValidationPool();

/** The real pipeline. */
export const specPipeline: SpecPipeline = pooledSpecPipeline(validationPool);
