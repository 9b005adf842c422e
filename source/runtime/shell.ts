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
	 * This installation's secret, made here the first time it activates (installationSecret
	 * below) and kept beside the state in the store, never inside signed data. The license server
	 * adopts the first one an installation presents; from then on it is the installation's only
	 * proof, on this machine and when it moves (R8, issue 11 point 5): its id, keys and
	 * fingerprint are shown by any contact. Null in a store from before secrets, until then.
	 */
	installationSecret: string | null;
	/** A new installation secret: 32 random bytes, base64url. */
	newSecret(): string;
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

/**
 * The secret an activation sends (online or by file), made now when the installation has none:
 * kept on the shell, it is saved with the state this activation changes, so an answer lost on
 * the way loses nothing (the next activation presents the same secret).
 */
export function installationSecret(shell: Shell): string {
	shell.installationSecret ??= shell.newSecret();
	return shell.installationSecret;
}

/** R8: look at the hardware, as at every check. */
export async function seeHardware(shell: Shell): Promise<string> {
	const fingerprint = await shell.hardware.fingerprint();
	await shell.dispatch({type: 'fingerprint-seen', fingerprint});
	return fingerprint;
}
