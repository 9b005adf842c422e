export {
	type FilterAction,
	type FilterState,
	filterReducer,
	isFiltering,
	matchingRows,
	noFilter,
} from './reducer.js';
export {FilterLine} from './view.js';
