/**
 * Settings > License as state: the customer form (R2), the key field (R3), the buttons (R4, R5,
 * R14) and the license table, and the reducer of what the shell reports back (saved, activated).
 * The screen's keys are `settings-license-input.ts`.
 */
import {
	CUSTOMER_FIELDS,
	type CustomerField,
	type FieldError,
} from '../../engine/customer.js';
import {visible} from '../../engine/safe-text.js';
import type {Customer, CustomerForm} from '../../engine/types.js';
import type {Lang, MessageId} from '../../i18n/index.js';
import {
	type CountryPickerState,
	closedPicker,
	countryPickerReducer,
	pickedName,
} from '../components/country-picker/index.js';
import {emptyList, type ListState} from '../components/scroll-list/index.js';
import {
	type TextFieldState,
	textField,
} from '../components/text-field/index.js';

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

/** A field error as the form keeps it. */
export function fieldMessage(error: FieldError): FieldMessage {
	return {
		message: error.message,
		...(error.messageId ? {messageId: error.messageId} : {}),
		...(error.params ? {params: error.params} : {}),
	};
}

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

export type SettingsCommand =
	| {type: 'save'; form: CustomerForm; keysText: string}
	| {type: 'activate'}
	| {type: 'connect'}
	| {type: 'export'; path: string}
	| {type: 'import'; path: string};

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
			// The stored customer in the form: a control character a hand put in the store shows as
			// its code point (issue 10 point 7); R2 would refuse it at the next Save anyway.
			company: textField(visible(customer.company)),
			person: textField(visible(customer.person)),
			address: textField(visible(customer.address)),
			country: textField(visible(pickedName(customer.country, lang))),
			email: textField(visible(customer.email)),
			phone: textField(visible(customer.phone ?? '')),
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
				errors[error.field] ??= fieldMessage(error);
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

export function focusOn(state: SettingsState, focus: FocusId): SettingsState {
	const country: CountryPickerState =
		focus === 'country'
			? {...state.country, isOpen: state.country.code === null}
			: {...state.country, isOpen: false};
	return {...state, focus, country};
}

export function moveFocus(state: SettingsState, delta: number): SettingsState {
	const order = focusOrder(state);
	const index = Math.max(0, order.indexOf(state.focus));
	const next = order[(index + delta + order.length) % order.length]!;
	return focusOn(state, next);
}
