/** `myq-license status [--json]`: the state, banners, capacity, licenses and devices. */
import {safeText} from '../engine/safe-text.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson} from './report.js';
import {statusDocument} from './status-document.js';

export const command = defineCommand({
	flags: {},
	async run(cli) {
		const {withRuntime} = await import('./compose.js');
		return withRuntime(cli.flags, async (runtime) => {
			const {state, evaluation} = runtime.snapshot();
			const document = statusDocument(state, evaluation, cli.lang);
			if (cli.flags.json) {
				printJson(document);
				return EXIT.ok;
			}
			// The catalogs load for people only: scripts asking for JSON do not pay for them.
			const {t, messages} = await import('../i18n/index.js');
			const lang = cli.lang;
			// A state, kind or status by its label (the dashboard's words); its id if it has none.
			const label = (id: string, fallback: string) =>
				(messages[lang] as Record<string, string>)[id] ?? fallback;
			const day = (time: string | null) => time?.slice(0, 10) ?? '';
			const stateLabel = label(`state.${document.state}`, document.state);
			print([
				t(lang, 'cli.status.state', {
					state: document.operational
						? stateLabel
						: t(lang, 'cli.status.not-operational', {state: stateLabel}),
				}),
				t(lang, 'cli.status.capacity', {
					capacity: document.capacity,
					activated: document.devices.activated,
					licensed: document.devices.licensed,
				}),
				...document.banners.map((banner) => `! ${banner.text}`),
				document.licenses.length === 0
					? t(lang, 'cli.status.no-licenses')
					: t(lang, 'cli.status.licenses'),
				...document.licenses.map((license) => {
					const when = license.renewsAt
						? t(lang, 'cli.status.renews', {date: day(license.renewsAt)})
						: license.expiresAt
							? t(lang, 'cli.status.expires', {date: day(license.expiresAt)})
							: '';
					return `  ${t(lang, 'cli.status.license', {
						key: safeText(license.key, 60),
						kind: label(
							license.kind === 'license'
								? 'key-kind.license'
								: `kind.${license.kind}`,
							license.kind,
						),
						devices: license.devices ?? '-',
						status: label(`status.${license.status}`, license.status),
					})}${when ? `  ${when}` : ''}${
						license.refusal ? `  (${safeText(license.refusal.message)})` : ''
					}`;
				}),
				t(lang, 'cli.status.server', {
					reachability: document.server.reachable
						? t(lang, 'cli.status.server-reachable')
						: t(lang, 'cli.status.server-unreachable', {
								since: document.server.unreachableSince ?? '',
							}),
					last: document.server.lastSuccessAt ?? t(lang, 'cli.status.never'),
				}),
			]);
			return EXIT.ok;
		});
	},
});
