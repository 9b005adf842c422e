/**
 * Engine throughput: `evaluate(state, now)` on an installation with 1,000 licenses, a mix of
 * perpetual and subscription licenses, some in their countdown, with devices activated.
 */
import {evaluate} from '../source/engine/evaluate.js';
import {initialState, step} from '../source/engine/step.js';
import {
	DAY,
	type EngineState,
	type LicenseGrant,
} from '../source/engine/types.js';

const T0 = Date.parse('2027-01-04T09:00:00Z');

export function installationWith(count: number): EngineState {
	const licenses: LicenseGrant[] = Array.from({length: count}, (_, index) => ({
		id: `K${String(index).padStart(4, '0')}`,
		key: `K${String(index).padStart(4, '0')}`,
		keyKind: 'license',
		kind: index % 3 === 0 ? 'perpetual' : 'subscription',
		devices: 1 + (index % 7),
		activatedAt: T0,
		expiresAt: index % 3 === 0 ? null : T0 + (30 + (index % 400)) * DAY,
		autoRenew: index % 5 === 0,
		revokedAt: null,
	}));
	const state = initialState('bench', T0);
	return {
		...state,
		document: {
			payload: {
				type: 'myq-activation',
				version: 1,
				installationId: 'bench',
				fingerprint: 'fp',
				issuedAt: T0,
				licenses,
			},
			signature: '',
		},
		everActivated: true,
		hardware: {current: 'fp', mismatchSince: null},
		server: {
			lastSuccessAt: T0,
			lastFailureAt: null,
			unreachableSince: null,
			lastFailure: null,
		},
		devices: Array.from({length: 200}, (_, index) => ({
			id: `d${index}`,
			activatedAt: T0 + index,
		})),
	};
}

export function benchEngine(durationMs = 2000) {
	const state = installationWith(1000);
	let evaluations = 0;
	const started = performance.now();
	let now = T0;
	while (performance.now() - started < durationMs) {
		evaluate(state, now);
		now += 3_600_000;
		evaluations += 1;
	}
	const evaluationsPerSecond =
		evaluations / ((performance.now() - started) / 1000);

	let steps = 0;
	let current = state;
	const stepStarted = performance.now();
	while (performance.now() - stepStarted < durationMs / 2) {
		[current] = step(current, {type: 'clock-observed'}, T0 + steps * 60_000);
		steps += 1;
	}
	const stepsPerSecond = steps / ((performance.now() - stepStarted) / 1000);
	return {evaluationsPerSecond, stepsPerSecond};
}
