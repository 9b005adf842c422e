import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {LicenseView} from '../../../engine/evaluate.js';
import type {LicenseStatus} from '../../../engine/types.js';
import {formatRefusal, type Lang, t} from '../../../i18n/index.js';
import {maskedLicenseId, truncate} from '../../format.js';
import {type Theme, type Tone, toneColor} from '../../theme.js';
import {type ListState, visibleRange} from '../scroll-list/index.js';
import {headerText, rowCells, tableColumns} from './columns.js';

const STATUS_TONE: Record<LicenseStatus, Tone> = {
	pending: 'info',
	active: 'ok',
	'hardware-grace': 'warn',
	'offline-grace': 'warn',
	expired: 'error',
	invalid: 'error',
};

export type TableLine = {key: string; node: ReactNode};

type Options = {
	licenses: readonly LicenseView[];
	state: ListState;
	/** Rows for licenses (the column header and the lines below are extra). */
	height: number;
	width: number;
	lang: Lang;
	theme: Theme;
	isFocused: boolean;
};

/**
 * The license table as screen rows: the column header, the visible window of licenses (only
 * those are drawn, so 1,000 licenses stay fast), a position line for long lists and, while the
 * table has focus, a line about the selected license (why it is not active, a refusal).
 */
export function licenseTableLines({
	licenses,
	state,
	height,
	width,
	lang,
	theme,
	isFocused,
}: Options): TableLine[] {
	const columns = tableColumns(width, lang);
	const {selected, start, end} = visibleRange(state, height, licenses.length);
	const lines: TableLine[] = [
		{
			key: 'header',
			node: <Text bold> {truncate(headerText(columns, lang), width - 1)}</Text>,
		},
	];
	if (licenses.length === 0) {
		lines.push({
			key: 'empty',
			node: <Text dimColor> {t(lang, 'ui.no-licenses')}</Text>,
		});
	}
	for (let index = start; index < end; index++) {
		const license = licenses[index]!;
		const cells = rowCells(license, columns, lang, theme.timeZone);
		const isSelected = isFocused && index === selected;
		lines.push({
			key: `row-${index}`,
			node: (
				<Text inverse={isSelected && theme.isColor}>
					{isSelected ? '›' : ' '}
					{cells.key}
					{columns.gap}
					{cells.kind}
					{columns.gap}
					{cells.devices}
					{columns.gap}
					<Text color={toneColor(theme, STATUS_TONE[license.status])}>
						{cells.status}
					</Text>
					{columns.gap}
					{cells.activated}
					{columns.gap}
					{cells.expires}
				</Text>
			),
		});
	}
	if (licenses.length > height) {
		lines.push({
			key: 'position',
			node: (
				<Text dimColor>
					{truncate(
						` ${t(lang, 'ui.table.position', {from: start + 1, to: end, total: licenses.length})}`,
						width,
					)}
				</Text>
			),
		});
	}
	if (isFocused) {
		const current = licenses[selected];
		lines.push({
			key: 'detail',
			node: (
				<Text color={toneColor(theme, current?.refusal ? 'error' : 'muted')}>
					{truncate(current ? ` ${licenseDetail(current, lang)}` : ' ', width)}
				</Text>
			),
		});
	}
	return lines;
}

/** The selected license in full: its id masked, its status, and why when it is not active. */
function licenseDetail(license: LicenseView, lang: Lang): string {
	const parts = [
		maskedLicenseId(license.id, 40),
		t(lang, `status.${license.status}`),
	];
	if (license.reason) parts.push(t(lang, `ui.reason.${license.reason}`));
	if (license.refusal) {
		// The server's code in the admin's language; a code we do not know, in the server's words.
		const {code, message} = license.refusal;
		parts.push(
			t(lang, 'ui.table.refused', {
				message: formatRefusal(lang, code, message),
			}),
		);
	}
	return parts.join(' · ');
}
