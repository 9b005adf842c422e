export {
	noteText,
	scriptRows,
	simBarHeight,
	stateParts,
	type TimelineCell,
	timelineCells,
} from './rows.js';
export {SimBarView} from './view.js';
