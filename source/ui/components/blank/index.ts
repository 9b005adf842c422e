export {Blank, Decoration} from './view.js';
