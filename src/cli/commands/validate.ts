/**
 * `spec-automation validate [paths…]`: finds, parses and validates spec documents and
 * reports every finding (text grouped by file with code frames, JSON, GitHub workflow
 * commands or SARIF). Exit 0 clean or only warnings/infos, 1 on errors, 2 on bad usage
 * or configuration.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createFsSpecSource } from '../../adapters/fs-spec-source.js';
import { readConfigFile } from '../config-file.js';
import { CONFIG_PATH } from '../../pipeline/config/schema.js';
import { countBySeverity } from '../../pipeline/diagnostic.js';
import { normalizeRelative, toRepoPath } from '../../pipeline/repo-path.js';
import { closeRules, RULES, ruleInfo, validateRepository, type ParsedSpec, type RepositoryValidation, type RuleInfo } from '../../pipeline/spec/index.js';
import { decodeSpecBytes, splitLines } from '../../pipeline/spec/text.js';
import { renderSarif } from '../../reporting/sarif.js';
import { renderDiagnostics, renderDiagnosticsText, sanitizeForTerminal, type ReadLines } from '../../reporting/text/diagnostics.js';
import { renderWorkflowCommands } from '../../reporting/workflow-commands.js';
import type { Command } from '../command.js';
import { parseCommandArgs, UsageError, usageFailure } from '../usage.js';
import { EXIT, type CliIO } from '../io.js';

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: spec-automation validate [paths…] [options]

Finds, parses and validates spec documents (PRD, functional spec, technical spec,
sprint change proposal): BMAD, spec-kit, Kiro or free-form Markdown, any language.

Paths are files or folders. Without paths, the globs of specs.include in
${CONFIG_PATH} (default: docs/**, specs/**, .kiro/specs/**, _bmad-output/**, *.md)
are validated, minus specs.exclude and the built-in exclusions (README, CHANGELOG,
templates, .bmad-core/, checklists/, node_modules/ …).

Options:
  --format FORMAT   text (default), json, github (workflow commands) or sarif
  --model           with --format json: include the parsed document model
  --strict          require type, id, title and status in front matter
  --explain RULE    print what a rule means and how to fix it, then exit
  --cwd DIR         the repository root (default: the current directory); relative
                    paths are relative to it, as with git -C
  --config FILE     configuration file (default: DIR/${CONFIG_PATH})

Exit codes: 0 no errors (warnings and infos are fine), 1 errors found,
2 bad usage or an invalid configuration.
`;

interface Options {
  paths: string[];
  format: Format;
  model: boolean;
  strict: boolean;
  explain?: string;
  cwd?: string;
  config?: string;
}

function parseOptions(args: string[]): Options {
  const parsed = parseCommandArgs({
    args,
    options: {
      format: { type: 'string', default: 'text' },
      model: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      explain: { type: 'string' },
      cwd: { type: 'string' },
      config: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  const { values, positionals } = parsed;
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${values.format}"; use one of ${FORMATS.join(', ')}.`);
  if (values.model && format !== 'json') throw new UsageError('--model only goes with --format json.');
  return {
    paths: positionals,
    format,
    model: values.model ?? false,
    strict: values.strict ?? false,
    ...(values.explain !== undefined ? { explain: values.explain } : {}),
    ...(values.cwd !== undefined ? { cwd: values.cwd } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** `--explain`: the registry entry, or close matches. */
export function explainRule(code: string): { text: string; found: boolean } {
  const info = ruleInfo(code.trim());
  if (!info) {
    const close = closeRules(code);
    const text = close.length > 0 ? `Unknown rule "${code}". Did you mean:\n${close.map((c) => `  ${c}  ${RULES[c as keyof typeof RULES].title}`).join('\n')}\n` : `Unknown rule "${code}". Run with --format json on a repository to see the codes it reports.\n`;
    return { text, found: false };
  }
  return { text: formatRule(info), found: true };
}

function formatRule(info: RuleInfo): string {
  return [`${info.code} (${info.severity}): ${info.title}`, '', info.explanation, '', `How to fix: ${info.fix}`, ''].join('\n');
}

/**
 * Reads source lines of repository files for code frames, lazily, skipping files too
 * big to be specs (a 50 MB file is reported at line 1 without being read).
 */
export function fileLineReader(root: string, maxBytes: number): ReadLines {
  const cache = new Map<string, string[] | undefined>();
  return (path) => {
    if (cache.has(path)) return cache.get(path);
    let lines: string[] | undefined;
    try {
      const full = resolve(root, path);
      const size = statSync(full).size;
      if (size <= maxBytes) lines = splitLines(decodeSpecBytes(new Uint8Array(readFileSync(full))).text);
    } catch {
      lines = undefined;
    }
    cache.set(path, lines);
    return lines;
  };
}

function documentLine(spec: ParsedSpec): string[] {
  const counts = countBySeverity(spec.diagnostics);
  const verdict = counts.error > 0 ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : spec.executable ? 'executable' : 'not executable';
  return [spec.path, spec.type ?? '(type unknown)', spec.meta.id ?? '—', spec.meta.status ?? '—', verdict];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`.trimEnd()).join('\n');
}

function renderText(result: RepositoryValidation, readLines: ReadLines, color: boolean): string {
  const out: string[] = [];
  const docs = result.specs;
  if (docs.length === 0) {
    out.push('No spec documents found.');
  } else {
    out.push(`Validated ${docs.length} document${docs.length === 1 ? '' : 's'}:`, '');
    out.push(sanitizeForTerminal(table([['path', 'type', 'id', 'status', 'verdict'], ...docs.map(documentLine)])), '');
  }
  const filesChecked = new Set([...docs.flatMap((s) => [s.path, ...s.companions]), ...result.diagnostics.map((d) => d.path)]).size;
  out.push(renderDiagnosticsText(result.diagnostics, readLines, { color, checkedFiles: filesChecked }));
  return out.join('\n');
}

/** JSON report: summary, documents, diagnostics, skipped files; the full model with --model. */
function renderJson(result: RepositoryValidation, model: boolean, version: string): string {
  const counts = countBySeverity(result.diagnostics);
  const report = {
    tool: 'spec-automation',
    version,
    summary: { documents: result.specs.length, errors: counts.error, warnings: counts.warning, infos: counts.info },
    documents: result.specs.map((s) => ({
      path: s.path,
      type: s.type ?? null,
      typeSource: s.typeSource ?? null,
      id: s.meta.id ?? null,
      title: s.title,
      status: s.meta.status ?? null,
      executable: s.executable,
      companions: s.companions,
      counts: { requirements: s.requirements.length, acceptanceCriteria: s.acceptanceCriteria.length, stories: s.stories.length, tasks: s.tasks.length },
      ...(s.changeSet ? { changeSet: { added: s.changeSet.added, modified: s.changeSet.modified, removed: s.changeSet.removed, targets: s.changeSet.targets.map((t) => t.resolved ?? t.doc) } } : {}),
    })),
    diagnostics: result.diagnostics,
    skipped: result.skipped,
    ...(result.context ? { context: result.context } : {}),
    ...(model ? { specs: result.specs } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

async function run(args: string[], io: CliIO): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(usageFailure('validate', error));
    return EXIT.error;
  }
  if (options.explain !== undefined) {
    const { text, found } = explainRule(options.explain);
    (found ? io.stdout : io.stderr).write(text);
    return found ? EXIT.ok : EXIT.error;
  }
  const root = resolve(io.cwd, options.cwd ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    io.stderr.write(`spec-automation validate: the directory ${options.cwd ?? root} does not exist.\n`);
    return EXIT.error;
  }
  let loaded;
  try {
    loaded = await readConfigFile(root, io.cwd, options.config);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`spec-automation validate: ${error.message}\n`);
    return EXIT.error;
  }
  const color = io.stdoutColor;
  if (!loaded.ok) {
    io.stderr.write(renderDiagnostics(loaded.diagnostics, { sources: { [loaded.shown]: loaded.text }, color: io.stderrColor }));
    io.stderr.write(`spec-automation validate: the configuration ${loaded.shown} has errors; nothing was validated.\n`);
    return EXIT.error;
  }
  const specsConfig = options.strict ? { ...loaded.config.specs, strict: true } : loaded.config.specs;

  const paths: string[] = [];
  for (const p of options.paths) {
    const problem = checkPath(p, root, io.cwd, options.cwd);
    if (typeof problem === 'string') {
      io.stderr.write(`spec-automation validate: ${problem}\n`);
      return EXIT.error;
    }
    paths.push(problem.path);
  }

  const result = await validateRepository(createFsSpecSource(root), specsConfig, paths.length > 0 ? { paths } : {});
  const readLines = fileLineReader(root, specsConfig.maxBytes);
  const version = packageVersion();
  switch (options.format) {
    case 'json':
      io.stdout.write(renderJson(result, options.model, version));
      break;
    case 'github':
      io.stdout.write(renderWorkflowCommands(result.diagnostics));
      io.stderr.write(`${summaryOf(result)}\n`);
      break;
    case 'sarif': {
      const rules = Object.values(RULES).map((r) => ({ id: r.code, description: r.title }));
      const log = renderSarif([{ tool: 'spec-automation', version, rules, diagnostics: result.diagnostics }]);
      io.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
      break;
    }
    default:
      io.stdout.write(renderText(result, readLines, color));
  }
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/**
 * A path argument as a repository path. Relative paths are relative to the repository
 * root (`--cwd`), as `git -C` reads them; without `--cwd` that is the current directory.
 * Returns the message for a path outside the root or missing, saying where it resolved.
 */
export function checkPath(p: string, root: string, cwd: string, cwdOption: string | undefined): { path: string } | string {
  const absolute = resolve(root, p);
  const anchor = cwdOption === undefined ? '' : ` (relative paths are relative to --cwd ${cwdOption}, as with git -C)`;
  const rel = absolute === root ? '.' : toRepoPath(absolute, root);
  if (rel === undefined) return `${p} is outside the repository root ${root}${anchor}: it resolves to ${absolute}.`;
  if (!existsSync(absolute)) {
    const fromCwd = resolve(cwd, p);
    const inside = cwdOption !== undefined && fromCwd !== absolute && existsSync(fromCwd) ? toRepoPath(fromCwd, root) : undefined;
    const hint = inside !== undefined ? ` It exists relative to the current directory; inside --cwd it is ${inside}.` : '';
    return `${p} does not exist in ${root}${anchor}: no file or folder ${absolute}.${hint}`;
  }
  return { path: normalizeRelative(rel) || '.' };
}

function summaryOf(result: RepositoryValidation): string {
  const c = countBySeverity(result.diagnostics);
  return `spec-automation validate: ${result.specs.length} document(s), ${c.error} error(s), ${c.warning} warning(s), ${c.info} info(s).`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Find, parse and validate spec documents (PRD, functional/technical spec, change proposal)',
  usage: USAGE,
  run,
};

export default validateCommand;
