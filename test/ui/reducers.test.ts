/**
 * The dashboard's pure parts, without rendering: reducers, key maps, layout helpers. Tables of
 * input, expected state (and commands).
 */

import {randomBytes} from 'node:crypto';
import type {Key} from 'ink';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {MAX_KEYS_PER_ACTIVATION} from '../../source/engine/activation-limits.js';
import {mintKey} from '../../source/engine/keys.js';
import {initialState} from '../../source/engine/step.js';
import type {BannerId, OperationalState} from '../../source/engine/types.js';
import {bannerText} from '../../source/i18n/index.js';
import {
	handleKey,
	handleKeys,
	initialUi,
	isTextFocused,
	placeOf,
	type UiContext,
	type UiState,
} from '../../source/ui/app-state.js';
import {
	bannerBlocks,
	bannerRows,
	clipBanners,
} from '../../source/ui/components/banners/index.js';
import {buttonRows} from '../../source/ui/components/buttons/index.js';
import {
	countryMatches,
	countryPickerReducer,
} from '../../source/ui/components/country-picker/index.js';
import {keyFeedback} from '../../source/ui/components/key-field/index.js';
import {
	emptyList,
	listReducer,
	scrollToShow,
	visibleRange,
} from '../../source/ui/components/scroll-list/index.js';
import {timelineCells} from '../../source/ui/components/sim-bar/index.js';
import {
	textField,
	textFieldReducer,
	visibleWindow,
} from '../../source/ui/components/text-field/index.js';
import {
	maskedLicenseId,
	maskKeysIn,
	padTo,
	truncate,
	wrapLines,
	wrapText,
} from '../../source/ui/format.js';
import {
	char,
	ctrl,
	type KeyPress,
	press,
	toKeyPresses,
} from '../../source/ui/keypress.js';
import {frameRows} from '../../source/ui/layout.js';
import {settingsKey} from '../../source/ui/screens/settings-license-input.js';
import {
	focusOrder,
	formOf,
	initialSettings,
	type SettingsState,
	settingsReducer,
} from '../../source/ui/screens/settings-license-state.js';

/** A fixed source of "random" bytes: the same valid keys on every run. */
const seeded = (seed: number) => (size: number) =>
	Uint8Array.from({length: size}, (_, index) => (seed * 31 + index * 7) % 256);
const INSTALLATION = mintKey('installation', seeded(1));
const LICENSE = mintKey('license', seeded(2));

const CONTEXT = {
	lang: 'en',
	licenseCount: 0,
	tableHeight: 5,
	page: null,
} as const;

function keys(state: SettingsState, ...presses: KeyPress[]) {
	let current = state;
	const commands = [];
	for (const key of presses) {
		const result = settingsKey(current, key, CONTEXT);
		current = result.state;
		commands.push(...result.commands);
	}
	return {state: current, commands};
}

const TAB = press('tab');
const DOWN = press('down');
const BACKTAB = press('backtab');
const ENTER = press('enter');
const ESC = press('escape');

describe('text field reducer', () => {
	it.each([
		[
			'insert at the cursor',
			textField('ac'),
			[{type: 'left'}, {type: 'insert', text: 'b'}],
			'abc',
			2,
		],
		[
			'a pasted line break becomes a space',
			textField(),
			[{type: 'insert', text: 'a\nb'}],
			'a b',
			3,
		],
		[
			'backspace erases before the cursor',
			textField('abc'),
			[{type: 'backspace'}],
			'ab',
			2,
		],
		[
			'backspace at the start does nothing',
			{value: 'abc', cursor: 0},
			[{type: 'backspace'}],
			'abc',
			0,
		],
		[
			'delete erases at the cursor',
			{value: 'abc', cursor: 1},
			[{type: 'delete'}],
			'ac',
			1,
		],
		[
			'delete a word (Ctrl+W)',
			textField('Jane Roe'),
			[{type: 'delete-word'}],
			'Jane ',
			5,
		],
		['clear (Ctrl+U)', textField('abc'), [{type: 'clear'}], '', 0],
		[
			'home and end',
			textField('abc'),
			[
				{type: 'home'},
				{type: 'insert', text: '>'},
				{type: 'end'},
				{type: 'insert', text: '<'},
			],
			'>abc<',
			5,
		],
		[
			'code points, not UTF-16 units',
			textField('é•'),
			[{type: 'left'}, {type: 'backspace'}],
			'•',
			0,
		],
	] as const)('%s', (_name, start, actions, value, cursor) => {
		let state = {...start};
		for (const action of actions) state = textFieldReducer(state, action);
		expect(state).toEqual({value, cursor});
	});

	it('shows a window of a long value that keeps the cursor in view', () => {
		expect(visibleWindow(textField('abcdefghij'), 5)).toEqual({
			text: 'ghij',
			cursor: 4,
		});
		expect(visibleWindow({value: 'abcdefghij', cursor: 0}, 5)).toEqual({
			text: 'abcd',
			cursor: 0,
		});
		expect(visibleWindow(textField('abc'), 5)).toEqual({
			text: 'abc',
			cursor: 3,
		});
	});
});

describe('scroll list: only the visible window is drawn', () => {
	it.each([
		['already visible: no scroll', 0, 3, 3, 5, 100, 0],
		['below: the least scroll that shows it', 0, 7, 7, 5, 100, 3],
		['above: scrolls up to it', 10, 4, 4, 5, 100, 4],
		['a range taller than the window: its start', 0, 10, 30, 5, 100, 10],
		['never past the end', 0, 99, 99, 5, 100, 95],
		['a short list never scrolls', 4, 2, 2, 10, 3, 0],
	])('%s', (_name, offset, start, end, height, total, expected) => {
		expect(scrollToShow(offset, start, end, height, total)).toBe(expected);
	});

	it('moves the selection and its window; PgDn, End, and back', () => {
		const size = {total: 1000, height: 10};
		let state = emptyList;
		state = listReducer(state, {type: 'move', delta: 1, ...size});
		expect(state).toEqual({selected: 1, offset: 0});
		state = listReducer(state, {type: 'move', delta: 9, ...size});
		expect(state).toEqual({selected: 10, offset: 1});
		state = listReducer(state, {type: 'last', ...size});
		expect(state).toEqual({selected: 999, offset: 990});
		state = listReducer(state, {type: 'move', delta: 5, ...size});
		expect(state).toEqual({selected: 999, offset: 990});
		state = listReducer(state, {type: 'first', total: 1000, height: 10});
		expect(state).toEqual({selected: 0, offset: 0});
	});

	it('keeps the window valid when the list shrinks or the screen gets smaller', () => {
		expect(visibleRange({selected: 50, offset: 45}, 10, 20)).toEqual({
			selected: 19,
			start: 10,
			end: 20,
		});
		expect(visibleRange({selected: 9, offset: 0}, 4, 100)).toEqual({
			selected: 9,
			start: 6,
			end: 10,
		});
	});
});

describe('country picker (R2: a country from a list, searched by typing)', () => {
	it.each([
		[
			'typing opens the list and forgets the pick',
			{code: 'FR', highlighted: 3, isOpen: false, isListFocused: false},
			{type: 'typed'},
			{code: null, highlighted: 0, isOpen: true, isListFocused: false},
		],
		[
			'↓ from the field gives the list the keys',
			{code: null, highlighted: 0, isOpen: true, isListFocused: false},
			{type: 'enter-list'},
			{code: null, highlighted: 0, isOpen: true, isListFocused: true},
		],
		[
			'a closed list cannot take the keys',
			{code: null, highlighted: 0, isOpen: false, isListFocused: false},
			{type: 'enter-list'},
			{code: null, highlighted: 0, isOpen: false, isListFocused: false},
		],
		[
			'a pick closes the list',
			{code: null, highlighted: 2, isOpen: true, isListFocused: true},
			{type: 'pick', code: 'DE'},
			{code: 'DE', highlighted: 0, isOpen: false, isListFocused: false},
		],
	] as const)('%s', (_name, state, action, expected) => {
		expect(countryPickerReducer(state, action)).toEqual(expected);
	});

	it('Tab on "fra" picks France, stored as FR; "allem" in French picks Germany', () => {
		let state = keys(initialSettings(null, 'en'), TAB, TAB, TAB, ENTER).state;
		expect(state.focus).toBe('country');
		state = keys(state, char('fra'), TAB).state;
		expect(state.text.country.value).toBe('France');
		expect(formOf(state).country).toBe('FR');
		expect(state).toMatchObject({focus: 'email', isTyping: true});
		const FR = {...CONTEXT, lang: 'fr'} as const;
		const french = settingsKey(
			settingsKey(
				{...initialSettings(null, 'fr'), focus: 'country', isTyping: true},
				char('allem'),
				FR,
			).state,
			ENTER,
			FR,
		).state;
		expect(formOf(french).country).toBe('DE');
		expect(french.text.country.value).toBe('Allemagne');
	});

	it('the highlighted match is the one Tab picks; keys arriving together move it as well (typeahead over SSH)', () => {
		const matches = countryMatches('united', 'en');
		const state = keys(
			{...initialSettings(null, 'en'), focus: 'country', isTyping: true},
			char('united'),
			DOWN,
			char('j'),
			ESC,
		).state;
		expect(state.country.highlighted).toBe(1);
		expect(formOf(keys(state, TAB).state).country).toBe(matches[1]!.code);
	});

	it('↓ gives the list the keys (j, k, digits are its own), Esc gives them back, a letter types on', () => {
		let state = keys(
			{...initialSettings(null, 'en'), focus: 'country', isTyping: true},
			char('united'),
			DOWN,
		).state;
		expect(state.country.isListFocused).toBe(true);
		const inList = settingsKey(state, char('j'), CONTEXT);
		expect(inList.state.country.highlighted).toBe(1);
		expect(inList.state.text.country.value).toBe('united');
		state = keys(state, ESC).state;
		expect(state.country).toMatchObject({isOpen: true, isListFocused: false});
		state = keys(state, DOWN, char(' k')).state;
		expect(state.country.isListFocused).toBe(false);
		expect(state.text.country.value).toBe('united k');
		state = keys(state, ESC).state;
		expect(state.country.isOpen).toBe(false);
		expect(state.isTyping).toBe(true);
		state = keys(state, ESC).state;
		expect(state.isTyping).toBe(false);
	});

	it('a pick from the list (Enter, or the digit of its row) moves on to the next field, typing on', () => {
		const matches = countryMatches('united', 'en');
		const typed = keys(
			{...initialSettings(null, 'en'), focus: 'country', isTyping: true},
			char('united'),
			DOWN,
		).state;
		const entered = keys(typed, char('j'), ENTER).state;
		expect(entered).toMatchObject({focus: 'email', isTyping: true});
		expect(formOf(entered).country).toBe(matches[1]!.code);
		expect(formOf(keys(typed, char('3')).state).country).toBe(matches[2]!.code);
		// ↑ on the first match goes back to typing.
		expect(keys(typed, char('k')).state.country.isListFocused).toBe(false);
	});
});

describe('Settings > License keys (focus, typing, buttons)', () => {
	it('Tab and Shift+Tab follow the focus order and wrap; j/k stop at the ends', () => {
		const state = initialSettings(null, 'en');
		expect(focusOrder(state)).toEqual([
			'company',
			'person',
			'address',
			'country',
			'email',
			'phone',
			'keys',
			'save',
			'activate',
			'connect',
			'manual',
			'table',
		]);
		expect(keys(state, BACKTAB).state.focus).toBe('table');
		expect(keys(state, TAB, TAB).state.focus).toBe('address');
		expect(keys(state, char('k')).state.focus).toBe('company');
		expect(keys(state, char('j'), DOWN).state.focus).toBe('address');
		expect(keys(state, char('G')).state.focus).toBe('table');
		expect(keys({...state, focus: 'keys'}, char('g')).state.focus).toBe(
			'company',
		);
	});

	it('typing-never-triggers-a-command: browsing, letters are not the form’s; Enter starts typing, then every letter goes in', () => {
		// Issue 12, point 2: `q` on a fresh Settings screen no longer types into Company.
		const fresh = initialSettings(null, 'en');
		expect(settingsKey(fresh, char('q'), CONTEXT).isHandled).toBe(false);
		const typing = keys(fresh, ENTER).state;
		expect(typing.isTyping).toBe(true);
		const typed = keys(typing, char('q'), char('2'), char('?'), char('d'));
		expect(typed.state.text.company.value).toBe('q2?d');
		expect(typed.commands).toEqual([]);
	});

	it('while typing, Tab and Enter go to the next field typing on, and stop on a button; Esc stops typing', () => {
		let state = keys(
			initialSettings(null, 'en'),
			ENTER,
			char('Acme'),
			TAB,
		).state;
		expect(state).toMatchObject({focus: 'person', isTyping: true});
		state = keys({...state, focus: 'keys'}, ENTER).state;
		expect(state).toMatchObject({focus: 'save', isTyping: false});
		state = keys({...state, focus: 'email', isTyping: true}, ESC).state;
		expect(state).toMatchObject({focus: 'email', isTyping: false});
	});

	it('on a button, letters are not handled (the commands get them); Enter presses it', () => {
		const onSave = {...initialSettings(null, 'en'), focus: 'save' as const};
		expect(settingsKey(onSave, char('q'), CONTEXT).isHandled).toBe(false);
		const filled = keys(
			initialSettings(null, 'en'),
			ENTER,
			char('Acme'),
			TAB,
			char('Jane Roe'),
		);
		const saved = keys(
			{...filled.state, focus: 'save', isTyping: false},
			ENTER,
		);
		expect(saved.commands).toEqual([
			{
				type: 'save',
				form: expect.objectContaining({company: 'Acme', person: 'Jane Roe'}),
				keysText: '',
			},
		]);
		expect(keys({...onSave, focus: 'activate'}, ENTER).commands).toEqual([
			{type: 'activate'},
		]);
		expect(keys({...onSave, focus: 'connect'}, ENTER).commands).toEqual([
			{type: 'connect'},
		]);
		expect(keys({...onSave, focus: 'manual'}, ENTER).commands).toEqual([
			{type: 'manual'},
		]);
	});

	it('R2: a failed save shows each error by its field and focuses the first one; a correction clears it', () => {
		let state = keys(
			initialSettings(null, 'en'),
			ENTER,
			char('Acme'),
			TAB,
			TAB,
			TAB,
			TAB,
			char('it@acme'),
		).state;
		state = settingsReducer(state, {
			type: 'save-failed',
			errors: [
				{
					field: 'person',
					code: 'required',
					message: 'Person is required',
					messageId: 'customer.person.required',
				},
				{
					field: 'email',
					code: 'invalid',
					message: 'bad email',
					messageId: 'customer.email.invalid',
					params: {value: 'it@acme'},
				},
			],
		});
		expect(state).toMatchObject({focus: 'person', isTyping: false});
		expect(Object.keys(state.errors)).toEqual(['person', 'email']);
		expect(state.text.company.value).toBe('Acme');
		state = keys({...state, focus: 'email'}, ENTER, char('.test')).state;
		expect(state.errors.email).toBeUndefined();
		expect(state.errors.person).toBeDefined();
	});

	it('R3: after Save the refused keys stay in the field and the focus goes to Activate', () => {
		const state = settingsReducer(initialSettings(null, 'en'), {
			type: 'saved',
			refusedInputs: ['ABC'],
			addedCount: 1,
		});
		expect(state.text.keys.value).toBe('ABC');
		expect(state.focus).toBe('activate');
	});

	it('demo-key-paste-adds: Ctrl+K puts the next demo key after what the field holds, never over it', () => {
		// Issue 12, point 13: the second paste replaced the first, so two keys could not go in.
		const demoKeys = [INSTALLATION, LICENSE];
		let state = settingsReducer(initialSettings(null, 'en'), {
			type: 'paste-key',
			demoKeys,
		});
		expect(state.text.keys.value).toBe(INSTALLATION);
		expect(state.focus).toBe('keys');
		state = settingsReducer(state, {type: 'paste-key', demoKeys});
		expect(state.text.keys.value).toBe(`${INSTALLATION}, ${LICENSE}`);
		state = settingsReducer(
			{...state, text: {...state.text, keys: textField('ABC')}},
			{type: 'paste-key', demoKeys},
		);
		expect(state.text.keys.value).toBe(`ABC, ${INSTALLATION}`);
	});

	it('the table: j selects, PgDn pages, g, and k on the first row goes back to the buttons', () => {
		const context = {...CONTEXT, licenseCount: 1000, tableHeight: 10};
		let state: SettingsState = {...initialSettings(null, 'en'), focus: 'table'};
		state = settingsKey(state, char('j'), context).state;
		state = settingsKey(state, press('pagedown'), context).state;
		expect(state.table.selected).toBe(10);
		state = settingsKey(state, char('g'), context).state;
		state = settingsKey(state, char('k'), context).state;
		expect(state.focus).toBe('manual');
	});
});

describe('the stored customer changes under an open form (issue 12, point 5)', () => {
	const stored = {
		company: 'Acme',
		person: 'Jane Roe',
		address: '1 Rue X',
		country: 'FR',
		email: 'it@acme.test',
	};
	const byCli = {...stored, company: 'Acme (from the CLI)'};

	it('form-overwritten-silently: an edited form keeps the admin’s values, says the store changed, and Save waits for Reload or Keep mine', () => {
		let state = initialSettings(stored, 'en');
		state = keys(state, ENTER, char(' Print')).state;
		state = settingsReducer(state, {
			type: 'customer-changed',
			customer: byCli,
			lang: 'en',
		});
		expect(state.text.company.value).toBe('Acme Print');
		expect(state).toMatchObject({conflict: byCli, focus: 'reload'});
		const save = settingsKey({...state, focus: 'save'}, ENTER, CONTEXT);
		expect(save.commands).toEqual([]);
		expect(save.notice).toBe('conflict-pending');
		// Keep mine: the form stands, Save now replaces the stored customer knowingly.
		const kept = keys(state, ENTER).state;
		expect(keys(kept, ENTER).state.conflict).toBeNull();
		const mine = keys(state, TAB, ENTER).state;
		expect(mine.conflict).toBeNull();
		expect(mine.text.company.value).toBe('Acme Print');
		expect(keys({...mine, focus: 'save'}, ENTER).commands).toHaveLength(1);
		// Reload: the stored customer.
		const reloaded = keys(state, ENTER).state;
		expect(reloaded.text.company.value).toBe('Acme (from the CLI)');
		expect(reloaded.isDirty).toBe(false);
	});

	it('a form nobody edited follows the store at once', () => {
		const state = settingsReducer(initialSettings(stored, 'en'), {
			type: 'customer-changed',
			customer: byCli,
			lang: 'en',
		});
		expect(state.text.company.value).toBe('Acme (from the CLI)');
		expect(state.conflict).toBeNull();
	});
});

const UI_CONTEXT: UiContext = {
	lang: 'en',
	isDemo: true,
	isUnlicensed: true,
	hasCustomer: false,
	licenseCount: 0,
	deviceIds: ['device-1', 'device-2'],
	eventCount: 3,
	tableHeight: 5,
	listHeight: 5,
	page: null,
	demoKeys: [INSTALLATION],
	demo: {
		keys: [
			{
				alias: 'SUB',
				key: INSTALLATION,
				entry: {
					type: 'installation',
					licenses: [{kind: 'subscription', devices: 10, termDays: 30}],
				},
			},
			{
				alias: 'L5',
				key: LICENSE,
				entry: {type: 'license', kind: 'perpetual', devices: 5},
			},
		],
		targets: [],
		scenarios: [],
		network: 'online',
	},
	isStatusCut: false,
};

function ui(state: UiState, context: UiContext, ...presses: KeyPress[]) {
	let current = state;
	const commands = [];
	for (const key of presses) {
		const result = handleKey(current, key, context);
		current = result.state;
		commands.push(...result.commands);
	}
	return {state: current, commands};
}

const DAY_COMMAND = {type: 'demo', command: {type: 'advance', ms: 86_400_000}};

describe('dashboard keys (handleKey)', () => {
	const home = initialUi(null, 'en');

	it.each([
		['1-4 open the screens', [char('3')], 'devices'],
		['Tab goes to the next screen outside the form', [TAB], 'settings'],
		['Shift+Tab to the previous one, wrapping', [BACKTAB], 'events'],
		['Esc goes back', [char('4'), char('3'), ESC], 'events'],
		[
			'R1: Enter on the unlicensed Home opens Settings > License',
			[ENTER],
			'settings',
		],
	])('%s', (_name, presses, screen) => {
		expect(ui(home, UI_CONTEXT, ...presses).state.screen).toBe(screen);
	});

	it('settings-opens-typing: Settings opens browsing; d advances a day, Enter types, then d is a letter', () => {
		// Issue 12, point 2: `2` put the focus in a field typing, so `d` typed while the footer
		// offered `d` for a day.
		const {state} = ui(home, UI_CONTEXT, char('2'));
		expect(placeOf(state)).toBe('settings');
		expect(ui(state, UI_CONTEXT, char('d')).commands).toEqual([DAY_COMMAND]);
		const typed = ui(state, UI_CONTEXT, ENTER, char('1'), char('q'), char('d'));
		expect(typed.state.screen).toBe('settings');
		expect(typed.commands).toEqual([]);
		expect(typed.state.settings.text.company.value).toBe('1qd');
		const left = ui(typed.state, UI_CONTEXT, ESC, char('d'), char('q'));
		expect(left.commands).toEqual([DAY_COMMAND, {type: 'quit'}]);
	});

	it('time-keys-from-a-field: Ctrl+T then d advances a day while typing, and typing goes on in the same field', () => {
		const typing = ui(home, UI_CONTEXT, char('2'), ENTER, char('Ac')).state;
		const prompt = ui(typing, UI_CONTEXT, ctrl('t'));
		expect(placeOf(prompt.state)).toBe('time');
		const advanced = ui(prompt.state, UI_CONTEXT, char('d'));
		expect(advanced.commands).toEqual([DAY_COMMAND]);
		expect(placeOf(advanced.state)).toBe('typing');
		const more = ui(advanced.state, UI_CONTEXT, char('me'));
		expect(more.state.settings.text.company.value).toBe('Acme');
	});

	it.each([
		['h', {type: 'advance', ms: 3_600_000}],
		['w', {type: 'advance', ms: 7 * 86_400_000}],
		['m', {type: 'advance', ms: 30 * 86_400_000}],
		['x', {type: 'next-change'}],
		['X', {type: 'previous-change'}],
		['t', {type: 'toggle-network'}],
		['s', {type: 'swap-hardware'}],
		['r', {type: 'restart'}],
		['c', {type: 'step'}],
	] as const)('demo key %s', (key, command) => {
		expect(ui(home, UI_CONTEXT, char(key)).commands).toEqual([
			{type: 'demo', command},
		]);
	});

	it('the demo keys do nothing on the real engine', () => {
		const real = {...UI_CONTEXT, isDemo: false};
		expect(
			ui(home, real, char('d'), char('p'), ctrl('t'), ctrl('k')).commands,
		).toEqual([]);
		expect(ui(home, real, char('p')).state.isPlaying).toBe(false);
	});

	it('? opens the help of the place the focus is in, any key closes it (and is not acted on), q there quits', () => {
		const help = ui(home, UI_CONTEXT, char('?')).state;
		expect(help.overlay).toMatchObject({kind: 'help', place: 'home'});
		const closed = ui(help, UI_CONTEXT, char('3'));
		expect(closed.state.overlay).toBeNull();
		expect(closed.state.screen).toBe('home');
		expect(ui(help, UI_CONTEXT, char('q')).commands).toEqual([{type: 'quit'}]);
		expect(
			ui(home, UI_CONTEXT, char('3'), char('?')).state.overlay,
		).toMatchObject({kind: 'help', place: 'devices'});
	});

	it('Ctrl+T opens the time prompt: digits only, Enter goes to that day, Esc cancels', () => {
		const prompt = ui(
			home,
			UI_CONTEXT,
			ctrl('t'),
			char('2'),
			char('q'),
			char('0'),
		).state;
		expect(prompt.overlay).toMatchObject({kind: 'time', field: {value: '20'}});
		expect(isTextFocused(prompt)).toBe(true);
		expect(ui(prompt, UI_CONTEXT, ENTER)).toMatchObject({
			state: {overlay: null},
			commands: [{type: 'demo', command: {type: 'jump', day: 20}}],
		});
		expect(ui(prompt, UI_CONTEXT, ESC)).toMatchObject({
			state: {overlay: null},
			commands: [],
		});
	});

	it('Ctrl+K pastes the demo key picked into the key field from any screen, even while typing', () => {
		// Issue 13: several installation keys, one per server: the key is picked, not the next.
		const picking = ui(home, UI_CONTEXT, char('3'), ctrl('k')).state;
		expect(picking.overlay).toMatchObject({
			kind: 'picker',
			picker: {id: 'demo-key'},
			choice: 0,
		});
		const {state} = ui(picking, UI_CONTEXT, char('j'), ENTER);
		expect(state.screen).toBe('settings');
		expect(state.settings.text.keys.value).toBe(LICENSE);
		expect(state.settings.focus).toBe('keys');
		const typing = ui(
			home,
			UI_CONTEXT,
			char('2'),
			ENTER,
			ctrl('k'),
			ENTER,
		).state;
		expect(typing.settings.text.keys.value).toBe(INSTALLATION);
		expect(typing.settings.text.company.value).toBe('');
		expect(placeOf(typing)).toBe('typing');
		// Esc leaves the picker and the field as they were.
		const kept = ui(home, UI_CONTEXT, char('2'), ctrl('k'), ESC).state;
		expect(kept.overlay).toBeNull();
		expect(kept.settings.text.keys.value).toBe('');
	});

	it('destructive-key-confirms: Del on a device asks first; n or Esc keeps it, y deactivates it', () => {
		// Issue 12, point 8: Del deactivated the selected device at once.
		const devices = ui(home, UI_CONTEXT, char('3')).state;
		expect(ui(devices, UI_CONTEXT, char('a')).commands).toEqual([
			{type: 'device-activate'},
		]);
		const asked = ui(devices, UI_CONTEXT, char('j'), press('backspace'));
		expect(asked.commands).toEqual([]);
		expect(asked.state.overlay).toMatchObject({
			kind: 'confirm',
			command: {type: 'device-deactivate', id: 'device-2'},
		});
		expect(ui(asked.state, UI_CONTEXT, char('n'))).toMatchObject({
			state: {overlay: null},
			commands: [],
		});
		expect(ui(asked.state, UI_CONTEXT, ESC).commands).toEqual([]);
		expect(ui(asked.state, UI_CONTEXT, char('y')).commands).toEqual([
			{type: 'device-deactivate', id: 'device-2'},
		]);
	});

	it('lists-filter: / types a filter, Enter keeps it, n N go round the matches, Esc clears it', () => {
		const events = ui(home, UI_CONTEXT, char('4'), char('/'));
		expect(placeOf(events.state)).toBe('typing');
		const typed = ui(events.state, UI_CONTEXT, char('contact'), ENTER).state;
		expect(typed.events.filter).toMatchObject({
			text: {value: 'contact'},
			isTyping: false,
		});
		// Three matches (the context's count): n twice, N once, n round to the first.
		const context = {...UI_CONTEXT, eventCount: 3};
		let state = ui(typed, context, char('n'), char('n')).state;
		expect(state.events.list.selected).toBe(2);
		state = ui(state, context, char('n')).state;
		expect(state.events.list.selected).toBe(0);
		state = ui(state, context, char('N')).state;
		expect(state.events.list.selected).toBe(2);
		const cleared = ui(state, context, ESC).state;
		expect(cleared.events.filter.text.value).toBe('');
		expect(cleared.screen).toBe('events');
		expect(ui(cleared, context, ESC).state.screen).toBe('home');
	});

	it('a chunk of several letters is several keys, unless a field is typed into (a paste)', () => {
		expect(handleKeys(home, [char('td')], UI_CONTEXT).commands).toEqual([
			{type: 'demo', command: {type: 'toggle-network'}},
			DAY_COMMAND,
		]);
		expect(
			handleKeys(home, [ctrl('t'), char('20'), ENTER], UI_CONTEXT).commands,
		).toEqual([{type: 'demo', command: {type: 'jump', day: 20}}]);
		const typed = handleKeys(
			home,
			[char('2'), ENTER, char('Acme Print')],
			UI_CONTEXT,
		).state;
		expect(typed.settings.text.company.value).toBe('Acme Print');
	});

	it('p plays and pauses the simulated time', () => {
		const playing = ui(home, UI_CONTEXT, char('p')).state;
		expect(playing.isPlaying).toBe(true);
		expect(ui(playing, UI_CONTEXT, char('p')).state.isPlaying).toBe(false);
	});
});

describe('key presses from Ink', () => {
	const none: Key = {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
		super: false,
		hyper: false,
		capsLock: false,
		numLock: false,
	};
	it.each([
		[
			'a paste with an Enter is text then Enter',
			'abc\r',
			none,
			[char('abc'), press('enter')],
		],
		['Shift+Tab', '', {...none, tab: true, shift: true}, [press('backtab')]],
		[
			'the Backspace key (DEL, reported as delete)',
			'',
			{...none, delete: true},
			[press('backspace')],
		],
		['Ctrl+K', 'k', {...none, ctrl: true}, [ctrl('k')]],
		[
			'Esc then 3 in one chunk (read as Alt+3) is Esc, then 3',
			'3',
			{...none, meta: true},
			[press('escape'), char('3')],
		],
		[
			'tmux send-keys "a" Tab "b" C-k in one chunk',
			'a\tb\u000b',
			none,
			[char('a'), press('tab'), char('b'), ctrl('k')],
		],
	])('%s', (_name, input, key, expected) => {
		expect(toKeyPresses(input, key)).toEqual(expected);
	});
});

describe('text layout', () => {
	it('wraps at spaces, breaks only words longer than a line', () => {
		expect(wrapText('the quick brown fox', 9)).toEqual([
			'the quick',
			'brown fox',
		]);
		expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
		expect(wrapText('', 5)).toEqual(['']);
		expect(wrapLines('one two three four', 7, 2)).toEqual([
			'one two',
			'three …',
		]);
	});

	it('truncates and pads by code points', () => {
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(padTo('é', 3)).toBe('é  ');
	});

	it('truncates, pads and wraps by terminal columns: a wide character takes two', () => {
		expect(truncate('株式会社テスト', 7)).toBe('株式会…');
		expect(padTo('株式', 5)).toBe('株式 ');
		expect(wrapText('株式会社 テスト', 8)).toEqual(['株式会社', 'テスト']);
		expect(wrapText('株式会社テスト', 6)).toEqual(['株式会', '社テス', 'ト']);
		// The field shows the end of a long value with the cursor after it, in 10 columns.
		expect(visibleWindow(textField('株式会社テスト'), 10)).toEqual({
			text: '社テスト',
			cursor: 4,
		});
	});

	it('banners keep their exact text (SPEC §2), wrapped at spaces, and give way from the last', () => {
		const blocks = bannerBlocks(
			[
				{id: 'server-unreachable', days: 19},
				{id: 'subscription-expiring', days: 9},
			],
			'fr',
			80,
		);
		expect(blocks[0]!.lines.join(' ')).toBe(
			bannerText('server-unreachable', 'fr', 19),
		);
		expect(
			blocks.every((block) => block.lines.every((line) => line.length <= 78)),
		).toBe(true);
		const clipped = clipBanners(blocks, 4);
		expect(bannerRows(clipped)).toBe(4);
		expect(clipped[1]!.lines.at(-1)).toMatch(/…$/);
		// banner-cut-mark-wraps: the mark stays on the row it ends (a full row plus ' …' wrapped).
		const full = bannerBlocks(
			[
				{id: 'server-unreachable', days: 19},
				{id: 'subscription-expiring', days: 9},
			],
			'fr',
			80,
		);
		for (const block of clipBanners(full, 4, 78))
			for (const line of block.lines)
				expect(stringWidth(line)).toBeLessThanOrEqual(78);
	});

	it('masks keys except their last group, also inside texts', () => {
		expect(maskedLicenseId(`${INSTALLATION}/2`, 40)).toBe(
			`•••••-•••••-•••••-•••••-${INSTALLATION.slice(-5)}/2`,
		);
		expect(maskedLicenseId(`${INSTALLATION}/2`, 12)).toBe(
			`…-${INSTALLATION.slice(-5)}/2`,
		);
		expect(maskKeysIn(`key ${LICENSE} added`)).toBe(
			`key •••••-•••••-•••••-•••••-${LICENSE.slice(-5)} added`,
		);
	});

	it('buttons wrap onto a second row when they do not fit', () => {
		const buttons = [
			{id: 'a', label: 'Enregistrer'},
			{id: 'b', label: 'Activer'},
			{id: 'c', label: 'Se connecter maintenant'},
			{id: 'd', label: 'Activation manuelle'},
		];
		expect(
			buttonRows(buttons, 78).map((row) => row.map((button) => button.id)),
		).toEqual([['a', 'b', 'c'], ['d']]);
		expect(buttonRows(buttons, 120)).toHaveLength(1);
	});

	it('the timeline strip keeps the days that fit, today in view, and marks the change days', () => {
		const day = (state: OperationalState, ...banners: BannerId[]) => ({
			state,
			banners,
		});
		const {cells} = timelineCells(
			[
				day('unlicensed'),
				day('running'),
				day('running'),
				day('warning', 'subscription-expiring'),
				day('warning', 'subscription-expiring'),
			],
			[],
			4,
		);
		expect(cells.map((cell) => [cell.day, cell.state, cell.isChange])).toEqual([
			[1, 'running', true],
			[2, 'running', false],
			[3, 'warning', true],
			[4, 'warning', false],
		]);
		// Days after today, known from the record: a quarter of the strip, after the today mark.
		const future = timelineCells(
			[day('running'), day('running')],
			Array.from({length: 20}, () => day('running')),
			9,
		);
		expect(future.cells.map((cell) => cell.isFuture)).toEqual([
			false,
			false,
			true,
			true,
			true,
			true,
			true,
			true,
		]);
		expect(future.todayIndex).toBe(1);
	});

	it('the frame is one row short of the terminal', () => {
		expect(frameRows(24)).toBe(23);
		expect(frameRows(5)).toBe(12);
	});
});

describe('R3: key format feedback while typing', () => {
	it.each([
		[
			'a whole valid key',
			INSTALLATION,
			[{verdict: 'ok', text: `${INSTALLATION}: Installation key`}],
		],
		[
			'a key being typed',
			'N1234-567',
			[{verdict: 'typing', text: 'N1234-567: 8 of 25 symbols so far'}],
		],
		[
			'a symbol keys never use',
			'NU234',
			[
				{
					verdict: 'error',
					text: 'NU234: "U" is not used in keys (0-9 and A-Z except U)',
				},
			],
		],
		[
			'a swapped pair',
			LICENSE.slice(0, 2) + LICENSE[3] + LICENSE[2] + LICENSE.slice(4),
			[{verdict: 'error'}],
		],
		[
			'two keys, comma-separated',
			`${INSTALLATION}, ${LICENSE}`,
			[{verdict: 'ok'}, {verdict: 'ok'}],
		],
	] as const)('%s', (_name, text, expected) => {
		expect(keyFeedback(text, 'en')).toMatchObject(expected);
	});

	it('too-many-pending: past the keys one activation sends, the live check refuses as Save does (catalog text, fr)', () => {
		const pending = Array.from({length: MAX_KEYS_PER_ACTIVATION - 1}, () => ({
			key: mintKey('license', randomBytes),
			kind: 'license' as const,
			addedAt: 0,
		}));
		const state = {...initialState('installation-1', 0), pending};
		const [first, second] = [0, 1].map(() => mintKey('license', randomBytes));
		expect(keyFeedback(`${first} ${second}`, 'fr', state)).toEqual([
			expect.objectContaining({verdict: 'ok'}),
			{
				input: second,
				verdict: 'error',
				text: `La clé « ${second} » n'a pas été ajoutée : ${MAX_KEYS_PER_ACTIVATION} clés attendent déjà l'activation, le plus qu'une activation envoie. Activez-les, puis ajoutez les autres.`,
			},
		]);
	});

	it('a key already in the table is flagged before Save', () => {
		const state = {
			...initialState('installation-1', 0),
			pending: [{key: LICENSE, kind: 'license' as const, addedAt: 0}],
		};
		expect(keyFeedback(LICENSE, 'fr', state)).toEqual([
			{
				input: LICENSE,
				verdict: 'error',
				text: `${LICENSE} est déjà dans le tableau des licences : Enregistrer ne l'ajoutera pas une seconde fois`,
			},
		]);
	});

	it('issue 16: a key that changes neither the state nor the text gets the verdicts already made', () => {
		const state = {
			...initialState('installation-1', 0),
			pending: [{key: LICENSE, kind: 'license' as const, addedAt: 0}],
		};
		const first = keyFeedback(`${INSTALLATION} ${LICENSE}`, 'en', state);
		expect(keyFeedback(`${INSTALLATION} ${LICENSE}`, 'en', state)).toBe(first);
		// Another text, language or state: verdicts of their own.
		expect(keyFeedback(INSTALLATION, 'en', state)).toMatchObject([
			{verdict: 'ok'},
		]);
		expect(keyFeedback(LICENSE, 'fr', state)[0]!.text).toContain('déjà');
		expect(
			keyFeedback(LICENSE, 'fr', {...state, pending: []})[0]!.verdict,
		).toBe('ok');
	});
});
