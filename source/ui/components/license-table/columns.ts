/**
 * The license table's columns: key (masked except its last group, or whole on request), kind,
 * devices, status, activated on, expires or renews on (R9), and, from 100 columns, why a license
 * does not count (revoked, not renewed...: issue 12, point 6). Widths come from the labels of the
 * language, not from the rows, so the columns stay put while a long table scrolls.
 */
import type {LicenseView} from '../../../engine/evaluate.js';
import type {LicenseStatus} from '../../../engine/types.js';
import {
	formatRefusal,
	type Lang,
	type MessageId,
	t,
} from '../../../i18n/index.js';
import {
	formatIsoDate,
	maskedLicenseId,
	padLeftTo,
	padTo,
	textWidth,
	truncate,
	wrapText,
} from '../../format.js';

/**
 * Per-license results kept while the license object lives: the table asks for every license's
 * why and search text at each key, and the evaluation's license objects stay the same between
 * two keys (issue 16: 1,000 licenses, keystroke to frame). A new evaluation brings new objects.
 */
function perLicense<K extends string, T>(
	compute: (license: LicenseView, key: K) => T,
) {
	const cache = new WeakMap<LicenseView, Map<K, T>>();
	return (license: LicenseView, key: K): T => {
		let byKey = cache.get(license);
		if (!byKey) {
			byKey = new Map();
			cache.set(license, byKey);
		}
		let value = byKey.get(key);
		if (value === undefined) {
			value = compute(license, key);
			byKey.set(key, value);
		}
		return value;
	};
}

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
	/** 0 when the table is too narrow for it (the detail line says why then). */
	why: number;
	gap: string;
};

const DATE_WIDTH = 10;
/** `↻ 2028-01-04`: renews automatically on that date (R9). */
const RENEWS_MARK = '↻ ';
/** From this width the table has its Why column. */
export const WHY_FROM = 100;
/** The widest a whole license id gets (`KEY/n`). */
const FULL_ID = 31;
/** A masked license id at its shortest (`…-XXXXX/n`), which the column keeps at least. */
const MASKED_ID = 12;
/** The Why column is dropped (the detail line says why) rather than narrower than this. */
const WHY_MIN = 16;
/** The wide gap between columns when it leaves the Why column at least this wide. */
const WHY_ROOMY = 24;

/**
 * The columns at `width`: the fixed ones from the language's labels; the key as wide as its
 * ids need (whole with `f`); the Why column gets the rest, and its text wraps under itself
 * (whyLines), so a reason is never cut. When whole keys leave the Why column too narrow, it
 * goes, as below 100 columns: the detail line under the table says why (issue 12, point 14).
 */
export function tableColumns(
	width: number,
	lang: Lang,
	isFullKeys = false,
): TableColumns {
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
	const free = width - 1 - fixed;
	const keyWanted = Math.max(
		isFullKeys ? FULL_ID : MASKED_ID,
		textWidth(t(lang, 'ui.column.key')),
	);
	if (width >= WHY_FROM) {
		for (const gap of ['  ', ' ']) {
			const why = free - 6 * gap.length - keyWanted;
			if (why >= (gap === '  ' ? WHY_ROOMY : WHY_MIN))
				return {
					key: keyWanted,
					kind,
					devices,
					status,
					activated,
					expires,
					why,
					gap,
				};
		}
	}
	const gap = free - 5 * 2 >= Math.max(16, keyWanted) ? '  ' : ' ';
	const key = Math.max(8, free - 5 * gap.length);
	return {key, kind, devices, status, activated, expires, why: 0, gap};
}

/** Why a license does not count, in rows of the Why column (one empty row when nothing is wrong). */
export function whyLines(
	license: LicenseView,
	columns: TableColumns,
	lang: Lang,
): readonly string[] {
	if (columns.why === 0) return [''];
	return whyLinesOf(license, `${lang} ${columns.why}`);
}

/**
 * whyLines of every license of a list, kept per list (the table's shown licenses stay the same
 * array between two keys that only move the selection).
 */
export function listWhyLines(
	licenses: readonly LicenseView[],
	columns: TableColumns,
	lang: Lang,
): readonly (readonly string[])[] {
	const key = `${lang} ${columns.why}`;
	let byKey = listWhys.get(licenses);
	if (!byKey) {
		byKey = new Map();
		listWhys.set(licenses, byKey);
	}
	let whys = byKey.get(key);
	if (!whys) {
		whys = licenses.map((license) => whyLines(license, columns, lang));
		byKey.set(key, whys);
	}
	return whys;
}

const listWhys = new WeakMap<
	readonly LicenseView[],
	Map<string, readonly (readonly string[])[]>
>();

const whyLinesOf = perLicense(
	(license, key: `${Lang} ${number}`): readonly string[] => {
		const [lang, width] = key.split(' ') as [Lang, string];
		const why = whyText(license, lang);
		return why === '' ? [''] : wrapText(why, Number(width));
	},
);

export function headerText(columns: TableColumns, lang: Lang): string {
	const {gap} = columns;
	const cells = [
		padTo(t(lang, 'ui.column.key'), columns.key),
		padTo(t(lang, 'ui.column.kind'), columns.kind),
		padLeftTo(t(lang, 'ui.column.devices'), columns.devices),
		padTo(t(lang, 'ui.column.status'), columns.status),
		padTo(t(lang, 'ui.column.activated'), columns.activated),
	];
	if (columns.why > 0) {
		cells.push(padTo(t(lang, 'ui.column.expires-renews'), columns.expires));
		cells.push(truncate(t(lang, 'ui.column.why'), columns.why));
	} else {
		cells.push(truncate(t(lang, 'ui.column.expires-renews'), columns.expires));
	}
	return cells.join(gap);
}

export type RowCells = {
	key: string;
	kind: string;
	devices: string;
	status: string;
	activated: string;
	expires: string;
	why: string;
};

/** The license id as shown: masked but its last group, or whole (`f`). */
export function shownId(
	license: LicenseView,
	width: number,
	isFullKeys: boolean,
): string {
	return isFullKeys
		? truncate(license.id, width)
		: maskedLicenseId(license.id, width);
}

/** Why a license does not count, or was refused at Activate: empty when nothing is wrong. */
export function whyText(license: LicenseView, lang: Lang): string {
	return whyTextOf(license, lang);
}

const whyTextOf = perLicense((license, lang: Lang): string => {
	const parts: string[] = [];
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
});

export function rowCells(
	license: LicenseView,
	columns: TableColumns,
	lang: Lang,
	timeZone?: string,
	isFullKeys = false,
): RowCells {
	const {key, kind, devices, status, activated, expires, why, gap} = columns;
	return rowCellsOf(
		license,
		`${lang}|${timeZone ?? ''}|${isFullKeys}|${key},${kind},${devices},${status},${activated},${expires},${why},${gap.length}`,
	);
}

/** The cells of a row, kept per license and table shape: a scrolled-back row is drawn again. */
const rowCellsOf = perLicense((license, shape: string): RowCells => {
	const [lang, timeZone, isFullKeys, widths] = shape.split('|') as [
		Lang,
		string,
		string,
		string,
	];
	const [key, kind, devices, status, activated, expires, why, gap] = widths
		.split(',')
		.map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number,
		number,
		number,
	];
	return cellsOf(
		license,
		{key, kind, devices, status, activated, expires, why, gap: ' '.repeat(gap)},
		lang,
		timeZone === '' ? undefined : timeZone,
		isFullKeys === 'true',
	);
});

function cellsOf(
	license: LicenseView,
	columns: TableColumns,
	lang: Lang,
	timeZone: string | undefined,
	isFullKeys: boolean,
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
		key: padTo(shownId(license, columns.key, isFullKeys), columns.key),
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
		expires:
			columns.why > 0
				? padTo(expires, columns.expires)
				: truncate(expires, columns.expires),
		why: whyLines(license, columns, lang)[0] ?? '',
	};
}

/** What `/` searches in a license: its key, kind, status and why, in the admin's language. */
export function licenseSearchText(license: LicenseView, lang: Lang): string {
	return searchTextOf(license, lang);
}

const searchTextOf = perLicense((license, lang: Lang): string => {
	return [
		license.id,
		t(lang, KIND_LABEL[license.kind]),
		t(lang, `status.${license.status}`),
		whyText(license, lang),
	].join(' ');
});
