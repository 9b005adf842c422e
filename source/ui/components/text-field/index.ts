export {textFieldAction} from './input.js';
export {
	type TextFieldAction,
	type TextFieldState,
	textField,
	textFieldReducer,
	visibleWindow,
} from './reducer.js';
export {LabelledField, TextFieldView} from './view.js';
