import {Text} from 'ink';
import type {CountryOption} from '../../../engine/customer.js';
import {truncate} from '../../format.js';
import {type Theme, toneColor} from '../../theme.js';
import {ChoiceList, choiceRows} from '../choice-list/index.js';

/** Rows of matches the list shows (more scroll). */
export const COUNTRY_ROWS = 5;

/** The drop-down under the Country field: its matches on ink-select-input, or why there is none. */
export function CountryList({
	matches,
	highlighted,
	isFocused,
	width,
	noMatch,
	theme,
}: {
	matches: readonly CountryOption[];
	highlighted: number;
	isFocused: boolean;
	width: number;
	noMatch: string;
	theme: Theme;
}) {
	if (matches.length === 0) {
		return (
			<Text color={toneColor(theme, 'warn')}>{truncate(noMatch, width)}</Text>
		);
	}
	return (
		<ChoiceList
			items={matches.map((option) => ({
				value: option.code,
				label: `${option.name} (${option.code})`,
			}))}
			isFocused={isFocused}
			isMarkedUnfocused
			width={width}
			limit={COUNTRY_ROWS}
			highlighted={highlighted}
		/>
	);
}

/** Rows the drop-down takes. */
export function countryListRows(count: number): number {
	return count === 0 ? 1 : choiceRows(count, COUNTRY_ROWS);
}
