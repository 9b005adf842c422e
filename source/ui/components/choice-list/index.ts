export {
	type Choice,
	type ChoiceKey,
	ChoiceList,
	choiceKey,
	choiceRows,
	nthShown,
} from './view.js';
