/** A question before a destructive key acts (issue 12, point 8): No (the default) or Yes. */
import {Box, Text} from 'ink';
import {type Lang, t} from '../../i18n/index.js';
import type {Question} from '../app-state.js';
import {Blank} from '../components/blank/index.js';
import {ChoiceList} from '../components/choice-list/index.js';
import {wrapText} from '../format.js';
import {toneColor, useTheme} from '../theme.js';

export function ConfirmScreen({
	question,
	choice,
	lang,
	width,
	height,
}: {
	question: Question;
	/** The highlighted answer: 0 No, 1 Yes. */
	choice: number;
	lang: Lang;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" height={height} width={width}>
			{wrapText(t(lang, question.id, question.params), width).map((line) => (
				<Text key={line} bold color={toneColor(theme, 'warn')}>
					{line}
				</Text>
			))}
			<Blank />
			<ChoiceList
				items={[
					{value: 'no', label: t(lang, 'ui.confirm.no')},
					{value: 'yes', label: t(lang, question.yes, question.params)},
				]}
				isFocused
				width={width}
				highlighted={choice}
			/>
		</Box>
	);
}
