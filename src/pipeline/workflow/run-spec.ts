/**
 * The spec a run executes, read the same way by the app (a commit's tree on GitHub) and
 * the CLI (the local checkout): validated together with the repository around it, so a
 * change proposal's change set is computed against its target documents and ids are
 * checked for uniqueness, and only the run's own document (or the document a companion
 * file belongs to) is returned. The agent sees this spec, targets resolved, on both.
 */
import type { SpecsConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostic.js';
import { validateRepository, type DocType, type ParsedSpec, type SpecSource } from '../spec/index.js';

/** Why a spec that was found may not start a run. */
export type RunSpecRefusal =
  | { kind: 'errors'; errors: Diagnostic[] }
  | { kind: 'untyped' }
  | { kind: 'not-executable'; status: string | undefined };

export type RunSpecRead =
  | { found: false; reason: string }
  | {
      found: true;
      /** Validated: diagnostics, executable and the change set (targets resolved) filled in. */
      spec: ParsedSpec;
      /** The document's bytes (the lock entry's hash is computed from them). */
      bytes: Uint8Array;
      /** The document's text, given to the agent as data. */
      text: string;
      /** Set when the spec may not start a run; a run already under way goes on with it. */
      refusal?: RunSpecRefusal;
    };

/** A spec that may start a run. */
export type RunnableSpec = ParsedSpec & { type: DocType };

/** Whether a read spec may start a run. */
export function isRunnable(read: RunSpecRead): read is Extract<RunSpecRead, { found: true }> & { spec: RunnableSpec; refusal?: undefined } {
  return read.found && read.refusal === undefined;
}

function refusalOf(spec: ParsedSpec): RunSpecRefusal | undefined {
  const errors = spec.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { kind: 'errors', errors };
  if (spec.type === undefined) return { kind: 'untyped' };
  if (!spec.executable) return { kind: 'not-executable', status: spec.meta.status };
  return undefined;
}

/**
 * Reads and validates the spec at `path` of `source`.
 * @param path repository-relative, forward slashes; a bundle companion names its document
 */
export async function readRunSpec(source: SpecSource, specs: SpecsConfig, path: string): Promise<RunSpecRead> {
  const validation = await validateRepository(source, specs, { paths: [path] });
  const spec = validation.specs.find((s) => s.path === path) ?? validation.specs.find((s) => s.companions.includes(path));
  if (!spec) {
    const skipped = validation.skipped.find((s) => s.path === path);
    return { found: false, reason: `${path} is not a spec document the pipeline can read${skipped ? ` (${skipped.reason})` : ''}` };
  }
  const bytes = await source.read(spec.path);
  const refusal = refusalOf(spec);
  return { found: true, spec, bytes, text: new TextDecoder('utf-8').decode(bytes), ...(refusal ? { refusal } : {}) };
}
