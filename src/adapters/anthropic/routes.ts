/**
 * Model routes: where the agent's Messages API calls go, chosen by `agent.provider`
 * (`auto` picks from the environment), and the check of each route's credentials that
 * the CLI and the app run before any work starts. Pure: the environment and the
 * file-existence probe are passed in.
 *
 * Each route reads the variables its official SDK reads:
 * - anthropic: ANTHROPIC_API_KEY (x-api-key) or ANTHROPIC_AUTH_TOKEN (Authorization: Bearer),
 *   ANTHROPIC_BASE_URL for a gateway or an Anthropic-compatible local server;
 * - bedrock (@anthropic-ai/bedrock-sdk): AWS_REGION, then AWS_BEARER_TOKEN_BEDROCK or AWS
 *   credentials (AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY, AWS_PROFILE, web identity,
 *   the container's credentials, the shared credentials file); ANTHROPIC_BEDROCK_BASE_URL;
 * - vertex (@anthropic-ai/vertex-sdk): CLOUD_ML_REGION, ANTHROPIC_VERTEX_PROJECT_ID and
 *   Google application default credentials (GOOGLE_APPLICATION_CREDENTIALS or the gcloud
 *   file); ANTHROPIC_VERTEX_BASE_URL;
 * - foundry (@anthropic-ai/foundry-sdk): ANTHROPIC_FOUNDRY_API_KEY with
 *   ANTHROPIC_FOUNDRY_RESOURCE or ANTHROPIC_FOUNDRY_BASE_URL.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AgentConfig, ModelProvider } from '../../pipeline/config/schema.js';

export type ModelRoute = Exclude<ModelProvider, 'auto'>;
export type Env = Readonly<Record<string, string | undefined>>;

/** A variable's value, or undefined when unset or blank (the SDKs' readEnv trims too). */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const has = (env: Env, ...names: string[]) => names.some((n) => envValue(env, n) !== undefined);
const truthy = (env: Env, name: string) => ['1', 'true', 'yes'].includes((envValue(env, name) ?? '').toLowerCase());

/**
 * The route for `provider`. `auto` follows the environment the way the official clients
 * are told where to go: an explicit CLAUDE_CODE_USE_BEDROCK / _VERTEX / _FOUNDRY switch
 * first (the convention Claude Code and the peer action use), then an Anthropic key or
 * token, then the variables only one cloud SDK reads; nothing set means the Anthropic API
 * (whose check then names ANTHROPIC_API_KEY).
 */
export function resolveRoute(provider: ModelProvider, env: Env): ModelRoute {
  if (provider !== 'auto') return provider;
  if (truthy(env, 'CLAUDE_CODE_USE_BEDROCK')) return 'bedrock';
  if (truthy(env, 'CLAUDE_CODE_USE_VERTEX')) return 'vertex';
  if (truthy(env, 'CLAUDE_CODE_USE_FOUNDRY')) return 'foundry';
  if (has(env, 'ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN')) return 'anthropic';
  if (has(env, 'ANTHROPIC_FOUNDRY_API_KEY', 'ANTHROPIC_FOUNDRY_RESOURCE', 'ANTHROPIC_FOUNDRY_BASE_URL')) return 'foundry';
  if (has(env, 'AWS_BEARER_TOKEN_BEDROCK', 'ANTHROPIC_BEDROCK_BASE_URL')) return 'bedrock';
  if (has(env, 'ANTHROPIC_VERTEX_PROJECT_ID', 'CLOUD_ML_REGION', 'ANTHROPIC_VERTEX_BASE_URL')) return 'vertex';
  return 'anthropic';
}

/** How to set a variable, in bash and in PowerShell, on one line. */
export function howToSet(name: string, example: string): string {
  return `bash: export ${name}=${example}  PowerShell: $env:${name}="${example}"`;
}

export type CredentialCheck =
  | { ok: true; route: ModelRoute; /** For the plan and the log: the route and what it authenticates with (never a secret). */ description: string }
  | { ok: false; route: ModelRoute; /** One line: the route, the variable, how to set it. */ message: string };

export interface CredentialProbe {
  /** Whether a file exists (the AWS shared credentials file, the gcloud ADC file). Default: none does. */
  fileExists?: (path: string) => boolean;
  /** Default: the user's home directory. */
  home?: string;
  /** What chose the route, named in the message: `agent.provider` (the default; the CLI), or the app's variable. */
  routeSetting?: string;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const VERTEX_REGION = /^(?:global|us|eu|[a-z]+-[a-z]+\d+)$/;
const FOUNDRY_RESOURCE = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

function failure(setting: string) {
  return (route: ModelRoute, text: string): CredentialCheck => ({ ok: false, route, message: `Model route ${route} (${setting}): ${text}` });
}
type Fail = ReturnType<typeof failure>;

function url(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function checkAnthropic(env: Env, fail: Fail): CredentialCheck {
  const key = envValue(env, 'ANTHROPIC_API_KEY');
  const token = envValue(env, 'ANTHROPIC_AUTH_TOKEN');
  const base = envValue(env, 'ANTHROPIC_BASE_URL');
  if (base !== undefined && !url(base)) {
    return fail('anthropic', `ANTHROPIC_BASE_URL "${base}" is not an http(s) URL; ${howToSet('ANTHROPIC_BASE_URL', 'https://gateway.example.com')}`);
  }
  if (key === undefined && token === undefined) {
    return fail('anthropic', `ANTHROPIC_API_KEY is not set (or ANTHROPIC_AUTH_TOKEN for a gateway); create a key at https://console.anthropic.com/settings/keys, ${howToSet('ANTHROPIC_API_KEY', 'sk-ant-...')}, or replay a recorded session.`);
  }
  // A direct call with a key that is not an Anthropic key would only fail later with 401.
  if (base === undefined && key !== undefined && !key.startsWith('sk-ant-')) {
    return fail('anthropic', `ANTHROPIC_API_KEY does not look like an Anthropic key (it starts with "sk-ant-"); ${howToSet('ANTHROPIC_API_KEY', 'sk-ant-...')}, or set ANTHROPIC_BASE_URL when it is a gateway's key.`);
  }
  const auth = key !== undefined ? 'ANTHROPIC_API_KEY' : 'ANTHROPIC_AUTH_TOKEN';
  return { ok: true, route: 'anthropic', description: `anthropic (${auth}${base !== undefined ? `, ${base}` : ''})` };
}

function checkBedrock(env: Env, probe: Required<CredentialProbe>, fail: Fail): CredentialCheck {
  const region = envValue(env, 'AWS_REGION') ?? envValue(env, 'AWS_DEFAULT_REGION');
  if (region !== undefined && !REGION.test(region)) {
    return fail('bedrock', `AWS_REGION "${region}" is not an AWS region name; ${howToSet('AWS_REGION', 'us-east-1')}`);
  }
  const access = envValue(env, 'AWS_ACCESS_KEY_ID');
  const secret = envValue(env, 'AWS_SECRET_ACCESS_KEY');
  if ((access === undefined) !== (secret === undefined)) {
    const missing = access === undefined ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY';
    return fail('bedrock', `${missing} is not set, but its pair is; set both, ${howToSet(missing, '...')}`);
  }
  const source =
    envValue(env, 'AWS_BEARER_TOKEN_BEDROCK') !== undefined
      ? 'AWS_BEARER_TOKEN_BEDROCK'
      : access !== undefined
        ? 'AWS_ACCESS_KEY_ID'
        : envValue(env, 'AWS_PROFILE') !== undefined
          ? `AWS_PROFILE ${envValue(env, 'AWS_PROFILE')}`
          : has(env, 'AWS_WEB_IDENTITY_TOKEN_FILE')
            ? 'web identity'
            : has(env, 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI')
              ? 'container credentials'
              : probe.fileExists(envValue(env, 'AWS_SHARED_CREDENTIALS_FILE') ?? join(probe.home, '.aws', 'credentials'))
                ? 'shared credentials file'
                : undefined;
  if (source === undefined) {
    return fail('bedrock', `no AWS credentials found; ${howToSet('AWS_BEARER_TOKEN_BEDROCK', '...')} (a Bedrock API key), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE.`);
  }
  return { ok: true, route: 'bedrock', description: `bedrock (${region ?? 'us-east-1'}, ${source})` };
}

function checkVertex(env: Env, probe: Required<CredentialProbe>, fail: Fail): CredentialCheck {
  const region = envValue(env, 'CLOUD_ML_REGION');
  if (region === undefined) return fail('vertex', `CLOUD_ML_REGION is not set; ${howToSet('CLOUD_ML_REGION', 'us-east5')} (or global).`);
  if (!VERTEX_REGION.test(region)) return fail('vertex', `CLOUD_ML_REGION "${region}" is not a Vertex AI location; ${howToSet('CLOUD_ML_REGION', 'us-east5')}`);
  const project = envValue(env, 'ANTHROPIC_VERTEX_PROJECT_ID');
  if (project === undefined) return fail('vertex', `ANTHROPIC_VERTEX_PROJECT_ID is not set; ${howToSet('ANTHROPIC_VERTEX_PROJECT_ID', 'my-gcp-project')}`);
  const keyFile = envValue(env, 'GOOGLE_APPLICATION_CREDENTIALS');
  if (keyFile !== undefined) {
    if (!probe.fileExists(keyFile)) return fail('vertex', `GOOGLE_APPLICATION_CREDENTIALS names ${keyFile}, which does not exist; ${howToSet('GOOGLE_APPLICATION_CREDENTIALS', '/path/to/key.json')}`);
    return { ok: true, route: 'vertex', description: `vertex (${project}, ${region}, GOOGLE_APPLICATION_CREDENTIALS)` };
  }
  const configDir = envValue(env, 'CLOUDSDK_CONFIG') ?? (envValue(env, 'APPDATA') !== undefined ? join(envValue(env, 'APPDATA')!, 'gcloud') : join(probe.home, '.config', 'gcloud'));
  if (!probe.fileExists(join(configDir, 'application_default_credentials.json'))) {
    return fail('vertex', `no Google credentials found; run \`gcloud auth application-default login\`, or ${howToSet('GOOGLE_APPLICATION_CREDENTIALS', '/path/to/key.json')}`);
  }
  return { ok: true, route: 'vertex', description: `vertex (${project}, ${region}, gcloud application default credentials)` };
}

function checkFoundry(env: Env, fail: Fail): CredentialCheck {
  const resource = envValue(env, 'ANTHROPIC_FOUNDRY_RESOURCE');
  const base = envValue(env, 'ANTHROPIC_FOUNDRY_BASE_URL');
  if (resource !== undefined && base !== undefined) {
    return fail('foundry', 'ANTHROPIC_FOUNDRY_RESOURCE and ANTHROPIC_FOUNDRY_BASE_URL are both set, and the SDK takes one; unset one of them.');
  }
  if (resource === undefined && base === undefined) {
    return fail('foundry', `ANTHROPIC_FOUNDRY_RESOURCE is not set; ${howToSet('ANTHROPIC_FOUNDRY_RESOURCE', 'my-resource')} (the name in https://<resource>.services.ai.azure.com).`);
  }
  if (resource !== undefined && !FOUNDRY_RESOURCE.test(resource)) {
    return fail('foundry', `ANTHROPIC_FOUNDRY_RESOURCE "${resource}" is not a resource name (letters, digits and "-", no URL); ${howToSet('ANTHROPIC_FOUNDRY_RESOURCE', 'my-resource')}`);
  }
  if (base !== undefined && !url(base)) {
    return fail('foundry', `ANTHROPIC_FOUNDRY_BASE_URL "${base}" is not an http(s) URL; ${howToSet('ANTHROPIC_FOUNDRY_BASE_URL', 'https://my-resource.services.ai.azure.com/anthropic/')}`);
  }
  if (envValue(env, 'ANTHROPIC_FOUNDRY_API_KEY') === undefined) {
    return fail('foundry', `ANTHROPIC_FOUNDRY_API_KEY is not set; copy a key from the resource's Keys and Endpoint page, ${howToSet('ANTHROPIC_FOUNDRY_API_KEY', '...')}`);
  }
  return { ok: true, route: 'foundry', description: `foundry (${resource ?? base}, ANTHROPIC_FOUNDRY_API_KEY)` };
}

/**
 * Whether the configured route has what it needs, checked before any work starts. The
 * CLI runs it before `run` (unless it replays) and the app at start-up, with the same
 * environment the model port is later built from.
 */
export function checkModelCredentials(env: Env, agent: Pick<AgentConfig, 'provider'>, probe: CredentialProbe = {}): CredentialCheck {
  const full: Required<CredentialProbe> = { fileExists: probe.fileExists ?? (() => false), home: probe.home ?? homedir(), routeSetting: probe.routeSetting ?? 'agent.provider' };
  const fail = failure(full.routeSetting);
  const route = resolveRoute(agent.provider, env);
  switch (route) {
    case 'anthropic':
      return checkAnthropic(env, fail);
    case 'bedrock':
      return checkBedrock(env, full, fail);
    case 'vertex':
      return checkVertex(env, full, fail);
    case 'foundry':
      return checkFoundry(env, fail);
  }
}

/**
 * The model id in the form the route expects, from the Claude API id in `agent.model`:
 * Bedrock prefixes `anthropic.` (and, for the dated ids before the 4.6 generation, adds
 * `-v1:0`; Claude Opus 4.6 is the last with `-v1`), Vertex separates a snapshot date with
 * `@`. An id already in the route's form (a Bedrock inference profile or ARN, a Vertex
 * id with `@`) is passed as it is; the Anthropic API and Foundry take the API id.
 */
export function routeModelId(route: ModelRoute, model: string): string {
  const id = model.trim();
  if (route === 'bedrock') {
    if (id.startsWith('arn:') || /^(?:[a-z-]+\.)?anthropic\./.test(id)) return id;
    if (/-\d{8}$/.test(id)) return `anthropic.${id}-v1:0`;
    if (id === 'claude-opus-4-6') return 'anthropic.claude-opus-4-6-v1';
    return `anthropic.${id}`;
  }
  if (route === 'vertex') return id.includes('@') ? id : id.replace(/-(\d{8})$/, '@$1');
  return id;
}
