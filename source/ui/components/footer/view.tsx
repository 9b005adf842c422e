import {Box, Text} from 'ink';
import {memo} from 'react';
import {keyedByText, truncate} from '../../format.js';

/** Key hints, one row each, dimmed, cut to the width. */
function FooterViewPlain({
	lines,
	width,
}: {
	lines: readonly string[];
	width: number;
}) {
	return (
		<Box flexDirection="column" width={width}>
			{keyedByText(lines, (line) => line).map(({key, item: line}) => (
				<Text key={key} dimColor>
					{truncate(line, width)}
				</Text>
			))}
		</Box>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const FooterView = memo(FooterViewPlain);
