/**
 * The store, shared with other processes (the CLI beside the dashboard): load and verify at
 * start (R16), write one state at a time with compare-and-set, and when another process wrote
 * first, take its state and replay onto it what this one did since its last write.
 *
 * Read-only (`status`): the same load and verification, in memory only: nothing is written,
 * not even a quarantined copy, so it works on a store it may not write.
 */
import {type EngineEvent, initialState, step} from '../engine/step.js';
import {type Store, storedRevision} from '../ports/index.js';
import type {Shell} from './shell.js';
import {parseStoredRecord, type StoredRecord} from './stored-record.js';

/**
 * Compare-and-set refusals in a row after which a write gives up with an error (issue 10 point
 * 4: a save never spins). Each refusal that shows a new stored revision is another process's
 * finished write, so the store as a whole moves on; this only ends a wait on a process that
 * writes without pause. A refusal that shows nothing new is handled at once (setAside).
 */
export const MAX_REFUSED_WRITES = 1000;

/** The revision after `revision`; past 2^53 - 1 (no longer exact in JSON) it starts again at 1. */
export function nextRevision(revision: number): number {
	return revision >= Number.MAX_SAFE_INTEGER ? 1 : Math.max(0, revision) + 1;
}

export class Persistence {
	/** The stored revision this state was read from or written as (see storedRevision). */
	private revision = -2;
	/** Events applied since the last successful write: replayed onto another process's newer state. */
	private unsaved: {event: EngineEvent; at: number}[] = [];
	private dirty = false;
	private writing: Promise<void> | null = null;
	private writeError: unknown = null;
	/** A row was set aside and no write succeeded since: the store refuses ours too. */
	private isSetAside = false;

	constructor(
		private readonly shell: Shell,
		/** Whether this process only reads the store (status). */
		private readonly isReadOnly = false,
	) {}

	private get store(): Store {
		return this.shell.store;
	}

	/** Whether a write is on its way (its revision would look like another process's). */
	get isWriting(): boolean {
		return this.writing !== null;
	}

	/** The state to start from: the stored one, verified (R16), or a fresh one. */
	async load(): Promise<void> {
		const {shell} = this;
		const loaded = await this.store.load();
		this.revision = storedRevision(loaded);
		const now = shell.clock.now();
		if (loaded.kind === 'empty') {
			shell.state = initialState(shell.newId(), now);
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
			if (!this.isReadOnly) {
				await this.store.quarantine('state', raw);
			}
			shell.state = {...initialState(shell.newId(), now), everActivated: true};
			await shell.dispatch({
				type: 'document-rejected',
				source: 'stored state',
				code: 'unreadable-state',
				reason: this.isReadOnly
					? reason
					: `${reason}; a copy was kept in the store`,
			});
			return;
		}
		// R16: the record's own `vendorKey` (written by earlier versions) is never read: the key
		// comes from the configuration, not from the row it would vouch for.
		shell.state = record.state;
		shell.installationSecret = record.installationSecret ?? null;
		await this.verifyStored();
	}

	/**
	 * R16: the stored document, verified with this process's key. A verdict about it in the
	 * state is this process's own: one left by another process (with another key, or none) is
	 * replaced, so it can neither hide a forgery nor stop licenses that verify here.
	 */
	private async verifyStored(): Promise<void> {
		const {shell} = this;
		const document = shell.state.document;
		if (!document) return;
		const verdict = shell.trust.checkStored(document);
		if (!verdict.ok) {
			await shell.dispatch({
				type: 'document-rejected',
				source: 'stored document',
				code: verdict.code,
				reason: verdict.reason,
			});
		} else if (shell.state.integrity?.reason.startsWith('stored document')) {
			shell.state = {...shell.state, integrity: null};
		}
	}

	/** Uses `key` from now on (the admin chose to trust it) and verifies the stored document again. */
	async trustVendorKey(key: string): Promise<void> {
		this.shell.trust.use(key);
		await this.verifyStored();
		this.shell.publish();
	}

	/** An event whose step asked for a save: kept until written, for replay (see adoptStored). */
	record(event: EngineEvent, at: number) {
		if (this.isReadOnly) return;
		this.unsaved.push({event, at});
		this.persist();
	}

	/**
	 * Marks the state for saving. One write at a time, and writes that pile up while one runs
	 * collapse into one of the latest state: the store always holds a whole, recent state.
	 */
	persist() {
		if (this.isReadOnly) return;
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
			let refused = 0;
			while (this.dirty) {
				this.dirty = false;
				const count = this.unsaved.length;
				const revision = nextRevision(this.revision);
				const record: StoredRecord = {
					format: 'myq-license-state',
					version: 1,
					revision,
					state: this.shell.state,
					// Kept for earlier versions, which require the member; never read (R16).
					vendorKey: null,
					...(this.shell.installationSecret === null
						? {}
						: {installationSecret: this.shell.installationSecret}),
				};
				if (await this.store.saveIfRevision(record, this.revision)) {
					this.revision = revision;
					this.unsaved.splice(0, count);
					refused = 0;
					this.isSetAside = false;
					continue;
				}
				refused += 1;
				if (refused >= MAX_REFUSED_WRITES) {
					throw new Error(
						`The store refused to save the license state ${refused} times in a row: another process kept writing to it. Nothing was lost; run the command again.`,
					);
				}
				// Another process wrote first: take its state, apply ours on top, write again.
				this.dirty = true;
				if (!(await this.adoptStored())) {
					// The store refused the revision it showed us: it reads its row otherwise than we
					// do. Never spin on it: set the row aside once, like any damaged state (R16).
					if (this.isSetAside) {
						throw new Error(
							'The store refuses every save of the license state, even over the copy this program just wrote. Check the store (--store) or choose another one.',
						);
					}
					await this.setAside();
					this.isSetAside = true;
				}
			}
		} catch (error) {
			this.writeError = error;
		}
	}

	/**
	 * A stored row the store will not compare-and-set although nobody changed it: kept in the
	 * quarantine, reported as a damaged state, and replaced by ours with a plain write.
	 */
	private async setAside(): Promise<void> {
		const {shell} = this;
		const loaded = await this.store.load();
		await this.store.quarantine(
			'state',
			loaded.kind === 'corrupt'
				? loaded.raw
				: loaded.kind === 'loaded'
					? JSON.stringify(loaded.value)
					: '',
		);
		[shell.state] = step(
			shell.state,
			{
				type: 'document-rejected',
				source: 'stored state',
				code: 'unreadable-state',
				reason:
					'the store refused every save over it although no other process had written; a copy was kept in the store',
			},
			shell.clock.now(),
		);
		const revision = nextRevision(this.revision);
		await this.store.save({
			format: 'myq-license-state',
			version: 1,
			revision,
			state: shell.state,
			vendorKey: null,
		} satisfies StoredRecord);
		this.revision = revision;
		this.unsaved = [];
		this.dirty = false;
		shell.publish();
	}

	/**
	 * Takes the state another process stored (the CLI beside the dashboard) and replays onto it
	 * what this one did since its last write, so neither loses anything. The stored document is
	 * verified as at every load (R16).
	 */
	async adoptStored(): Promise<boolean> {
		const {shell} = this;
		const loaded = await this.store.load();
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
				await this.store.quarantine(
					'state',
					loaded.kind === 'corrupt' ? loaded.raw : JSON.stringify(loaded.value),
				);
			}
			this.persist();
			return true;
		}
		let state = record.state;
		// The other process's secret, unless this one activated since its last write (an
		// activation waiting in `unsaved`): the license server accepted this one's secret then.
		const activatedHere = this.unsaved.some(
			({event}) => event.type === 'activation-succeeded',
		);
		if (typeof record.installationSecret === 'string' && !activatedHere) {
			shell.installationSecret = record.installationSecret;
		}
		if (state.document) {
			// R16, as at load: this process's verdict on the document, whatever the other's was.
			const verdict = shell.trust.checkStored(state.document);
			if (!verdict.ok) {
				if (state.integrity?.reason !== `stored document: ${verdict.reason}`) {
					[state] = step(
						state,
						{
							type: 'document-rejected',
							source: 'stored document',
							code: verdict.code,
							reason: verdict.reason,
						},
						shell.clock.now(),
					);
				}
			} else if (state.integrity?.reason.startsWith('stored document')) {
				state = {...state, integrity: null};
			}
		}
		for (const {event, at} of this.unsaved) {
			[state] = step(state, event, at);
		}
		shell.state = state;
		if (this.unsaved.length > 0) {
			this.persist();
		}
		shell.publish();
		return true;
	}

	/** Before a command: catch up with what another process may have written since. */
	async catchUp() {
		await this.flushed();
		await this.adoptStored();
	}

	/** Resolves once every state so far is in the store; rethrows a failed write once. */
	async flushed(): Promise<void> {
		while (this.writing) {
			await this.writing;
		}
		if (this.writeError !== null) {
			const error = this.writeError;
			this.writeError = null;
			throw error;
		}
	}
}
