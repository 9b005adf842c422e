import {readFile} from 'node:fs/promises';
import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {COMMON_FLAGS, parseArgs, report, withRuntime} from './shared.js';

const HELP = `
Usage
  $ myq-license import FILE

Imports the response file made by the vendor portal for this server's activation request (R5).
A response made for another server, another request, or altered in any byte is refused and
changes nothing.

Examples
  $ myq-license import response.json
  $ myq-license import response.json --vendor-key "$(cat vendor.pub)"`;

/** Response files are small; a bigger one is not ours. */
const MAX_FILE_BYTES = 1024 * 1024;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, COMMON_FLAGS);
	const [file, ...extra] = cli.input;
	if (!file || extra.length > 0) {
		throw new UsageError('Usage: myq-license import FILE (one response file).');
	}
	let text: string;
	try {
		const bytes = await readFile(file);
		if (bytes.length > MAX_FILE_BYTES) {
			throw new UsageError(
				`${file} is ${bytes.length} bytes: too big for an activation response. Check the file name.`,
			);
		}
		text = bytes.toString('utf8');
	} catch (error) {
		if (error instanceof UsageError) {
			throw error;
		}
		process.stderr.write(
			`Could not read ${file}: ${(error as Error).message}\n`,
		);
		return EXIT.badInput;
	}
	return withRuntime(cli.flags, async (runtime) => {
		const outcome = await runtime.importActivationResponse(text);
		const code = await report(outcome, cli.flags.json);
		return outcome.ok ? code : EXIT.badInput;
	});
}
