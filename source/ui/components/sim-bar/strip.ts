import type {OperationalState} from '../../../engine/types.js';

/** `start`: the run's first day, counted from the first day shown. */
export type StripRun = {state: OperationalState; length: number; start: number};

/**
 * The last `width` days of the timeline (one cell a day), as runs of the same state so a
 * long strip is a handful of coloured texts.
 */
export function stripRuns(
	strip: readonly OperationalState[],
	width: number,
): StripRun[] {
	const shown = width > 0 ? strip.slice(-width) : [];
	const runs: StripRun[] = [];
	shown.forEach((state, day) => {
		const last = runs.at(-1);
		if (last && last.state === state) {
			last.length += 1;
		} else {
			runs.push({state, length: 1, start: day});
		}
	});
	return runs;
}
