/**
 * The vendor's activation limits (issue 6: activate/deactivate churn), counted in the database
 * (issue 11, point 3): every instance on one database sees the same counts, and a restart
 * forgets nothing. Every activation rebinds an installation's licenses to the fingerprint it
 * sends (R8), so a key or an installation activated again and again from many machines is a
 * copied installation taking turns with one license. A genuine admin activates a handful of
 * times.
 *
 * Checked and counted inside the activation's transaction, after its rows are locked: two
 * activations of one installation or key cannot both take the last place in a window.
 */
import {HOUR} from '../engine/types.js';
import {RateLimitedError} from './errors.js';
import type {VendorTransaction} from './store.js';

export type ActivationLimits = {
	/** Activations that redeem or re-present one key, per window. @default 10 */
	perKey: number;
	/** Activations of one installation (each rebinds all its licenses), per window. @default 30 */
	perInstallation: number;
	/** @default HOUR */
	windowMs: number;
};

export const DEFAULT_ACTIVATION_LIMITS: ActivationLimits = {
	perKey: 10,
	perInstallation: 30,
	windowMs: HOUR,
};

export type ActivationLimiter = {
	/** Throws RateLimitedError when one more activation would go over a limit. Counts nothing. */
	check(
		tx: VendorTransaction,
		installationId: string,
		keys: readonly string[],
		at: number,
	): Promise<void>;
	/** Counts one activation of the installation and of each key. */
	count(
		tx: VendorTransaction,
		installationId: string,
		keys: readonly string[],
		at: number,
	): Promise<void>;
};

const installationSubject = (id: string) => `installation:${id}`;
const keySubject = (key: string) => `key:${key}`;

export function createActivationLimiter(
	limits?: Partial<ActivationLimits>,
): ActivationLimiter {
	const {perKey, perInstallation, windowMs} = {
		...DEFAULT_ACTIVATION_LIMITS,
		...limits,
	};
	// Hits older than the window are deleted once per window by whichever activation comes:
	// the table holds one window of traffic, whatever the number of instances.
	let pruneAt = Number.NEGATIVE_INFINITY;

	return {
		async check(tx, installationId, keys, at) {
			const window = describeWindow(windowMs);
			const hits = await tx.recentHits(
				[installationSubject(installationId), ...keys.map(keySubject)],
				at - windowMs,
			);
			const installation = verdict(
				hits.get(installationSubject(installationId)),
				perInstallation,
			);
			if (installation !== null) {
				throw new RateLimitedError(
					`The installation ${installationId} was activated ${installation.count} times in the last ${window}, the most allowed is ${perInstallation}: each activation moves its licenses to the server that asks, so repeated activations are limited. ${retryText(installation.retryAt, at)}`,
					installation.retryAt,
					retryAfterSeconds(installation.retryAt, at),
				);
			}
			for (const key of keys) {
				const over = verdict(hits.get(keySubject(key)), perKey);
				if (over !== null) {
					throw new RateLimitedError(
						`The key ${key} was activated ${over.count} times in the last ${window}, the most allowed is ${perKey}: repeated activations of one key are limited. ${retryText(over.retryAt, at)}`,
						over.retryAt,
						retryAfterSeconds(over.retryAt, at),
					);
				}
			}
		},

		async count(tx, installationId, keys, at) {
			if (at >= pruneAt) {
				await tx.pruneHits(at - windowMs);
				pruneAt = at + windowMs;
			}
			await tx.addHits(
				[installationSubject(installationId), ...keys.map(keySubject)],
				at,
			);
		},
	};

	/** Over the limit: when one more fits (the hit that must leave the window), and the count. */
	function verdict(
		hits: number[] | undefined,
		limit: number,
	): {retryAt: number; count: number} | null {
		if (hits === undefined || hits.length < limit) return null;
		const oldest = hits[hits.length - limit] ?? 0;
		return {retryAt: oldest + windowMs, count: hits.length};
	}
}

function describeWindow(windowMs: number): string {
	if (windowMs === HOUR) return 'hour';
	if (windowMs % HOUR === 0) return `${windowMs / HOUR} hours`;
	return `${Math.max(1, Math.round(windowMs / 60_000))} minutes`;
}

function retryAfterSeconds(retryAt: number, at: number): number {
	return Math.max(1, Math.ceil((retryAt - at) / 1000));
}

function retryText(retryAt: number, at: number): string {
	const minutes = Math.max(1, Math.ceil((retryAt - at) / 60_000));
	return `Try again after ${new Date(retryAt).toISOString()} (in ${minutes} minute${minutes === 1 ? '' : 's'}).`;
}
