/**
 * The SARIF 2.1.0 file (`report: sarif`), for github/codeql-action/upload-sarif: the
 * `sarif-file` input (relative to the workspace), else a file in RUNNER_TEMP. Paths in it
 * are repository-relative, as code scanning expects with the checkout at the workspace.
 */
import { resolve } from 'node:path';
import { renderSarif, type SarifRunInput } from '../reporting/sarif.js';
import type { Mode } from './inputs.js';
import type { ModeContext } from './mode-context.js';
import { runnerFile, writeJsonFile } from './outcome.js';

/** Writes the SARIF log and returns its absolute path. */
export async function writeSarifFile(runs: readonly SarifRunInput[], ctx: Pick<ModeContext, 'inputs' | 'workspace' | 'runnerTemp' | 'step'>, mode: Mode): Promise<string> {
  const file = ctx.inputs.sarifFile ? resolve(ctx.workspace, ctx.inputs.sarifFile) : runnerFile(ctx.runnerTemp, mode, ctx.step, 'sarif');
  await writeJsonFile(file, renderSarif(runs));
  return file;
}
