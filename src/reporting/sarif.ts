/**
 * SARIF 2.1.0 for any `Diagnostic[]`: one run per tool, results with levels
 * error/warning/note, `%SRCROOT%`-relative URIs, our fingerprint as a partial
 * fingerprint (GitHub code scanning matches alerts across commits with it), and fixes
 * where the producer proposed one. Pure: returns the log object; the caller writes it.
 */
import type { Diagnostic, Severity } from '../pipeline/diagnostic.js';
import type { GateResult, GatesRun } from '../pipeline/gate-result.js';
import { normalizeRelative } from '../pipeline/repo-path.js';

/** A rule the tool can report. */
export interface SarifRuleInput {
  id: string;
  description?: string;
  helpUri?: string;
}

/** One tool's findings. */
export interface SarifRunInput {
  tool: string;
  version?: string;
  informationUri?: string;
  rules?: SarifRuleInput[];
  diagnostics: Diagnostic[];
  invocation?: SarifInvocationInput;
}

/**
 * How the tool ran: whether it gave a verdict at all. A gate that could not run (tool
 * missing, timed out, output unreadable) is `executionSuccessful: false` with the reason
 * as a notification, so code scanning shows a failed analysis, not a clean one.
 */
export interface SarifInvocationInput {
  executionSuccessful: boolean;
  exitCode?: number;
  commandLine?: string;
  /** The reason a tool could not run, and what to do. */
  notifications?: Array<{ level: 'error' | 'warning' | 'note'; message: string }>;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId: '%SRCROOT%';
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations?: Array<{ physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }>;
  partialFingerprints: Record<string, string>;
  fixes?: Array<{
    description?: { text: string };
    artifactChanges: Array<{
      artifactLocation: SarifArtifactLocation;
      replacements: Array<{ deletedRegion: Required<SarifRegion>; insertedContent: { text: string } }>;
    }>;
  }>;
}

export interface SarifReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  helpUri?: string;
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  exitCode?: number;
  commandLine?: string;
  toolExecutionNotifications?: Array<{ level: 'error' | 'warning' | 'note'; message: { text: string } }>;
}

export interface SarifRun {
  tool: { driver: { name: string; version?: string; informationUri?: string; rules: SarifReportingDescriptor[] } };
  invocations?: SarifInvocation[];
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key under which our fingerprint travels in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'specAutomation/v1';

const LEVEL: Record<Severity, SarifResult['level']> = { error: 'error', warning: 'warning', info: 'note' };

/** A repo-relative path as a URI reference: `/`-separated, each segment percent-encoded. */
export function pathToUri(path: string): string {
  return normalizeRelative(path)
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function regionOf(d: Diagnostic): SarifRegion {
  const start = d.range.start;
  const region: SarifRegion = { startLine: Math.max(1, Math.floor(start.line)) };
  if (start.column !== undefined) region.startColumn = Math.max(1, start.column);
  const end = d.range.end;
  if (end) {
    region.endLine = Math.max(region.startLine, end.line);
    // Our end column is inclusive; SARIF's is exclusive.
    if (end.column !== undefined) region.endColumn = end.column + 1;
  }
  return region;
}

function messageOf(d: Diagnostic): string {
  return d.hint ? `${d.message}\n\nHow to fix: ${d.hint}` : d.message;
}

function invocationOf(input: SarifInvocationInput): SarifInvocation {
  const notifications = input.notifications ?? [];
  return {
    executionSuccessful: input.executionSuccessful,
    ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}),
    ...(input.commandLine ? { commandLine: input.commandLine } : {}),
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications.map((n) => ({ level: n.level, message: { text: n.message } })) } : {}),
  };
}

/** Renders one SARIF log with a run per tool. */
export function renderSarif(runs: readonly SarifRunInput[]): SarifLog {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: runs.map((run) => {
      const rules: SarifReportingDescriptor[] = [];
      const index = new Map<string, number>();
      const addRule = (id: string, description?: string, helpUri?: string) => {
        if (index.has(id)) return;
        index.set(id, rules.length);
        rules.push({ id, ...(description ? { shortDescription: { text: description } } : {}), ...(helpUri ? { helpUri } : {}) });
      };
      for (const r of run.rules ?? []) addRule(r.id, r.description, r.helpUri);
      for (const d of run.diagnostics) addRule(d.rule, undefined, d.url);
      const results = run.diagnostics.map((d): SarifResult => {
        const result: SarifResult = {
          ruleId: d.rule,
          ruleIndex: index.get(d.rule)!,
          level: LEVEL[d.severity],
          message: { text: messageOf(d) },
          partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint },
        };
        if (d.path) {
          const artifactLocation: SarifArtifactLocation = { uri: pathToUri(d.path), uriBaseId: '%SRCROOT%' };
          result.locations = [{ physicalLocation: { artifactLocation, region: regionOf(d) } }];
          if (d.fix && d.fix.edits.length > 0) {
            result.fixes = [
              {
                ...(d.fix.description ? { description: { text: d.fix.description } } : {}),
                artifactChanges: [
                  {
                    artifactLocation,
                    replacements: d.fix.edits.map((e) => ({
                      deletedRegion: { startLine: e.range.start.line, startColumn: e.range.start.column, endLine: e.range.end.line, endColumn: e.range.end.column },
                      insertedContent: { text: e.newText },
                    })),
                  },
                ],
              },
            ];
          }
        }
        return result;
      });
      return {
        tool: { driver: { name: run.tool, ...(run.version ? { version: run.version } : {}), ...(run.informationUri ? { informationUri: run.informationUri } : {}), rules } },
        ...(run.invocation ? { invocations: [invocationOf(run.invocation)] } : {}),
        results,
        columnKind: 'utf16CodeUnits',
      };
    }),
  };
}

/**
 * The SARIF runs of a gates run, as the action's SARIF file and `spec-automation gates
 * --format sarif` write them: one run per gate that ran (a skipped gate says nothing),
 * named after its tool, with the tool's version and documentation link when known.
 * @param informationUriOf the documentation link of a gate's tool (the gate registry's `informationUriOf`)
 */
export function gatesSarifRuns(run: Pick<GatesRun, 'gates'>, informationUriOf: (gate: string) => string | undefined = () => undefined): SarifRunInput[] {
  return run.gates
    .filter((g) => g.status !== 'skipped')
    .map((g) => {
      const informationUri = informationUriOf(g.gate);
      return { tool: g.tool, ...(g.toolVersion ? { version: g.toolVersion } : {}), ...(informationUri ? { informationUri } : {}), diagnostics: g.diagnostics, invocation: gateInvocation(g) };
    });
}

/**
 * A gate's run as a SARIF invocation: a failing verdict is still a successful execution
 * (the tool ran and found problems); a tool error is not, and says why.
 */
export function gateInvocation(g: GateResult): SarifInvocationInput {
  const ran = g.status !== 'error';
  return {
    executionSuccessful: ran,
    ...(g.exitCode !== null ? { exitCode: g.exitCode } : {}),
    ...(g.command.length > 0 ? { commandLine: g.command.join(' ') } : {}),
    ...(ran ? {} : { notifications: [{ level: 'error' as const, message: [g.error?.message ?? 'The tool could not run.', g.error?.hint].filter(Boolean).join(' ') }] }),
  };
}
