/**
 * `/` filters a list (Events, devices, licenses), as in lazygit and k9s: the query is typed in a
 * one-line prompt above the list, the list shows only the rows that contain it (any case), `n`
 * and `N` go to the next and previous match, Esc clears it (issue 12, point 7).
 */
import {
	type TextFieldAction,
	type TextFieldState,
	textField,
	textFieldReducer,
} from '../text-field/index.js';

export type FilterState = {text: TextFieldState; isTyping: boolean};

export const noFilter: FilterState = {text: textField(), isTyping: false};

export type FilterAction =
	| {type: 'open'}
	| {type: 'edit'; action: TextFieldAction}
	| {type: 'done'}
	| {type: 'clear'};

export function filterReducer(
	state: FilterState,
	action: FilterAction,
): FilterState {
	switch (action.type) {
		case 'open':
			return {...state, isTyping: true};
		case 'edit':
			return {...state, text: textFieldReducer(state.text, action.action)};
		case 'done':
			return state.text.value.trim() === ''
				? noFilter
				: {...state, isTyping: false};
		case 'clear':
			return noFilter;
	}
}

export function isFiltering(state: FilterState): boolean {
	return state.isTyping || state.text.value.trim() !== '';
}

/** The rows a query keeps, by index: all of them for an empty query. */
export function matchingRows(
	texts: readonly string[],
	state: FilterState,
): number[] {
	const query = state.text.value.trim().toLocaleLowerCase();
	const all = texts.map((_text, index) => index);
	if (query === '') return all;
	return all.filter((index) =>
		texts[index]!.toLocaleLowerCase().includes(query),
	);
}
