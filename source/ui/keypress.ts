/**
 * One shape for every key the dashboard handles. Ink hands over `(input, key)`; a paste (or
 * tmux's send-keys) may bring several characters and an Enter in one chunk, which is split
 * here into text and Enter presses so the reducers only ever see one key at a time.
 */
import type {Key} from 'ink';

export type KeyName =
	| 'char'
	| 'enter'
	| 'escape'
	| 'tab'
	| 'backtab'
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pageup'
	| 'pagedown'
	| 'home'
	| 'end'
	| 'backspace'
	| 'other';

export type KeyPress = {name: KeyName; text: string; ctrl: boolean};

export const press = (name: KeyName, text = '', ctrl = false): KeyPress => ({
	name,
	text,
	ctrl,
});
export const char = (text: string): KeyPress => press('char', text);
export const ctrl = (letter: string): KeyPress => press('char', letter, true);

/** The key a control character stands for, in a chunk of several characters. */
function controlKey(code: number): KeyPress | null {
	switch (code) {
		case 0x0d:
		case 0x0a:
			return press('enter');
		case 0x09:
			return press('tab');
		case 0x08:
		case 0x7f:
			return press('backspace');
		default:
			// Ctrl+A .. Ctrl+Z
			return code >= 0x01 && code <= 0x1a
				? press('char', String.fromCharCode(code + 0x60), true)
				: null;
	}
}

export function toKeyPresses(input: string, key: Key): KeyPress[] {
	if (key.upArrow) return [press('up')];
	if (key.downArrow) return [press('down')];
	if (key.leftArrow) return [press('left')];
	if (key.rightArrow) return [press('right')];
	if (key.pageUp) return [press('pageup')];
	if (key.pageDown) return [press('pagedown')];
	if (key.home) return [press('home')];
	if (key.end) return [press('end')];
	if (key.return) return [press('enter')];
	if (key.escape) return [press('escape')];
	if (key.tab) return [press(key.shift ? 'backtab' : 'tab')];
	// Ink reports the Backspace key (DEL, 0x7f) as `delete`: both erase before the cursor.
	if (key.backspace || key.delete) return [press('backspace')];
	if (key.ctrl && input.length === 1)
		return [press('char', input.toLowerCase(), true)];
	// Esc then a key, typed fast or sent in one chunk (tmux), reads as Alt+key: the dashboard has
	// no Alt bindings, so it is taken as the two keys it was.
	if (key.meta && [...input].length === 1 && !/\p{Cc}/u.test(input))
		return [press('escape'), press('char', input)];
	if (key.meta || input === '') return [press('other')];
	// Several keys in one chunk (a paste, tmux send-keys "text" Tab ...): text runs, and each
	// control character as the key it is, in order.
	const presses: KeyPress[] = [];
	let text = '';
	for (const symbol of input) {
		const code = symbol.codePointAt(0) ?? 0;
		const control = code < 0x20 || code === 0x7f ? controlKey(code) : null;
		if (code < 0x20 || code === 0x7f) {
			if (text) presses.push(press('char', text));
			text = '';
			if (control) presses.push(control);
			continue;
		}
		text += symbol;
	}
	if (text) presses.push(press('char', text));
	return presses;
}

/** g and Home go to the first, G and End to the last: in every list and form. */
export function endOf(key: KeyPress): 'first' | 'last' | null {
	const letter = key.name === 'char' && !key.ctrl ? key.text : '';
	if (letter === 'g' || key.name === 'home') return 'first';
	if (letter === 'G' || key.name === 'end') return 'last';
	return null;
}
