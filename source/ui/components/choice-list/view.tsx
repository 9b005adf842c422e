/**
 * Choice lists (the country list, the manual activation menu, a confirmation) drawn by
 * ink-select-input (issue 12, point 11), wrapped as the screens need: rows cut to the list's
 * width so a long name never wraps the page, the highlighted row inverse in colour and marked `›`
 * without (NO_COLOR keeps it visible), the window of `limit` rows kept on the highlight.
 *
 * Its keys are ours, not its own: ink-select-input reads one key per input event and compares it
 * whole (`input === 'j'`), so keys that arrive together, as typeahead over SSH, a paste or tmux
 * send-keys bring them, are lost. Measured with ink-testing-library: "jj" in one chunk moves
 * nothing, "j\r" neither moves nor picks, where two separate "j" move two rows. The key handler
 * (`app-state.ts`) splits such chunks, moves the highlight and picks; the list shows it: it is
 * given the highlight as `initialIndex` and drawn anew when it moves (its `isFocused` stays
 * false, so it never reads a key itself).
 */
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {createContext, useContext, useMemo} from 'react';
import {padTo} from '../../format.js';
import {toneColor, useTheme} from '../../theme.js';

export type Choice<V extends string> = {value: V; label: string};

type Props<V extends string> = {
	items: readonly Choice<V>[];
	/** The list has the keys: its highlight shows inverse. */
	isFocused: boolean;
	width: number;
	/** Rows shown; more items scroll (ink-select-input's `limit`). */
	limit?: number;
	/** The highlighted item, by index. */
	highlighted: number;
	/**
	 * The highlight keeps its › while the list has not the keys: the country list under the
	 * Country field, whose first match Tab or Enter picks.
	 */
	isMarkedUnfocused?: boolean;
};

/** What the rows need to know that ink-select-input does not pass them: the list's width, its focus. */
const ChoiceStyle = createContext({
	width: 40,
	isFocused: false,
	isMarked: false,
});

/**
 * The highlight's mark, only while the list has the keys: a list the focus left keeps its
 * highlight for when it comes back, but shows no second › beside the focused control (seen on
 * Manual activation in tmux: › Folder and › Show the request, which one has the keys?).
 */
function Indicator({isSelected = false}: {isSelected?: boolean}) {
	const theme = useTheme();
	const {isMarked} = useContext(ChoiceStyle);
	const isShown = isSelected && isMarked;
	return (
		<Box aria-state={isShown ? {selected: true} : undefined}>
			<Text
				bold={isShown}
				color={isShown ? toneColor(theme, 'info') : undefined}
			>
				{isShown ? '› ' : '  '}
			</Text>
		</Box>
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
	const {width, isFocused, isMarked} = useContext(ChoiceStyle);
	return (
		<Text
			inverse={isSelected && isFocused && theme.isColor}
			bold={isSelected && isFocused}
			color={isSelected && isMarked ? toneColor(theme, 'info') : undefined}
		>
			{padTo(label, Math.max(1, width - 2))}
		</Text>
	);
}

const ignore = () => {};

export function ChoiceList<V extends string>({
	items,
	isFocused,
	width,
	limit,
	highlighted,
	isMarkedUnfocused = false,
}: Props<V>) {
	const style = useMemo(
		() => ({width, isFocused, isMarked: isFocused || isMarkedUnfocused}),
		[width, isFocused, isMarkedUnfocused],
	);
	const index = Math.min(
		Math.max(0, highlighted),
		Math.max(0, items.length - 1),
	);
	return (
		<ChoiceStyle.Provider value={style}>
			<SelectInput
				key={`${index}|${items.length}|${items[0]?.value ?? ''}`}
				items={items as Choice<V>[]}
				isFocused={false}
				initialIndex={index}
				indicatorComponent={Indicator}
				itemComponent={Item}
				onSelect={ignore}
				{...(limit === undefined ? {} : {limit})}
			/>
		</ChoiceStyle.Provider>
	);
}

/** Rows a list of `count` items takes with `limit`. */
export function choiceRows(count: number, limit?: number): number {
	return limit === undefined ? count : Math.min(count, limit);
}

/**
 * The item a digit picks: the nth row shown. With `limit`, ink-select-input shows the highlight
 * on the last row once it is past the first window.
 */
export function nthShown(
	digit: number,
	highlighted: number,
	count: number,
	limit = count,
): number | null {
	const start = Math.max(0, highlighted - (limit - 1));
	const index = start + digit - 1;
	return digit >= 1 && digit <= Math.min(limit, count) && index < count
		? index
		: null;
}

/** A key that moves in a list or picks from it, as the list's owner reads it. */
export type ChoiceKey =
	| {type: 'move'; delta: number}
	| {type: 'pick'; index: number}
	| null;

/** ↑ ↓ j k move, Enter picks the highlighted one, a digit the nth row shown. */
export function choiceKey(
	key: {name: string; text: string; ctrl: boolean},
	highlighted: number,
	count: number,
	limit?: number,
): ChoiceKey {
	const letter = key.name === 'char' && !key.ctrl ? key.text : '';
	if (key.name === 'up' || letter === 'k') return {type: 'move', delta: -1};
	if (key.name === 'down' || letter === 'j') return {type: 'move', delta: 1};
	if (key.name === 'enter') return {type: 'pick', index: highlighted};
	if (/^[1-9]$/.test(letter)) {
		const index = nthShown(Number(letter), highlighted, count, limit);
		return index === null ? null : {type: 'pick', index};
	}
	return null;
}
