import {Box, Text} from 'ink';
import {type ReactNode, useRef} from 'react';
import {scrollToShow} from '../scroll-list/index.js';

/** One screen row. `focus` names the control the row belongs to (a field, its error, its list). */
export type Line<F extends string = string> = {
	key: string;
	node: ReactNode;
	focus?: F | readonly F[];
};

function belongs<F extends string>(line: Line<F>, focus: F | null): boolean {
	if (focus === null || line.focus === undefined) return false;
	return typeof line.focus === 'string'
		? line.focus === focus
		: (line.focus as readonly F[]).includes(focus);
}

/** The rows of the focused control: first and last index, or null when none is on the page. */
export function focusRange<F extends string>(
	lines: readonly Line<F>[],
	focus: F | null,
): {start: number; end: number} | null {
	let start = -1;
	let end = -1;
	lines.forEach((line, index) => {
		if (belongs(line, focus)) {
			if (start < 0) start = index;
			end = index;
		}
	});
	return start < 0 ? null : {start, end};
}

/**
 * A page taller than the screen: exactly `height` rows of `lines`, scrolled as little as needed
 * to keep the focused control in view (so Tab never makes the page jump more than it must).
 */
export function Viewport<F extends string>({
	lines,
	height,
	focus,
}: {
	lines: readonly Line<F>[];
	height: number;
	focus: F | null;
}) {
	const offsetRef = useRef(0);
	const range = focusRange(lines, focus);
	const offset = range
		? scrollToShow(
				offsetRef.current,
				range.start,
				range.end,
				height,
				lines.length,
			)
		: scrollToShow(
				offsetRef.current,
				offsetRef.current,
				offsetRef.current,
				height,
				lines.length,
			);
	offsetRef.current = offset;
	const shown = lines.slice(offset, offset + height);
	return (
		<Box flexDirection="column" height={height} overflowY="hidden">
			{shown.map((line) => (
				<Box key={line.key} height={1} flexShrink={0}>
					{line.node}
				</Box>
			))}
			{shown.length < height ? <Text> </Text> : null}
		</Box>
	);
}
