/**
 * The history's instants are the MyQ server's clock (`at`), which may have been set back or
 * forward (R15); a scenario's days are true time (the license server's). This reads the world's
 * time of each entry from what the history says about the clock: a set-back the engine saw
 * (`clock-back`), and the license server's own time in each signed answer (`skew`), which also
 * shows a clock put forward again, something the engine cannot see by itself.
 */

import type {HistoryEntry} from '../../source/engine/history.js';
import {CLOCK_TOLERANCE} from '../../source/engine/step.js';

/** A change of the server's clock a replay must make (a `clock` step, `shift` in ms). */
export type ClockChange = {
	/** The entry it happened at, or just before (inferred from a skew). */
	index: number;
	shift: number;
	isInferred: boolean;
};

export type WorldTimes = {
	/** The world's time of each entry, never going back. */
	times: number[];
	/** World time minus the server's, after each entry. */
	offsets: number[];
	clockChanges: ClockChange[];
	/** World minus server time at the end of the history. */
	finalOffset: number;
};

/** Skews within the tolerance are the network's delay, not a clock set wrong (R15). */
const isSame = (a: number, b: number) => Math.abs(a - b) <= CLOCK_TOLERANCE;

export function worldTimes(history: readonly HistoryEntry[]): WorldTimes {
	const times: number[] = [];
	const offsets: number[] = [];
	const clockChanges: ClockChange[] = [];
	let offset = 0;
	const first = history[0];
	if (first?.code === 'summary' && first.params.skew !== null) {
		offset = isSame(first.params.skew, 0) ? 0 : first.params.skew;
	}
	let previous = Number.NEGATIVE_INFINITY;
	history.forEach((entry, index) => {
		if (entry.code === 'clock-back') {
			offset += entry.params.by;
			clockChanges.push({index, shift: -entry.params.by, isInferred: false});
		} else if (
			(entry.code === 'contact' || entry.code === 'activation') &&
			entry.params.skew !== null &&
			!isSame(entry.params.skew, offset)
		) {
			// The license server's time says the clock moved since the last answer: put right,
			// or set wrong by less than the engine notices at once.
			clockChanges.push({
				index,
				shift: offset - entry.params.skew,
				isInferred: true,
			});
			offset = entry.params.skew;
		}
		const time = Math.max(previous, entry.at + offset);
		times.push(time);
		offsets.push(offset);
		previous = time;
	});
	return {times, offsets, clockChanges, finalOffset: offset};
}
