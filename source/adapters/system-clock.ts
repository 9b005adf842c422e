import type {Clock} from '../ports/index.js';

/** The real clock. Long delays are split: Node's timers cannot wait more than ~24.8 days. */
const MAX_DELAY = 2_147_483_647;

/**
 * The real clock as the Clock port: `Date.now` and timers, long delays split (Node's timers
 * cannot wait more than ~24.8 days).
 * @example
 * const runtime = createRuntime({clock: createSystemClock(), server, hardware, store, vendorKey});
 */
export function createSystemClock(): Clock {
	return {
		now: () => Date.now(),
		setTimeout(callback, ms) {
			const handle: {timer?: NodeJS.Timeout} = {};
			const arm = (remaining: number) => {
				handle.timer = setTimeout(
					() =>
						remaining > MAX_DELAY ? arm(remaining - MAX_DELAY) : callback(),
					Math.min(remaining, MAX_DELAY),
				);
				handle.timer.unref?.();
			};
			arm(ms);
			return handle;
		},
		clearTimeout(handle) {
			const timer = (handle as {timer?: NodeJS.Timeout} | null)?.timer;
			if (timer) {
				clearTimeout(timer);
			}
		},
	};
}
