export {
	focusRanges,
	isInView,
	type Line,
	type PageGeometry,
	type PageMove,
	type PageScroll,
	pageGeometry,
	pageKey,
	pageTop,
	type Range,
} from './geometry.js';
export {PageView} from './view.js';
