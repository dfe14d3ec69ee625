/**
 * The findings in the job log, one collapsible group per gate, with code frames read
 * from the checkout: the log is where people look first when a step fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { logText } from './log.js';
import type { Diagnostic } from '../pipeline/diagnostic.js';
import { renderDiagnostics } from '../reporting/text/diagnostics.js';

/** Findings shown per file in the log; the rest are counted (the check runs have them all). */
const MAX_PER_FILE = 25;

/** Source lines of a repo-relative path under `workspace`; undefined when unreadable or outside. */
export function workspaceLines(workspace: string): (path: string) => readonly string[] | undefined {
  const cache = new Map<string, readonly string[] | undefined>();
  return (path) => {
    if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..')) return undefined;
    if (!cache.has(path)) {
      try {
        cache.set(path, readFileSync(join(workspace, path), 'utf8').replace(/\r\n?/g, '\n').split('\n'));
      } catch {
        cache.set(path, undefined);
      }
    }
    return cache.get(path);
  };
}

/**
 * Logs each group's findings in a collapsed group titled `<name>: <count> findings`.
 *
 * @param groups name → findings (groups without findings are skipped)
 * @param workspace the checkout, for code frames
 */
export function logFindings(groups: readonly { name: string; diagnostics: readonly Diagnostic[] }[], workspace: string): void {
  const readLines = workspaceLines(workspace);
  for (const { name, diagnostics } of groups) {
    if (diagnostics.length === 0) continue;
    core.startGroup(`${name}: ${diagnostics.length} finding${diagnostics.length === 1 ? '' : 's'}`);
    try {
      logText(renderDiagnostics(diagnostics, { readLines, maxPerFile: MAX_PER_FILE, color: false }).trimEnd());
    } finally {
      core.endGroup();
    }
  }
}
