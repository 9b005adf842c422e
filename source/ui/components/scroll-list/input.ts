import type {KeyPress} from '../../keypress.js';
import type {ListAction} from './reducer.js';

const letter = (key: KeyPress) =>
	key.name === 'char' && !key.ctrl ? key.text : '';

/** ↑ ↓ or j k one row, PgUp PgDn one window, g G (Home End) the ends: in every list. */
export function listAction(
	key: KeyPress,
	total: number,
	height: number,
): ListAction | null {
	const page = Math.max(1, height - 1);
	const text = letter(key);
	if (key.name === 'up' || text === 'k')
		return {type: 'move', delta: -1, total, height};
	if (key.name === 'down' || text === 'j')
		return {type: 'move', delta: 1, total, height};
	if (key.name === 'pageup') return {type: 'move', delta: -page, total, height};
	if (key.name === 'pagedown')
		return {type: 'move', delta: page, total, height};
	if (key.name === 'home' || text === 'g')
		return {type: 'first', total, height};
	if (key.name === 'end' || text === 'G') return {type: 'last', total, height};
	return null;
}
