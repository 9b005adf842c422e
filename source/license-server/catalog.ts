/**
 * The vendor's key catalog (SPEC §4): key records, installation records, and the pure rules that
 * turn them into the licenses of a signed document. Where they are kept is the store's job
 * (store.ts, over SQL in sql/).
 */
import {parseKey} from '../engine/keys.js';
import {
	type Customer,
	DAY,
	type KeyKind,
	type LicenseGrant,
	type LicenseKind,
} from '../engine/types.js';
import {VendorError} from './errors.js';

/** One license a key carries, with its live state once activated. */
export type LicenseRecord = {
	kind: LicenseKind;
	devices: number;
	/** Subscriptions only: the length of one term, in days. */
	termDays: number | null;
	autoRenew: boolean;
	/** Set at the key's first activation: a subscription's term starts there (SPEC §4, decided). */
	activatedAt: number | null;
	expiresAt: number | null;
	revokedAt: number | null;
};

export type KeyRecord = {
	key: string;
	type: KeyKind;
	licenses: LicenseRecord[];
	/** The installation the key is bound to since its first activation; null before. */
	installationId: string | null;
	createdAt: number;
	boundAt: number | null;
};

export type InstallationRecord = {
	installationId: string;
	/** The fingerprint the installation's licenses are bound to; changed only by activation (R8). */
	fingerprint: string;
	/** Keys bound to the installation, in the order they were first activated. */
	keys: string[];
	customer: Customer | null;
	createdAt: number;
	lastActivationAt: number;
	lastContactAt: number | null;
};

/** What `mint` takes: one license key, or an installation key carrying several licenses. */
export type LicenseSpec = {
	kind: LicenseKind;
	devices: number;
	termDays?: number;
	autoRenew?: boolean;
};
/**
 * What `vendor mint` makes: an installation key carrying licenses, or one license key.
 * @example
 * const spec: MintSpec = {type: 'installation', licenses: [{kind: 'subscription', devices: 10, termDays: 365, autoRenew: false}]};
 */
export type MintSpec =
	| ({type: 'license'} & LicenseSpec)
	| {type: 'installation'; licenses: LicenseSpec[]};

export function newLicenseRecord(spec: LicenseSpec): LicenseRecord {
	const isSubscription = spec.kind === 'subscription';
	return {
		kind: spec.kind,
		devices: spec.devices,
		termDays: isSubscription ? (spec.termDays ?? null) : null,
		autoRenew: isSubscription ? (spec.autoRenew ?? false) : false,
		activatedAt: null,
		expiresAt: null,
		revokedAt: null,
	};
}

/** The stable id of the n-th license (from 0) of a key: see LicenseGrant.id. */
export function licenseId(
	record: Pick<KeyRecord, 'key' | 'type'>,
	index: number,
): string {
	return record.type === 'license' ? record.key : `${record.key}/${index + 1}`;
}

/** The first activation of a key: every license starts now, subscriptions for one term. */
export function bindKey(
	record: KeyRecord,
	installationId: string,
	now: number,
): KeyRecord {
	return {
		...record,
		installationId,
		boundAt: now,
		licenses: record.licenses.map((license) => ({
			...license,
			activatedAt: now,
			expiresAt:
				license.kind === 'subscription' && license.termDays !== null
					? now + license.termDays * DAY
					: null,
		})),
	};
}

/**
 * SPEC §4 auto-renewal: at or after `expiresAt` of a live subscription whose renewal is on, the
 * term is added again, as many times as needed for `expiresAt` to be in the future.
 */
export function renewLicense(
	license: LicenseRecord,
	now: number,
): LicenseRecord {
	if (
		license.kind !== 'subscription' ||
		!license.autoRenew ||
		license.revokedAt !== null ||
		license.expiresAt === null ||
		license.termDays === null ||
		license.termDays <= 0 ||
		now < license.expiresAt
	) {
		return license;
	}
	const term = license.termDays * DAY;
	const terms = Math.floor((now - license.expiresAt) / term) + 1;
	return {...license, expiresAt: license.expiresAt + terms * term};
}

export function renewKey(record: KeyRecord, now: number): KeyRecord {
	const licenses = record.licenses.map((license) => renewLicense(license, now));
	return licenses.every((license, index) => license === record.licenses[index])
		? record
		: {...record, licenses};
}

export function grantsOf(record: KeyRecord): LicenseGrant[] {
	return record.licenses.map((license, index) => ({
		id: licenseId(record, index),
		key: record.key,
		keyKind: record.type,
		kind: license.kind,
		devices: license.devices,
		activatedAt: license.activatedAt ?? record.boundAt ?? record.createdAt,
		expiresAt: license.expiresAt,
		autoRenew: license.autoRenew,
		revokedAt: license.revokedAt,
	}));
}

/** A key or a license id (`KEY` or `KEY/n`) as the admin typed it, normalised. */
export type Target = {key: string; index: number | null};

export function parseTarget(input: string): Target {
	const slash = input.lastIndexOf('/');
	const keyText = slash >= 0 ? input.slice(0, slash) : input;
	const parsed = parseKey(keyText);
	if (!parsed.ok) {
		throw new VendorError(400, 'malformed-key', parsed.error.message);
	}
	if (slash < 0) {
		return {key: parsed.value.key, index: null};
	}
	const numberText = input.slice(slash + 1).trim();
	const n = Number(numberText);
	if (!/^\d+$/.test(numberText) || n < 1) {
		throw new VendorError(
			400,
			'malformed-key',
			`"${input}" is not a license id: after the key and "/" comes the license number, from 1 (like ${parsed.value.key}/1).`,
		);
	}
	return {key: parsed.value.key, index: n - 1};
}
