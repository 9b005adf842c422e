import {Box, Text} from 'ink';
import {memo} from 'react';
import type {StatusMessage} from '../../app-state.js';
import {keyedByText, wrapLines} from '../../format.js';
import {toneColor, useTheme} from '../../theme.js';

const MARK = {ok: '✓', error: '✗', info: '•'} as const;
const TONE = {ok: 'ok', error: 'error', info: 'info'} as const;

/** At most three rows: the status of the last command, or what is running now. */
export function statusLines(
	status: StatusMessage | null,
	busy: string | null,
	width: number,
): {tone: StatusMessage['tone'] | null; lines: string[]} {
	if (busy !== null) {
		return {tone: 'info', lines: wrapLines(`… ${busy}`, width, 1)};
	}
	if (status === null) {
		return {tone: null, lines: ['']};
	}
	return {
		tone: status.tone,
		lines: wrapLines(`${MARK[status.tone]} ${status.text}`, width, 3),
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
			{keyedByText(lines, (line) => line).map(({key, item: line}) => (
				<Text
					key={key}
					color={toneColor(theme, tone === null ? null : TONE[tone])}
				>
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const StatusLineView = memo(StatusLineViewPlain);
