/**
 * One table of keys (STYLE 12): the help and the footer print keys of ui/keymap.ts, and the key
 * handler answers them from it. Here every key a footer shows is pressed where that footer shows,
 * and every key of the help somewhere: a hint for a key the handler does not have fails.
 */
import {describe, expect, it} from 'vitest';
import {mintKey} from '../../source/engine/keys.js';
import {
	handleKey,
	initialUi,
	type UiContext,
	type UiState,
} from '../../source/ui/app-state.js';
import {
	FOOTER,
	type FooterPlace,
	footerHints,
	footerKeys,
	footerPlace,
	helpRows,
} from '../../source/ui/key-hints.js';
import {BINDINGS, type BindingId, KEYMAP} from '../../source/ui/keymap.js';
import {char, type KeyPress, press} from '../../source/ui/keypress.js';

const DEMO_KEY = mintKey('installation', (size) =>
	new Uint8Array(size).fill(7),
);

const DEMO: UiContext = {
	lang: 'en',
	isDemo: true,
	isUnlicensed: true,
	hasCustomer: false,
	licenseCount: 3,
	deviceIds: ['device-1', 'device-2', 'device-3'],
	eventCount: 30,
	tableHeight: 5,
	listHeight: 5,
	demoKeys: [DEMO_KEY],
};
const REAL: UiContext = {...DEMO, isDemo: false, demoKeys: []};
const LICENSED: UiContext = {...DEMO, isUnlicensed: false};

function after(context: UiContext, ...presses: KeyPress[]): UiState {
	let state = initialUi(null, 'en');
	for (const key of presses) state = handleKey(state, key, context).state;
	return state;
}

const TAB = press('tab');
const DOWN = press('down');
/** Settings > License with the focus on Save (past the six fields and the key field). */
const ON_SAVE = [char('2'), ...Array.from({length: 7}, () => TAB)];

/** A state and its context for every place a footer is shown. */
const PLACES: Record<FooterPlace, {state: UiState; context: UiContext}> = {
	help: {state: after(DEMO, char('?')), context: DEMO},
	jump: {state: after(DEMO, char('j'), char('2')), context: DEMO},
	typing: {state: after(REAL, char('2')), context: REAL},
	'typing-demo': {state: after(DEMO, char('2')), context: DEMO},
	home: {state: after(DEMO), context: DEMO},
	'home-licensed': {state: after(LICENSED), context: LICENSED},
	settings: {state: after(DEMO, ...ON_SAVE), context: DEMO},
	'settings-left': {
		state: after(DEMO, ...ON_SAVE, press('escape')),
		context: DEMO,
	},
	// The middle of each list, so that every move has somewhere to go.
	devices: {state: after(DEMO, char('3'), DOWN), context: DEMO},
	events: {
		state: after(DEMO, char('3'), char('4'), ...Array(10).fill(DOWN)),
		context: DEMO,
	},
	demo: {state: after(DEMO), context: DEMO},
};

function isAnswered(id: BindingId, place: FooterPlace): boolean[] {
	const {state, context} = PLACES[place];
	return KEYMAP[id].presses.map(
		(key) => handleKey(state, key, context).isHandled,
	);
}

describe('the keymap drives the help and the footer', () => {
	it('each sample is the place its footer is for', () => {
		for (const [place, {state, context}] of Object.entries(PLACES)) {
			if (place === 'demo') continue;
			expect(footerPlace(state, context.isDemo, context.isUnlicensed)).toBe(
				place,
			);
		}
	});

	for (const place of Object.keys(FOOTER) as FooterPlace[]) {
		it(`every key the ${place} footer shows is answered there`, () => {
			for (const id of footerKeys(place)) {
				expect({id, answered: isAnswered(id, place)}).toEqual({
					id,
					answered: KEYMAP[id].presses.map(() => true),
				});
			}
		});
	}

	it('every key of the help is answered somewhere', () => {
		const places = Object.keys(PLACES) as FooterPlace[];
		for (const [id, binding] of BINDINGS) {
			binding.presses.forEach((_key, index) => {
				const where = places.filter((place) => isAnswered(id, place)[index]);
				expect({id, index, where: where.length > 0}).toEqual({
					id,
					index,
					where: true,
				});
			});
		}
	});

	it('the help lists every key of the table, once, in its order', () => {
		const listed = [...helpRows('en', false), ...helpRows('en', true)]
			.map((row) => row.keys)
			.join(' ')
			.split(/\s+/);
		const caps = ['1', '2', '3', '4', 'Tab', '⇧Tab', '↑', '↓', '←', '→'];
		expect(listed.slice(0, caps.length)).toEqual(caps);
		expect(listed).toContain('Ctrl+C');
		expect(listed).toContain('Ctrl+K');
		expect(helpRows('fr', false).map((row) => row.keys)).toContain('a  Suppr');
	});

	it('a key outside the table is not answered, so the checks above can fail', () => {
		const {state, context} = PLACES.home;
		expect(handleKey(state, char('z'), context).isHandled).toBe(false);
		expect(handleKey(state, press('pagedown'), context).isHandled).toBe(false);
	});

	it('the footer is printed from the table, in the admin language', () => {
		const devices = PLACES.devices;
		expect(footerHints(devices.state, 'fr', true, true)).toEqual([
			'↑↓ choisir · a activer · Suppr désactiver · 1-4 écrans · ? aide · q quitter',
			'h d w m x temps  j jour  p lecture  t réseau  s matériel  r relance  n étape  k clé',
		]);
		// At 80 columns the demo's row keeps only the hints that fit whole.
		expect(footerHints(devices.state, 'fr', true, true, 80)[1]).toBe(
			'h d w m x temps  j jour  p lecture  t réseau  s matériel  r relance  n étape',
		);
		expect(footerHints(PLACES.typing.state, 'en', false, true)).toEqual([
			'Typing · Tab/↑↓ next field · Shift+Tab previous · Esc leave the field',
		]);
	});
});
