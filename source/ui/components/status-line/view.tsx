import {Box, Text} from 'ink';
import {memo} from 'react';
import type {StatusMessage} from '../../app-state.js';
import {keyedByText, wrapText} from '../../format.js';
import {toneColor, useTheme} from '../../theme.js';
import {Blank} from '../blank/index.js';

const MARK = {ok: '✓', error: '✗', info: '•'} as const;
const TONE = {ok: 'ok', error: 'error', info: 'info'} as const;

/**
 * The status of the last command, or what is running now, whole (issue 12, point 3): wrapped over
 * as many rows as it needs up to `maxRows`; a longer one keeps its first rows and says on the
 * last that `i` shows it whole, so the end of a message (the hint of what to do next) is never
 * lost.
 */
export function statusLines(
	status: StatusMessage | null,
	busy: string | null,
	width: number,
	maxRows: number,
	more: string,
): {tone: StatusMessage['tone'] | null; lines: string[]; isCut: boolean} {
	if (busy !== null) {
		return {
			tone: 'info',
			lines: wrapText(`… ${busy}`, width).slice(0, 1),
			isCut: false,
		};
	}
	if (status === null || status.text === '') {
		return {tone: null, lines: [''], isCut: false};
	}
	const lines = wrapText(`${MARK[status.tone]} ${status.text}`, width);
	if (lines.length <= maxRows) return {tone: status.tone, lines, isCut: false};
	return {
		tone: status.tone,
		lines: [...lines.slice(0, Math.max(1, maxRows - 1)), more],
		isCut: true,
	};
}

function StatusLineViewPlain({
	tone,
	lines,
}: {
	tone: StatusMessage['tone'] | null;
	lines: readonly string[];
}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{keyedByText(lines, (line) => line).map(({key, item: line}) =>
				line === '' ? (
					<Blank key={key} />
				) : (
					<Text
						key={key}
						color={toneColor(theme, tone === null ? null : TONE[tone])}
					>
						{line}
					</Text>
				),
			)}
		</Box>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const StatusLineView = memo(StatusLineViewPlain);
