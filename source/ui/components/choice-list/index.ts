export {type Choice, ChoiceList, choiceRows} from './view.js';
