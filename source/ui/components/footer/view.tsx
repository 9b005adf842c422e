import {Box, Text} from 'ink';
import {memo} from 'react';
import {keyedByText, textWidth, truncate} from '../../format.js';
import {toneColor, useTheme} from '../../theme.js';

/**
 * The mode (browsing, or typing into which field: issue 12, point 2) and the key hints, one row
 * each, dimmed, cut to the width. The mode is inverse in colour, in brackets without.
 */
function FooterViewPlain({
	mode,
	isTyping,
	lines,
	width,
}: {
	mode: string;
	isTyping: boolean;
	lines: readonly string[];
	width: number;
}) {
	const theme = useTheme();
	const tag = theme.isColor ? ` ${mode} ` : `[${mode}]`;
	const [first = '', ...rest] = lines;
	return (
		<Box flexDirection="column" width={width}>
			<Text>
				<Text
					inverse={theme.isColor}
					bold
					color={toneColor(theme, isTyping ? 'info' : null)}
				>
					{tag}
				</Text>
				<Text dimColor>
					{' '}
					{truncate(first, Math.max(0, width - textWidth(tag) - 1))}
				</Text>
			</Text>
			{keyedByText(rest, (line) => line).map(({key, item: line}) => (
				<Text key={key} dimColor>
					{truncate(line, width)}
				</Text>
			))}
		</Box>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const FooterView = memo(FooterViewPlain);
