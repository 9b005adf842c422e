/**
 * The simulation harness (SPEC §5): a scenario replayed on a simulated world (world.ts: the
 * real runtime and engine, the vendor in process behind MSW, a real SQLite store), its steps
 * performed (perform.ts), each day sampled, its events collected and its expectations checked
 * (expectations.ts).
 */
import {createHash} from 'node:crypto';
import type {KeyvStore} from '../source/adapters/keyv-store.js';
import {type DayEntry, dayEntry} from '../source/commands/status-document.js';
import {type Evaluation, evaluate} from '../source/engine/evaluate.js';
import {DAY, type LogEntry} from '../source/engine/types.js';
import {formatLogEntry, type Lang} from '../source/i18n/index.js';
import type {Vendor} from '../source/license-server/index.js';
import type {Outcome, Runtime} from '../source/runtime/runtime.js';
import {
	generateVendorKeyPair,
	type VendorKeyPair,
} from '../source/signing/index.js';
import {createSimulatedClock, type SimulatedClock} from './clock.js';
import {checkExpectation, type ExpectationFailure} from './expectations.js';
import type {NetworkState, SimulatedNetwork} from './network.js';
import {
	ADMIN_TOKEN,
	performStep,
	SIMULATED_SERVER,
	type StepTarget,
} from './perform.js';
import {ScenarioReplay} from './replay.js';
import type {Scenario, Step} from './scenario/index.js';
import {createSimulatedWorld, type SimulatedWorld} from './world.js';

export {checkExpectation} from './expectations.js';
export {SIMULATED_SERVER} from './perform.js';

/**
 * One sampled day: SPEC §5's day entry, built by the same function as `status --json`.
 * @example
 * const sample: DaySample | undefined = result.days.find((each) => each.day === 355);
 * console.log(sample?.state, sample?.banners);
 */
export type DaySample = {day: number; at: string} & DayEntry;

export type SimulationEvent = {
	day: number;
	at: string;
	type: string;
	detail: string;
};

/**
 * What `simulate --json` prints (SPEC §5): one sample a day, the events, the expectations
 * checked.
 * @example
 * const {days, events}: SimulationResult = await runScenario(scenario);
 */
export type SimulationResult = {
	scenario: string;
	start: string;
	lang: Lang;
	days: DaySample[];
	events: SimulationEvent[];
	expectations: {passed: number; failed: ExpectationFailure[]};
};

/**
 * How `runScenario` replays: up to which day, in which language, with a call after each day.
 * @example
 * const options: SimulationOptions = {until: 30, lang: 'fr', onDay: (sample) => console.log(sample.day, sample.state)};
 * await runScenario(scenario, options);
 */
export type SimulationOptions = {
	/** Stop after this day (inclusive). @default scenario.days */
	until?: number;
	lang?: Lang;
	/**
	 * Called after each day is sampled (the dashboard's strip, progress). `explain()` gives the
	 * engine's own evaluation of that day with the rules and facts behind it (`--explain`), and
	 * `nameOf` the scenario's name of a license id.
	 */
	onDay?: (
		sample: DaySample,
		day: {explain: () => Evaluation; nameOf: (licenseId: string) => string},
	) => void;
	/**
	 * Called after the last day, before the world goes: what the MyQ server stored then (the
	 * export of its history, the size of its store).
	 */
	onEnd?: (simulation: Simulation) => Promise<void> | void;
};

/**
 * One simulated world: the vendor, the network, the MyQ server's store and runtime. The demo
 * dashboard drives it step by step; `runScenario` drives it through a whole timeline.
 */
export class Simulation implements StepTarget {
	readonly clock: SimulatedClock;
	/** Set by `setup`: the vendor, the network, the store and the MyQ server's runtime. */
	world!: SimulatedWorld;
	/** Alias -> key, and license id -> alias (`INST/1`). */
	readonly keys = new Map<string, string>();
	private readonly aliasOfKey = new Map<string, string>();
	/** Kept as log entries (codes and params), said in a language when taken (STYLE 11). */
	private readonly events: {day: number; entry: LogEntry}[] = [];
	private lastLogEntry: LogEntry | null = null;
	private dayOf: () => number = () => 0;

	/** Keys and ids come from a generator seeded by the scenario: the same file replays the same. */
	private readonly random: (size: number) => Uint8Array;

	constructor(readonly scenario: Scenario) {
		this.clock = createSimulatedClock(scenario.start);
		this.random = seededRandom(`${scenario.name}|${scenario.start}`);
	}

	get runtime(): Runtime {
		return this.world.runtime;
	}

	get vendor(): Vendor {
		return this.world.vendor;
	}

	get network(): SimulatedNetwork {
		return this.world.network;
	}

	get store(): KeyvStore {
		return this.world.store;
	}

	/** The fingerprint the MyQ server runs on (a name of the scenario's `hardware`). */
	get hardwareName(): string {
		return this.world?.hardware.name ?? this.scenario.hardware[0]!;
	}

	/** Builds the world and mints the catalog (SPEC §5 `keys`); the MyQ server starts at day 0. */
	async setup(): Promise<void> {
		this.world = await createSimulatedWorld({
			clock: this.clock,
			baseUrl: SIMULATED_SERVER,
			hardware: this.scenario.hardware[0]!,
			vendor: {
				token: ADMIN_TOKEN,
				randomBytes: this.random,
				keyPair: simulatedVendorKeyPair(),
			},
			runtime: {
				newId: () => uuidFrom(this.random(16)),
				// Seeded too: the same file replays the same way, to the documents it stores.
				newNonce: () => Buffer.from(this.random(16)).toString('base64url'),
				newSecret: () => Buffer.from(this.random(32)).toString('base64url'),
				clockCheckInterval: null,
				contactInterval: (this.scenario.contactIntervalHours ?? 24) * 3_600_000,
			},
		});
		for (const [alias, entry] of Object.entries(this.scenario.keys)) {
			const minted = await this.vendor.service.mint(entry);
			this.keys.set(alias, minted.key);
			if (entry.type === 'installation') {
				entry.licenses.forEach((_license, index) => {
					this.aliasOfKey.set(
						`${minted.key}/${index + 1}`,
						`${alias}/${index + 1}`,
					);
				});
			}
			this.aliasOfKey.set(minted.key, alias);
		}
		await this.boot(() => this.world.start());
	}

	async dispose(): Promise<void> {
		await this.world?.dispose();
	}

	/** A MyQ server (re)start; its events are reported from its new `started` on. */
	private async boot(start: () => Promise<unknown>): Promise<void> {
		this.lastLogEntry = null;
		await start();
		this.collectEvents(true);
	}

	/** Waits until the runtime has nothing left to do (see simulator/world.ts). */
	settle(): Promise<void> {
		return this.world.settle();
	}

	/** Moves true time to `at`, running every timer due by then (scheduled contacts first). */
	async advanceTo(at: number): Promise<void> {
		await this.world.advanceTo(at);
		this.collectEvents();
	}

	/** Runs one scenario step (SPEC §5). Returns the outcome of commands that have one. */
	async perform(step: Step): Promise<Outcome | null> {
		const result = await performStep(this, step);
		this.collectEvents();
		return result;
	}

	async restart(): Promise<void> {
		await this.boot(() => this.world.restart());
	}

	setNetwork(state: NetworkState) {
		this.network.setState(state);
	}

	recordEvent(
		type: string,
		code: string,
		params: Record<string, string | number>,
	): void {
		this.pushEvent(type, code, params);
	}

	/** The alias of a license id (`INST/1`, `L10`), or the id itself for raw keys. */
	aliasOf(id: string): string {
		return this.aliasOfKey.get(id) ?? id;
	}

	setDayClock(dayOf: () => number) {
		this.dayOf = dayOf;
	}

	private pushEvent(
		type: string,
		code: string,
		params: Record<string, string | number>,
		at = this.clock.now(),
	) {
		this.pushEntry({at, type, code, params} as LogEntry);
	}

	/** Keys in event texts are shown by alias, like the licenses: in the params, or an old text. */
	private pushEntry(entry: LogEntry) {
		const aliased: LogEntry =
			'code' in entry
				? {
						...entry,
						params: Object.fromEntries(
							Object.entries(entry.params).map(([name, value]) => [
								name,
								typeof value === 'string' ? this.aliasText(value) : value,
							]),
						),
					}
				: {...entry, detail: this.aliasText(entry.detail)};
		this.events.push({day: this.dayOf(), entry: aliased});
	}

	private aliasText(text: string): string {
		let out = text;
		for (const [alias, key] of this.keys) {
			if (out.includes(key)) {
				out = out.split(key).join(alias);
			}
		}
		return out;
	}

	/** Moves the runtime's new log entries into the simulation's events. */
	private collectEvents(afterBoot = false) {
		const log = this.runtime.snapshot().state.log;
		let start = 0;
		if (this.lastLogEntry) {
			const index = log.lastIndexOf(this.lastLogEntry);
			start = index === -1 ? 0 : index + 1;
		} else if (afterBoot) {
			// After a (re)start the log comes back from the store: report from the new `started` on.
			const lastStart = log.map((entry) => entry.type).lastIndexOf('started');
			start = lastStart === -1 ? 0 : lastStart;
		}
		for (const entry of log.slice(start)) {
			this.pushEntry({...entry, at: this.clock.now()});
		}
		this.lastLogEntry = log.at(-1) ?? null;
	}

	/** The events so far, each said in `lang` (SPEC §5 `events[].detail`). */
	takeEvents(lang: Lang = this.scenario.lang): SimulationEvent[] {
		return this.events.map(({day, entry}) => ({
			day,
			at: new Date(entry.at).toISOString(),
			type: entry.type,
			detail: formatLogEntry(entry, lang),
		}));
	}

	sample(day: number, lang: Lang): DaySample {
		const {state, evaluation} = this.runtime.snapshot();
		return {
			day,
			at: new Date(this.scenario.start + day * DAY).toISOString(),
			...dayEntry(state, evaluation, lang, (id) => this.aliasOf(id)),
		};
	}
}

/**
 * Replays a scenario (SPEC §5 same-day order) and checks its `expect` blocks.
 * @example
 * const result = await runScenario(await loadScenario('renewal.yaml'), {lang: 'fr'});
 * console.log(result.expectations.failed); // [] when every expect block held
 */
export async function runScenario(
	scenario: Scenario,
	options: SimulationOptions = {},
): Promise<SimulationResult> {
	const lang = options.lang ?? scenario.lang;
	const last = Math.min(options.until ?? scenario.days, scenario.days);
	const simulation = new Simulation(scenario);
	const replay = new ScenarioReplay(simulation);
	const days: DaySample[] = [];
	const failed: ExpectationFailure[] = [];
	let passed = 0;
	try {
		await simulation.setup();
		for (let day = 0; day <= last; day++) {
			// The scheduled contact of the instant runs first, then the day's steps in file order
			// (those with `at` happen after the sample, on the way to the next day).
			await replay.toDay(day);
			const sample = simulation.sample(day, lang);
			days.push(sample);
			options.onDay?.(sample, {
				explain() {
					const {state, evaluation} = simulation.runtime.snapshot();
					return evaluate(state, evaluation.now, {explain: true});
				},
				nameOf: (id) => simulation.aliasOf(id),
			});
			const dayEvents = simulation
				.takeEvents(lang)
				.filter((event) => event.day === day);
			for (const expectation of scenario.expect.filter(
				(candidate) => candidate.day === day,
			)) {
				const failures = checkExpectation(expectation, sample, dayEvents);
				if (failures.length === 0) {
					passed += 1;
				} else {
					failed.push(...failures);
				}
			}
		}
		await replay.finishDay();
		await options.onEnd?.(simulation);
	} finally {
		await simulation.dispose();
	}
	return {
		scenario: scenario.name,
		start: new Date(scenario.start).toISOString(),
		lang,
		days,
		events: simulation.takeEvents(lang),
		expectations: {passed, failed},
	};
}

/** A deterministic byte source: SHA-256 of the seed and a counter. */
export function seededRandom(seed: string): (size: number) => Uint8Array {
	let counter = 0;
	return (size) => {
		const out = new Uint8Array(size);
		for (let offset = 0; offset < size; offset += 32) {
			counter += 1;
			out.set(
				createHash('sha256')
					.update(`${seed}#${counter}`)
					.digest()
					.subarray(0, Math.min(32, size - offset)),
				offset,
			);
		}
		return out;
	};
}

function uuidFrom(bytes: Uint8Array): string {
	const hex = Buffer.from(bytes).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The simulated vendor signs with one key pair per process, so replays in one process (the
 * tests, the bench) make byte-identical documents.
 */
let vendorKeyPair: VendorKeyPair | null = null;
function simulatedVendorKeyPair(): VendorKeyPair {
	vendorKeyPair ??= generateVendorKeyPair();
	return vendorKeyPair;
}
