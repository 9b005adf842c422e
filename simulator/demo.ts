/**
 * The demo's driver: one simulated world with a memory (demo-recording.ts) that the dashboard
 * moves by hand: time both ways, the network's five states, hardware, the MyQ server's clock, the
 * vendor's admin operations, restarts, the scenario's steps, and other scenarios to open. The
 * dashboard reads `view()` and re-renders on every `subscribe` notification.
 */
import {createHash} from 'node:crypto';
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {readFileUpTo} from '../source/adapters/bounded-read.js';
import {evaluate, nextContactAt} from '../source/engine/evaluate.js';
import {type CustomerForm, DAY, HOUR} from '../source/engine/types.js';
import type {Outcome, Runtime} from '../source/runtime/runtime.js';
import {
	type DemoControls,
	type DemoKey,
	type DemoMessage,
	type DemoNetwork,
	type DemoScenarioChoice,
	type DemoTarget,
	type DemoVendorAction,
	type DemoView,
	isChangeDay,
} from '../source/ui/demo-controls.js';
import {DemoRecording, type RuntimeCall} from './demo-recording.js';
import {SCENARIO_LIMITS} from './scenario/limits.js';
import type {Scenario, Step} from './scenario/types.js';
import {describeStep} from './step-description.js';

export type {DemoKey, DemoView};

/** The scenario `npm start` opens: demo keys, and a guided path a trainer can step through. */
export const DEFAULT_DEMO_SCENARIO = path.join(
	packageRoot(),
	'fixtures',
	'demo.yaml',
);

/**
 * The default demo's scenario as `npm run build` checked and built it (scripts/demo-scenario.mjs),
 * beside the SHA-256 of the YAML it came from.
 */
export const COMPILED_DEMO_SCENARIO = path.join(
	packageRoot(),
	'dist',
	'demo-scenario.json',
);

/** The ready scenarios of a training session (issue 13, point 4), opened with `o`. */
export const TRAINING_DIRECTORY = path.join(
	packageRoot(),
	'fixtures',
	'training',
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

/** A scenario file, read and checked (the YAML parser and the schema load only when needed). */
async function loadScenario(file: string): Promise<Scenario> {
	return (await import('./scenario/index.js')).loadScenario(file);
}

/**
 * The default demo's scenario, `npm start`'s: the one the build compiled when the YAML is still
 * the one it was compiled from, so the demo neither loads the YAML parser nor checks the file
 * again before the Home screen is whole (issue 16: about a tenth of the start on this machine).
 * The YAML otherwise (edited since the build, or no build output): read and checked as any file.
 */
export async function loadDefaultScenario(
	file = DEFAULT_DEMO_SCENARIO,
	compiled = COMPILED_DEMO_SCENARIO,
): Promise<Scenario> {
	try {
		const [yaml, json] = await Promise.all([
			readFileUpTo(file, SCENARIO_LIMITS.bytes),
			readFileUpTo(compiled, 4 * SCENARIO_LIMITS.bytes),
		]);
		if (yaml.ok && json.ok) {
			const built = JSON.parse(json.value.toString('utf8')) as {
				sha256?: unknown;
				scenario?: Scenario;
			};
			if (built.sha256 === scenarioHash(yaml.value) && built.scenario)
				return built.scenario;
		}
	} catch {
		// Not built, or not readable: the YAML says what is wrong, if anything is.
	}
	return loadScenario(file);
}

/** What ties a compiled scenario to the text it was compiled from. */
export function scenarioHash(text: Uint8Array | string): string {
	return createHash('sha256').update(text).digest('hex');
}

type ScenarioFile = {id: string; file: string};

/** The default demo, the training scenarios, and the one given with --scenario. */
function scenarioFiles(given: string | undefined): ScenarioFile[] {
	let training: string[] = [];
	try {
		training = readdirSync(TRAINING_DIRECTORY)
			.filter((file) => /\.ya?ml$/.test(file))
			.sort();
	} catch {
		// No training folder (an installation without fixtures): the demo alone.
	}
	return [
		{id: 'demo', file: DEFAULT_DEMO_SCENARIO},
		...training.map((file) => ({
			id: file.replace(/\.ya?ml$/, ''),
			file: path.join(TRAINING_DIRECTORY, file),
		})),
		...(given === undefined ? [] : [{id: 'file', file: given}]),
	];
}

/** A guard against a world whose timers never stop: a year of daily contacts is about 400. */
const MAX_EVENTS_PER_MOVE = 100_000;

/** How long a quick control (an hour, a day) runs before the bar marks the demo busy. */
export const BUSY_SHOWN_AFTER_MS = 250;

/** The dashboard's simulation controls (source/ui/demo-controls.ts) over one simulated world. */
export class DemoController implements DemoControls {
	private readonly listeners = new Set<() => void>();
	private unsubscribeRuntime: (() => void) | null = null;
	/** Controls and recorded commands asked and not done yet. */
	private pending = 0;
	/** While a control runs, the dashboard is told once, when it is done (not at every event of a replay). */
	private isQuiet = false;
	/** Whether the bar says it is busy: a quick control only once it has run busyShownAfterMs. */
	private isBusyShown = false;
	private busyShownAfterMs = BUSY_SHOWN_AFTER_MS;
	private queue: Promise<unknown> = Promise.resolve();
	private message: DemoMessage | null = null;
	private note: Step['note'] | null = null;
	private cached: DemoView | null = null;
	private recorded!: DemoRecording;
	private scenarioId: string;
	private proxied: {runtime: Runtime; proxy: Runtime} | null = null;

	private constructor(
		private currentScenario: Scenario,
		private readonly files: ScenarioFile[],
		scenarioId: string,
	) {
		this.scenarioId = scenarioId;
	}

	static async create(
		options: {
			scenario?: Scenario;
			scenarioFile?: string;
			/** @default BUSY_SHOWN_AFTER_MS */
			busyShownAfterMs?: number;
		} = {},
	): Promise<DemoController> {
		// Read as simulate reads it: within the scenario limits, never whole first (issue 10 point 5).
		const scenario =
			options.scenario ??
			(options.scenarioFile === undefined
				? await loadDefaultScenario()
				: await loadScenario(options.scenarioFile));
		const files = scenarioFiles(options.scenarioFile);
		const id =
			options.scenario !== undefined
				? 'given'
				: options.scenarioFile === undefined
					? 'demo'
					: 'file';
		const demo = new DemoController(scenario, files, id);
		demo.busyShownAfterMs = options.busyShownAfterMs ?? BUSY_SHOWN_AFTER_MS;
		demo.recorded = await DemoRecording.open(scenario, () => demo.attach());
		demo.attach();
		return demo;
	}

	get scenario(): Scenario {
		return this.currentScenario;
	}

	/** The world as it is now (another one after each replay). */
	get simulation() {
		return this.recorded.simulation;
	}

	/**
	 * The MyQ server's runtime, as the dashboard must use it: what it asks is recorded, so that
	 * going back in time replays it (a Save, an Activate, a device, a manual activation).
	 */
	get runtime(): Runtime {
		const runtime = this.recorded.runtime;
		if (this.proxied?.runtime !== runtime) {
			this.proxied = {runtime, proxy: this.recording(runtime)};
		}
		return this.proxied.proxy;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	view(): DemoView {
		if (this.cached) {
			return this.cached;
		}
		const recorded = this.recorded;
		const simulation = recorded.simulation;
		const next = this.scenario.steps[recorded.stepIndex];
		this.cached = {
			now: simulation.clock.server.now(),
			day: recorded.day,
			network: simulation.network.state(),
			hardware: simulation.hardwareName,
			hardwareNames: this.scenario.hardware,
			clockOffset: simulation.clock.offset,
			snapshot: recorded.runtime.snapshot(),
			timeline: recorded.timeline(),
			future: recorded.future(),
			ahead: recorded.ahead,
			keys: this.demoKeys(),
			targets: this.targets(),
			scenarios: this.scenarioChoices(),
			scenario: {
				id: this.scenarioId,
				name: this.scenario.name,
				done: recorded.stepIndex,
				total: this.scenario.steps.length,
				next: next ? describeStep(next) : null,
				note: this.note ?? null,
			},
			busy: this.pending > 0,
			isBusyShown: this.isBusyShown,
			message: this.message,
		};
		return this.cached;
	}

	async dispose(): Promise<void> {
		await this.queue.catch(() => undefined);
		this.unsubscribeRuntime?.();
		await this.recorded.dispose();
	}

	// --- Time -------------------------------------------------------------------------------

	advance(ms: number): Promise<void> {
		return this.control(
			async () => {
				await this.recorded.moveTo(this.recorded.now + ms);
				return {ok: true, code: 'moved'};
			},
			{isQuick: ms <= DAY},
		);
	}

	/**
	 * To the next instant anything visible changes (issue 13, point 3): event by event (a
	 * contact, a wake-up of the engine, a recorded action), stopping at the first after which the
	 * state, a banner or its count, a license's status, term or capacity differs, and at the
	 * engine's `nextChangeAt` at the latest. A failed contact shows a banner the engine could not
	 * foresee: that is a change too.
	 */
	nextChange(): Promise<void> {
		return this.control(async () => {
			const recorded = this.recorded;
			const before = this.visible();
			const bound = this.nextChangeBound();
			if (bound === null) return {ok: false, code: 'nothing-ahead'};
			for (let events = 0; events < MAX_EVENTS_PER_MOVE; events++) {
				if (recorded.now >= bound) break;
				await recorded.stepForward(bound);
				if (this.visible() !== before) return {ok: true, code: 'next-change'};
			}
			return {ok: true, code: 'no-change'};
		});
	}

	/** Back to the last day before today whose end differs from the day before it (replays). */
	previousChange(): Promise<void> {
		return this.control(async () => {
			const timeline = this.recorded.timeline();
			const today = this.recorded.day;
			let target = -1;
			for (let day = today - 1; day >= 0; day--) {
				if (isChangeDay(timeline, day)) {
					target = day;
					break;
				}
			}
			if (target < 0) return {ok: false, code: 'no-earlier-change'};
			return this.goBack(target);
		});
	}

	/** Forward to day `day`, or back to it by replaying from day 0. */
	jumpToDay(day: number): Promise<void> {
		return this.control(async () => {
			if (day > this.scenario.days) {
				return {
					ok: false,
					code: 'past-end',
					params: {day, days: this.scenario.days},
				};
			}
			const at = this.scenario.start + day * DAY;
			if (at === this.recorded.now) {
				return {ok: true, code: 'already-there', params: {day}};
			}
			if (at > this.recorded.now) {
				await this.recorded.moveTo(at);
				return {ok: true, code: 'moved'};
			}
			return this.goBack(day);
		});
	}

	// --- The world --------------------------------------------------------------------------

	setNetwork(state: DemoNetwork): Promise<void> {
		return this.control(async () => {
			await this.recorded.act({type: 'network', state});
			return {ok: true, code: 'network', params: {state}};
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
			await this.recorded.act({type: 'hardware', use});
			return {ok: true, code: 'hardware', params: {hardware: use}};
		});
	}

	restart(): Promise<void> {
		return this.control(async () => {
			await this.recorded.act({type: 'restart'});
			return {ok: true, code: 'restarted'};
		});
	}

	/** R15: the MyQ server's clock moves by `ms` (back when negative); null puts it right. */
	shiftClock(ms: number | null): Promise<void> {
		return this.control(async () => {
			const offset = this.simulation.clock.offset;
			const shift = ms ?? -offset;
			if (shift === 0) {
				return {ok: true, code: 'clock-right'};
			}
			await this.recorded.act({type: 'clock', shift});
			return {
				ok: true,
				code: 'clock',
				params: {
					minutes: Math.round(shift / 60_000),
					offset: Math.round(this.simulation.clock.offset / 60_000),
				},
			};
		});
	}

	vendor(
		action: DemoVendorAction,
		target: string,
		days?: number,
	): Promise<void> {
		return this.control(async () => {
			const outcome = (await this.recorded.act({
				type: 'vendor',
				action,
				key: target,
				...(days === undefined ? {} : {days}),
			})) as Outcome;
			return {
				ok: outcome.ok,
				code: 'vendor',
				params: {action, target, days: days ?? 0},
				outcome,
			};
		});
	}

	/** Runs the scenario's next step, moving time to its day (and hour) first. */
	stepScenario(): Promise<void> {
		return this.control(async () => {
			const index = this.recorded.stepIndex;
			const step = this.scenario.steps[index];
			if (!step) {
				return {ok: false, code: 'no-more-steps'};
			}
			const at = this.scenario.start + step.day * DAY + (step.at ?? 0);
			if (at > this.recorded.now) {
				await this.recorded.moveTo(at);
			}
			// Time went back before this step was done: moving to it did it again, as recorded.
			if (this.recorded.stepIndex > index) {
				return {ok: true, code: 'stepped', outcome: null};
			}
			const outcome = (await this.recorded.act({
				type: 'step',
				index,
			})) as Outcome | null;
			return {ok: outcome?.ok ?? true, code: 'stepped', outcome};
		});
	}

	/** Opens another scenario from day 0; the one open is forgotten with what was done in it. */
	openScenario(id: string): Promise<void> {
		return this.control(async (): Promise<DemoMessage> => {
			const choice = this.files.find((file) => file.id === id);
			if (!choice && id !== this.scenarioId) {
				return {ok: false, code: 'unknown-scenario', params: {id}};
			}
			const scenario = choice
				? await loadScenario(choice.file)
				: this.currentScenario;
			const previous = this.recorded;
			this.unsubscribeRuntime?.();
			this.unsubscribeRuntime = null;
			await previous.dispose();
			this.currentScenario = scenario;
			this.scenarioId = id;
			this.recorded = await DemoRecording.open(scenario, () => this.attach());
			this.attach();
			return {ok: true, code: 'opened', params: {name: scenario.name}};
		});
	}

	/** The simulated vendor portal answers a manual activation request file (R5). */
	offlineActivate(requestText: string): Promise<string> {
		return this.exclusive(
			() =>
				this.recorded.act({
					type: 'portal',
					request: requestText,
				}) as Promise<string>,
		);
	}

	// --- Internals ------------------------------------------------------------------------

	/** Back to day `day` by replaying from day 0; says where it landed. */
	private async goBack(day: number): Promise<DemoMessage> {
		const replayed = await this.recorded.rewindTo(
			this.scenario.start + day * DAY,
		);
		return {
			ok: true,
			code: 'replayed',
			params: {day, actions: replayed, ahead: this.recorded.ahead},
		};
	}

	/**
	 * The instant `x` goes to at the latest: the engine's next change (on true time: the MyQ
	 * server's clock may be shifted), or, when nothing changes by itself, the next contact.
	 */
	private nextChangeBound(): number | null {
		const {state} = this.recorded.runtime.snapshot();
		const serverNow = this.simulation.clock.server.now();
		const offset = this.simulation.clock.offset;
		const change = evaluate(state, serverNow).nextChangeAt;
		if (change !== null) return change - offset;
		const contact = nextContactAt(
			state,
			serverNow,
			(this.scenario.contactIntervalHours ?? 24) * HOUR,
		);
		if (contact !== null) return contact - offset;
		// Nothing activated: only a recorded action ahead can change anything.
		return this.recorded.nextActionAt();
	}

	/** What a person sees change: state, banners and counts, licenses, capacity, devices. */
	private visible(): string {
		const {state} = this.recorded.runtime.snapshot();
		const evaluation = evaluate(state, this.simulation.clock.server.now());
		return JSON.stringify([
			evaluation.state,
			evaluation.banners,
			evaluation.capacity,
			evaluation.devices.licensed,
			evaluation.licenses.map((license) => [
				license.id,
				license.status,
				license.reason,
				license.expiresAt,
				license.renewsAt,
			]),
		]);
	}

	/**
	 * One control at a time, in the order asked (`c c c` steps three times); `busy` from the
	 * moment one is asked (demo play skips a tick then, rather than queue it).
	 */
	private exclusive<T>(
		work: () => Promise<T>,
		options: {isQuick?: boolean} = {},
	): Promise<T> {
		this.pending += 1;
		// The bar's mark: at once, or for a quick control (an hour, a day: usually done sooner)
		// only once it has run busyShownAfterMs, since showing then hiding it rewrote the bar twice
		// a day over SSH (issue 16: a day-advance at 80x24 in at most 1,000 bytes).
		let showBusy: NodeJS.Timeout | null = null;
		if (options.isQuick) {
			showBusy = setTimeout(() => {
				this.isBusyShown = true;
				this.changed();
			}, this.busyShownAfterMs);
			showBusy.unref();
		} else {
			this.isBusyShown = true;
		}
		this.changed();
		const run = this.queue.then(work, work).finally(() => {
			if (showBusy !== null) clearTimeout(showBusy);
			this.pending -= 1;
			if (this.pending === 0) this.isBusyShown = false;
			this.changed();
		});
		this.queue = run.catch(() => undefined);
		return run;
	}

	/** A control: one at a time; its message, and the note of a step just done (point 4). */
	private control(
		action: () => Promise<DemoMessage>,
		options: {isQuick?: boolean} = {},
	): Promise<void> {
		return this.exclusive(async () => {
			this.isQuiet = true;
			try {
				this.message = await action();
				this.note =
					this.message.code === 'stepped'
						? (this.scenario.steps[this.recorded.stepIndex - 1]?.note ?? null)
						: null;
			} finally {
				this.isQuiet = false;
			}
		}, options);
	}

	/** The runtime with the dashboard's commands recorded (and the world settled after each). */
	private recording(runtime: Runtime): Runtime {
		const record = (call: RuntimeCall, live = {}) =>
			this.exclusive(async () => {
				const result = await this.recorded.act({type: 'call', call}, live);
				// The trainer did something by hand: the last step's note no longer says what
				// the screen shows (it said "the form is saved" beside the licenses activated).
				this.note = null;
				this.changed();
				return result;
			});
		const calls: Record<string, (...args: never[]) => unknown> = {
			save: (form: CustomerForm | null, keysText: string) =>
				record({name: 'save', form, keysText}),
			activate: () => record({name: 'activate'}),
			connect: () => record({name: 'connect'}),
			exportActivationRequest: (
				deliver?: Parameters<Runtime['exportActivationRequest']>[0],
			) => record({name: 'export'}, {deliver}),
			importActivationResponse: (text: string) =>
				record({name: 'import', text}),
			activateDevice: (id?: string) => record({name: 'activate-device', id}),
			deactivateDevice: (id?: string) =>
				record({name: 'deactivate-device', id}),
		};
		return new Proxy(runtime, {
			get(target, property, receiver) {
				const call =
					typeof property === 'string' && Object.hasOwn(calls, property)
						? calls[property]
						: undefined;
				if (call) return call;
				const value = Reflect.get(target, property, target);
				void receiver;
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
	}

	private attach() {
		// Called from the recording's first build too, before it is ours: then `create` attaches.
		if (!this.recorded) return;
		this.unsubscribeRuntime?.();
		this.unsubscribeRuntime = this.recorded.runtime.subscribe(() =>
			this.changed(),
		);
		this.changed();
	}

	private changed() {
		this.cached = null;
		if (this.isQuiet) return;
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

	/** What the vendor can act on, the keys on this installation first. */
	private targets(): DemoTarget[] {
		const {state} = this.recorded.runtime.snapshot();
		const here = new Set([
			...state.pending.map((pending) => pending.key),
			...(state.document?.payload.licenses ?? []).map((grant) => grant.key),
		]);
		const targets: DemoTarget[] = [];
		for (const [alias, entry] of Object.entries(this.scenario.keys)) {
			const isHere = here.has(this.simulation.keys.get(alias) ?? '');
			if (entry.type === 'license') {
				const {type: _type, ...spec} = entry;
				targets.push({id: alias, spec, isHere});
				continue;
			}
			if (entry.licenses.length > 1)
				targets.push({id: alias, spec: null, isHere});
			entry.licenses.forEach((spec, index) => {
				targets.push({id: `${alias}/${index + 1}`, spec, isHere});
			});
		}
		return [
			...targets.filter((target) => target.isHere),
			...targets.filter((target) => !target.isHere),
		];
	}

	private scenarioChoices(): DemoScenarioChoice[] {
		const choices = this.files.map((file) => ({
			id: file.id,
			name: file.id === 'file' ? path.basename(file.file) : file.id,
			isCurrent: file.id === this.scenarioId,
		}));
		if (!choices.some((choice) => choice.isCurrent))
			choices.push({
				id: this.scenarioId,
				name: this.scenario.name,
				isCurrent: true,
			});
		return choices.map((choice) =>
			choice.isCurrent ? {...choice, name: this.scenario.name} : choice,
		);
	}
}
