export {type ButtonSpec, buttonRows, buttonText} from './layout.js';
export {ButtonRowView} from './view.js';
