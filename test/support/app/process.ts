/**
 * The app's compiled entry (lib/app/main.js) in a child process, as `npm start` runs it:
 * a free loopback port, an explicit environment (nothing inherited but PATH), output
 * collected, and a wait for a line or the exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO = new URL('../../../', import.meta.url).pathname;
export const MAIN = join(REPO, 'lib', 'app', 'main.js');

/** Compiles src/ into lib/ (what `npm run build:lib` does) once per test file. */
/** lib/ is compiled once for the whole run (test/setup/build-lib.ts); this checks the app's entry is there. */
export function buildLib(): void {
  if (!existsSync(MAIN)) throw new Error('lib/app/main.js was not built (test/setup/build-lib.ts compiles lib/ before the tests).');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output matches `pattern`; rejects when the process exits first. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function startApp(args: string[], env: Record<string, string>, cwd = REPO): AppProcess {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          if (!pattern.test(text)) reject(new Error(`the app exited (${code}) before printing ${pattern}:\n${text}`));
        });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
