/**
 * The action's log lines. `core.info` writes its text raw, and the runner reads any line
 * starting with `::` as a workflow command: a file name, a tool message or a spec field
 * with a newline could write `::error …`, `::add-mask::` or `::stop-commands::` into a
 * fork PR's log. Every line the action prints goes through {@link logText}, which puts
 * text that could be a command between stop-commands markers with a fresh random token.
 */
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import { inertLogText } from '../reporting/workflow-commands.js';

/** Prints `text` (untrusted) to the job log, never as a command. */
export function logText(text: string, write: (line: string) => void = (line) => core.info(line)): void {
  write(inertLogText(text, randomBytes(16).toString('hex')));
}
