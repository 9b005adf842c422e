/**
 * Settings > License's keyboard: `settingsKey` is the whole keyboard behaviour of the screen:
 * pure, it returns the next state and the commands for the shell to run (save, activate...).
 *
 * Focus moves with Tab / Shift+Tab or ↑ ↓ (←/→ on the buttons). While a text field has focus
 * (`isEditing`), every printable key goes to it; Esc leaves the field so the global keys work.
 */
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	validateCustomer,
} from '../../engine/customer.js';
import type {Lang} from '../../i18n/index.js';
import {
	countryMatches,
	countryPickerAction,
	countryPickerReducer,
} from '../components/country-picker/index.js';
import {listAction, listReducer} from '../components/scroll-list/index.js';
import {
	textField,
	textFieldAction,
	textFieldReducer,
} from '../components/text-field/index.js';
import type {KeyPress} from '../keypress.js';
import {
	BUTTON_IDS,
	DEFAULT_REQUEST_PATH,
	DEFAULT_RESPONSE_PATH,
	type FocusId,
	fieldMessage,
	focusOn,
	formOf,
	moveFocus,
	type SettingsCommand,
	type SettingsState,
	TEXT_IDS,
	type TextId,
} from './settings-license-state.js';
export type SettingsContext = {
	lang: Lang;
	licenseCount: number;
	/** Rows of the license table on screen (PgUp/PgDn move by this). */
	tableHeight: number;
};

export type SettingsResult = {
	state: SettingsState;
	commands: SettingsCommand[];
	isHandled: boolean;
};

/** Tab or Enter on the country field picks the highlighted match, if nothing was picked yet. */
function acceptCountry(state: SettingsState, lang: Lang): SettingsState {
	const query = state.text.country.value.trim();
	if (state.focus !== 'country' || state.country.code !== null || query === '')
		return state;
	const matches = countryMatches(query, lang);
	const option =
		matches[Math.min(state.country.highlighted, matches.length - 1)];
	if (!option) return state;
	return {
		...state,
		text: {...state.text, country: textField(option.name)},
		country: countryPickerReducer(state.country, {
			type: 'pick',
			code: option.code,
		}),
		errors: withoutError(state.errors, 'country'),
	};
}

function withoutError(
	errors: SettingsState['errors'],
	field: CustomerField,
): SettingsState['errors'] {
	const {[field]: _removed, ...rest} = errors;
	return rest;
}

/** A field that shows an error is checked again as it is corrected, so the error goes once fixed. */
function recheck(state: SettingsState, field: CustomerField): SettingsState {
	if (!state.errors[field]) return state;
	const result = validateCustomer(formOf(state));
	const error = result.ok
		? undefined
		: result.errors.find((candidate) => candidate.field === field);
	if (!error) return {...state, errors: withoutError(state.errors, field)};
	return {
		...state,
		errors: {
			...state.errors,
			[field]: fieldMessage(error),
		},
	};
}

const handled = (
	state: SettingsState,
	commands: SettingsCommand[] = [],
): SettingsResult => ({state, commands, isHandled: true});
const unhandled = (state: SettingsState): SettingsResult => ({
	state,
	commands: [],
	isHandled: false,
});

function press(state: SettingsState, button: FocusId): SettingsResult {
	switch (button) {
		case 'save':
			return handled(state, [
				{type: 'save', form: formOf(state), keysText: state.text.keys.value},
			]);
		case 'activate':
			return handled(state, [{type: 'activate'}]);
		case 'connect':
			return handled(state, [{type: 'connect'}]);
		case 'manual': {
			const isManualOpen = !state.isManualOpen;
			return handled(
				focusOn(
					{...state, isManualOpen},
					isManualOpen ? 'exportPath' : 'manual',
				),
			);
		}
		case 'export':
			return handled(state, [
				{
					type: 'export',
					path: state.text.exportPath.value.trim() || DEFAULT_REQUEST_PATH,
				},
			]);
		case 'import':
			return handled(state, [
				{
					type: 'import',
					path: state.text.importPath.value.trim() || DEFAULT_RESPONSE_PATH,
				},
			]);
		default:
			return handled(state);
	}
}

export function settingsKey(
	state: SettingsState,
	key: KeyPress,
	context: SettingsContext,
): SettingsResult {
	if (!state.isEditing) {
		if (['tab', 'backtab', 'enter', 'up', 'down'].includes(key.name)) {
			return handled(focusOn({...state, isEditing: true}, state.focus));
		}
		return unhandled(state);
	}
	const {lang} = context;
	const focus = state.focus;

	if (key.name === 'escape') {
		if (focus === 'country' && state.country.isOpen) {
			return handled({
				...state,
				country: countryPickerReducer(state.country, {type: 'close'}),
			});
		}
		return handled({
			...state,
			isEditing: false,
			country: {...state.country, isOpen: false},
		});
	}
	if (key.name === 'tab' || key.name === 'backtab') {
		return handled(
			moveFocus(acceptCountry(state, lang), key.name === 'tab' ? 1 : -1),
		);
	}

	if (focus === 'country') {
		const count = state.country.isOpen
			? countryMatches(state.text.country.value, lang).length
			: 0;
		const action = countryPickerAction(key, state.country, count);
		if (action) {
			return handled({
				...state,
				country: countryPickerReducer(state.country, action),
			});
		}
	}

	if (focus === 'table') {
		if (key.name === 'up' && state.table.selected === 0) {
			return handled(moveFocus(state, -1));
		}
		const action = listAction(key, context.licenseCount, context.tableHeight);
		if (action) {
			return handled({...state, table: listReducer(state.table, action)});
		}
	}

	if (key.name === 'up' || key.name === 'down') {
		return handled(
			moveFocus(acceptCountry(state, lang), key.name === 'down' ? 1 : -1),
		);
	}

	if (key.name === 'enter') {
		if (TEXT_IDS.has(focus)) {
			return handled(moveFocus(acceptCountry(state, lang), 1));
		}
		return press(state, focus);
	}

	if (BUTTON_IDS.has(focus) && (key.name === 'left' || key.name === 'right')) {
		return handled(moveFocus(state, key.name === 'right' ? 1 : -1));
	}

	if (TEXT_IDS.has(focus)) {
		const textId = focus as TextId;
		const action = textFieldAction(key);
		if (!action) return unhandled(state);
		const field = textFieldReducer(state.text[textId], action);
		if (field === state.text[textId]) return handled(state);
		let next: SettingsState = {
			...state,
			text: {...state.text, [textId]: field},
		};
		if ((CUSTOMER_FIELDS as readonly string[]).includes(textId)) {
			const customerField = textId as CustomerField;
			next = {...next, isDirty: true};
			if (
				customerField === 'country' &&
				field.value !== state.text.country.value
			) {
				next = {
					...next,
					country: countryPickerReducer(next.country, {type: 'typed'}),
				};
			}
			next = recheck(next, customerField);
		}
		return handled(next);
	}
	return unhandled(state);
}
