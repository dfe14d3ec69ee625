/**
 * The spec loader of the real CLI: the run's spec read from the local checkout as the app
 * reads it from a commit (src/pipeline/workflow/run-spec.ts): validated with the
 * repository around it, so a change proposal's change set is computed against its target
 * documents and ids are checked across specs; only the run's own document (and its
 * companions) decides whether the run may start.
 */
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { readRunSpec } from '../../pipeline/workflow/run-spec.js';
import { SpecLoadError, type SpecLoader } from './load-spec.js';

export const pipelineSpecLoader: SpecLoader = async ({ root, path, config }) => {
  const read = await readRunSpec(createFsSpecSource(root), config.specs, path);
  if (!read.found) throw new SpecLoadError(`${read.reason}; specs are Markdown files matching specs.include in .github/spec-automation.yml.`);
  return { spec: read.spec, bytes: read.bytes, text: read.text };
};
