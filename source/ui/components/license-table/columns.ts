/**
 * The license table's columns: key (masked except its last group), kind, devices, status,
 * activated on, expires or renews on (R9). Widths come from the labels of the language, not
 * from the rows, so the columns stay put while a long table scrolls.
 */
import type {LicenseView} from '../../../engine/evaluate.js';
import type {LicenseStatus} from '../../../engine/types.js';
import {type Lang, type MessageId, t} from '../../../i18n/index.js';
import {
	formatIsoDate,
	maskedLicenseId,
	padLeftTo,
	padTo,
	textWidth,
	truncate,
} from '../../format.js';

export const STATUSES: readonly LicenseStatus[] = [
	'pending',
	'active',
	'hardware-grace',
	'offline-grace',
	'expired',
	'invalid',
];

const KIND_LABEL: Record<LicenseView['kind'], MessageId> = {
	perpetual: 'kind.perpetual',
	subscription: 'kind.subscription',
	installation: 'kind.installation',
	license: 'key-kind.license',
};

export type TableColumns = {
	key: number;
	kind: number;
	devices: number;
	status: number;
	activated: number;
	expires: number;
	gap: string;
};

const DATE_WIDTH = 10;
/** `↻ 2028-01-04`: renews automatically on that date (R9). */
const RENEWS_MARK = '↻ ';

export function tableColumns(width: number, lang: Lang): TableColumns {
	const longest = (labels: string[]) => Math.max(...labels.map(textWidth));
	const kind = longest([
		...Object.values(KIND_LABEL).map((id) => t(lang, id)),
		t(lang, 'ui.column.kind'),
	]);
	const devices = Math.max(4, textWidth(t(lang, 'ui.column.devices')));
	const status = longest([
		...STATUSES.map((status) => t(lang, `ui.status-short.${status}`)),
		t(lang, 'ui.column.status'),
	]);
	const activated = Math.max(
		DATE_WIDTH,
		textWidth(t(lang, 'ui.column.activated')),
	);
	const expires = Math.max(
		DATE_WIDTH + RENEWS_MARK.length,
		textWidth(t(lang, 'ui.column.expires-renews')),
	);
	const fixed = kind + devices + status + activated + expires;
	// The row's first column is the selection mark.
	const wideGap = width - 1 - fixed - 5 * 2 >= 16;
	const gap = wideGap ? '  ' : ' ';
	const key = Math.max(8, width - 1 - fixed - 5 * gap.length);
	return {key, kind, devices, status, activated, expires, gap};
}

export function headerText(columns: TableColumns, lang: Lang): string {
	const {gap} = columns;
	return [
		padTo(t(lang, 'ui.column.key'), columns.key),
		padTo(t(lang, 'ui.column.kind'), columns.kind),
		padLeftTo(t(lang, 'ui.column.devices'), columns.devices),
		padTo(t(lang, 'ui.column.status'), columns.status),
		padTo(t(lang, 'ui.column.activated'), columns.activated),
		truncate(t(lang, 'ui.column.expires-renews'), columns.expires),
	].join(gap);
}

export type RowCells = {
	key: string;
	kind: string;
	devices: string;
	status: string;
	activated: string;
	expires: string;
};

export function rowCells(
	license: LicenseView,
	columns: TableColumns,
	lang: Lang,
	timeZone?: string,
): RowCells {
	const expires =
		license.renewsAt !== null
			? `${RENEWS_MARK}${formatIsoDate(license.renewsAt, timeZone)}`
			: license.expiresAt !== null
				? formatIsoDate(license.expiresAt, timeZone)
				: license.status === 'pending'
					? ''
					: '—';
	return {
		key: padTo(maskedLicenseId(license.id, columns.key), columns.key),
		kind: padTo(t(lang, KIND_LABEL[license.kind]), columns.kind),
		devices: padLeftTo(
			license.devices === null ? '' : String(license.devices),
			columns.devices,
		),
		status: padTo(t(lang, `ui.status-short.${license.status}`), columns.status),
		activated: padTo(
			license.activatedAt === null
				? ''
				: formatIsoDate(license.activatedAt, timeZone),
			columns.activated,
		),
		// The last column is not padded: trailing spaces cost a frame time and show nothing.
		expires: truncate(expires, columns.expires),
	};
}
