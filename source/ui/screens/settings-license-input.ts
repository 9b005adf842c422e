/**
 * Settings > License's keyboard: `settingsKey` is the whole keyboard behaviour of the screen:
 * pure, it returns the next state and the commands for the shell to run (save, activate...).
 *
 * Browsing (the default): Tab / Shift+Tab, ↑ ↓ or j k move between controls (← → along the
 * buttons), g G go to the first and last, PgUp PgDn scroll the page, Enter starts typing into a
 * field or presses a button. Typing: every printable key goes to the field; Tab, Enter and ↑ ↓ go
 * to the next or previous field (typing on), Esc stops typing. In the Country field ↓ goes into
 * the list of matches (ink-select-input: ↑ ↓ j k, Enter picks), Esc comes back.
 */
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	validateCustomer,
} from '../../engine/customer.js';
import type {Lang} from '../../i18n/index.js';
import {choiceKey} from '../components/choice-list/index.js';
import {
	COUNTRY_ROWS,
	countryMatches,
	countryPickerReducer,
	highlightedMatch,
} from '../components/country-picker/index.js';
import {filterReducer, isFiltering} from '../components/filter/index.js';
import {type PageGeometry, pageKey} from '../components/page/index.js';
import {listAction, listReducer} from '../components/scroll-list/index.js';
import {
	textFieldAction,
	textFieldReducer,
} from '../components/text-field/index.js';
import {endOf, type KeyPress} from '../keypress.js';
import {
	type FocusId,
	fieldMessage,
	focusOn,
	focusOrder,
	formOf,
	moveFocus,
	pickCountry,
	type SettingsCommand,
	type SettingsState,
	settingsReducer,
	TEXT_IDS,
	type TextId,
} from './settings-license-state.js';

export type SettingsContext = {
	lang: Lang;
	/** Licenses the table shows (those its filter keeps). */
	licenseCount: number;
	/** Rows of the license table on screen (PgUp/PgDn move by this). */
	tableHeight: number;
	/** The page as it is on screen, when it is. */
	page: PageGeometry | null;
};

/** What the status line should say after this key (a Save refused before it is sent). */
export type SettingsNotice = 'conflict-pending';

export type SettingsResult = {
	state: SettingsState;
	commands: SettingsCommand[];
	isHandled: boolean;
	notice?: SettingsNotice;
};

const handled = (
	state: SettingsState,
	commands: SettingsCommand[] = [],
): SettingsResult => ({state, commands, isHandled: true});
const unhandled = (state: SettingsState): SettingsResult => ({
	state,
	commands: [],
	isHandled: false,
});

const letterOf = (key: KeyPress) =>
	key.name === 'char' && !key.ctrl ? key.text : '';

/** Tab or Enter in the Country field picks the highlighted match, if nothing was picked yet. */
function acceptCountry(state: SettingsState, lang: Lang): SettingsState {
	const query = state.text.country.value.trim();
	if (state.focus !== 'country' || state.country.code !== null || query === '')
		return state;
	const option = highlightedMatch(state.country, query, lang);
	return option ? pickCountry(state, option.code, lang) : state;
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
	return {...state, errors: {...state.errors, [field]: fieldMessage(error)}};
}

function press(
	state: SettingsState,
	button: FocusId,
	lang: Lang,
): SettingsResult {
	switch (button) {
		case 'save':
			if (state.conflict)
				return {
					...handled(focusOn(state, 'reload')),
					notice: 'conflict-pending',
				};
			return handled(state, [
				{type: 'save', form: formOf(state), keysText: state.text.keys.value},
			]);
		case 'activate':
			return handled(state, [{type: 'activate'}]);
		case 'connect':
			return handled(state, [{type: 'connect'}]);
		case 'manual':
			return handled(state, [{type: 'manual'}]);
		case 'reload':
			return handled(settingsReducer(state, {type: 'reload', lang}));
		case 'keep':
			return handled(settingsReducer(state, {type: 'keep'}));
		default:
			return handled(state);
	}
}

export function settingsKey(
	state: SettingsState,
	key: KeyPress,
	context: SettingsContext,
): SettingsResult {
	if (state.tableFilter.isTyping) return tableFilterKey(state, key);
	if (state.country.isListFocused) return countryListKey(state, key, context);
	if (state.isTyping && TEXT_IDS.has(state.focus))
		return typingKey(state, key, context);
	return browseKey(state, key, context);
}

/** Browsing: move between controls, scroll the page, Enter types into a field or presses. */
function browseKey(
	state: SettingsState,
	key: KeyPress,
	context: SettingsContext,
): SettingsResult {
	const {focus} = state;
	const letter = letterOf(key);
	if (focus === 'table') {
		const tableKey = tableListKey(state, key, context);
		if (tableKey) return tableKey;
	}
	if (key.name === 'tab' || key.name === 'backtab')
		return handled(moveFocus(state, key.name === 'tab' ? 1 : -1));
	if (key.name === 'down' || letter === 'j')
		return handled(moveFocus(state, 1, false));
	if (key.name === 'up' || letter === 'k')
		return handled(moveFocus(state, -1, false));
	// ← → along the buttons of a row, and from control to control elsewhere.
	if (key.name === 'left' || key.name === 'right')
		return handled(moveFocus(state, key.name === 'right' ? 1 : -1, false));
	const end = endOf(key);
	if (end) {
		const order = focusOrder(state);
		const target = end === 'first' ? order[0] : order.at(-1);
		return handled(focusOn(state, target ?? focus));
	}
	if (key.name === 'pageup' || key.name === 'pagedown') {
		if (!context.page) return handled(state);
		const move = pageKey(key, context.page, focusOrder(state), focus);
		if (!move) return handled(state);
		return handled({
			...(move.focus === undefined ? state : focusOn(state, move.focus)),
			page: move.scroll,
		});
	}
	if (key.name === 'enter') {
		if (TEXT_IDS.has(focus))
			return handled(focusOn({...state, isTyping: true}, focus));
		return press(state, focus, context.lang);
	}
	return unhandled(state);
}

/** The license table while it has the focus: its rows, its filter; ↑ on the first row leaves it. */
function tableListKey(
	state: SettingsState,
	key: KeyPress,
	context: SettingsContext,
): SettingsResult | null {
	const letter = letterOf(key);
	if ((key.name === 'up' || letter === 'k') && state.table.selected === 0)
		return handled(moveFocus(state, -1, false));
	if (key.name === 'escape' && isFiltering(state.tableFilter))
		return handled({
			...state,
			tableFilter: filterReducer(state.tableFilter, {type: 'clear'}),
			table: listReducer(state.table, {type: 'reset'}),
		});
	const action = listAction(key, context.licenseCount, context.tableHeight);
	if (!action) return null;
	return handled({...state, table: listReducer(state.table, action)});
}

/** The table's `/` prompt: the query as typed filters the rows; Enter keeps it, Esc clears it. */
function tableFilterKey(state: SettingsState, key: KeyPress): SettingsResult {
	if (key.name === 'escape')
		return handled({
			...state,
			tableFilter: filterReducer(state.tableFilter, {type: 'clear'}),
			table: listReducer(state.table, {type: 'reset'}),
		});
	if (key.name === 'enter' || key.name === 'tab' || key.name === 'backtab')
		return handled({
			...state,
			tableFilter: filterReducer(state.tableFilter, {type: 'done'}),
		});
	const edit = textFieldAction(key);
	if (!edit) return handled(state);
	return handled({
		...state,
		tableFilter: filterReducer(state.tableFilter, {type: 'edit', action: edit}),
		table: listReducer(state.table, {type: 'reset'}),
	});
}

/** The country list while it has the keys: ink-select-input reads its moves and Enter. */
function countryListKey(
	state: SettingsState,
	key: KeyPress,
	context: SettingsContext,
): SettingsResult {
	const letter = letterOf(key);
	if (key.name === 'escape')
		return handled({
			...state,
			country: countryPickerReducer(state.country, {type: 'leave-list'}),
		});
	if (key.name === 'tab' || key.name === 'backtab')
		return handled(
			moveFocus(
				acceptCountry(
					{
						...state,
						country: countryPickerReducer(state.country, {type: 'leave-list'}),
					},
					context.lang,
				),
				key.name === 'tab' ? 1 : -1,
			),
		);
	// The list's keys: ↑ ↓ j k move (↑ on the first match goes back to typing), Enter or a digit
	// picks and goes on to the next field, typing on.
	const matches = countryMatches(state.text.country.value, context.lang);
	const choice = choiceKey(
		key,
		state.country.highlighted,
		matches.length,
		COUNTRY_ROWS,
	);
	if (choice?.type === 'move') {
		if (choice.delta < 0 && state.country.highlighted === 0)
			return handled({
				...state,
				country: countryPickerReducer(state.country, {type: 'leave-list'}),
			});
		return handled({
			...state,
			country: countryPickerReducer(state.country, {
				type: 'move',
				delta: choice.delta,
				count: matches.length,
			}),
		});
	}
	if (choice?.type === 'pick') {
		const option = matches[choice.index];
		if (!option) return handled(state);
		return handled(
			moveFocus(
				{...pickCountry(state, option.code, context.lang), isTyping: true},
				1,
				false,
			),
		);
	}
	if (['up', 'down', 'enter'].includes(key.name) || /^[jk1-9]$/.test(letter))
		return handled(state);
	// Typing again: back to the field, with what was typed.
	if (key.name === 'char' && !key.ctrl)
		return typingKey(
			{
				...state,
				country: countryPickerReducer(state.country, {type: 'leave-list'}),
			},
			key,
			context,
		);
	return handled(state);
}

/** Typing into a text field. */
function typingKey(
	state: SettingsState,
	key: KeyPress,
	context: SettingsContext,
): SettingsResult {
	const {lang} = context;
	const focus = state.focus as TextId;
	if (key.name === 'escape') {
		if (focus === 'country' && state.country.isOpen)
			return handled({
				...state,
				country: countryPickerReducer(state.country, {type: 'close'}),
			});
		return handled({
			...state,
			isTyping: false,
			country: {...state.country, isOpen: false},
		});
	}
	if (key.name === 'tab' || key.name === 'backtab')
		return handled(
			moveFocus(acceptCountry(state, lang), key.name === 'tab' ? 1 : -1),
		);
	if (key.name === 'enter')
		return handled(moveFocus(acceptCountry(state, lang), 1, false));
	if (focus === 'country' && state.country.isOpen && key.name === 'down')
		return handled({
			...state,
			country: countryPickerReducer(state.country, {type: 'enter-list'}),
		});
	if (key.name === 'up' || key.name === 'down')
		return handled(
			moveFocus(
				acceptCountry(state, lang),
				key.name === 'down' ? 1 : -1,
				false,
			),
		);
	const action = textFieldAction(key);
	if (!action) return handled(state);
	const field = textFieldReducer(state.text[focus], action);
	if (field === state.text[focus]) return handled(state);
	let next: SettingsState = {...state, text: {...state.text, [focus]: field}};
	if ((CUSTOMER_FIELDS as readonly string[]).includes(focus)) {
		const customerField = focus as CustomerField;
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
