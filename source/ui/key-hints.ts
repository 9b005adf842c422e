/**
 * The keys as the screens print them, from the keymap (`keymap.ts`): the help's rows for the
 * place the focus is in (exactly the keys that work there: issue 12, point 8), and the footer's
 * mode and hints.
 */
import {type Lang, type MessageId, t} from '../i18n/index.js';
import {placeOf, typingField, type UiState} from './app-state.js';
import {textWidth} from './format.js';
import {
	BINDINGS,
	type BindingId,
	capsOf,
	isBrowsing,
	type Place,
	worksAt,
} from './keymap.js';
import {BUTTON_IDS} from './screens/settings-license-state.js';

// --- The help -------------------------------------------------------------------------------

export type HelpRow = {keys: string; what: MessageId};

/**
 * The help's rows for `place`, in the table's order: one per help line, its keys together, only
 * the keys that work there. A single letter before a named key gets two spaces (`a  Del`,
 * `q  Ctrl+C`) so it does not read as one name.
 */
export function helpRows(
	lang: Lang,
	place: Place,
	isDemo: boolean,
	demoColumn: boolean,
): HelpRow[] {
	const rows: HelpRow[] = [];
	let previous = '';
	for (const [id, binding] of BINDINGS) {
		if ((binding.isDemo ?? false) !== demoColumn) continue;
		if (!worksAt(binding, place, isDemo)) continue;
		const caps = capsOf(id, lang);
		const last = rows.find((row) => row.what === binding.help);
		if (last) {
			if (last.keys.split(/\s+/).includes(caps)) continue;
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

/** Where the focus is, finer than a place where the footer says more (a field, a button). */
export type FooterPlace =
	| 'help'
	| 'message'
	| 'text'
	| 'time'
	| 'confirm'
	| 'picker'
	| 'prompt'
	| 'typing'
	| 'typing-filter'
	| 'typing-paste'
	| 'menu'
	| 'country-list'
	| 'home'
	| 'home-licensed'
	| 'settings-field'
	| 'settings-button'
	| 'table'
	| 'table-filtered'
	| 'manual'
	| 'devices'
	| 'devices-filtered'
	| 'events'
	| 'events-filtered'
	| 'demo'
	| 'demo-typing';

const SCREEN_KEYS = ['home', 'settings', 'devices', 'events'] as const;
const TIME_KEYS = [
	'hour',
	'day',
	'week',
	'month',
	'next-change',
	'previous-change',
] as const;
const SCREENS: Hint = {keys: [SCREEN_KEYS], word: 'ui.key-hint.screens'};
const SCREENS_OR_TAB: Hint = {
	keys: [SCREEN_KEYS, 'next'],
	join: 'or',
	word: 'ui.key-hint.screens',
};
const HELP_AND_QUIT: Hint[] = [
	{keys: ['help'], word: 'ui.key-hint.help'},
	{keys: ['quit'], word: 'ui.key-hint.quit'},
];
const BACK: Hint = {keys: ['escape'], word: 'ui.key-hint.back'};
const MOVE: Hint = {
	keys: ['j-k', 'up-down'],
	join: '/',
	word: 'ui.key-hint.move',
};
const SCROLL: Hint = {keys: ['pages'], word: 'ui.key-hint.scroll'};
const FILTER: Hint = {keys: ['filter'], word: 'ui.key-hint.filter'};
const MATCHES: Hint = {
	keys: ['next-match', 'previous-match'],
	join: ' ',
	word: 'ui.key-hint.matches',
};
const CLEAR_FILTER: Hint = {keys: ['escape'], word: 'ui.key-hint.clear-filter'};

/** The footer's hints for each place the focus can be, from the table's keys. */
export const FOOTER: Record<FooterPlace, readonly Hint[]> = {
	help: [
		SCROLL,
		{word: 'ui.key-hint.any-key-closes'},
		{keys: ['quit'], word: 'ui.key-hint.quits'},
	],
	message: [SCROLL, {word: 'ui.key-hint.any-key-closes-message'}],
	text: [{word: 'ui.key-hint.copy-then-close'}, SCROLL],
	time: [
		{keys: ['time-day'], word: 'ui.key-hint.day-number'},
		{keys: ['enter'], word: 'ui.key-hint.go'},
		{keys: TIME_KEYS, join: ' ', word: 'ui.key-hint.time'},
		{keys: ['escape'], word: 'ui.key-hint.cancel'},
	],
	picker: [
		{keys: ['j-k', 'up-down'], join: '/', word: 'ui.key-hint.choose'},
		{keys: ['enter'], word: 'ui.key-hint.pick'},
		{keys: ['escape'], word: 'ui.key-hint.cancel'},
	],
	prompt: [
		{keys: ['enter'], word: 'ui.key-hint.apply'},
		{keys: ['escape'], word: 'ui.key-hint.cancel'},
	],
	confirm: [
		{keys: ['yes'], word: 'ui.key-hint.yes'},
		{keys: ['no', 'escape'], join: 'or', word: 'ui.key-hint.no'},
		{keys: ['up-down', 'enter'], join: ' ', word: 'ui.key-hint.choose'},
	],
	typing: [
		{keys: ['next', 'enter-typing'], join: '/', word: 'ui.key-hint.next-field'},
		{keys: ['previous'], word: 'ui.key-hint.previous'},
		{keys: ['escape'], word: 'ui.key-hint.stop-typing'},
	],
	'typing-filter': [
		{keys: ['enter-typing'], word: 'ui.key-hint.keep-filter'},
		CLEAR_FILTER,
	],
	'typing-paste': [
		{keys: ['enter-typing'], word: 'ui.key-hint.import-when-whole'},
		{keys: ['next'], word: 'ui.key-hint.next'},
		{keys: ['escape'], word: 'ui.key-hint.stop-typing'},
	],
	menu: [
		{keys: ['j-k', 'up-down'], join: '/', word: 'ui.key-hint.choose'},
		{keys: ['enter'], word: 'ui.key-hint.do'},
		{keys: ['next'], word: 'ui.key-hint.next'},
		BACK,
		...HELP_AND_QUIT,
	],
	'country-list': [
		{keys: ['j-k', 'up-down'], join: '/', word: 'ui.key-hint.choose'},
		{keys: ['enter'], word: 'ui.key-hint.pick'},
		{keys: ['escape'], word: 'ui.key-hint.back-to-typing'},
	],
	home: [
		{keys: ['enter'], word: 'ui.key-hint.open'},
		SCROLL,
		SCREENS_OR_TAB,
		...HELP_AND_QUIT,
	],
	'home-licensed': [
		{keys: ['enter'], word: 'ui.key-hint.details'},
		SCROLL,
		SCREENS_OR_TAB,
		...HELP_AND_QUIT,
	],
	'settings-field': [
		{keys: ['enter'], word: 'ui.key-hint.type'},
		MOVE,
		SCROLL,
		BACK,
		SCREENS,
		...HELP_AND_QUIT,
	],
	'settings-button': [
		{keys: ['enter'], word: 'ui.key-hint.press'},
		MOVE,
		SCROLL,
		BACK,
		SCREENS,
		...HELP_AND_QUIT,
	],
	table: [
		MOVE,
		FILTER,
		{keys: ['full-keys'], word: 'ui.key-hint.full-keys'},
		BACK,
		SCREENS,
		...HELP_AND_QUIT,
	],
	'table-filtered': [
		MATCHES,
		FILTER,
		{keys: ['full-keys'], word: 'ui.key-hint.full-keys'},
		CLEAR_FILTER,
		SCREENS,
		...HELP_AND_QUIT,
	],
	manual: [
		{keys: ['enter'], word: 'ui.key-hint.type-press'},
		{keys: ['next', 'j-k'], join: '/', word: 'ui.key-hint.move'},
		SCROLL,
		BACK,
		...HELP_AND_QUIT,
	],
	devices: [
		MOVE,
		{keys: ['device-activate'], word: 'ui.key-hint.activate'},
		{keys: ['device-deactivate'], word: 'ui.key-hint.deactivate'},
		FILTER,
		SCREENS,
		...HELP_AND_QUIT,
	],
	'devices-filtered': [
		MATCHES,
		{keys: ['device-activate'], word: 'ui.key-hint.activate'},
		{keys: ['device-deactivate'], word: 'ui.key-hint.deactivate'},
		CLEAR_FILTER,
		SCREENS,
		...HELP_AND_QUIT,
	],
	events: [MOVE, SCROLL, FILTER, SCREENS_OR_TAB, ...HELP_AND_QUIT],
	'events-filtered': [MATCHES, FILTER, CLEAR_FILTER, SCREENS, ...HELP_AND_QUIT],
	// Issue 13: the keys of every path first (at 80 columns the row keeps those that fit; the
	// scenario's `c` and `o` are named in the simulation bar, everything in `?`).
	demo: [
		{keys: TIME_KEYS, join: ' ', word: 'ui.key-hint.time'},
		{keys: ['time'], word: 'ui.key-hint.jump'},
		{
			keys: ['network', 'network-state'],
			join: ' ',
			word: 'ui.key-hint.network',
		},
		{keys: ['hardware'], word: 'ui.key-hint.hardware'},
		{keys: ['clock'], word: 'ui.key-hint.clock'},
		{keys: ['vendor'], word: 'ui.key-hint.vendor'},
		{keys: ['step'], word: 'ui.key-hint.step'},
		{keys: ['scenarios'], word: 'ui.key-hint.scenarios'},
		{keys: ['play'], word: 'ui.key-hint.play'},
		{keys: ['restart'], word: 'ui.key-hint.restart'},
		{keys: ['demo-key'], word: 'ui.key-hint.key'},
	],
	// While typing, only keys no text holds: time moves and keys paste without leaving the field.
	'demo-typing': [
		{keys: ['time'], word: 'ui.key-hint.time-anywhere'},
		{keys: ['demo-key'], word: 'ui.key-hint.demo-key'},
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
 * One footer row: the place's hints, as many whole ones as fit in `width` (a narrow terminal
 * drops the last hints rather than cutting one in half; `?` lists them all).
 */
export function footerLine(
	place: FooterPlace,
	lang: Lang,
	width = Number.POSITIVE_INFINITY,
): string {
	const separator = place.startsWith('demo') ? '  ' : ' · ';
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
	isUnlicensed: boolean,
): Exclude<FooterPlace, 'demo' | 'demo-typing'> {
	const place = placeOf(state);
	switch (place) {
		case 'typing': {
			const field = typingField(state);
			return field === 'filter'
				? 'typing-filter'
				: field === 'paste'
					? 'typing-paste'
					: 'typing';
		}
		case 'menu':
			return state.screen === 'settings' ? 'country-list' : 'menu';
		case 'home':
			return isUnlicensed ? 'home' : 'home-licensed';
		case 'settings':
			return BUTTON_IDS.has(state.settings.focus)
				? 'settings-button'
				: 'settings-field';
		case 'table':
			return state.settings.tableFilter.text.value.trim()
				? 'table-filtered'
				: 'table';
		case 'devices':
		case 'events':
			return state[place].filter.text.value.trim()
				? `${place}-filtered`
				: place;
		default:
			return place;
	}
}

/** The mode the footer names first: browsing, or typing into which field. */
export type FooterMode = {kind: 'browse'} | {kind: 'typing'; field: string};

export function footerMode(state: UiState, lang: Lang): FooterMode {
	const place = placeOf(state);
	if (place === 'typing') {
		const field = typingField(state) ?? '';
		return {kind: 'typing', field: fieldName(field, lang)};
	}
	if (place === 'time') return {kind: 'typing', field: t(lang, 'ui.mode.day')};
	if (state.overlay?.kind === 'prompt')
		return {
			kind: 'typing',
			field: t(
				lang,
				state.overlay.prompt.id === 'clock'
					? 'ui.demo.mode.clock'
					: 'ui.demo.mode.days',
			),
		};
	return {kind: 'browse'};
}

const FIELD_NAMES: Record<string, MessageId> = {
	company: 'field.company',
	person: 'field.person',
	address: 'field.address',
	country: 'field.country',
	email: 'field.email',
	phone: 'field.phone',
	keys: 'ui.keys',
	filter: 'ui.mode.filter',
	folder: 'ui.manual.folder',
	paste: 'ui.manual.response',
};

function fieldName(field: string, lang: Lang): string {
	const id = FIELD_NAMES[field];
	return id ? t(lang, id) : field;
}

/** The mode as the footer prints it: `Browse` or `Typing · Company`. */
export function modeText(mode: FooterMode, lang: Lang): string {
	return mode.kind === 'browse'
		? t(lang, 'ui.mode.browse')
		: t(lang, 'ui.mode.typing', {field: mode.field});
}

/** The footer: the mode, the keys for where the focus is, and the demo's keys under them. */
export function footerHints(
	state: UiState,
	lang: Lang,
	isDemo: boolean,
	isUnlicensed: boolean,
	width?: number,
): {mode: string; lines: string[]} {
	const mode = modeText(footerMode(state, lang), lang);
	const room =
		width === undefined ? undefined : Math.max(10, width - textWidth(mode) - 3);
	const main = footerLine(footerPlace(state, isUnlicensed), lang, room);
	const place = placeOf(state);
	if (!isDemo || place === 'help' || place === 'message' || place === 'text')
		return {mode, lines: [main]};
	const demo = isBrowsing(place) || place === 'menu' ? 'demo' : 'demo-typing';
	return {mode, lines: [main, footerLine(demo, lang, width)]};
}
