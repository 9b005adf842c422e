/**
 * Simulated time, as xstate's SimulatedClock (STYLE): a Clock port whose time moves only when
 * told, only forward, firing due timers in deadline order (ties in the order they were set).
 * Nothing global is faked.
 *
 * Our own, not @sinonjs/fake-timers: the simulator ships with the product (`demo`, `simulate`)
 * and fake-timers is a development dependency; and the simulator must know when the next timer
 * is due, to wait for the runtime's real I/O between timers, which fake-timers does not say
 * (it was read from its private `timers` map). The tests use this clock too, so the engine is
 * tested on the time it is simulated with.
 */
import type {Clock} from '../source/ports/index.js';

/**
 * A Clock port whose time moves only when told (see createManualClock).
 * @example
 * const clock: ManualClock = createManualClock(Date.now());
 * clock.advanceTo(clock.now() + 3_600_000);
 */
export type ManualClock = Clock & {
	/** When the next timer is due, or null when none is. */
	nextTimerAt(): number | null;
	/** How many timers are waiting. */
	countTimers(): number;
	/** Moves time to `at`, firing every timer due by then in deadline order; it never goes back. */
	advanceTo(at: number): void;
	/** Fires the next timer, moving time to its deadline when that is later than now. */
	fireNext(): void;
	/**
	 * Moves time `ms` forward like `advanceTo`, but lets the event loop run before and after each
	 * timer, so that the promises a timer settles are followed before the next one fires.
	 */
	tickAsync(ms: number): Promise<void>;
};

type Timer = {id: number; at: number; callback: () => void};

/**
 * A runaway guard: a timer that sets another one due at once, for ever, would hang the process.
 * A ten-year simulation fires a few thousand.
 */
const MAX_TIMERS_PER_ADVANCE = 100_000;

/**
 * A clock that moves only when told (`advanceTo`, `tickAsync`), firing due timers in deadline
 * order: the Clock port for tests and simulations.
 * @example
 * const clock = createManualClock(Date.parse('2027-01-04T09:00:00Z'));
 * await clock.tickAsync(86_400_000); // a day later, every timer due run
 */
export function createManualClock(start: number): ManualClock {
	let now = start;
	let nextId = 1;
	const timers = new Map<number, Timer>();

	/** The timer due first by `until`, or undefined. */
	const due = (until: number): Timer | undefined => {
		let first: Timer | undefined;
		for (const timer of timers.values()) {
			if (
				timer.at <= until &&
				(first === undefined ||
					timer.at < first.at ||
					(timer.at === first.at && timer.id < first.id))
			) {
				first = timer;
			}
		}
		return first;
	};

	const fire = (timer: Timer) => {
		timers.delete(timer.id);
		now = Math.max(now, timer.at);
		timer.callback();
	};

	const nextTimerAt = (): number | null =>
		due(Number.POSITIVE_INFINITY)?.at ?? null;

	return {
		now: () => now,
		setTimeout(callback, ms) {
			const id = nextId++;
			const delay = Number.isFinite(ms) ? Math.max(0, ms) : 0;
			timers.set(id, {id, at: now + delay, callback});
			return id;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
		nextTimerAt,
		countTimers: () => timers.size,
		advanceTo(at) {
			for (let fired = 0; ; fired++) {
				const timer = due(at);
				if (timer === undefined) {
					break;
				}
				if (fired >= MAX_TIMERS_PER_ADVANCE) {
					throw new Error(
						`More than ${MAX_TIMERS_PER_ADVANCE} timers fired without time reaching ${new Date(at).toISOString()}: a timer keeps setting another one due at once.`,
					);
				}
				fire(timer);
			}
			now = Math.max(now, at);
		},
		fireNext() {
			const timer = due(Number.POSITIVE_INFINITY);
			if (timer !== undefined) {
				fire(timer);
			}
		},
		async tickAsync(ms) {
			const target = now + ms;
			await nextMacrotask();
			for (;;) {
				const timer = due(target);
				if (timer === undefined) {
					break;
				}
				fire(timer);
				await nextMacrotask();
			}
			now = Math.max(now, target);
		},
	};
}

/** One turn of the real event loop: pending promise callbacks and ready I/O run first. */
function nextMacrotask(): Promise<void> {
	return new Promise((resolve) => {
		setImmediate(resolve);
	});
}

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

/**
 * The simulator's time, with two faces on one manual clock: the true time the vendor and the
 * network see, and the MyQ server's own clock, which a scenario can set back or forward (R15)
 * without moving the world.
 */
export function createSimulatedClock(start: number): SimulatedClock {
	const manual = createManualClock(start);
	let offset = 0;
	const server: Clock = {
		now: () => manual.now() + offset,
		setTimeout: (callback, ms) => manual.setTimeout(callback, ms),
		clearTimeout: (handle) => manual.clearTimeout(handle),
	};
	return {
		now: () => manual.now(),
		server,
		world: manual,
		nextTimerAt: () => manual.nextTimerAt(),
		advanceTo: (at) => manual.advanceTo(at),
		fireNext: () => manual.fireNext(),
		shift(ms) {
			offset += ms;
		},
		get offset() {
			return offset;
		},
	};
}
