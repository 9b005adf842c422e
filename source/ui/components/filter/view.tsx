import {Text} from 'ink';
import {type Lang, t} from '../../../i18n/index.js';
import {textWidth, truncate} from '../../format.js';
import {TextFieldView} from '../text-field/index.js';
import {type FilterState, isFiltering} from './reducer.js';

/**
 * The filter's row above a list: the prompt while typing (`/ contact▏`), then what it keeps
 * (`/ contact: 3 of 120 · n N · Esc clears`).
 */
export function FilterLine({
	state,
	width,
	lang,
	count,
	total,
}: {
	state: FilterState;
	width: number;
	lang: Lang;
	/** Rows the filter keeps, of how many. */
	count: number;
	total: number;
}) {
	if (!isFiltering(state)) return null;
	// "3 of 120 · n N next/previous · Esc clears", in the admin's language.
	const summary = t(lang, 'ui.filter.summary', {count, total});
	const prompt = '/ ';
	if (state.isTyping) {
		const room = Math.max(4, Math.min(40, width - textWidth(prompt) - 1));
		return (
			<Text>
				<Text bold>{prompt}</Text>
				<TextFieldView state={state.text} width={room} isFocused />
				<Text dimColor>
					{truncate(` ${summary}`, Math.max(0, width - room - 2))}
				</Text>
			</Text>
		);
	}
	return (
		<Text>
			<Text bold>{truncate(`${prompt}${state.text.value}`, width)}</Text>
			<Text dimColor>
				{truncate(
					` ${summary}`,
					Math.max(0, width - textWidth(prompt + state.text.value)),
				)}
			</Text>
		</Text>
	);
}
