/**
 * Checks an HTTP request against GitHub's own OpenAPI description of api.github.com
 * (the `@octokit/openapi` package): the route exists for that method, path and query
 * parameters have the declared types, and the JSON body matches the operation's
 * requestBody schema. Every test double of GitHub (nock helper, loopback server) runs
 * every request through {@link checkRequest}, so a request GitHub would refuse fails
 * the test instead of passing against a lenient mock.
 *
 * The description is OpenAPI 3.0.3; ajv (draft-07 with `nullable` support) validates
 * it once `$ref`s resolve inside the one document, which is registered with ajv once
 * and compiled lazily per operation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const DESCRIPTION_FILE = require.resolve('@octokit/openapi/generated/api.github.com.json');
const DOC_ID = 'api.github.com';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

interface Route {
  method: string;
  template: string;
  /** Matches a concrete path with one segment per parameter. */
  strict: RegExp;
  /** Lets a trailing ref/path/branch parameter span slashes (`git/refs/heads/main` sent unencoded). */
  loose: RegExp;
  paramNames: string[];
  literalSegments: number;
}

/** The operation a request was matched to. */
export interface MatchedRoute {
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/check-runs`. */
  template: string;
  /** `METHOD template`, the same string `octokit.request()` takes. */
  route: string;
  operationId: string;
  params: Record<string, string>;
  query: Record<string, string>;
}

/** A request GitHub's description does not allow. */
export class GitHubRequestError extends Error {
  readonly problems: string[];
  readonly kind: 'unknown-route' | 'invalid';
  constructor(kind: 'unknown-route' | 'invalid', request: string, problems: string[]) {
    super(`${request}: ${problems.join('; ')}`);
    this.name = 'GitHubRequestError';
    this.kind = kind;
    this.problems = problems;
  }
}

interface Description {
  doc: { paths: Record<string, Record<string, JsonObject>>; components: Record<string, Record<string, JsonObject>> };
  routes: Route[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction | null>;
}

let description: Description | undefined;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parameters whose values contain slashes (`heads/main`, `docs/a.md`) that clients may send unencoded. */
const SLASH_PARAMS = new Set(['ref', 'path', 'branch']);

function buildRoute(method: string, template: string): Route {
  const segments = template.split('/').slice(1);
  const paramNames: string[] = [];
  let literalSegments = 0;
  const parts = segments.map((seg, i) => {
    const m = /^\{([^}]+)\}$/.exec(seg);
    if (m) {
      paramNames.push(m[1]!);
      const spansSlashes = i === segments.length - 1 && SLASH_PARAMS.has(m[1]!);
      return { strict: '([^/]+)', loose: spansSlashes ? '(.+)' : '([^/]+)' };
    }
    literalSegments += 1;
    // A segment may mix literals and a parameter (`{owner}.github.io` is not used, but be safe).
    const mixed = escapeRegex(seg).replace(/\\\{([^}]+)\\\}/g, (_all, name: string) => {
      paramNames.push(name);
      return '([^/]+)';
    });
    return { strict: mixed, loose: mixed };
  });
  return {
    method,
    template,
    strict: new RegExp(`^/${parts.map((p) => p.strict).join('/')}$`),
    loose: new RegExp(`^/${parts.map((p) => p.loose).join('/')}$`),
    paramNames,
    literalSegments,
  };
}

/**
 * OpenAPI 3.0's `nullable: true` means "or null". ajv understands it only next to
 * `type`, and its `enum` still refuses null; GitHub's description uses it beside
 * `oneOf`/`allOf`/`$ref` and enums too. Rewrite those cases, in place, to plain JSON Schema.
 */
function normalizeNullable(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) normalizeNullable(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const value of Object.values(node)) normalizeNullable(value);
  if (node.nullable !== true) return;
  if (node.type === undefined) {
    const inner: JsonObject = { ...node };
    delete inner.nullable;
    for (const key of Object.keys(node)) delete node[key];
    node.anyOf = [inner, { type: 'null' }];
  } else if (Array.isArray(node.enum) && !node.enum.includes(null)) {
    node.enum.push(null);
  }
}

function load(): Description {
  if (description) return description;
  const doc = JSON.parse(readFileSync(DESCRIPTION_FILE, 'utf8')) as Description['doc'];
  const routes: Route[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      if (['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) routes.push(buildRoute(method.toUpperCase(), template));
    }
  }
  // Most specific first: `/pulls/comments` before `/pulls/{pull_number}`.
  routes.sort((a, b) => b.literalSegments - a.literalSegments || a.paramNames.length - b.paramNames.length);
  // strict: false because the description uses OpenAPI keywords (example, x-github,
  // discriminator) that are not JSON Schema; `nullable` is understood by ajv itself.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  // Formats GitHub declares that ajv-formats does not know.
  ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/);
  ajv.addFormat('timestamp', true);
  normalizeNullable(doc as unknown as Json);
  ajv.addSchema(doc as unknown as object, DOC_ID);
  description = { doc, routes, ajv, validators: new Map() };
  return description;
}

function pointer(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

function resolveRef<T>(doc: Description['doc'], value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let i = 0; i < 10 && current && typeof current === 'object' && '$ref' in current; i++) {
    const ref = (current as { $ref: string }).$ref;
    const path = ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
  }
  return current as T;
}

function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const u = new URL(url, 'https://api.github.com');
  // GitHub Enterprise Server serves the same API under /api/v3.
  const path = u.pathname.replace(/^\/api\/v3(?=\/)/, '') || '/';
  return { path, query: u.searchParams };
}

function findRoute(method: string, path: string): { route: Route; values: string[] } | undefined {
  const { routes } = load();
  for (const pass of ['strict', 'loose'] as const) {
    for (const route of routes) {
      if (route.method !== method) continue;
      const m = route[pass].exec(path);
      if (m) return { route, values: m.slice(1) };
    }
  }
  return undefined;
}

/** Matches a method and concrete URL to an operation of the description, or undefined. */
export function matchRoute(method: string, url: string): MatchedRoute | undefined {
  const upper = method.toUpperCase();
  const { path, query } = splitUrl(url);
  const found = findRoute(upper, path);
  if (!found) return undefined;
  const { doc } = load();
  const op = doc.paths[found.route.template]![upper.toLowerCase()]!;
  const params: Record<string, string> = {};
  found.route.paramNames.forEach((name, i) => {
    const raw = found.values[i] ?? '';
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      params[name] = raw;
    }
  });
  return {
    method: upper,
    template: found.route.template,
    route: `${upper} ${found.route.template}`,
    operationId: String(op.operationId ?? ''),
    params,
    query: Object.fromEntries(query.entries()),
  };
}

function checkParameterValue(name: string, value: string, schema: JsonObject | undefined): string | undefined {
  if (!schema) return undefined;
  const type = schema.type;
  if (type === 'integer' && !/^-?\d+$/.test(value)) return `${name} must be an integer (got "${value}")`;
  if (type === 'number' && Number.isNaN(Number(value))) return `${name} must be a number (got "${value}")`;
  if (type === 'boolean' && value !== 'true' && value !== 'false') return `${name} must be true or false (got "${value}")`;
  const enumValues = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined;
  if (enumValues && !enumValues.includes(value)) return `${name} must be one of ${enumValues.join(', ')} (got "${value}")`;
  if (type === 'string' && value === '' && schema.minLength !== undefined) return `${name} must not be empty`;
  return undefined;
}

function formatAjvError(e: ErrorObject): string {
  const where = `body${e.instancePath}`;
  switch (e.keyword) {
    case 'enum':
      return `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'required':
      return `${where} must have required property '${(e.params as { missingProperty: string }).missingProperty}'`;
    case 'maxItems':
      return `${where} must have at most ${(e.params as { limit: number }).limit} items`;
    case 'maxLength':
      return `${where} must be at most ${(e.params as { limit: number }).limit} characters`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}

function bodyValidator(template: string, method: string): ValidateFunction | null {
  const d = load();
  const key = `${method} ${template}`;
  const cached = d.validators.get(key);
  if (cached !== undefined) return cached;
  const op = d.doc.paths[template]![method.toLowerCase()]!;
  const requestBody = op.requestBody ? resolveRef<JsonObject>(d.doc, op.requestBody as JsonObject) : undefined;
  const content = requestBody?.content as JsonObject | undefined;
  let validator: ValidateFunction | null = null;
  if (content && content['application/json']) {
    const ref = `${DOC_ID}#/${pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}`;
    validator = d.ajv.compile({ $ref: ref });
  }
  d.validators.set(key, validator);
  return validator;
}

function parseBody(body: unknown): { value: unknown; error?: string } {
  if (body === undefined || body === null || body === '') return { value: undefined };
  if (Buffer.isBuffer(body)) body = body.toString('utf8');
  if (typeof body !== 'string') return { value: body };
  try {
    return { value: JSON.parse(body) };
  } catch {
    return { value: body, error: 'body is not valid JSON' };
  }
}

/**
 * Checks one request against GitHub's OpenAPI description and returns the operation
 * it matched. Throws {@link GitHubRequestError} with every problem found, e.g.
 * `POST /repos/o/r/check-runs: body/output/annotations/0/annotation_level must be one of notice, warning, failure`.
 *
 * @param method HTTP method
 * @param url absolute (`https://api.github.com/...`, `http://127.0.0.1:1234/...`) or a path with query
 * @param body the JSON body as text, Buffer or parsed value; undefined when none
 */
export function checkRequest(method: string, url: string, body?: unknown): MatchedRoute {
  const upper = method.toUpperCase();
  const { path } = splitUrl(url);
  const label = `${upper} ${path}`;
  const matched = matchRoute(upper, url);
  if (!matched) {
    throw new GitHubRequestError('unknown-route', label, [`no operation in GitHub's OpenAPI description matches ${upper} ${path}`]);
  }
  const d = load();
  const op = d.doc.paths[matched.template]![upper.toLowerCase()]!;
  const parameters = ((op.parameters as Json[] | undefined) ?? []).map((p) => resolveRef<Parameter>(d.doc, p as unknown as Parameter));
  const problems: string[] = [];

  for (const p of parameters.filter((x) => x.in === 'path')) {
    const value = matched.params[p.name];
    if (value === undefined || value === '') problems.push(`path parameter ${p.name} is empty`);
    else {
      const problem = checkParameterValue(`path parameter ${p.name}`, value, p.schema);
      if (problem) problems.push(problem);
    }
  }
  const queryParams = new Map(parameters.filter((x) => x.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(matched.query)) {
    const p = queryParams.get(name);
    if (!p) {
      problems.push(`unknown query parameter "${name}" (known: ${[...queryParams.keys()].join(', ') || 'none'})`);
      continue;
    }
    const problem = checkParameterValue(`query parameter ${name}`, value, p.schema);
    if (problem) problems.push(problem);
  }
  for (const p of queryParams.values()) {
    if (p.required && !(p.name in matched.query)) problems.push(`query parameter ${p.name} is required`);
  }

  const parsed = parseBody(body);
  if (parsed.error) problems.push(parsed.error);
  const validator = bodyValidator(matched.template, upper);
  const requestBody = op.requestBody ? resolveRef<JsonObject>(d.doc, op.requestBody as JsonObject) : undefined;
  if (parsed.value === undefined) {
    if (requestBody?.required === true) problems.push('body is required');
  } else if (validator) {
    if (!validator(parsed.value)) {
      const errors = validator.errors ?? [];
      // anyOf/oneOf summaries add nothing when the branch errors are listed too.
      const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
      const messages = [...new Set((specific.length > 0 ? specific : errors).map(formatAjvError))];
      problems.push(...messages.slice(0, 8));
    }
  } else if (!requestBody && !(typeof parsed.value === 'object' && parsed.value !== null && Object.keys(parsed.value).length === 0)) {
    problems.push(`${upper} ${matched.template} takes no request body`);
  }
  if (problems.length > 0) throw new GitHubRequestError('invalid', label, problems);
  return matched;
}

/** The GitHub-shaped error response for a request {@link checkRequest} refused. */
export function errorResponseFor(error: GitHubRequestError): { status: number; body: JsonObject } {
  if (error.kind === 'unknown-route') {
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
  }
  return {
    status: 422,
    body: {
      message: `Invalid request (checked against GitHub's OpenAPI description): ${error.problems.join('; ')}`,
      errors: error.problems,
      documentation_url: 'https://docs.github.com/rest',
      status: '422',
    },
  };
}
