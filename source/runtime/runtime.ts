/**
 * The imperative shell around the engine: a queue that runs one operation at a time, `dispatch`
 * (step the engine, carry out its effects), and snapshots published to subscribers (dashboard,
 * CLI, simulator). Each job is a file of its own beside this one:
 *
 * - save.ts, activate.ts, manual-activation.ts, connect.ts, devices.ts: the commands
 * - vendor-trust.ts: the vendor key and the checks made with it (signing/trust.ts)
 * - persistence.ts: load, compare-and-set writes, replay onto another process's state
 * - schedule.ts: contacts (R14), the next visible change, clock checks, watching the store
 */

import {randomBytes, randomUUID} from 'node:crypto';
import {type Evaluation, evaluate} from '../engine/evaluate.js';
import {
	type Effect,
	type EngineEvent,
	initialState,
	step,
} from '../engine/step.js';
import {
	type CustomerForm,
	DAY,
	type EngineState,
	HOUR,
} from '../engine/types.js';
import type {
	Clock,
	HardwareProbe,
	LicenseServer,
	Store,
} from '../ports/index.js';
import {activate} from './activate.js';
import {contact} from './connect.js';
import {activateDevice, deactivateDevice} from './devices.js';
import {
	type DeliverRequest,
	type ExportOutcome,
	exportActivationRequest,
	importActivationResponse,
} from './manual-activation.js';
import type {Outcome, SaveOutcome} from './outcome.js';
import {Persistence} from './persistence.js';
import {save} from './save.js';
import {Schedule} from './schedule.js';
import type {Shell} from './shell.js';
import {VendorTrust} from './vendor-trust.js';

export type {DeliverRequest, ExportOutcome} from './manual-activation.js';
export type {
	Outcome,
	OutcomeCode,
	OutcomeMessage,
	SaveOutcome,
} from './outcome.js';

/**
 * The runtime's ports (`clock`, `server`, `hardware`, `store`), the vendor key it trusts (R16),
 * and its schedule.
 * @example
 * const options: RuntimeOptions = {clock, server, hardware, store, vendorKey, contactInterval: 86_400_000};
 */
export type RuntimeOptions = {
	clock: Clock;
	server: LicenseServer;
	hardware: HardwareProbe;
	store: Store;
	/**
	 * The vendor public key to trust (R16), from the installation's configuration: `--vendor-key`,
	 * `MYQ_VENDOR_KEY` or the trust file (commands/trust-file.ts). Without one, nothing signed is
	 * trusted: the stored document is refused and nothing is asked of the server.
	 */
	vendorKey?: string | null;
	/** R14: the period of scheduled contacts. @default DAY */
	contactInterval?: number;
	/** Installation and request ids. @default crypto.randomUUID */
	newId?: () => string;
	/** R14: the nonce of one contact. @default 16 random bytes in base64url */
	newNonce?: () => string;
	/** The installation's secret, made at its first activation. @default 32 random bytes in base64url */
	newSecret?: () => string;
	/**
	 * Whether this runtime is the MyQ server's own (the dashboard, the simulator) rather than a
	 * one-shot command beside it. Only the server's start is logged and restarts the contact
	 * period (R14); a command only looks at the hardware and the clock. @default true
	 */
	isServer?: boolean;
	/**
	 * Reads the store and never writes it (`status`): events change the state in memory only,
	 * nothing is saved or quarantined, no contact is made. @default false
	 */
	readOnly?: boolean;
	/** Whether to schedule contacts and wake-ups (a one-shot CLI command does not). @default true */
	schedule?: boolean;
	/**
	 * R15: how often the clock is looked at between other events, so the high-water mark follows
	 * time. Null: only at events (the simulator shows the clock to the engine itself).
	 * @default HOUR
	 */
	clockCheckInterval?: number | null;
	/**
	 * How often to look at the store for writes by another process (the CLI beside the
	 * dashboard). Null: only before each command. @default null
	 */
	watchInterval?: number | null;
	/** Whether to contact the server at start (R14). A one-shot CLI command does not. @default true */
	contactOnStart?: boolean;
};

/**
 * The runtime's state and its evaluation at the clock's now.
 * @example
 * const {state, evaluation}: Snapshot = runtime.snapshot();
 */
export type Snapshot = {state: EngineState; evaluation: Evaluation};

/**
 * The imperative shell around the engine (see createRuntime): commands run one at a time,
 * snapshots published to subscribers.
 * @example
 * const runtime: Runtime = createRuntime(ports);
 * runtime.subscribe(({evaluation}) => console.log(evaluation.banners));
 */
export class Runtime {
	private state: EngineState;
	private readonly listeners = new Set<(snapshot: Snapshot) => void>();
	private queue: Promise<unknown> = Promise.resolve();
	private pendingOps = 0;
	private stopped = false;
	private cached: Snapshot | null = null;
	private skipContact = false;
	private started = false;
	private readonly shell: Shell;
	private readonly trust: VendorTrust;
	private readonly persistence: Persistence;
	private readonly schedule: Schedule;

	constructor(private readonly options: RuntimeOptions) {
		const newId = options.newId ?? randomUUID;
		this.state = initialState(newId(), options.clock.now());
		this.trust = new VendorTrust(options.vendorKey ?? null);
		const newNonce =
			options.newNonce ?? (() => randomBytes(16).toString('base64url'));
		const runtime = this;
		this.shell = {
			get state() {
				return runtime.state;
			},
			set state(state: EngineState) {
				runtime.state = state;
			},
			clock: options.clock,
			server: options.server,
			hardware: options.hardware,
			store: options.store,
			trust: this.trust,
			installationSecret: null,
			newSecret:
				options.newSecret ?? (() => randomBytes(32).toString('base64url')),
			newId,
			newNonce,
			dispatch: (event) => this.dispatch(event),
			publish: () => this.publish(),
			contact: () => contact(this.shell),
		};
		this.persistence = new Persistence(this.shell, options.readOnly === true);
		this.schedule = new Schedule(
			{
				clock: options.clock,
				state: () => this.state,
				evaluation: () => this.snapshot().evaluation,
				background: (work) => this.run(work, true),
				contact: () => contact(this.shell),
				observeClock: () => this.dispatch({type: 'clock-observed'}),
				adoptStored: () => this.persistence.adoptStored(),
				isWriting: () => this.persistence.isWriting,
			},
			{
				contact: options.contactInterval ?? DAY,
				clockCheck:
					options.clockCheckInterval === undefined
						? HOUR
						: options.clockCheckInterval,
				watch: options.watchInterval ?? null,
			},
		);
	}

	/** Loads the store, checks the fingerprint, contacts the server (R14) and starts the schedule. */
	async start(): Promise<Snapshot> {
		await this.run(async () => {
			await this.persistence.load();
			const fingerprint = await this.options.hardware.fingerprint();
			if (this.options.isServer === false) {
				// A command beside the server: a look at the hardware (R8) and the clock (R15).
				await this.dispatch({type: 'fingerprint-seen', fingerprint});
				return;
			}
			this.skipContact =
				this.options.contactOnStart === false || this.options.readOnly === true;
			try {
				await this.dispatch({
					type: 'started',
					fingerprint,
					contactInterval: this.options.contactInterval ?? DAY,
				});
			} finally {
				this.skipContact = false;
			}
		});
		this.started = true;
		this.schedule.watch();
		return this.snapshot();
	}

	/** Stops the schedule and waits for the work in progress; the store stays open (its owner closes it). */
	async stop(): Promise<void> {
		this.stopped = true;
		this.schedule.stop();
		await this.idle();
		await this.persistence.flushed();
	}

	snapshot(): Snapshot {
		const now = this.options.clock.now();
		if (
			this.cached &&
			this.cached.state === this.state &&
			this.cached.evaluation.now === now
		) {
			return this.cached;
		}
		this.cached = {state: this.state, evaluation: evaluate(this.state, now)};
		return this.cached;
	}

	subscribe(listener: (snapshot: Snapshot) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Resolves when no operation is running or queued. */
	async idle(): Promise<void> {
		while (this.pendingOps > 0) {
			await this.queue.catch(() => undefined);
		}
	}

	get isBusy(): boolean {
		return this.pendingOps > 0;
	}

	get installationId(): string {
		return this.state.installationId;
	}

	/** The vendor key trusted, as printed by `vendor serve`, or null when none is configured. */
	get vendorPublicKey(): string | null {
		return this.trust.text;
	}

	/**
	 * R16: trusts `key` from now on (the admin chose it, e.g. the key the license server presents,
	 * recorded in the trust file by the caller) and verifies the stored document with it again.
	 */
	trustVendorKey(key: string): Promise<void> {
		return this.run(async () => {
			await this.persistence.trustVendorKey(key);
			await this.dispatch({type: 'vendor-key-pinned', key});
		});
	}

	// --- Commands: each in its own file, run one at a time ------------------------------

	/** R2, R3: Save. `form` null keeps the registered customer (CLI `add-key`). */
	save(form: CustomerForm | null, keysText: string): Promise<SaveOutcome> {
		return this.run(() => save(this.shell, form, keysText));
	}

	/** R4: redeem pending keys online, and reactivate on this hardware (R8). */
	activate(): Promise<Outcome> {
		return this.run(() => activate(this.shell));
	}

	/** R14 "Connect now": a contact on demand. */
	connect(): Promise<Outcome> {
		return this.run(() => contact(this.shell, {requested: true}));
	}

	/** R5, step 1: the activation request file for the vendor portal. */
	exportActivationRequest(deliver?: DeliverRequest): Promise<ExportOutcome> {
		return this.run(() => exportActivationRequest(this.shell, deliver));
	}

	/** R5, step 3: import the vendor's response file; activates exactly as R4 would. */
	importActivationResponse(text: string): Promise<Outcome> {
		return this.run(() => importActivationResponse(this.shell, text));
	}

	/** R7: activate a printing device (refused past capacity). */
	activateDevice(id?: string): Promise<Outcome> {
		return this.run(() => activateDevice(this.shell, id));
	}

	deactivateDevice(id?: string): Promise<Outcome> {
		return this.run(() => deactivateDevice(this.shell, id));
	}

	/** R15: look at the clock now (the simulator calls it after moving the clock). */
	observe(): Promise<void> {
		return this.run(async () => {
			await this.dispatch({type: 'clock-observed'});
		});
	}

	// --- The queue, dispatch and publishing -----------------------------------------------

	/**
	 * Serialises operations: steps apply in order. A command (Save, Activate, ...) answers only
	 * once its state is on disk; the schedule's own work (`background`) lets the write finish
	 * behind it, since a crash then only loses what the next contact brings back.
	 */
	private run<T>(operation: () => Promise<T>, background = false): Promise<T> {
		this.pendingOps += 1;
		const result = this.queue.then(async () => {
			if (!background && this.started) {
				await this.persistence.catchUp();
			}
			const value = await operation();
			if (!background) {
				await this.persistence.flushed();
			}
			return value;
		});
		this.queue = result.then(
			() => {
				this.pendingOps -= 1;
			},
			() => {
				this.pendingOps -= 1;
			},
		);
		return result;
	}

	private async dispatch(event: EngineEvent): Promise<Effect[]> {
		const at = this.options.clock.now();
		const [next, effects] = step(this.state, event, at);
		const isChanged = next !== this.state;
		this.state = next;
		if (effects.some((effect) => effect.type === 'save')) {
			this.persistence.record(event, at);
		}
		for (const effect of effects) {
			if (effect.type === 'contact' && !this.skipContact) {
				await contact(this.shell);
			}
		}
		// Nothing changed, nothing to tell, except the schedule after a wake-up (it must re-arm).
		if (
			isChanged ||
			event.type === 'clock-observed' ||
			event.type === 'started'
		) {
			this.publish();
		}
		return effects;
	}

	private publish() {
		if (!this.stopped && this.options.schedule !== false) {
			this.schedule.reschedule();
		}
		const snapshot = this.snapshot();
		for (const listener of this.listeners) {
			listener(snapshot);
		}
	}
}

/**
 * The runtime on its ports: the shell that loads the store, steps the engine, carries out its
 * effects (contacts, saves) and publishes snapshots. Start it, then send it commands.
 * @example
 * const runtime = createRuntime({clock, server, hardware, store, vendorKey});
 * await runtime.start();
 * console.log(runtime.snapshot().evaluation.state);
 */
export function createRuntime(options: RuntimeOptions): Runtime {
	return new Runtime(options);
}
