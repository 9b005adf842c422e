import {Text} from 'ink';
import type {ReactNode} from 'react';
import {truncate, wrapText} from '../../format.js';
import {type Theme, toneColor} from '../../theme.js';
import type {KeyFeedback} from './feedback.js';

const MARK = {ok: '✓', typing: '…', error: '✗'} as const;
const TONE = {ok: 'ok', typing: 'muted', error: 'error'} as const;

/**
 * One verdict per key typed, each whole (wrapped, never cut: issue 12, point 3), for at most
 * `rows` keys (the last row then says how many more).
 */
export function keyFeedbackLines(
	items: readonly KeyFeedback[],
	options: {
		width: number;
		rows: number;
		theme: Theme;
		more: (count: number) => string;
	},
): {key: string; node: ReactNode}[] {
	const shown =
		items.length > options.rows
			? items.slice(0, Math.max(0, options.rows - 1))
			: items;
	const lines = shown.flatMap((item, index) =>
		wrapText(`${MARK[item.verdict]} ${item.text}`, options.width - 2).map(
			(line, row) => ({
				key: `feedback-${index}-${row}`,
				node: (
					<Text color={toneColor(options.theme, TONE[item.verdict])}>
						{row === 0 ? line : `  ${line}`}
					</Text>
				),
			}),
		),
	);
	if (items.length > shown.length) {
		lines.push({
			key: 'feedback-more',
			node: (
				<Text dimColor>
					{truncate(options.more(items.length - shown.length), options.width)}
				</Text>
			),
		});
	}
	return lines;
}
