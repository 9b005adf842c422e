import type {KeyPress} from '../../keypress.js';
import type {TextFieldAction} from './reducer.js';

/**
 * The editing keys of a text field: printable text, Backspace, arrows, Home/End, and the
 * readline habits Ctrl+A/E (start/end), Ctrl+U (clear), Ctrl+W (erase a word), Ctrl+D (delete).
 * Null for keys the field does not use (Tab, Enter, Esc: the form decides).
 */
export function textFieldAction(key: KeyPress): TextFieldAction | null {
	if (key.name === 'char' && key.ctrl) {
		switch (key.text) {
			case 'a':
				return {type: 'home'};
			case 'e':
				return {type: 'end'};
			case 'u':
				return {type: 'clear'};
			case 'w':
				return {type: 'delete-word'};
			case 'd':
				return {type: 'delete'};
			default:
				return null;
		}
	}
	switch (key.name) {
		case 'char':
			return {type: 'insert', text: key.text};
		case 'backspace':
			return {type: 'backspace'};
		case 'left':
			return {type: 'left'};
		case 'right':
			return {type: 'right'};
		case 'home':
			return {type: 'home'};
		case 'end':
			return {type: 'end'};
		default:
			return null;
	}
}
