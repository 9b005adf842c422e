import type {KeyPress} from '../../keypress.js';
import type {CountryPickerAction, CountryPickerState} from './reducer.js';

/** While the list is open, ↑ ↓ PgUp PgDn move the highlight; other keys belong to the field. */
export function countryPickerAction(
	key: KeyPress,
	state: CountryPickerState,
	count: number,
): CountryPickerAction | null {
	if (!state.isOpen) {
		return null;
	}
	switch (key.name) {
		case 'up':
			return {type: 'move', delta: -1, count};
		case 'down':
			return {type: 'move', delta: 1, count};
		case 'pageup':
			return {type: 'move', delta: -5, count};
		case 'pagedown':
			return {type: 'move', delta: 5, count};
		default:
			return null;
	}
}
