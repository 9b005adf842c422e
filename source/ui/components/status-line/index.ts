export {StatusLineView, statusLines} from './view.js';
