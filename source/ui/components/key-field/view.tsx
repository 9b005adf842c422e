import {Text} from 'ink';
import type {ReactNode} from 'react';
import {truncate} from '../../format.js';
import {type Theme, toneColor} from '../../theme.js';
import type {KeyFeedback} from './feedback.js';

const MARK = {ok: '✓', typing: '…', error: '✗'} as const;
const TONE = {ok: 'ok', typing: 'muted', error: 'error'} as const;

/** One row per key typed, at most `rows` (the last one then says how many more). */
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
	const lines = shown.map((item, index) => ({
		key: `feedback-${index}`,
		node: (
			<Text color={toneColor(options.theme, TONE[item.verdict])}>
				{truncate(`${MARK[item.verdict]} ${item.text}`, options.width)}
			</Text>
		),
	}));
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
