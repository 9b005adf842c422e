export {
	type CountryPickerAction,
	type CountryPickerState,
	closedPicker,
	countryMatches,
	countryPickerReducer,
	highlightedMatch,
	pickedName,
} from './reducer.js';
export {COUNTRY_ROWS, CountryList, countryListRows} from './view.js';
