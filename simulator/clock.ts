/**
 * The simulated clock: @sinonjs/fake-timers' `createClock()` (nothing global is faked), with
 * two faces: the true time the vendor and the network see, and the MyQ server's own clock,
 * which a scenario can set back or forward (R15) without moving the world.
 */
import FakeTimers from '@sinonjs/fake-timers';
import type {Clock} from '../source/ports/index.js';

type FakeClock = ReturnType<typeof FakeTimers.createClock>;

export type SimulatedClock = {
	/** True time (the vendor's). */
	now(): number;
	/** The MyQ server's clock: true time plus the shift applied by `clock` steps. */
	readonly server: Clock;
	/** The world's clock as a port (network delays, the vendor). */
	readonly world: Clock;
	/** When the next timer is due, or null when none is. */
	nextTimerAt(): number | null;
	/** Moves true time to `at` firing every timer due by then, in order; it never goes back. */
	advanceTo(at: number): void;
	/** Fires the next timer (moving time to it). */
	fireNext(): void;
	/** Sets the MyQ server's clock off true time by `ms` more (negative: back). */
	shift(ms: number): void;
	readonly offset: number;
};

export function createSimulatedClock(start: number): SimulatedClock {
	const fake: FakeClock = FakeTimers.createClock(start, 100_000);
	let offset = 0;
	const port = (skew: () => number): Clock => ({
		now: () => fake.now + skew(),
		setTimeout: (callback, ms) => fake.setTimeout(callback, Math.max(0, ms)),
		clearTimeout: (handle) =>
			fake.clearTimeout(handle as Parameters<FakeClock['clearTimeout']>[0]),
	});
	return {
		now: () => fake.now,
		server: port(() => offset),
		world: port(() => 0),
		nextTimerAt: () => nextTimerAt(fake),
		advanceTo(at) {
			if (at > fake.now) {
				fake.tick(at - fake.now);
			}
		},
		fireNext() {
			fake.next();
		},
		shift(ms) {
			offset += ms;
		},
		get offset() {
			return offset;
		},
	};
}

/**
 * When the fake clock's next timer is due. fake-timers keeps its timers in a Map it does not
 * type publicly; reading it lets the simulator move time one timer at a time and wait for the
 * runtime's real I/O in between.
 */
export function nextTimerAt(fake: FakeClock): number | null {
	const timers = (fake as unknown as {timers?: Map<number, {callAt: number}>})
		.timers;
	let next: number | null = null;
	for (const timer of timers?.values() ?? []) {
		if (next === null || timer.callAt < next) {
			next = timer.callAt;
		}
	}
	return next;
}
