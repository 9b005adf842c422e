#!/usr/bin/env node
/**
 * The composition root. Only the command asked for is loaded: commands that draw nothing never
 * import Ink or React, so scripts stay fast.
 */
import process from 'node:process';
import {EXIT, UsageError} from './commands/exit-codes.js';

const HELP = `
myq-license: the licensing subsystem of a MyQ print server

Usage
  $ myq-license [--store URL] [--server URL]       open the dashboard on this server
  $ myq-license demo [--scenario FILE]             open the dashboard on the simulator
  $ myq-license <command> [options]

Commands for admins and scripts (each has --help with examples)
  status [--json]           licenses, capacity, banners and devices
  register                  save the customer form (R2)
  add-key KEY...            add installation or license keys, pending activation (R3)
  activate                  redeem pending keys online; --manual --out FILE for manual activation (R4, R5)
  import FILE               import a response file from the vendor portal (R5)
  connect                   contact the license server now (R14)
  devices [activate|deactivate] [NAME]   printing devices (R7)
  simulate FILE             replay a scenario file

Vendor side
  vendor serve              run the reference license server
  vendor mint               create a key in the catalog
  vendor offline-activate   turn an activation request file into a response file

Global options
  --store URL       the store: a Keyv URL (default: a SQLite file in your data directory)
  --server URL      the license server (default: $MYQ_LICENSE_SERVER or http://127.0.0.1:4070)
  --vendor-key KEY  the vendor public key to trust (default: $MYQ_VENDOR_KEY, else pinned at first activation)
  --lang fr|en      language (default: from LC_ALL, LC_MESSAGES, LANG)
  --help, --version

Exit codes: 0 done, 1 failed (for example the license server cannot be reached), 2 bad input.
`;

const COMMANDS: Record<
	string,
	() => Promise<{run(argv: string[]): Promise<number>}>
> = {
	status: () => import('./commands/status.js'),
	register: () => import('./commands/register.js'),
	'add-key': () => import('./commands/add-key.js'),
	activate: () => import('./commands/activate.js'),
	import: () => import('./commands/import.js'),
	connect: () => import('./commands/connect.js'),
	devices: () => import('./commands/devices.js'),
	vendor: () => import('./commands/vendor.js'),
	simulate: () => import('./commands/simulate.js'),
	demo: () => import('./commands/dashboard.js'),
	dashboard: () => import('./commands/dashboard.js'),
};

async function main(argv: string[]): Promise<number> {
	const [first, ...rest] = argv;
	if (first === undefined || first.startsWith('-')) {
		if (first === '--help' || first === '-h') {
			process.stdout.write(`${HELP.trim()}\n`);
			return EXIT.ok;
		}
		if (first === '--version' || first === '-v') {
			const {readFile} = await import('node:fs/promises');
			const pkg = JSON.parse(
				await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
			) as {version: string};
			process.stdout.write(`${pkg.version}\n`);
			return EXIT.ok;
		}
		const dashboard = await COMMANDS.dashboard!();
		return dashboard.run(argv);
	}
	const load = COMMANDS[first];
	if (!load) {
		throw new UsageError(
			`Unknown command "${first}". Run myq-license --help to see the commands.`,
		);
	}
	const command = await load();
	return command.run(first === 'demo' ? ['--demo', ...rest] : rest);
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// Input we were given never shows a stack trace: a usage error is a message and exit 2.
		if (error instanceof Error && error.name === 'HelpRequested') {
			process.stdout.write((error as Error & {text: string}).text);
			process.exitCode = EXIT.ok;
			return;
		}
		if (error instanceof UsageError) {
			process.stderr.write(`${error.message}\n`);
			process.exitCode = EXIT.badInput;
			return;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`myq-license: ${message}\n`);
		if (process.env.MYQ_DEBUG && error instanceof Error) {
			process.stderr.write(`${error.stack}\n`);
		}
		process.exitCode = EXIT.failed;
	},
);
