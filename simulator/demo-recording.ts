/**
 * The demo's simulated world with a memory (issue 13, point 3): every action the trainer takes
 * (a control, a scenario step, a command of the dashboard) is recorded with its instant, so that
 * any earlier moment is reached again by building the world anew and replaying the record from
 * day 0. The simulator is deterministic (seeded keys, ids and nonces, one vendor key pair per
 * process, timers fired in deadline order), so the replay goes through the same states.
 *
 * Time itself is not recorded: only actions are, and between two of them time moves through the
 * same timers whatever steps it was moved in (a timer due at an instant fires before anything
 * later, and nothing else happens in between). Two actions at one instant are replayed with no
 * time moved between them, as they were done.
 *
 * After going back, the record's later actions stay: moving forward replays them, so the days
 * after now are known (`future`) until the trainer does something new, which forgets them.
 */
import {evaluate} from '../source/engine/evaluate.js';
import {type CustomerForm, DAY} from '../source/engine/types.js';
import type {DeliverRequest, Runtime} from '../source/runtime/runtime.js';
import type {DaySample} from '../source/ui/demo-controls.js';
import type {NetworkState} from './network.js';
import {Simulation} from './runner.js';
import type {Scenario, Step, VendorAction} from './scenario/index.js';

/** A command of the dashboard to the MyQ server's runtime. */
export type RuntimeCall =
	| {name: 'save'; form: CustomerForm | null; keysText: string}
	| {name: 'activate'}
	| {name: 'connect'}
	| {name: 'export'}
	| {name: 'import'; text: string}
	| {name: 'activate-device'; id?: string | undefined}
	| {name: 'deactivate-device'; id?: string | undefined};

/** What the trainer did, as it is recorded and replayed. */
export type DemoAction =
	| {type: 'step'; index: number}
	| {type: 'network'; state: NetworkState}
	| {type: 'hardware'; use: string}
	| {type: 'restart'}
	| {type: 'clock'; shift: number}
	| {type: 'vendor'; action: VendorAction; key: string; days?: number}
	| {type: 'portal'; request: string}
	| {type: 'call'; call: RuntimeCall};

type Entry = {at: number; action: DemoAction};

/** What only the live action has: the manual activation's file writer. */
export type LiveOnly = {deliver?: DeliverRequest | undefined};

export class DemoRecording {
	simulation!: Simulation;
	/** The next scenario step (`c`). */
	stepIndex = 0;
	private readonly journal: Entry[] = [];
	/** Entries of the journal done in this world; those after are ahead of now. */
	private applied = 0;
	/** Each day's state and banners at its end, as far as ever seen (after now: `future`). */
	private readonly samples: DaySample[] = [];
	/** The last day whose end this world has sampled. */
	private sampledThrough = -1;

	private constructor(
		readonly scenario: Scenario,
		/** Called when the MyQ server's runtime is another one (restart, new world). */
		private readonly onRuntime: () => void,
	) {}

	static async open(
		scenario: Scenario,
		onRuntime: () => void,
	): Promise<DemoRecording> {
		const recording = new DemoRecording(scenario, onRuntime);
		await recording.build();
		return recording;
	}

	get runtime(): Runtime {
		return this.simulation.runtime;
	}

	/** True time (the world's; the MyQ server's clock may be shifted from it). */
	get now(): number {
		return this.simulation.clock.now();
	}

	get day(): number {
		return Math.max(0, Math.floor((this.now - this.scenario.start) / DAY));
	}

	/** Recorded actions after now. */
	get ahead(): number {
		return this.journal.length - this.applied;
	}

	/** When the next recorded action happens, if one is ahead. */
	nextActionAt(): number | null {
		return this.journal[this.applied]?.at ?? null;
	}

	/** The days so far, today as it is now. */
	timeline(): DaySample[] {
		const day = this.day;
		return [...this.samples.slice(0, day), this.sampleNow()];
	}

	/** The days after today that the record knows (they happen again unless something changes). */
	future(): DaySample[] {
		return this.samples.slice(this.day + 1);
	}

	/** Does `action` now: the record's later actions are forgotten, this one is kept. */
	act(action: DemoAction, live: LiveOnly = {}): Promise<unknown> {
		this.journal.length = this.applied;
		this.samples.length = Math.min(this.samples.length, this.day);
		this.journal.push({at: this.now, action});
		this.applied += 1;
		return this.apply(action, live);
	}

	/**
	 * Moves true time forward to `at`: the recorded actions due by then are done at their
	 * instants, and each day's end is sampled for the timeline.
	 */
	async moveTo(at: number): Promise<void> {
		for (;;) {
			const entry = this.journal[this.applied];
			const sampleAt = this.dayEnd(this.sampledThrough + 1);
			if (entry && entry.at <= at && entry.at <= sampleAt) {
				if (entry.at > this.now) await this.simulation.advanceTo(entry.at);
				this.applied += 1;
				await this.replay(entry.action);
				continue;
			}
			if (sampleAt <= at) {
				if (sampleAt > this.now) await this.simulation.advanceTo(sampleAt);
				this.sampledThrough += 1;
				this.samples[this.sampledThrough] = this.sampleNow();
				continue;
			}
			break;
		}
		if (at > this.now) await this.simulation.advanceTo(at);
	}

	/**
	 * One event forward, at most to `bound`: the next timer (a contact, a wake-up of the engine),
	 * the next recorded action, or the bound. Timers already due fire without time moving.
	 */
	async stepForward(bound: number): Promise<void> {
		const timer = this.simulation.clock.nextTimerAt();
		const entry = this.journal[this.applied]?.at ?? Number.POSITIVE_INFINITY;
		const target = Math.min(timer ?? Number.POSITIVE_INFINITY, entry, bound);
		if (target <= this.now) {
			if (entry <= this.now) await this.moveTo(this.now);
			else await this.simulation.advanceTo(this.now);
			return;
		}
		await this.moveTo(target);
	}

	/** Back to `at` (or anywhere): a new world, the record replayed up to `at`. Returns how many. */
	async rewindTo(at: number): Promise<number> {
		// Today as far as it was seen stays known: it happens again unless something changes.
		this.samples[this.day] = this.sampleNow();
		await this.simulation.dispose();
		this.applied = 0;
		this.stepIndex = 0;
		this.sampledThrough = -1;
		await this.build();
		await this.moveTo(at);
		return this.applied;
	}

	async dispose(): Promise<void> {
		await this.simulation.dispose();
	}

	/** The state and banners as the engine sees them now, on the MyQ server's clock. */
	sampleNow(): DaySample {
		const {state} = this.runtime.snapshot();
		const evaluation = evaluate(state, this.simulation.clock.server.now());
		return {
			state: evaluation.state,
			banners: evaluation.banners.map((banner) => banner.id),
		};
	}

	private dayEnd(day: number): number {
		return this.scenario.start + (day + 1) * DAY - 1;
	}

	private async build() {
		this.simulation = new Simulation(this.scenario);
		await this.simulation.setup();
		this.onRuntime();
	}

	/** A recorded action done again: it failed then as it fails now, quietly. */
	private async replay(action: DemoAction) {
		try {
			await this.apply(action, {});
		} catch {
			// The same refusal as when it was done live (a portal refusing a request, say).
		}
	}

	private async apply(action: DemoAction, live: LiveOnly): Promise<unknown> {
		const simulation = this.simulation;
		const step = (body: Record<string, unknown>) =>
			({...body, day: this.day, line: 0}) as Step;
		switch (action.type) {
			case 'step': {
				const scenarioStep = this.scenario.steps[action.index]!;
				this.stepIndex = action.index + 1;
				const outcome = await simulation.perform(scenarioStep);
				if (scenarioStep.do === 'restart' || scenarioStep.do === 'hardware')
					this.onRuntime();
				return outcome;
			}
			case 'network':
				simulation.setNetwork(action.state);
				return null;
			case 'hardware':
				await simulation.perform(step({do: 'hardware', use: action.use}));
				this.onRuntime();
				return null;
			case 'restart':
				await simulation.restart();
				this.onRuntime();
				return null;
			case 'clock':
				return simulation.perform(step({do: 'clock', shift: action.shift}));
			case 'vendor':
				return simulation.perform(
					step({
						do: 'vendor',
						action: action.action,
						key: action.key,
						...(action.days === undefined ? {} : {days: action.days}),
					}),
				);
			case 'portal':
				return simulation.vendor.service.offlineActivate(action.request);
			case 'call':
				return this.call(action.call, live);
		}
	}

	/** A command of the dashboard, waited for as a scenario step is (a slow network's timeout too). */
	private async call(call: RuntimeCall, live: LiveOnly): Promise<unknown> {
		const runtime = this.runtime;
		const running = ((): Promise<unknown> => {
			switch (call.name) {
				case 'save':
					return runtime.save(call.form, call.keysText);
				case 'activate':
					return runtime.activate();
				case 'connect':
					return runtime.connect();
				case 'export':
					return runtime.exportActivationRequest(live.deliver);
				case 'import':
					return runtime.importActivationResponse(call.text);
				case 'activate-device':
					return runtime.activateDevice(call.id);
				case 'deactivate-device':
					return runtime.deactivateDevice(call.id);
			}
		})();
		await this.simulation.settle();
		return running;
	}
}
