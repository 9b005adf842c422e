/**
 * R2: the country is chosen from a list, searched by typing (localized names, codes, aliases:
 * `findCountries`). The text typed lives in the form's field; this keeps the choice (an ISO
 * 3166-1 alpha-2 code once picked) and the list's highlight.
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
	highlighted: number;
	isOpen: boolean;
};

export type CountryPickerAction =
	| {type: 'typed'}
	| {type: 'open'}
	| {type: 'close'}
	| {type: 'move'; delta: number; count: number}
	| {type: 'pick'; code: string}
	| {type: 'load'; code: string | null};

export const closedPicker: CountryPickerState = {
	code: null,
	highlighted: 0,
	isOpen: false,
};

export function countryPickerReducer(
	state: CountryPickerState,
	action: CountryPickerAction,
): CountryPickerState {
	switch (action.type) {
		case 'typed':
			return {code: null, highlighted: 0, isOpen: true};
		case 'open':
			return {...state, isOpen: true};
		case 'close':
			return {...state, isOpen: false};
		case 'move': {
			if (action.count <= 0) return {...state, highlighted: 0};
			const highlighted = Math.min(
				Math.max(0, state.highlighted + action.delta),
				action.count - 1,
			);
			return {...state, highlighted, isOpen: true};
		}
		case 'pick':
			return {code: action.code, highlighted: 0, isOpen: false};
		case 'load':
			return {code: action.code, highlighted: 0, isOpen: false};
	}
}

/** The countries matching what is typed, best first (an empty query lists them all). */
export function countryMatches(query: string, lang: Lang): CountryOption[] {
	return findCountries(query, lang);
}

/** What the field shows for a picked country: its name in the admin's language. */
export function pickedName(code: string, lang: Lang): string {
	return countryName(code, lang) ?? code;
}
