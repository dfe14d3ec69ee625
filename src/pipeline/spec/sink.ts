/**
 * Collects the diagnostics of one document: severity and hint default to the rule
 * registry, every location is a 1-based file line.
 */
import type { DiagnosticInput, Severity } from '../diagnostic.js';
import { RULES, type RuleCode } from './rules.js';

export interface AddOptions {
  column?: number;
  /** Last column (inclusive) on the start line, to underline a span. */
  endColumn?: number;
  endLine?: number;
  /** Overrides the registry's default (escalations such as markers in approved documents). */
  severity?: Severity;
  /** Overrides the registry's default fix text. */
  hint?: string;
}

/** The spec producer's name in every diagnostic. */
export const SPEC_SOURCE = 'spec';

export class DiagnosticSink {
  readonly items: DiagnosticInput[] = [];

  constructor(readonly path: string) {}

  /** Adds a finding of `rule` at file line `line`. */
  add(rule: RuleCode, line: number, message: string, options: AddOptions = {}): void {
    this.addAt(this.path, rule, line, message, options);
  }

  /** Adds a finding about another file (a companion or shard of this document). */
  addAt(path: string, rule: RuleCode, line: number, message: string, options: AddOptions = {}): void {
    const info = RULES[rule];
    const start = options.column !== undefined ? { line: Math.max(1, line), column: Math.max(1, options.column) } : { line: Math.max(1, line) };
    this.items.push({
      source: SPEC_SOURCE,
      path,
      range:
        options.endLine !== undefined && options.endLine > start.line
          ? { start, end: { line: options.endLine } }
          : options.endColumn !== undefined && options.column !== undefined && options.endColumn >= options.column
            ? { start, end: { line: start.line, column: options.endColumn } }
            : { start },
      severity: options.severity ?? info.severity,
      rule,
      message,
      hint: options.hint ?? info.fix,
    });
  }
}
