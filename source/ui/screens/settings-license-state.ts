/**
 * Settings > License as state: the customer form (R2), the key field (R3), the buttons (R4, R5,
 * R14) and the license table. `settingsKey` is the whole keyboard behaviour of the screen: pure,
 * it returns the next state and the commands for the shell to run (save, activate...).
 *
 * Focus moves with Tab / Shift+Tab or ↑ ↓ (←/→ on the buttons). While a text field has focus
 * (`isEditing`), every printable key goes to it; Esc leaves the field so the global keys work.
 */
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	type FieldError,
	validateCustomer,
} from '../../engine/customer.js';
import type {Customer, CustomerForm} from '../../engine/types.js';
import type {Lang, MessageId} from '../../i18n/index.js';
import {
	type CountryPickerState,
	closedPicker,
	countryMatches,
	countryPickerAction,
	countryPickerReducer,
	pickedName,
} from '../components/country-picker/index.js';
import {
	emptyList,
	type ListState,
	listAction,
	listReducer,
} from '../components/scroll-list/index.js';
import {
	type TextFieldState,
	textField,
	textFieldAction,
	textFieldReducer,
} from '../components/text-field/index.js';
import type {KeyPress} from '../keypress.js';

export const DEFAULT_REQUEST_PATH = './activation-request.json';
export const DEFAULT_RESPONSE_PATH = './activation-response.json';

export type TextId = CustomerField | 'keys' | 'exportPath' | 'importPath';
export type ButtonId =
	| 'save'
	| 'activate'
	| 'connect'
	| 'manual'
	| 'export'
	| 'import';
export type FocusId = TextId | ButtonId | 'table';

export const TEXT_IDS: ReadonlySet<FocusId> = new Set<FocusId>([
	...CUSTOMER_FIELDS,
	'keys',
	'exportPath',
	'importPath',
]);
export const BUTTON_IDS: ReadonlySet<FocusId> = new Set<FocusId>([
	'save',
	'activate',
	'connect',
	'manual',
	'export',
	'import',
]);

/** A field's error as the engine gave it; shown with `t(messageId, params)` in the screen's language. */
export type FieldMessage = {
	message: string;
	messageId?: MessageId;
	params?: Record<string, string>;
};

export type SettingsState = {
	text: Record<TextId, TextFieldState>;
	country: CountryPickerState;
	errors: Partial<Record<CustomerField, FieldMessage>>;
	focus: FocusId;
	/** True while the focused control takes keys; Esc sets it false (global keys work again). */
	isEditing: boolean;
	isManualOpen: boolean;
	table: ListState;
	/** The customer part was edited since it was loaded or saved: engine updates do not overwrite it. */
	isDirty: boolean;
};

export type SettingsContext = {
	lang: Lang;
	licenseCount: number;
	/** Rows of the license table on screen (PgUp/PgDn move by this). */
	tableHeight: number;
};

export type SettingsCommand =
	| {type: 'save'; form: CustomerForm; keysText: string}
	| {type: 'activate'}
	| {type: 'connect'}
	| {type: 'export'; path: string}
	| {type: 'import'; path: string};

export type SettingsResult = {
	state: SettingsState;
	commands: SettingsCommand[];
	isHandled: boolean;
};

export function initialSettings(
	customer: Customer | null,
	lang: Lang,
): SettingsState {
	const state: SettingsState = {
		text: {
			company: textField(),
			person: textField(),
			address: textField(),
			country: textField(),
			email: textField(),
			phone: textField(),
			keys: textField(),
			exportPath: textField(DEFAULT_REQUEST_PATH),
			importPath: textField(DEFAULT_RESPONSE_PATH),
		},
		country: closedPicker,
		errors: {},
		focus: 'company',
		isEditing: true,
		isManualOpen: false,
		table: emptyList,
		isDirty: false,
	};
	return customer ? loadCustomer(state, customer, lang) : state;
}

/** The focus order of the screen (the manual activation fields only while that panel is open). */
export function focusOrder(state: SettingsState): FocusId[] {
	return [
		...CUSTOMER_FIELDS,
		'keys',
		'save',
		'activate',
		'connect',
		'manual',
		...(state.isManualOpen
			? (['exportPath', 'export', 'importPath', 'import'] as const)
			: []),
		'table',
	];
}

/** True when printable keys go to a text field (so they must not trigger global shortcuts). */
export function isTyping(state: SettingsState): boolean {
	return state.isEditing && TEXT_IDS.has(state.focus);
}

/** The form as Save sends it to the engine: the picked country's code, else what was typed. */
export function formOf(state: SettingsState): CustomerForm {
	const value = (field: CustomerField) => state.text[field].value;
	return {
		company: value('company'),
		person: value('person'),
		address: value('address'),
		country: state.country.code ?? value('country'),
		email: value('email'),
		phone: value('phone'),
	};
}

export function loadCustomer(
	state: SettingsState,
	customer: Customer,
	lang: Lang,
): SettingsState {
	return {
		...state,
		text: {
			...state.text,
			company: textField(customer.company),
			person: textField(customer.person),
			address: textField(customer.address),
			country: textField(pickedName(customer.country, lang)),
			email: textField(customer.email),
			phone: textField(customer.phone ?? ''),
		},
		country: countryPickerReducer(state.country, {
			type: 'load',
			code: customer.country,
		}),
		errors: {},
		isDirty: false,
	};
}

export type SettingsAction =
	/** The screen opens: focus the first field, or the key field once a customer is saved (R1). */
	| {type: 'open'; hasCustomer: boolean}
	/** The engine's customer changed (a save, a scenario step): shown unless the form is being edited. */
	| {type: 'customer-changed'; customer: Customer | null; lang: Lang}
	| {type: 'save-failed'; errors: FieldError[]}
	| {type: 'saved'; refusedInputs: string[]; addedCount: number}
	| {type: 'activated'}
	| {type: 'paste-key'; demoKeys: readonly string[]};

export function settingsReducer(
	state: SettingsState,
	action: SettingsAction,
): SettingsState {
	switch (action.type) {
		case 'open': {
			const focus: FocusId = action.hasCustomer ? 'keys' : 'company';
			return focusOn({...state, isEditing: true}, focus);
		}
		case 'customer-changed':
			if (state.isDirty || !action.customer) return state;
			return loadCustomer(state, action.customer, action.lang);
		case 'save-failed': {
			const errors: SettingsState['errors'] = {};
			for (const error of action.errors) {
				errors[error.field] ??= {
					message: error.message,
					...(error.messageId ? {messageId: error.messageId} : {}),
					...(error.params ? {params: error.params} : {}),
				};
			}
			const first = CUSTOMER_FIELDS.find((field) => errors[field]);
			const next = {...state, errors};
			return first ? focusOn({...next, isEditing: true}, first) : next;
		}
		case 'saved': {
			const next = {
				...state,
				errors: {},
				isDirty: false,
				text: {...state.text, keys: textField(action.refusedInputs.join(', '))},
			};
			// Guide the next step: keys were added, Activate redeems them (R4).
			return action.addedCount > 0
				? focusOn({...next, isEditing: true}, 'activate')
				: next;
		}
		case 'activated':
			return focusOn({...state, isEditing: true, table: emptyList}, 'table');
		case 'paste-key': {
			if (action.demoKeys.length === 0) return state;
			const current = state.text.keys.value.trim();
			const index = action.demoKeys.indexOf(current);
			let value: string;
			if (current === '') {
				value = action.demoKeys[0]!;
			} else if (index >= 0) {
				// `k` again cycles through the demo keys.
				value = action.demoKeys[(index + 1) % action.demoKeys.length]!;
			} else {
				const missing =
					action.demoKeys.find((key) => !current.includes(key)) ??
					action.demoKeys[0]!;
				value = `${current}, ${missing}`;
			}
			return focusOn(
				{
					...state,
					isEditing: true,
					text: {...state.text, keys: textField(value)},
				},
				'keys',
			);
		}
	}
}

function focusOn(state: SettingsState, focus: FocusId): SettingsState {
	const country: CountryPickerState =
		focus === 'country'
			? {...state.country, isOpen: state.country.code === null}
			: {...state.country, isOpen: false};
	return {...state, focus, country};
}

function moveFocus(state: SettingsState, delta: number): SettingsState {
	const order = focusOrder(state);
	const index = Math.max(0, order.indexOf(state.focus));
	const next = order[(index + delta + order.length) % order.length]!;
	return focusOn(state, next);
}

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
			[field]: {
				message: error.message,
				...(error.messageId ? {messageId: error.messageId} : {}),
				...(error.params ? {params: error.params} : {}),
			},
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
