/**
 * Mode `validate`: the spec pipeline on the repository's spec documents (the
 * configuration's `specs` globs), reported like a gate: a check run
 * "spec-automation / validate" with annotations on the spec lines, a review on the
 * changed spec lines of a pull request, the job summary, SARIF and the results JSON.
 * It goes through the same check-run and review machinery as the gates, so re-runs,
 * batches of 50, read-only tokens and fork pull requests behave the same.
 */
import { logText } from '../log.js';
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { reportGates } from '../../github/reporter.js';
import { isAtLeast, type Diagnostic } from '../../pipeline/diagnostic.js';
import type { GateResult, GatesRun } from '../../pipeline/gate-result.js';
import { validateRepository, type RepositoryValidation } from '../../pipeline/spec/index.js';
import { logFindings } from '../log-findings.js';
import type { ModeContext } from '../mode-context.js';
import { failureMessage, runnerFile, severityCounts, writeJsonFile, type ModeOutcome } from '../outcome.js';
import { reportRun } from '../report-run.js';
import { writeSarifFile } from '../sarif-file.js';

/** The check run is `spec-automation / validate`. */
export const VALIDATE_GATE = 'validate';

/** What the results JSON of mode validate holds. */
export interface ValidateResults {
  schemaVersion: 1;
  mode: 'validate';
  conclusion: GatesRun['conclusion'];
  /** The documents found, with what the pipeline made of them. */
  specs: { path: string; type: string | null; id: string | null; title: string; status: string | null; executable: boolean; errors: number; warnings: number }[];
  skipped: { path: string; reason: string }[];
  diagnostics: Diagnostic[];
}

/** The validation as one gate result, so the gates' renderers and reporter apply unchanged. */
export function validationAsGate(diagnostics: Diagnostic[], threshold: 'error' | 'warning', durationMs: number): GateResult {
  const failing = diagnostics.some((d) => isAtLeast(d.severity, threshold));
  return {
    gate: VALIDATE_GATE,
    tool: 'spec-automation',
    status: failing ? 'failed' : 'passed',
    exitCode: null,
    durationMs,
    fromCache: false,
    command: [],
    diagnostics,
  };
}

function resultsOf(validation: RepositoryValidation, conclusion: GatesRun['conclusion']): ValidateResults {
  return {
    schemaVersion: 1,
    mode: 'validate',
    conclusion,
    specs: validation.specs.map((s) => {
      const counts = severityCounts(s.diagnostics);
      return { path: s.path, type: s.type ?? null, id: s.meta.id ?? null, title: s.title, status: s.meta.status ?? null, executable: s.executable, ...counts };
    }),
    skipped: validation.skipped,
    diagnostics: validation.diagnostics,
  };
}

/** Runs mode `validate`; see the file comment. */
export async function validateMode(ctx: ModeContext): Promise<ModeOutcome> {
  const { inputs } = ctx;
  const connecting = ctx.connect();
  connecting.catch(() => undefined);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const validation = await validateRepository(createFsSpecSource(ctx.root), ctx.config.specs, { pathPrefix: ctx.prefix });
  const { diagnostics } = validation;
  logText(`specs: ${validation.specs.length} document${validation.specs.length === 1 ? '' : 's'} validated${validation.skipped.length > 0 ? `, ${validation.skipped.length} Markdown file(s) skipped` : ''}`);
  for (const s of validation.specs) logText(`  ${s.path}: ${s.type ?? 'unknown type'}${s.meta.id ? ` ${s.meta.id}` : ''}${s.meta.status ? ` (${s.meta.status})` : ''}`);

  logFindings([{ name: 'spec validation', diagnostics }], ctx.workspace);
  const threshold = inputs.failOn === 'warning' || (inputs.failOn === undefined && ctx.config.failOn === 'warning') ? 'warning' : 'error';
  const gate = validationAsGate(diagnostics, threshold, Math.round(performance.now() - started));
  const run: GatesRun = { schemaVersion: 1, startedAt, durationMs: gate.durationMs, conclusion: gate.status === 'failed' ? 'failure' : 'success', gates: [gate] };

  const github = await connecting;
  const report = inputs.report;
  await reportRun({ reportGates, ctx, github, run, summaryTitle: 'spec-automation validate' });

  const sarifFile = report.has('sarif') ? await writeSarifFile([{ tool: 'spec-automation', diagnostics }], ctx, 'validate') : undefined;
  const resultsFile = runnerFile(ctx.runnerTemp, 'validate', ctx.step, 'json');
  await writeJsonFile(resultsFile, resultsOf(validation, run.conclusion));
  const failed = gate.status === 'failed' ? [{ name: VALIDATE_GATE, status: 'failed' as const }] : [];
  return {
    conclusion: run.conclusion,
    ...severityCounts(diagnostics),
    failedGates: failed.map((f) => f.name),
    resultsFile,
    sarifFile,
    failure: failureMessage(run.conclusion, inputs.failOn, failed),
  };
}
