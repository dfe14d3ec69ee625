/**
 * Workflow commands must be byte-identical to what actions/toolkit writes for the same
 * annotation: we compare with @actions/core itself, capturing its stdout.
 */
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignFingerprints, type Diagnostic, type DiagnosticInput } from '../../../src/pipeline/diagnostic.js';
import { escapeData, escapeProperty, renderWorkflowCommands, workflowCommand } from '../../../src/reporting/workflow-commands.js';

function diagnostic(input: Partial<DiagnosticInput>): Diagnostic {
  return assignFingerprints([{ source: 'spec', path: 'docs/prd.md', range: { start: { line: 3 } }, severity: 'error', rule: 'fm.yaml', message: 'Bad YAML.', ...input }])[0]!;
}

/** What @actions/core writes for one annotation. */
function toolkit(fn: 'error' | 'warning' | 'notice', message: string, props: core.AnnotationProperties): string {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    core[fn](message, props);
  } finally {
    spy.mockRestore();
  }
  return writes.join('').trimEnd();
}

afterEach(() => vi.restoreAllMocks());

describe('workflow commands', () => {
  it('escape data and properties exactly like actions/toolkit', () => {
    const d = diagnostic({
      path: 'docs/a, b: c%.md',
      range: { start: { line: 7, column: 3 }, end: { line: 9, column: 4 } },
      message: '100% wrong:\r\nsecond line, with: colon',
      rule: 'marker.unresolved',
      severity: 'warning',
    });
    const ours = workflowCommand(d);
    const theirs = toolkit('warning', d.message, { file: d.path, startLine: 7, startColumn: 3, endLine: 9, endColumn: 4, title: 'spec: marker.unresolved' });
    // The toolkit names the properties line/col/endLine/endColumn in this order; compare as sets plus the message.
    const split = (cmd: string) => {
      const m = /^::(\w+) (.*?)::(.*)$/s.exec(cmd)!;
      return { command: m[1], props: new Set(m[2]!.split(',')), message: m[3] };
    };
    expect(split(ours)).toEqual(split(theirs));
  });

  it('maps severities to error, warning and notice and appends the hint to the message', () => {
    const info = workflowCommand(diagnostic({ severity: 'info', hint: 'Do this.' }));
    expect(info.startsWith('::notice ')).toBe(true);
    expect(info.endsWith('::Bad YAML.%0ADo this.')).toBe(true);
    expect(workflowCommand(diagnostic({ severity: 'error' })).startsWith('::error ')).toBe(true);
  });

  it('leaves out the file for findings that are not about a file', () => {
    const cmd = workflowCommand(diagnostic({ path: '' }));
    expect(cmd).toBe('::error title=spec%3A fm.yaml::Bad YAML.');
  });

  it('a message cannot inject another command', () => {
    const cmd = workflowCommand(diagnostic({ message: 'x\n::error file=evil::owned' }));
    expect(cmd.split('\n')).toHaveLength(1);
    expect(escapeData('a\nb')).toBe('a%0Ab');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('renders one line per diagnostic, errors first', () => {
    const text = renderWorkflowCommands([diagnostic({ severity: 'info', rule: 'status.skipped' }), diagnostic({ severity: 'error' })]);
    expect(text.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['::error', '::notice']);
  });
});
