/**
 * The GraphQL counterpart of ./openapi.ts for the one GraphQL operation spec-automation
 * sends: `markPullRequestReadyForReview` (REST cannot turn a draft pull request into a
 * ready one). A small parser reads the document (operations, variable definitions,
 * arguments, selection sets) and checks it against the part of GitHub's public schema
 * it touches, copied from https://docs.github.com/graphql/reference/mutations#markpullrequestreadyforreview:
 * unknown fields, missing required input fields, undeclared or mistyped variables and
 * selections on scalars are refused, the way GitHub would answer with `errors`.
 */
import { GitHubRequestError, type MatchedRoute } from './openapi.js';

type TypeRef = string; // e.g. `ID!`, `PullRequest`

interface ObjectType {
  kind: 'object';
  fields: Record<string, { type: TypeRef; args?: Record<string, TypeRef> }>;
}
interface InputType {
  kind: 'input';
  fields: Record<string, TypeRef>;
}
type SchemaType = ObjectType | InputType | { kind: 'scalar' } | { kind: 'enum'; values: string[] };

/** The slice of GitHub's schema the app's mutation uses. */
const SCHEMA: Record<string, SchemaType> = {
  Mutation: {
    kind: 'object',
    fields: { markPullRequestReadyForReview: { type: 'MarkPullRequestReadyForReviewPayload', args: { input: 'MarkPullRequestReadyForReviewInput!' } } },
  },
  MarkPullRequestReadyForReviewInput: { kind: 'input', fields: { pullRequestId: 'ID!', clientMutationId: 'String' } },
  MarkPullRequestReadyForReviewPayload: { kind: 'object', fields: { clientMutationId: { type: 'String' }, pullRequest: { type: 'PullRequest' } } },
  PullRequest: {
    kind: 'object',
    fields: {
      id: { type: 'ID!' },
      number: { type: 'Int!' },
      isDraft: { type: 'Boolean!' },
      title: { type: 'String!' },
      url: { type: 'URI!' },
      state: { type: 'PullRequestState!' },
    },
  },
  PullRequestState: { kind: 'enum', values: ['OPEN', 'CLOSED', 'MERGED'] },
  ID: { kind: 'scalar' },
  String: { kind: 'scalar' },
  Int: { kind: 'scalar' },
  Boolean: { kind: 'scalar' },
  URI: { kind: 'scalar' },
};

type Value = { kind: 'var'; name: string } | { kind: 'object'; fields: Record<string, Value> } | { kind: 'literal'; value: unknown };

interface Field {
  name: string;
  args: Record<string, Value>;
  selection: Field[] | undefined;
}

interface Operation {
  type: 'query' | 'mutation' | 'subscription';
  variables: Record<string, TypeRef>;
  selection: Field[];
}

class Parser {
  readonly #tokens: string[];
  #i = 0;

  constructor(text: string) {
    this.#tokens = text.replace(/#[^\n]*/g, ' ').match(/"(?:[^"\\]|\\.)*"|\.\.\.|[!$():=@[\]{}|,]|-?\d+(?:\.\d+)?|[_A-Za-z][_0-9A-Za-z]*/g) ?? [];
  }

  #peek(): string | undefined {
    while (this.#tokens[this.#i] === ',') this.#i++;
    return this.#tokens[this.#i];
  }

  #next(): string {
    const t = this.#peek();
    if (t === undefined) throw new Error('unexpected end of document');
    this.#i++;
    return t;
  }

  #expect(token: string): void {
    const t = this.#next();
    if (t !== token) throw new Error(`expected "${token}", found "${t}"`);
  }

  #name(): string {
    const t = this.#next();
    if (!/^[_A-Za-z]/.test(t)) throw new Error(`expected a name, found "${t}"`);
    return t;
  }

  document(): Operation[] {
    const ops: Operation[] = [];
    while (this.#peek() !== undefined) ops.push(this.#operation());
    return ops;
  }

  #operation(): Operation {
    if (this.#peek() === '{') return { type: 'query', variables: {}, selection: this.#selection() };
    const type = this.#name();
    if (type !== 'query' && type !== 'mutation' && type !== 'subscription') throw new Error(`unknown operation type "${type}"`);
    if (this.#peek() !== '(' && this.#peek() !== '{') this.#name();
    const variables: Record<string, TypeRef> = {};
    if (this.#peek() === '(') {
      this.#next();
      while (this.#peek() !== ')') {
        this.#expect('$');
        const name = this.#name();
        this.#expect(':');
        variables[name] = this.#type();
      }
      this.#next();
    }
    return { type, variables, selection: this.#selection() };
  }

  #type(): TypeRef {
    let t: string;
    if (this.#peek() === '[') {
      this.#next();
      t = `[${this.#type()}]`;
      this.#expect(']');
    } else t = this.#name();
    if (this.#peek() === '!') {
      this.#next();
      t += '!';
    }
    return t;
  }

  #selection(): Field[] {
    this.#expect('{');
    const fields: Field[] = [];
    while (this.#peek() !== '}') {
      if (this.#peek() === '...') throw new Error('fragments are not used by spec-automation');
      let name = this.#name();
      if (this.#peek() === ':') {
        this.#next();
        name = this.#name();
      }
      const args: Record<string, Value> = {};
      if (this.#peek() === '(') {
        this.#next();
        while (this.#peek() !== ')') {
          const arg = this.#name();
          this.#expect(':');
          args[arg] = this.#value();
        }
        this.#next();
      }
      fields.push({ name, args, selection: this.#peek() === '{' ? this.#selection() : undefined });
    }
    this.#next();
    return fields;
  }

  #value(): Value {
    const t = this.#next();
    if (t === '$') return { kind: 'var', name: this.#name() };
    if (t === '{') {
      const fields: Record<string, Value> = {};
      while (this.#peek() !== '}') {
        const name = this.#name();
        this.#expect(':');
        fields[name] = this.#value();
      }
      this.#next();
      return { kind: 'object', fields };
    }
    if (t.startsWith('"')) return { kind: 'literal', value: JSON.parse(t) };
    if (/^-?\d/.test(t)) return { kind: 'literal', value: Number(t) };
    return { kind: 'literal', value: t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : t };
  }
}

const base = (t: TypeRef) => t.replace(/[[\]!]/g, '');

function checkValue(value: Value, type: TypeRef, at: string, op: Operation, variables: Record<string, unknown>, problems: string[]): void {
  if (value.kind === 'var') {
    const declared = op.variables[value.name];
    if (!declared) return void problems.push(`${at}: variable $${value.name} is not declared`);
    // A nullable variable may not feed a non-null position.
    if (type.endsWith('!') && !declared.endsWith('!')) problems.push(`${at}: variable $${value.name} of type ${declared} is used where ${type} is expected`);
    if (base(declared) !== base(type)) problems.push(`${at}: variable $${value.name} is ${declared}, expected ${type}`);
    return;
  }
  const schemaType = SCHEMA[base(type)];
  if (schemaType?.kind === 'input') {
    if (value.kind !== 'object') return void problems.push(`${at}: expected an input object of type ${base(type)}`);
    for (const key of Object.keys(value.fields)) if (!(key in schemaType.fields)) problems.push(`${at}: ${base(type)} has no field "${key}"`);
    for (const [key, fieldType] of Object.entries(schemaType.fields)) {
      const v = value.fields[key];
      if (v === undefined) {
        if (fieldType.endsWith('!')) problems.push(`${at}: ${base(type)}.${key} (${fieldType}) is required`);
        continue;
      }
      checkValue(v, fieldType, `${at}.${key}`, op, variables, problems);
    }
  }
}

function checkSelection(fields: readonly Field[], typeName: string, at: string, op: Operation, variables: Record<string, unknown>, problems: string[]): void {
  const type = SCHEMA[typeName];
  if (!type || type.kind !== 'object') return void problems.push(`${at}: ${typeName} has no fields to select`);
  for (const f of fields) {
    const def = type.fields[f.name];
    if (!def) {
      problems.push(`${at}: field "${f.name}" does not exist on type ${typeName}`);
      continue;
    }
    for (const arg of Object.keys(f.args)) if (!def.args?.[arg]) problems.push(`${at}.${f.name}: unknown argument "${arg}"`);
    for (const [arg, argType] of Object.entries(def.args ?? {})) {
      const v = f.args[arg];
      if (v === undefined) {
        if (argType.endsWith('!')) problems.push(`${at}.${f.name}: argument "${arg}" (${argType}) is required`);
      } else checkValue(v, argType, `${at}.${f.name}(${arg})`, op, variables, problems);
    }
    const fieldType = SCHEMA[base(def.type)];
    const isLeaf = fieldType?.kind === 'scalar' || fieldType?.kind === 'enum';
    if (isLeaf && f.selection) problems.push(`${at}.${f.name}: a ${base(def.type)} cannot have a selection`);
    if (!isLeaf && !f.selection) problems.push(`${at}.${f.name}: ${base(def.type)} needs a selection of fields`);
    if (!isLeaf && f.selection) checkSelection(f.selection, base(def.type), `${at}.${f.name}`, op, variables, problems);
  }
}

/**
 * Checks a `POST /graphql` body: `{ query, variables }`. Throws {@link GitHubRequestError}
 * with every problem, as {@link checkRequest} does for REST.
 */
export function checkGraphQLRequest(body: unknown): MatchedRoute {
  const label = 'POST /graphql';
  const problems: string[] = [];
  const b = body as { query?: unknown; variables?: unknown } | undefined;
  if (!b || typeof b !== 'object' || typeof b.query !== 'string') throw new GitHubRequestError('invalid', label, ['body must be {"query": string, "variables"?: object}']);
  const variables = (b.variables ?? {}) as Record<string, unknown>;
  if (typeof variables !== 'object' || Array.isArray(variables)) problems.push('variables must be an object');
  let operations: Operation[];
  try {
    operations = new Parser(b.query).document();
  } catch (error) {
    throw new GitHubRequestError('invalid', label, [`the query does not parse: ${(error as Error).message}`]);
  }
  if (operations.length !== 1) problems.push(`expected one operation, found ${operations.length}`);
  const op = operations[0];
  if (op) {
    if (op.type !== 'mutation') problems.push(`only the mutation markPullRequestReadyForReview is modelled, found a ${op.type}`);
    else checkSelection(op.selection, 'Mutation', 'mutation', op, variables, problems);
    for (const [name, type] of Object.entries(op.variables)) {
      const v = variables[name];
      if (v === undefined || v === null) {
        if (type.endsWith('!')) problems.push(`variable $${name} (${type}) was not provided`);
      } else if ((base(type) === 'ID' || base(type) === 'String') && typeof v !== 'string') problems.push(`variable $${name} must be a string`);
    }
  }
  if (problems.length > 0) throw new GitHubRequestError('invalid', label, problems);
  return { method: 'POST', template: '/graphql', route: 'POST /graphql', operationId: 'graphql', params: {}, query: {} };
}
