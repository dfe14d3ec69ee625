/**
 * What keeps two shards of one suite from seeing each other (pure): each shard gets its
 * own directory with pytest's `--basetemp`, its own temp directory (`TMPDIR`, and `TEMP`
 * and `TMP`, which Python's `tempfile` reads on Windows), its own pytest cache
 * (`-o cache_dir=`), and its own JUnit report. Tests that share a temp path by name then
 * behave as they do in a single run, where they never ran at the same time.
 */
import { posix, win32 } from 'node:path';

export interface ShardPaths {
  dir: string;
  basetemp: string;
  temp: string;
  cache: string;
  report: string;
}

/** The directories of shard `index` (0-based) under the run's own temp directory. */
export function shardPaths(runDir: string, index: number, platform: NodeJS.Platform = process.platform): ShardPaths {
  const path = platform === 'win32' ? win32 : posix;
  const dir = path.join(runDir, `shard-${index + 1}`);
  return { dir, basetemp: path.join(dir, 'basetemp'), temp: path.join(dir, 'tmp'), cache: path.join(dir, 'cache'), report: path.join(dir, 'report.xml') };
}

const TEMP_NAMES = ['TMPDIR', 'TEMP', 'TMP'];

/**
 * The shard's environment: the gate's, with every temp variable pointing at the shard's
 * own directory. Windows names are case-insensitive (`Temp` and `TEMP` are one variable,
 * and a child given both gets either), so any spelling is replaced, not added beside.
 */
export function shardEnvironment(env: Readonly<Record<string, string>>, paths: ShardPaths, index: number, count: number, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const out: Record<string, string> = {};
  const windows = platform === 'win32';
  for (const [name, value] of Object.entries(env)) {
    const replaced = windows ? TEMP_NAMES.includes(name.toUpperCase()) : TEMP_NAMES.includes(name);
    if (!replaced) out[name] = value;
  }
  for (const name of TEMP_NAMES) out[name] = paths.temp;
  // For a suite that wants to know (a per-shard database name, a port offset).
  out.SPEC_AUTOMATION_SHARD = String(index + 1);
  out.SPEC_AUTOMATION_SHARDS = String(count);
  return out;
}

/** pytest arguments that give a shard its own base temp directory and cache. */
export function shardArguments(paths: ShardPaths): string[] {
  return [`--basetemp=${paths.basetemp}`, '-o', `cache_dir=${paths.cache}`];
}

/**
 * CreateProcess takes at most 32,767 characters of command line; with quoting and the
 * program path, leave a margin. POSIX limits (ARG_MAX, 2 MB on Linux) are out of reach.
 */
const WINDOWS_COMMAND_LINE_BUDGET = 30_000;

/** Why a command line cannot be started on this platform, or undefined when it can. */
export function commandLineProblem(argv: readonly string[], platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform !== 'win32') return undefined;
  // Each argument may be quoted (two quotes) and is separated by a space.
  const length = argv.reduce((sum, arg) => sum + arg.length + 3, 0);
  return length > WINDOWS_COMMAND_LINE_BUDGET ? `a shard's command line would be ${length} characters, past Windows' limit of 32,767` : undefined;
}
