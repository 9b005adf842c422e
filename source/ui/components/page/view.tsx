import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {truncate} from '../../format.js';
import type {Line, PageGeometry} from './geometry.js';

/**
 * Exactly `height` rows: the page from `geometry.offset` (rows above and below are clipped by
 * Ink), and, when it overflows, a last row with the rows shown and the keys that scroll.
 */
export function PageView({
	lines,
	geometry,
	height,
	width,
	position,
	focus = null,
}: {
	lines: readonly Line[];
	geometry: PageGeometry;
	height: number;
	width: number;
	/** The focused control: the first row of it is said selected to a screen reader. */
	focus?: string | null;
	/** The position line, from the rows shown: "▲▼ rows 5-18 of 31 · PgUp PgDn". */
	position: (from: number, to: number, total: number) => string;
}) {
	const {total, shown, offset} = geometry;
	const isOverflowing = total > shown;
	const focusStart = focus === null ? undefined : geometry.ranges[focus]?.start;
	const isScreenReader = useIsScreenReaderEnabled();
	let row = 0;
	const starts = lines.map((line) => {
		const start = row;
		row += line.rows ?? 1;
		return start;
	});
	// Only the lines with a row on screen are drawn: Ink would lay out and clip the others at
	// every frame (issue 16, keystroke to frame: at 120×40 the form above the license table).
	// A screen reader reads every line of the page.
	let first = 0;
	let end = lines.length;
	if (!isScreenReader) {
		while (
			first < lines.length &&
			starts[first]! + (lines[first]!.rows ?? 1) <= offset
		) {
			first++;
		}
		end = first;
		while (end < lines.length && starts[end]! < offset + shown) end++;
	}
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Box height={shown} overflowY="hidden" flexDirection="column">
				<Box
					marginTop={-(offset - (starts[first] ?? 0))}
					flexDirection="column"
					flexShrink={0}
				>
					{lines.slice(first, end).map((line, index) => (
						<Box
							key={line.key}
							height={line.rows ?? 1}
							flexShrink={0}
							aria-state={
								line.isSelected ||
								(starts[first + index] === focusStart &&
									focusStart !== undefined)
									? {selected: true}
									: undefined
							}
						>
							{line.node}
						</Box>
					))}
				</Box>
			</Box>
			{isOverflowing ? (
				// A screen reader reads every row of the page: where it is scrolled is for the eyes.
				<Text dimColor aria-hidden>
					{truncate(
						position(offset + 1, Math.min(total, offset + shown), total),
						width,
					)}
				</Text>
			) : null}
		</Box>
	);
}
