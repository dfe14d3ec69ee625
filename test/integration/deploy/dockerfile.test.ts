/**
 * The container image without Docker (it does not run on the CI machine): the Dockerfile
 * is parsed, its stages run in temp folders (test/support/deploy/dockerfile.ts) from a
 * build context that `.dockerignore` filters, the runtime stage's `npm ci --omit=dev`
 * for real (from the npm cache when it holds the packages), then its CMD started with
 * the image's ENV and its HEALTHCHECK run against it.
 *
 * One stand-in: the build stage's `npm ci` (all 500-odd packages, minutes) is the
 * repository's own node_modules, installed by the same command from the same lock file;
 * the test checks the command is exactly that before standing in for it. The compile
 * (`npm run build:lib`) runs for real in the copied context, so a file the build needs
 * and the Dockerfile does not copy fails here.
 *
 * What this catches: a runtime import of a devDependency (or of a package not declared
 * at all), a file the app needs at run time that the image lacks, an `npm ci` that runs
 * `prepare` without tsc, the app listening where a published port cannot reach it, a
 * health check that cannot fail.
 */
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildContext, commandOf, dockerignoreFilter, parseDockerfile, parseHealthcheck, runStages, type Stage, type StageRun } from '../../support/deploy/dockerfile.js';
import { freePort, REPO, type AppProcess } from '../../support/app/process.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };
const stages = parseDockerfile(readFileSync(join(REPO, 'Dockerfile'), 'utf8'));
const dockerignore = readFileSync(join(REPO, '.dockerignore'), 'utf8');
const build = stages.find((s) => s.name === 'build');
const runtime = stages.at(-1)!;

const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);
const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);
/** `npm ci` and its flags, from a RUN line that may chain more commands with `&&`. */
function npmCi(command: string): string[] | undefined {
  const step = command.split('&&').map((s) => s.trim()).find((s) => /^npm (ci|clean-install)\b/.test(s));
  return step?.split(/\s+/).slice(2);
}

let work: string;
let runs: Map<string, StageRun>;
const timings: Record<string, number> = {};
// Node and npm of this machine stand in for the image's (same major: checked below).
const hostEnv = {
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  HOME: process.env.HOME ?? tmpdir(),
  npm_config_cache: process.env.npm_config_cache || join(process.env.HOME ?? tmpdir(), '.npm'),
  npm_config_update_notifier: 'false',
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'spec-automation-image-'));
  let started = Date.now();
  const context = buildContext(REPO, dockerignore);
  timings.context = Date.now() - started;
  started = Date.now();
  runs = await runStages(stages, {
    base: work,
    contextRoot: REPO,
    context,
    hostEnv,
    substitute: (stage, command, dir) => {
      const flags = npmCi(command);
      if (stage !== 'build' || !flags || command.includes('&&')) return false;
      // Exactly the install `npm ci` made of this repository, nothing omitted.
      expect(flags.filter((f) => !['--ignore-scripts', '--no-audit', '--no-fund'].includes(f)), `build stage: ${command}`).toEqual([]);
      symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'junction');
      return true;
    },
    rewrite: (_stage, command) => {
      // `npm cache clean` keeps the image small; here it would empty this machine's npm cache.
      const kept = command.replace(/\s*&&\s*npm cache clean --force\s*$/, '');
      if (/\bnpm cache\b/.test(kept)) throw new Error(`RUN ${command}: this test does not run npm cache commands on the host's cache`);
      // From the npm cache when it has the tarballs (the registry otherwise): how, not what, is installed.
      return kept.replace(/\bnpm ci\b/, 'npm ci --prefer-offline');
    },
  });
  timings.build = Date.now() - started;
}, 600_000);

// Some 20,000 files of node_modules: a minute on a busy disk.
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
}, 300_000);

describe('Dockerfile', () => {
  it('builds on Node 24 pinned by major, in two stages: build (all dependencies, tsc) and runtime', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.image, `FROM of stage ${stage.name}`).toMatch(/^node:24(-[a-z0-9.-]+)?$/);
    expect(Number(process.versions.node.split('.')[0]), 'the host Node stands in for the image: same major').toBeGreaterThanOrEqual(22);
    expect(build, 'a stage named build').toBeDefined();
    const buildRuns = all(build!, 'RUN').map((i) => i.args);
    expect(buildRuns.some((r) => npmCi(r) && !npmCi(r)!.some((f) => f.startsWith('--omit') || f === '--production'))).toBe(true);
    expect(buildRuns).toContain('npm run build:lib');
    expect(pkg.scripts['build:lib']).toContain('tsconfig.build.json');
    expect(all(runtime, 'COPY').map((c) => c.args)).toContain('--from=build /app/lib ./lib');
  });

  it('installs production dependencies only in the runtime stage, without running prepare (tsc is a devDependency)', () => {
    const install = all(runtime, 'RUN').map((i) => npmCi(i.args)).find(Boolean);
    expect(install).toEqual(expect.arrayContaining(['--omit=dev', '--ignore-scripts']));
    const modules = join(runs.get(runtime.name)!.dir, 'node_modules');
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(modules, dep, 'package.json')), `dependency ${dep}`).toBe(true);
    // A real --omit=dev tree, as the lock file marks it: what only devDependencies need
    // ("dev") is absent, what a dependency needs (no flag) is there. ("devOptional", e.g.
    // typescript as an optional peer of a dependency's dependency, may be either.)
    const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean; devOptional?: boolean; link?: boolean }> };
    const top = Object.entries(lock.packages).filter(([path, p]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && !p.link);
    const devOnly = top.filter(([, p]) => p.dev).map(([path]) => path.slice('node_modules/'.length));
    const needed = top.filter(([, p]) => !p.dev && !p.optional && !p.devOptional).map(([path]) => path.slice('node_modules/'.length));
    expect(devOnly).toEqual(expect.arrayContaining(['vitest', 'eslint', 'nock', 'smee-client', '@vercel/ncc']));
    expect(devOnly.filter((name) => existsSync(join(modules, name))), 'installed although only devDependencies need them').toEqual([]);
    expect(needed.filter((name) => !existsSync(join(modules, name, 'package.json'))), 'missing from the production install').toEqual([]);
  });

  it('runs as a non-root user with NODE_ENV=production, listening on every interface', () => {
    const user = last(runtime, 'USER');
    expect(user?.args).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    expect(user!.line).toBeLessThan(last(runtime, 'CMD')!.line);
    const env = runs.get(runtime.name)!.env;
    expect(env.NODE_ENV).toBe('production');
    // Probot listens on "localhost" unless HOST says otherwise; a container's published port reaches only 0.0.0.0.
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('imports, from lib/, only Node built-ins and declared runtime dependencies, each resolvable in the production install', () => {
    const dir = runs.get(runtime.name)!.dir;
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (/\.(m|c)?js$/.test(e.name)) files.push(join(d, e.name));
      }
    };
    walk(join(dir, 'lib'));
    expect(files.length).toBeGreaterThan(50);
    const builtins = new Set(builtinModules);
    const used = new Map<string, string>();
    for (const file of files) {
      for (const imported of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        const spec = imported.fileName;
        if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) continue;
        used.set(spec, file.slice(dir.length + 1));
      }
    }
    // The scan sees imports (the app's framework, a dynamic import of a model SDK).
    expect(used.has('probot') && used.has('@anthropic-ai/bedrock-sdk')).toBe(true);
    const name = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
    const wrong = [...used].filter(([spec]) => !(name(spec) in pkg.dependencies)).map(([spec, file]) => `${spec} (imported by ${file}) is ${name(spec) in pkg.devDependencies ? 'a devDependency' : 'not declared'}: move it to "dependencies" in package.json`);
    expect(wrong).toEqual([]);
    const probe = `for (const s of ${JSON.stringify([...used.keys()])}) { try { import.meta.resolve(s); } catch (e) { console.log(s + ': ' + e.message); } }`;
    const resolved = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: join(dir, 'lib'), encoding: 'utf8' });
    expect(resolved.stderr).toBe('');
    expect(resolved.stdout).toBe('');
  });

  describe('the CMD, started from the production install', () => {
    let app: AppProcess & { port: number };
    const healthcheck = parseHealthcheck(last(runtime, 'HEALTHCHECK')?.args ?? 'CMD false');
    const runHealthcheck = (port: number) =>
      spawnSync(healthcheck.command[0]!, healthcheck.command.slice(1), { cwd: runs.get(runtime.name)!.dir, env: { ...hostEnv, ...runs.get(runtime.name)!.env, PORT: String(port) }, encoding: 'utf8', timeout: 30_000 });

    beforeAll(async () => {
      const stage = runs.get(runtime.name)!;
      const port = await freePort();
      const closed = await freePort();
      const [command, ...args] = commandOf(last(runtime, 'CMD')!.args);
      const started = Date.now();
      const child = spawn(command === 'node' ? process.execPath : command!, args, {
        cwd: stage.dir,
        env: {
          PATH: hostEnv.PATH,
          ...stage.env,
          PORT: String(port),
          APP_ID: '123456',
          PRIVATE_KEY: generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey,
          WEBHOOK_SECRET: 'image-test-secret',
          ANTHROPIC_API_KEY: 'sk-ant-image-test',
          // Nothing leaves the machine: GitHub is a closed loopback port, the start-up probe and recovery are off.
          GHE_HOST: `127.0.0.1:${closed}`,
          GHE_PROTOCOL: 'http',
          SPEC_AUTOMATION_STARTUP_PROBE: 'off',
          SPEC_AUTOMATION_RECOVERY: 'off',
          APP_SLUG: 'spec-automation',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const listening = new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          text += chunk.toString();
          if (/Listening on/.test(text)) resolve();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then((code) => reject(new Error(`the image's CMD exited (${code}) before listening:\n${text}`)));
      });
      app = {
        child,
        port,
        output: () => text,
        exited,
        waitFor: () => listening,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            await exited;
          }
        },
      };
      await listening;
      timings.start = Date.now() - started;
    }, 120_000);

    afterAll(async () => {
      await app?.stop();
    });

    it('listens on 0.0.0.0 and answers /healthz', async () => {
      expect(app.output()).toMatch(new RegExp(`Listening on http://0\\.0\\.0\\.0:${app.port}`));
      expect(app.output()).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
      const response = await fetch(`http://127.0.0.1:${app.port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok' });
      expect((await fetch(`http://127.0.0.1:${app.port}/metrics`)).status).toBe(200);
    });

    it("passes the image's HEALTHCHECK, which fails once the app is gone", async () => {
      expect(healthcheck.command[0]).toBe('node'); // the slim image has no curl or wget
      expect(healthcheck.options).toMatchObject({ interval: expect.any(String), timeout: expect.any(String) });
      const up = runHealthcheck(app.port);
      expect(up.status, up.stderr).toBe(0);
      await app.stop();
      expect(runHealthcheck(app.port).status).toBe(1);
    });

    it('took (build stages, then start) in milliseconds', () => {
      // Informational: printed for the report, not a budget (the machine is shared).
      console.log(`image steps outside a container: context ${timings.context} ms, stages ${timings.build} ms, CMD to listening ${timings.start} ms; RUN steps: ${[...runs.values()].flatMap((r) => r.ran.map((x) => `${x.command.slice(0, 40)} ${x.ms} ms`)).join('; ')}`);
      expect(timings.build).toBeGreaterThan(0);
    });
  });
});

describe('.dockerignore', () => {
  const { excluded } = dockerignoreFilter(dockerignore);
  it('keeps secrets, local installs and builds, and the repository out of the build context', () => {
    for (const path of ['.env', '.env.production', 'private-key.pem', 'src/app/key.pem', 'node_modules/probot/package.json', 'lib/app/main.js', '.git/config', 'dist/index.js', 'coverage/index.html', '.spec-automation/state/x.json']) {
      expect(excluded(path), path).toBe(true);
    }
  });
  it('lets in what the Dockerfile copies', () => {
    for (const path of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src/app/main.ts', 'app.yml', 'bin/spec-automation.js', 'schema/spec-automation.schema.json']) expect(excluded(path), path).toBe(false);
  });
  it('gives the image what the npm package ships (package.json "files")', () => {
    const files = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { files: string[] }).files;
    const dir = runs.get(runtime.name)!.dir;
    for (const f of files) expect(existsSync(join(dir, f)), `${f} in the runtime stage`).toBe(true);
  });
});

describe('compose.yaml', () => {
  const compose = parseYaml(readFileSync(join(REPO, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { build?: string; image?: string; command?: string[]; env_file?: ({ path: string } | string)[]; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; init?: boolean; healthcheck?: unknown; ports?: string[] }>;
  };
  const { web, worker, postgres } = compose.services;

  it('has web, worker and postgres; web and worker are this image, read .env and wait for a healthy Postgres', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'web', 'worker']);
    for (const [name, service] of Object.entries({ web, worker })) {
      expect(service?.build, name).toBe('.');
      expect(service?.env_file?.map((e) => (typeof e === 'string' ? e : e.path)), name).toEqual(['.env']);
      expect(service?.depends_on?.postgres?.condition, name).toBe('service_healthy');
      // Node as PID 1 ignores the signals it has no handler for: an init forwards docker stop's SIGTERM.
      expect(service?.init, name).toBe(true);
      const url = new URL(service!.environment!.DATABASE_URL!.replace(/\$\{[^}]*\}/, 'password'));
      expect(url.protocol).toBe('postgres:');
      expect(url.hostname).toBe('postgres');
      expect(url.username).toBe((postgres?.environment as Record<string, string>).POSTGRES_USER);
      expect(url.pathname.slice(1)).toBe((postgres?.environment as Record<string, string>).POSTGRES_DB);
    }
    // Job lines are info; without a level, web.js and worker.js log at Probot's createProbot default, warn.
    for (const [name, service] of Object.entries({ web, worker })) expect(service?.environment?.LOG_LEVEL, name).toBe('${LOG_LEVEL:-info}');
    // The reverse proxy reaches web on loopback; workers receive nothing.
    expect(web?.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(worker?.ports).toBeUndefined();
    expect(postgres?.image).toMatch(/^postgres:\d+/);
    expect(postgres?.healthcheck).toBeDefined();
  });

  const entry = (service: { command?: string[] } | undefined) => service?.command?.[1] ?? '';
  const built = (lib: string) => existsSync(join(REPO, lib.replace(/^lib\//, 'src/').replace(/\.js$/, '.ts')));
  it.skipIf(!built(entry(web)) || !built(entry(worker)))('runs the web and worker entries, which the build produces (skipped until src/app/web.ts and worker.ts exist)', () => {
    expect(web?.command).toEqual(['node', 'lib/app/web.js']);
    expect(worker?.command).toEqual(['node', 'lib/app/worker.js']);
    const dir = runs.get(runtime.name)!.dir;
    for (const e of [entry(web), entry(worker)]) expect(existsSync(join(dir, e)), e).toBe(true);
    expect(pkg.scripts['start:web']).toBe('node lib/app/web.js');
    expect(pkg.scripts['start:worker']).toBe('node lib/app/worker.js');
  });
});
