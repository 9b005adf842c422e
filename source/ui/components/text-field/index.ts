export {textFieldAction} from './input.js';
export {
	type TextFieldAction,
	type TextFieldState,
	textField,
	textFieldReducer,
	visibleWindow,
} from './reducer.js';
export {TextFieldView} from './view.js';
