export {countryPickerAction} from './input.js';
export {
	type CountryPickerAction,
	type CountryPickerState,
	closedPicker,
	countryMatches,
	countryPickerReducer,
	pickedName,
} from './reducer.js';
export {countryListLines} from './view.js';
