/**
 * Any command, read by the parser chosen in config (`sarif`, `junit`, `regex`,
 * `exit-code`). Exit 0 means clean; any other code means findings, and a non-zero exit
 * whose output names none is a tool error (the parser or the command is wrong).
 */
import type { GateConfig, ParserName } from '../../pipeline/config/schema.js';
import type { GateDefinition } from '../types.js';

/** Splits a command string on whitespace; a list is taken as is. */
export function commandArgv(command: GateConfig['command']): string[] {
  if (command === undefined) return [];
  return typeof command === 'string' ? command.trim().split(/\s+/).filter(Boolean) : [...command];
}

/** The definition of a configured command gate. */
export function commandDefinition(name: string, parser: ParserName, argv: string[]): GateDefinition {
  const [program = name, ...rest] = argv;
  return {
    tool: program.replace(/^.*[\\/]/, '').replace(/\.(exe|cmd|bat)$/i, '') || name,
    parser,
    launcher: { kind: 'tool', name: program },
    args: () => rest,
    installHint: `Install ${program}, or fix gates.${name}.command.`,
    lowPriority: false,
    classifyExit: (code) => (code === 0 ? 'ok' : 'findings'),
  };
}
