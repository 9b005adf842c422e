/**
 * R2: the country is chosen from a list, searched by typing (localized names, codes, aliases:
 * `findCountries`). The text typed lives in the form's field; this keeps the choice (an ISO
 * 3166-1 alpha-2 code once picked), the list's highlight (the list itself is ink-select-input's,
 * which reports it), and whether the list has the keys.
 */
import {
	type CountryOption,
	countryName,
	findCountries,
} from '../../../engine/customer.js';
import type {Lang} from '../../../i18n/index.js';

export type CountryPickerState = {
	/** The picked country; null while what is typed has not been picked from the list. */
	code: string | null;
	/** The highlighted match, by index in the matches. */
	highlighted: number;
	/** The list of matches shows under the field. */
	isOpen: boolean;
	/** The list has the keys (↓ from the field): ↑↓ j k choose, Enter picks. */
	isListFocused: boolean;
};

export type CountryPickerAction =
	| {type: 'typed'}
	| {type: 'close'}
	| {type: 'enter-list'}
	| {type: 'leave-list'}
	| {type: 'move'; delta: number; count: number}
	| {type: 'pick'; code: string}
	| {type: 'load'; code: string | null};

export const closedPicker: CountryPickerState = {
	code: null,
	highlighted: 0,
	isOpen: false,
	isListFocused: false,
};

export function countryPickerReducer(
	state: CountryPickerState,
	action: CountryPickerAction,
): CountryPickerState {
	switch (action.type) {
		case 'typed':
			return {code: null, highlighted: 0, isOpen: true, isListFocused: false};
		case 'close':
			return {...state, isOpen: false, isListFocused: false};
		case 'enter-list':
			return state.isOpen ? {...state, isListFocused: true} : state;
		case 'leave-list':
			return {...state, isListFocused: false};
		case 'move':
			return {
				...state,
				highlighted: Math.min(
					Math.max(0, state.highlighted + action.delta),
					Math.max(0, action.count - 1),
				),
			};
		case 'pick':
		case 'load':
			return {...closedPicker, code: action.code};
	}
}

/** The countries matching what is typed, best first (an empty query lists them all). */
export function countryMatches(query: string, lang: Lang): CountryOption[] {
	return findCountries(query, lang);
}

/** The match Tab or Enter in the field picks: the highlighted one, else the best. */
export function highlightedMatch(
	state: CountryPickerState,
	query: string,
	lang: Lang,
): CountryOption | undefined {
	const matches = countryMatches(query, lang);
	return matches[Math.min(state.highlighted, matches.length - 1)];
}

/** What the field shows for a picked country: its name in the admin's language. */
export function pickedName(code: string, lang: Lang): string {
	return countryName(code, lang) ?? code;
}
