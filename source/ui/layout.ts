/**
 * The screen's geometry, in rows and columns. The dashboard draws exactly `rows - 1` rows (Ink
 * then never has to clear the whole terminal between frames, so nothing flickers) and every
 * part knows its height in advance: header, banners, demo bar, status, footer, and the content
 * gets the rest (a page that scrolls when it needs more).
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

/** Rows the status line may take before it says `i` shows the message whole. */
export function statusRows(frame: number): number {
	return Math.max(3, Math.floor(frame / 4));
}

/** Rows the content keeps at least, whatever the banners and messages take. */
export const MIN_CONTENT_ROWS = 4;
