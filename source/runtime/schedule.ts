/**
 * When the runtime wakes up by itself: the contacts of R14, the next visible change
 * (`nextChangeAt`: a countdown's next day, an expiry), a look at the clock (R15), and, for a
 * long-lived runtime, a look at the store for other writers. One timer for the first three.
 */
import type {Evaluation} from '../engine/evaluate.js';
import {nextContactAt} from '../engine/evaluate.js';
import type {EngineState} from '../engine/types.js';
import type {Clock} from '../ports/index.js';

/** The next wake-up, and whether a contact is due then. Pure. */
export function nextWakeUp(
	state: EngineState,
	evaluation: Evaluation,
	now: number,
	periods: {contact: number; clockCheck: number | null},
): {at: number; contactAt: number | null} | null {
	const contactAt = nextContactAt(state, now, periods.contact);
	const candidates = [
		contactAt,
		evaluation.nextChangeAt,
		periods.clockCheck === null ? null : now + periods.clockCheck,
	].filter((at): at is number => at !== null);
	return candidates.length === 0
		? null
		: {at: Math.min(...candidates), contactAt};
}

export type ScheduleHost = {
	clock: Clock;
	state(): EngineState;
	evaluation(): Evaluation;
	/** Runs `work` in the runtime's queue as background work (no catch-up, no wait on writes). */
	background(work: () => Promise<unknown>): Promise<unknown>;
	contact(): Promise<unknown>;
	observeClock(): Promise<unknown>;
	adoptStored(): Promise<unknown>;
	isWriting(): boolean;
};

export class Schedule {
	private timer: unknown = null;
	private watchTimer: unknown = null;
	private stopped = false;

	constructor(
		private readonly host: ScheduleHost,
		private readonly periods: {
			contact: number;
			clockCheck: number | null;
			watch: number | null;
		},
	) {}

	/** One timer: the next contact (R14), change or clock check, whichever is first. */
	reschedule() {
		if (this.stopped) return;
		this.clearTimer();
		const {clock} = this.host;
		const now = clock.now();
		const next = nextWakeUp(
			this.host.state(),
			this.host.evaluation(),
			now,
			this.periods,
		);
		if (next === null) {
			return;
		}
		const {at, contactAt} = next;
		this.timer = clock.setTimeout(
			() => {
				this.timer = null;
				void this.host.background(async () => {
					if (contactAt !== null && clock.now() >= contactAt) {
						await this.host.contact();
					} else {
						await this.host.observeClock();
					}
					// Re-armed even when the wake-up changed nothing (nothing was published then).
					if (this.timer === null) {
						this.reschedule();
					}
				});
			},
			Math.max(0, at - now),
		);
	}

	/** A long-lived runtime (the dashboard) looks at the store now and then for other writers. */
	watch() {
		const interval = this.periods.watch;
		if (interval === null || this.stopped) {
			return;
		}
		this.watchTimer = this.host.clock.setTimeout(() => {
			this.watchTimer = null;
			void this.host
				.background(async () => {
					// Not while our own write is on its way: its revision would look like another's.
					if (!this.host.isWriting()) {
						await this.host.adoptStored();
					}
				})
				.finally(() => this.watch());
		}, interval);
	}

	stop() {
		this.stopped = true;
		this.clearTimer();
		if (this.watchTimer !== null) {
			this.host.clock.clearTimeout(this.watchTimer);
			this.watchTimer = null;
		}
	}

	private clearTimer() {
		if (this.timer !== null) {
			this.host.clock.clearTimeout(this.timer);
			this.timer = null;
		}
	}
}
