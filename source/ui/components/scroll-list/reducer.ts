/**
 * A selection in a long list, and the window of rows on screen. Only the window is rendered, so
 * a table of 1,000 licenses costs what its visible rows cost.
 */
export type ListState = {selected: number; offset: number};

export type ListAction =
	| {type: 'move'; delta: number; total: number; height: number}
	| {type: 'first'; total: number; height: number}
	| {type: 'last'; total: number; height: number}
	| {type: 'reset'};

export const emptyList: ListState = {selected: 0, offset: 0};

/**
 * The smallest change of `offset` that shows the lines `start..end` (inclusive) in a window of
 * `height` lines over `total` lines. When the range is taller than the window, its start shows.
 */
export function scrollToShow(
	offset: number,
	start: number,
	end: number,
	height: number,
	total: number,
): number {
	const room = Math.max(1, height);
	const maxOffset = Math.max(0, total - room);
	let next = Math.min(Math.max(0, offset), maxOffset);
	if (end >= next + room) {
		next = end - room + 1;
	}
	if (start < next) {
		next = start;
	}
	return Math.min(Math.max(0, next), maxOffset);
}

export function listReducer(state: ListState, action: ListAction): ListState {
	switch (action.type) {
		case 'reset':
			return emptyList;
		case 'move':
		case 'first':
		case 'last': {
			if (action.total <= 0) {
				return emptyList;
			}
			const target =
				action.type === 'first'
					? 0
					: action.type === 'last'
						? action.total - 1
						: state.selected + action.delta;
			const selected = Math.min(Math.max(0, target), action.total - 1);
			return {
				selected,
				offset: scrollToShow(
					state.offset,
					selected,
					selected,
					action.height,
					action.total,
				),
			};
		}
	}
}

/** The rows to draw now: the state's window, kept valid after a resize or a shorter list. */
export function visibleRange(
	state: ListState,
	height: number,
	total: number,
): {selected: number; start: number; end: number} {
	if (total <= 0) {
		return {selected: 0, start: 0, end: 0};
	}
	const selected = Math.min(Math.max(0, state.selected), total - 1);
	const start = scrollToShow(state.offset, selected, selected, height, total);
	return {selected, start, end: Math.min(total, start + Math.max(1, height))};
}

/**
 * The window when items take several rows each (a license whose Why wraps): the selected item
 * whole, from the state's offset where it can, as many items as fit in `rows` (at least one).
 */
export function visibleItems(
	state: ListState,
	heights: readonly number[],
	rows: number,
): {selected: number; start: number; end: number} {
	const total = heights.length;
	if (total <= 0) return {selected: 0, start: 0, end: 0};
	const room = Math.max(1, rows);
	const height = (index: number) => Math.max(1, heights[index] ?? 1);
	const selected = Math.min(Math.max(0, state.selected), total - 1);
	let start = Math.min(Math.max(0, state.offset), selected);
	let used = 0;
	for (let index = start; index <= selected; index++) used += height(index);
	while (start < selected && used > room) {
		used -= height(start);
		start += 1;
	}
	let end = selected + 1;
	while (end < total && used + height(end) <= room) {
		used += height(end);
		end += 1;
	}
	// A window that ends with the list fills upwards (after a resize or a shorter list).
	while (start > 0 && end === total && used + height(start - 1) <= room) {
		start -= 1;
		used += height(start);
	}
	return {selected, start, end};
}
