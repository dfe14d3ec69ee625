/**
 * Built-in gates and parsers by name. A new tool is a definition file and a line here;
 * the runner does not change. Parsers load on first use, so a run answered entirely from
 * the cache never pays for the XML parser.
 */
import type { ParserName } from '../pipeline/config/schema.js';
import { basedpyright } from './definitions/basedpyright.js';
import { pytest } from './definitions/pytest.js';
import { ruff } from './definitions/ruff.js';
import type { GateDefinition, Parser } from './types.js';

export const BUILTIN_GATES: Readonly<Record<string, GateDefinition>> = { ruff, basedpyright, pytest };

const PARSER_LOADERS: Readonly<Record<ParserName, () => Promise<Parser>>> = {
  ruff: async () => (await import('./parsers/ruff-json.js')).parseRuffJson,
  basedpyright: async () => (await import('./parsers/pyright-json.js')).parsePyrightJson,
  pytest: async () => (await import('./parsers/junit.js')).parseJunit,
  sarif: async () => (await import('./parsers/sarif.js')).parseSarif,
  junit: async () => (await import('./parsers/junit.js')).parseJunit,
  regex: async () => (await import('./parsers/regex.js')).parseRegex,
  'exit-code': async () => (await import('./parsers/exit-code.js')).parseExitCode,
};

/** The parser registered under a name. */
export function loadParser(name: ParserName): Promise<Parser> {
  return PARSER_LOADERS[name]();
}

/** Documentation link of a gate's tool, for SARIF `informationUri`. */
export function informationUriOf(gate: string): string | undefined {
  return BUILTIN_GATES[gate]?.informationUri;
}
