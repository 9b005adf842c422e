/** A demo choice (issue 13): its question, then its list, on ink-select-input (choice-list). */
import {Box, Text} from 'ink';
import {ChoiceList} from '../components/choice-list/index.js';
import {wrapText} from '../format.js';
import {toneColor, useTheme} from '../theme.js';

/** Rows the list gets under its question (a blank row between) in `height` rows. */
export function pickerListRows(title: string, width: number, height: number) {
	return Math.max(1, height - wrapText(title, width).length - 1);
}

export function PickerScreen({
	title,
	items,
	choice,
	width,
	height,
}: {
	title: string;
	items: {value: string; label: string}[];
	choice: number;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" height={height} width={width}>
			{wrapText(title, width).map((line) => (
				<Text key={line} bold color={toneColor(theme, 'tamper')}>
					{line}
				</Text>
			))}
			<Text> </Text>
			<ChoiceList
				items={items}
				isFocused
				width={width}
				highlighted={choice}
				limit={pickerListRows(title, width, height)}
			/>
		</Box>
	);
}
