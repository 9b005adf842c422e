import {Box, Text} from 'ink';
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
	let row = 0;
	const starts = lines.map((line) => {
		const start = row;
		row += line.rows ?? 1;
		return start;
	});
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Box height={shown} overflowY="hidden" flexDirection="column">
				<Box marginTop={-offset} flexDirection="column" flexShrink={0}>
					{lines.map((line, index) => (
						<Box
							key={line.key}
							height={line.rows ?? 1}
							flexShrink={0}
							aria-state={
								starts[index] === focusStart && focusStart !== undefined
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
