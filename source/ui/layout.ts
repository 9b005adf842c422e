/**
 * The screen's geometry, in rows and columns. The dashboard draws exactly `rows - 1` rows (Ink
 * then never has to clear the whole terminal between frames, so nothing flickers) and every
 * part knows its height in advance: header, banners, demo bar, status, footer, and the content
 * gets the rest.
 */

/** From this width, Home and Settings > License use two columns. */
export const WIDE_COLUMNS = 120;

export function isWide(columns: number): boolean {
	return columns >= WIDE_COLUMNS;
}

/** Rows the dashboard draws: one less than the terminal, at least 12. */
export function frameRows(rows: number): number {
	return Math.max(12, rows - 1);
}

/** The two columns of a wide screen (a gap of 2 between them), the left one `share` of it. */
export function columnsOf(
	width: number,
	share = 0.5,
): {left: number; right: number} {
	const left = Math.floor((width - 2) * share);
	return {left, right: width - 2 - left};
}

/** Devices: title, summary and hint rows around the list. */
export function deviceListHeight(contentHeight: number): number {
	return Math.max(1, contentHeight - 4);
}

/** Events: title and column header above, the selected event's detail (2 rows) below. */
export function eventListHeight(contentHeight: number): number {
	return Math.max(1, contentHeight - 4);
}

/**
 * Settings > License from 120 columns: the form and the keys side by side on top, in this many
 * rows (each scrolls on its own), the license table at full width below.
 */
export function settingsTopHeight(contentHeight: number): number {
	return Math.max(4, Math.min(14, contentHeight - 8));
}

/**
 * Settings > License: rows of the license table. Its block is a title, a column header, the
 * rows, a position line and a detail line: the whole content height on one page at 80
 * columns, the part under the form and keys from 120.
 */
export function licenseTableHeight(
	width: number,
	contentHeight: number,
): number {
	const block = isWide(width)
		? contentHeight - settingsTopHeight(contentHeight) - 1
		: contentHeight;
	return Math.max(3, block - 4);
}
