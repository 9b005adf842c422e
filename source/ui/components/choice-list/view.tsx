/**
 * Choice lists (the country list, the manual activation menu, a confirmation) on ink-select-input
 * (issue 12, point 11), wrapped as the screens need: rows cut to the list's width so a long name
 * never wraps the page, the highlighted row inverse in colour and marked `›` without (NO_COLOR
 * keeps it visible), and keys that belong to the list only while it has the focus.
 *
 * ink-select-input reads ↑ ↓, j k, Enter and 1-9 itself (the keymap lists them as the menu's);
 * it keeps its highlight to itself and reports it (`onHighlight`), and starts again from the top
 * when its items change (a new country query). With `limit` it shows a window that rotates.
 */
import {Text} from 'ink';
import SelectInput from 'ink-select-input';
import {createContext, useContext, useMemo} from 'react';
import {padTo} from '../../format.js';
import {toneColor, useTheme} from '../../theme.js';

export type Choice<V extends string> = {value: V; label: string};

type Props<V extends string> = {
	items: readonly Choice<V>[];
	isFocused: boolean;
	width: number;
	/** Rows shown; more items scroll (ink-select-input's `limit`). */
	limit?: number;
	/** The item highlighted when the list appears. */
	initial?: V | null;
	onSelect: (value: V) => void;
	onHighlight?: (value: V) => void;
};

/** What the rows need to know that ink-select-input does not pass them: the list's width, its focus. */
const ChoiceStyle = createContext({width: 40, isFocused: false});

function Indicator({isSelected = false}: {isSelected?: boolean}) {
	const theme = useTheme();
	return (
		<Text
			bold={isSelected}
			color={isSelected ? toneColor(theme, 'info') : undefined}
		>
			{isSelected ? '› ' : '  '}
		</Text>
	);
}

function Item({
	isSelected = false,
	label,
}: {
	isSelected?: boolean;
	label: string;
}) {
	const theme = useTheme();
	const {width, isFocused} = useContext(ChoiceStyle);
	return (
		<Text
			inverse={isSelected && isFocused && theme.isColor}
			bold={isSelected && isFocused}
			color={isSelected ? toneColor(theme, 'info') : undefined}
		>
			{padTo(label, Math.max(1, width - 2))}
		</Text>
	);
}

export function ChoiceList<V extends string>({
	items,
	isFocused,
	width,
	limit,
	initial,
	onSelect,
	onHighlight,
}: Props<V>) {
	const style = useMemo(() => ({width, isFocused}), [width, isFocused]);
	const index = initial
		? Math.max(
				0,
				items.findIndex((item) => item.value === initial),
			)
		: 0;
	return (
		<ChoiceStyle.Provider value={style}>
			<SelectInput
				items={items as Choice<V>[]}
				isFocused={isFocused}
				initialIndex={index}
				indicatorComponent={Indicator}
				itemComponent={Item}
				onSelect={(item) => onSelect(item.value as V)}
				{...(limit === undefined ? {} : {limit})}
				{...(onHighlight
					? {onHighlight: (item) => onHighlight(item.value as V)}
					: {})}
			/>
		</ChoiceStyle.Provider>
	);
}

/** Rows a list of `count` items takes with `limit`. */
export function choiceRows(count: number, limit?: number): number {
	return limit === undefined ? count : Math.min(count, limit);
}
