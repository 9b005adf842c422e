/**
 * The imperative shell around the engine: loads and verifies the stored state (R16), runs the
 * engine's effects through the ports, schedules the contacts of R14 and the next visible change
 * (`nextChangeAt`), and publishes snapshots to subscribers (dashboard, CLI, simulator).
 */

import type {KeyObject} from 'node:crypto';
import {randomUUID} from 'node:crypto';
import type {FieldError} from '../engine/customer.js';
import {type Evaluation, evaluate, nextContactAt} from '../engine/evaluate.js';
import type {KeyRefusalReason} from '../engine/save.js';
import {
	type Effect,
	type EngineEvent,
	initialState,
	step,
} from '../engine/step.js';
import {
	type ActivationDocument,
	type ActivationRequest,
	type ActivationResponsePayload,
	type CustomerForm,
	DAY,
	type EngineState,
	HOUR,
	type SignedDocument,
} from '../engine/types.js';
import {
	type Clock,
	type Failure,
	type HardwareProbe,
	type LicenseServer,
	type Store,
	storedRevision,
} from '../ports/index.js';
import {
	importPublicKey,
	parseCanonicalFile,
	toSignedFileText,
	verify,
} from '../signing/index.js';
import {documentShapeProblem, isRefusalList} from './document-shape.js';
import {parseStoredRecord, type StoredRecord} from './stored-record.js';

export type RuntimeOptions = {
	clock: Clock;
	server: LicenseServer;
	hardware: HardwareProbe;
	store: Store;
	/** The vendor public key (`--vendor-key`). Without it, the key is pinned at first activation. */
	vendorKey?: string | null;
	/** R14: the period of scheduled contacts. @default DAY */
	contactInterval?: number;
	/** Installation and request ids. @default crypto.randomUUID */
	newId?: () => string;
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

export type Snapshot = {state: EngineState; evaluation: Evaluation};

export type Outcome =
	| {ok: true; message: string}
	| {ok: false; code: string; message: string};

export type SaveOutcome =
	| {ok: true; message: string; accepted: string[]; refused: KeyRefusalReason[]}
	| {
			ok: false;
			code: 'invalid-form';
			message: string;
			errors: FieldError[];
			form: CustomerForm;
	  };

const NOTHING_TO_ACTIVATE = {
	ok: false,
	code: 'nothing-to-activate',
	message: 'There is no key to activate: add a key and save first.',
} as const;

export class Runtime {
	private state: EngineState;
	private vendorKeyText: string | null;
	private vendorKey: KeyObject | null = null;
	private readonly listeners = new Set<(snapshot: Snapshot) => void>();
	private queue: Promise<unknown> = Promise.resolve();
	private pendingOps = 0;
	private timer: unknown = null;
	private stopped = false;
	private readonly interval: number;
	private readonly newId: () => string;
	private cached: Snapshot | null = null;
	private skipContact = false;
	private dirty = false;
	/** The stored revision this state was read from or written as (see storedRevision). */
	private revision = -2;
	/** Events applied since the last successful write: replayed onto another process's newer state. */
	private unsaved: {event: EngineEvent; at: number}[] = [];
	private watchTimer: unknown = null;
	private started = false;
	private writing: Promise<void> | null = null;
	private writeError: unknown = null;

	constructor(private readonly options: RuntimeOptions) {
		this.interval = options.contactInterval ?? DAY;
		this.newId = options.newId ?? randomUUID;
		this.state = initialState(this.newId(), options.clock.now());
		this.vendorKeyText = options.vendorKey ?? null;
	}

	/** Loads the store, checks the fingerprint, contacts the server (R14) and starts the schedule. */
	async start(): Promise<Snapshot> {
		await this.run(async () => {
			await this.load();
			const fingerprint = await this.options.hardware.fingerprint();
			this.skipContact = this.options.contactOnStart === false;
			try {
				await this.dispatch({type: 'started', fingerprint});
			} finally {
				this.skipContact = false;
			}
		});
		this.started = true;
		this.watch();
		return this.snapshot();
	}

	/** Stops the schedule and waits for the work in progress; the store stays open (its owner closes it). */
	async stop(): Promise<void> {
		this.stopped = true;
		this.clearTimer();
		if (this.watchTimer !== null) {
			this.options.clock.clearTimeout(this.watchTimer);
			this.watchTimer = null;
		}
		await this.idle();
		await this.flushed();
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

	/** The vendor key in use, as printed by `vendor serve`, or null when none is pinned yet. */
	get vendorPublicKey(): string | null {
		return this.vendorKeyText;
	}

	// --- Commands -------------------------------------------------------------------------

	/** R2, R3: Save. `form` null keeps the registered customer (CLI `add-key`). */
	save(form: CustomerForm | null, keysText: string): Promise<SaveOutcome> {
		return this.run(async () => {
			// Loaded when first needed: the country list and validators are not needed to start.
			const {planSave} = await import('../engine/save.js');
			const plan = planSave(this.state, form, keysText);
			if (!plan.ok) {
				const fields = plan.errors.map((error) => error.message).join(' ');
				return {
					ok: false,
					code: 'invalid-form',
					message: fields,
					errors: plan.errors,
					form: plan.form,
				};
			}
			if (
				JSON.stringify(plan.customer) !== JSON.stringify(this.state.customer)
			) {
				await this.dispatch({type: 'customer-saved', customer: plan.customer});
			}
			if (plan.accepted.length > 0) {
				await this.dispatch({type: 'keys-added', keys: plan.accepted});
			}
			if (plan.refused.length > 0) {
				await this.dispatch({type: 'keys-refused', refusals: plan.refused});
			}
			const accepted = plan.accepted.map((key) => key.key);
			const parts = [
				form === null ? null : 'Customer saved.',
				accepted.length > 0
					? `${accepted.length} key(s) added, pending activation.`
					: null,
				plan.refused.length > 0
					? `${plan.refused.length} key(s) refused.`
					: null,
			].filter(Boolean);
			return {
				ok: true,
				message: parts.join(' ') || 'Nothing to save.',
				accepted,
				refused: plan.refused,
			};
		});
	}

	/** R4: redeem pending keys online, and reactivate on this hardware (R8). */
	activate(): Promise<Outcome> {
		return this.run(async () => {
			const keys = this.state.pending.map((pending) => pending.key);
			if (keys.length === 0 && !this.state.document) {
				return NOTHING_TO_ACTIVATE;
			}
			const wasPinned = this.vendorKeyText !== null;
			const fingerprint = await this.seeHardware();
			const reply = await this.options.server.activate({
				installationId: this.state.installationId,
				fingerprint,
				keys,
				customer: this.state.customer,
			});
			if (!reply.ok) {
				return this.activationFailure(reply.failure);
			}
			const checked = await this.checkDocument(
				reply.value.document,
				fingerprint,
			);
			if (!checked.ok) {
				return this.activationFailure(checked.failure);
			}
			const before = new Set(
				(this.state.document?.payload.licenses ?? []).map((grant) => grant.id),
			);
			await this.dispatch({
				type: 'activation-succeeded',
				document: reply.value.document,
				refusals: reply.value.refusals,
			});
			const added = reply.value.document.payload.licenses.filter(
				(grant) => !before.has(grant.id),
			).length;
			const refused = reply.value.refusals.map(
				(refusal) => `${refusal.key}: ${refusal.message}`,
			);
			const total = reply.value.document.payload.licenses.length;
			const headline =
				added === 0 && keys.length === 0
					? `Licenses reactivated on this server's hardware (${total} in all).`
					: `Activated: ${added} new license(s), ${total} in all.`;
			const pinned = wasPinned
				? []
				: [
						`The vendor public key ${this.vendorKeyText} is now pinned: documents signed with any other key will be refused.`,
					];
			const message = [headline, ...refused, ...pinned].join(' ');
			if (added === 0 && reply.value.refusals.length > 0) {
				return {ok: false, code: 'refused', message};
			}
			return {ok: true, message};
		});
	}

	/** R14 "Connect now": a contact on demand. */
	connect(): Promise<Outcome> {
		return this.run(() => this.contact());
	}

	/** R5, step 1: the activation request file for the vendor portal. */
	exportActivationRequest(): Promise<
		| {ok: true; text: string; request: ActivationRequest}
		| {ok: false; code: string; message: string}
	> {
		return this.run(async () => {
			const keys = this.state.pending.map((pending) => pending.key);
			if (keys.length === 0 && !this.state.document) {
				return NOTHING_TO_ACTIVATE;
			}
			const fingerprint = await this.seeHardware();
			const now = this.options.clock.now();
			const request: ActivationRequest = {
				type: 'myq-activation-request',
				version: 1,
				requestId: this.newId(),
				installationId: this.state.installationId,
				fingerprint,
				keys,
				customer: this.state.customer,
				createdAt: now,
			};
			await this.dispatch({
				type: 'manual-request-created',
				request: {
					requestId: request.requestId,
					createdAt: now,
					fingerprint,
					keys,
				},
			});
			return {ok: true, text: toSignedFileText(request), request};
		});
	}

	/** R5, step 3: import the vendor's response file; activates exactly as R4 would. */
	importActivationResponse(text: string): Promise<Outcome> {
		return this.run(async () => {
			const refuse = async (
				code: string,
				message: string,
			): Promise<Outcome> => {
				await this.dispatch({type: 'manual-response-refused', reason: message});
				return {ok: false, code, message};
			};
			const parsed = parseCanonicalFile(text);
			if (!parsed.ok) {
				return refuse(
					'altered-file',
					`The response file cannot be used: ${parsed.reason}. Ask the vendor portal for a new one.`,
				);
			}
			const key = await this.publicKey();
			if (!key) {
				return refuse(
					'no-vendor-key',
					'The vendor public key is not known yet, so the response cannot be checked. Pass it with --vendor-key (vendor serve prints it).',
				);
			}
			const signed = verify<ActivationResponsePayload>(parsed.value, key);
			if (!signed.ok) {
				return refuse(
					'altered-file',
					`The response file is not signed by the vendor: ${signed.reason}.`,
				);
			}
			const response = signed.value.payload;
			if (
				response?.type !== 'myq-activation-response' ||
				typeof response.requestId !== 'string' ||
				!isRefusalList(response.refusals) ||
				typeof response.document !== 'object' ||
				response.document === null
			) {
				return refuse(
					'altered-file',
					'This file is not an activation response.',
				);
			}
			const request = this.state.manualRequest;
			if (response.installationId !== this.state.installationId) {
				return refuse(
					'other-installation',
					'This response was made for another installation.',
				);
			}
			if (!request) {
				return refuse(
					'no-request',
					`No activation request is waiting (the response answers request ${response.requestId}). Export a new request.`,
				);
			}
			if (response.requestId !== request.requestId) {
				return refuse(
					'other-request',
					`This response answers another request (${response.requestId}); the request waiting is ${request.requestId}. Use the response made for the latest request file.`,
				);
			}
			const fingerprint = await this.options.hardware.fingerprint();
			if (
				response.fingerprint !== fingerprint ||
				response.document?.payload?.fingerprint !== fingerprint
			) {
				return refuse(
					'other-fingerprint',
					'This response was made for another server (its hardware fingerprint differs). Export a request on this server and use the response made for it.',
				);
			}
			const checked = await this.checkDocument(response.document, fingerprint);
			if (!checked.ok) {
				return refuse(
					'altered-file',
					`The document inside the response cannot be used: ${checked.failure.message}.`,
				);
			}
			const current =
				this.state.document?.payload.issuedAt ?? Number.NEGATIVE_INFINITY;
			if (response.document.payload.issuedAt < current) {
				return refuse(
					'outdated-response',
					'This response is older than the licenses already active on this server; it would undo later changes. Export a new request.',
				);
			}
			const before = new Set(
				(this.state.document?.payload.licenses ?? []).map((grant) => grant.id),
			);
			await this.dispatch({
				type: 'activation-succeeded',
				document: response.document,
				refusals: response.refusals,
				manual: true,
			});
			const added = response.document.payload.licenses.filter(
				(grant) => !before.has(grant.id),
			).length;
			return {
				ok: true,
				message: `Activated from the response file: ${added} new license(s).`,
			};
		});
	}

	/** R7: activate a printing device (refused past capacity). */
	activateDevice(id?: string): Promise<Outcome> {
		return this.run(async () => {
			const name = id ?? nextDeviceName(this.state);
			const effects = await this.dispatch({type: 'device-activated', id: name});
			const refused = effects.find((effect) => effect.type === 'refused');
			return refused?.type === 'refused'
				? {ok: false, code: refused.code, message: refused.message}
				: {ok: true, message: `Device ${name} activated.`};
		});
	}

	deactivateDevice(id?: string): Promise<Outcome> {
		return this.run(async () => {
			const effects = await this.dispatch({type: 'device-deactivated', id});
			const refused = effects.find((effect) => effect.type === 'refused');
			return refused?.type === 'refused'
				? {ok: false, code: refused.code, message: refused.message}
				: {ok: true, message: 'Device deactivated.'};
		});
	}

	/** R15: look at the clock now (the simulator calls it after moving the clock). */
	observe(): Promise<void> {
		return this.run(async () => {
			await this.dispatch({type: 'clock-observed'});
		});
	}

	// --- Internals ------------------------------------------------------------------------

	/**
	 * Serialises operations: steps apply in order. A command (Save, Activate, ...) answers only
	 * once its state is on disk; the schedule's own work (`background`) lets the write finish
	 * behind it, since a crash then only loses what the next contact brings back.
	 */
	private run<T>(operation: () => Promise<T>, background = false): Promise<T> {
		this.pendingOps += 1;
		const result = this.queue.then(async () => {
			if (!background && this.started) {
				await this.catchUp();
			}
			const value = await operation();
			if (!background) {
				await this.flushed();
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
		this.state = next;
		if (effects.some((effect) => effect.type === 'save')) {
			this.unsaved.push({event, at});
		}
		if (effects.some((effect) => effect.type === 'save')) {
			this.persist();
		}
		for (const effect of effects) {
			if (effect.type === 'contact' && !this.skipContact) {
				await this.contact();
			}
		}
		this.publish();
		return effects;
	}

	private publish() {
		if (!this.stopped) {
			this.reschedule();
		}
		const snapshot = this.snapshot();
		for (const listener of this.listeners) {
			listener(snapshot);
		}
	}

	private async contact(): Promise<Outcome> {
		if (!this.state.document) {
			return {
				ok: false,
				code: 'not-activated',
				message:
					'Nothing is activated yet: there is nothing to ask the license server.',
			};
		}
		// R8: every check looks at the hardware too.
		const fingerprint = await this.options.hardware.fingerprint();
		if (fingerprint !== this.state.hardware.current) {
			await this.dispatch({type: 'fingerprint-seen', fingerprint});
		}
		const reply = await this.options.server.contact({
			installationId: this.state.installationId,
			fingerprint,
		});
		if (!reply.ok) {
			if (reply.failure.kind === 'rejected') {
				await this.dispatch({
					type: 'contact-refused',
					code: reply.failure.code,
					message: reply.failure.message,
				});
				return {
					ok: false,
					code: reply.failure.code,
					message: `The license server refused: ${reply.failure.message}`,
				};
			}
			await this.dispatch({type: 'contact-failed', failure: reply.failure});
			return {
				ok: false,
				code: reply.failure.kind,
				message: contactFailureMessage(reply.failure),
			};
		}
		const checked = await this.checkDocument(reply.value, null);
		if (!checked.ok) {
			await this.dispatch({type: 'contact-failed', failure: checked.failure});
			return {
				ok: false,
				code: checked.failure.kind,
				message: contactFailureMessage(checked.failure),
			};
		}
		await this.dispatch({type: 'contact-succeeded', document: reply.value});
		return {
			ok: true,
			message: 'Connected to the license server: licenses are up to date.',
		};
	}

	private async activationFailure(failure: Failure): Promise<Outcome> {
		if (failure.kind === 'rejected') {
			await this.dispatch({
				type: 'contact-refused',
				code: failure.code,
				message: failure.message,
			});
			return {
				ok: false,
				code: failure.code,
				message: `The license server refused the activation: ${failure.message}`,
			};
		}
		await this.dispatch({type: 'activation-failed', failure});
		const why =
			failure.kind === 'bad-signature' || failure.kind === 'bad-response'
				? `the license server answered something that cannot be trusted (${failure.message})`
				: `the license server could not be reached (${failure.message})`;
		return {
			ok: false,
			code: 'offline',
			message: `Activation failed: ${why}. The keys stay pending. Without network, use manual activation: export a request file, take it to the vendor portal, and import the response.`,
		};
	}

	/** R16: a stored document is verified, and read, at every load. */
	private async checkStored(
		document: SignedDocument,
	): Promise<{ok: true} | {ok: false; reason: string}> {
		const key = await this.publicKey();
		if (!key) {
			return {ok: false, reason: 'the vendor public key is not known'};
		}
		const verdict = verify(document, key);
		if (!verdict.ok) {
			return verdict;
		}
		const problem = documentShapeProblem(verdict.value.payload);
		return problem === null
			? {ok: true}
			: {ok: false, reason: `the document cannot be read: ${problem}`};
	}

	/** R8: look at the hardware, as at every check. */
	private async seeHardware(): Promise<string> {
		const fingerprint = await this.options.hardware.fingerprint();
		await this.dispatch({type: 'fingerprint-seen', fingerprint});
		return fingerprint;
	}

	/** Every document is checked against the vendor key before the engine sees it (R16). */
	private async checkDocument(
		document: SignedDocument,
		fingerprint: string | null,
	): Promise<{ok: true} | {ok: false; failure: Failure}> {
		const key = await this.publicKey();
		if (!key) {
			return {
				ok: false,
				failure: {
					kind: 'bad-signature',
					message: 'the vendor public key is not known',
				},
			};
		}
		const verified = verify<ActivationDocument>(document, key);
		if (!verified.ok) {
			return {
				ok: false,
				failure: {kind: 'bad-signature', message: verified.reason},
			};
		}
		const payload = verified.value.payload;
		const problem = documentShapeProblem(payload);
		if (problem !== null) {
			return {
				ok: false,
				failure: {
					kind: 'bad-response',
					message: `the signed document cannot be read: ${problem}`,
				},
			};
		}
		if (payload.installationId !== this.state.installationId) {
			return {
				ok: false,
				failure: {
					kind: 'bad-response',
					message: 'the document is for another installation',
				},
			};
		}
		if (fingerprint !== null && payload.fingerprint !== fingerprint) {
			return {
				ok: false,
				failure: {
					kind: 'bad-response',
					message: 'the document is bound to other hardware',
				},
			};
		}
		return {ok: true};
	}

	private async publicKey(): Promise<KeyObject | null> {
		if (this.vendorKey) {
			return this.vendorKey;
		}
		if (this.vendorKeyText) {
			try {
				this.vendorKey = importPublicKey(this.vendorKeyText);
				return this.vendorKey;
			} catch {
				return null;
			}
		}
		// Trust on first use: pin the key the server gives, and say so.
		const fetched = (await this.options.server.fetchPublicKey?.()) ?? null;
		if (fetched === null) {
			return null;
		}
		try {
			this.vendorKey = importPublicKey(fetched);
		} catch {
			return null;
		}
		this.vendorKeyText = fetched;
		await this.dispatch({type: 'vendor-key-pinned', key: fetched});
		return this.vendorKey;
	}

	private async load() {
		const loaded = await this.options.store.load();
		this.revision = storedRevision(loaded);
		const now = this.options.clock.now();
		if (loaded.kind === 'empty') {
			this.state = initialState(this.newId(), now);
			return;
		}
		const record =
			loaded.kind === 'loaded' ? parseStoredRecord(loaded.value) : null;
		if (!record) {
			// R16: unreadable: keep a copy aside, start over and say why. Never delete it.
			const raw =
				loaded.kind === 'corrupt' ? loaded.raw : JSON.stringify(loaded.value);
			const reason =
				loaded.kind === 'corrupt'
					? loaded.reason
					: 'the stored state does not have the expected shape';
			await this.options.store.quarantine('state', raw);
			this.state = {...initialState(this.newId(), now), everActivated: true};
			await this.dispatch({
				type: 'document-rejected',
				source: 'stored state',
				reason: `${reason}; a copy was kept in the store`,
			});
			return;
		}
		this.state = record.state;
		this.vendorKeyText = this.options.vendorKey ?? record.vendorKey;
		if (this.state.document) {
			const verdict = await this.checkStored(this.state.document);
			if (!verdict.ok) {
				await this.dispatch({
					type: 'document-rejected',
					source: 'stored document',
					reason: verdict.reason,
				});
			} else if (this.state.integrity?.reason.startsWith('stored document')) {
				// The stored document verifies again (the key was given): clear the old verdict.
				this.state = {...this.state, integrity: null};
			}
		}
	}

	/**
	 * Marks the state for saving. One write at a time, and writes that pile up while one runs
	 * collapse into one of the latest state: the store always holds a whole, recent state.
	 */
	private persist() {
		this.dirty = true;
		if (this.writing === null) {
			// Assigned before the loop can end, even if the store fails at once: `flushed` waits
			// on exactly this promise and sees it cleared when it settles.
			const writing = this.writeLoop().finally(() => {
				if (this.writing === writing) {
					this.writing = null;
					if (this.dirty && this.writeError === null) {
						// Marked while the loop was ending: write that too.
						this.persist();
					}
				}
			});
			this.writing = writing;
		}
	}

	private async writeLoop(): Promise<void> {
		try {
			while (this.dirty) {
				this.dirty = false;
				const count = this.unsaved.length;
				const revision = Math.max(0, this.revision) + 1;
				const record: StoredRecord = {
					format: 'myq-license-state',
					version: 1,
					revision,
					state: this.state,
					vendorKey: this.vendorKeyText,
				};
				if (await this.options.store.saveIfRevision(record, this.revision)) {
					this.revision = revision;
					this.unsaved.splice(0, count);
				} else {
					// Another process wrote first: take its state, apply ours on top, write again.
					await this.adoptStored();
					this.dirty = true;
				}
			}
		} catch (error) {
			this.writeError = error;
		}
	}

	/**
	 * Takes the state another process stored (the CLI beside the dashboard) and replays onto it
	 * what this one did since its last write, so neither loses anything. The stored document is
	 * verified as at every load (R16).
	 */
	private async adoptStored(): Promise<boolean> {
		const loaded = await this.options.store.load();
		const revision = storedRevision(loaded);
		if (revision === this.revision) {
			return false;
		}
		this.revision = revision;
		const record =
			loaded.kind === 'loaded' ? parseStoredRecord(loaded.value) : null;
		if (!record) {
			// Not a state we can read: ours overwrites it at the next write (a copy of the
			// unreadable one is quarantined first, as at load).
			if (loaded.kind !== 'empty') {
				await this.options.store.quarantine(
					'state',
					loaded.kind === 'corrupt' ? loaded.raw : JSON.stringify(loaded.value),
				);
			}
			this.persist();
			return true;
		}
		let state = record.state;
		this.vendorKeyText ??= record.vendorKey;
		if (
			state.document &&
			JSON.stringify(state.document) !== JSON.stringify(this.state.document)
		) {
			const verdict = await this.checkStored(state.document);
			if (!verdict.ok) {
				[state] = step(
					state,
					{
						type: 'document-rejected',
						source: 'stored document',
						reason: verdict.reason,
					},
					this.options.clock.now(),
				);
			}
		}
		for (const {event, at} of this.unsaved) {
			[state] = step(state, event, at);
		}
		this.state = state;
		if (this.unsaved.length > 0) {
			this.persist();
		}
		this.publish();
		return true;
	}

	/** A long-lived runtime (the dashboard) looks at the store now and then for other writers. */
	private watch() {
		const interval = this.options.watchInterval ?? null;
		if (interval === null || this.stopped) {
			return;
		}
		this.watchTimer = this.options.clock.setTimeout(() => {
			this.watchTimer = null;
			void this.run(async () => {
				// Not while our own write is on its way: its revision would look like another's.
				if (this.writing === null) {
					await this.adoptStored();
				}
			}, true).finally(() => this.watch());
		}, interval);
	}

	/** Before a command: catch up with what another process may have written since. */
	private async catchUp() {
		await this.flushed();
		await this.adoptStored();
	}

	/** Resolves once every state so far is in the store; rethrows a failed write once. */
	private async flushed(): Promise<void> {
		while (this.writing) {
			await this.writing;
		}
		if (this.writeError !== null) {
			const error = this.writeError;
			this.writeError = null;
			throw error;
		}
	}

	private clearTimer() {
		if (this.timer !== null) {
			this.options.clock.clearTimeout(this.timer);
			this.timer = null;
		}
	}

	/** One timer: the next contact (R14) or the next visible change, whichever is first. */
	private reschedule() {
		if (this.options.schedule === false) {
			return;
		}
		this.clearTimer();
		const now = this.options.clock.now();
		const evaluation = this.snapshot().evaluation;
		const contactAt = nextContactAt(this.state, now, this.interval);
		const check =
			this.options.clockCheckInterval === undefined
				? HOUR
				: this.options.clockCheckInterval;
		const candidates = [
			contactAt,
			evaluation.nextChangeAt,
			check === null ? null : now + check,
		].filter((at): at is number => at !== null);
		if (candidates.length === 0) {
			return;
		}
		const at = Math.min(...candidates);
		this.timer = this.options.clock.setTimeout(
			() => {
				this.timer = null;
				void this.run(async () => {
					const due = this.options.clock.now();
					if (contactAt !== null && due >= contactAt) {
						await this.contact();
					} else {
						await this.dispatch({type: 'clock-observed'});
					}
				}, true);
			},
			Math.max(0, at - now),
		);
	}
}

function contactFailureMessage(failure: Failure): string {
	if (failure.kind === 'bad-signature' || failure.kind === 'bad-response') {
		return `The license server answered something that cannot be trusted (${failure.message}). Nothing was changed; licenses keep working during the grace periods. Try Connect now again later.`;
	}
	return `The license server could not be reached (${failure.message}). Check the network and try again with Connect now; licenses keep working during the grace periods.`;
}

function nextDeviceName(state: EngineState): string {
	const taken = new Set(state.devices.map((device) => device.id));
	let n = state.devices.length + 1;
	while (taken.has(`device-${n}`)) {
		n += 1;
	}
	return `device-${n}`;
}

export function createRuntime(options: RuntimeOptions): Runtime {
	return new Runtime(options);
}
