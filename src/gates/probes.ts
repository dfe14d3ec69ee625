/**
 * Facts about the installed tools that the cache key and the report need: a program's
 * identity (real path, size, mtime), its version, and a Python environment's identity
 * (its `sys.path` directories, whose mtimes change when a package is installed or
 * upgraded). Versions and `sys.path` cost a process each, so they are remembered on disk
 * by program identity: a fully cached run spawns nothing.
 */
import { execFile } from 'node:child_process';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeAtomically, type CacheWriteError } from './cache.js';

const PROBE_TIMEOUT_MS = 30_000;

interface Stored {
  format: 1;
  versions: Record<string, string | null>;
  sysPaths: Record<string, string[]>;
}

/** `<real path>|<size>|<mtime>` of a program, or `missing:<path>`. */
export async function fileIdentity(path: string): Promise<string> {
  try {
    const real = await realpath(path);
    const s = await stat(real);
    return `${real}|${s.size}|${Math.round(s.mtimeMs)}`;
  } catch {
    return `missing:${path}`;
  }
}

function run(argv: string[], env: Record<string, string | undefined>): Promise<{ stdout: string; stderr: string } | undefined> {
  const [file, ...args] = argv;
  if (!file) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: PROBE_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      resolve(error && !stdout && !stderr ? undefined : { stdout, stderr });
    });
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A probes file read back: versions are strings or null, sys.path lists are lists of strings. */
function isStored(value: unknown): value is Stored {
  if (!isRecord(value) || value.format !== 1 || !isRecord(value.versions) || !isRecord(value.sysPaths)) return false;
  return (
    Object.values(value.versions).every((v) => v === null || typeof v === 'string') &&
    Object.values(value.sysPaths).every((p) => Array.isArray(p) && p.every((e) => typeof e === 'string'))
  );
}

const VERSION = /\b(\d+\.\d+(?:\.\d+)?(?:[-.+]?[0-9A-Za-z.]+)?)\b/;

export class Probes {
  private data: Stored = { format: 1, versions: {}, sysPaths: {} };
  private dirty = false;

  /**
   * @param file where to remember probes (in the repository's cache directory); undefined keeps them in memory only
   * @param env environment of the probe processes (the gates' clean one)
   * @param writeFailed told when storing them fails
   */
  constructor(
    private readonly file: string | undefined,
    private readonly env: Record<string, string | undefined>,
    private readonly writeFailed: CacheWriteError = () => undefined,
  ) {}

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const stored = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      if (isStored(stored)) this.data = stored;
    } catch {
      // First run, or a corrupt file: probe again.
    }
  }

  async save(): Promise<void> {
    if (!this.file || !this.dirty) return;
    try {
      await writeAtomically(this.file, JSON.stringify(this.data));
      this.dirty = false;
    } catch (error) {
      // Probes are an optimisation; failing to store them only costs time next run.
      this.writeFailed(error);
    }
  }

  /** The version a program prints for `versionArgs`, remembered by the program's identity. */
  async version(launcher: string[], versionArgs: string[], identity: string): Promise<string | undefined> {
    const key = `${identity}|${launcher.slice(1).join(' ')}|${versionArgs.join(' ')}`;
    if (key in this.data.versions) return this.data.versions[key] ?? undefined;
    const output = await run([...launcher, ...versionArgs], this.env);
    const version = output ? (VERSION.exec(`${output.stdout}\n${output.stderr}`)?.[1] ?? null) : null;
    this.data.versions[key] = version;
    this.dirty = true;
    return version ?? undefined;
  }

  /**
   * Identity of a Python environment: the interpreter plus the mtime of every directory
   * on its `sys.path` (site-packages and friends, a virtualenv's included), except the
   * repository root itself, whose files the input hashes already cover.
   */
  async pythonEnvironment(python: string, root: string): Promise<string> {
    const identity = await fileIdentity(python);
    let paths = this.data.sysPaths[identity];
    if (!paths) {
      const output = await run([python, '-c', 'import json, sys; print(json.dumps(sys.path))'], this.env);
      try {
        const parsed = JSON.parse(output?.stdout.trim() ?? '') as unknown;
        paths = Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && p !== '') : [];
      } catch {
        paths = [];
      }
      this.data.sysPaths[identity] = paths;
      this.dirty = true;
    }
    const outside = paths.filter((p) => relative(root, p) !== '');
    const stamps = await Promise.all(
      outside.map(async (p) => {
        try {
          return `${p}@${Math.round((await stat(p)).mtimeMs)}`;
        } catch {
          return `${p}@-`;
        }
      }),
    );
    return [identity, ...stamps].join('\n');
  }
}

/** The probes file in a repository's cache directory. */
export function probesFile(cacheDir: string): string {
  return join(cacheDir, 'probes.json');
}
