/**
 * Where a local run keeps itself between steps and across crashes:
 * `<cwd>/.spec-automation/state/<doc-id>.json`. The file holds the workflow state (the
 * same versioned document the app keeps in its PR comment), the gate results of the
 * commit under test (fix mode's input), a short gate history for the report, and the
 * repository listing the agent's cached prompt prefix was built from. Written
 * atomically (temporary file, then rename) after every transition, so a crash leaves
 * the previous or the next state, never half of one. A second file holds an agent
 * change set between "applied" and "committed", so a crash there loses nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { FileChange } from '../../pipeline/agent/change-set.js';
import { SpecAutomationError } from '../../pipeline/errors.js';
import type { GatesRun } from '../../pipeline/gate-result.js';
import { Redactor } from '../../pipeline/redact.js';
import { stateSchema, type WorkflowState } from '../../pipeline/workflow/state.js';
import type { AgentStep } from '../../pipeline/workflow/driver.js';
import type { GateHistoryEntry, SelfCheckEntry } from '../../reporting/run-report.js';
import { scratchSchema, type Scratch, type ScratchStore } from './self-check.js';

export const RUN_DIR = '.spec-automation';
export const STATE_DIR = `${RUN_DIR}/state`;
export const REPORTS_DIR = `${RUN_DIR}/reports`;
const RECORD_FORMAT = 1;

export interface RunRecord {
  format: typeof RECORD_FORMAT;
  state: WorkflowState;
  /** The last gate run and the commit it judged: the failures a fix iteration works from. */
  lastGates?: { headSha: string; run: GatesRun };
  gateHistory: GateHistoryEntry[];
  /** The repository listing taken when the run started: the agent's repository map stays byte-identical (prompt cache). */
  repoFiles: string[];
  /** How the model was reached on the last invocation (`live`, `replay <file>`), for the report. */
  modelSource?: string;
  /** The agent's run_gates calls, for the report. */
  selfChecks?: SelfCheckEntry[];
}

/** An agent change set applied to the checkout but maybe not committed yet. */
export interface PendingCommit {
  format: typeof RECORD_FORMAT;
  iteration: number;
  mode: 'implement' | 'fix';
  /** HEAD before the change set was applied: a commit on top of it with the same message is this set, committed. */
  parentSha?: string;
  /** The step to report once committed (commitSha filled in then). */
  step: Omit<AgentStep, 'commitSha'>;
  message: string;
  changes: FileChange[];
  /** The lock file's new text, written by the run (not the agent) and committed with the change set. */
  lock?: { path: string; content: string };
}

/** The state file cannot be used: unreadable, not JSON, or not a state. */
export class StateFileError extends SpecAutomationError {
  override readonly name = 'StateFileError';
}

const gateSummarySchema = z.object({
  gate: z.string(),
  status: z.enum(['passed', 'failed', 'error', 'skipped', 'cancelled']),
  detail: z.string(),
  fromCache: z.boolean().optional(),
});

// The gate results go back to the agent as its fix-mode input: check the fields it reads.
const diagnosticSchema = z
  .object({
    source: z.string(),
    path: z.string(),
    range: z.object({ start: z.object({ line: z.number(), column: z.number().optional() }).loose() }).loose(),
    severity: z.enum(['error', 'warning', 'info']),
    rule: z.string(),
    message: z.string(),
    fingerprint: z.string(),
  })
  .loose();
const testCaseSchema = z
  .object({ id: z.string(), name: z.string(), outcome: z.enum(['passed', 'failed', 'error', 'skipped', 'xfailed', 'xpassed']), durationMs: z.number() })
  .loose();
const gateResultSchema = z
  .object({
    gate: z.string(),
    tool: z.string(),
    status: z.enum(['passed', 'failed', 'error', 'skipped', 'cancelled']),
    exitCode: z.number().nullable(),
    durationMs: z.number(),
    fromCache: z.boolean(),
    command: z.array(z.string()),
    diagnostics: z.array(diagnosticSchema),
    tests: z.object({ cases: z.array(testCaseSchema) }).loose().optional(),
    error: z.object({ message: z.string(), hint: z.string().optional() }).optional(),
    stderrTail: z.string().optional(),
  })
  .loose();
const gatesRunSchema = z
  .object({ schemaVersion: z.literal(1), startedAt: z.string(), durationMs: z.number(), conclusion: z.enum(['success', 'failure', 'error']), gates: z.array(gateResultSchema) })
  .loose();

const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  state: stateSchema,
  // Gate results are rendered and fed to the agent; a malformed block is dropped, not trusted.
  lastGates: z.object({ headSha: z.string(), run: gatesRunSchema }).optional().catch(undefined),
  gateHistory: z
    .array(z.object({ iteration: z.number().int().nonnegative(), headSha: z.string(), durationMs: z.number().nonnegative(), gates: z.array(gateSummarySchema) }))
    .default([]),
  repoFiles: z.array(z.string()).default([]),
  modelSource: z.string().optional(),
  selfChecks: z
    .array(z.object({ iteration: z.number().int().nonnegative(), what: z.string(), conclusion: z.enum(['success', 'failure', 'error']), durationMs: z.number().nonnegative(), gates: z.array(gateSummarySchema) }))
    .optional()
    .catch(undefined),
});

const pendingSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  iteration: z.number().int().nonnegative(),
  mode: z.enum(['implement', 'fix']),
  parentSha: z.string().optional(),
  step: z.object({ stopReason: z.string(), summary: z.string().optional(), changedFiles: z.number().int().nonnegative(), spent: z.record(z.string(), z.number()) }),
  message: z.string(),
  changes: z.array(
    z.union([
      z.object({ path: z.string().min(1), action: z.enum(['create', 'modify']), content: z.string(), bytes: z.number().int().nonnegative() }),
      z.object({ path: z.string().min(1), action: z.literal('delete') }),
    ]),
  ),
  lock: z.object({ path: z.string().min(1), content: z.string() }).optional(),
});

/** A file name for a doc id: letters, digits, `.`, `_`, `-`; anything else becomes `-`. */
export function fileSafeId(docId: string): string {
  const safe = docId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 120);
  return safe === '' ? 'spec' : safe;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join('.') || 'the top level'}: ${first.message}` : 'unknown problem';
}

/** The run files of one spec in one checkout. */
export class StateStore implements ScratchStore {
  readonly statePath: string;
  readonly pendingPath: string;
  /** What run_gates wrote over while the gates run (see self-check.ts). */
  readonly scratchPath: string;
  readonly lockPath: string;

  /**
   * @param redactor applied to the run record before it is written: a state file never
   *   holds the model key or a token (default: the secrets of this process's environment)
   */
  constructor(
    readonly root: string,
    readonly docId: string,
    private readonly redactor: Redactor = Redactor.fromEnv(),
  ) {
    const base = join(root, ...STATE_DIR.split('/'), fileSafeId(docId));
    this.statePath = `${base}.json`;
    this.pendingPath = `${base}.pending.json`;
    this.scratchPath = `${base}.scratch.json`;
    this.lockPath = `${base}.lock`;
  }

  /**
   * Claims the spec for this process: two runs of one spec in one checkout would commit
   * over each other. A lock left by a process that is gone is taken over.
   * @returns the function that releases the lock
   */
  async acquireLock(): Promise<() => Promise<void>> {
    await mkdir(dirname(this.lockPath), { recursive: true });
    await ensureIgnored(dirname(this.lockPath));
    const mine = `${JSON.stringify({ pid: process.pid, since: new Date().toISOString() })}\n`;
    try {
      await writeFile(this.lockPath, mine, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((/"pid":\s*(\d+)/.exec((await readIfExists(this.lockPath)) ?? '') ?? [])[1]);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new StateFileError(`Another run of this spec is working in this checkout (process ${holder}); wait for it to finish or stop it. If no such run exists, delete ${this.lockPath}.`);
      }
      await writeFile(this.lockPath, mine, 'utf8');
    }
    return async () => {
      await rm(this.lockPath, { force: true });
    };
  }

  /** The saved run, or undefined when there is none. Throws {@link StateFileError} for a file that is not a run record. */
  async load(): Promise<RunRecord | undefined> {
    const text = await readIfExists(this.statePath);
    if (text === undefined) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new StateFileError(`${this.statePath} is not valid JSON (${(error as Error).message}). Delete it to start the run over; the branch and its commits are kept.`);
    }
    const parsed = recordSchema.safeParse(data);
    if (!parsed.success) {
      throw new StateFileError(`${this.statePath} is not a run state this version understands (${describeIssues(parsed.error)}). Delete it to start the run over; the branch and its commits are kept.`);
    }
    return parsed.data as RunRecord;
  }

  async save(record: RunRecord): Promise<void> {
    await ensureIgnored(join(this.root, ...STATE_DIR.split('/')));
    await writeAtomically(this.statePath, `${JSON.stringify(this.redactor.redactDeep(record), null, 2)}\n`);
  }

  async loadPending(): Promise<PendingCommit | undefined> {
    const text = await readIfExists(this.pendingPath);
    if (text === undefined) return undefined;
    try {
      const parsed = pendingSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data as PendingCommit;
      throw new StateFileError(`${this.pendingPath} is not a pending change set (${describeIssues(parsed.error)}).`);
    } catch (error) {
      if (error instanceof StateFileError) throw error;
      throw new StateFileError(`${this.pendingPath} is not valid JSON (${(error as Error).message}).`);
    }
  }

  async savePending(pending: PendingCommit): Promise<void> {
    await ensureIgnored(join(this.root, ...STATE_DIR.split('/')));
    await writeAtomically(this.pendingPath, `${JSON.stringify(pending)}\n`);
  }

  async clearPending(): Promise<void> {
    await rm(this.pendingPath, { force: true });
  }

  async saveScratch(scratch: Scratch): Promise<void> {
    await ensureIgnored(join(this.root, ...STATE_DIR.split('/')));
    await writeAtomically(this.scratchPath, `${JSON.stringify(scratch)}\n`);
  }

  /** The scratch record a run_gates call left (a crash while the gates ran), or undefined. */
  async loadScratch(): Promise<Scratch | undefined> {
    const text = await readIfExists(this.scratchPath);
    if (text === undefined) return undefined;
    try {
      const parsed = scratchSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      throw new StateFileError(`${this.scratchPath} is not a run_gates scratch record (${describeIssues(parsed.error)}).`);
    } catch (error) {
      if (error instanceof StateFileError) throw error;
      throw new StateFileError(`${this.scratchPath} is not valid JSON (${(error as Error).message}).`);
    }
  }

  async clearScratch(): Promise<void> {
    await rm(this.scratchPath, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A `.gitignore` holding `*` makes git ignore the directory it sits in, itself included:
 * run state and reports never show up as changes or get committed, whatever the
 * repository's own ignore rules say.
 */
export async function ensureIgnored(dir: string): Promise<void> {
  const file = join(dir, '.gitignore');
  if ((await readIfExists(file)) !== undefined) return;
  await mkdir(dir, { recursive: true });
  await writeFile(file, '# Written by spec-automation: run state and reports stay out of git.\n*\n', 'utf8');
}
