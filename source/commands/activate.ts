/** `myq-license activate [--manual --out FILE]`: online (R4) or manual activation (R5). */
import {writeFile} from 'node:fs/promises';
import process from 'node:process';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {report, usageError} from './report.js';

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
				const exported = await runtime.exportActivationRequest();
				if (!exported.ok) {
					return report(exported, cli);
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
					cli,
					{requestId: exported.request.requestId},
				);
			}
			return report(await runtime.activate(), cli);
		});
	},
});
