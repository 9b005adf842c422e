import {textWidth} from '../../format.js';

export type ButtonSpec<Id extends string> = {id: Id; label: string};

/** `[ Save ]`: the text of a button (the focused one reads `[»Save«]` without colour). */
export function buttonText(
	label: string,
	isFocused: boolean,
	isColor: boolean,
): string {
	return isFocused && !isColor ? `[»${label}«]` : `[ ${label} ]`;
}

/** Buttons in rows that fit `width` (a gap of one column between buttons). */
export function buttonRows<Id extends string>(
	buttons: readonly ButtonSpec<Id>[],
	width: number,
): ButtonSpec<Id>[][] {
	const rows: ButtonSpec<Id>[][] = [];
	let row: ButtonSpec<Id>[] = [];
	let used = 0;
	for (const button of buttons) {
		const size = textWidth(button.label) + 4;
		if (row.length > 0 && used + 1 + size > width) {
			rows.push(row);
			row = [];
			used = 0;
		}
		used += (row.length > 0 ? 1 : 0) + size;
		row.push(button);
	}
	if (row.length > 0) rows.push(row);
	return rows;
}
