/**
 * The runner's own outputs, which need no token: the job summary (GITHUB_STEP_SUMMARY,
 * via @actions/core) and workflow-command annotations on stdout (`::error file=…`).
 * They carry the findings when the token may not write (fork pull requests) and on
 * request (`report: annotations`). GitHub shows at most 10 errors and 10 warnings per
 * step from these, so they never replace check runs when check runs are possible.
 */
import * as core from '@actions/core';
import type { LocalReportSink } from '../github/reporter.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { renderWorkflowCommands } from '../reporting/workflow-commands.js';

export interface ActionLocalSink extends LocalReportSink {
  /** Synchronous {@link LocalReportSink.annotate}, for the error path. */
  annotateNow(diagnostics: readonly Diagnostic[]): void;
}

/** The sink the action reports through; writes go to the real runner files and stdout. */
export function createLocalSink(write: (text: string) => void = (text) => void process.stdout.write(text)): ActionLocalSink {
  const annotateNow = (diagnostics: readonly Diagnostic[]) => {
    if (diagnostics.length > 0) write(renderWorkflowCommands(diagnostics));
  };
  return {
    async writeSummary(markdown) {
      await core.summary.addRaw(markdown, true).write();
    },
    annotate: annotateNow,
    annotateNow,
    warn(message) {
      core.warning(message);
    },
  };
}

/**
 * Wraps a sink to remember which findings it annotated, so `report: annotations` adds
 * only those the read-only fallback did not already write.
 */
export function trackingAnnotations(sink: LocalReportSink): { sink: LocalReportSink; annotated: Set<string> } {
  const annotated = new Set<string>();
  return {
    annotated,
    sink: {
      writeSummary: (markdown) => sink.writeSummary(markdown),
      warn: (message) => sink.warn(message),
      async annotate(diagnostics) {
        await sink.annotate(diagnostics);
        for (const d of diagnostics) annotated.add(d.fingerprint);
      },
    },
  };
}
