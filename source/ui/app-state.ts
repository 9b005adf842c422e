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
import type {KeyPress} from './keypress.js';
import {
	initialSettings,
	isTyping,
	type SettingsAction,
	type SettingsCommand,
	type SettingsState,
	settingsKey,
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

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

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

/** Demo keys: time, network, hardware, restart, scenario (SPEC §6 simulation bar). */
const DEMO_KEYS: Record<string, DemoCommand> = {
	h: {type: 'advance', ms: HOUR_MS},
	d: {type: 'advance', ms: DAY_MS},
	w: {type: 'advance', ms: 7 * DAY_MS},
	m: {type: 'advance', ms: 30 * DAY_MS},
	x: {type: 'next-deadline'},
	t: {type: 'toggle-network'},
	s: {type: 'swap-hardware'},
	r: {type: 'restart'},
	n: {type: 'step'},
};

export function handleKey(
	state: UiState,
	key: KeyPress,
	context: UiContext,
): UiResult {
	const go = (screen: ScreenId) =>
		result(
			reduceUi(state, {type: 'go', screen, hasCustomer: context.hasCustomer}),
		);

	// An overlay takes the keys first.
	if (state.overlay?.kind === 'help') {
		if (key.name === 'char' && key.text === 'q' && !key.ctrl)
			return result(state, [{type: 'quit'}]);
		return result({...state, overlay: null});
	}
	if (state.overlay?.kind === 'jump') {
		return jumpKey(state, state.overlay.field, key);
	}

	// Demo: Ctrl+K pastes a demo key from anywhere, even while typing (letters go to fields).
	if (context.isDemo && key.ctrl && key.text === 'k') {
		return pasteDemoKey(state, context);
	}

	// The screen.
	switch (state.screen) {
		case 'settings': {
			const outcome = settingsKey(state.settings, key, {
				lang: context.lang,
				licenseCount: context.licenseCount,
				tableHeight: context.tableHeight,
			});
			if (outcome.isHandled) {
				return result({...state, settings: outcome.state}, outcome.commands);
			}
			break;
		}
		case 'home':
			// R1: the License widget's Enter license opens Settings > License.
			if (key.name === 'enter' && context.isUnlicensed) return go('settings');
			break;
		case 'devices': {
			const action = listAction(
				key,
				context.deviceIds.length,
				context.listHeight,
			);
			if (action)
				return result({...state, devices: listReducer(state.devices, action)});
			if (
				key.name === 'char' &&
				!key.ctrl &&
				(key.text === 'a' || key.text === '+')
			) {
				return result(state, [{type: 'device-activate'}]);
			}
			if (
				key.name === 'backspace' ||
				(key.name === 'char' && !key.ctrl && key.text === '-')
			) {
				const id =
					context.deviceIds[
						Math.min(state.devices.selected, context.deviceIds.length - 1)
					];
				return result(
					state,
					id === undefined ? [] : [{type: 'device-deactivate', id}],
				);
			}
			break;
		}
		case 'events': {
			const action = listAction(key, context.eventCount, context.listHeight);
			if (action)
				return result({...state, events: listReducer(state.events, action)});
			break;
		}
	}

	// Global keys.
	if (key.name === 'escape') {
		return result(
			reduceUi(state, {type: 'back', hasCustomer: context.hasCustomer}),
		);
	}
	if (key.name === 'tab' || key.name === 'backtab') {
		const index = SCREENS.indexOf(state.screen);
		return go(
			SCREENS[
				(index + (key.name === 'tab' ? 1 : SCREENS.length - 1)) % SCREENS.length
			]!,
		);
	}
	if (key.name !== 'char' || key.ctrl) {
		return result(state);
	}
	const screen = SCREENS[Number(key.text) - 1];
	if (/^[1-4]$/.test(key.text) && screen) return go(screen);
	switch (key.text) {
		case '?':
			return result({...state, overlay: {kind: 'help'}});
		case 'q':
			return result(state, [{type: 'quit'}]);
	}
	if (!context.isDemo) {
		return result(state);
	}
	const demo = DEMO_KEYS[key.text];
	if (demo) return result(state, [{type: 'demo', command: demo}]);
	switch (key.text) {
		case 'p':
			return result({...state, isPlaying: !state.isPlaying});
		case 'j':
			return result({...state, overlay: {kind: 'jump', field: textField()}});
		case 'k':
			return pasteDemoKey(state, context);
	}
	return result(state);
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

/** The small "jump to day" prompt: digits, Enter to go, Esc to cancel. */
function jumpKey(
	state: UiState,
	field: TextFieldState,
	key: KeyPress,
): UiResult {
	if (key.name === 'escape') return result({...state, overlay: null});
	if (key.name === 'enter') {
		const day = Number.parseInt(field.value, 10);
		if (Number.isNaN(day)) return result({...state, overlay: null});
		return result({...state, overlay: null}, [
			{type: 'demo', command: {type: 'jump', day}},
		]);
	}
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
	const action = textFieldAction(key);
	return action
		? result({
				...state,
				overlay: {kind: 'jump', field: textFieldReducer(field, action)},
			})
		: result(state);
}
