import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {LicenseView} from '../../../engine/evaluate.js';
import type {LicenseStatus} from '../../../engine/types.js';
import {type Lang, t} from '../../../i18n/index.js';
import {truncate, wrapText} from '../../format.js';
import {type Theme, type Tone, toneColor} from '../../theme.js';
import {type ListState, visibleItems} from '../scroll-list/index.js';
import {
	headerText,
	listWhyLines,
	rowCells,
	shownId,
	type TableColumns,
	tableColumns,
	whyText,
} from './columns.js';

const STATUS_TONE: Record<LicenseStatus, Tone> = {
	pending: 'info',
	active: 'ok',
	'hardware-grace': 'warn',
	'offline-grace': 'warn',
	expired: 'error',
	invalid: 'error',
};

export type TableLine = {key: string; node: ReactNode; isSelected?: boolean};

type Options = {
	/** The licenses shown (the filter's matches). */
	licenses: readonly LicenseView[];
	state: ListState;
	/** Rows for licenses (the column header and the lines below are extra). */
	height: number;
	width: number;
	lang: Lang;
	theme: Theme;
	isFocused: boolean;
	isFullKeys: boolean;
};

/**
 * The license table as screen rows: the column header, the visible window of licenses (only
 * those are drawn, so 1,000 licenses stay fast), a position line for long lists, and the detail
 * of one license in full: the selected one while the table has the focus, else the first that
 * does not count, so why it does not is on screen (issue 12, point 6).
 */
export function licenseTableLines({
	licenses,
	state,
	height,
	width,
	lang,
	theme,
	isFocused,
	isFullKeys,
}: Options): TableLine[] {
	const columns = tableColumns(width, lang, isFullKeys);
	const whys = listWhyLines(licenses, columns, lang);
	const {selected, start, end} = visibleItems(
		state,
		whys.map((lines) => lines.length),
		height,
	);
	// Where the Why column starts, for the rows its text wraps onto.
	const whyIndent =
		1 +
		columns.key +
		columns.kind +
		columns.devices +
		columns.status +
		columns.activated +
		columns.expires +
		6 * columns.gap.length;
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
	const shape = tableShape(columns, lang, theme, isFullKeys);
	for (let index = start; index < end; index++) {
		const license = licenses[index]!;
		const isSelected = isFocused && index === selected;
		lines.push({
			key: `row-${index}`,
			node: rowNode(
				license,
				columns,
				lang,
				theme,
				isFullKeys,
				isSelected,
				shape,
			),
			// The page's row says it to a screen reader: no Box of its own to lay out and walk
			// at every frame (issue 16, keystroke to frame).
			...(isSelected ? {isSelected} : {}),
		});
		for (const [row, line] of (whys[index] ?? []).slice(1).entries()) {
			lines.push({
				key: `row-${index}-why-${row}`,
				node: (
					<Text dimColor>
						{' '.repeat(whyIndent)}
						{line}
					</Text>
				),
			});
		}
	}
	if (start > 0 || end < licenses.length) {
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
	const shown = isFocused
		? licenses[selected]
		: licenses.find((license) => whyText(license, lang) !== '');
	if (shown) {
		const detail = licenseDetail(shown, lang, isFullKeys);
		wrapText(detail, width - 1).forEach((line, index) => {
			lines.push({
				key: `detail-${index}`,
				node: (
					<Text
						color={toneColor(
							theme,
							shown.refusal || shown.reason ? 'error' : 'muted',
						)}
					>
						{' '}
						{line}
					</Text>
				),
			});
		});
	}
	return lines;
}

/** Rows the licenses take in the table at this width (a Why that wraps takes more than one). */
export function licenseRows(
	licenses: readonly LicenseView[],
	width: number,
	lang: Lang,
	isFullKeys: boolean,
): number {
	const whys = listWhyLines(
		licenses,
		tableColumns(width, lang, isFullKeys),
		lang,
	);
	let rows = rowCounts.get(whys);
	if (rows === undefined) {
		rows = whys.reduce((sum, lines) => sum + lines.length, 0);
		rowCounts.set(whys, rows);
	}
	return rows;
}

/** licenseRows per list of why lines (kept between keys: issue 16). */
const rowCounts = new WeakMap<readonly (readonly string[])[], number>();

/** Rows the table's detail takes for its license, so the page knows its height in advance. */
export function licenseDetail(
	license: LicenseView,
	lang: Lang,
	isFullKeys: boolean,
): string {
	const why = whyText(license, lang);
	return [
		shownId(license, 40, isFullKeys),
		t(lang, `status.${license.status}`),
		...(why ? [why] : []),
	].join(' · ');
}

/**
 * Rows drawn, kept per license and what the row shows: a key that moves the selection hands
 * React the same element for every row that did not change, so it skips them (issue 16,
 * keystroke to frame with 1,000 licenses).
 */
const rowNodes = new WeakMap<LicenseView, Map<string, ReactNode>>();

/** What every row of the table depends on but its license and selection, said once a frame. */
function tableShape(
	columns: TableColumns,
	lang: Lang,
	theme: Theme,
	isFullKeys: boolean,
): string {
	return [
		lang,
		theme.timeZone ?? '',
		theme.isColor,
		isFullKeys,
		columns.key,
		columns.kind,
		columns.devices,
		columns.status,
		columns.activated,
		columns.expires,
		columns.why,
		columns.gap,
	].join('|');
}

function rowNode(
	license: LicenseView,
	columns: TableColumns,
	lang: Lang,
	theme: Theme,
	isFullKeys: boolean,
	isSelected: boolean,
	tableShape: string,
): ReactNode {
	const statusColor = toneColor(theme, STATUS_TONE[license.status]);
	const shape = `${tableShape}|${statusColor ?? ''}|${isSelected}`;
	let byShape = rowNodes.get(license);
	if (!byShape) {
		byShape = new Map();
		rowNodes.set(license, byShape);
	}
	let node = byShape.get(shape);
	if (node === undefined) {
		const cells = rowCells(license, columns, lang, theme.timeZone, isFullKeys);
		const {gap} = columns;
		node = (
			// The plain cells as one text each side of the status: the same row, fewer text
			// nodes for React and Ink at every frame (issue 16, keystroke to frame).
			<Text inverse={isSelected && theme.isColor}>
				{`${isSelected ? '›' : ' '}${cells.key}${gap}${cells.kind}${gap}${cells.devices}${gap}`}
				<Text color={statusColor}>{cells.status}</Text>
				{`${gap}${cells.activated}${gap}${cells.expires}${columns.why > 0 ? gap : ''}`}
				{columns.why > 0 ? <Text dimColor>{cells.why}</Text> : null}
			</Text>
		);
		byShape.set(shape, node);
	}
	return node;
}
