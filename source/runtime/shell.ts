/**
 * What the runtime's parts see of it: the current state, the ports, and `dispatch`, which steps
 * the engine and carries out its effects. The commands (save.ts, activate.ts, ...), persistence
 * and the schedule each take a Shell instead of the whole Runtime, so each is a file with one job.
 */
import type {Effect, EngineEvent} from '../engine/step.js';
import type {EngineState} from '../engine/types.js';
import type {
	Clock,
	HardwareProbe,
	LicenseServer,
	Store,
} from '../ports/index.js';
import type {Outcome} from './outcome.js';
import type {VendorTrust} from './vendor-trust.js';

export type Shell = {
	/** The engine state as it stands; only dispatch and persistence replace it. */
	state: EngineState;
	readonly clock: Clock;
	readonly server: LicenseServer;
	readonly hardware: HardwareProbe;
	readonly store: Store;
	readonly trust: VendorTrust;
	/**
	 * The secret the license server gave this installation (kept beside the state in the store,
	 * never inside signed data): sent with Activate as the proof for rebinding (R8).
	 */
	installationSecret: string | null;
	newId(): string;
	/** R14: a fresh random value for one contact or activation, which its answer must carry. */
	newNonce(): string;
	/** Steps the engine with `event` now, saves and contacts as its effects say, publishes. */
	dispatch(event: EngineEvent): Promise<Effect[]>;
	/** Tells subscribers, and the schedule, that the state changed. */
	publish(): void;
	/** R14: one contact with the license server (connect.ts). */
	contact(): Promise<Outcome>;
};

/** R8: look at the hardware, as at every check. */
export async function seeHardware(shell: Shell): Promise<string> {
	const fingerprint = await shell.hardware.fingerprint();
	await shell.dispatch({type: 'fingerprint-seen', fingerprint});
	return fingerprint;
}
