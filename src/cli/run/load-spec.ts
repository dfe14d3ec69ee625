/**
 * Reading and validating the spec a run executes. The spec pipeline does the work; this
 * is the seam the run goes through, so the loop can be tested with a parsed spec and the
 * real pipeline plugs in here.
 */
import type { Config } from '../../pipeline/config/schema.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import { SpecAutomationError } from '../../pipeline/errors.js';

export interface LoadedSpec {
  /** Parsed and validated: `diagnostics` and `executable` are filled in. */
  spec: ParsedSpec;
  /** The file's bytes (the lock entry's hash is computed from them). */
  bytes: Uint8Array;
  /** The file's text, given to the agent as data. */
  text: string;
}

export interface SpecLoadRequest {
  /** The project directory (absolute). */
  root: string;
  /** The spec, relative to `root`, forward slashes. */
  path: string;
  config: Config;
}

export type SpecLoader = (request: SpecLoadRequest) => Promise<LoadedSpec>;

/** The file is not a spec the pipeline can read (not Markdown, excluded, unreadable). */
export class SpecLoadError extends SpecAutomationError {
  override readonly name = 'SpecLoadError';
}
