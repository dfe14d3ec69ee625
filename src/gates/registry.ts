/**
 * Built-in gates and parsers by name. A new tool is a definition file and a line here;
 * the runner does not change.
 */
import type { ParserName } from '../pipeline/config/schema.js';
import { basedpyright } from './definitions/basedpyright.js';
import { pytest } from './definitions/pytest.js';
import { ruff } from './definitions/ruff.js';
import { parseExitCode } from './parsers/exit-code.js';
import { parseJunit } from './parsers/junit.js';
import { parsePyrightJson } from './parsers/pyright-json.js';
import { parseRegex } from './parsers/regex.js';
import { parseRuffJson } from './parsers/ruff-json.js';
import { parseSarif } from './parsers/sarif.js';
import type { GateDefinition, Parser } from './types.js';

export const BUILTIN_GATES: Readonly<Record<string, GateDefinition>> = { ruff, basedpyright, pytest };

export const PARSERS: Readonly<Record<ParserName, Parser>> = {
  ruff: parseRuffJson,
  basedpyright: parsePyrightJson,
  pytest: parseJunit,
  sarif: parseSarif,
  junit: parseJunit,
  regex: parseRegex,
  'exit-code': parseExitCode,
};

/** Documentation link of a gate's tool, for SARIF `informationUri`. */
export function informationUriOf(gate: string): string | undefined {
  return BUILTIN_GATES[gate]?.informationUri;
}
