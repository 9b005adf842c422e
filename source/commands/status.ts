/**
 * `myq-license status [--json]`: the state, banners, capacity, licenses and devices, why the
 * licenses are not read when a document was rejected (R16), and how the vendor key is trusted.
 * It only reads: the store is opened read-only, nothing is logged or saved, the license server
 * is not asked anything.
 */
import {safeText, shownUrl} from '../engine/safe-text.js';
import type {Lang} from '../i18n/lang.js';
import type {VendorKeyTrust} from './compose.js';
import {EXIT} from './exit-codes.js';
import {defineCommand} from './flags.js';
import {print, printJson} from './report.js';
import {statusDocument} from './status-document.js';

export const command = defineCommand({
	flags: {},
	async run(cli) {
		const {withRuntime} = await import('./compose.js');
		return withRuntime(
			cli.flags,
			async (runtime, trust) => {
				const {state, evaluation} = runtime.snapshot();
				const problem = state.integrity
					? (await import('../i18n/problem.js')).problemText(
							cli.lang,
							state.integrity,
						)
					: null;
				const document = statusDocument(state, evaluation, cli.lang, {
					trust,
					problem,
				});
				if (cli.flags.json) {
					printJson(document);
					return EXIT.ok;
				}
				// The catalogs load for people only: scripts asking for JSON do not pay for them.
				const {t, messages, visible} = await import('../i18n/index.js');
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
					problem ??
						(document.licenses.length === 0
							? t(lang, 'cli.status.no-licenses')
							: t(lang, 'cli.status.licenses')),
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
					trustLine(trust, lang, t, visible),
				]);
				return EXIT.ok;
			},
			{readOnly: true},
		);
	},
});

/** R16: how the vendor key came to be trusted, in one line. */
function trustLine(
	trust: VendorKeyTrust,
	lang: Lang,
	t: typeof import('../i18n/index.js').t,
	visible: (text: string) => string,
): string {
	switch (trust.source) {
		case 'none':
			return t(lang, 'cli.status.vendor-key.none');
		case 'flag':
		case 'env':
			return t(lang, `cli.status.vendor-key.${trust.source}`, {key: trust.key});
		case 'trust-file':
			return t(lang, `cli.status.vendor-key.${trust.how}`, {
				key: trust.key,
				file: trust.file,
				// The trust file is outside text too, and a URL's password is never shown.
				server: shownUrl(visible(trust.server ?? '')),
				date: trust.trustedAt.slice(0, 10),
			});
	}
}
