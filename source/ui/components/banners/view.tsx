import {Box, Text} from 'ink';
import {memo} from 'react';
import {keyedByText} from '../../format.js';
import {bannerTone, toneColor, useTheme} from '../../theme.js';
import type {BannerBlock} from './lines.js';

/** The live banners, coloured by severity: stop red, warnings yellow, the clock magenta. */
function BannersViewPlain({blocks}: {blocks: readonly BannerBlock[]}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			{blocks.flatMap((block) => {
				const color = toneColor(theme, bannerTone(block.id));
				const isStop = bannerTone(block.id) === 'error';
				return keyedByText(block.lines, (line) => line).map(
					({key, item: line}, index) => (
						<Text key={`${block.id}:${key}`} color={color} bold={isStop}>
							{index === 0 ? (isStop ? '■ ' : '▲ ') : '  '}
							{line}
						</Text>
					),
				);
			})}
		</Box>
	);
}

/** Memoized: a key that changes only the screen leaves it as it was. */
export const BannersView = memo(BannersViewPlain);
