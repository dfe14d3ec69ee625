/**
 * The agent's tools: one zod schema per tool is both the JSON Schema the model sees and
 * the validator of what it sends back. The model's input is untrusted; a missing field,
 * a wrong type, an unknown tool or a refused path becomes an error tool result the
 * model can act on, never an exception out of the loop.
 */
import picomatch from 'picomatch';
import { z } from 'zod';
import type { ChangeSet } from './change-set.js';
import { normalizeAgentPath, WorkspaceError } from './guards.js';
import type { JsonSchema, ToolDefinition } from './model-port.js';
import { gateCheckRequest, GateCheckInputError, renderGateCheck, RunStopRequested, type GateCheckPort, type GateCheckRequest } from './self-check.js';
import { delimit } from './untrusted.js';
import type { GatesRun } from '../gate-result.js';

const path = z.string().min(1).max(1024).describe('File path relative to the repository root, with forward slashes, e.g. "src/app/main.py".');

const readFileInput = z.strictObject({
  path,
  start_line: z.number().int().min(1).max(10_000_000).optional().describe('First line to return (1-based). Use for files too long to read at once.'),
  end_line: z.number().int().min(1).max(10_000_000).optional().describe('Last line to return (1-based, inclusive).'),
});

const listFilesInput = z.strictObject({
  directory: z.string().max(1024).optional().describe('Only files under this directory (relative to the repository root). Default: the whole repository.'),
  pattern: z.string().min(1).max(512).optional().describe('Only files matching this glob, e.g. "**/*.py" or "tests/test_*.py".'),
});

const searchInput = z.strictObject({
  pattern: z.string().min(1).max(512).describe('Regular expression (JavaScript syntax; no lookaround or backreferences) matched against each line, e.g. "def add_task|class TaskList".'),
  path_glob: z.string().min(1).max(512).optional().describe('Only files matching this glob, e.g. "**/*.py".'),
  case_insensitive: z.boolean().optional(),
  max_results: z.number().int().min(1).max(200).optional().describe('At most this many matching lines (default 50).'),
});

const writeFileInput = z.strictObject({
  path,
  content: z.string().max(50_000_000).describe('The complete new content of the file (UTF-8 text).'),
});

const editFileInput = z.strictObject({
  path,
  old_string: z.string().min(1).describe('Text to replace. It must occur exactly once in the file, whitespace and indentation included.'),
  new_string: z.string().describe('The replacement text.'),
});

const deleteFileInput = z.strictObject({ path });

const requirementReport = z.strictObject({
  id: z.string().min(1).max(200).describe('Requirement ID as written in the specification, e.g. "FR-7".'),
  files: z.array(z.string().min(1).max(1024)).max(200).describe('Source files that implement it.'),
  tests: z
    .array(z.string().min(1).max(1024))
    .max(200)
    .describe('Tests that cover it, as pytest node ids or file paths, e.g. "tests/test_export.py::test_export_csv".'),
});

const finishInput = z.strictObject({
  summary: z.string().min(1).max(8000).describe('What you changed and why, for the pull request description.'),
  requirements: z.array(requirementReport).max(1000).describe('Every requirement you implemented or changed, with the files and tests that cover it.'),
});

const runGatesInput = z.strictObject({
  gates: z
    .array(z.string().min(1).max(100))
    .max(20)
    .optional()
    .describe('Only these gates, by name (see the tool description). Default: every gate of the run.'),
  test: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('One pytest node id to run instead of the gates, relative to the repository root, e.g. "tests/test_export.py::test_export_csv" or "tests/test_export.py".'),
});

export type RequirementReport = z.infer<typeof requirementReport>;

/** What the agent reported when it called `finish`. */
export interface FinishReport {
  summary: string;
  requirements: RequirementReport[];
}

/** What a tool call produced: the tool_result content, and whether it is an error. */
export interface ToolOutcome {
  content: string;
  isError: boolean;
  /** Set when `finish` was accepted. */
  finish?: FinishReport;
  /** The file a successful write, edit or delete changed. */
  changedPath?: string;
}

/** Characters of file content returned by one read_file call. */
export const MAX_READ_CHARS = 60_000;
const MAX_LISTED = 500;
const MAX_MATCH_LINE = 300;

/**
 * What a tool call may use beyond the change set: the run_gates port, wrapped by the
 * loop with the budgets (it refuses, records and times the call).
 */
export interface ToolContext {
  selfCheck?: SelfCheck;
}

/** The loop's side of run_gates: the port, the budgets around it, and the output bound. */
export interface SelfCheck {
  readonly port: Pick<GateCheckPort, 'gateNames' | 'testGate'>;
  /** Characters of one result at most. */
  readonly outputChars: number;
  /** Runs a validated request; a string is a refusal (no budget left) to give the model as an error. */
  run(request: GateCheckRequest, changeSet: ChangeSet): Promise<GatesRun | { refused: string }>;
}

interface ToolSpec<S extends z.ZodType> {
  description: string;
  schema: S;
  run(input: z.infer<S>, changeSet: ChangeSet, context: ToolContext): Promise<ToolOutcome>;
}

function tool<S extends z.ZodType>(spec: ToolSpec<S>): ToolSpec<z.ZodType> {
  return spec as unknown as ToolSpec<z.ZodType>;
}

const RUN_GATES_DESCRIPTION =
  'Run the quality gates (linters, type checker, tests) on your current changes in the working tree, before you call finish, and get their failures. Give gates to run only some of them, or test to run one pytest node id (quicker while you fix one test). Each call counts as a turn and takes wall time from the budget, so run a single test while you fix it and all the gates once before finish.';

const ok = (content: string, changedPath?: string): ToolOutcome => ({ content, isError: false, ...(changedPath ? { changedPath } : {}) });

const TOOLS: Record<string, ToolSpec<z.ZodType>> = {
  read_file: tool({
    description: `Read a text file of the repository, as changed so far. Returns the raw text (at most ${MAX_READ_CHARS} characters per call; use start_line/end_line for longer files).`,
    schema: readFileInput,
    async run(input, cs) {
      const text = await cs.read(input.path);
      const lines = text.split('\n');
      const from = input.start_line ?? 1;
      const to = Math.min(input.end_line ?? lines.length, lines.length);
      if (input.start_line === undefined && input.end_line === undefined && text.length <= MAX_READ_CHARS) {
        return ok(text === '' ? '(empty file)' : text);
      }
      if (from > lines.length) return { content: `The file has ${lines.length} lines; start_line ${from} is past the end.`, isError: true };
      let shown = lines.slice(from - 1, to).join('\n');
      let last = to;
      if (shown.length > MAX_READ_CHARS) {
        shown = shown.slice(0, MAX_READ_CHARS);
        last = from + shown.split('\n').length - 2;
        // One line longer than the limit (minified code, data): show its beginning.
        shown = last < from ? `${lines[from - 1]!.slice(0, MAX_READ_CHARS)}…` : lines.slice(from - 1, last).join('\n');
        last = Math.max(last, from);
      }
      const more = last < lines.length ? ` Call read_file with start_line=${last + 1} for the rest.` : '';
      return ok(`[lines ${from}-${last} of ${lines.length} of ${input.path}.${more}]\n${shown}`);
    },
  }),

  list_files: tool({
    description: `List the files of the repository (as changed so far), sorted, at most ${MAX_LISTED}. Filter by directory and/or glob. A symbolic link is shown as "path -> target (symbolic link)".`,
    schema: listFilesInput,
    async run(input, cs) {
      const dir = input.directory === undefined ? '' : normalizeAgentPath(input.directory, true);
      const matches = input.pattern ? picomatch(input.pattern, { dot: true }) : () => true;
      const files = (await cs.listFiles()).filter((f) => (dir === '' || f.startsWith(`${dir}/`)) && matches(f));
      if (files.length === 0) return ok('No files match.');
      const links = await cs.symlinks();
      const shown = files.slice(0, MAX_LISTED).map((f) => (links.has(f) ? `${f} -> ${JSON.stringify(links.get(f)).slice(1, -1)} (symbolic link)` : f));
      const more = files.length > MAX_LISTED ? `\n… ${files.length - MAX_LISTED} more not shown; narrow the directory or pattern.` : '';
      return ok(shown.join('\n') + more);
    },
  }),

  search: tool({
    description: 'Search the text files of the repository (as changed so far) for lines matching a regular expression. Returns "path:line: text" lines.',
    schema: searchInput,
    async run(input, cs) {
      const result = await cs.search(input.pattern, {
        ...(input.path_glob ? { glob: input.path_glob } : {}),
        caseInsensitive: input.case_insensitive ?? false,
        maxResults: input.max_results ?? 50,
      });
      if (result.matches.length === 0) return ok(`No matches in ${result.filesSearched} files.`);
      const lines = result.matches.map((m) => `${m.path}:${m.line}: ${m.text.length > MAX_MATCH_LINE ? `${m.text.slice(0, MAX_MATCH_LINE)}…` : m.text}`);
      if (result.truncated) lines.push(`… more matches not shown; narrow the pattern or path_glob.`);
      return ok(lines.join('\n'));
    },
  }),

  write_file: tool({
    description: 'Create a file, or replace its whole content. Parent directories are created as needed.',
    schema: writeFileInput,
    async run(input, cs) {
      const what = await cs.write(input.path, input.content);
      const p = normalizeAgentPath(input.path);
      const verb = what === 'create' ? 'Created' : what === 'modify' ? 'Replaced' : 'Unchanged (same content as before):';
      return ok(`${verb} ${p}.`, p);
    },
  }),

  edit_file: tool({
    description:
      'Replace one exact piece of text in a file. old_string must occur exactly once (copy it from read_file, whitespace included); include surrounding lines to make it unique.',
    schema: editFileInput,
    async run(input, cs) {
      const line = await cs.edit(input.path, input.old_string, input.new_string);
      const p = normalizeAgentPath(input.path);
      return ok(`Edited ${p} at line ${line}.`, p);
    },
  }),

  delete_file: tool({
    description: 'Delete a file.',
    schema: deleteFileInput,
    async run(input, cs) {
      await cs.delete(input.path);
      const p = normalizeAgentPath(input.path);
      return ok(`Deleted ${p}.`, p);
    },
  }),

  run_gates: tool({
    description: RUN_GATES_DESCRIPTION,
    schema: runGatesInput,
    async run(input, cs, context) {
      const selfCheck = context.selfCheck;
      if (!selfCheck) return { content: `Unknown tool "run_gates". The tools are: ${TOOL_NAMES.join(', ')}.`, isError: true };
      let request: GateCheckRequest;
      try {
        request = gateCheckRequest(input, selfCheck.port, input.test !== undefined ? await cs.listFiles() : []);
      } catch (error) {
        if (error instanceof GateCheckInputError) return { content: `${error.message} Correct the input and call run_gates again.`, isError: true };
        throw error;
      }
      const run = await selfCheck.run(request, cs);
      if ('refused' in run) return { content: run.refused, isError: true };
      return ok(renderGateCheck(run, request, selfCheck.outputChars));
    },
  }),

  finish: tool({
    description:
      'Call once, when the work is complete: a summary for the pull request, and for each requirement the files that implement it and the tests that cover it. Nothing else runs after finish.',
    schema: finishInput,
    async run(input) {
      const report: FinishReport = { summary: input.summary, requirements: input.requirements };
      return { content: 'Finished.', isError: false, finish: report };
    },
  }),
};

/** Names of every tool, in the order the model sees them; run_gates only where the entry has a working tree. */
export const ALL_TOOL_NAMES = Object.keys(TOOLS);

/** The tools of a run without a working tree to run the gates in (the app; the CLI with --no-run-gates). */
export const TOOL_NAMES = ALL_TOOL_NAMES.filter((n) => n !== 'run_gates');

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return { ...rest, type: 'object' };
}

/**
 * The tool definitions sent with every request: run_gates only when the run has gates to
 * run (`gates`, the port's names and test gate). Deterministic, so they stay in the
 * cached prefix.
 */
export function toolDefinitions(gates?: Pick<GateCheckPort, 'gateNames' | 'testGate'>): ToolDefinition[] {
  return Object.entries(TOOLS).flatMap(([name, spec]) => {
    if (name !== 'run_gates') return [{ name, description: spec.description, input_schema: jsonSchemaOf(spec.schema) }];
    if (!gates) return [];
    const names = `The gates of this run: ${gates.gateNames.join(', ') || '(none)'}${gates.testGate ? `; test runs under ${gates.testGate}` : '; it has no pytest gate, so test is not available'}.`;
    return [{ name, description: `${spec.description} ${names}`, input_schema: jsonSchemaOf(spec.schema) }];
  });
}

/** Explains a validation failure in terms the model can fix: `path: expected string, received number`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The tool_result text the model gets for an outcome: every result, a file's text as much
 * as an error naming a path, is data from the repository, so it goes inside a
 * `<tool_output>` tag with any tag lookalike in it neutralized (untrusted.ts).
 */
export function toolResultContent(name: string, outcome: Pick<ToolOutcome, 'content'>): string {
  return delimit('tool_output', outcome.content, { tool: name });
}

/**
 * Runs the tool call `name(input)` against the change set. Every failure, expected or
 * not, comes back as an error outcome.
 */
export async function runTool(name: string, input: unknown, changeSet: ChangeSet, context: ToolContext = {}): Promise<ToolOutcome> {
  const offered = context.selfCheck ? ALL_TOOL_NAMES : TOOL_NAMES;
  const spec = Object.hasOwn(TOOLS, name) && offered.includes(name) ? TOOLS[name] : undefined;
  if (!spec) {
    return { content: `Unknown tool ${JSON.stringify(name)}. The tools are: ${offered.join(', ')}.`, isError: true };
  }
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) {
    return { content: `Invalid input for ${name}: ${describeIssues(parsed.error)}. Correct the input and call ${name} again.`, isError: true };
  }
  try {
    return await spec.run(parsed.data, changeSet, context);
  } catch (error) {
    // Ctrl-C while the gates ran: the run stops, the model is not told about killed tools.
    if (error instanceof RunStopRequested) throw error;
    if (error instanceof WorkspaceError) return { content: error.message, isError: true };
    return { content: `${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, isError: true };
  }
}
