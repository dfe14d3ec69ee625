/**
 * `spec-automation <command> [options]`: dispatches to one command and turns any
 * unexpected exception into a one-line message and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { COMMANDS } from './commands/index.js';
import { EXIT, processIO, redactedIO, type CliIO } from './io.js';
import { closestMatch } from '../pipeline/edit-distance.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['Usage: spec-automation <command> [options]', '', 'Commands:', ...lines, '', 'Run `spec-automation <command> --help` for its options.', ''].join('\n');
}

export async function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  const io = redactedIO(given);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const suggestion = closestMatch(name, Object.keys(COMMANDS));
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    io.stderr.write(`spec-automation: unknown command "${name}".${hint} Run \`spec-automation --help\` for the commands.\n`);
    return EXIT.error;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`spec-automation ${name}: ${message}\n`);
    if (io.env.SPEC_AUTOMATION_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.error;
  }
}
