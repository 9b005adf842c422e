/** `myq-license activate [--manual --out FILE]`: online (R4) or manual activation (R5). */
import {writeFile} from 'node:fs/promises';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, report, usageError} from './report.js';

export const command = defineCommand({
	flags: {
		manual: {type: 'boolean', default: false},
		out: {type: 'string', shortFlag: 'o'},
	},
	async run(cli) {
		if (cli.flags.manual && !cli.flags.out) {
			throw await usageError(cli.lang, 'cli.error.manual-needs-out');
		}
		if (!cli.flags.manual && cli.flags.out) {
			throw await usageError(cli.lang, 'cli.error.out-needs-manual');
		}
		const {withRuntime} = await import('./compose.js');
		return withRuntime(cli.flags, async (runtime) => {
			if (cli.flags.manual) {
				// The file is written before the request becomes the waiting one: a failed write
				// leaves the previous request, and the response to it, valid.
				const out = cli.flags.out!;
				let writeError: Error | undefined;
				const exported = await runtime
					.exportActivationRequest(async (text) => {
						try {
							await writeFile(out, text, {flag: 'w'});
						} catch (error) {
							writeError = error as Error;
							throw error;
						}
					})
					.catch((error: unknown) => {
						// Only the file's failure is said here; anything else is the CLI's to report.
						if (!writeError) throw error;
						return undefined;
					});
				if (!exported) {
					print([`Could not write ${out}: ${writeError?.message}`], 'err');
					return EXIT.failed;
				}
				if (!exported.ok) {
					return badInputOr(exported, await report(exported, cli));
				}
				return report(
					{ok: true, code: 'request-written', params: {path: cli.flags.out!}},
					cli,
					{requestId: exported.request.requestId},
				);
			}
			const activated = await runtime.activate();
			return badInputOr(activated, await report(activated, cli));
		});
	},
});

/** A registered customer the license server would refuse is the admin's input to fix (exit 2). */
function badInputOr(said: {code: string}, code: number): number {
	return said.code === 'customer-past-limits' ? EXIT.badInput : code;
}
