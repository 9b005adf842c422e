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

/** "installation key: subscription, 10 devices, 30 days + perpetual, 1 device", in the admin's language. */
export function describeDemoKey(key: DemoKey, lang: Lang): string {
	const entry = key.entry;
	const license = (spec: LicenseSpec) =>
		spec.kind === 'subscription'
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
