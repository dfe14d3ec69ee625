/**
 * From configuration to a list of gates ready to run: which definition, which parser,
 * the resolved command line (with `{report}` left as a placeholder), working directory,
 * priority and fail level. Problems that make a gate impossible to run (a custom gate
 * without a command, a tool that is not installed) become a planned error, reported as
 * the gate's result, never a pass.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config, GateConfig, ParserName } from '../pipeline/config/schema.js';
import { closestMatch } from '../pipeline/edit-distance.js';
import type { GateError } from '../pipeline/gate-result.js';
import { commandArgv, commandDefinition } from './definitions/command.js';
import { DEFAULT_TIMEOUT_SECONDS } from './durations.js';
import { BUILTIN_GATES } from './registry.js';
import { findProgram, findPython, shebangPython, type Platform, type PythonLookup } from './resolve-tool.js';
import type { GateDefinition } from './types.js';

export const REPORT_PLACEHOLDER = '{report}';

export interface PlannedGate {
  name: string;
  definition: GateDefinition;
  parser: ParserName;
  config: GateConfig;
  failOn: 'error' | 'warning';
  /** Absolute working directory. */
  cwd: string;
  /** Seconds before the process tree is killed: the configured timeout, else a default (see durations.ts). */
  timeoutSeconds: number;
  /** Full command line; `{report}` is replaced by a temp file at run time. */
  argv: string[];
  /** The interpreter the gate depends on (runs with, or type-checks against). */
  python?: string;
  lowPriority: boolean;
  /** Absolute path of a report file the command writes (`report:` setting). */
  reportFile?: string;
  /** Set when the gate cannot run; it is reported as an error. */
  problem?: GateError;
  /** Disabled in configuration. */
  skipped?: boolean;
}

/** `--only` named a gate the configuration does not have. */
export class UnknownGateError extends Error {
  constructor(
    readonly names: string[],
    readonly known: string[],
  ) {
    const suggestions = names.map((n) => [n, closestMatch(n, known)] as const).filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
    const didYouMean = suggestions.length > 0 ? ` Did you mean ${suggestions.map(([n, s]) => (names.length > 1 ? `"${s}" for "${n}"` : `"${s}"`)).join(', ')}?` : '';
    super(`Unknown gate${names.length > 1 ? 's' : ''}: ${names.join(', ')}.${didYouMean} Configured gates: ${known.join(', ') || '(none)'}.`);
    this.name = 'UnknownGateError';
  }
}

interface Resolved {
  argv: string[];
  python?: string;
  problem?: GateError;
}

function notFound(what: string, tried: string[], hint: string): GateError {
  return { message: `${what} was not found (tried ${tried.join(', ')}).`, hint };
}

function resolveLauncher(name: string, definition: GateDefinition, config: GateConfig, root: string, cwd: string, platform: Platform, python: PythonLookup, configuredPython: string | undefined): Resolved {
  const overridden = commandArgv(config.command);
  const isBuiltin = BUILTIN_GATES[name] !== undefined;
  const program: string[] = [];
  let gatePython = definition.usesPython ? python.path : undefined;
  if (isBuiltin && overridden.length > 0) program.push(...overridden);
  else if (definition.launcher.kind === 'python-module') {
    // An interpreter the project chose (config, virtualenv) runs the module; otherwise the
    // tool's own script on PATH knows its interpreter better than `python3` on PATH does.
    const { module, script } = definition.launcher;
    const chosen = python.path !== undefined && (python.origin === 'config' || python.origin === 'venv');
    const scriptLookup = chosen ? undefined : findProgram(script, root, platform);
    if (chosen) program.push(python.path!, '-m', module);
    else if (scriptLookup?.path) program.push(scriptLookup.path);
    else if (python.path) program.push(python.path, '-m', module);
    else {
      return { argv: [script], problem: notFound(`${definition.tool} (or a Python interpreter to run it with)`, [...python.tried, ...(scriptLookup?.tried ?? [])], definition.installHint) };
    }
    gatePython = scriptLookup?.path ? (shebangPython(scriptLookup.path, platform) ?? python.path) : python.path;
  } else {
    program.push(definition.launcher.name);
  }
  if (configuredPython && !python.path && (definition.usesPython || definition.launcher.kind === 'python-module')) {
    return { argv: program, problem: notFound(`The configured Python interpreter "${configuredPython}"`, python.tried, 'Fix `python:` in the configuration: a path (relative to the repository root) or a name on PATH.') };
  }
  const [first, ...rest] = program;
  const lookup = findProgram(first!, root, platform, cwd);
  const argv = [lookup.path ?? first!, ...rest, ...definition.args(gatePython ? { python: gatePython } : {}), ...config.args];
  if (!lookup.path) return { argv, problem: notFound(first!, lookup.tried, definition.installHint) };
  return gatePython ? { argv, python: gatePython } : { argv };
}

/** Plans every configured gate (or those `only` names), in configuration order. */
export function planGates(root: string, config: Config, platform: Platform, only?: readonly string[]): PlannedGate[] {
  const names = Object.keys(config.gates);
  if (only && only.length > 0) {
    const unknown = only.filter((n) => !names.includes(n));
    if (unknown.length > 0) throw new UnknownGateError(unknown, names);
  }
  const python = findPython(config.python, root, platform);
  const planned: PlannedGate[] = [];
  for (const name of names) {
    if (only && only.length > 0 && !only.includes(name)) continue;
    const value = config.gates[name];
    if (value === undefined) continue;
    const gateConfig: GateConfig = value === false ? ({ enabled: false } as GateConfig) : value;
    const builtin = BUILTIN_GATES[name];
    const parser: ParserName | undefined = gateConfig.parser ?? builtin?.parser;
    const argv = commandArgv(gateConfig.command);
    const base: Omit<PlannedGate, 'definition' | 'argv' | 'lowPriority'> = {
      name,
      parser: parser ?? 'exit-code',
      config: gateConfig,
      failOn: gateConfig.failOn ?? config.failOn,
      cwd: resolve(root, gateConfig.cwd ?? '.'),
      timeoutSeconds: gateConfig.timeout ?? DEFAULT_TIMEOUT_SECONDS,
    };
    if (value === false || gateConfig.enabled === false) {
      planned.push({ ...base, definition: builtin ?? commandDefinition(name, base.parser, argv), argv, lowPriority: false, skipped: true });
      continue;
    }
    if (!builtin && argv.length === 0) {
      planned.push({ ...base, definition: commandDefinition(name, base.parser, argv), argv: [], lowPriority: false, problem: { message: `Gate "${name}" has no command.`, hint: `Set gates.${name}.command, or use a built-in gate name (${Object.keys(BUILTIN_GATES).join(', ')}).` } });
      continue;
    }
    if (!parser) {
      planned.push({ ...base, definition: commandDefinition(name, base.parser, argv), argv, lowPriority: false, problem: { message: `Gate "${name}" has no parser.`, hint: `Set gates.${name}.parser to one of sarif, junit, regex, exit-code.` } });
      continue;
    }
    const definition = builtin ? { ...builtin, parser } : commandDefinition(name, parser, argv);
    const lowPriority = gateConfig.lowPriority ?? definition.lowPriority;
    if (!existsSync(base.cwd) || !statSync(base.cwd).isDirectory()) {
      planned.push({ ...base, definition, argv, lowPriority, problem: { message: `The working directory of gate "${name}" does not exist: ${base.cwd}.`, hint: `Fix gates.${name}.cwd (relative to the repository root).` } });
      continue;
    }
    const resolved = resolveLauncher(name, definition, gateConfig, root, base.cwd, platform, python, config.python);
    const gate: PlannedGate = { ...base, definition, argv: resolved.argv, lowPriority };
    if (resolved.python) gate.python = resolved.python;
    if (resolved.problem) gate.problem = resolved.problem;
    if (gateConfig.report) gate.reportFile = resolve(base.cwd, gateConfig.report);
    planned.push(gate);
  }
  return planned;
}
