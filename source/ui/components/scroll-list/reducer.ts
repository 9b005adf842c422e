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
