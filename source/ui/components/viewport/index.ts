export {focusRange, type Line, Viewport} from './view.js';
