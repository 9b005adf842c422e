/**
 * The shape of a signed activation document, checked after its signature (R16): a signature
 * proves who made a document, not that it is one the engine can read. Hand-written for the same
 * reason as stored-record.ts (every start loads it).
 */
import type {ActivationDocument, KeyRefusal} from '../engine/types.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value);
const isNullableTime = (value: unknown) => value === null || isTime(value);

function isGrant(value: unknown): boolean {
	return (
		isObject(value) &&
		typeof value.id === 'string' &&
		typeof value.key === 'string' &&
		(value.keyKind === 'installation' || value.keyKind === 'license') &&
		(value.kind === 'perpetual' || value.kind === 'subscription') &&
		Number.isInteger(value.devices) &&
		(value.devices as number) >= 0 &&
		isTime(value.activatedAt) &&
		isNullableTime(value.expiresAt) &&
		(value.kind === 'perpetual' || value.expiresAt !== null) &&
		typeof value.autoRenew === 'boolean' &&
		isNullableTime(value.revokedAt)
	);
}

/** Why `payload` is not an activation document, or null when it is one. */
export function documentShapeProblem(payload: unknown): string | null {
	if (
		!isObject(payload) ||
		payload.type !== 'myq-activation' ||
		payload.version !== 1
	) {
		return 'it is not an activation document';
	}
	if (
		typeof payload.installationId !== 'string' ||
		typeof payload.fingerprint !== 'string' ||
		!isTime(payload.issuedAt)
	) {
		return 'its installation, fingerprint or date is missing';
	}
	if (!Array.isArray(payload.licenses)) {
		return 'it has no license list';
	}
	const index = payload.licenses.findIndex((grant) => !isGrant(grant));
	if (index >= 0) {
		return `its license ${index + 1} is not in the expected form`;
	}
	if (
		payload.requestId !== undefined &&
		typeof payload.requestId !== 'string'
	) {
		return 'its request id is not text';
	}
	return null;
}

export function isActivationDocument(
	payload: unknown,
): payload is ActivationDocument {
	return documentShapeProblem(payload) === null;
}

export function isRefusalList(value: unknown): value is KeyRefusal[] {
	return (
		Array.isArray(value) &&
		value.every(
			(refusal) =>
				isObject(refusal) &&
				typeof refusal.key === 'string' &&
				typeof refusal.code === 'string' &&
				typeof refusal.message === 'string',
		)
	);
}
