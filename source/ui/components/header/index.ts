export {HeaderView} from './view.js';
