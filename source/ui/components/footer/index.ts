export {FooterView} from './view.js';
