import {Text} from 'ink';
import {padTo, textWidth, truncate} from '../../format.js';
import {useTheme} from '../../theme.js';
import {type TextFieldState, visibleWindow} from './reducer.js';

type Props = {
	state: TextFieldState;
	width: number;
	isFocused: boolean;
	/** Shown dimmed while the field is focused and empty. */
	placeholder?: string;
};

/**
 * One row: the value, the cursor when focused. In colour the cursor is an inverse cell and the
 * field is underlined; without colour the cursor is a '▏' so the frame still shows it.
 */
export function TextFieldView({state, width, isFocused, placeholder}: Props) {
	const theme = useTheme();
	// Without colour a placeholder could pass for a value: it is put in parentheses.
	const hintText =
		placeholder === undefined
			? undefined
			: theme.isColor
				? placeholder
				: `(${placeholder})`;
	if (!isFocused) {
		return <Text>{truncate(state.value, width)}</Text>;
	}
	const shown = visibleWindow(state, theme.isColor ? width : width - 1);
	const chars = [...shown.text];
	const before = chars.slice(0, shown.cursor).join('');
	const at = chars[shown.cursor] ?? ' ';
	const after = chars.slice(shown.cursor + 1).join('');
	if (!theme.isColor) {
		const text = `${before}▏${chars.slice(shown.cursor).join('')}`;
		const hint =
			state.value === '' && hintText
				? truncate(hintText, width - textWidth(text))
				: '';
		return (
			<Text>
				{text}
				<Text dimColor>{hint}</Text>
			</Text>
		);
	}
	const used = textWidth(before) + textWidth(at) + textWidth(after);
	const rest =
		state.value === '' && hintText
			? truncate(hintText, Math.max(0, width - used))
			: ' '.repeat(Math.max(0, width - used));
	return (
		<Text underline>
			{before}
			<Text inverse>{at}</Text>
			{after}
			<Text dimColor>{rest}</Text>
		</Text>
	);
}

/**
 * A field's row: the focus mark, its label (bold when focused; cyan while typing, blue while
 * browsing), the field, its cursor only while typing.
 */
export function LabelledField({
	label,
	labelWidth,
	state,
	width,
	isFocused,
	isTyping,
	placeholder,
	colors,
}: {
	label: string;
	labelWidth: number;
	state: TextFieldState;
	/** The field's own width. */
	width: number;
	isFocused: boolean;
	isTyping: boolean;
	placeholder?: string;
	colors: {typing: string | undefined; focused: string | undefined};
}) {
	return (
		<Text>
			<Text
				bold={isFocused}
				color={
					isFocused ? (isTyping ? colors.typing : colors.focused) : undefined
				}
			>
				{isFocused ? '›' : ' '} {padTo(label, labelWidth)}
			</Text>{' '}
			<TextFieldView
				state={state}
				width={width}
				isFocused={isFocused && isTyping}
				{...(placeholder === undefined ? {} : {placeholder})}
			/>
		</Text>
	);
}
