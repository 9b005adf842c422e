/** `myq-license connect`: contact the license server now ("try to connect manually", R14). */
import {defineCommand} from './flags.js';
import {report} from './report.js';

export const command = defineCommand({
	flags: {},
	async run(cli) {
		const {withRuntime} = await import('./compose.js');
		return withRuntime(cli.flags, async (runtime) =>
			report(await runtime.connect(), cli),
		);
	},
});
