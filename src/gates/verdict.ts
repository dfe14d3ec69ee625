/**
 * From a finished process to a gate status. The rule everywhere: anything that keeps the
 * tool from giving a trustworthy verdict (not started, timed out, cancelled, output cut
 * or unparseable, an exit code that means "tool error") is status `error`, never `passed`;
 * a run stopped on request is `cancelled`, which is no pass either.
 */
import { isAtLeast, type DiagnosticInput } from '../pipeline/diagnostic.js';
import type { GateError, GateStatus, TestSummary } from '../pipeline/gate-result.js';
import { DEFAULT_TIMEOUT_SECONDS } from './durations.js';
import { tail } from './parsers/exit-code.js';
import type { PlannedGate } from './plan.js';
import type { ProcessResult } from './process.js';
import { ToolOutputError, type ParseResult } from './types.js';

export interface Verdict {
  status: GateStatus;
  diagnostics: DiagnosticInput[];
  tests?: TestSummary;
  error?: GateError;
  toolVersion?: string;
  /** Kept when the gate errored, to show what the tool said. */
  stderrTail?: string;
}

export interface VerdictInput {
  gate: PlannedGate;
  process: ProcessResult;
  /** Set when the gate expects a report file and the tool did not write one. */
  missingReport?: string;
  /** Runs the parser; may throw {@link ToolOutputError}. */
  parse: () => ParseResult;
  maxBufferBytes: number;
}

function outputTail(p: ProcessResult): string | undefined {
  const t = tail(p.stderr) || tail(p.stdout);
  return t === '' ? undefined : t;
}

function toolError(input: VerdictInput, error: GateError): Verdict {
  const stderrTail = outputTail(input.process);
  return { status: 'error', diagnostics: [], error, ...(stderrTail ? { stderrTail } : {}) };
}

const NO_TESTS: DiagnosticInput = {
  source: '',
  path: '',
  range: { start: { line: 1 } },
  severity: 'error',
  rule: 'test.none-collected',
  message: 'No tests were collected.',
  hint: 'Add tests, check testpaths/python_files, or set gates.<name>.noTests: pass.',
};

/** The status of a gate from its process and its parsed output. */
export function decideVerdict(input: VerdictInput): Verdict {
  const { gate, process: p } = input;
  const name = gate.name;
  const command = gate.argv.join(' ');
  if (p.spawnError) return toolError(input, { message: `Could not start ${gate.argv[0]}: ${p.spawnError}`, hint: gate.definition.installHint });
  const held = p.heldOutput;
  const holders = held ? `${held.processes} process${held.processes === 1 ? '' : 'es'} kept the output open and ${held.processes === 1 ? 'was' : 'were'} killed` : '';
  if (p.timedOut && held) {
    return toolError(input, {
      message: `${name} timed out after ${gate.config.timeout} s; its process tree was killed, and ${holders}.`,
      hint: `Look for a test or check that hangs, or starts a detached process (setsid, a daemon), or raise gates.${name}.timeout.`,
    });
  }
  if (held && !p.cancelled) {
    return toolError(input, {
      message: `${name} exited, but ${holders}; the output may be incomplete and is not a verdict.`,
      hint: 'A test or the tool left a process running in the background (setsid, a daemon): stop it in the test teardown, or close its stdout and stderr.',
    });
  }
  if (p.timedOut) {
    const running = gate.definition.runningWhenKilled?.(p.stdout);
    const derived = gate.config.timeout === undefined && gate.definition.deriveTimeout && gate.timeoutSeconds !== DEFAULT_TIMEOUT_SECONDS ? ' (3x its last duration)' : '';
    return toolError(input, {
      message: `${name} did not finish within ${gate.timeoutSeconds} s${derived}; its whole process tree was killed.${running ? ` Running when it was killed: ${running}.` : ''}`,
      hint: running
        ? `Look at ${running}: it probably hangs (a dialog, a deadlock, input, a network call); or raise gates.${name}.timeout.`
        : `Look for a test or check that hangs (a dialog, input, a network call), or raise gates.${name}.timeout.`,
    });
  }
  if (p.cancelled) return { status: 'cancelled', diagnostics: [], error: { message: `${name} was cancelled before it finished; its process tree was killed.` } };
  if (p.outputCapped) {
    return toolError(input, {
      message: `${name} printed more than ${Math.round(input.maxBufferBytes / (1024 * 1024))} MB; the output was cut and cannot be trusted.`,
      hint: 'Reduce the output (fewer rules, a report file instead of stdout).',
    });
  }
  if (p.exitCode === null) return toolError(input, { message: `${name} was killed by ${p.signal ?? 'a signal'} before it finished.`, hint: 'Out of memory? Run the command by hand to see.' });
  const hidden = gate.definition.detectToolError?.({ stdout: p.stdout, stderr: p.stderr, exitCode: p.exitCode });
  if (hidden) return toolError(input, { message: hidden, hint: `Run the command by hand to see the whole message: ${command}` });
  const exitClass = gate.definition.classifyExit(p.exitCode);
  if (exitClass === 'error') {
    return toolError(input, { message: `${gate.definition.tool} exited with code ${p.exitCode}, which means it could not check anything.`, hint: `Run the command by hand: ${command}` });
  }
  if (exitClass === 'no-tests') {
    if (gate.config.noTests === 'pass') return { status: 'passed', diagnostics: [], tests: emptySummary() };
    return { status: 'failed', diagnostics: [{ ...NO_TESTS, source: name, hint: NO_TESTS.hint!.replace('<name>', name) }], tests: emptySummary() };
  }
  if (input.missingReport) {
    return toolError(input, { message: `${name} exited with code ${p.exitCode} but wrote no report at ${input.missingReport}.`, hint: `Run the command by hand: ${command}` });
  }
  let parsed: ParseResult;
  try {
    parsed = input.parse();
  } catch (error) {
    if (error instanceof ToolOutputError) {
      // Parsers name their tool ("basedpyright printed …"); a prefix would say it twice, and
      // every renderer puts the gate's name in front again.
      const named = error.message.startsWith(gate.definition.tool) || error.message.startsWith(name);
      return toolError(input, { message: named ? error.message : `${name}: ${error.message}`, ...(error.hint ? { hint: error.hint } : {}) });
    }
    throw error;
  }
  const failingTests = parsed.tests ? parsed.tests.failed + parsed.tests.errored : 0;
  const failing = parsed.diagnostics.filter((d) => isAtLeast(d.severity, gate.failOn)).length + failingTests;
  const base = { diagnostics: parsed.diagnostics, ...(parsed.tests ? { tests: parsed.tests } : {}), ...(parsed.toolVersion ? { toolVersion: parsed.toolVersion } : {}) };
  if (failing > 0) return { status: 'failed', ...base };
  if (exitClass === 'findings' && parsed.diagnostics.length === 0) {
    // A non-zero exit with nothing to show for it: the parser missed the reason.
    const stderrTail = outputTail(p);
    return {
      status: 'error',
      ...base,
      error: { message: `${gate.definition.tool} exited with code ${p.exitCode} but reported no finding.`, hint: `Check gates.${name}.parser and the command's output flags; run it by hand: ${command}` },
      ...(stderrTail ? { stderrTail } : {}),
    };
  }
  return { status: 'passed', ...base };
}

function emptySummary(): TestSummary {
  return { total: 0, passed: 0, failed: 0, errored: 0, skipped: 0, xfailed: 0, xpassed: 0, durationMs: 0, cases: [] };
}
