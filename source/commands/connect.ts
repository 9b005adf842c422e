import {COMMON_FLAGS, parseArgs, report, withRuntime} from './shared.js';

const HELP = `
Usage
  $ myq-license connect

Contacts the license server now ("try to connect manually", R14): sends the hardware
fingerprint and takes the fresh signed document (renewals, extensions, cancellations).
Exits 1 when the server cannot be reached; the licenses stay as they were.

Examples
  $ myq-license connect
  $ myq-license connect --server https://licensing.example.com --json`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, COMMON_FLAGS);
	return withRuntime(cli.flags, async (runtime) =>
		report(await runtime.connect(), cli.flags.json),
	);
}
