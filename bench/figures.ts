/**
 * The figures of issue 16's table: each is a measured value, the reference measured in the same
 * run, their ratio and the goal, printed in that order and kept for `bench/results.json` (not
 * committed) so a script can read them. Every bench module reports its goal figures through
 * `recordFigure`; `bench/index.ts` prints the rest of its lines as before.
 */
import {writeFileSync} from 'node:fs';

export type Figure = {
	/** Stable id for scripts, e.g. `replay-vs-bare-msw`. */
	id: string;
	/** What is measured, in words. */
	label: string;
	value: number;
	/** The reference measured in the same run, in the same unit. */
	reference: {label: string; value: number};
	unit: string;
	/** value / reference.value (or reference / value where `higherIsBetter`). */
	ratio: number;
	goal: {ratio: number; atMost: boolean};
	met: boolean;
};

const figures: Figure[] = [];

const format = (value: number, digits = 2) =>
	value.toLocaleString('en', {
		maximumFractionDigits: digits,
		minimumFractionDigits: digits,
	});

/** Keep one goal figure and print it: reference, value, ratio, goal. */
export function recordFigure(input: Omit<Figure, 'met'>): Figure {
	const met = input.goal.atMost
		? input.ratio <= input.goal.ratio
		: input.ratio >= input.goal.ratio;
	const figure = {...input, met};
	figures.push(figure);
	const goal = `${input.goal.atMost ? '<=' : '>='} ${format(input.goal.ratio)}`;
	process.stdout.write(
		`GOAL ${input.label}\n` +
			`  reference ${input.reference.label}: ${format(input.reference.value, 1)} ${input.unit}\n` +
			`  measured ${format(input.value, 1)} ${input.unit}  ratio ${format(input.ratio)}  goal ${goal}  ${met ? 'met' : 'NOT MET'}\n`,
	);
	return figure;
}

/** Write every recorded figure to `bench/results.json` (relative to the working directory). */
export function writeResults(path = 'bench/results.json') {
	writeFileSync(
		path,
		`${JSON.stringify({measuredAt: new Date().toISOString(), figures}, null, 2)}\n`,
	);
	return figures;
}

/** The middle value (the mean of the two middle ones for an even count): the benches' medians. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] ?? Number.NaN)
		: ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}
