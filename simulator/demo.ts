/**
 * The demo's driver: one simulated world (runner's `Simulation`) that the dashboard moves by
 * hand: advance time, cut the network, swap hardware, restart, step through a scenario. The
 * dashboard reads `view()` and re-renders on every `subscribe` notification.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {type Evaluation, nextContactAt} from '../source/engine/evaluate.js';
import {DAY} from '../source/engine/types.js';
import type {Lang} from '../source/i18n/index.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import type {Outcome} from '../source/runtime/runtime.js';
import type {
	DemoControls,
	DemoKey,
	DemoMessage,
	DemoView,
} from '../source/ui/demo-controls.js';
import type {NetworkState} from './network.js';
import {Simulation} from './runner.js';
import {loadScenario, type Scenario} from './scenario/index.js';
import {describeStep} from './step-description.js';

export type {DemoKey, DemoView};

/** The scenario `npm start` opens: demo keys, and a guided path a trainer can step through. */
export const DEFAULT_DEMO_SCENARIO = path.join(
	packageRoot(),
	'fixtures',
	'demo.yaml',
);

/** The checkout's root, from here or from dist/ (the demo ships with its fixtures). */
function packageRoot(): string {
	let directory = path.dirname(fileURLToPath(import.meta.url));
	while (
		!existsSync(path.join(directory, 'package.json')) &&
		path.dirname(directory) !== directory
	) {
		directory = path.dirname(directory);
	}
	return directory;
}

/** A runtime outcome said in the demo's language, for the status line. */
function said(lang: Lang, outcome: Outcome): DemoMessage {
	return {
		ok: outcome.ok,
		code: outcome.code,
		message: renderOutcome(lang, outcome),
	};
}

/** The dashboard's simulation controls (source/ui/demo-controls.ts) over one simulated world. */
export class DemoController implements DemoControls {
	private readonly listeners = new Set<() => void>();
	private unsubscribeRuntime: (() => void) | null = null;
	private readonly strip: Evaluation['state'][] = [];
	private stepIndex = 0;
	private busy = false;
	private message: DemoMessage | null = null;
	private cached: DemoView | null = null;

	private constructor(
		readonly simulation: Simulation,
		readonly scenario: Scenario,
	) {}

	static async create(
		options: {scenario?: Scenario; scenarioFile?: string} = {},
	): Promise<DemoController> {
		// Read as simulate reads it: within the scenario limits, never whole first (issue 10 point 5).
		const scenario =
			options.scenario ??
			(await loadScenario(options.scenarioFile ?? DEFAULT_DEMO_SCENARIO));
		const simulation = new Simulation(scenario);
		await simulation.setup();
		const demo = new DemoController(simulation, scenario);
		demo.attach();
		demo.record();
		return demo;
	}

	get runtime() {
		return this.simulation.runtime;
	}

	get lang(): Lang {
		return this.scenario.lang;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	view(): DemoView {
		if (this.cached) {
			return this.cached;
		}
		const next = this.scenario.steps[this.stepIndex];
		this.cached = {
			now: this.simulation.clock.server.now(),
			day: this.currentDay(),
			network: this.simulation.network.state(),
			hardware: this.simulation.hardwareName,
			hardwareNames: this.scenario.hardware,
			snapshot: this.runtime.snapshot(),
			strip: [...this.strip],
			keys: this.demoKeys(),
			scenario: {
				name: this.scenario.name,
				done: this.stepIndex,
				total: this.scenario.steps.length,
				next: next ? describeStep(next) : null,
			},
			busy: this.busy,
			message: this.message,
		};
		return this.cached;
	}

	async dispose(): Promise<void> {
		this.unsubscribeRuntime?.();
		await this.simulation.dispose();
	}

	// --- Simulation controls --------------------------------------------------------------

	advance(ms: number): Promise<void> {
		return this.control(async () => {
			await this.advanceTo(this.simulation.clock.now() + ms);
			return null;
		});
	}

	/** To the next instant something changes or the server is contacted. */
	advanceToNextDeadline(): Promise<void> {
		return this.control(async () => {
			const {state, evaluation} = this.runtime.snapshot();
			const serverNow = this.simulation.clock.server.now();
			const candidates = [
				evaluation.nextChangeAt,
				nextContactAt(state, serverNow, DAY),
			].filter((at): at is number => at !== null && at > serverNow);
			const target =
				candidates.length > 0 ? Math.min(...candidates) : serverNow + DAY;
			await this.advanceTo(this.simulation.clock.now() + (target - serverNow));
			return null;
		});
	}

	/** Forward to the instant of day `day` (time never goes back). */
	jumpToDay(day: number): Promise<void> {
		return this.control(async () => {
			const at = this.scenario.start + day * DAY;
			if (at <= this.simulation.clock.now()) {
				return {
					ok: false,
					code: 'past',
					message: `Day ${day} is already past: time only moves forward.`,
				};
			}
			await this.advanceTo(at);
			return null;
		});
	}

	setNetwork(state: NetworkState): Promise<void> {
		return this.control(async () => {
			this.simulation.setNetwork(state);
			return {ok: true, message: `Network: ${state}`};
		});
	}

	toggleNetwork(): Promise<void> {
		return this.setNetwork(
			this.simulation.network.state() === 'online' ? 'offline' : 'online',
		);
	}

	/** Restarts the MyQ server on the next named hardware (R8). */
	swapHardware(): Promise<void> {
		return this.control(async () => {
			const names =
				this.scenario.hardware.length > 1
					? this.scenario.hardware
					: [...this.scenario.hardware, 'other-hardware'];
			const index = names.indexOf(this.simulation.hardwareName);
			const use = names[(index + 1) % names.length]!;
			await this.simulation.perform({
				do: 'hardware',
				use,
				day: this.currentDay(),
				line: 0,
			});
			this.attach();
			return {ok: true, message: `Restarted on ${use}`};
		});
	}

	restart(): Promise<void> {
		return this.control(async () => {
			await this.simulation.restart();
			this.attach();
			return {ok: true, message: 'MyQ server restarted'};
		});
	}

	/** Runs the scenario's next step, moving time to its day (and hour) first. */
	stepScenario(): Promise<void> {
		return this.control(async () => {
			const step = this.scenario.steps[this.stepIndex];
			if (!step) {
				return {
					ok: false,
					code: 'done',
					message: 'The scenario has no more steps.',
				};
			}
			const at = this.scenario.start + step.day * DAY + (step.at ?? 0);
			if (at > this.simulation.clock.now()) {
				await this.advanceTo(at);
			}
			this.stepIndex += 1;
			const outcome = await this.simulation.perform(step);
			if (step.do === 'restart' || step.do === 'hardware') {
				this.attach();
			}
			// The dashboard names the step itself, in its language (the status line).
			return outcome ? said(this.lang, outcome) : {ok: true, message: ''};
		});
	}

	/** The simulated vendor portal answers a manual activation request file (R5). */
	offlineActivate(requestText: string): Promise<string> {
		return this.simulation.vendor.service.offlineActivate(requestText);
	}

	/** Reports what a dashboard command did in the status line. */
	report(outcome: Outcome) {
		this.message = said(this.lang, outcome);
		this.changed();
	}

	// --- Internals ------------------------------------------------------------------------

	private async control(
		action: () => Promise<DemoMessage | null>,
	): Promise<void> {
		if (this.busy) {
			return;
		}
		this.busy = true;
		this.changed();
		try {
			const outcome = await action();
			if (outcome) {
				this.message = outcome;
			}
		} finally {
			this.busy = false;
			this.changed();
		}
	}

	/** Advances day by day so the strip gets one sample per day instant crossed. */
	private async advanceTo(at: number) {
		for (;;) {
			const nextDay = this.scenario.start + this.strip.length * DAY;
			if (nextDay > at) {
				break;
			}
			await this.simulation.advanceTo(nextDay);
			this.record();
		}
		await this.simulation.advanceTo(at);
		this.changed();
	}

	private record() {
		const day = this.currentDay();
		while (this.strip.length <= day) {
			this.strip.push(this.runtime.snapshot().evaluation.state);
		}
		this.changed();
	}

	private currentDay(): number {
		return Math.max(
			0,
			Math.floor((this.simulation.clock.now() - this.scenario.start) / DAY),
		);
	}

	private attach() {
		this.unsubscribeRuntime?.();
		this.unsubscribeRuntime = this.runtime.subscribe(() => this.changed());
		this.changed();
	}

	private changed() {
		this.cached = null;
		for (const listener of this.listeners) {
			listener();
		}
	}

	private demoKeys(): DemoKey[] {
		return Object.entries(this.scenario.keys).map(([alias, entry]) => ({
			alias,
			key: this.simulation.keys.get(alias) ?? '',
			entry,
		}));
	}
}
