/** The simulated clock (simulator/clock.ts): only forward, due timers in deadline order. */
import {describe, expect, it} from 'vitest';
import {createManualClock, createSimulatedClock} from '../simulator/clock.js';

const START = Date.UTC(2027, 0, 4, 9);

describe('the manual clock', () => {
	it('fires due timers in deadline order, ties in the order they were set, each at its deadline', () => {
		const clock = createManualClock(START);
		const fired: string[] = [];
		const at = (name: string) => () => {
			fired.push(`${name}@${clock.now() - START}`);
		};
		clock.setTimeout(at('c'), 300);
		clock.setTimeout(at('a'), 100);
		clock.setTimeout(at('b1'), 200);
		clock.setTimeout(at('b2'), 200);
		expect(clock.nextTimerAt()).toBe(START + 100);

		clock.advanceTo(START + 250);

		expect(fired).toEqual(['a@100', 'b1@200', 'b2@200']);
		expect(clock.now()).toBe(START + 250);
		expect(clock.countTimers()).toBe(1);
		expect(clock.nextTimerAt()).toBe(START + 300);
	});

	it('never goes back: advancing to the past or firing a timer set in the past keeps the time', () => {
		const clock = createManualClock(START);
		clock.advanceTo(START - 1_000);
		expect(clock.now()).toBe(START);
		let firedAt: number | undefined;
		clock.setTimeout(() => {
			firedAt = clock.now();
		}, -50);
		clock.fireNext();
		expect(firedAt).toBe(START);
	});

	it('a timer set by a timer fires in the same advance when it is due by then', () => {
		const clock = createManualClock(START);
		const fired: number[] = [];
		clock.setTimeout(() => {
			fired.push(clock.now() - START);
			clock.setTimeout(() => fired.push(clock.now() - START), 50);
		}, 100);
		clock.advanceTo(START + 200);
		expect(fired).toEqual([100, 150]);
	});

	it('a cleared timer never fires', () => {
		const clock = createManualClock(START);
		let isFired = false;
		const handle = clock.setTimeout(() => {
			isFired = true;
		}, 10);
		clock.clearTimeout(handle);
		clock.advanceTo(START + 1_000);
		expect(isFired).toBe(false);
		expect(clock.nextTimerAt()).toBeNull();
	});

	it('a timer that keeps setting another one due at once is stopped with a message', () => {
		const clock = createManualClock(START);
		const again = () => {
			clock.setTimeout(again, 0);
		};
		clock.setTimeout(again, 0);
		expect(() => clock.advanceTo(START + 1)).toThrow(
			/timer keeps setting another one due at once/,
		);
	});

	it('tickAsync lets promises settle between timers', async () => {
		const clock = createManualClock(START);
		const steps: string[] = [];
		clock.setTimeout(() => {
			void Promise.resolve().then(() => {
				steps.push('promise of the first');
				clock.setTimeout(() => steps.push('second'), 10);
			});
			steps.push('first');
		}, 10);
		await clock.tickAsync(20);
		expect(steps).toEqual(['first', 'promise of the first', 'second']);
		expect(clock.now()).toBe(START + 20);
	});
});

describe('the simulated clock (R15)', () => {
	it('shifting the MyQ server clock moves neither true time nor the timers', () => {
		const clock = createSimulatedClock(START);
		let firedAt: number | undefined;
		clock.server.setTimeout(() => {
			firedAt = clock.now();
		}, 1_000);
		clock.shift(-3 * 86_400_000);
		expect(clock.server.now()).toBe(START - 3 * 86_400_000);
		expect(clock.world.now()).toBe(START);
		clock.advanceTo(START + 1_000);
		expect(firedAt).toBe(START + 1_000);
		expect(clock.offset).toBe(-3 * 86_400_000);
	});
});
