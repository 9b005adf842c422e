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
}: {
	lines: readonly Line[];
	geometry: PageGeometry;
	height: number;
	width: number;
	/** The position line, from the rows shown: "▲▼ rows 5-18 of 31 · PgUp PgDn". */
	position: (from: number, to: number, total: number) => string;
}) {
	const {total, shown, offset} = geometry;
	const isOverflowing = total > shown;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Box height={shown} overflowY="hidden" flexDirection="column">
				<Box marginTop={-offset} flexDirection="column" flexShrink={0}>
					{lines.map((line) => (
						<Box key={line.key} height={line.rows ?? 1} flexShrink={0}>
							{line.node}
						</Box>
					))}
				</Box>
			</Box>
			{isOverflowing ? (
				<Text dimColor>
					{truncate(
						position(offset + 1, Math.min(total, offset + shown), total),
						width,
					)}
				</Text>
			) : null}
		</Box>
	);
}
