/** Builders for engine states in table tests. Signatures are placeholders: the engine trusts
 * what the runtime verified, so these tests exercise the rules alone. */
import {initialState} from '../../source/engine/step.js';
import {
	DAY,
	type EngineState,
	type LicenseGrant,
	type SignedDocument,
} from '../../source/engine/types.js';

export const T0 = Date.parse('2027-01-04T09:00:00Z');
export const FP_A = 'fp-server-a';
export const FP_B = 'fp-server-b';

let counter = 0;

export function grant(partial: Partial<LicenseGrant> = {}): LicenseGrant {
	counter += 1;
	const id = partial.id ?? `K${String(counter).padStart(4, '0')}-LICENSE`;
	return {
		id,
		key: partial.key ?? id,
		keyKind: 'license',
		kind: 'perpetual',
		devices: 10,
		activatedAt: T0,
		expiresAt: null,
		autoRenew: false,
		revokedAt: null,
		...partial,
	};
}

export function subscription(
	expiresAt: number,
	partial: Partial<LicenseGrant> = {},
): LicenseGrant {
	return grant({kind: 'subscription', expiresAt, ...partial});
}

export function documentOf(
	licenses: LicenseGrant[],
	fingerprint = FP_A,
	issuedAt = T0,
): SignedDocument {
	return {
		payload: {
			type: 'myq-activation',
			version: 1,
			installationId: 'inst-1',
			fingerprint,
			issuedAt,
			licenses,
		},
		signature: 'not-checked-by-the-engine',
	};
}

/** An installation activated at T0 on server A, last contact at T0. */
export function activated(
	licenses: LicenseGrant[],
	overrides: Partial<EngineState> = {},
): EngineState {
	const state = initialState('inst-1', T0);
	return {
		...state,
		document: documentOf(licenses),
		everActivated: true,
		hardware: {current: FP_A, mismatchSince: null},
		server: {
			lastSuccessAt: T0,
			lastFailureAt: null,
			unreachableSince: null,
			lastFailure: null,
		},
		...overrides,
	};
}

export const days = (n: number) => n * DAY;
