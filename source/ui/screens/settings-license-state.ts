/**
 * Settings > License as state: the customer form (R2), the key field (R3), the buttons (R4, R14,
 * the way to R5) and the license table, and the reducer of what the shell reports back (saved,
 * activated, the stored customer changed). The screen's keys are `settings-license-input.ts`.
 *
 * The form is browsed like every screen; Enter on a field starts typing into it (issue 12,
 * point 2). While the admin edits the form, a change of the stored customer (a CLI `register` on
 * the same store) does not overwrite it: the form says so and offers Reload or Keep mine (point 5).
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
import {type FilterState, noFilter} from '../components/filter/index.js';
import {type PageScroll, pageTop} from '../components/page/index.js';
import {emptyList, type ListState} from '../components/scroll-list/index.js';
import {
	type TextFieldState,
	textField,
} from '../components/text-field/index.js';

export type TextId = CustomerField | 'keys';
export type ButtonId = 'save' | 'activate' | 'connect' | 'manual';
/** The two answers to a stored customer changed behind the form. */
export type ConflictId = 'reload' | 'keep';
export type FocusId = TextId | ButtonId | ConflictId | 'table';

export const TEXT_IDS: ReadonlySet<FocusId> = new Set<FocusId>([
	...CUSTOMER_FIELDS,
	'keys',
]);
export const BUTTON_IDS: ReadonlySet<FocusId> = new Set<FocusId>([
	'save',
	'activate',
	'connect',
	'manual',
	'reload',
	'keep',
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
	/** A text field has the keys (typing mode); false while browsing. */
	isTyping: boolean;
	table: ListState;
	tableFilter: FilterState;
	/** The license table shows whole keys (they are masked but for their last group). */
	isFullKeys: boolean;
	page: PageScroll;
	/** The customer part was edited since it was loaded or saved. */
	isDirty: boolean;
	/** The stored customer the form was loaded from (or last saved). */
	baseline: Customer | null;
	/** A stored customer that changed while the form was being edited: reload it, or keep mine. */
	conflict: Customer | null;
};

export type SettingsCommand =
	| {type: 'save'; form: CustomerForm; keysText: string}
	| {type: 'activate'}
	| {type: 'connect'}
	| {type: 'manual'};

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
		},
		country: closedPicker,
		errors: {},
		focus: 'company',
		isTyping: false,
		table: emptyList,
		tableFilter: noFilter,
		isFullKeys: false,
		page: pageTop,
		isDirty: false,
		baseline: null,
		conflict: null,
	};
	return customer ? loadCustomer(state, customer, lang) : state;
}

/** The focus order of the screen: the conflict's answers first while it stands. */
export function focusOrder(state: SettingsState): FocusId[] {
	return [
		...(state.conflict ? (['reload', 'keep'] as const) : []),
		...CUSTOMER_FIELDS,
		'keys',
		'save',
		'activate',
		'connect',
		'manual',
		'table',
	];
}

/** True when printable keys go to a text field (so they must not trigger commands). */
export function isTyping(state: SettingsState): boolean {
	return state.isTyping && TEXT_IDS.has(state.focus);
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

function sameCustomer(a: Customer | null, b: Customer | null): boolean {
	if (a === null || b === null) return a === b;
	return (
		a.company === b.company &&
		a.person === b.person &&
		a.address === b.address &&
		a.country === b.country &&
		a.email === b.email &&
		(a.phone ?? '') === (b.phone ?? '')
	);
}

/** True when the form holds exactly `customer` (nothing of the admin's would be lost). */
function formHolds(state: SettingsState, customer: Customer): boolean {
	const form = formOf(state);
	return sameCustomer(
		{
			company: form.company ?? '',
			person: form.person ?? '',
			address: form.address ?? '',
			country: form.country ?? '',
			email: form.email ?? '',
			...(form.phone ? {phone: form.phone} : {}),
		},
		customer,
	);
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
		baseline: customer,
		conflict: null,
	};
}

export type SettingsAction =
	/** The screen opens: focus the first field, or the key field once a customer is saved (R1). */
	| {type: 'open'; hasCustomer: boolean}
	/** The stored customer changed (a save, a scenario step, another program). */
	| {type: 'customer-changed'; customer: Customer | null; lang: Lang}
	| {type: 'reload'; lang: Lang}
	| {type: 'keep'}
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
			return focusOn(
				{...state, isTyping: false, page: pageTop},
				state.conflict ? 'reload' : focus,
			);
		}
		case 'customer-changed': {
			const {customer} = action;
			if (sameCustomer(customer, state.baseline)) return state;
			if (!customer) return {...state, baseline: null, conflict: null};
			// Nothing of the admin's would be lost: follow the store.
			if (!state.isDirty || formHolds(state, customer)) {
				return loadCustomer(state, customer, action.lang);
			}
			return focusOn({...state, conflict: customer, isTyping: false}, 'reload');
		}
		case 'reload':
			return state.conflict
				? focusOn(loadCustomer(state, state.conflict, action.lang), 'company')
				: state;
		case 'keep':
			// The admin's form stands; Save will replace the stored customer knowingly.
			return state.conflict
				? focusOn(
						{...state, baseline: state.conflict, conflict: null},
						'company',
					)
				: state;
		case 'save-failed': {
			const errors: SettingsState['errors'] = {};
			for (const error of action.errors) {
				errors[error.field] ??= fieldMessage(error);
			}
			const first = CUSTOMER_FIELDS.find((field) => errors[field]);
			const next = {...state, errors};
			return first ? focusOn({...next, isTyping: false}, first) : next;
		}
		case 'saved': {
			const next = {
				...state,
				errors: {},
				isDirty: false,
				baseline: customerOf(state),
				text: {...state.text, keys: textField(action.refusedInputs.join(', '))},
			};
			// Guide the next step: keys were added, Activate redeems them (R4).
			return action.addedCount > 0
				? focusOn({...next, isTyping: false}, 'activate')
				: next;
		}
		case 'activated':
			return focusOn({...state, isTyping: false, table: emptyList}, 'table');
		case 'paste-key':
			return pasteDemoKey(state, action.demoKeys);
	}
}

/** The customer the form holds once saved (what the store now has). */
function customerOf(state: SettingsState): Customer | null {
	const form = formOf(state);
	if (!form.company || !form.country) return state.baseline;
	return {
		company: form.company.trim(),
		person: (form.person ?? '').trim(),
		address: (form.address ?? '').trim(),
		country: form.country,
		email: (form.email ?? '').trim(),
		...(form.phone?.trim() ? {phone: form.phone.trim()} : {}),
	};
}

/**
 * Ctrl+K: the next demo key not in the field yet goes in after what it holds (point 13: pasting
 * adds, as a paste would), so several demo keys can go in together.
 */
function pasteDemoKey(
	state: SettingsState,
	demoKeys: readonly string[],
): SettingsState {
	if (demoKeys.length === 0) return state;
	const current = state.text.keys.value.trim();
	const missing = demoKeys.find((key) => !current.includes(key));
	const value =
		missing === undefined
			? current
			: current === ''
				? missing
				: `${current.replace(/[,\s]+$/, '')}, ${missing}`;
	return focusOn(
		{...state, text: {...state.text, keys: textField(value)}},
		'keys',
	);
}

export function pickCountry(
	state: SettingsState,
	code: string,
	lang: Lang,
): SettingsState {
	const {country: _error, ...errors} = state.errors;
	return {
		...state,
		text: {...state.text, country: textField(pickedName(code, lang))},
		country: countryPickerReducer(state.country, {type: 'pick', code}),
		errors,
		isDirty: true,
	};
}

export function focusOn(state: SettingsState, focus: FocusId): SettingsState {
	const country: CountryPickerState =
		focus === 'country' && state.isTyping
			? {...state.country, isOpen: state.country.code === null}
			: {...state.country, isOpen: false, isListFocused: false};
	return {
		...state,
		focus,
		country,
		page: {...state.page, follow: true},
	};
}

/**
 * The next control in the focus order (Tab wraps around, j/k stop at the ends); typing goes on
 * into a text field, stops elsewhere.
 */
export function moveFocus(
	state: SettingsState,
	delta: number,
	wrap = true,
): SettingsState {
	const order = focusOrder(state);
	const index = Math.max(0, order.indexOf(state.focus));
	const next = wrap
		? order[(index + delta + order.length) % order.length]!
		: order[Math.min(Math.max(0, index + delta), order.length - 1)]!;
	const isTyping = state.isTyping && TEXT_IDS.has(next);
	return focusOn({...state, isTyping}, next);
}
