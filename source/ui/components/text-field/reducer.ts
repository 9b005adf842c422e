/**
 * A one-line text input: the value and where the cursor is, in code points (so 'é' or '•' is one
 * step). Pure; the view shows a window of it, the input map turns keys into actions.
 */
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
 */
export function visibleWindow(
	state: TextFieldState,
	width: number,
): {text: string; cursor: number} {
	const chars = [...state.value];
	const cursor = Math.min(Math.max(0, state.cursor), chars.length);
	const room = Math.max(1, width - 1);
	if (chars.length < width) {
		return {text: state.value, cursor};
	}
	const start = Math.max(0, Math.min(cursor - room + 1, chars.length - room));
	const from = Math.min(start, cursor);
	return {text: chars.slice(from, from + room).join(''), cursor: cursor - from};
}
