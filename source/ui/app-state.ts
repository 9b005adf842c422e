/**
 * The dashboard as one pure state machine (the shape of xstate's `transition`): `handleKey`
 * takes the state and one key press and returns the next state with the commands to run. The
 * app executes the commands (engine calls, simulation controls) and feeds results back with
 * `reduceUi`. Nothing here touches the engine, the terminal or the clock.
 *
 * Precedence of a key: an open overlay; then the keys no text holds (Ctrl+C, the demo's Ctrl+T
 * and Ctrl+K); then the screen's widgets (a field being typed into takes every printable key, a
 * list its moves); then what the keymap gives the key where the focus is (`keymap.ts`).
 */
import {UNPRINTABLE, visible} from '../engine/safe-text.js';
import type {Customer} from '../engine/types.js';
import {type Lang, type MessageId, t} from '../i18n/index.js';
import {choiceKey} from './components/choice-list/index.js';
import {filterReducer, isFiltering} from './components/filter/index.js';
import {
	type PageGeometry,
	type PageScroll,
	pageKey,
	pageTop,
} from './components/page/index.js';
import {listAction, listReducer} from './components/scroll-list/index.js';
import {
	type TextFieldState,
	textField,
	textFieldAction,
	textFieldReducer,
} from './components/text-field/index.js';
import type {DemoNetwork, DemoVendorAction} from './demo-controls.js';
import {
	type DemoChoices,
	type DemoPicker,
	type DemoPrompt,
	initialChoice,
	parseClockAmount,
	parseDays,
	pickerValues,
} from './demo-pickers.js';
import {actionFor, type KeyAction, type Place} from './keymap.js';
import {char, type KeyPress, press} from './keypress.js';
import {emptyListView, type ListView} from './screens/list-view.js';
import {
	initialManual,
	isManualTyping,
	type ManualAction,
	type ManualCommand,
	type ManualState,
	manualKey,
	manualReducer,
} from './screens/manual-state.js';
import {
	type SettingsContext,
	settingsKey,
} from './screens/settings-license-input.js';
import {
	initialSettings,
	isTyping as isSettingsTyping,
	type SettingsAction,
	type SettingsCommand,
	type SettingsState,
	settingsReducer,
} from './screens/settings-license-state.js';

/** The screens with a number key, in their order (Tab goes round them). */
export const SCREENS = ['home', 'settings', 'devices', 'events'] as const;
export type TabId = (typeof SCREENS)[number];
/** Manual activation is reached from Settings > License, and Esc goes back there. */
export type ScreenId = TabId | 'manual';

/** A question before a destructive key acts (point 8): the command runs on yes. */
export type Question = {
	id: MessageId;
	/** The answer that acts, said in full ("Yes, deactivate device-2"). */
	yes: MessageId;
	params: Record<string, string | number>;
};

export type Overlay =
	| null
	| {kind: 'help'; place: Place; scroll: PageScroll}
	/** A text to copy (R5 over SSH), alone on the screen, banners covered. */
	| {kind: 'text'; block: 'request' | 'portal'; scroll: PageScroll}
	| {kind: 'message'; scroll: PageScroll}
	| {kind: 'time'; field: TextFieldState}
	/** Demo: a choice list (issue 13): what to paste, the network's state, the vendor, a scenario. */
	| {kind: 'picker'; picker: DemoPicker; choice: number}
	/** Demo: an amount typed in the simulation bar; `error` says why Enter refused it. */
	| {
			kind: 'prompt';
			prompt: DemoPrompt;
			field: TextFieldState;
			error: MessageId | null;
	  }
	| {
			kind: 'confirm';
			question: Question;
			command: UiCommand;
			/** The highlighted answer: 0 No (the default), 1 Yes. */
			choice: number;
	  };

/**
 * The outcome of the last command, in the status line. `clearsWhen` says what makes it false,
 * so it goes with its cause (point 4): the form once valid, the license server once reached.
 */
export type StatusMessage = {
	tone: 'ok' | 'error' | 'info';
	text: string;
	clearsWhen?: 'form-valid' | 'contact';
	/** For `contact`: the last successful contact when the message was said. */
	since?: number | null;
};

export type UiState = {
	screen: ScreenId;
	/** Screens visited before, for Esc. */
	history: ScreenId[];
	overlay: Overlay;
	home: PageScroll;
	settings: SettingsState;
	manual: ManualState;
	devices: ListView;
	events: ListView;
	status: StatusMessage | null;
	/** What is running now, when something is (the status line says so). */
	busy: string | null;
	/** Demo: simulated time runs by itself. */
	isPlaying: boolean;
};

export type {DemoPicker, DemoPrompt, PickerId} from './demo-pickers.js';

export type DemoCommand =
	| {type: 'advance'; ms: number}
	| {type: 'next-change'}
	| {type: 'previous-change'}
	| {type: 'jump'; day: number}
	| {type: 'toggle-network'}
	| {type: 'network'; state: DemoNetwork}
	| {type: 'swap-hardware'}
	| {type: 'restart'}
	/** The MyQ server's clock moved by `ms` (negative: back); null puts it right. */
	| {type: 'clock'; ms: number | null}
	| {
			type: 'vendor';
			action: DemoVendorAction;
			target: string;
			days?: number;
	  }
	| {type: 'step'}
	| {type: 'open-scenario'; id: string};

export type UiCommand =
	| Exclude<SettingsCommand, {type: 'manual'}>
	| ManualCommand
	| {type: 'demo'; command: DemoCommand}
	| {type: 'device-activate'}
	| {type: 'device-deactivate'; id: string}
	| {type: 'quit'};

/** What the key handler needs to know about the world (counts, sizes, the demo). */
export type UiContext = {
	lang: Lang;
	isDemo: boolean;
	isUnlicensed: boolean;
	hasCustomer: boolean;
	/** Rows each list shows now (after its filter), and rows on screen for it. */
	licenseCount: number;
	tableHeight: number;
	deviceIds: readonly string[];
	eventCount: number;
	listHeight: number;
	/** The page on screen (Home, Settings > License, Manual activation), as laid out. */
	page: PageGeometry | null;
	demoKeys: readonly string[];
	/** Demo: what its pickers list now. @default null */
	demo?: DemoChoices | null;
	/** Demo: rows a picker's list shows (more scroll). @default all */
	pickerRows?: number;
	/** The status message does not fit its rows: `i` shows it whole. */
	isStatusCut: boolean;
};

export type UiResult = {state: UiState; commands: UiCommand[]};

export function initialUi(
	customer: Customer | null,
	lang: Lang,
	manualFolder = '',
): UiState {
	return {
		screen: 'home',
		history: [],
		overlay: null,
		home: pageTop,
		settings: initialSettings(customer, lang),
		manual: initialManual(manualFolder),
		devices: emptyListView,
		events: emptyListView,
		status: null,
		busy: null,
		isPlaying: false,
	};
}

/** Where the focus is: the footer, the help and the handler all start from here. */
export function placeOf(state: UiState): Place {
	const {overlay} = state;
	if (overlay) return overlay.kind;
	switch (state.screen) {
		case 'home':
			return 'home';
		case 'settings': {
			const {settings} = state;
			if (settings.tableFilter.isTyping) return 'typing';
			if (settings.country.isListFocused) return 'menu';
			if (isSettingsTyping(settings)) return 'typing';
			return settings.focus === 'table' ? 'table' : 'settings';
		}
		case 'manual':
			if (isManualTyping(state.manual)) return 'typing';
			return state.manual.focus === 'menu' ? 'menu' : 'manual';
		case 'devices':
		case 'events':
			return state[state.screen].filter.isTyping ? 'typing' : state.screen;
	}
}

/** True when printable keys belong to a text field or a prompt, not to commands. */
export function isTextFocused(state: UiState): boolean {
	const place = placeOf(state);
	return place === 'typing' || place === 'time';
}

/** The text field being typed into, named for the footer (`Typing · Company`). */
export function typingField(state: UiState): string | null {
	if (placeOf(state) !== 'typing') return null;
	switch (state.screen) {
		case 'settings':
			return state.settings.tableFilter.isTyping
				? 'filter'
				: state.settings.focus;
		case 'manual':
			return state.manual.focus;
		default:
			return 'filter';
	}
}

export type UiAction =
	| {type: 'go'; screen: ScreenId; hasCustomer: boolean}
	| {type: 'back'; hasCustomer: boolean}
	| {type: 'settings'; action: SettingsAction}
	| {type: 'manual'; action: ManualAction}
	| {type: 'status'; status: StatusMessage | null}
	| {type: 'busy'; label: string | null}
	| {type: 'playing'; isPlaying: boolean}
	| {type: 'close-overlay'}
	| {type: 'open-text'; block: 'request' | 'portal'};

export function reduceUi(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'go': {
			if (action.screen === state.screen) return {...state, overlay: null};
			const history = [...state.history, state.screen].slice(-20);
			return enter(
				{...state, history, overlay: null},
				action.screen,
				action.hasCustomer,
			);
		}
		case 'back': {
			const previous =
				state.screen === 'manual' ? 'settings' : state.history.at(-1);
			if (previous === undefined)
				return state.screen === 'home'
					? state
					: enter(state, 'home', action.hasCustomer);
			return enter(
				{...state, history: state.history.slice(0, -1)},
				previous,
				action.hasCustomer,
			);
		}
		case 'settings':
			return {
				...state,
				settings: settingsReducer(state.settings, action.action),
			};
		case 'manual':
			return {...state, manual: manualReducer(state.manual, action.action)};
		case 'status':
			return {...state, status: action.status};
		case 'busy':
			return {...state, busy: action.label};
		case 'playing':
			return {...state, isPlaying: action.isPlaying};
		case 'close-overlay':
			return {...state, overlay: null};
		case 'open-text':
			return {
				...state,
				overlay: {kind: 'text', block: action.block, scroll: pageTop},
			};
	}
}

function enter(
	state: UiState,
	screen: ScreenId,
	hasCustomer: boolean,
): UiState {
	if (screen === 'settings' && state.screen !== 'manual')
		return {
			...state,
			screen,
			settings: settingsReducer(state.settings, {type: 'open', hasCustomer}),
		};
	if (screen === 'manual')
		return {
			...state,
			screen,
			manual: manualReducer(state.manual, {type: 'open'}),
		};
	return {...state, screen};
}

const result = (state: UiState, commands: UiCommand[] = []): UiResult => ({
	state,
	commands,
});

/** A key's result, and whether anything on screen answers that key there. */
export type KeyResult = UiResult & {isHandled: boolean};

export function handleKey(
	state: UiState,
	key: KeyPress,
	context: UiContext,
): KeyResult {
	const taken = takeKey(state, key, context);
	return taken
		? {...taken, isHandled: true}
		: {...result(state), isHandled: false};
}

function takeKey(
	state: UiState,
	key: KeyPress,
	context: UiContext,
): UiResult | null {
	const place = placeOf(state);
	const action = actionFor(key, place, context.isDemo);
	switch (place) {
		case 'help':
		case 'text':
		case 'message': {
			// PgUp/PgDn (j/k, ↑↓) scroll a help, a text or a message taller than the screen; any
			// other key closes it and is not acted on; q (help) and Ctrl+C quit from there too.
			if (action) return run(state, action, context);
			const page = context.page;
			const move =
				page && page.total > page.shown ? pageKey(key, page, [], null) : null;
			return move &&
				(state.overlay?.kind === 'help' ||
					state.overlay?.kind === 'text' ||
					state.overlay?.kind === 'message')
				? result({...state, overlay: {...state.overlay, scroll: move.scroll}})
				: result({...state, overlay: null});
		}
		case 'confirm': {
			if (action) return run(state, action, context);
			const overlay = state.overlay;
			if (overlay?.kind !== 'confirm') return null;
			const choice = choiceKey(key, overlay.choice, 2);
			if (choice?.type === 'move')
				return result({
					...state,
					overlay: {
						...overlay,
						choice: Math.min(1, Math.max(0, overlay.choice + choice.delta)),
					},
				});
			if (choice?.type === 'pick')
				return result(
					{...state, overlay: null},
					choice.index === 1 ? [overlay.command] : [],
				);
			return isMenuKey(key) ? result(state) : null;
		}
		case 'time':
			return action ? run(state, action, context) : timeKey(state, key);
		case 'picker':
			return action
				? run(state, action, context)
				: pickerKey(state, key, context);
		case 'prompt':
			return action ? run(state, action, context) : promptKey(state, key);
	}
	// Keys no text holds work everywhere, even while typing.
	if (action && ANYWHERE.has(action.type) && isAnywhereKey(key))
		return run(state, action, context);
	const widget = widgetKey(state, key, context);
	if (widget) return widget;
	if (place === 'typing') return null;
	return action ? run(state, action, context) : null;
}

const ANYWHERE = new Set<KeyAction['type']>(['quit', 'time-prompt', 'picker']);
const isAnywhereKey = (key: KeyPress) => key.ctrl;

function isMenuKey(key: KeyPress): boolean {
	return (
		['up', 'down', 'enter'].includes(key.name) ||
		(key.name === 'char' && !key.ctrl && /^[jk1-9]$/.test(key.text))
	);
}

/** The keys the screen's widgets take: the forms, the lists and their filters. */
function widgetKey(
	state: UiState,
	key: KeyPress,
	context: UiContext,
): UiResult | null {
	switch (state.screen) {
		case 'settings': {
			const settingsContext: SettingsContext = {
				lang: context.lang,
				licenseCount: context.licenseCount,
				tableHeight: context.tableHeight,
				page: context.page,
			};
			const outcome = settingsKey(state.settings, key, settingsContext);
			if (!outcome.isHandled) return null;
			const commands: UiCommand[] = [];
			let next: UiState = {...state, settings: outcome.state};
			for (const command of outcome.commands) {
				if (command.type === 'manual')
					next = reduceUi(next, {
						type: 'go',
						screen: 'manual',
						hasCustomer: context.hasCustomer,
					});
				else commands.push(command);
			}
			if (outcome.notice === 'conflict-pending')
				next = {
					...next,
					status: {
						tone: 'error',
						text: t(context.lang, 'ui.form.conflict-pending'),
					},
				};
			return result(next, commands);
		}
		case 'manual': {
			const outcome = manualKey(state.manual, key, context.page);
			if (!outcome.isHandled) return null;
			return result(
				{
					...state,
					manual: outcome.state,
					overlay: outcome.open
						? {kind: 'text', block: outcome.open, scroll: pageTop}
						: state.overlay,
				},
				outcome.commands,
			);
		}
		case 'devices':
			return listKey(state, 'devices', key, context.deviceIds.length, context);
		case 'events':
			return listKey(state, 'events', key, context.eventCount, context);
		case 'home': {
			if (!context.page) return null;
			const move = pageKey(key, context.page, [], null);
			return move ? result({...state, home: move.scroll}) : null;
		}
	}
}

/** A list screen: its filter prompt while typing, else its moves; Esc clears a filter first. */
function listKey(
	state: UiState,
	screen: 'devices' | 'events',
	key: KeyPress,
	total: number,
	context: UiContext,
): UiResult | null {
	const view = state[screen];
	const set = (next: ListView) => result({...state, [screen]: next});
	if (view.filter.isTyping) {
		if (key.name === 'escape')
			return set({
				list: listReducer(view.list, {type: 'reset'}),
				filter: filterReducer(view.filter, {type: 'clear'}),
			});
		if (key.name === 'enter' || key.name === 'tab' || key.name === 'backtab')
			return set({...view, filter: filterReducer(view.filter, {type: 'done'})});
		const edit = textFieldAction(key);
		if (!edit) return result(state);
		return set({
			list: listReducer(view.list, {type: 'reset'}),
			filter: filterReducer(view.filter, {type: 'edit', action: edit}),
		});
	}
	if (key.name === 'escape' && isFiltering(view.filter))
		return set({
			list: listReducer(view.list, {type: 'reset'}),
			filter: filterReducer(view.filter, {type: 'clear'}),
		});
	const action = listAction(key, total, context.listHeight);
	return action ? set({...view, list: listReducer(view.list, action)}) : null;
}

/** What a key of the keymap does. */
function run(
	state: UiState,
	action: KeyAction,
	context: UiContext,
): UiResult | null {
	const go = (screen: ScreenId) =>
		result(
			reduceUi(state, {type: 'go', screen, hasCustomer: context.hasCustomer}),
		);
	switch (action.type) {
		case 'go':
			return go(action.screen);
		case 'cycle': {
			const index = SCREENS.indexOf(state.screen as TabId);
			return go(
				SCREENS[
					(Math.max(0, index) + action.delta + SCREENS.length) % SCREENS.length
				]!,
			);
		}
		case 'back':
			return result(
				reduceUi(state, {type: 'back', hasCustomer: context.hasCustomer}),
			);
		case 'help':
			return result({
				...state,
				overlay: {kind: 'help', place: placeOf(state), scroll: pageTop},
			});
		case 'message':
			return state.status && context.isStatusCut
				? result({...state, overlay: {kind: 'message', scroll: pageTop}})
				: null;
		case 'close':
			return result({...state, overlay: null});
		case 'quit':
			return result(state, [{type: 'quit'}]);
		case 'open-license':
			// R1; once licensed, the widget's Enter still leads to the details (the table).
			return go('settings');
		case 'device-activate':
			return result(state, [{type: 'device-activate'}]);
		case 'device-deactivate': {
			const id =
				context.deviceIds[
					Math.min(state.devices.list.selected, context.deviceIds.length - 1)
				];
			if (id === undefined) return result(state);
			// Point 8: a destructive key asks first.
			return result({
				...state,
				overlay: {
					kind: 'confirm',
					question: {
						id: 'ui.confirm.deactivate',
						yes: 'ui.confirm.deactivate-yes',
						params: {id},
					},
					command: {type: 'device-deactivate', id},
					choice: 0,
				},
			});
		}
		case 'confirm': {
			const overlay = state.overlay;
			if (overlay?.kind !== 'confirm') return null;
			return result(
				{...state, overlay: null},
				action.answer ? [overlay.command] : [],
			);
		}
		case 'filter':
			return openFilter(state);
		case 'match':
			return match(state, action.delta, context);
		case 'full-keys':
			return result({
				...state,
				settings: {...state.settings, isFullKeys: !state.settings.isFullKeys},
			});
		case 'demo':
			return result({...state, overlay: null}, [
				{type: 'demo', command: action.command},
			]);
		case 'play':
			return result({...state, isPlaying: !state.isPlaying});
		case 'time-prompt':
			return result({...state, overlay: {kind: 'time', field: textField()}});
		case 'jump': {
			const field = state.overlay?.kind === 'time' ? state.overlay.field : null;
			const day = Number.parseInt(field?.value ?? '', 10);
			return result(
				{...state, overlay: null},
				Number.isNaN(day) ? [] : [{type: 'demo', command: {type: 'jump', day}}],
			);
		}
		case 'picker':
			return openPicker(state, {id: action.picker} as DemoPicker, context);
		case 'prompt':
			return result({
				...state,
				overlay: {
					kind: 'prompt',
					prompt: {id: action.prompt},
					field: textField(),
					error: null,
				},
			});
		case 'submit':
			return submitPrompt(state);
	}
}

/** `/` on a list: its prompt opens, typing. */
function openFilter(state: UiState): UiResult | null {
	switch (state.screen) {
		case 'devices':
		case 'events':
			return result({
				...state,
				[state.screen]: {
					...state[state.screen],
					filter: filterReducer(state[state.screen].filter, {type: 'open'}),
				},
			});
		case 'settings':
			return result({
				...state,
				settings: {
					...state.settings,
					focus: 'table',
					tableFilter: filterReducer(state.settings.tableFilter, {
						type: 'open',
					}),
				},
			});
		default:
			return null;
	}
}

/** n / N: the next or previous row the filter kept, round the list. */
function match(
	state: UiState,
	delta: 1 | -1,
	context: UiContext,
): UiResult | null {
	const move = (list: ListView['list'], total: number, height: number) => {
		if (total === 0) return list;
		const selected = (list.selected + delta + total) % total;
		return listReducer(list, {
			type: 'move',
			delta: selected - list.selected,
			total,
			height,
		});
	};
	switch (state.screen) {
		case 'devices':
		case 'events': {
			const view = state[state.screen];
			if (!isFiltering(view.filter)) return null;
			const total =
				state.screen === 'devices'
					? context.deviceIds.length
					: context.eventCount;
			return result({
				...state,
				[state.screen]: {
					...view,
					list: move(view.list, total, context.listHeight),
				},
			});
		}
		case 'settings':
			if (!isFiltering(state.settings.tableFilter)) return null;
			return result({
				...state,
				settings: {
					...state.settings,
					table: move(
						state.settings.table,
						context.licenseCount,
						context.tableHeight,
					),
				},
			});
		default:
			return null;
	}
}

/**
 * Several key presses in a row (one chunk from the terminal). Text goes whole to a focused
 * field (a paste); otherwise it is split into single keys, each taken with the state the one
 * before left (so Ctrl+T "20" Enter opens the time prompt, types 20 and jumps).
 */
export function handleKeys(
	state: UiState,
	presses: readonly KeyPress[],
	context: UiContext,
): UiResult {
	let current = state;
	const commands: UiCommand[] = [];
	const take = (key: KeyPress) => {
		const taken = handleKey(current, key, context);
		current = taken.state;
		commands.push(...taken.commands);
	};
	const isPaste = isPasted(presses);
	for (const [index, pressed] of presses.entries()) {
		// A paste is text for a field: one that comes while no field is typed into would run its
		// letters as commands (q quits, d moves a day, its line breaks press the focused button),
		// so the rest of it is left out, and the status says so (decided: nothing of it is taken,
		// as nothing of it was meant as a key). In the key field, a line break of a paste
		// separates keys, as a space does: a list of keys one a line goes in whole.
		// On a field not yet typed into (or Paste the response), the paste goes into it, as Enter
		// then the paste would; on Manual activation, into the response field. Line breaks at its end, once a field took it (the response
		// imported), do nothing.
		if (isPaste && !isTextFocused(current) && pressed.name === 'char') {
			const entered = handleKey(current, press('enter'), context);
			if (placeOf(entered.state) === 'typing' && entered.commands.length === 0)
				current = entered.state;
			// Manual activation: what one pastes there is the response, wherever the focus is.
			else if (current.screen === 'manual' && current.overlay === null)
				current = {
					...current,
					manual: manualReducer(current.manual, {
						type: 'choose',
						item: 'paste',
					}),
				};
		}
		if (isPaste && !isTextFocused(current)) {
			const count = printableCount(presses.slice(index));
			if (count > 0)
				current = {
					...current,
					status: {
						tone: 'error',
						text: t(context.lang, 'ui.input.paste-ignored', {count}),
					},
				};
			break;
		}
		const typed =
			isPaste && pressed.name === 'enter' && typingField(current) === 'keys'
				? char(' ')
				: pressed;
		// Text typed or pasted reaches the screen as is, so what no terminal may print raw (a
		// control character, a bidirectional control: engine/safe-text.ts) never goes in; the
		// status line says what was left out, made visible.
		const key = printableOnly(typed);
		if (key === null) continue;
		if (key !== typed && isTextFocused(current))
			current = {
				...current,
				status: {
					tone: 'info',
					text: t(context.lang, 'ui.input.left-out', {
						chars: [...typed.text]
							.filter((char) => UNPRINTABLE.test(char))
							.map((char) => visible(char))
							.join(' '),
					}),
				},
			};
		if (key.name !== 'char' || key.ctrl || [...key.text].length <= 1) {
			take(key);
			continue;
		}
		let rest = [...key.text];
		while (rest.length > 0) {
			if (placeOf(current) === 'typing') {
				take({...key, text: rest.join('')});
				break;
			}
			take({...key, text: rest[0]!});
			rest = rest.slice(1);
		}
	}
	return {state: current, commands};
}

/**
 * Printable characters in one read from the terminal from which it is a paste, not keys: keys
 * come one a read, or a few together when typed fast over a slow link; a paste brings a line or
 * more (the shortest text one pastes here, a key, has 25).
 */
export const PASTE_MIN_CHARS = 16;

function printableCount(presses: readonly KeyPress[]): number {
	return presses.reduce(
		(count, key) =>
			key.name === 'char' && !key.ctrl ? count + [...key.text].length : count,
		0,
	);
}

function isPasted(presses: readonly KeyPress[]): boolean {
	return printableCount(presses) >= PASTE_MIN_CHARS;
}

/** A key press without the characters no terminal may print raw; null when none is left. */
function printableOnly(key: KeyPress): KeyPress | null {
	if (key.name !== 'char' || key.ctrl || !UNPRINTABLE.test(key.text))
		return key;
	const text = [...key.text].filter((char) => !UNPRINTABLE.test(char)).join('');
	return text === '' ? null : {...key, text};
}

function pasteDemoKey(
	state: UiState,
	context: UiContext,
	key: string,
): UiResult {
	const opened =
		state.screen === 'settings'
			? state
			: reduceUi(state, {
					type: 'go',
					screen: 'settings',
					hasCustomer: context.hasCustomer,
				});
	return result({
		...opened,
		overlay: null,
		settings: settingsReducer(opened.settings, {
			type: 'paste-key',
			demoKeys: [key],
		}),
	});
}

// --- The demo's pickers and prompts (issue 13) ------------------------------------------------

function openPicker(
	state: UiState,
	picker: DemoPicker,
	context: UiContext,
): UiResult {
	if (!context.demo) return result(state);
	if (pickerValues(picker, context.demo).length === 0) return result(state);
	const choice = initialChoice(picker, context.demo, {
		keysText: state.settings.text.keys.value,
	});
	return result({...state, overlay: {kind: 'picker', picker, choice}});
}

/** A picker's keys: ↑↓ j k move, Enter or a digit picks; Esc (the keymap's) closes. */
function pickerKey(
	state: UiState,
	key: KeyPress,
	context: UiContext,
): UiResult | null {
	const overlay = state.overlay;
	if (overlay?.kind !== 'picker' || !context.demo) return null;
	const values = pickerValues(overlay.picker, context.demo);
	const choice = choiceKey(
		key,
		overlay.choice,
		values.length,
		context.pickerRows,
	);
	if (choice?.type === 'move')
		return result({
			...state,
			overlay: {
				...overlay,
				choice: Math.min(
					values.length - 1,
					Math.max(0, overlay.choice + choice.delta),
				),
			},
		});
	if (choice?.type === 'pick') {
		const value = values[choice.index];
		return value === undefined
			? result(state)
			: pick(state, overlay.picker, value, context);
	}
	return isMenuKey(key) ? result(state) : null;
}

/** What picking `value` does: a command, or the next question. */
function pick(
	state: UiState,
	picker: DemoPicker,
	value: string,
	context: UiContext,
): UiResult {
	const closed = {...state, overlay: null};
	const demo = (command: DemoCommand) =>
		result(closed, [{type: 'demo', command}]);
	switch (picker.id) {
		case 'demo-key':
			return pasteDemoKey(closed, context, value);
		case 'network':
			return demo({type: 'network', state: value as DemoNetwork});
		case 'scenario':
			return demo({type: 'open-scenario', id: value});
		case 'vendor-target':
			return openPicker(closed, {id: 'vendor-action', target: value}, context);
		case 'vendor-action':
			if (value === 'extend')
				return result({
					...state,
					overlay: {
						kind: 'prompt',
						prompt: {id: 'extend', target: picker.target},
						field: textField(),
						error: null,
					},
				});
			return demo({
				type: 'vendor',
				action: value as DemoVendorAction,
				target: picker.target,
			});
	}
}

/** A prompt's field takes the amount; Enter and Esc are the keymap's. */
function promptKey(state: UiState, key: KeyPress): UiResult {
	const overlay = state.overlay;
	if (overlay?.kind !== 'prompt') return result(state);
	const edit =
		key.name === 'char' && !key.ctrl
			? ({type: 'insert', text: key.text.replace(/\p{Cc}/gu, '')} as const)
			: textFieldAction(key);
	if (!edit) return result(state);
	return result({
		...state,
		overlay: {
			...overlay,
			field: textFieldReducer(overlay.field, edit),
			error: null,
		},
	});
}

/** Enter in a prompt: the command, or the prompt stays and says what it takes. */
function submitPrompt(state: UiState): UiResult {
	const overlay = state.overlay;
	if (overlay?.kind !== 'prompt') return result(state);
	const text = overlay.field.value;
	const closed = {...state, overlay: null};
	if (overlay.prompt.id === 'clock') {
		const amount = parseClockAmount(text);
		if (!amount.ok)
			return result({...state, overlay: {...overlay, error: amount.error}});
		return result(closed, [
			{type: 'demo', command: {type: 'clock', ms: amount.ms}},
		]);
	}
	const days = parseDays(text);
	if (!days.ok)
		return result({...state, overlay: {...overlay, error: days.error}});
	return result(closed, [
		{
			type: 'demo',
			command: {
				type: 'vendor',
				action: 'extend',
				target: overlay.prompt.target,
				days: days.days,
			},
		},
	]);
}

/** The time prompt (Ctrl+T): a day number; the time letters and Enter are the keymap's. */
function timeKey(state: UiState, key: KeyPress): UiResult {
	if (state.overlay?.kind !== 'time') return result(state);
	const field = state.overlay.field;
	if (key.name === 'char' && !key.ctrl) {
		const digits = key.text.replace(/\D/g, '');
		if (!digits) return result(state);
		return result({
			...state,
			overlay: {
				kind: 'time',
				field: textFieldReducer(field, {type: 'insert', text: digits}),
			},
		});
	}
	const edit = textFieldAction(key);
	return edit
		? result({
				...state,
				overlay: {kind: 'time', field: textFieldReducer(field, edit)},
			})
		: result(state);
}
