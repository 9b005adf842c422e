/**
 * A one-line text input: the value and where the cursor is, in code points (so 'é' or '•' is one
 * step). Pure; the view shows a window of it, the input map turns keys into actions.
 *
 * Ours rather than ink-text-input 6.0 (issue 12, point 11), which cannot do what the fields need,
 * measured with ink-testing-library: it keeps its cursor to itself (no way to read or set it), so
 * no wrapper can show the window of a long value around the cursor, nor draw the cursor under
 * NO_COLOR, where its `chalk.inverse` cursor vanishes (the frame is "abc" with the cursor at the
 * end and after two ←); a 90-character value in a 40-column box wraps onto 3 rows; → past the
 * end then "xy" gives "abcyx", ← past the start then "x" gives "abxc"; Ctrl+K inserts "k",
 * Ctrl+U "u" (our Ctrl+K pastes a demo key, Ctrl+U clears); Home and End do nothing.
 */
import {textWidth} from '../../format.js';

export type TextFieldState = {value: string; cursor: number};

export type TextFieldAction =
	| {type: 'insert'; text: string}
	| {type: 'backspace'}
	| {type: 'delete'}
	| {type: 'delete-word'}
	| {type: 'clear'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'set'; value: string};

export function textField(value = ''): TextFieldState {
	return {value, cursor: [...value].length};
}

export function textFieldReducer(
	state: TextFieldState,
	action: TextFieldAction,
): TextFieldState {
	const chars = [...state.value];
	const cursor = Math.min(Math.max(0, state.cursor), chars.length);
	switch (action.type) {
		case 'insert': {
			// One line: a pasted line break becomes a space (a list of keys stays a list).
			const text = [...action.text.replace(/[\r\n]+/g, ' ')];
			if (text.length === 0) return state;
			return {
				value: [
					...chars.slice(0, cursor),
					...text,
					...chars.slice(cursor),
				].join(''),
				cursor: cursor + text.length,
			};
		}
		case 'backspace':
			if (cursor === 0) return state;
			return {
				value: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)].join(''),
				cursor: cursor - 1,
			};
		case 'delete':
			if (cursor >= chars.length) return state;
			return {
				value: [...chars.slice(0, cursor), ...chars.slice(cursor + 1)].join(''),
				cursor,
			};
		case 'delete-word': {
			let start = cursor;
			while (start > 0 && chars[start - 1] === ' ') start -= 1;
			while (start > 0 && chars[start - 1] !== ' ') start -= 1;
			return {
				value: [...chars.slice(0, start), ...chars.slice(cursor)].join(''),
				cursor: start,
			};
		}
		case 'clear':
			return {value: '', cursor: 0};
		case 'left':
			return {...state, cursor: Math.max(0, cursor - 1)};
		case 'right':
			return {...state, cursor: Math.min(chars.length, cursor + 1)};
		case 'home':
			return {...state, cursor: 0};
		case 'end':
			return {...state, cursor: chars.length};
		case 'set':
			return textField(action.value);
	}
}

/**
 * The part of the value that fits in `width` columns, keeping the cursor in view; `cursor` is
 * its position inside the returned text (it may equal the text's length: after the last char).
 * A wide character ('株') takes two columns.
 */
export function visibleWindow(
	state: TextFieldState,
	width: number,
): {text: string; cursor: number} {
	const chars = [...state.value];
	const cursor = Math.min(Math.max(0, state.cursor), chars.length);
	const room = Math.max(1, width - 1);
	if (textWidth(state.value) < width) {
		return {text: state.value, cursor};
	}
	const widths = chars.map(textWidth);
	const columns = (from: number, to: number) =>
		widths.slice(from, to).reduce((sum, each) => sum + each, 0);
	// The first start that shows the cursor's cell, and the first that shows the end.
	let atCursor = 0;
	while (
		atCursor < cursor &&
		columns(atCursor, cursor) + (widths[cursor] ?? 1) > room
	)
		atCursor += 1;
	let atEnd = 0;
	while (atEnd < chars.length && columns(atEnd, chars.length) > room)
		atEnd += 1;
	const from = Math.min(atCursor, atEnd, cursor);
	let to = from;
	while (to < chars.length && columns(from, to + 1) <= room) to += 1;
	return {text: chars.slice(from, to).join(''), cursor: cursor - from};
}
