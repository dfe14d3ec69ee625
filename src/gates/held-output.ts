/**
 * Who still holds a tool's output pipes after the tool ended. A descendant that called
 * `setsid()` (or otherwise left the process group) is out of reach of the group kill,
 * and if it inherited stdout it keeps the pipe open: waiting for end-of-output then
 * waits for it, however long it runs. On Linux, /proc names the tool's end of its
 * stdout and stderr (`/proc/<tool>/fd/1 -> socket:[inode]`: Node gives children a
 * socket pair, or a pipe) right after it starts, and later every process that still has
 * that end open, so they can be killed, together with their process groups. Elsewhere
 * nothing can be found, nor when the tool was gone before its ends could be read (it
 * exited within moments of starting): the caller stops reading instead and says so.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * `socket:[<inode>]` or `pipe:[<inode>]` of the tool's stdout and stderr, read from
 * /proc as soon as it started (its descriptors are set before it runs anything); empty
 * without /proc or when the tool is already gone.
 */
export function outputEnds(pid: number | undefined): string[] {
  if (pid === undefined) return [];
  const ends: string[] = [];
  for (const fd of [1, 2]) {
    try {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (link.startsWith('socket:') || link.startsWith('pipe:')) ends.push(link);
    } catch {
      // No /proc, or the tool already exited.
    }
  }
  return ends;
}

/** Process ids (other than this one) that have any of `pipes` (from {@link outputEnds}) open; empty without /proc. */
export function pipeHolders(pipes: readonly string[]): number[] {
  if (pipes.length === 0) return [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return [];
  }
  const wanted = new Set(pipes);
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
