/**
 * A scenario replayed up to any instant, then onward (SPEC §5 "Order within day N"): at the
 * instant of day N the scheduled contact runs first, then the steps of day N without `at` in
 * file order, then the day is sampled; the steps with `at` happen later that day. `simulate`
 * (runner.ts) samples each day between the two; `myq-license/testing` stops at a day's sample
 * point (`renderAtDay`) and moves on from there (`advance`). One order, kept here for both.
 */
import {DAY} from '../source/engine/types.js';
import type {Simulation} from './runner.js';
import type {Scenario, Step} from './scenario/index.js';

/** Replays a simulation's scenario; events are counted to the day being replayed. */
export class ScenarioReplay {
	readonly scenario: Scenario;
	/** The next day whose instant (contact, then steps without `at`) has not run yet. */
	private nextDay = 0;
	/** The steps with `at` of the last day run, not yet due. */
	private later: Step[] = [];

	constructor(readonly simulation: Simulation) {
		this.scenario = simulation.scenario;
		simulation.setDayClock(() => this.day);
	}

	/** The day whose sample point was passed last (0 before day 0's steps). */
	get day(): number {
		return Math.max(0, this.nextDay - 1);
	}

	/** True time now (the MyQ server's own clock may be set off it by `clock` steps). */
	now(): number {
		return this.simulation.clock.now();
	}

	/** Replays to the sample point of `day`: its contact and its steps without `at` done. */
	toDay(day: number): Promise<void> {
		return this.to(this.scenario.start + day * DAY);
	}

	/**
	 * Moves true time to `at` (never back), running on the way every scheduled contact and every
	 * step due by then, in the SPEC §5 order.
	 */
	async to(at: number): Promise<void> {
		for (;;) {
			const step = this.later[0];
			if (step) {
				const due = this.instantOf(step);
				if (due > at) break;
				this.later.shift();
				await this.simulation.advanceTo(due);
				await this.simulation.perform(step);
				continue;
			}
			const instant = this.scenario.start + this.nextDay * DAY;
			if (instant > at || this.nextDay > this.scenario.days) break;
			const day = this.nextDay;
			this.nextDay += 1;
			await this.simulation.advanceTo(instant);
			const steps = this.scenario.steps.filter((each) => each.day === day);
			for (const each of steps.filter((candidate) => !candidate.at)) {
				await this.simulation.perform(each);
			}
			this.later = steps.filter((candidate) => candidate.at);
		}
		if (at > this.simulation.clock.now()) {
			await this.simulation.advanceTo(at);
		}
	}

	/** Runs the steps with `at` of the day run last (the end of a replay: nothing is left out). */
	async finishDay(): Promise<void> {
		const last = this.later.at(-1);
		if (last) await this.to(this.instantOf(last));
	}

	private instantOf(step: Step): number {
		return this.scenario.start + step.day * DAY + (step.at ?? 0);
	}
}
