import process from 'node:process';
import {EXIT} from './exit-codes.js';
import {COMMON_FLAGS, parseArgs, withRuntime} from './shared.js';

const HELP = `
Usage
  $ myq-license register --company NAME --person "FULL NAME" --address ADDRESS --country CC --email EMAIL [--phone PHONE]

Saves the customer form (R2). Every field but the phone is required; the country is an ISO code
or a name (FR, France, Allemagne). Each invalid field gets its own message.

Examples
  $ myq-license register --company Acme --person "Jane Roe" --address "1 Rue X, Paris" --country FR --email it@acme.test
  $ myq-license register --company Acme --person "Jane Roe" --address "1 Main St" --country "United States" --email it@acme.test --phone "+1 555 0100"`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, {
		...COMMON_FLAGS,
		company: {type: 'string'},
		person: {type: 'string'},
		address: {type: 'string'},
		country: {type: 'string'},
		email: {type: 'string'},
		phone: {type: 'string'},
	});
	const {company, person, address, country, email, phone} = cli.flags;
	return withRuntime(cli.flags, async (runtime) => {
		const outcome = await runtime.save(
			{company, person, address, country, email, phone},
			'',
		);
		if (!outcome.ok) {
			if (cli.flags.json) {
				process.stdout.write(
					`${JSON.stringify({ok: false, code: outcome.code, errors: outcome.errors}, null, 2)}\n`,
				);
			} else {
				process.stderr.write(
					`The customer form is not valid; nothing was saved:\n${outcome.errors.map((error) => `  --${error.field}: ${error.message}`).join('\n')}\n`,
				);
			}
			return EXIT.badInput;
		}
		const customer = runtime.snapshot().state.customer;
		if (cli.flags.json) {
			process.stdout.write(
				`${JSON.stringify({ok: true, customer}, null, 2)}\n`,
			);
		} else {
			process.stdout.write(
				`Customer saved: ${customer?.company}. Next: myq-license add-key KEY\n`,
			);
		}
		return EXIT.ok;
	});
}
