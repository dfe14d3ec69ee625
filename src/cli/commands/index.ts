import type { CommandLoader } from '../command.js';

/** Every CLI command, by name. A new command is a file and a line here. */
export const COMMANDS: Record<string, { summary: string; load: CommandLoader }> = {};
