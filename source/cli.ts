#!/usr/bin/env node
/**
 * The composition root: finds the command, parses its command line through meow
 * (commands/flags.ts), runs it. Only the command asked for is loaded: commands that draw nothing
 * never import Ink or React, so scripts stay fast.
 */
import process from 'node:process';
import {EXIT, UsageError} from './commands/exit-codes.js';
import {
	type Command,
	helpText,
	parseCommandLine,
	splitAtCommand,
	versionText,
} from './commands/flags.js';
import {usageError} from './commands/report.js';
import {guardStdout} from './commands/stdout-guard.js';
import {terminalText} from './engine/safe-text.js';

const stdout = guardStdout();

const COMMANDS: Record<string, () => Promise<Command>> = {
	status: async () => (await import('./commands/status.js')).command,
	register: async () => (await import('./commands/register.js')).command,
	'add-key': async () => (await import('./commands/add-key.js')).command,
	activate: async () => (await import('./commands/activate.js')).command,
	import: async () => (await import('./commands/import.js')).command,
	connect: async () => (await import('./commands/connect.js')).command,
	trust: async () => (await import('./commands/trust.js')).command,
	devices: async () => (await import('./commands/devices.js')).command,
	vendor: async () => (await import('./commands/vendor.js')).command,
	simulate: async () => (await import('./commands/simulate.js')).command,
	'export-scenario': async () =>
		(await import('./commands/export-scenario.js')).command,
	demo: async () => (await import('./commands/dashboard.js')).demo,
	dashboard: async () => (await import('./commands/dashboard.js')).command,
};

/** The help text of each command (`demo` shares the dashboard's). */
const HELP_OF: Record<string, string> = {demo: 'dashboard'};

/** Commands whose subcommands each have their own help (`vendor mint --help`). */
const SUBCOMMANDS: Record<string, readonly string[]> = {
	vendor: [
		'serve',
		'mint',
		'offline-activate',
		'extend',
		'cancel-renewal',
		'revoke',
	],
};

/** Which help `--help` prints: the subcommand's, else the command's, else the program's. */
function helpName(name: string | undefined, input: readonly string[]): string {
	if (name === undefined) return 'main';
	const sub = input[0];
	if (sub !== undefined && SUBCOMMANDS[name]?.includes(sub))
		return `${name}.${sub}`;
	return HELP_OF[name] ?? name;
}

async function main(argv: string[]): Promise<number> {
	const {before, name, after} = splitAtCommand(argv);
	const load = COMMANDS[name ?? 'dashboard'];
	if (!load) {
		// The language is checked first: `--lang xx` is refused the same way everywhere.
		parseCommandLine(before, [], {});
		throw new UsageError(
			`Unknown command "${name}". Run myq-license --help to see the commands.`,
		);
	}
	const command = await load();
	const cli = parseCommandLine(before, after, command.flags);
	if (cli.flags.version) {
		process.stdout.write(versionText());
		return EXIT.ok;
	}
	if (cli.flags.help) {
		process.stdout.write(await helpText(cli.lang, helpName(name, cli.input)));
		return EXIT.ok;
	}
	if (!command.takesArguments && cli.input.length > 0) {
		throw await usageError(cli.lang, 'cli.error.no-arguments', {
			command: name ?? 'myq-license',
			given: cli.input.join(' '),
		});
	}
	return command.run(cli);
}

main(process.argv.slice(2)).then(
	(code) => {
		// A command that could not print what it was asked for did not succeed.
		process.exitCode = stdout.hasFailed() ? EXIT.failed : code;
	},
	(error: unknown) => {
		// Input we were given never shows a stack trace: a usage error is a message and exit 2.
		// Messages may quote what we were given (a file name, a server's words): never raw.
		if (error instanceof UsageError) {
			process.stderr.write(`${terminalText(error.message)}\n`);
			process.exitCode = EXIT.badInput;
			return;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`myq-license: ${terminalText(message)}\n`);
		if (process.env.MYQ_DEBUG && error instanceof Error) {
			process.stderr.write(`${error.stack}\n`);
		}
		process.exitCode = EXIT.failed;
	},
);
