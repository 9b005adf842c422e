/**
 * The simulation harness (SPEC §5): the real runtime and engine against the simulated clock,
 * the vendor's Hono app in process behind the MSW network layer, named fingerprints, and a real
 * SQLite store in a temporary folder. A `restart` is a new runtime over the same store.
 */
import {createHash} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import Keyv from 'keyv';
import {createNamedProbe} from '../source/adapters/hardware-probe.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {type KeyvStore, openStore} from '../source/adapters/keyv-store.js';
import {type DayEntry, dayEntry} from '../source/commands/status-document.js';
import {DAY, type LogEntry} from '../source/engine/types.js';
import type {Lang} from '../source/i18n/index.js';
import {createVendor, type Vendor} from '../source/license-server/index.js';
import type {HardwareProbe, LicenseServer} from '../source/ports/index.js';
import {failed, serverRefusal, succeeded} from '../source/runtime/outcome.js';
import {
	createRuntime,
	type Outcome,
	type Runtime,
} from '../source/runtime/runtime.js';
import {
	generateVendorKeyPair,
	importPublicKey,
	toSignedFileText,
	type VendorKeyPair,
} from '../source/signing/index.js';
import {createSimulatedClock, type SimulatedClock} from './clock.js';
import {
	createSimulatedNetwork,
	type NetworkState,
	type SimulatedNetwork,
} from './network.js';
import type {Expectation, Scenario, Step} from './scenario.js';

export const SIMULATED_SERVER = 'http://license-server.simulated';
const ADMIN_TOKEN = 'simulator-admin-token';

/** One sampled day: SPEC §5's day entry, built by the same function as `status --json`. */
export type DaySample = {day: number; at: string} & DayEntry;

export type SimulationEvent = {
	day: number;
	at: string;
	type: string;
	detail: string;
};

export type ExpectationFailure = {
	day: number;
	line: number;
	field: string;
	expected: unknown;
	actual: unknown;
	message: string;
};

export type SimulationResult = {
	scenario: string;
	start: string;
	lang: Lang;
	days: DaySample[];
	events: SimulationEvent[];
	expectations: {passed: number; failed: ExpectationFailure[]};
};

export type SimulationOptions = {
	/** Stop after this day (inclusive). @default scenario.days */
	until?: number;
	lang?: Lang;
	/** Called after each day is sampled (the dashboard's strip, progress). */
	onDay?: (sample: DaySample) => void;
};

/**
 * One simulated world: the vendor, the network, the MyQ server's store and runtime. The demo
 * dashboard drives it step by step; `runScenario` drives it through a whole timeline.
 */
export class Simulation {
	readonly clock: SimulatedClock;
	runtime!: Runtime;
	vendor!: Vendor;
	network!: SimulatedNetwork;
	store!: KeyvStore;
	/** Alias -> key, and license id -> alias (`INST/1`). */
	readonly keys = new Map<string, string>();
	private readonly aliasOfKey = new Map<string, string>();
	hardwareName: string;
	private directory = '';
	private server!: LicenseServer;
	private inFlight = 0;
	private stalled: (() => void) | null = null;
	private readonly events: SimulationEvent[] = [];
	private lastLogEntry: LogEntry | null = null;
	private dayOf: () => number = () => 0;

	/** Keys and ids come from a generator seeded by the scenario: the same file replays the same. */
	private readonly random: (size: number) => Uint8Array;

	constructor(readonly scenario: Scenario) {
		this.clock = createSimulatedClock(scenario.start);
		this.hardwareName = scenario.hardware[0]!;
		this.random = seededRandom(`${scenario.name}|${scenario.start}`);
	}

	/** Builds the world and mints the catalog (SPEC §5 `keys`); the MyQ server starts at day 0. */
	async setup(): Promise<void> {
		this.directory = await mkdtemp(path.join(tmpdir(), 'myq-simulation-'));
		// In memory, without JSON round trips: the catalog treats its records as immutable.
		this.vendor = await createVendor({
			store: new Keyv({serialize: undefined, deserialize: undefined}),
			now: () => this.clock.now(),
			token: ADMIN_TOKEN,
			randomBytes: this.random,
			keyPair: simulatedVendorKeyPair(),
		});
		this.network = createSimulatedNetwork({
			baseUrl: SIMULATED_SERVER,
			app: this.vendor.app,
			clock: this.clock.world,
		});
		const client = createHttpLicenseServer({
			baseUrl: SIMULATED_SERVER,
			clock: this.clock.server,
			fetch: this.trackedFetch(),
			publicKey: importPublicKey(this.vendor.publicKey),
		});
		this.server = client;
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
		this.store = await openStore(
			`sqlite://${path.join(this.directory, 'myq.sqlite')}`,
			{now: () => this.clock.now()},
		);
		await this.boot();
	}

	async dispose(): Promise<void> {
		await this.runtime?.stop();
		await this.store?.close();
		if (this.directory) {
			await rm(this.directory, {recursive: true, force: true});
		}
	}

	/** A MyQ server (re)start on the current hardware over the same store. */
	private async boot(): Promise<void> {
		const probe: HardwareProbe = createNamedProbe(this.hardwareName);
		this.runtime = createRuntime({
			clock: this.clock.server,
			server: this.server,
			hardware: probe,
			store: this.store,
			vendorKey: this.vendor.publicKey,
			newId: () => uuidFrom(this.random(16)),
			clockCheckInterval: null,
			contactInterval: (this.scenario.contactIntervalHours ?? 24) * 3_600_000,
		});
		this.lastLogEntry = null;
		const started = this.runtime.start();
		await this.settle();
		await started;
		this.collectEvents(true);
	}

	/** Counts requests on the wire, and notices the ones that wait on the clock (the slow network). */
	private trackedFetch(): typeof fetch {
		return async (input, init) => {
			this.inFlight += 1;
			const isSlow = this.network.state() === 'slow';
			const call = this.network.fetch(input, init);
			if (isSlow) {
				this.stalled?.();
			}
			try {
				return await call;
			} finally {
				this.inFlight -= 1;
			}
		};
	}

	/**
	 * Waits until the runtime has nothing left to do. Work that waits on the simulated clock (a
	 * slow answer, the client's timeout) gets time moved to its next timer; everything else
	 * (SQLite, signatures) is awaited for real.
	 */
	async settle(): Promise<void> {
		for (;;) {
			if (!this.runtime.isBusy) {
				return;
			}
			if (this.network.state() === 'slow' && this.inFlight > 0) {
				this.clock.fireNext();
				await new Promise((resolve) => setImmediate(resolve));
				continue;
			}
			await Promise.race([
				this.runtime.idle(),
				new Promise<void>((resolve) => {
					this.stalled = resolve;
				}),
			]);
			this.stalled = null;
		}
	}

	/** Moves true time to `at`, running every timer due by then (scheduled contacts first). */
	async advanceTo(at: number): Promise<void> {
		for (;;) {
			const next = this.clock.nextTimerAt();
			if (next === null || next > at) {
				break;
			}
			if (next <= this.clock.now()) {
				this.clock.fireNext();
			} else {
				this.clock.advanceTo(next);
			}
			await this.settle();
		}
		this.clock.advanceTo(at);
		await this.settle();
		this.collectEvents();
	}

	/** Runs one scenario step (SPEC §5). Returns the outcome of commands that have one. */
	async perform(step: Step): Promise<Outcome | null> {
		const runtime = this.runtime;
		const result = await (async (): Promise<Outcome | null> => {
			switch (step.do) {
				case 'register': {
					const form = {...this.scenario.customer, ...(step.customer ?? {})};
					return runtime.save(form, '');
				}
				case 'add-key': {
					const text =
						step.key !== undefined
							? (this.keys.get(step.key) ?? step.key)
							: (step.literal ?? '');
					const saved = await runtime.save(null, text);
					if (!saved.ok) {
						return saved;
					}
					return saved.refused.length > 0
						? failed('key-refusals', {
								reasons: saved.refused
									.map((refusal) => refusal.message)
									.join(' '),
							})
						: saved;
				}
				case 'activate':
					return this.withSettle(runtime.activate());
				case 'activate-manual':
					return this.activateManually(step);
				case 'import-response':
					return this.activateManually(step);
				case 'connect':
					return this.withSettle(runtime.connect());
				case 'hardware': {
					this.hardwareName = step.use;
					await this.restart();
					return null;
				}
				case 'restart':
					await this.restart();
					return null;
				case 'network':
					this.network.setState(step.state);
					return null;
				case 'clock': {
					// The engine sees time all along (the real runtime checks it hourly): let it see
					// the instant before the change, then the changed clock.
					await this.withSettle(runtime.observe());
					this.clock.shift(step.shift);
					await this.withSettle(runtime.observe());
					return null;
				}
				case 'devices': {
					let last: Outcome | null = null;
					for (let index = 0; index < (step.activate ?? 0); index++) {
						last = await runtime.activateDevice();
					}
					for (let index = 0; index < (step.deactivate ?? 0); index++) {
						last = await runtime.deactivateDevice();
					}
					return last;
				}
				case 'vendor':
					return this.vendorAction(step);
			}
		})();
		this.collectEvents();
		return result;
	}

	private async withSettle<T>(promise: Promise<T>): Promise<T> {
		await this.settle();
		return promise;
	}

	async restart(): Promise<void> {
		await this.runtime.stop();
		await this.boot();
	}

	setNetwork(state: NetworkState) {
		this.network.setState(state);
	}

	/** R5 end to end: export the request, the vendor portal answers, import the response. */
	private async activateManually(step: Step): Promise<Outcome> {
		const exported = await this.runtime.exportActivationRequest();
		if (!exported.ok) {
			return exported;
		}
		const tamper = step.do === 'import-response' ? step.tamper : undefined;
		let request = exported.text;
		if (tamper === 'other-fingerprint') {
			// The request as another server would have made it: same request, other hardware.
			const other = await createNamedProbe(
				`${this.hardwareName}-elsewhere`,
			).fingerprint();
			request = toSignedFileText({
				...(JSON.parse(request) as object),
				fingerprint: other,
			});
		}
		let response: string;
		try {
			response = await this.vendor.service.offlineActivate(request);
		} catch (error) {
			return failed('portal-refused', {reason: (error as Error).message});
		}
		if (tamper === 'flip-byte') {
			const index = Math.floor(response.length / 2);
			response = `${response.slice(0, index)}${response[index] === 'A' ? 'B' : 'A'}${response.slice(index + 1)}`;
		}
		if (tamper === 'other-request') {
			// A newer request was exported since: the response answers the old one.
			await this.runtime.exportActivationRequest();
		}
		return this.runtime.importActivationResponse(response);
	}

	/** Vendor actions go through the admin API, as an operator's would. */
	private async vendorAction(
		step: Extract<Step, {do: 'vendor'}>,
	): Promise<Outcome> {
		const [alias, index] = step.key.split('/');
		const key = this.keys.get(alias!) ?? alias!;
		const target = index === undefined ? key : `${key}/${index}`;
		const response = await this.vendor.app.fetch(
			new Request(
				`${SIMULATED_SERVER}/v1/admin/keys/${encodeURIComponent(target)}/${step.action}`,
				{
					method: 'POST',
					headers: {
						authorization: `Bearer ${ADMIN_TOKEN}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify(
						step.action === 'extend' ? {days: step.days} : {},
					),
				},
			),
		);
		const body = (await response.json()) as {
			error?: {code: string; message: string};
		};
		const message = `vendor ${step.action} ${step.key}${step.action === 'extend' ? ` by ${step.days} days` : ''}`;
		this.pushEvent(
			'vendor-action',
			response.ok ? message : `${message} refused: ${body.error?.message}`,
		);
		if (!response.ok) {
			return serverRefusal(
				'vendor-refused',
				body.error?.code ?? 'vendor',
				body.error?.message ?? '',
			);
		}
		return step.action === 'extend'
			? succeeded('vendor-extended', {key: step.key, days: step.days ?? 0})
			: succeeded('vendor-done', {action: step.action, key: step.key});
	}

	/** The alias of a license id (`INST/1`, `L10`), or the id itself for raw keys. */
	aliasOf(id: string): string {
		return this.aliasOfKey.get(id) ?? id;
	}

	setDayClock(dayOf: () => number) {
		this.dayOf = dayOf;
	}

	private pushEvent(type: string, detail: string, at = this.clock.now()) {
		this.events.push({
			day: this.dayOf(),
			at: new Date(at).toISOString(),
			type,
			detail: this.aliasText(detail),
		});
	}

	/** Keys in event texts are shown by alias, like the licenses. */
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
			this.pushEvent(entry.type, entry.detail, this.clock.now());
		}
		this.lastLogEntry = log.at(-1) ?? null;
	}

	takeEvents(): SimulationEvent[] {
		return this.events;
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

/** Replays a scenario (SPEC §5 same-day order) and checks its `expect` blocks. */
export async function runScenario(
	scenario: Scenario,
	options: SimulationOptions = {},
): Promise<SimulationResult> {
	const lang = options.lang ?? scenario.lang;
	const last = Math.min(options.until ?? scenario.days, scenario.days);
	const simulation = new Simulation(scenario);
	let currentDay = 0;
	simulation.setDayClock(() => currentDay);
	const days: DaySample[] = [];
	const failed: ExpectationFailure[] = [];
	let passed = 0;
	try {
		await simulation.setup();
		for (let day = 0; day <= last; day++) {
			currentDay = day;
			const instant = scenario.start + day * DAY;
			// The scheduled contact of the instant runs first, then the day's steps in file order.
			await simulation.advanceTo(instant);
			const steps = scenario.steps.filter((step) => step.day === day);
			for (const step of steps.filter((candidate) => !candidate.at)) {
				await simulation.perform(step);
			}
			const sample = simulation.sample(day, lang);
			days.push(sample);
			options.onDay?.(sample);
			const dayEvents = simulation
				.takeEvents()
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
			// Steps later that day happen after the sample.
			for (const step of steps.filter((candidate) => candidate.at)) {
				await simulation.advanceTo(instant + step.at!);
				await simulation.perform(step);
			}
		}
	} finally {
		await simulation.dispose();
	}
	return {
		scenario: scenario.name,
		start: new Date(scenario.start).toISOString(),
		lang,
		days,
		events: simulation.takeEvents(),
		expectations: {passed, failed},
	};
}

export function checkExpectation(
	expectation: Expectation,
	sample: DaySample,
	events: SimulationEvent[],
): ExpectationFailure[] {
	const failures: ExpectationFailure[] = [];
	const check = (field: string, expected: unknown, actual: unknown) => {
		if (JSON.stringify(expected) !== JSON.stringify(actual)) {
			failures.push({
				day: expectation.day,
				line: expectation.line,
				field,
				expected,
				actual,
				message: `day ${expectation.day} (line ${expectation.line}): ${field} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
			});
		}
	};
	if (expectation.state !== undefined)
		check('state', expectation.state, sample.state);
	if (expectation.operational !== undefined)
		check('operational', expectation.operational, sample.operational);
	if (expectation.capacity !== undefined)
		check('capacity', expectation.capacity, sample.capacity);
	if (expectation.banners !== undefined) {
		check(
			'banners',
			expectation.banners,
			sample.banners.map((banner) => banner.id),
		);
	}
	for (const [id, days] of Object.entries(expectation.days ?? {})) {
		check(
			`days.${id}`,
			days,
			sample.banners.find((banner) => banner.id === id)?.days ?? null,
		);
	}
	for (const [field, value] of Object.entries(expectation.devices ?? {})) {
		check(
			`devices.${field}`,
			value,
			sample.devices[field as keyof DaySample['devices']],
		);
	}
	for (const [alias, status] of Object.entries(expectation.licenses ?? {})) {
		check(
			`licenses.${alias}`,
			status,
			sample.licenses.find((license) => license.key === alias)?.status ?? null,
		);
	}
	for (const type of expectation.events ?? []) {
		if (!events.some((event) => event.type === type)) {
			check(
				`events`,
				`an event ${type}`,
				events.map((event) => event.type),
			);
		}
	}
	return failures;
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
