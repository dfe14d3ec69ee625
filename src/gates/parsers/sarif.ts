/**
 * SARIF 2.1.0, the interchange format most analyzers can write (semgrep, eslint's
 * formatter, CodeQL, bandit …). Read directly into diagnostics: rule ids (by id, index or
 * reference), levels with the rule's default, message templates with arguments, URIs
 * relative to `uriBaseId`s or `file://`, regions with exclusive end columns, fixes,
 * suppressed and passing results dropped.
 */
import type { DiagnosticInput, Fix, Severity, TextEdit } from '../../pipeline/diagnostic.js';
import { ToolOutputError, type ParseContext, type Parser, type ToolOutput } from '../types.js';
import { isRecord, num, parseJsonOutput, str } from './json-output.js';
import { locatePath } from './tool-path.js';

type Json = Record<string, unknown>;

interface RuleInfo {
  id?: string;
  helpUri?: string;
  level?: string;
  messageStrings: Record<string, string>;
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function ruleInfo(rule: Json): RuleInfo {
  const config = isRecord(rule.defaultConfiguration) ? rule.defaultConfiguration : {};
  const strings: Record<string, string> = {};
  if (isRecord(rule.messageStrings)) {
    for (const [key, value] of Object.entries(rule.messageStrings)) {
      const text = isRecord(value) ? str(value.text) : undefined;
      if (text !== undefined) strings[key] = text;
    }
  }
  const info: RuleInfo = { messageStrings: strings };
  const id = str(rule.id);
  const helpUri = str(rule.helpUri);
  const level = str(config.level);
  if (id) info.id = id;
  if (helpUri) info.helpUri = helpUri;
  if (level) info.level = level;
  return info;
}

function severityOf(level: string | undefined, kind: string | undefined): Severity | undefined {
  if (kind !== undefined && kind !== 'fail') return kind === 'informational' || kind === 'review' || kind === 'open' ? 'info' : undefined;
  switch (level) {
    case 'error':
      return 'error';
    case 'note':
    case 'none':
      return 'info';
    default:
      // SARIF §3.27.10: a result without a level (and no rule default) is a warning.
      return 'warning';
  }
}

/** `Detected {0} in {1}` with arguments. */
function format(template: string, args: unknown): string {
  const list = Array.isArray(args) ? args : [];
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value: unknown = list[Number(index)];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

function messageOf(result: Json, rule: RuleInfo | undefined): string {
  const message = isRecord(result.message) ? result.message : {};
  const text = str(message.text) ?? str(message.markdown);
  if (text !== undefined) return format(text, message.arguments);
  const id = str(message.id);
  const template = id ? rule?.messageStrings[id] : undefined;
  return template ? format(template, message.arguments) : (rule?.id ?? 'finding');
}

/** Resolves an artifact URI against `originalUriBaseIds` into something {@link locatePath} understands. */
function artifactPath(location: unknown, bases: Record<string, string>): string | undefined {
  if (!isRecord(location)) return undefined;
  let uri = str(location.uri);
  if (uri === undefined) return undefined;
  const baseId = str(location.uriBaseId);
  if (baseId && bases[baseId] !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
    const base = bases[baseId]!;
    uri = base.endsWith('/') ? `${base}${uri}` : `${base}/${uri}`;
  }
  if (/^file:/i.test(uri)) {
    // file:///C:/x → C:/x ; file:///home/x → /home/x
    uri = uri.replace(/^file:\/\/[^/]*/i, '');
    if (/^\/[A-Za-z]:/.test(uri)) uri = uri.slice(1);
  }
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function baseIds(run: Json): Record<string, string> {
  const bases: Record<string, string> = {};
  if (!isRecord(run.originalUriBaseIds)) return bases;
  for (const [key, value] of Object.entries(run.originalUriBaseIds)) {
    const uri = isRecord(value) ? str(value.uri) : undefined;
    if (uri !== undefined) bases[key] = uri;
  }
  return bases;
}

function regionRange(region: unknown): DiagnosticInput['range'] {
  if (!isRecord(region)) return { start: { line: 1 } };
  const startLine = num(region.startLine) ?? 1;
  const startColumn = num(region.startColumn);
  const endLine = num(region.endLine);
  const endColumn = num(region.endColumn);
  const start = startColumn === undefined ? { line: startLine } : { line: startLine, column: startColumn };
  if (endLine === undefined && endColumn === undefined) return { start };
  const lastLine = endLine ?? startLine;
  if (lastLine < startLine) return { start };
  // SARIF's endColumn is the column after the region; the normalized end is inclusive.
  const end = endColumn === undefined ? { line: lastLine } : { line: lastLine, column: Math.max(lastLine === startLine ? (startColumn ?? 1) : 1, endColumn - 1) };
  return { start, end };
}

function fixOf(result: Json, path: string, bases: Record<string, string>, context: ParseContext): Fix | undefined {
  const fix = records(result.fixes)[0];
  if (!fix) return undefined;
  const edits: TextEdit[] = [];
  for (const change of records(fix.artifactChanges)) {
    if (locatePath(artifactPath(change.artifactLocation, bases), context).path !== path) return undefined;
    for (const replacement of records(change.replacements)) {
      const region = isRecord(replacement.deletedRegion) ? replacement.deletedRegion : {};
      const [sl, sc, el, ec] = [num(region.startLine), num(region.startColumn), num(region.endLine) ?? num(region.startLine), num(region.endColumn)];
      if (sl === undefined || sc === undefined || el === undefined || ec === undefined) return undefined;
      const inserted = isRecord(replacement.insertedContent) ? (str(replacement.insertedContent.text) ?? '') : '';
      edits.push({ range: { start: { line: sl, column: sc }, end: { line: el, column: ec } }, newText: inserted });
    }
  }
  if (edits.length === 0) return undefined;
  const description = isRecord(fix.description) ? str(fix.description.text) : undefined;
  return description === undefined ? { edits } : { description, edits };
}

function runDiagnostics(run: Json, context: ParseContext): DiagnosticInput[] {
  const tool = isRecord(run.tool) ? run.tool : {};
  const driver = isRecord(tool.driver) ? tool.driver : {};
  const rules = records(driver.rules).map(ruleInfo);
  const byId = new Map(rules.filter((r) => r.id).map((r) => [r.id!, r]));
  for (const extension of records(tool.extensions)) for (const r of records(extension.rules).map(ruleInfo)) if (r.id && !byId.has(r.id)) byId.set(r.id, r);
  const bases = baseIds(run);
  const out: DiagnosticInput[] = [];
  for (const result of records(run.results)) {
    if (records(result.suppressions).some((s) => str(s.status) !== 'rejected')) continue;
    const ruleRef = isRecord(result.rule) ? result.rule : {};
    const index = num(result.ruleIndex) ?? num(ruleRef.index);
    const ruleId = str(result.ruleId) ?? str(ruleRef.id) ?? (index !== undefined ? rules[index]?.id : undefined);
    const rule = (ruleId ? byId.get(ruleId) : undefined) ?? (index !== undefined ? rules[index] : undefined);
    const severity = severityOf(str(result.level) ?? rule?.level, str(result.kind));
    if (severity === undefined) continue;
    const location = records(result.locations)[0];
    const physical = location && isRecord(location.physicalLocation) ? location.physicalLocation : undefined;
    const region = physical && isRecord(physical.region) ? physical.region : undefined;
    const where = locatePath(physical ? artifactPath(physical.artifactLocation, bases) : undefined, context, num(region?.startLine));
    const diagnostic: DiagnosticInput = {
      source: context.source,
      path: where.path,
      range: where.path ? regionRange(physical?.region) : { start: { line: 1 } },
      severity,
      rule: ruleId ?? 'sarif',
      message: `${where.outsidePrefix}${messageOf(result, rule)}`,
    };
    if (rule?.helpUri) diagnostic.url = rule.helpUri;
    if (where.path) {
      const fix = fixOf(result, where.path, bases, context);
      if (fix) diagnostic.fix = fix;
    }
    out.push(diagnostic);
  }
  return out;
}

/** The `sarif` parser: the report file when there is one, else stdout. */
export const parseSarif: Parser = (output: ToolOutput, context: ParseContext) => {
  const data = parseJsonOutput(output.report ?? output.stdout, 'The SARIF report', '{');
  if (!isRecord(data) || !Array.isArray(data.runs)) throw new ToolOutputError('The SARIF report has no `runs` array.', 'Check that the tool writes SARIF 2.1.0.');
  const version = str(data.version);
  if (version !== undefined && version !== '2.1.0') {
    throw new ToolOutputError(`The SARIF report has version ${version}; only 2.1.0 is supported.`);
  }
  const runs = records(data.runs);
  const driver = runs[0] && isRecord(runs[0].tool) && isRecord(runs[0].tool.driver) ? runs[0].tool.driver : {};
  const toolVersion = str(driver.semanticVersion) ?? str(driver.version);
  return { diagnostics: runs.flatMap((run) => runDiagnostics(run, context)), ...(toolVersion ? { toolVersion } : {}) };
};
