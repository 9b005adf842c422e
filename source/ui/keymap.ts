/**
 * Every key the dashboard answers, in one table (STYLE 12, as lazygit keeps its bindings): the
 * key handler (`app-state.ts`) looks its keys up here, and the help and the footer
 * (`key-hints.ts`) print them from here, for the place the focus is in. A key that the help or the
 * footer shows is therefore a key of this table; test/ui/keymap.test.ts presses each one where
 * it is shown.
 *
 * One input model on every screen (issue 12, point 2): the dashboard is either **browsing**
 * (letters are commands, the default everywhere) or **typing** (a text field has the keys, every
 * printable key goes into it). Enter on a field starts typing; Esc stops, Tab and Enter go to the
 * next field. Keys a field can never contain (Ctrl+…) work in both: the demo's time prompt
 * (Ctrl+T) and its key paste (Ctrl+K). The footer says which mode is on.
 *
 * Keys that move inside a widget (a text field, a list, an ink-select-input menu) are read by
 * that widget; their rows here have no action, only the places they work in (`widget`) and the
 * caps and words the screens print.
 */
import {DAY, HOUR} from '../engine/types.js';
import {type Lang, type MessageId, t} from '../i18n/index.js';
import type {DemoCommand, PickerId, ScreenId} from './app-state.js';
import {char, ctrl, type KeyPress, press} from './keypress.js';

/** What a key does in the handler (the widgets' own keys have none here). */
export type KeyAction =
	| {type: 'go'; screen: ScreenId}
	| {type: 'cycle'; delta: 1 | -1}
	| {type: 'back'}
	| {type: 'help'}
	| {type: 'message'}
	| {type: 'quit'}
	| {type: 'close'}
	| {type: 'open-license'}
	| {type: 'device-activate'}
	| {type: 'device-deactivate'}
	| {type: 'filter'}
	| {type: 'match'; delta: 1 | -1}
	| {type: 'full-keys'}
	| {type: 'confirm'; answer: boolean}
	| {type: 'demo'; command: DemoCommand}
	| {type: 'play'}
	| {type: 'time-prompt'}
	| {type: 'jump'}
	/** Demo: a choice list over the screen (Ctrl+K's keys, the network, the vendor, scenarios). */
	| {type: 'picker'; picker: PickerId}
	/** Demo: a prompt in the simulation bar (the clock's amount). */
	| {type: 'prompt'; prompt: 'clock'}
	/** Enter in a demo prompt: do what it asks. */
	| {type: 'submit'};

/**
 * Where the focus is: a mode (typing, a menu), an overlay, or the screen browsed. The footer, the
 * help and the handler all start from it.
 */
export type Place =
	| 'typing'
	| 'menu'
	| 'confirm'
	| 'picker'
	| 'prompt'
	| 'help'
	| 'message'
	| 'text'
	| 'time'
	| 'home'
	| 'settings'
	| 'table'
	| 'manual'
	| 'devices'
	| 'events';

/**
 * Where a binding has its meaning. A place asks its scopes in order (`SCOPES`): `anywhere` first
 * (keys no text contains: Ctrl+C, and in the demo Ctrl+T, Ctrl+K), then the place itself, then
 * `list` (the three lists), `browse` (every screen while browsing), `demo` (the simulation's
 * letters, while browsing the demo).
 */
export type Scope =
	| Place
	| 'anywhere'
	| 'demo-anywhere'
	| 'list'
	| 'browse'
	| 'demo';

const BROWSE_PLACES = [
	'home',
	'settings',
	'table',
	'manual',
	'devices',
	'events',
] as const satisfies readonly Place[];
export type BrowsePlace = (typeof BROWSE_PLACES)[number];

export function isBrowsing(place: Place): place is BrowsePlace {
	return (BROWSE_PLACES as readonly Place[]).includes(place);
}

const LISTS: ReadonlySet<Place> = new Set(['table', 'devices', 'events']);

/** The scopes a place asks, in order. */
export function scopesOf(place: Place, isDemo: boolean): Scope[] {
	const demoAnywhere: Scope[] = isDemo ? ['demo-anywhere'] : [];
	switch (place) {
		case 'help':
		case 'message':
		case 'text':
			return [place];
		case 'typing':
		case 'time':
		case 'confirm':
		case 'picker':
		case 'prompt':
			return ['anywhere', ...demoAnywhere, place];
		case 'menu':
			// A menu takes its moves; the other keys do what they do while browsing.
			return [
				'anywhere',
				...demoAnywhere,
				'menu',
				'browse',
				...demoOnly(isDemo),
			];
		default:
			return [
				'anywhere',
				...demoAnywhere,
				place,
				...(LISTS.has(place) ? (['list'] as const) : []),
				'browse',
				...demoOnly(isDemo),
			];
	}
}

const demoOnly = (isDemo: boolean): Scope[] => (isDemo ? ['demo'] : []);

/** A key as printed: the same everywhere, or in the admin's language (Entrée, Échap, Suppr). */
type Caps = string | {message: MessageId};

export type Binding = {
	presses: readonly KeyPress[];
	/** As the help prints it. */
	caps: Caps;
	/** As the footer prints it, when shorter than in the help (`↑↓`). */
	short?: Caps;
	/** Its line in the help; the keys of one line are listed together. */
	help: MessageId;
	/** The help's right-hand column: the simulation's keys. */
	isDemo?: boolean;
	/** What the key does in each scope the handler asks the table about. */
	on?: Partial<Record<Scope, KeyAction>>;
	/** Places where a widget (a field, a list, a menu) reads this key itself. */
	widget?: readonly Place[];
};

const named = (message: MessageId): Caps => ({message});

const advance = (ms: number): KeyAction => ({
	type: 'demo',
	command: {type: 'advance', ms},
});
const control = (command: DemoCommand): KeyAction => ({type: 'demo', command});

/** A letter of the simulation: while browsing the demo, and inside the time prompt for time. */
const demoKey = (
	letter: string,
	help: MessageId,
	action: KeyAction,
	isTime = false,
): Binding => ({
	presses: [char(letter)],
	caps: letter,
	help,
	isDemo: true,
	on: isTime ? {demo: action, time: action} : {demo: action},
});

const SCREEN_LISTS = ['table', 'devices', 'events'] as const;
const FORMS = ['settings', 'manual'] as const;

export const KEYMAP = {
	home: {
		presses: [char('1')],
		caps: '1',
		help: 'ui.help.screens',
		on: {browse: {type: 'go', screen: 'home'}},
	},
	settings: {
		presses: [char('2')],
		caps: '2',
		help: 'ui.help.screens',
		on: {browse: {type: 'go', screen: 'settings'}},
	},
	devices: {
		presses: [char('3')],
		caps: '3',
		help: 'ui.help.screens',
		on: {browse: {type: 'go', screen: 'devices'}},
	},
	events: {
		presses: [char('4')],
		caps: '4',
		help: 'ui.help.screens',
		on: {browse: {type: 'go', screen: 'events'}},
	},
	// On a form, Tab and Shift+Tab move between its controls (the form's own keys); elsewhere,
	// between screens.
	next: {
		presses: [press('tab')],
		caps: 'Tab',
		help: 'ui.help.tab',
		on: {
			home: {type: 'cycle', delta: 1},
			devices: {type: 'cycle', delta: 1},
			events: {type: 'cycle', delta: 1},
		},
		widget: ['settings', 'table', 'manual', 'typing', 'menu'],
	},
	previous: {
		presses: [press('backtab')],
		caps: '⇧Tab',
		short: named('ui.help.key.shift-tab'),
		help: 'ui.help.tab',
		on: {
			home: {type: 'cycle', delta: -1},
			devices: {type: 'cycle', delta: -1},
			events: {type: 'cycle', delta: -1},
		},
		widget: ['settings', 'table', 'manual', 'typing', 'menu'],
	},
	'up-down': {
		presses: [press('up'), press('down')],
		caps: '↑ ↓',
		short: '↑↓',
		help: 'ui.help.arrows',
		widget: ['home', ...FORMS, ...SCREEN_LISTS, 'menu', 'confirm', 'picker'],
	},
	'j-k': {
		presses: [char('j'), char('k')],
		caps: 'j k',
		short: 'j/k',
		help: 'ui.help.arrows',
		widget: ['home', ...FORMS, ...SCREEN_LISTS, 'menu', 'confirm', 'picker'],
	},
	// ink-select-input picks the nth item of a menu with its digit: there, 1-4 are not screens.
	'menu-number': {
		presses: [char('1'), char('9')],
		caps: '1-9',
		help: 'ui.help.menu-number',
		widget: ['menu', 'confirm', 'picker'],
	},
	'first-last': {
		presses: [char('g'), char('G'), press('home'), press('end')],
		caps: 'g G',
		help: 'ui.help.first-last',
		widget: ['home', ...FORMS, ...SCREEN_LISTS],
	},
	pages: {
		presses: [press('pageup'), press('pagedown')],
		caps: 'PgUp PgDn',
		short: 'PgUp/PgDn',
		help: 'ui.help.pages',
		widget: ['home', ...FORMS, ...SCREEN_LISTS, 'help', 'text'],
	},
	'left-right': {
		presses: [press('left'), press('right')],
		caps: '← →',
		help: 'ui.help.left-right',
		widget: ['settings', 'typing', 'prompt'],
	},
	'text-ends': {
		presses: [press('home'), press('end'), ctrl('a'), ctrl('e')],
		caps: 'Home End',
		help: 'ui.help.text-ends',
		widget: ['typing', 'prompt'],
	},
	'text-clear': {
		presses: [ctrl('u'), ctrl('w')],
		caps: 'Ctrl+U Ctrl+W',
		help: 'ui.help.text-clear',
		widget: ['typing', 'prompt'],
	},
	enter: {
		presses: [press('enter')],
		caps: named('ui.help.key.enter'),
		help: 'ui.help.enter',
		// R1: the License widget's Enter license opens Settings > License.
		on: {
			home: {type: 'open-license'},
			time: {type: 'jump'},
			prompt: {type: 'submit'},
		},
		widget: ['settings', 'table', 'manual', 'menu', 'confirm', 'picker'],
	},
	'enter-typing': {
		presses: [press('enter')],
		caps: named('ui.help.key.enter'),
		help: 'ui.help.enter-typing',
		widget: ['typing'],
	},
	escape: {
		presses: [press('escape')],
		caps: named('ui.help.key.escape'),
		help: 'ui.help.escape',
		on: {
			browse: {type: 'back'},
			time: {type: 'close'},
			picker: {type: 'close'},
			prompt: {type: 'close'},
			confirm: {type: 'confirm', answer: false},
		},
		widget: ['typing', 'menu', ...SCREEN_LISTS],
	},
	filter: {
		presses: [char('/')],
		caps: '/',
		help: 'ui.help.filter',
		on: {list: {type: 'filter'}},
	},
	'next-match': {
		presses: [char('n')],
		caps: 'n',
		help: 'ui.help.match',
		on: {list: {type: 'match', delta: 1}},
	},
	'previous-match': {
		presses: [char('N')],
		caps: 'N',
		help: 'ui.help.match',
		on: {list: {type: 'match', delta: -1}},
	},
	'full-keys': {
		presses: [char('f')],
		caps: 'f',
		help: 'ui.help.full-keys',
		on: {table: {type: 'full-keys'}},
	},
	'device-activate': {
		presses: [char('a'), char('+')],
		caps: 'a',
		help: 'ui.help.devices',
		on: {devices: {type: 'device-activate'}},
	},
	'device-deactivate': {
		presses: [press('backspace'), char('-')],
		caps: named('ui.help.key.delete'),
		help: 'ui.help.devices',
		on: {devices: {type: 'device-deactivate'}},
	},
	yes: {
		presses: [char('y')],
		caps: 'y',
		help: 'ui.help.confirm',
		on: {confirm: {type: 'confirm', answer: true}},
	},
	no: {
		presses: [char('n')],
		caps: 'n',
		help: 'ui.help.confirm',
		on: {confirm: {type: 'confirm', answer: false}},
	},
	message: {
		presses: [char('i')],
		caps: 'i',
		help: 'ui.help.message',
		on: {browse: {type: 'message'}},
	},
	help: {
		presses: [char('?')],
		caps: '?',
		help: 'ui.help.help',
		on: {browse: {type: 'help'}},
	},
	quit: {
		presses: [char('q')],
		caps: 'q',
		help: 'ui.help.quit',
		on: {browse: {type: 'quit'}, help: {type: 'quit'}},
	},
	// The command's Ink exits on Ctrl+C before any handler sees it; tests render without that.
	'ctrl-c': {
		presses: [ctrl('c')],
		caps: 'Ctrl+C',
		help: 'ui.help.quit',
		on: {
			anywhere: {type: 'quit'},
			help: {type: 'quit'},
			message: {type: 'quit'},
			text: {type: 'quit'},
		},
	},
	hour: demoKey('h', 'ui.help.demo.time', advance(HOUR), true),
	day: demoKey('d', 'ui.help.demo.time', advance(DAY), true),
	week: demoKey('w', 'ui.help.demo.time', advance(7 * DAY), true),
	month: demoKey('m', 'ui.help.demo.time', advance(30 * DAY), true),
	// Issue 13, point 3: x to the next instant anything visible changes, X back to the last
	// day the timeline marks (replayed from day 0).
	'next-change': demoKey(
		'x',
		'ui.help.demo.next',
		control({type: 'next-change'}),
		true,
	),
	'previous-change': demoKey(
		'X',
		'ui.help.demo.previous',
		control({type: 'previous-change'}),
		true,
	),
	// Ctrl+T: keys no text holds, so time moves from any screen, even while typing (point 2).
	time: {
		presses: [ctrl('t')],
		caps: 'Ctrl+T',
		help: 'ui.help.demo.time-prompt',
		isDemo: true,
		on: {'demo-anywhere': {type: 'time-prompt'}},
	},
	'time-day': {
		presses: [char('0'), char('9')],
		caps: '0-9',
		help: 'ui.help.demo.jump',
		isDemo: true,
		widget: ['time'],
	},
	// The amount a demo prompt takes (the clock: 61m, 2h, 1d; extend: days).
	'prompt-amount': {
		presses: [char('6'), char('m')],
		caps: '61m 2h 1d',
		help: 'ui.help.demo.amount',
		isDemo: true,
		widget: ['prompt'],
	},
	play: demoKey('p', 'ui.help.demo.play', {type: 'play'}),
	network: demoKey(
		't',
		'ui.help.demo.network',
		control({type: 'toggle-network'}),
	),
	// Issue 13, point 2: the network's five states, the clock, the vendor.
	'network-state': demoKey('T', 'ui.help.demo.network-state', {
		type: 'picker',
		picker: 'network',
	}),
	hardware: demoKey('s', 'ui.help.demo.swap', control({type: 'swap-hardware'})),
	clock: demoKey('b', 'ui.help.demo.clock', {type: 'prompt', prompt: 'clock'}),
	vendor: demoKey('v', 'ui.help.demo.vendor', {
		type: 'picker',
		picker: 'vendor-target',
	}),
	restart: demoKey('r', 'ui.help.demo.restart', control({type: 'restart'})),
	step: demoKey('c', 'ui.help.demo.step', control({type: 'step'})),
	scenarios: demoKey('o', 'ui.help.demo.scenarios', {
		type: 'picker',
		picker: 'scenario',
	}),
	// Ctrl+K picks a demo key to paste, from anywhere, even while typing.
	'demo-key': {
		presses: [ctrl('k')],
		caps: 'Ctrl+K',
		help: 'ui.help.demo.key',
		isDemo: true,
		on: {'demo-anywhere': {type: 'picker', picker: 'demo-key'}},
	},
} satisfies Record<string, Binding>;

export type BindingId = keyof typeof KEYMAP;

/** The table in order, as entries (the help lists it so). */
export const BINDINGS = Object.entries(KEYMAP) as readonly [
	BindingId,
	Binding,
][];

const isSamePress = (a: KeyPress, b: KeyPress) =>
	a.name === b.name && a.text === b.text && a.ctrl === b.ctrl;

/** What `key` does in `scope`, if the table gives it a meaning there. */
export function actionIn(key: KeyPress, scope: Scope): KeyAction | null {
	for (const [, binding] of BINDINGS) {
		const action = binding.on?.[scope];
		if (action && binding.presses.some((each) => isSamePress(each, key)))
			return action;
	}
	return null;
}

/** What `key` does at `place`: the first of its scopes that gives it a meaning. */
export function actionFor(
	key: KeyPress,
	place: Place,
	isDemo: boolean,
): KeyAction | null {
	for (const scope of scopesOf(place, isDemo)) {
		const action = actionIn(key, scope);
		if (action) return action;
	}
	return null;
}

/**
 * True when the binding works at `place`: a widget there reads it, or one of the place's scopes
 * gives it an action that no widget there takes first (in a menu, 1 picks an item, not Home).
 */
export function worksAt(
	binding: Binding,
	place: Place,
	isDemo: boolean,
): boolean {
	if (binding.isDemo && !isDemo) return false;
	if (binding.widget?.includes(place)) return true;
	if (!scopesOf(place, isDemo).some((scope) => binding.on?.[scope]))
		return false;
	const isShadowed = BINDINGS.some(
		([, other]) =>
			other !== binding &&
			other.widget?.includes(place) &&
			other.presses.some((key) =>
				binding.presses.some((each) => isSamePress(each, key)),
			),
	);
	return !isShadowed;
}

/** How a key of the table is printed, in the help or (`short`) in the footer. */
export function capsOf(
	id: BindingId,
	lang: Lang,
	form: 'help' | 'short' = 'help',
): string {
	const binding: Binding = KEYMAP[id];
	const caps =
		form === 'short' ? (binding.short ?? binding.caps) : binding.caps;
	return typeof caps === 'string' ? caps : t(lang, caps.message);
}
