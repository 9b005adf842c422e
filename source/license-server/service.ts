/**
 * The vendor's logic (SPEC §4), as a library: the HTTP routes, the CLI (`vendor mint`,
 * `vendor offline-activate`) and tests all call this. Time comes only from `now()`.
 *
 * Longer than our usual file, knowingly: it is the whole vendor side over its Keyv catalog, and
 * issue 11 replaces that catalog with a SQL schema and transactions; it is split then, along the
 * repository it will call, not twice.
 */
import type {KeyObject} from 'node:crypto';
import {mintKey, parseKey} from '../engine/keys.js';
import {
	type ActivationDocument,
	type ActivationResponsePayload,
	type Customer,
	DAY,
	HOUR,
	type KeyRefusal,
	type LicenseGrant,
	type RefusalPayload,
	type SignedDocument,
} from '../engine/types.js';
import type {ActivationReply} from '../ports/index.js';
import {sign, toSignedFileText} from '../signing/index.js';
import {
	bindKey,
	type Catalog,
	grantsOf,
	type InstallationRecord,
	type KeyRecord,
	type LicenseRecord,
	licenseId,
	type MintSpec,
	newLicenseRecord,
	parseTarget,
	renewKey,
	type Target,
} from './catalog.js';
import {RateLimitedError, VendorError} from './errors.js';
import {createRateCounter} from './rate-limit.js';
import {
	activationRequestSchema,
	extendBodySchema,
	mintBodySchema,
	validate,
} from './schemas.js';

export type ActivateInput = {
	installationId: string;
	fingerprint: string;
	keys: string[];
	customer?: Customer | null;
	/** R14: signed back in the answer, so the client knows it is fresh. */
	nonce?: string | undefined;
};

export type ContactInput = {
	installationId: string;
	fingerprint: string;
	/** R14: signed back in the answer, so the client knows it is fresh. */
	nonce?: string | undefined;
};

/** A key as the admin API shows it: the record, its licenses as granted, its installation. */
export type KeyDescription = {
	key: string;
	record: KeyRecord;
	licenses: LicenseGrant[];
	installation: InstallationRecord | null;
};

export type VendorService = {
	mint(spec: MintSpec): Promise<{key: string; record: KeyRecord}>;
	/**
	 * R4: redeem keys for an installation and (re)bind it to the fingerprint (R8). A refusal
	 * (a VendorError) carries `signed`, the refusal signed with the request's nonce (SPEC §4).
	 */
	activate(request: ActivateInput): Promise<ActivationReply>;
	/** R14: the installation's document as it stands, after auto-renewals; refusals as activate's. */
	contact(request: ContactInput): Promise<SignedDocument>;
	/** R5: the vendor portal. Takes a request file's text, returns the response file's text. */
	offlineActivate(requestFileText: string): Promise<string>;
	/** Adds days to `expiresAt` of a license (`KEY/n`) or of every subscription of a key. */
	extend(keyOrLicenseId: string, days: number): Promise<KeyDescription>;
	cancelRenewal(keyOrLicenseId: string): Promise<KeyDescription>;
	/** The license ends at once (revokedAt = now). */
	revoke(keyOrLicenseId: string): Promise<KeyDescription>;
	describe(keyOrLicenseId: string): Promise<KeyDescription>;
};

/**
 * Limits on activations (issue 6), against activate/deactivate churn: each activation rebinds an
 * installation's licenses to the fingerprint it sends (R8), so one installation (or one key)
 * activated over and over is a copy passed from machine to machine. A real admin activates a few
 * times a day at most: after a hardware change, a new key, a retry. Going over answers 429
 * `rate-limited` with the time to retry, and changes nothing. Contacts are not limited: they
 * bind nothing, the client spaces them itself (R14), and a refusal would count as a successful
 * contact without a fresh document, which could keep a renewal from a genuine installation.
 */
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

export type ServiceOptions = {
	catalog: Catalog;
	now: () => number;
	privateKey: KeyObject;
	randomBytes: (size: number) => Uint8Array;
	/** @default DEFAULT_ACTIVATION_LIMITS */
	limits?: Partial<ActivationLimits>;
};

export function createVendorService({
	catalog,
	now,
	privateKey,
	randomBytes,
	limits,
}: ServiceOptions): VendorService {
	const {perKey, perInstallation, windowMs} = {
		...DEFAULT_ACTIVATION_LIMITS,
		...limits,
	};
	const keyActivations = createRateCounter({limit: perKey, windowMs});
	const installationActivations = createRateCounter({
		limit: perInstallation,
		windowMs,
	});

	/** The refusal for an activation over a limit, or null. Counts nothing. */
	function overLimit(
		installationId: string,
		keys: KeyRecord[],
		at: number,
	): RateLimitedError | null {
		const window = describeWindow(windowMs);
		const installation = installationActivations.check(installationId, at);
		if (!installation.ok) {
			return new RateLimitedError(
				`The installation ${installationId} was activated ${installation.count} times in the last ${window}, the most allowed is ${perInstallation}: each activation moves its licenses to the server that asks, so repeated activations are limited. ${retryText(installation.retryAt, at)}`,
				installation.retryAt,
				retryAfterSeconds(installation.retryAt, at),
			);
		}
		for (const record of keys) {
			const key = keyActivations.check(record.key, at);
			if (!key.ok) {
				return new RateLimitedError(
					`The key ${record.key} was activated ${key.count} times in the last ${window}, the most allowed is ${perKey}: repeated activations of one key are limited. ${retryText(key.retryAt, at)}`,
					key.retryAt,
					retryAfterSeconds(key.retryAt, at),
				);
			}
		}
		return null;
	}

	// One change at a time: activation reads and writes several records, and two requests
	// interleaving could bind one key to two installations.
	let queue: Promise<unknown> = Promise.resolve();
	function exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = queue.then(task, task);
		queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * The installation's document, signed for the one request it answers: with its nonce (R14)
	 * or its manual request id (R5). Every answer is signed anew (no document is handed out
	 * twice), so a replayed answer is never a fresh one.
	 */
	function document(
		installationId: string,
		fingerprint: string,
		records: KeyRecord[],
		at: number,
		answering: {requestId?: string; nonce?: string | undefined},
	) {
		const payload: ActivationDocument = {
			type: 'myq-activation',
			version: 1,
			installationId,
			fingerprint,
			issuedAt: at,
			licenses: records.flatMap(grantsOf),
			...(answering.requestId === undefined
				? {}
				: {requestId: answering.requestId}),
			...(answering.nonce === undefined ? {} : {nonce: answering.nonce}),
		};
		return sign(payload, privateKey);
	}

	/**
	 * SPEC §4: a refusal of a contact or an activation is signed for the request it answers, so
	 * the client can tell it from any 4xx on the way (a wrong URL, a proxy).
	 */
	function signRefusal(
		error: unknown,
		request: {installationId: string; nonce?: string | undefined},
	): never {
		if (error instanceof VendorError) {
			const payload: RefusalPayload = {
				type: 'myq-refusal',
				version: 1,
				installationId: request.installationId,
				code: error.code,
				...(request.nonce === undefined ? {} : {nonce: request.nonce}),
				issuedAt: now(),
			};
			error.signed = sign(payload, privateKey);
		}
		throw error;
	}

	/** The installation's keys, with due auto-renewals applied and saved. */
	async function liveKeys(
		installation: InstallationRecord,
		at: number,
	): Promise<KeyRecord[]> {
		const records: KeyRecord[] = [];
		for (const key of installation.keys) {
			const stored = await catalog.key(key);
			if (stored === undefined) continue;
			const renewed = renewKey(stored, at);
			if (renewed !== stored) await catalog.saveKey(renewed);
			records.push(renewed);
		}
		return records;
	}

	async function activateNow(
		request: ActivateInput,
		requestId?: string,
	): Promise<ActivationReply> {
		const answering = {requestId, nonce: request.nonce};
		const at = now();
		const refusals: KeyRefusal[] = [];
		const accepted: KeyRecord[] = [];
		const seen = new Set<string>();
		for (const input of request.keys) {
			const parsed = parseKey(input);
			if (!parsed.ok) {
				refusals.push({
					key: input,
					code: 'malformed-key',
					message: parsed.error.message,
				});
				continue;
			}
			const {key} = parsed.value;
			if (seen.has(key)) continue;
			seen.add(key);
			const record = await catalog.key(key);
			if (record === undefined) {
				refusals.push({
					key,
					code: 'unknown-key',
					message: `The key ${key} is not in the vendor's catalog. Check it against your license document, or ask your reseller.`,
				});
				continue;
			}
			if (
				record.installationId !== null &&
				record.installationId !== request.installationId
			) {
				refusals.push({
					key,
					code: 'key-bound-elsewhere',
					message: `The key ${key} is already activated on another installation; a key works on one installation only. Ask your reseller to move it.`,
				});
				continue;
			}
			const revokedAt = allRevokedAt(record.licenses);
			if (revokedAt !== null) {
				refusals.push({
					key,
					code: 'revoked',
					message: `The key ${key} was revoked by the vendor on ${new Date(revokedAt).toISOString()}. Ask your reseller for a new key.`,
				});
				continue;
			}
			accepted.push(record);
		}

		const existing = await catalog.installation(request.installationId);
		if (existing === undefined && accepted.length === 0) {
			// Nothing to bind: answer with an empty document, and remember nothing.
			return {
				document: document(
					request.installationId,
					request.fingerprint,
					[],
					at,
					answering,
				),
				refusals,
			};
		}
		// Checked before anything is written, so a refused activation changes nothing. Only what
		// binds counts: a stranger's attempts with a key bound elsewhere cannot lock its owner out.
		const limited = overLimit(request.installationId, accepted, at);
		if (limited !== null) throw limited;
		const installation: InstallationRecord = existing ?? {
			installationId: request.installationId,
			fingerprint: request.fingerprint,
			keys: [],
			customer: null,
			createdAt: at,
			lastActivationAt: at,
			lastContactAt: null,
		};
		// R8: activation (re)binds every license of the installation to this fingerprint.
		installation.fingerprint = request.fingerprint;
		installation.lastActivationAt = at;
		installation.lastContactAt = at;
		if (request.customer) installation.customer = request.customer;
		for (const record of accepted) {
			if (record.installationId === null) {
				await catalog.saveKey(bindKey(record, installation.installationId, at));
			}
			if (!installation.keys.includes(record.key))
				installation.keys.push(record.key);
		}
		await catalog.saveInstallation(installation);
		installationActivations.hit(installation.installationId, at);
		for (const record of accepted) keyActivations.hit(record.key, at);
		const records = await liveKeys(installation, at);
		return {
			document: document(
				installation.installationId,
				installation.fingerprint,
				records,
				at,
				answering,
			),
			refusals,
		};
	}

	async function resolve(
		keyOrLicenseId: string,
	): Promise<{target: Target; record: KeyRecord}> {
		const target = parseTarget(keyOrLicenseId);
		const record = await catalog.key(target.key);
		if (record === undefined) {
			throw new VendorError(
				404,
				'unknown-key',
				`The key ${target.key} is not in the catalog.`,
			);
		}
		if (
			target.index !== null &&
			(record.type !== 'installation' || target.index >= record.licenses.length)
		) {
			const ids = record.licenses
				.map((_, index) => licenseId(record, index))
				.join(', ');
			throw new VendorError(
				404,
				'unknown-license',
				`"${keyOrLicenseId}" is not a license of ${record.key}; its licenses are ${ids}.`,
			);
		}
		return {target, record};
	}

	async function describeRecord(record: KeyRecord): Promise<KeyDescription> {
		const installation =
			record.installationId === null
				? undefined
				: await catalog.installation(record.installationId);
		return {
			key: record.key,
			record,
			licenses: grantsOf(record),
			installation: installation ?? null,
		};
	}

	/**
	 * Applies `change` to the licenses the target names (one license, or every subscription of a
	 * key), after due renewals: the catalog is brought to `now` before an admin changes it.
	 */
	async function changeSubscriptions(
		keyOrLicenseId: string,
		action: string,
		change: (license: LicenseRecord, at: number) => LicenseRecord,
		options: {needsActivation: boolean; subscriptionsOnly: boolean},
	): Promise<KeyDescription> {
		const at = now();
		const {target, record: stored} = await resolve(keyOrLicenseId);
		const record = renewKey(stored, at);
		const indexes = record.licenses
			.map((license, index) => ({license, index}))
			.filter(({index}) => target.index === null || index === target.index);
		const name =
			target.index === null ? record.key : licenseId(record, target.index);
		const eligible = options.subscriptionsOnly
			? indexes.filter(({license}) => license.kind === 'subscription')
			: indexes;
		if (eligible.length === 0) {
			throw new VendorError(
				409,
				'not-a-subscription',
				`Cannot ${action} ${name}: it is perpetual, it has no term.`,
			);
		}
		const live = eligible.filter(({license}) => license.revokedAt === null);
		if (live.length === 0) {
			throw new VendorError(
				409,
				'revoked',
				`Cannot ${action} ${name}: it was revoked.`,
			);
		}
		if (
			options.needsActivation &&
			live.some(({license}) => license.expiresAt === null)
		) {
			throw new VendorError(
				409,
				'not-activated',
				`Cannot ${action} ${name}: it was never activated, and a term starts at the first activation. Try again once the customer has activated it.`,
			);
		}
		const chosen = new Set(live.map(({index}) => index));
		const changed: KeyRecord = {
			...record,
			licenses: record.licenses.map((license, index) =>
				chosen.has(index) ? change(license, at) : license,
			),
		};
		await catalog.saveKey(changed);
		return describeRecord(changed);
	}

	return {
		async mint(spec) {
			const valid = validate(mintBodySchema, spec);
			return exclusive(async () => {
				const specs = valid.type === 'license' ? [valid] : valid.licenses;
				let key = mintKey(valid.type, randomBytes);
				// 115 random bits make a collision unthinkable; checking costs one read.
				while ((await catalog.key(key)) !== undefined)
					key = mintKey(valid.type, randomBytes);
				const record: KeyRecord = {
					key,
					type: valid.type,
					licenses: specs.map(newLicenseRecord),
					installationId: null,
					createdAt: now(),
					boundAt: null,
				};
				await catalog.saveKey(record);
				return {key, record};
			});
		},

		activate(request) {
			return exclusive(() => activateNow(request)).catch((error: unknown) =>
				signRefusal(error, request),
			);
		},

		contact(request) {
			return exclusive(async () => {
				const at = now();
				const installation = await catalog.installation(request.installationId);
				if (installation === undefined) {
					throw new VendorError(
						404,
						'unknown-installation',
						`The installation ${request.installationId} has never been activated here. Activate a key first.`,
					);
				}
				await catalog.saveInstallation({...installation, lastContactAt: at});
				const records = await liveKeys(installation, at);
				// SPEC §4: a contact from another fingerprint gets the document still bound to the old
				// one; only Activate rebinds (R8).
				return document(
					installation.installationId,
					installation.fingerprint,
					records,
					at,
					{nonce: request.nonce},
				);
			}).catch((error: unknown) => signRefusal(error, request));
		},

		async offlineActivate(requestFileText) {
			// The request is not signed (only the response is): a request file that an editor
			// reformatted is still a good request, so plain JSON is enough here.
			let value: unknown;
			try {
				value = JSON.parse(requestFileText);
			} catch {
				throw new VendorError(
					400,
					'bad-request',
					'This is not an activation request file (it is not JSON). Upload the file that MyQ exported for manual activation.',
				);
			}
			const request = validate(activationRequestSchema, value);
			const reply = await exclusive(() =>
				activateNow(request, request.requestId),
			);
			const payload: ActivationResponsePayload = {
				type: 'myq-activation-response',
				version: 1,
				requestId: request.requestId,
				installationId: request.installationId,
				fingerprint: request.fingerprint,
				document: reply.document,
				refusals: reply.refusals,
			};
			return toSignedFileText(sign(payload, privateKey));
		},

		async extend(keyOrLicenseId, days) {
			const valid = validate(extendBodySchema, {days});
			return exclusive(() =>
				changeSubscriptions(
					keyOrLicenseId,
					'extend',
					(license) => ({
						...license,
						expiresAt: (license.expiresAt ?? 0) + valid.days * DAY,
					}),
					{needsActivation: true, subscriptionsOnly: true},
				),
			);
		},

		cancelRenewal(keyOrLicenseId) {
			return exclusive(() =>
				changeSubscriptions(
					keyOrLicenseId,
					'cancel the renewal of',
					(license) => ({...license, autoRenew: false}),
					{
						needsActivation: false,
						subscriptionsOnly: true,
					},
				),
			);
		},

		revoke(keyOrLicenseId) {
			return exclusive(() =>
				changeSubscriptions(
					keyOrLicenseId,
					'revoke',
					(license, at) => ({...license, revokedAt: at}),
					{
						needsActivation: false,
						subscriptionsOnly: false,
					},
				),
			);
		},

		async describe(keyOrLicenseId) {
			const {record} = await resolve(keyOrLicenseId);
			// Shown as of now: renewals due are applied lazily at the next contact, but the admin
			// should see them already.
			return describeRecord(renewKey(record, now()));
		},
	};
}

/** When every license of a key is revoked, the latest revocation; otherwise null. */
function allRevokedAt(licenses: LicenseRecord[]): number | null {
	let latest: number | null = null;
	for (const license of licenses) {
		if (license.revokedAt === null) return null;
		latest =
			latest === null ? license.revokedAt : Math.max(latest, license.revokedAt);
	}
	return latest;
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
