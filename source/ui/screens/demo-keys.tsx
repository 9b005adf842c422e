/** Settings > License in the demo: the scenario's keys, to copy or to paste with Ctrl+K. */
import {Text} from 'ink';
import {type Lang, t} from '../../i18n/index.js';
import type {LicenseSpec} from '../../license-server/index.js';
import {Blank} from '../components/blank/index.js';
import type {Line} from '../components/page/index.js';
import type {DemoKey} from '../demo-controls.js';
import {padTo, textWidth, wrapText} from '../format.js';
import {type Theme, toneColor} from '../theme.js';
import type {FocusId} from './settings-license-state.js';

/** Demo: the keys of the scenario's catalog, to copy, or to paste with Ctrl+K. */
export function demoKeyLines(
	keys: readonly DemoKey[],
	lang: Lang,
	width: number,
	theme: Theme,
): Line<FocusId>[] {
	if (keys.length === 0) return [];
	const aliasWidth = Math.max(...keys.map((key) => textWidth(key.alias)));
	// The title whole (wrapped), as every text a person reads.
	const lines: Line<FocusId>[] = wrapText(
		t(lang, 'ui.demo-keys.title'),
		width,
	).map((line, row) => ({
		key: `demo-keys-title-${row}`,
		node: (
			<Text bold color={toneColor(theme, 'tamper')}>
				{line}
			</Text>
		),
	}));
	// Each key, then what it carries under it, whole (wrapped, never cut).
	const indent = aliasWidth + 3;
	for (const key of keys) {
		lines.push({
			key: `demo-key-${key.alias}`,
			node: (
				<Text>
					{'  '}
					{padTo(key.alias, aliasWidth)} <Text bold>{key.key}</Text>
				</Text>
			),
		});
		wrapText(describeDemoKey(key, lang), Math.max(8, width - indent)).forEach(
			(line, row) => {
				lines.push({
					key: `demo-key-${key.alias}-what-${row}`,
					node: (
						<Text dimColor>
							{' '.repeat(indent)}
							{line}
						</Text>
					),
				});
			},
		);
	}
	lines.push({key: 'demo-keys-end', node: <Blank />});
	return lines;
}

/** "subscription, 10 device(s), 30 days", in the admin's language. */
export function describeLicense(spec: LicenseSpec, lang: Lang): string {
	return spec.kind === 'subscription'
		? t(
				lang,
				spec.autoRenew
					? 'ui.demo-key.subscription-renews'
					: 'ui.demo-key.subscription',
				{
					devices: spec.devices,
					days: spec.termDays ?? 0,
				},
			)
		: t(lang, 'ui.demo-key.perpetual', {devices: spec.devices});
}

/** "10 dev., 30 days, renews": a license where a picker's row has no room for it whole. */
export function describeLicenseShort(spec: LicenseSpec, lang: Lang): string {
	return spec.kind === 'subscription'
		? t(
				lang,
				spec.autoRenew
					? 'ui.demo.license-short.subscription-renews'
					: 'ui.demo.license-short.subscription',
				{devices: spec.devices, days: spec.termDays ?? 0},
			)
		: t(lang, 'ui.demo.license-short.perpetual', {devices: spec.devices});
}

/**
 * A demo key in ever fewer words, for a row of `describeDemoKey`'s width or less: whole, then
 * without its kind, then each license in few words (MULTI's three subscriptions whole take 115
 * columns).
 */
export function demoKeyForms(key: DemoKey, lang: Lang): string[] {
	const entry = key.entry;
	const specs = entry.type === 'installation' ? entry.licenses : [entry];
	return [
		describeDemoKey(key, lang),
		specs.map((spec) => describeLicense(spec, lang)).join(' + '),
		specs.map((spec) => describeLicenseShort(spec, lang)).join(' + '),
	];
}

/** "installation key: subscription, 10 devices, 30 days + perpetual, 1 device", in the admin's language. */
export function describeDemoKey(key: DemoKey, lang: Lang): string {
	const entry = key.entry;
	const license = (spec: LicenseSpec) => describeLicense(spec, lang);
	return entry.type === 'installation'
		? t(lang, 'ui.label', {
				label: t(lang, 'key-kind.installation'),
				value: entry.licenses.map(license).join(' + '),
			})
		: t(lang, 'ui.label', {
				label: t(lang, 'key-kind.license'),
				value: license(entry),
			});
}
