import type {KeyPress} from '../../keypress.js';
import type {ListAction} from './reducer.js';

/** ↑ ↓ one row, PgUp PgDn one window, Home End the ends. */
export function listAction(
	key: KeyPress,
	total: number,
	height: number,
): ListAction | null {
	const page = Math.max(1, height - 1);
	switch (key.name) {
		case 'up':
			return {type: 'move', delta: -1, total, height};
		case 'down':
			return {type: 'move', delta: 1, total, height};
		case 'pageup':
			return {type: 'move', delta: -page, total, height};
		case 'pagedown':
			return {type: 'move', delta: page, total, height};
		case 'home':
			return {type: 'first', total, height};
		case 'end':
			return {type: 'last', total, height};
		default:
			return null;
	}
}
