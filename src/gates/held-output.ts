/**
 * Who still holds a tool's output after the tool ended. A descendant that called
 * `setsid()` (or otherwise left the process group) is out of reach of the group kill,
 * and if it inherited stdout it may run on, however long, writing into the gate's
 * output. The tool's stdout and stderr are files (see process.ts); on Linux, /proc
 * names every process that still has them open (`/proc/<pid>/fd/1 -> /tmp/…/stdout`),
 * so they can be killed, together with their process groups. Elsewhere nothing can be
 * found.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * Process ids (other than this one) that have any of `targets` open: real paths of
 * files, or `pipe:[<inode>]` / `socket:[<inode>]` as /proc links name them; empty
 * without /proc.
 */
export function outputHolders(targets: readonly string[]): number[] {
  if (targets.length === 0) return [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return [];
  }
  const wanted = new Set(targets);
  const holders: number[] = [];
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // Gone, or not ours to read.
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return holders;
}

/** The process group of a process (field 5 of /proc/<pid>/stat), or undefined. */
function processGroup(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pgrp = Number(fields[2]);
    return Number.isInteger(pgrp) && pgrp > 0 ? pgrp : undefined;
  } catch {
    return undefined;
  }
}

/** SIGKILLs each process and the process group it leads or belongs to (never our own group). */
export function killHolders(pids: readonly number[]): void {
  const ownGroup = processGroup(process.pid);
  for (const pid of pids) {
    const group = processGroup(pid);
    if (group !== undefined && group !== ownGroup && group > 1) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
