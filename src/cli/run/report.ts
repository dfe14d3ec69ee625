/**
 * The end of `spec-automation run`: the report (requirement → test coverage over the test
 * files, what the run changed marked) written as Markdown and printed, and the exit code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { LocalGit } from '../../adapters/git/local-git.js';
import type { Config } from '../../pipeline/config/schema.js';
import { Redactor } from '../../pipeline/redact.js';
import type { ParsedSpec } from '../../pipeline/spec/model.js';
import type { WorkflowState } from '../../pipeline/workflow/state.js';
import { renderRunReportMarkdown, renderRunReportText, type RunEnding } from '../../reporting/run-report.js';
import { EXIT, type CliIO } from '../io.js';
import { scanCoverage } from './coverage.js';
import type { ModelChoice } from './model.js';
import type { RunOptions } from './options.js';
import { toPosix } from './prepare.js';
import type { RunProgress } from './progress.js';
import { resumeCommand } from './resume.js';
import { ensureIgnored, fileSafeId, REPORTS_DIR, type RunRecord, type StateStore } from './state-store.js';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

export function exitCodeOf(ending: RunEnding): number {
  if (ending === 'ready') return EXIT.ok;
  if (ending === 'interrupted') return EXIT_INTERRUPTED;
  return EXIT.findings;
}

export interface ReportInput {
  options: RunOptions;
  root: string;
  git: LocalGit;
  config: Config;
  spec: ParsedSpec;
  specPath: string;
  docId: string;
  store: StateStore;
  record: RunRecord;
  model: ModelChoice;
  progress: RunProgress;
  state: WorkflowState;
  ending: RunEnding;
}

/** Writes and prints the report of a run that ended (or was interrupted); returns the exit code. */
export async function reportRun(r: ReportInput, io: CliIO): Promise<number> {
  const { options, root, git, config, spec, store, record, model, progress, state, ending } = r;
  const changed = await git.changedSince(state.baseSha).catch(() => [] as string[]);
  const coverage = await scanCoverage(root, spec, { traceability: config.traceability, changedFiles: changed });
  const commits = await git.commitsSince(state.baseSha).catch(() => []);
  const canContinue = ending !== 'ready';
  const input = {
    state,
    ending,
    gateHistory: record.gateHistory,
    ...(record.selfChecks && record.selfChecks.length > 0 ? { selfChecks: record.selfChecks } : {}),
    coverage,
    modelSource: model.source,
    commits,
    statePath: toPosix(relative(root, store.statePath)),
    ...(canContinue ? { resumeCommand: resumeCommand(options, r.specPath) } : {}),
  };
  const reportPath = options.report ? resolve(io.cwd, options.report) : join(root, ...REPORTS_DIR.split('/'), `${fileSafeId(r.docId)}.md`);
  if (!options.report) await ensureIgnored(dirname(reportPath));
  await mkdir(dirname(reportPath), { recursive: true });
  await writeFile(reportPath, Redactor.fromEnv(io.env).redact(renderRunReportMarkdown(input)), 'utf8');

  io.stdout.write(`\n${renderRunReportText(input, { color: io.stdoutColor })}`);
  io.stdout.write(`\nReport: ${toPosix(relative(io.cwd, reportPath)) || reportPath}\n`);
  if (ending === 'interrupted') io.stdout.write(`Interrupted; nothing is lost. Continue with: ${resumeCommand(options, r.specPath)}\n`);
  if (ending === 'ready' && model.replay && model.replay.remaining > 0) {
    progress.note(`note: the replayed session has ${model.replay.remaining} exchange(s) the run did not need`);
  }
  return exitCodeOf(ending);
}
