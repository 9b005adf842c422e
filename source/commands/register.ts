/** `myq-license register --company ... --email ...`: the customer form (R2). */
import {safeText} from '../engine/safe-text.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson, textOf} from './report.js';

export const command = defineCommand({
	flags: {
		company: {type: 'string'},
		person: {type: 'string'},
		address: {type: 'string'},
		country: {type: 'string'},
		email: {type: 'string'},
		phone: {type: 'string'},
	},
	async run(cli) {
		const {company, person, address, country, email, phone} = cli.flags;
		const {withRuntime} = await import('./compose.js');
		const {t} = await import('../i18n/index.js');
		const lang = cli.lang;
		return withRuntime(cli.flags, async (runtime) => {
			const outcome = await runtime.save(
				{company, person, address, country, email, phone},
				'',
			);
			if (!outcome.ok) {
				if (cli.flags.json) {
					printJson({ok: false, code: outcome.code, errors: outcome.errors});
				} else {
					print(
						[
							t(lang, 'cli.register.invalid'),
							...(await Promise.all(
								outcome.errors.map(
									async (error) =>
										`  --${error.field}: ${await textOf(error, lang)}`,
								),
							)),
						],
						'err',
					);
				}
				return EXIT.badInput;
			}
			const customer = runtime.snapshot().state.customer;
			if (cli.flags.json) {
				printJson({ok: true, customer});
			} else {
				print([
					t(lang, 'cli.register.saved', {
						company: safeText(customer?.company ?? ''),
					}),
				]);
			}
			return EXIT.ok;
		});
	},
});
