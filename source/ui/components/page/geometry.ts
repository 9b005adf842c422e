/**
 * A page taller than its room (Settings > License at 80×24 with banners, Home with three
 * banners, the manual activation with its text blocks): every row stays reachable (issue 12,
 * point 1). The page is a list of lines (a line may be several rows: a menu); it scrolls to keep
 * the focused control in view, and PgUp/PgDn scroll it by a screen. When it does not fit, its
 * last row says so (rows shown, of how many, and the keys), so nothing is dropped in silence.
 */
import type {ReactNode} from 'react';
import type {KeyPress} from '../../keypress.js';
import {scrollToShow} from '../scroll-list/index.js';

/** One line of a page. `focus` names the control it belongs to (a field, its error, its list). */
export type Line<F extends string = string> = {
	key: string;
	node: ReactNode;
	focus?: F | readonly F[];
	/** Rows it takes. @default 1 */
	rows?: number;
	/** Controls inside a block of rows (two columns side by side), by rows from its top. */
	ranges?: Readonly<Record<string, Range>>;
	/** The selected row of a list: said "(selected)" to a screen reader. */
	isSelected?: boolean;
};

/** Where the page is scrolled; `follow`: keep the focused control in view (after a focus move). */
export type PageScroll = {offset: number; follow: boolean};

export const pageTop: PageScroll = {offset: 0, follow: true};

export type Range = {start: number; end: number};

/** What the key handler needs of the page on screen. */
export type PageGeometry = {
	/** Rows of the page in all. */
	total: number;
	/** Rows of content shown (the room, less the position row when the page overflows). */
	shown: number;
	/** First row shown. */
	offset: number;
	/** Rows of each focusable control, first and last. */
	ranges: Readonly<Record<string, Range>>;
};

const rowsOf = (line: Line) => Math.max(0, line.rows ?? 1);

export function focusRanges<F extends string>(
	lines: readonly Line<F>[],
): Record<string, Range> {
	const ranges: Record<string, Range> = {};
	let row = 0;
	for (const line of lines) {
		const ids =
			line.focus === undefined
				? []
				: typeof line.focus === 'string'
					? [line.focus]
					: line.focus;
		const end = row + Math.max(1, rowsOf(line)) - 1;
		for (const id of ids) {
			const range = ranges[id];
			ranges[id] = range ? {start: range.start, end} : {start: row, end};
		}
		for (const [id, inner] of Object.entries(line.ranges ?? {})) {
			ranges[id] = {start: row + inner.start, end: row + inner.end};
		}
		row += rowsOf(line);
	}
	return ranges;
}

/**
 * The page in `height` rows: where it starts, following the focus when asked. When the page
 * overflows, one row goes to the position line.
 */
export function pageGeometry<F extends string>(
	lines: readonly Line<F>[],
	height: number,
	scroll: PageScroll,
	focus: F | null,
): PageGeometry {
	const total = lines.reduce((sum, line) => sum + rowsOf(line), 0);
	const ranges = focusRanges(lines);
	const room = Math.max(1, height);
	const shown = total > room ? Math.max(1, room - 1) : room;
	const range = focus === null ? undefined : ranges[focus];
	const offset =
		scroll.follow && range
			? scrollToShow(scroll.offset, range.start, range.end, shown, total)
			: scrollToShow(scroll.offset, scroll.offset, scroll.offset, shown, total);
	return {total, shown, offset, ranges};
}

export function isInView(range: Range, geometry: PageGeometry): boolean {
	return (
		range.start >= geometry.offset &&
		range.start < geometry.offset + geometry.shown
	);
}

export type PageMove<F extends string> = {scroll: PageScroll; focus?: F};

/**
 * PgUp/PgDn scroll by a screen (less a row, kept for context); on a page without focusable
 * controls ↑↓, j/k and g/G scroll it too. When the focused control leaves the view, the focus
 * goes to the first control in view, so Enter never acts on something unseen.
 */
export function pageKey<F extends string>(
	key: KeyPress,
	geometry: PageGeometry,
	focusOrder: readonly F[],
	focus: F | null,
): PageMove<F> | null {
	const page = Math.max(1, geometry.shown - 1);
	const last = Math.max(0, geometry.total - geometry.shown);
	const isScrollOnly = focusOrder.length === 0;
	let offset: number;
	if (key.name === 'pagedown') offset = geometry.offset + page;
	else if (key.name === 'pageup') offset = geometry.offset - page;
	else if (!isScrollOnly) return null;
	else if (key.name === 'down' || (key.name === 'char' && key.text === 'j'))
		offset = geometry.offset + 1;
	else if (key.name === 'up' || (key.name === 'char' && key.text === 'k'))
		offset = geometry.offset - 1;
	else if (key.name === 'home' || (key.name === 'char' && key.text === 'g'))
		offset = 0;
	else if (key.name === 'end' || (key.name === 'char' && key.text === 'G'))
		offset = last;
	else return null;
	offset = Math.min(Math.max(0, offset), last);
	const scroll = {offset, follow: false};
	const view = {...geometry, offset};
	const current = focus === null ? undefined : geometry.ranges[focus];
	if (current && isInView(current, view)) return {scroll};
	const visible = focusOrder.find((id) => {
		const range = geometry.ranges[id];
		return range !== undefined && isInView(range, view);
	});
	return visible === undefined ? {scroll} : {scroll, focus: visible};
}
