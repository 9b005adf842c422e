/**
 * Every key the dashboard answers, in one table (STYLE 12, as lazygit keeps its bindings): the
 * key handler (`app-state.ts`) looks its keys up here, and the help and the footer
 * (`key-hints.ts`) print them from here. A key that the help or the footer shows is therefore a
 * key of this table; test/ui/keymap.test.ts presses each one where it is shown.
 *
 * Keys that move inside a widget (a text field, the form, a list) are read by that widget's input
 * map (STYLE 4); their rows here have no action, only the caps and words the screens print.
 */
import {DAY, HOUR} from '../engine/types.js';
import {type Lang, type MessageId, t} from '../i18n/index.js';
import type {DemoCommand, ScreenId} from './app-state.js';
import {char, ctrl, type KeyPress, press} from './keypress.js';

/** What a key does in the handler (the widgets' own keys have none here). */
export type KeyAction =
	| {type: 'go'; screen: ScreenId}
	| {type: 'cycle'; delta: 1 | -1}
	| {type: 'back'}
	| {type: 'help'}
	| {type: 'quit'}
	| {type: 'close'}
	| {type: 'open-license'}
	| {type: 'device-activate'}
	| {type: 'device-deactivate'}
	| {type: 'demo'; command: DemoCommand}
	| {type: 'play'}
	| {type: 'jump-prompt'}
	| {type: 'jump'}
	| {type: 'paste-demo-key'};

/**
 * Where a key has that meaning, in the order the handler asks: an overlay (`help`, `jump`),
 * `demo-anywhere` (even while typing), the screen (`home`, `devices`), then `global`, then
 * `demo` (the simulation's keys, only in the demo).
 */
export type KeyScope =
	| 'help'
	| 'jump'
	| 'demo-anywhere'
	| 'home'
	| 'devices'
	| 'global'
	| 'demo';

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
	/** What the key does in each scope the handler asks the table about (none: a widget's key). */
	on?: Partial<Record<KeyScope, KeyAction>>;
};

const named = (message: MessageId): Caps => ({message});

/** A letter of the simulation (right-hand column of the help), working only in the demo. */
const demoKey = (
	letter: string,
	help: MessageId,
	action: KeyAction,
): Binding => ({
	presses: [char(letter)],
	caps: letter,
	help,
	isDemo: true,
	on: {demo: action},
});
const advance = (ms: number): KeyAction => ({
	type: 'demo',
	command: {type: 'advance', ms},
});
const control = (command: DemoCommand): KeyAction => ({type: 'demo', command});

export const KEYMAP = {
	home: {
		presses: [char('1')],
		caps: '1',
		help: 'ui.help.screens',
		on: {global: {type: 'go', screen: 'home'}},
	},
	settings: {
		presses: [char('2')],
		caps: '2',
		help: 'ui.help.screens',
		on: {global: {type: 'go', screen: 'settings'}},
	},
	devices: {
		presses: [char('3')],
		caps: '3',
		help: 'ui.help.screens',
		on: {global: {type: 'go', screen: 'devices'}},
	},
	events: {
		presses: [char('4')],
		caps: '4',
		help: 'ui.help.screens',
		on: {global: {type: 'go', screen: 'events'}},
	},
	// In the form, Tab and Shift+Tab move the focus (the form's own map); elsewhere, the screen.
	next: {
		presses: [press('tab')],
		caps: 'Tab',
		help: 'ui.help.tab',
		on: {global: {type: 'cycle', delta: 1}},
	},
	previous: {
		presses: [press('backtab')],
		caps: '⇧Tab',
		short: named('ui.help.key.shift-tab'),
		help: 'ui.help.tab',
		on: {global: {type: 'cycle', delta: -1}},
	},
	'up-down': {
		presses: [press('up'), press('down')],
		caps: '↑ ↓',
		short: '↑↓',
		help: 'ui.help.arrows',
	},
	'left-right': {
		presses: [press('left'), press('right')],
		caps: '← →',
		help: 'ui.help.arrows',
	},
	enter: {
		presses: [press('enter')],
		caps: named('ui.help.key.enter'),
		help: 'ui.help.enter',
		// R1: the License widget's Enter license opens Settings > License.
		on: {home: {type: 'open-license'}, jump: {type: 'jump'}},
	},
	escape: {
		presses: [press('escape')],
		caps: named('ui.help.key.escape'),
		help: 'ui.help.escape',
		on: {global: {type: 'back'}, jump: {type: 'close'}},
	},
	pages: {
		presses: [press('pageup'), press('pagedown')],
		caps: 'PgUp PgDn',
		help: 'ui.help.pages',
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
	help: {
		presses: [char('?')],
		caps: '?',
		help: 'ui.help.help',
		on: {global: {type: 'help'}},
	},
	quit: {
		presses: [char('q')],
		caps: 'q',
		help: 'ui.help.quit',
		on: {global: {type: 'quit'}, help: {type: 'quit'}},
	},
	// The command's Ink exits on Ctrl+C before any handler sees it; tests render without that.
	'ctrl-c': {
		presses: [ctrl('c')],
		caps: 'Ctrl+C',
		help: 'ui.help.quit',
		on: {global: {type: 'quit'}, help: {type: 'quit'}},
	},
	hour: demoKey('h', 'ui.help.demo.time', advance(HOUR)),
	day: demoKey('d', 'ui.help.demo.time', advance(DAY)),
	week: demoKey('w', 'ui.help.demo.time', advance(7 * DAY)),
	month: demoKey('m', 'ui.help.demo.time', advance(30 * DAY)),
	'next-deadline': demoKey(
		'x',
		'ui.help.demo.next',
		control({type: 'next-deadline'}),
	),
	jump: demoKey('j', 'ui.help.demo.jump', {type: 'jump-prompt'}),
	play: demoKey('p', 'ui.help.demo.play', {type: 'play'}),
	network: demoKey(
		't',
		'ui.help.demo.network',
		control({type: 'toggle-network'}),
	),
	hardware: demoKey('s', 'ui.help.demo.swap', control({type: 'swap-hardware'})),
	restart: demoKey('r', 'ui.help.demo.restart', control({type: 'restart'})),
	step: demoKey('n', 'ui.help.demo.step', control({type: 'step'})),
	'demo-key': demoKey('k', 'ui.help.demo.key', {type: 'paste-demo-key'}),
	// Ctrl+K pastes a demo key from anywhere, even while typing (letters go to fields).
	'ctrl-k': {
		presses: [ctrl('k')],
		caps: 'Ctrl+K',
		help: 'ui.help.demo.key',
		isDemo: true,
		on: {'demo-anywhere': {type: 'paste-demo-key'}},
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
export function actionFor(key: KeyPress, scope: KeyScope): KeyAction | null {
	for (const [, binding] of BINDINGS) {
		const action = binding.on?.[scope];
		if (action && binding.presses.some((each) => isSamePress(each, key)))
			return action;
	}
	return null;
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
