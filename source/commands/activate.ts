import {writeFile} from 'node:fs/promises';
import process from 'node:process';
import {EXIT, UsageError} from './exit-codes.js';
import {COMMON_FLAGS, parseArgs, report, withRuntime} from './shared.js';

const HELP = `
Usage
  $ myq-license activate
  $ myq-license activate --manual --out FILE

Online (R4): redeems the pending keys at the license server: an installation key is replaced by
the licenses it carries, license keys become active. Also reactivates licenses on new hardware (R8).
Manual (R5, no network on this server): writes an activation request file. Take it to the vendor
portal (myq-license vendor offline-activate), then import the response with myq-license import.

Examples
  $ myq-license activate --server https://licensing.example.com
  $ myq-license activate --manual --out request.json`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, {
		...COMMON_FLAGS,
		manual: {type: 'boolean', default: false},
		out: {type: 'string', shortFlag: 'o'},
	});
	if (cli.flags.manual && !cli.flags.out) {
		throw new UsageError(
			'activate --manual needs --out FILE: where to write the activation request.',
		);
	}
	if (!cli.flags.manual && cli.flags.out) {
		throw new UsageError(
			'--out is for manual activation: add --manual, or leave --out out to activate online.',
		);
	}
	return withRuntime(cli.flags, async (runtime) => {
		if (cli.flags.manual) {
			const exported = await runtime.exportActivationRequest();
			if (!exported.ok) {
				return report(exported, cli.flags.json);
			}
			try {
				await writeFile(cli.flags.out!, exported.text, {flag: 'w'});
			} catch (error) {
				process.stderr.write(
					`Could not write ${cli.flags.out}: ${(error as Error).message}\n`,
				);
				return EXIT.failed;
			}
			return report(
				{ok: true, code: 'request-written', params: {path: cli.flags.out!}},
				cli.flags.json,
				{requestId: exported.request.requestId},
			);
		}
		return report(await runtime.activate(), cli.flags.json);
	});
}
