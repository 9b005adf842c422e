/**
 * Manual activation (R5), its own screen reached from Settings > License (issue 12, point 9):
 * the folder the files go to (the admin's data directory by default, never the process's working
 * directory), a menu (ink-select-input) to write the request file, show the request as text to
 * copy, read the response file, or paste the response as text. The request is made once a visit:
 * the file and the text are the same signed document.
 *
 * Its keys, as on every screen: browsing moves between the folder, the menu, the text blocks and
 * the paste field; Enter types into a field; Esc stops typing, then goes back to Settings.
 */
import {readDocumentText} from '../../signing/document-text.js';
import {choiceKey} from '../components/choice-list/index.js';
import {
	type PageGeometry,
	type PageScroll,
	pageKey,
	pageTop,
} from '../components/page/index.js';
import {
	type TextFieldState,
	textField,
	textFieldAction,
	textFieldReducer,
} from '../components/text-field/index.js';
import {endOf, type KeyPress} from '../keypress.js';

export const MANUAL_ITEMS = ['write', 'show', 'read', 'paste'] as const;
export type ManualItem = (typeof MANUAL_ITEMS)[number];

export type ManualFocus =
	| 'folder'
	| 'menu'
	| 'request-text'
	| 'portal-text'
	| 'paste'
	| 'import';

export const REQUEST_FILE = 'activation-request.json';
export const RESPONSE_FILE = 'activation-response.json';

export type ManualState = {
	folder: TextFieldState;
	focus: ManualFocus;
	/** The folder or the paste field has the keys. */
	isTyping: boolean;
	/** The request made on this visit (its file text), once made. */
	request: string | null;
	/** The request shows as a block of text. */
	isRequestShown: boolean;
	/** Demo: the simulated vendor portal's answer to it (its file text), to copy back. */
	portal: string | null;
	paste: TextFieldState;
	isPasteOpen: boolean;
	/** The menu's highlighted item, by index. */
	menu: number;
	page: PageScroll;
};

export function initialManual(folder: string): ManualState {
	return {
		folder: textField(folder),
		focus: 'menu',
		isTyping: false,
		request: null,
		isRequestShown: false,
		portal: null,
		paste: textField(),
		isPasteOpen: false,
		menu: 0,
		page: pageTop,
	};
}

export type ManualCommand =
	| {type: 'manual-write'; folder: string}
	| {type: 'manual-show'}
	| {type: 'manual-read'; folder: string}
	| {type: 'manual-import-text'; text: string};

export type ManualAction =
	/** The screen opens (from Settings > License): a new visit, a new request when one is needed. */
	| {type: 'open'}
	| {type: 'choose'; item: ManualItem}
	| {
			type: 'request-made';
			text: string;
			portal: string | null;
			isShown: boolean;
	  }
	| {type: 'imported'};

export function focusOrder(state: ManualState): ManualFocus[] {
	return [
		'folder',
		'menu',
		...(state.isRequestShown ? (['request-text'] as const) : []),
		...(state.portal !== null && state.isRequestShown
			? (['portal-text'] as const)
			: []),
		...(state.isPasteOpen ? (['paste', 'import'] as const) : []),
	];
}

function focusOn(state: ManualState, focus: ManualFocus): ManualState {
	return {...state, focus, page: {...state.page, follow: true}};
}

export function manualReducer(
	state: ManualState,
	action: ManualAction,
): ManualState {
	switch (action.type) {
		case 'open':
			return {
				...initialManual(state.folder.value),
				folder: state.folder,
			};
		case 'choose':
			return action.item === 'paste'
				? focusOn(
						{...state, isPasteOpen: true, isTyping: true, paste: textField()},
						'paste',
					)
				: state;
		case 'request-made': {
			const next = {
				...state,
				request: action.text,
				portal: action.portal,
				isRequestShown: state.isRequestShown || action.isShown,
			};
			if (!action.isShown) return next;
			// Demo: the portal's answer is what the admin copies next; else the request.
			return focusOn(
				next,
				action.portal !== null ? 'portal-text' : 'request-text',
			);
		}
		case 'imported':
			return {
				...state,
				paste: textField(),
				isPasteOpen: false,
				isTyping: false,
				focus: 'menu',
			};
	}
}

/** What a choice of the menu asks the shell to do. */
export function commandOf(
	state: ManualState,
	item: ManualItem,
): ManualCommand | null {
	switch (item) {
		case 'write':
			return {type: 'manual-write', folder: state.folder.value};
		case 'show':
			return {type: 'manual-show'};
		case 'read':
			return {type: 'manual-read', folder: state.folder.value};
		case 'paste':
			return null;
	}
}

export type ManualResult = {
	state: ManualState;
	commands: ManualCommand[];
	isHandled: boolean;
	/** A block of text to show alone, to copy (Enter on it). */
	open?: 'request' | 'portal';
};

const handled = (
	state: ManualState,
	commands: ManualCommand[] = [],
): ManualResult => ({state, commands, isHandled: true});
const unhandled = (state: ManualState): ManualResult => ({
	state,
	commands: [],
	isHandled: false,
});

function move(state: ManualState, delta: number, wrap: boolean): ManualState {
	const order = focusOrder(state);
	const index = Math.max(0, order.indexOf(state.focus));
	const next = wrap
		? order[(index + delta + order.length) % order.length]!
		: order[Math.min(Math.max(0, index + delta), order.length - 1)]!;
	return focusOn({...state, isTyping: false}, next);
}

const letterOf = (key: KeyPress) =>
	key.name === 'char' && !key.ctrl ? key.text : '';

export function isManualTyping(state: ManualState): boolean {
	return (
		state.isTyping && (state.focus === 'folder' || state.focus === 'paste')
	);
}

export function manualKey(
	state: ManualState,
	key: KeyPress,
	page: PageGeometry | null,
): ManualResult {
	if (isManualTyping(state)) return typingKey(state, key);
	const letter = letterOf(key);
	if (key.name === 'tab' || key.name === 'backtab')
		return handled(move(state, key.name === 'tab' ? 1 : -1, true));
	// The menu: ↑ ↓ j k move, Enter or its digit does the item.
	if (state.focus === 'menu') {
		const choice = choiceKey(key, state.menu, MANUAL_ITEMS.length);
		if (choice?.type === 'move')
			return handled({
				...state,
				menu: Math.min(
					Math.max(0, state.menu + choice.delta),
					MANUAL_ITEMS.length - 1,
				),
			});
		if (choice?.type === 'pick') {
			const item = MANUAL_ITEMS[choice.index]!;
			const command = commandOf(state, item);
			return handled(
				manualReducer({...state, menu: choice.index}, {type: 'choose', item}),
				command ? [command] : [],
			);
		}
		if (/^[1-9]$/.test(letter)) return handled(state);
	}
	if (key.name === 'down' || letter === 'j')
		return handled(move(state, 1, false));
	if (key.name === 'up' || letter === 'k')
		return handled(move(state, -1, false));
	if (key.name === 'pageup' || key.name === 'pagedown') {
		if (!page) return handled(state);
		const moved = pageKey(key, page, focusOrder(state), state.focus);
		if (!moved) return handled(state);
		return handled({
			...(moved.focus === undefined ? state : focusOn(state, moved.focus)),
			page: moved.scroll,
		});
	}
	const end = endOf(key);
	if (end) {
		const order = focusOrder(state);
		const target = end === 'first' ? order[0] : order.at(-1);
		return handled(focusOn(state, target ?? state.focus));
	}
	if (key.name === 'enter') {
		if (state.focus === 'folder' || state.focus === 'paste')
			return handled({...state, isTyping: true});
		if (state.focus === 'import') return importPasted(state);
		if (state.focus === 'request-text')
			return {...handled(state), open: 'request'};
		if (state.focus === 'portal-text')
			return {...handled(state), open: 'portal'};
	}
	return unhandled(state);
}

/** The pasted response goes in when it reads as a whole document; else nothing is sent. */
function importPasted(state: ManualState): ManualResult {
	const read = readDocumentText(state.paste.value);
	return handled(
		{...state, isTyping: false},
		read.ok ? [{type: 'manual-import-text', text: read.text}] : [],
	);
}

function typingKey(state: ManualState, key: KeyPress): ManualResult {
	const isPaste = state.focus === 'paste';
	if (key.name === 'escape') return handled({...state, isTyping: false});
	if (key.name === 'tab' || key.name === 'backtab')
		return handled(move(state, key.name === 'tab' ? 1 : -1, false));
	if (key.name === 'enter') {
		if (!isPaste) return handled(move(state, 1, false));
		// A paste brings its line breaks as Enter: one ends the paste once the response is whole.
		if (readDocumentText(state.paste.value).ok) return importPasted(state);
		return handled({
			...state,
			paste: textFieldReducer(state.paste, {type: 'insert', text: ' '}),
		});
	}
	const action = textFieldAction(key);
	if (!action) return handled(state);
	return isPaste
		? handled({...state, paste: textFieldReducer(state.paste, action)})
		: handled({...state, folder: textFieldReducer(state.folder, action)});
}
