/**
 * One table of keys (STYLE 12): the help and the footer print keys of ui/keymap.ts, and the key
 * handler answers them from it. Here every key a footer shows is pressed where that footer shows,
 * and every key the help lists for a place is pressed at that place (issue 12, point 8: the help
 * lists exactly the keys that work there); a hint for a key the handler does not have fails.
 */
import {describe, expect, it} from 'vitest';
import {mintKey} from '../../source/engine/keys.js';
import {
	handleKey,
	handleKeys,
	initialUi,
	placeOf,
	type UiContext,
	type UiState,
} from '../../source/ui/app-state.js';
import {
	type FooterPlace,
	footerHints,
	footerKeys,
	footerPlace,
	helpRows,
} from '../../source/ui/key-hints.js';
import {
	BINDINGS,
	type BindingId,
	KEYMAP,
	type Place,
	worksAt,
} from '../../source/ui/keymap.js';
import {char, ctrl, type KeyPress, press} from '../../source/ui/keypress.js';

const DEMO_KEY = mintKey('installation', (size) =>
	new Uint8Array(size).fill(7),
);

const DEMO: UiContext = {
	lang: 'en',
	isDemo: true,
	isUnlicensed: true,
	hasCustomer: false,
	licenseCount: 30,
	deviceIds: ['device-1', 'device-2', 'device-3'],
	eventCount: 30,
	tableHeight: 5,
	listHeight: 5,
	page: {
		total: 40,
		shown: 15,
		offset: 10,
		ranges: {company: {start: 1, end: 1}},
	},
	demoKeys: [DEMO_KEY],
	demo: {
		keys: [
			{
				alias: 'SUB',
				key: DEMO_KEY,
				entry: {
					type: 'installation',
					licenses: [{kind: 'subscription', devices: 10, termDays: 30}],
				},
			},
		],
		targets: [
			{id: 'SUB/1', spec: {kind: 'subscription', devices: 10}, isHere: true},
		],
		scenarios: [{id: 'demo', name: 'Demo', isCurrent: true}],
		network: 'online',
	},
	isStatusCut: true,
};
const REAL: UiContext = {...DEMO, isDemo: false, demoKeys: [], demo: null};
const LICENSED: UiContext = {...DEMO, isUnlicensed: false};

function after(context: UiContext, ...presses: KeyPress[]): UiState {
	let state: UiState = {
		...initialUi(null, 'en', '/data'),
		status: {tone: 'error', text: 'a long message'},
	};
	state = handleKeys(state, presses, context).state;
	return state;
}

const TAB = press('tab');
const ENTER = press('enter');
const DOWN = press('down');
/** Settings > License with the focus on Save (past the six fields and the key field). */
const ON_SAVE = [char('2'), ...Array.from({length: 7}, () => TAB)];
const ON_TABLE = [char('2'), char('G'), char('j'), char('j')];

/** A state and its context for every place a footer is shown. */
const PLACES: Record<
	Exclude<FooterPlace, 'demo' | 'demo-typing'>,
	{state: UiState; context: UiContext}
> = {
	help: {state: after(DEMO, char('?')), context: DEMO},
	message: {state: after(DEMO, char('i')), context: DEMO},
	time: {state: after(DEMO, ctrl('t'), char('2')), context: DEMO},
	// The network's states, in the middle of the list so that every move has somewhere to go.
	picker: {state: after(DEMO, char('T')), context: DEMO},
	prompt: {state: after(DEMO, char('b'), char('6')), context: DEMO},
	confirm: {
		state: after(DEMO, char('3'), char('j'), press('backspace')),
		context: DEMO,
	},
	text: {state: after(DEMO), context: DEMO},
	typing: {state: after(REAL, char('2'), ENTER), context: REAL},
	'typing-filter': {state: after(DEMO, char('4'), char('/')), context: DEMO},
	'typing-paste': {
		state: after(DEMO, ...ON_SAVE, TAB, TAB, TAB, ENTER),
		context: DEMO,
	},
	menu: {state: after(DEMO, ...ON_SAVE, TAB, TAB, TAB, ENTER), context: DEMO},
	'country-list': {
		state: after(
			DEMO,
			char('2'),
			char('j'),
			char('j'),
			char('j'),
			ENTER,
			char('united'),
			DOWN,
		),
		context: DEMO,
	},
	home: {state: after(DEMO), context: DEMO},
	'home-licensed': {state: after(LICENSED), context: LICENSED},
	'settings-field': {state: after(DEMO, char('2'), char('j')), context: DEMO},
	'settings-button': {state: after(DEMO, ...ON_SAVE), context: DEMO},
	table: {state: after(DEMO, ...ON_TABLE), context: DEMO},
	'table-filtered': {
		state: after(DEMO, ...ON_TABLE, char('/'), char('sub'), ENTER),
		context: DEMO,
	},
	manual: {
		state: after(DEMO, ...ON_SAVE, TAB, TAB, TAB, ENTER, press('backtab')),
		context: DEMO,
	},
	// The middle of each list, so that every move has somewhere to go.
	devices: {state: after(DEMO, char('3'), DOWN), context: DEMO},
	'devices-filtered': {
		state: after(DEMO, char('3'), char('/'), char('dev'), ENTER, DOWN),
		context: DEMO,
	},
	events: {
		state: after(DEMO, char('3'), char('4'), ...Array(10).fill(DOWN)),
		context: DEMO,
	},
	'events-filtered': {
		state: after(DEMO, char('4'), char('/'), char('e'), ENTER, DOWN, DOWN),
		context: DEMO,
	},
};

/** The paste field of Manual activation: Menu, then its fourth item chosen (Paste). */
PLACES['typing-paste'].state = {
	...PLACES.menu.state,
	manual: {
		...PLACES.menu.state.manual,
		focus: 'paste',
		isPasteOpen: true,
		isTyping: true,
	},
};

/** A text to copy, alone on the screen (Enter on a shown request). */
PLACES.text.state = {
	...PLACES.menu.state,
	manual: {...PLACES.menu.state.manual, request: '{"a":1}'},
	overlay: {kind: 'text', block: 'request', scroll: {offset: 0, follow: true}},
};

function isAnswered(
	id: BindingId,
	state: UiState,
	context: UiContext,
): boolean[] {
	return KEYMAP[id].presses.map(
		(key) => handleKey(state, key, context).isHandled,
	);
}

describe('the keymap drives the help and the footer', () => {
	it('each sample is the place its footer is for', () => {
		for (const [place, {state, context}] of Object.entries(PLACES)) {
			expect({place, is: footerPlace(state, context.isUnlicensed)}).toEqual({
				place,
				is: place,
			});
		}
	});

	for (const place of Object.keys(PLACES) as (keyof typeof PLACES)[]) {
		it(`every key the ${place} footer shows is answered there`, () => {
			const {state, context} = PLACES[place];
			for (const id of footerKeys(place)) {
				expect({id, answered: isAnswered(id, state, context)}).toEqual({
					id,
					answered: KEYMAP[id].presses.map(() => true),
				});
			}
		});
	}

	it('the demo row while browsing, and while typing, shows keys answered there', () => {
		for (const id of footerKeys('demo')) {
			const {state, context} = PLACES['settings-field'];
			expect({id, answered: isAnswered(id, state, context)}).toEqual({
				id,
				answered: KEYMAP[id].presses.map(() => true),
			});
		}
		for (const id of footerKeys('demo-typing')) {
			const {state, context} = PLACES.typing;
			const demo = {...context, isDemo: true, demoKeys: [DEMO_KEY]};
			expect({id, answered: isAnswered(id, state, demo)}).toEqual({
				id,
				answered: KEYMAP[id].presses.map(() => true),
			});
		}
	});

	it('help-lists-what-works-there: every key the help lists for a place is answered at that place', () => {
		for (const [name, {state, context}] of Object.entries(PLACES)) {
			const place: Place = placeOf(state);
			if (place === 'help' || place === 'message') continue;
			for (const [id, binding] of BINDINGS) {
				if (!worksAt(binding, place, context.isDemo)) continue;
				// A list's n/N need a filter; the samples without one stand for the others.
				if (
					(id === 'next-match' || id === 'previous-match') &&
					!name.endsWith('filtered')
				)
					continue;
				// Keys of a text field: the sample is a field typed into.
				expect({name, id, answered: isAnswered(id, state, context)}).toEqual({
					name,
					id,
					answered: binding.presses.map(() => true),
				});
			}
		}
	});

	it('every key of the table is answered somewhere', () => {
		for (const [id, binding] of BINDINGS) {
			binding.presses.forEach((_key, index) => {
				const where = Object.values(PLACES).filter(
					({state, context}) => isAnswered(id, state, context)[index],
				);
				expect({id, index, where: where.length > 0}).toEqual({
					id,
					index,
					where: true,
				});
			});
		}
	});

	it('the help lists the place’s keys only: no device keys on Home, no demo keys on the real engine', () => {
		const home = helpRows('en', 'home', true, false).map((row) => row.keys);
		expect(home.join(' ')).not.toContain('Del');
		const devices = helpRows('fr', 'devices', true, false).map(
			(row) => row.keys,
		);
		expect(devices).toContain('a  Suppr');
		expect(helpRows('en', 'home', false, true)).toEqual([]);
		const typing = helpRows('en', 'typing', true, false)
			.map((row) => row.keys)
			.join(' ');
		expect(typing).not.toMatch(/\bq\b/);
		expect(helpRows('en', 'typing', true, true).map((row) => row.keys)).toEqual(
			['Ctrl+T', 'Ctrl+K'],
		);
	});

	it('a key outside the table is not answered, so the checks above can fail', () => {
		const {state, context} = PLACES.home;
		expect(handleKey(state, char('z'), context).isHandled).toBe(false);
		expect(handleKey(state, char('n'), context).isHandled).toBe(false);
	});

	it('the footer names the mode first, and is printed from the table in the admin language', () => {
		const devices = PLACES.devices;
		expect(footerHints(devices.state, 'fr', true, true)).toEqual({
			mode: 'Navigation',
			lines: [
				'j/k/↑↓ déplacer · a activer · Suppr désactiver · / filtrer · 1-4 écrans · ? aide · q quitter',
				'h d w m x X temps  Ctrl+T jour…  t T réseau  s matériel  b horloge  v éditeur  c étape  o scénarios  p lecture  r relance  Ctrl+K clé',
			],
		});
		// At 80 columns the demo's row keeps only the hints that fit whole: every path's keys
		// (issue 13); the scenario's c and o are in the simulation bar.
		expect(footerHints(devices.state, 'fr', true, true, 80).lines[1]).toBe(
			'h d w m x X temps  Ctrl+T jour…  t T réseau  s matériel  b horloge  v éditeur',
		);
		expect(footerHints(PLACES.typing.state, 'en', false, true)).toEqual({
			mode: 'Typing: Company',
			lines: ['Tab/Enter next field · Shift+Tab previous · Esc stop typing'],
		});
	});
});
