import process from 'node:process';
import {bannerText} from '../i18n/banners.js';
import {EXIT} from './exit-codes.js';
import {
	COMMON_FLAGS,
	chooseLang,
	parseArgs,
	statusDocument,
	withRuntime,
} from './shared.js';

const HELP = `
Usage
  $ myq-license status [--json]

Shows the operational state, the banners, capacity, licenses and devices. Reads the store only:
it does not contact the license server (use connect for that).

Examples
  $ myq-license status
  $ myq-license status --json | jq .capacity
  $ myq-license status --store sqlite:///var/lib/myq/license.sqlite --lang fr`;

export async function run(argv: string[]): Promise<number> {
	const cli = parseArgs(HELP, argv, COMMON_FLAGS);
	const lang = chooseLang(cli.flags.lang);
	return withRuntime(cli.flags, async (runtime) => {
		const {state, evaluation} = runtime.snapshot();
		const document = statusDocument(state, evaluation, lang);
		if (cli.flags.json) {
			process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
			return EXIT.ok;
		}
		const lines = [
			`State: ${document.state}${document.operational ? '' : ' (MyQ is not operational)'}`,
			`Capacity: ${document.capacity} printing devices; ${document.devices.activated} activated, ${document.devices.licensed} licensed`,
			...evaluation.banners.map(
				(banner) => `! ${bannerText(banner.id, lang, banner.days)}`,
			),
			document.licenses.length === 0
				? 'No licenses yet: add a key (myq-license add-key KEY) and activate it.'
				: 'Licenses:',
			...document.licenses.map(
				(license) =>
					`  ${license.key}  ${license.kind}  ${license.devices ?? '-'} devices  ${license.status}${
						license.renewsAt
							? `  renews ${license.renewsAt.slice(0, 10)}`
							: license.expiresAt
								? `  expires ${license.expiresAt.slice(0, 10)}`
								: ''
					}${license.refusal ? `  (${license.refusal.message})` : ''}`,
			),
			`License server: ${document.server.reachable ? 'reachable' : `unreachable since ${document.server.unreachableSince}`}; last contact ${document.server.lastSuccessAt ?? 'never'}`,
		];
		process.stdout.write(`${lines.join('\n')}\n`);
		return EXIT.ok;
	});
}
