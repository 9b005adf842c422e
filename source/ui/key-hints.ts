/**
 * The keys as the screens print them, from the keymap (`keymap.ts`): the help's rows, in the
 * table's order, and the footer's hints for where the focus is.
 */
import {type Lang, type MessageId, t} from '../i18n/index.js';
import {isTextFocused, type UiState} from './app-state.js';
import {textWidth} from './format.js';
import {BINDINGS, type BindingId, capsOf} from './keymap.js';

// --- The help -------------------------------------------------------------------------------

export type HelpRow = {keys: string; what: MessageId};

/**
 * The help's rows, in the table's order: one per help line, its keys together. A single letter
 * before a named key gets two spaces (`a  Del`, `q  Ctrl+C`) so it does not read as one name.
 */
export function helpRows(lang: Lang, isDemo: boolean): HelpRow[] {
	const rows: HelpRow[] = [];
	let previous = '';
	for (const [id, binding] of BINDINGS) {
		if ((binding.isDemo ?? false) !== isDemo) continue;
		const caps = capsOf(id, lang);
		const last = rows.at(-1);
		if (last?.what === binding.help) {
			last.keys +=
				(textWidth(previous) === 1 && textWidth(caps) > 1 ? '  ' : ' ') + caps;
		} else {
			rows.push({keys: caps, what: binding.help});
		}
		previous = caps;
	}
	return rows;
}

// --- The footer -----------------------------------------------------------------------------

/**
 * A footer hint: keys of the table and what they do there (a nested list prints as a range,
 * `1-4`), or a word alone.
 */
type Hint =
	| {
			keys: readonly (BindingId | readonly BindingId[])[];
			join?: 'or' | '/' | ' ';
			word: MessageId;
	  }
	| {word: MessageId};

export type FooterPlace =
	| 'help'
	| 'jump'
	| 'typing'
	| 'typing-demo'
	| 'home'
	| 'home-licensed'
	| 'settings'
	| 'settings-left'
	| 'devices'
	| 'events'
	| 'demo';

const SCREEN_KEYS = ['home', 'settings', 'devices', 'events'] as const;
const SCREENS_HINT: Hint = {keys: [SCREEN_KEYS], word: 'ui.key-hint.screens'};
const SCREENS_OR_TAB: Hint = {
	keys: [SCREEN_KEYS, 'next'],
	join: 'or',
	word: 'ui.key-hint.screens',
};
const HELP_AND_QUIT: Hint[] = [
	{keys: ['help'], word: 'ui.key-hint.help'},
	{keys: ['quit'], word: 'ui.key-hint.quit'},
];
const TYPING: Hint[] = [
	{word: 'ui.key-hint.typing'},
	{keys: ['next', 'up-down'], join: '/', word: 'ui.key-hint.next-field'},
];

/** The footer's hints for each place the focus can be, from the table's keys. */
export const FOOTER: Record<FooterPlace, readonly Hint[]> = {
	help: [
		{word: 'ui.key-hint.any-key-closes'},
		{keys: ['quit'], word: 'ui.key-hint.quits'},
	],
	jump: [
		{keys: ['enter'], word: 'ui.key-hint.go'},
		{keys: ['escape'], word: 'ui.key-hint.cancel'},
	],
	typing: [
		...TYPING,
		{keys: ['previous'], word: 'ui.key-hint.previous'},
		{keys: ['escape'], word: 'ui.key-hint.leave-field'},
	],
	'typing-demo': [
		...TYPING,
		{keys: ['ctrl-k'], word: 'ui.key-hint.demo-key'},
		{keys: ['escape'], word: 'ui.key-hint.leave-field'},
	],
	home: [
		{keys: ['enter'], word: 'ui.key-hint.open'},
		SCREENS_OR_TAB,
		...HELP_AND_QUIT,
	],
	'home-licensed': [SCREENS_OR_TAB, ...HELP_AND_QUIT],
	settings: [
		{keys: ['next', 'up-down'], join: '/', word: 'ui.key-hint.move'},
		{keys: ['enter'], word: 'ui.key-hint.press'},
		{keys: ['escape'], word: 'ui.key-hint.leave'},
		SCREENS_HINT,
		...HELP_AND_QUIT,
	],
	'settings-left': [
		{keys: ['next', 'enter'], join: 'or', word: 'ui.key-hint.back-to-form'},
		SCREENS_HINT,
		{keys: ['escape'], word: 'ui.key-hint.back'},
		...HELP_AND_QUIT,
	],
	devices: [
		{keys: ['up-down'], word: 'ui.key-hint.select'},
		{keys: ['device-activate'], word: 'ui.key-hint.activate'},
		{keys: ['device-deactivate'], word: 'ui.key-hint.deactivate'},
		SCREENS_HINT,
		...HELP_AND_QUIT,
	],
	events: [
		{keys: ['up-down', 'pages'], join: ' ', word: 'ui.key-hint.scroll'},
		SCREENS_OR_TAB,
		{keys: ['escape'], word: 'ui.key-hint.back'},
		...HELP_AND_QUIT,
	],
	demo: [
		{
			keys: ['hour', 'day', 'week', 'month', 'next-deadline'],
			join: ' ',
			word: 'ui.key-hint.time',
		},
		{keys: ['jump'], word: 'ui.key-hint.jump'},
		{keys: ['play'], word: 'ui.key-hint.play'},
		{keys: ['network'], word: 'ui.key-hint.network'},
		{keys: ['hardware'], word: 'ui.key-hint.hardware'},
		{keys: ['restart'], word: 'ui.key-hint.restart'},
		{keys: ['step'], word: 'ui.key-hint.step'},
		{keys: ['demo-key'], word: 'ui.key-hint.key'},
	],
};

/** The keys a footer place names (the keymap test presses each one there). */
export function footerKeys(place: FooterPlace): BindingId[] {
	return FOOTER[place].flatMap((hint) =>
		'keys' in hint ? hint.keys.flat() : [],
	);
}

function hintText(hint: Hint, lang: Lang): string {
	const word = t(lang, hint.word);
	if (!('keys' in hint)) return word;
	const caps = hint.keys.map((keys) =>
		typeof keys === 'string'
			? capsOf(keys, lang, 'short')
			: `${capsOf(keys[0]!, lang, 'short')}-${capsOf(keys.at(-1)!, lang, 'short')}`,
	);
	const join =
		hint.join === 'or' ? ` ${t(lang, 'ui.key-hint.or')} ` : (hint.join ?? ' ');
	return `${caps.join(join)} ${word}`;
}

/**
 * One footer row: the place's hints, as many whole ones as fit in `width` (the demo's row
 * drops its last hints on a narrow terminal rather than cutting one in half).
 */
export function footerLine(
	place: FooterPlace,
	lang: Lang,
	width = Number.POSITIVE_INFINITY,
): string {
	const separator = place === 'demo' ? '  ' : ' · ';
	let line = '';
	for (const hint of FOOTER[place]) {
		const text = hintText(hint, lang);
		const next = line === '' ? text : `${line}${separator}${text}`;
		if (line !== '' && textWidth(next) > width) break;
		line = next;
	}
	return line;
}

/** Where the focus is, for the footer's hints. */
export function footerPlace(
	state: UiState,
	isDemo: boolean,
	isUnlicensed: boolean,
): FooterPlace {
	if (state.overlay) return state.overlay.kind;
	if (isTextFocused(state)) return isDemo ? 'typing-demo' : 'typing';
	switch (state.screen) {
		case 'home':
			return isUnlicensed ? 'home' : 'home-licensed';
		case 'settings':
			return state.settings.isEditing ? 'settings' : 'settings-left';
		default:
			return state.screen;
	}
}

/** The footer: the keys for where the focus is, and the demo's keys under them. */
export function footerHints(
	state: UiState,
	lang: Lang,
	isDemo: boolean,
	isUnlicensed: boolean,
	width?: number,
): string[] {
	const main = footerLine(
		footerPlace(state, isDemo, isUnlicensed),
		lang,
		width,
	);
	return isDemo ? [main, footerLine('demo', lang, width)] : [main];
}
