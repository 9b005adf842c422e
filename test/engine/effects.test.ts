/**
 * The engine's effects say only what is needed (issue 9, point 2): a step that changes nothing
 * returns the very same state and asks for nothing; the high-water mark of time alone (R15) is
 * not worth a write every hour.
 */
import {describe, expect, it} from 'vitest';
import {step} from '../../source/engine/step.js';
import {DAY, HOUR} from '../../source/engine/types.js';
import {activated, FP_A, grant, subscription, T0} from './fixtures.js';

const state = activated([grant({devices: 2}), subscription(T0 + 365 * DAY)]);

describe('a step that changes nothing', () => {
	it('a clock check at the instant already seen returns the identical state and no save', () => {
		const [next, effects] = step(state, {type: 'clock-observed'}, T0);
		expect(next).toBe(state);
		expect(effects).toEqual([]);
	});

	it('the same fingerprint seen again returns the identical state and no save', () => {
		const [next, effects] = step(
			state,
			{type: 'fingerprint-seen', fingerprint: FP_A},
			T0,
		);
		expect(next).toBe(state);
		expect(effects).toEqual([]);
	});

	it('a device refused (already activated) changes nothing and asks for nothing', () => {
		const [withDevice] = step(state, {type: 'device-activated', id: 'd1'}, T0);
		const [next, effects] = step(
			withDevice,
			{type: 'device-activated', id: 'd1'},
			T0,
		);
		expect(next).toBe(withDevice);
		expect(effects).toEqual([]);
	});
});

describe('R15 the high-water mark follows time without a write every hour', () => {
	it('a quiet hour: the mark moves in memory, and no save is asked', () => {
		const [next, effects] = step(state, {type: 'clock-observed'}, T0 + HOUR);
		expect(next.clock.highWater).toBe(T0 + HOUR);
		expect(effects).toEqual([]);
		// Everything else is shared with the state before.
		expect(next.document).toBe(state.document);
		expect(next.log).toBe(state.log);
	});

	it('the mark is written once it enters a new day, so a restart loses at most a day of it', () => {
		const midnight = Math.ceil(T0 / DAY) * DAY;
		const [before, quiet] = step(state, {type: 'clock-observed'}, midnight - 1);
		expect(quiet).toEqual([]);
		const [, effects] = step(before, {type: 'clock-observed'}, midnight);
		expect(effects).toEqual([{type: 'save'}]);
	});

	it('a clock set back is a change worth writing (clock-tampered)', () => {
		const [, effects] = step(state, {type: 'clock-observed'}, T0 - 2 * HOUR);
		expect(effects).toEqual([{type: 'save'}]);
	});

	it('a change besides the mark is written as before', () => {
		const [, effects] = step(
			state,
			{type: 'device-activated', id: 'd1'},
			T0 + HOUR,
		);
		expect(effects).toEqual([{type: 'save'}]);
	});
});
