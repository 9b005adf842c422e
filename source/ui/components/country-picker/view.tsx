import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {CountryOption} from '../../../engine/customer.js';
import {padTo, truncate} from '../../format.js';
import {type Theme, toneColor} from '../../theme.js';

type Options = {
	matches: readonly CountryOption[];
	highlighted: number;
	/** Rows for options (the hint line is extra). */
	rows: number;
	width: number;
	hint: string;
	noMatch: string;
	theme: Theme;
};

/** The drop-down under the Country field, as screen rows: a window of matches around the highlight. */
export function countryListLines({
	matches,
	highlighted,
	rows,
	width,
	hint,
	noMatch,
	theme,
}: Options): {key: string; node: ReactNode}[] {
	if (matches.length === 0) {
		return [
			{
				key: 'no-match',
				node: (
					<Text color={toneColor(theme, 'warn')}>
						{truncate(noMatch, width)}
					</Text>
				),
			},
		];
	}
	const start = Math.max(
		0,
		Math.min(highlighted - Math.floor(rows / 2), matches.length - rows),
	);
	const lines = matches.slice(start, start + rows).map((option, index) => {
		const isHighlighted = start + index === highlighted;
		return {
			key: `country-${option.code}`,
			node: (
				<Text
					inverse={isHighlighted && theme.isColor}
					color={isHighlighted ? toneColor(theme, 'info') : undefined}
				>
					{padTo(
						`${isHighlighted ? '▸' : ' '} ${option.name} (${option.code})`,
						width,
					)}
				</Text>
			),
		};
	});
	lines.push({
		key: 'country-hint',
		node: <Text dimColor>{truncate(hint, width)}</Text>,
	});
	return lines;
}
