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

export interface ActionLocalSink extends LocalReportSink {
  /** Synchronous {@link LocalReportSink.annotate}, for the error path. */
  annotateNow(diagnostics: readonly Diagnostic[]): void;
}

/** The sink the action reports through; writes go to the real runner files and stdout. */
export function createLocalSink(write: (text: string) => void = (text) => void process.stdout.write(text)): ActionLocalSink {
  const annotateNow = (diagnostics: readonly Diagnostic[]) => {
    // TEMPORARY until src/reporting/workflow-commands.ts lands.
    for (const d of diagnostics) {
      const props = { file: d.path || undefined, startLine: d.range.start.line, title: `${d.source} ${d.rule}` };
      if (d.severity === 'error') core.error(d.message, props);
      else if (d.severity === 'warning') core.warning(d.message, props);
      else core.notice(d.message, props);
    }
    void write;
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
