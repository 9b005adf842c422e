/**
 * The dashboard as one pure state machine (the shape of xstate's `transition`): `handleKey`
 * takes the state and one key press and returns the next state with the commands to run. The
 * app executes the commands (engine calls, simulation controls) and feeds results back with
 * `reduceUi`. Nothing here touches the engine, the terminal or the clock.
 *
 * Precedence of a key: an open overlay, then the screen (a focused text field takes every
 * printable key), then the global keys (screens, help, quit, demo controls).
 */
import type {Customer} from '../engine/types.js';
import type {Lang} from '../i18n/index.js';
import {
	emptyList,
	type ListState,
	listAction,
	listReducer,
} from './components/scroll-list/index.js';
import {
	type TextFieldState,
	textField,
	textFieldAction,
	textFieldReducer,
} from './components/text-field/index.js';
import {actionFor, type KeyAction, type KeyScope} from './keymap.js';
import type {KeyPress} from './keypress.js';
import {settingsKey} from './screens/settings-license-input.js';
import {
	initialSettings,
	isTyping,
	type SettingsAction,
	type SettingsCommand,
	type SettingsState,
	settingsReducer,
} from './screens/settings-license-state.js';

export const SCREENS = ['home', 'settings', 'devices', 'events'] as const;
export type ScreenId = (typeof SCREENS)[number];

export type Overlay =
	| null
	| {kind: 'help'}
	| {kind: 'jump'; field: TextFieldState};

export type StatusMessage = {tone: 'ok' | 'error' | 'info'; text: string};

export type UiState = {
	screen: ScreenId;
	/** Screens visited before, for Esc. */
	history: ScreenId[];
	overlay: Overlay;
	settings: SettingsState;
	devices: ListState;
	events: ListState;
	/** The outcome of the last command, in the status line. */
	status: StatusMessage | null;
	/** What is running now, when something is (the status line says so). */
	busy: string | null;
	/** Demo: simulated time runs by itself. */
	isPlaying: boolean;
};

export type DemoCommand =
	| {type: 'advance'; ms: number}
	| {type: 'next-deadline'}
	| {type: 'jump'; day: number}
	| {type: 'toggle-network'}
	| {type: 'swap-hardware'}
	| {type: 'restart'}
	| {type: 'step'};

export type UiCommand =
	| SettingsCommand
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
	licenseCount: number;
	deviceIds: readonly string[];
	eventCount: number;
	/** Rows on screen of the license table, the device list and the event list. */
	tableHeight: number;
	listHeight: number;
	demoKeys: readonly string[];
};

export type UiResult = {state: UiState; commands: UiCommand[]};

export function initialUi(customer: Customer | null, lang: Lang): UiState {
	return {
		screen: 'home',
		history: [],
		overlay: null,
		settings: initialSettings(customer, lang),
		devices: emptyList,
		events: emptyList,
		status: null,
		busy: null,
		isPlaying: false,
	};
}

/** True when printable keys belong to a text field or a prompt, not to the global shortcuts. */
export function isTextFocused(state: UiState): boolean {
	if (state.overlay?.kind === 'jump') return true;
	return (
		state.overlay === null &&
		state.screen === 'settings' &&
		isTyping(state.settings)
	);
}

export type UiAction =
	| {type: 'go'; screen: ScreenId; hasCustomer: boolean}
	| {type: 'back'; hasCustomer: boolean}
	| {type: 'settings'; action: SettingsAction}
	| {type: 'status'; status: StatusMessage | null}
	| {type: 'busy'; label: string | null}
	| {type: 'playing'; isPlaying: boolean};

export function reduceUi(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'go': {
			if (action.screen === state.screen) return state;
			const history = [...state.history, state.screen].slice(-20);
			return enter(
				{...state, history, overlay: null},
				action.screen,
				action.hasCustomer,
			);
		}
		case 'back': {
			const previous = state.history.at(-1);
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
		case 'status':
			return {...state, status: action.status};
		case 'busy':
			return {...state, busy: action.label};
		case 'playing':
			return {...state, isPlaying: action.isPlaying};
	}
}

function enter(
	state: UiState,
	screen: ScreenId,
	hasCustomer: boolean,
): UiState {
	const settings =
		screen === 'settings'
			? settingsReducer(state.settings, {type: 'open', hasCustomer})
			: state.settings;
	return {...state, screen, settings};
}

const result = (state: UiState, commands: UiCommand[] = []): UiResult => ({
	state,
	commands,
});

/** A key's result, and whether anything on screen answers that key there. */
export type KeyResult = UiResult & {isHandled: boolean};

/**
 * One key press: the overlay first, then the screen's widgets (a focused field takes every
 * printable key), then what the keymap (`keymap.ts`) gives the key on this screen, globally,
 * and in the demo.
 */
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
	if (state.overlay?.kind === 'help') {
		// Any key closes the help and is not acted on; q quits from there too.
		const action = actionFor(key, 'help');
		return action
			? run(state, action, context)
			: result({...state, overlay: null});
	}
	if (state.overlay?.kind === 'jump') {
		return jumpKey(state, state.overlay.field, key, context);
	}
	if (context.isDemo) {
		const action = actionFor(key, 'demo-anywhere');
		if (action) return run(state, action, context);
	}
	const widget = widgetKey(state, key, context);
	if (widget) return widget;
	const scope = SCREEN_SCOPE[state.screen];
	const action =
		(scope ? actionFor(key, scope) : null) ??
		actionFor(key, 'global') ??
		(context.isDemo ? actionFor(key, 'demo') : null);
	return action ? run(state, action, context) : null;
}

/** Screens whose keys of their own are in the keymap (the form's and the lists' are widgets'). */
const SCREEN_SCOPE: Record<ScreenId, KeyScope | null> = {
	home: 'home',
	settings: null,
	devices: 'devices',
	events: null,
};

/** The keys the screen's widgets take: the Settings form, the device and event lists. */
function widgetKey(
	state: UiState,
	key: KeyPress,
	context: UiContext,
): UiResult | null {
	switch (state.screen) {
		case 'settings': {
			const outcome = settingsKey(state.settings, key, {
				lang: context.lang,
				licenseCount: context.licenseCount,
				tableHeight: context.tableHeight,
			});
			return outcome.isHandled
				? result({...state, settings: outcome.state}, outcome.commands)
				: null;
		}
		case 'devices': {
			const action = listAction(
				key,
				context.deviceIds.length,
				context.listHeight,
			);
			return action
				? result({...state, devices: listReducer(state.devices, action)})
				: null;
		}
		case 'events': {
			const action = listAction(key, context.eventCount, context.listHeight);
			return action
				? result({...state, events: listReducer(state.events, action)})
				: null;
		}
		case 'home':
			return null;
	}
}

/** What a key of the keymap does. */
function run(state: UiState, action: KeyAction, context: UiContext): UiResult {
	const go = (screen: ScreenId) =>
		result(
			reduceUi(state, {type: 'go', screen, hasCustomer: context.hasCustomer}),
		);
	switch (action.type) {
		case 'go':
			return go(action.screen);
		case 'cycle': {
			const index = SCREENS.indexOf(state.screen);
			return go(
				SCREENS[(index + action.delta + SCREENS.length) % SCREENS.length]!,
			);
		}
		case 'back':
			return result(
				reduceUi(state, {type: 'back', hasCustomer: context.hasCustomer}),
			);
		case 'help':
			return result({...state, overlay: {kind: 'help'}});
		case 'close':
			return result({...state, overlay: null});
		case 'quit':
			return result(state, [{type: 'quit'}]);
		case 'open-license':
			return context.isUnlicensed ? go('settings') : result(state);
		case 'device-activate':
			return result(state, [{type: 'device-activate'}]);
		case 'device-deactivate': {
			const id =
				context.deviceIds[
					Math.min(state.devices.selected, context.deviceIds.length - 1)
				];
			return result(
				state,
				id === undefined ? [] : [{type: 'device-deactivate', id}],
			);
		}
		case 'demo':
			return result(state, [{type: 'demo', command: action.command}]);
		case 'play':
			return result({...state, isPlaying: !state.isPlaying});
		case 'jump-prompt':
			return result({...state, overlay: {kind: 'jump', field: textField()}});
		case 'jump': {
			const field = state.overlay?.kind === 'jump' ? state.overlay.field : null;
			const day = Number.parseInt(field?.value ?? '', 10);
			return result(
				{...state, overlay: null},
				Number.isNaN(day) ? [] : [{type: 'demo', command: {type: 'jump', day}}],
			);
		}
		case 'paste-demo-key':
			return pasteDemoKey(state, context);
	}
}

/**
 * Several key presses in a row (one chunk from the terminal). Text goes whole to a focused
 * field (a paste); otherwise it is split into single keys, each taken with the state the one
 * before left (so "j20" then Enter opens the day prompt, types 20 and jumps).
 */
export function handleKeys(
	state: UiState,
	presses: readonly KeyPress[],
	context: UiContext,
): UiResult {
	let current = state;
	const commands: UiCommand[] = [];
	const take = (key: KeyPress) => {
		const result = handleKey(current, key, context);
		current = result.state;
		commands.push(...result.commands);
	};
	for (const key of presses) {
		if (key.name !== 'char' || key.ctrl || [...key.text].length <= 1) {
			take(key);
			continue;
		}
		let rest = [...key.text];
		while (rest.length > 0) {
			if (isTextFocused(current)) {
				take({...key, text: rest.join('')});
				break;
			}
			take({...key, text: rest[0]!});
			rest = rest.slice(1);
		}
	}
	return {state: current, commands};
}

function pasteDemoKey(state: UiState, context: UiContext): UiResult {
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
			demoKeys: context.demoKeys,
		}),
	});
}

/** The small "jump to day" prompt: digits; Enter and Esc are the keymap's. */
function jumpKey(
	state: UiState,
	field: TextFieldState,
	key: KeyPress,
	context: UiContext,
): UiResult {
	const action = actionFor(key, 'jump');
	if (action) return run(state, action, context);
	if (key.name === 'char' && !key.ctrl) {
		const digits = key.text.replace(/\D/g, '');
		if (!digits) return result(state);
		return result({
			...state,
			overlay: {
				kind: 'jump',
				field: textFieldReducer(field, {type: 'insert', text: digits}),
			},
		});
	}
	const edit = textFieldAction(key);
	return edit
		? result({
				...state,
				overlay: {kind: 'jump', field: textFieldReducer(field, edit)},
			})
		: result(state);
}
