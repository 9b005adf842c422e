export {listAction} from './input.js';
export {
	emptyList,
	type ListAction,
	type ListState,
	listReducer,
	scrollToShow,
	visibleItems,
	visibleRange,
} from './reducer.js';
export {ScrollList} from './view.js';
