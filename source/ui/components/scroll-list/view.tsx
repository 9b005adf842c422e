import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {Blank} from '../blank/index.js';
import {type ListState, visibleRange} from './reducer.js';

type Props<T> = {
	items: readonly T[];
	state: ListState;
	height: number;
	isFocused: boolean;
	renderRow: (item: T, index: number, isSelected: boolean) => ReactNode;
	/** Shown when the list is empty. */
	empty?: string;
};

/** Exactly `height` rows: the visible window of `items`, padded with empty rows. */
export function ScrollList<T>({
	items,
	state,
	height,
	isFocused,
	renderRow,
	empty,
}: Props<T>) {
	const {selected, start, end} = visibleRange(state, height, items.length);
	const rows: ReactNode[] = [];
	for (let index = start; index < end; index++) {
		const isSelected = isFocused && index === selected;
		rows.push(
			<Box key={index} aria-state={isSelected ? {selected: true} : undefined}>
				{renderRow(items[index] as T, index, isSelected)}
			</Box>,
		);
	}
	if (items.length === 0 && empty) {
		rows.push(
			<Text key="empty" dimColor>
				{empty}
			</Text>,
		);
	}
	while (rows.length < height) {
		rows.push(<Blank key={`pad-${rows.length}`} />);
	}
	return <Box flexDirection="column">{rows.slice(0, height)}</Box>;
}
