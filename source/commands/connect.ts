/**
 * `myq-license connect`: contact the license server now ("try to connect manually", R14). A
 * contact that revokes a license is said so, exit 1, not "up to date" (issue 12, point 6).
 */
import {defineCommand} from './flags.js';
import {report} from './report.js';

export const command = defineCommand({
	flags: {},
	async run(cli) {
		const [{withRuntime}, {contactOutcome}] = await Promise.all([
			import('./compose.js'),
			import('../runtime/contact-news.js'),
		]);
		return withRuntime(cli.flags, async (runtime) => {
			const before = runtime.snapshot();
			const outcome = await runtime.connect();
			return report(contactOutcome(outcome, before, runtime.snapshot()), cli);
		});
	},
});
