/**
 * run_gates in the local loop: the agent's change set is written into the working tree,
 * the gates run there through the same runner `spec-automation gates` uses (clean gate
 * environment, the result cache, each gate killed past the call's time limit), and the
 * tree is put back exactly as it was, so the change set stays the only record of the
 * agent's work until the iteration commits it.
 *
 * Before anything is written, what will be overwritten is saved next to the run state
 * (`<doc-id>.scratch.json`): a crash or a second Ctrl-C while the gates run leaves the
 * tree with the agent's files in it, and the next `run` puts back what was there first.
 *
 * A single pytest node id runs the pytest gate with the id appended and one process,
 * under a cache directory of its own, so its one-test duration and history never stand
 * in for the suite's (shard balancing, failures first, the derived timeout).
 */
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, readlink, realpath, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { applyChangeSet } from '../../adapters/workspace/apply-change-set.js';
import { absoluteOf, resolveInsideRoot } from '../../adapters/workspace/inside-root.js';
import { BUILTIN_GATES, repositoryCacheDir, runGates } from '../../gates/index.js';
import type { FileChange } from '../../pipeline/agent/change-set.js';
import { normalizeAgentPath, WorkspaceError, type WritePolicy } from '../../pipeline/agent/guards.js';
import { describeGateCheck, type GateCheckPort, type GateCheckRequest } from '../../pipeline/agent/self-check.js';
import type { Config, GateConfig } from '../../pipeline/config/schema.js';
import type { GatesRun } from '../../pipeline/gate-result.js';
import { summarizeGates } from '../../reporting/run-report.js';

/** What stood at a path before the change set was written over it. */
const originalSchema = z.discriminatedUnion('kind', [
  z.object({ path: z.string().min(1), kind: z.literal('absent') }),
  z.object({ path: z.string().min(1), kind: z.literal('file'), data: z.string(), mode: z.number().int() }),
  z.object({ path: z.string().min(1), kind: z.literal('link'), target: z.string() }),
]);

export const scratchSchema = z.object({
  format: z.literal(1),
  originals: z.array(originalSchema),
  /** sha256 of what was written at each path (absent: deleted), so only the agent's own bytes are put back. */
  written: z.record(z.string(), z.string().nullable()),
  /** Directories the change set created (deepest last), removed again. */
  createdDirs: z.array(z.string()),
});
export type Scratch = z.infer<typeof scratchSchema>;

/** Where the scratch record is kept: the state store's. */
export interface ScratchStore {
  saveScratch(scratch: Scratch): Promise<void>;
  loadScratch(): Promise<Scratch | undefined>;
  clearScratch(): Promise<void>;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

async function readOriginal(rootReal: string, path: string): Promise<Scratch['originals'][number]> {
  // Refuses a path that leads out of the root before anything is read.
  await resolveInsideRoot(rootReal, path);
  const abs = absoluteOf(rootReal, path);
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return { path, kind: 'absent' };
  if (st.isSymbolicLink()) return { path, kind: 'link', target: await readlink(abs) };
  if (!st.isFile()) throw new WorkspaceError('is-directory', `"${path}" is not a regular file.`, path);
  return { path, kind: 'file', data: (await readFile(abs)).toString('base64'), mode: st.mode & 0o777 };
}

/** Directories above `path` that do not exist yet, deepest last. */
async function missingDirs(rootReal: string, path: string): Promise<string[]> {
  const missing: string[] = [];
  for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
    if (await lstat(absoluteOf(rootReal, dir)).catch(() => undefined)) break;
    missing.unshift(dir);
  }
  return missing;
}

async function currentHash(abs: string): Promise<string | null | 'other'> {
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return null;
  if (!st.isFile()) return 'other';
  return sha256(await readFile(abs));
}

/**
 * Puts the tree back from a scratch record. `careful` (after a crash): a path is put back
 * only while it still holds exactly what the change set wrote there; the others are
 * returned, untouched.
 */
export async function restoreScratch(root: string, scratch: Scratch, careful: boolean): Promise<string[]> {
  const rootReal = await realpath(root);
  const skipped: string[] = [];
  for (const original of scratch.originals) {
    const path = normalizeAgentPath(original.path);
    const abs = absoluteOf(rootReal, path);
    if (careful && scratch.written[path] !== undefined && (await currentHash(abs)) !== scratch.written[path]) {
      skipped.push(path);
      continue;
    }
    await resolveInsideRoot(rootReal, path);
    if (original.kind === 'absent') {
      await unlink(abs).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    } else if (original.kind === 'link') {
      await rm(abs, { force: true });
      await symlink(original.target, abs);
    } else {
      await mkdir(dirname(abs), { recursive: true });
      await rm(abs, { force: true });
      await writeFile(abs, Buffer.from(original.data, 'base64'));
      await chmod(abs, original.mode);
    }
  }
  // Created for the change set: they hold only its files and what the tools left (caches).
  for (const dir of [...scratch.createdDirs].reverse()) {
    if (skipped.some((p) => p.startsWith(`${dir}/`))) continue;
    await rm(absoluteOf(rootReal, normalizeAgentPath(dir)), { recursive: true, force: true });
  }
  return skipped;
}

/** The gate names a run_gates call may use: the run's selection (`--only`), enabled ones, in configuration order. */
export function runGateNames(config: Config, only: readonly string[] | undefined): string[] {
  return Object.entries(config.gates)
    .filter(([name, value]) => value !== false && value.enabled !== false && (!only || only.length === 0 || only.includes(name)))
    .map(([name]) => name);
}

/** The gate a node id runs under: the first of `names` that reads pytest's output. */
export function pytestGateOf(config: Config, names: readonly string[]): string | undefined {
  return names.find((name) => {
    const value = config.gates[name];
    return value !== false && value !== undefined && (value.parser ?? BUILTIN_GATES[name]?.parser) === 'pytest';
  });
}

/** Each gate's timeout capped at `limitSeconds` (a gate's own shorter one stands). */
function capped(gate: GateConfig, limitSeconds: number): GateConfig {
  return gate.timeout !== undefined && gate.timeout <= limitSeconds ? gate : { ...gate, timeout: limitSeconds };
}

/** The configuration and gate selection one request runs with. */
export function configForRequest(config: Config, request: GateCheckRequest, limitSeconds: number): { config: Config; only: string[] } {
  if (request.kind === 'gates') {
    const gates = Object.fromEntries(Object.entries(config.gates).map(([name, value]) => [name, value === false || !request.gates.includes(name) ? value : capped(value, limitSeconds)]));
    return { config: { ...config, gates }, only: [...request.gates] };
  }
  const value = config.gates[request.gate];
  if (value === false || value === undefined) throw new Error(`The gate ${request.gate} is not configured.`);
  const cwd = normalizeAgentPath(value.cwd ?? '.', true);
  if (cwd !== '' && request.path !== cwd && !request.path.startsWith(`${cwd}/`)) {
    throw new Error(`${request.path} is outside the ${request.gate} gate's directory (${cwd}); give a test under it.`);
  }
  const nodeArg = cwd === '' ? request.nodeId : request.nodeId.slice(cwd.length + 1) || '.';
  const gate: GateConfig = { ...capped(value, limitSeconds), args: [...value.args, nodeArg], shards: 1 };
  return { config: { ...config, gates: { [request.gate]: gate } }, only: [request.gate] };
}

export interface LocalGateCheckOptions {
  root: string;
  config: Config;
  policy: WritePolicy;
  store: ScratchStore;
  gates: { only?: readonly string[]; noCache: boolean; env: Record<string, string | undefined> };
  signal: AbortSignal;
  /** Said before and after each call. */
  say?: (text: string) => void;
  /** Told of each finished call, for the run report. */
  record?: (entry: { iteration: number; request: GateCheckRequest; run: GatesRun }) => void;
  /** The run was interrupted while the gates ran. */
  interrupted: () => Error;
}

/** The local loop's run_gates port. */
export function localGateCheck(options: LocalGateCheckOptions): GateCheckPort {
  const gateNames = runGateNames(options.config, options.gates.only);
  const testGate = pytestGateOf(options.config, gateNames);
  return {
    gateNames,
    ...(testGate ? { testGate } : {}),
    async run(changes: readonly FileChange[], request: GateCheckRequest, call: { timeLimitMs: number; iteration: number }): Promise<GatesRun> {
      const { root } = options;
      const limitSeconds = Math.max(1, Math.floor(call.timeLimitMs / 1000));
      const selected = configForRequest(options.config, request, limitSeconds);
      const rootReal = await realpath(root);
      const originals = [];
      const createdDirs = new Set<string>();
      for (const change of changes) {
        originals.push(await readOriginal(rootReal, change.path));
        if (change.action !== 'delete') for (const dir of await missingDirs(rootReal, change.path)) createdDirs.add(dir);
      }
      const scratch: Scratch = {
        format: 1,
        originals,
        written: Object.fromEntries(changes.map((c) => [c.path, c.action === 'delete' ? null : sha256(c.content)])),
        createdDirs: [...createdDirs].sort((a, b) => a.split('/').length - b.split('/').length),
      };
      await options.store.saveScratch(scratch);
      const what = describeGateCheck(request);
      options.say?.(`      … run_gates: ${what} on the change set (${changes.length} file${changes.length === 1 ? '' : 's'})`);
      let run: GatesRun;
      let refused = false;
      try {
        try {
          await applyChangeSet(root, changes, options.policy);
        } catch (error) {
          // Refused before anything was written: nothing to put back.
          refused = error instanceof WorkspaceError;
          throw error;
        }
        run = await runGates({
          root,
          config: selected.config,
          only: selected.only,
          noCache: options.gates.noCache,
          env: options.gates.env,
          signal: options.signal,
          ...(request.kind === 'test' ? { cacheDir: join(repositoryCacheDir(root, options.gates.env), 'run-gates-test') } : {}),
        });
      } finally {
        // If putting back fails, the record stays and the next run puts back what it can.
        if (!refused) await restoreScratch(root, scratch, false);
        await options.store.clearScratch();
      }
      if (options.signal.aborted) throw options.interrupted();
      const summary = summarizeGates(0, '', run);
      options.say?.(`      ${run.conclusion === 'success' ? '✓' : '✗'} run_gates: ${summary.gates.map((g) => `${g.gate} ${g.status}${g.status === 'passed' ? '' : ` (${g.detail})`}${g.fromCache ? ' cached' : ''}`).join('; ')} in ${(run.durationMs / 1000).toFixed(1)}s`);
      options.record?.({ iteration: call.iteration, request, run });
      return run;
    },
  };
}
