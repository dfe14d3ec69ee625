/**
 * Just enough of Docker's build semantics to run a Dockerfile's steps outside a container
 * (Docker does not run on the CI machine): the instructions per stage, the build context
 * as `.dockerignore` leaves it, and a runner that applies WORKDIR, ENV, COPY (from the
 * context or `--from` another stage) and RUN in one temp folder per stage, the stages
 * running concurrently as BuildKit runs them (a `COPY --from` waits for its stage).
 *
 * What it does not do, on purpose: base images (the host's Node stands in for the
 * image's, and the test checks the image is the same major), USER (no root on the
 * host to drop; the test asserts the user instead), ARG substitution (refused).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import picomatch from 'picomatch';

export interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
  line: number;
}

export interface Stage {
  image: string;
  name: string;
  instructions: Instruction[];
}

/** Stages in order, instructions with continuation lines (`\` at the end) joined. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      i++;
      const next = lines[i]!;
      if (/^\s*#/.test(next)) continue; // comment lines inside a continuation are dropped, as Docker does
      line = line.replace(/\\\s*$/, ' ') + next.trim();
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`Dockerfile line ${start + 1}: not an instruction: ${line}`);
    const instruction = { keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 };
    if (instruction.keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from) throw new Error(`Dockerfile line ${start + 1}: FROM ${instruction.args}`);
      stages.push({ image: from[1]!, name: from[2] ?? String(stages.length), instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`Dockerfile line ${start + 1}: ${instruction.keyword} before FROM`);
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return stages;
}

/** `["node", "x.js"]` (exec form) as an argv; shell form as `sh -c …`. */
export function commandOf(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

/** `ENV A=1 B=2` (or the legacy `ENV A 1`); quoted values with spaces are not used here. */
export function parseEnv(args: string): Record<string, string> {
  if (!args.includes('=')) {
    const [key, ...rest] = args.split(/\s+/);
    return { [key!]: rest.join(' ') };
  }
  const env: Record<string, string> = {};
  for (const pair of args.split(/\s+/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`ENV ${args}: "${pair}" is not KEY=value`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return env;
}

/** HEALTHCHECK [--options] CMD …: the options and the command. */
export function parseHealthcheck(args: string): { options: Record<string, string>; command: string[] } {
  const options: Record<string, string> = {};
  let rest = args;
  for (let m = /^--([a-z-]+)=(\S+)\s+/.exec(rest); m; m = /^--([a-z-]+)=(\S+)\s+/.exec(rest)) {
    options[m[1]!] = m[2]!;
    rest = rest.slice(m[0].length);
  }
  const cmd = /^CMD\s+(.*)$/s.exec(rest);
  if (!cmd) throw new Error(`HEALTHCHECK ${args}: no CMD`);
  return { options, command: commandOf(cmd[1]!) };
}

/** COPY [--from=stage] [--chown=…] src… dest. */
export function parseCopy(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
  let from: string | undefined;
  const rest: string[] = [];
  for (const w of words) {
    if (w.startsWith('--from=')) from = w.slice('--from='.length);
    else if (w.startsWith('--')) continue;
    else rest.push(w);
  }
  if (rest.length < 2) throw new Error(`COPY ${args}: needs a source and a destination`);
  return { ...(from ? { from } : {}), sources: rest.slice(0, -1), dest: rest.at(-1)! };
}

/**
 * `.dockerignore` as Docker reads it. Docker's rules: patterns are relative to the context root (a leading `/` is dropped),
 * a pattern that matches a directory excludes what is under it, `!` re-includes, and the
 * last matching pattern wins.
 */
export function dockerignoreFilter(dockerignore: string): { excluded: (rel: string) => boolean; anyNegation: boolean } {
  const rules = dockerignore
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negated = l.startsWith('!');
      const pattern = posix.normalize((negated ? l.slice(1) : l).replace(/^\/+/, '')).replace(/\/+$/, '');
      return { negated, match: picomatch(pattern, { dot: true }) };
    });
  const excluded = (rel: string): boolean => {
    const parts = rel.split('/');
    let result = false;
    for (const rule of rules) {
      for (let n = 1; n <= parts.length; n++) {
        if (rule.match(parts.slice(0, n).join('/'))) {
          result = !rule.negated;
          break;
        }
      }
    }
    return result;
  };
  return { excluded, anyNegation: rules.some((r) => r.negated) };
}

/** The files `.dockerignore` lets into the build context, relative and `/`-separated. */
export function buildContext(root: string, dockerignore: string): string[] {
  const { excluded, anyNegation } = dockerignoreFilter(dockerignore);
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // Without a `!` rule nothing under an excluded folder comes back: skip it (node_modules).
        if (!anyNegation && excluded(path)) continue;
        walk(path);
      } else if (!excluded(path)) files.push(path);
    }
  };
  walk('');
  return files.sort();
}

export interface StageRun {
  dir: string;
  env: Record<string, string>;
  workdir: string;
  /** The RUN commands, each with how long it took. */
  ran: { command: string; ms: number }[];
}

export interface RunOptions {
  /** Where the stages' folders go (`<base>/<stage>` stands for the stage's WORKDIR). */
  base: string;
  /** The repository the context is taken from, and its files as `.dockerignore` lets them through. */
  contextRoot: string;
  context: readonly string[];
  /** The host's environment for RUN (PATH, HOME, the npm cache); the stage's ENV goes over it. */
  hostEnv: Record<string, string>;
  /** Stands in for a RUN command (the same result by other means), or returns undefined to run it. */
  substitute?: (stage: string, command: string, dir: string) => Promise<boolean> | boolean;
  /** Extra arguments for a RUN command line (flags that change how, not what, e.g. `--prefer-offline`). */
  rewrite?: (stage: string, command: string) => string;
}

function sh(command: string, cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`RUN ${command} exited with ${code}:\n${out.slice(-4000)}`))));
  });
}

function copyInto(root: string, sources: readonly string[], allowed: ((rel: string) => boolean) | undefined, destDir: string, dest: string): void {
  const fromRoot = resolve(root);
  for (const source of sources) {
    const rel = posix.normalize(source.replace(/^\.\/?/, '') || '.').replace(/\/+$/, '');
    const from = join(fromRoot, rel === '.' ? '' : rel);
    if (!existsSync(from)) throw new Error(`COPY ${source}: not in the ${allowed ? 'build context' : 'stage'} (${from})`);
    const isDir = statSync(from).isDirectory();
    if (allowed && !isDir && !allowed(rel)) throw new Error(`COPY ${source}: .dockerignore keeps it out of the build context`);
    if (allowed && isDir && !readdirSync(from).length) throw new Error(`COPY ${source}: an empty folder`);
    const target = dest.endsWith('/') || sources.length > 1 ? join(destDir, dest, isDir ? '' : posix.basename(rel)) : join(destDir, dest);
    mkdirSync(isDir ? target : join(target, '..'), { recursive: true });
    cpSync(from, target, {
      recursive: true,
      dereference: false,
      filter: (src) => {
        if (!allowed) return true;
        const r = relative(fromRoot, src).split('\\').join('/');
        if (r === '') return true;
        return statSync(src).isDirectory() ? true : allowed(r);
      },
    });
  }
}

/** Runs every stage's steps; resolves with each stage's folder and environment. */
export async function runStages(stages: readonly Stage[], options: RunOptions): Promise<Map<string, StageRun>> {
  const inContext = new Set(options.context);
  const allowed = (rel: string) => inContext.has(rel);
  const done = new Map<string, Promise<StageRun>>();
  for (const stage of stages) {
    const run = (async (): Promise<StageRun> => {
      const dir = join(options.base, stage.name);
      mkdirSync(dir, { recursive: true });
      const result: StageRun = { dir, env: {}, workdir: '/', ran: [] };
      for (const ins of stage.instructions) {
        if (/\$\{?[A-Za-z_]/.test(ins.args) && ins.keyword !== 'HEALTHCHECK' && ins.keyword !== 'CMD') throw new Error(`line ${ins.line}: ${ins.keyword} uses a build variable; this runner does not substitute them`);
        switch (ins.keyword) {
          case 'WORKDIR':
            if (result.workdir !== '/' && result.workdir !== ins.args) throw new Error(`line ${ins.line}: a second WORKDIR in stage ${stage.name}`);
            result.workdir = ins.args;
            break;
          case 'ENV':
            Object.assign(result.env, parseEnv(ins.args));
            break;
          case 'COPY': {
            const parsed = parseCopy(ins.args);
            const copy = { ...parsed, dest: parsed.dest.startsWith(`${result.workdir}/`) ? `./${parsed.dest.slice(result.workdir.length + 1)}` : parsed.dest };
            if (copy.dest.startsWith('/')) throw new Error(`line ${ins.line}: COPY to ${copy.dest}, outside WORKDIR ${result.workdir}`);
            if (copy.from) {
              const from = done.get(copy.from);
              if (!from) throw new Error(`line ${ins.line}: COPY --from=${copy.from}: no such earlier stage`);
              const other = await from;
              const sources = copy.sources.map((s) => (s.startsWith(other.workdir) ? s.slice(other.workdir.length).replace(/^\//, '') || '.' : s));
              copyInto(other.dir, sources, undefined, dir, copy.dest === '.' ? './' : copy.dest);
            } else copyInto(options.contextRoot, copy.sources, allowed, dir, copy.dest);
            break;
          }
          case 'RUN': {
            const command = ins.args;
            const started = Date.now();
            if (!(await options.substitute?.(stage.name, command, dir))) {
              await sh(options.rewrite?.(stage.name, command) ?? command, dir, { ...options.hostEnv, ...result.env });
            }
            result.ran.push({ command, ms: Date.now() - started });
            break;
          }
          default:
            break; // USER, EXPOSE, HEALTHCHECK, CMD, LABEL: read by the test, nothing to do at build time
        }
      }
      return result;
    })();
    // Keep an unobserved rejection from crashing the run before runStages awaits it.
    run.catch(() => undefined);
    done.set(stage.name, run);
  }
  const out = new Map<string, StageRun>();
  for (const [name, run] of done) out.set(name, await run);
  return out;
}
