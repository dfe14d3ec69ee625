/**
 * The spec loader of the real CLI: the spec pipeline over the local file system. The
 * whole repository is validated, not the file alone, because a change proposal's change
 * set is computed against its target documents and ids must be unique across specs; only
 * the run's own document (and its companions) decides whether the run may start.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { validateRepository, type RepositoryValidation } from '../../pipeline/spec/index.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import { SpecLoadError, type SpecLoader } from './load-spec.js';

function find(validation: RepositoryValidation, path: string): ParsedSpec | undefined {
  return validation.specs.find((s) => s.path === path) ?? validation.specs.find((s) => s.companions.includes(path));
}

export const pipelineSpecLoader: SpecLoader = async ({ root, path, config }) => {
  const source = createFsSpecSource(root);
  let validation = await validateRepository(source, config.specs);
  let spec = find(validation, path);
  if (!spec) {
    // Outside the configured globs: validate it by name (its targets may then not resolve).
    validation = await validateRepository(source, config.specs, { paths: [path] });
    spec = find(validation, path);
  }
  if (!spec) {
    const skipped = validation.skipped.find((s) => s.path === path);
    throw new SpecLoadError(`${path} is not a spec document the pipeline can read${skipped ? ` (${skipped.reason})` : ''}; specs are Markdown files matching specs.include in .github/spec-automation.yml.`);
  }
  const text = await readFile(join(root, ...spec.path.split('/')), 'utf8');
  return { spec, text };
};
