/**
 * What the code reads and what the documents say, held together:
 *
 * - every environment variable src/ reads (found with the type checker:
 *   test/support/deploy/env-reads.ts) is documented: a variable the app can read (in a file
 *   its entries load) is a row of README.md's Environment table (GitHub App → Deploy →
 *   Environment), or, for a model route's variable, named in "Model routes"; any other
 *   variable is named somewhere in README.md, or is the platform's (listed below, each
 *   with its reason);
 * - nothing stale: each row of the table is read by src/ or by Probot, .env.example
 *   lists exactly the table's variables, and the variables compose.yaml and the
 *   Dockerfile set are rows of the table;
 * - README.md's permission table and event list are app.yml's (app.yml against the code:
 *   test/contract/app/manifest.test.ts).
 *
 * Each failure says what to add or remove, and where.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { envReads, reachableFrom, sourceFiles, type EnvRead } from '../../support/deploy/env-reads.js';
import { parseDockerfile, parseEnv } from '../../support/deploy/dockerfile.js';

const REPO = new URL('../../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const README = read('README.md');
const VARIABLE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Read by the code, set by someone else: the operating system, git, the Actions runner, or
 * a cloud SDK's own conventions that the model-route check mirrors. Not settings of
 * spec-automation, so not in its tables. An entry nothing reads any more fails the test.
 */
const PLATFORM: Record<string, string> = {
  HOME: 'the home folder (the gates cache, the AWS and gcloud credential files)',
  USERPROFILE: 'the home folder on Windows',
  APPDATA: "Windows' roaming folder, where gcloud keeps its credentials",
  LOCALAPPDATA: "Windows' local folder (the gates cache; README names it)",
  XDG_CACHE_HOME: 'the cache folder (README names it)',
  TERM: 'the terminal (README names TERM=dumb)',
  GIT_AUTHOR_NAME: "git's identity: the CLI adds one only when git has none",
  GIT_AUTHOR_EMAIL: "git's identity",
  GIT_COMMITTER_NAME: "git's identity",
  GIT_COMMITTER_EMAIL: "git's identity",
  GITHUB_ACTIONS: 'set by the Actions runner',
  GITHUB_ACTION: 'set by the Actions runner',
  GITHUB_EVENT_NAME: 'set by the Actions runner',
  GITHUB_REPOSITORY: 'set by the Actions runner',
  GITHUB_REF: 'set by the Actions runner',
  GITHUB_SERVER_URL: 'set by the Actions runner',
  GITHUB_WORKSPACE: 'set by the Actions runner',
  RUNNER_TEMP: 'set by the Actions runner',
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: 'set by ECS for its task role (README: "container credentials")',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: 'set by EKS Pod Identity and others (README: "container credentials")',
};

/** The variables Probot itself reads (what it documents), from its compiled code. */
function probotReads(): Set<string> {
  const names = new Set<string>();
  const scan = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) scan(path);
      else if (e.name.endsWith('.js')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b|\benv\[["']([A-Z][A-Z0-9_]*)["']\]/g)) names.add(m[1] ?? m[2]!);
        for (const m of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g)) for (const n of m[1]!.split(',')) if (VARIABLE.test(n.trim())) names.add(n.trim());
      }
    }
  };
  scan(join(REPO, 'node_modules', 'probot', 'lib'));
  scan(join(REPO, 'node_modules', '@probot', 'get-private-key', 'dist-src'));
  return names;
}

/** The text of a section: from its heading to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`README.md has no "${heading}" heading`);
  const level = heading.match(/^#+/)![0].length;
  // A `# comment` in a fenced code block (the Deploy section's shell lines) is not a heading.
  let fenced = false;
  const inFence = lines.map((l) => (/^\s*(```|~~~)/.test(l) ? ((fenced = !fenced), true) : fenced));
  const end = lines.findIndex((l, i) => i > start && !inFence[i] && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

const backticked = (text: string) => new Set([...text.matchAll(/`([A-Z][A-Z0-9_]*)(?:=[^`]*)?`/g)].map((m) => m[1]!));

/** The first cell's backticked names of each row of the table in `text`. */
function tableVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const first = line.split('|')[1] ?? '';
    for (const n of backticked(first)) names.add(n);
  }
  return names;
}

const ENV_HEADING = '#### Environment';
const envTable = tableVariables(section(README, ENV_HEADING));
const modelRoutes = backticked(section(README, '### Model routes'));
const everywhere = backticked(README);
const example = new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
const compose = parseYaml(read('compose.yaml'), { merge: true }) as { services: Record<string, { environment?: Record<string, string> }> };
const composeInterpolated = new Set([...read('compose.yaml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!));

const srcFiles = sourceFiles(join(REPO, 'src'));
const reads = envReads(REPO, srcFiles);
const appFiles = new Set([...reachableFrom(sourceFiles(join(REPO, 'src', 'app')))].map((f) => f.slice(REPO.length).replace(/^\//, '')));
const byName = new Map<string, EnvRead[]>();
for (const r of reads) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
const probot = probotReads();

const row = (name: string) => `add a row "| \`${name}\` | <default> | <what> |" to README.md's Environment table (GitHub App → Deploy → Environment) and a line "# ${name}=" to .env.example`;

describe('environment variables: the code and the documents agree', () => {
  it('finds the reads (the scan itself works)', () => {
    // Direct, through a helper with a constant (envValue(env, APP_PROVIDER_VARIABLE)), and outside src/app.
    for (const name of ['APP_ID', 'WEBHOOK_SECRET', 'SPEC_AUTOMATION_MODEL_PROVIDER', 'ANTHROPIC_API_KEY', 'NO_COLOR']) expect(byName.has(name), name).toBe(true);
    expect(byName.get('APP_ID')!.every((r) => appFiles.has(r.file))).toBe(true);
    expect(appFiles.has('src/cli/terminal.ts')).toBe(false);
    // `this.env.session` in the run store is a run's context, not the environment.
    expect(byName.has('session')).toBe(false);
    expect(probot.has('WEBHOOK_PROXY_URL') && probot.has('PRIVATE_KEY') && probot.has('LOG_LEVEL')).toBe(true);
  });

  it('documents every variable the app reads in the Environment table (model routes: in "Model routes")', () => {
    const missing: string[] = [];
    for (const [name, where] of byName) {
      const inApp = where.filter((r) => appFiles.has(r.file));
      if (inApp.length === 0 || envTable.has(name) || PLATFORM[name]) continue;
      const modelOnly = inApp.every((r) => r.file.startsWith('src/adapters/anthropic/'));
      if (modelOnly && modelRoutes.has(name)) continue;
      missing.push(`${name} is read at ${inApp.map((r) => r.where).join(', ')} but not documented: ${modelOnly ? `name it in README.md's "Model routes" section, or ${row(name)}` : row(name)}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents every other variable src/ reads somewhere in README.md, unless the platform sets it', () => {
    const missing = [...byName]
      .filter(([name, where]) => !where.some((r) => appFiles.has(r.file)) && !everywhere.has(name) && !PLATFORM[name])
      .map(([name, where]) => `${name} is read at ${where.map((r) => r.where).join(', ')} but README.md never names it: say what it does, in backticks, in the section of the command that reads it (or, if the OS, git or the Actions runner sets it, add it to PLATFORM in this test with the reason)`);
    expect(missing).toEqual([]);
    const stale = Object.keys(PLATFORM).filter((n) => !byName.has(n)).map((n) => `${n} is in this test's PLATFORM list but src/ no longer reads it: remove it`);
    expect(stale).toEqual([]);
  });

  it('lists in the Environment table only variables that src/ or Probot reads', () => {
    const stale = [...envTable].filter((n) => !byName.has(n) && !probot.has(n)).map((n) => `${n} is in README.md's Environment table but neither src/ nor Probot reads it: remove the row (and its line in .env.example), or read it`);
    expect(stale).toEqual([]);
  });

  it('.env.example lists exactly the Environment table (plus what compose.yaml interpolates)', () => {
    const missing = [...envTable].filter((n) => !example.has(n)).map((n) => `${n} is in README.md's Environment table but not in .env.example: add "# ${n}=" there`);
    const extra = [...example].filter((n) => !envTable.has(n) && !composeInterpolated.has(n)).map((n) => `${n} is in .env.example but not in README.md's Environment table: ${row(n).replace(/ and a line .*$/, '')}, or remove it from .env.example`);
    expect([...missing, ...extra]).toEqual([]);
    for (const n of composeInterpolated) {
      expect(example.has(n), `compose.yaml reads \${${n}}: add "# ${n}=" to .env.example`).toBe(true);
      expect(everywhere.has(n), `compose.yaml reads \${${n}}: name it in README.md's Deploy section`).toBe(true);
    }
  });

  it("names in the GitHub App section's steps only variables of the Environment table (a First run step cannot call one differently)", () => {
    // Named there but not settings the app reads: what Probot's registration writes and nothing reads,
    // compose.yaml's own, and words in capitals that are not variables.
    const notSettings: Record<string, string> = {
      GITHUB_CLIENT_ID: 'written to .env by the manifest flow, not read by the app',
      GITHUB_CLIENT_SECRET: 'written to .env by the manifest flow, not read by the app',
      POSTGRES_PASSWORD: "compose.yaml's Postgres password (checked above)",
      CMD: 'a Dockerfile instruction',
      ENV: 'a Dockerfile instruction',
      HEALTHCHECK: 'a Dockerfile instruction',
      NAME: 'the `NAME=value` form of an env file',
      PONG: "/ping's answer",
    };
    const named = backticked(section(README, '## GitHub App'));
    const unknown = [...named].filter((n) => !envTable.has(n) && !notSettings[n]).map((n) => `README.md's GitHub App section names \`${n}\`, which is not a row of the Environment table: use the variable's name as the code reads it, or ${row(n)}`);
    expect(unknown).toEqual([]);
    const stale = Object.keys(notSettings).filter((n) => !named.has(n)).map((n) => `${n} is in this test's notSettings list but the GitHub App section no longer names it: remove it`);
    expect(stale).toEqual([]);
  });

  it('documents every variable compose.yaml and the Dockerfile set', () => {
    const set = new Map<string, string>();
    for (const [name, service] of Object.entries(compose.services)) for (const key of Object.keys(service.environment ?? {})) if (!key.startsWith('POSTGRES_')) set.set(key, `compose.yaml (service ${name})`);
    for (const stage of parseDockerfile(read('Dockerfile'))) for (const ins of stage.instructions.filter((i) => i.keyword === 'ENV')) for (const key of Object.keys(parseEnv(ins.args))) set.set(key, `the Dockerfile (stage ${stage.name})`);
    const missing = [...set].filter(([name]) => !envTable.has(name)).map(([name, where]) => `${where} sets ${name}: ${row(name)}`);
    expect(missing).toEqual([]);
    expect(set.size).toBeGreaterThan(2);
  });
});

describe('README.md and app.yml', () => {
  const manifest = parseYaml(read('app.yml')) as { default_events: string[]; default_permissions: Record<string, string> };
  const app = section(README, '## GitHub App');

  it("lists app.yml's permissions in its permission table", () => {
    const table: Record<string, string> = {};
    for (const line of app.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length < 4 || !/^(read|write)$/.test(cells[2]!)) continue;
      table[cells[1]!.toLowerCase().replace(/\s+/g, '_')] = cells[2]!;
    }
    expect(table, "README.md's permission table (GitHub App → Register) differs from app.yml's default_permissions: change the table").toEqual(manifest.default_permissions);
  });

  it("names app.yml's events", () => {
    const line = app.split('\n').find((l) => l.startsWith('Events:'));
    expect(line, 'README.md has an "Events: `push`, …" line under GitHub App').toBeDefined();
    const events = [...line!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
    expect(events.sort(), 'the "Events:" line in README.md differs from app.yml\'s default_events').toEqual([...manifest.default_events].sort());
  });
});
