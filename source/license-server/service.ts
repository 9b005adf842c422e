/**
 * The vendor's logic (SPEC §4), as a library: the HTTP routes, the CLI (`vendor mint`,
 * `vendor offline-activate`) and tests all call this. Time comes only from `now()`; every
 * change is one transaction on the store (issue 11), activation in activation.ts.
 */
import type {KeyObject} from 'node:crypto';
import {mintKey} from '../engine/keys.js';
import {
	type ActivationDocument,
	type ActivationResponsePayload,
	DAY,
	HOUR,
	type KeyRefusal,
	type LicenseGrant,
	type RefusalPayload,
	type SignedDocument,
} from '../engine/types.js';
import {sign, toSignedFileText} from '../signing/index.js';
import {
	type Activated,
	type ActivateInput,
	activate,
	renewAll,
} from './activation.js';
import {
	grantsOf,
	type InstallationRecord,
	type KeyRecord,
	type LicenseRecord,
	licenseId,
	type MintSpec,
	newLicenseRecord,
	parseTarget,
	renewKey,
} from './catalog.js';
import {StoreUnavailableError, VendorError} from './errors.js';
import {type ActivationLimits, createActivationLimiter} from './rate-limit.js';
import {
	activationRequestSchema,
	extendBodySchema,
	mintBodySchema,
	validate,
} from './schemas.js';
import type {VendorReads, VendorStore} from './store.js';

export type {ActivateInput} from './activation.js';
export type {ActivationLimits} from './rate-limit.js';
export {DEFAULT_ACTIVATION_LIMITS} from './rate-limit.js';

export type ContactInput = {
	installationId: string;
	fingerprint: string;
	/** R14: signed back in the answer, so the client knows it is fresh. */
	nonce?: string | undefined;
};

/** What an activation answers: the signed document and the refusals of keys. */
export type ActivationAnswer = {
	document: SignedDocument;
	refusals: KeyRefusal[];
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
	activate(request: ActivateInput): Promise<ActivationAnswer>;
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
 * How stale `lastContactAt` may get before a contact writes it: a contact that changes nothing
 * else writes nothing more often than this (issue 11: no write per contact).
 */
export const CONTACT_TIME_RESOLUTION_MS = HOUR;

export type ServiceOptions = {
	store: VendorStore;
	now: () => number;
	privateKey: KeyObject;
	randomBytes: (size: number) => Uint8Array;
	/**
	 * Limits on activations (issue 6), against activate/deactivate churn: each activation rebinds
	 * an installation's licenses to the fingerprint it sends (R8). Going over answers 429
	 * `rate-limited` with the time to retry, and changes nothing. Contacts are not limited: they
	 * bind nothing, and the client spaces them itself (R14).
	 * @default DEFAULT_ACTIVATION_LIMITS
	 */
	limits?: Partial<ActivationLimits>;
};

export function createVendorService({
	store,
	now,
	privateKey,
	randomBytes,
	limits,
}: ServiceOptions): VendorService {
	const context = {store, limiter: createActivationLimiter(limits)};

	/**
	 * The installation's document, signed for the one request it answers: with its nonce (R14)
	 * or its manual request id (R5). Every answer is signed anew (no document is handed out
	 * twice), so a replayed answer is never a fresh one.
	 */
	function document(
		activated: Pick<Activated, 'installationId' | 'fingerprint' | 'records'>,
		at: number,
		answering: {requestId?: string; nonce?: string | undefined},
	): SignedDocument {
		const payload: ActivationDocument = {
			type: 'myq-activation',
			version: 1,
			installationId: activated.installationId,
			fingerprint: activated.fingerprint,
			issuedAt: at,
			licenses: activated.records.flatMap(grantsOf),
			...(answering.requestId === undefined
				? {}
				: {requestId: answering.requestId}),
			...(answering.nonce === undefined ? {} : {nonce: answering.nonce}),
		};
		return sign(payload, privateKey);
	}

	/**
	 * SPEC §4: a refusal of a contact or an activation is signed for the request it answers, so
	 * the client can tell it from any 4xx on the way (a wrong URL, a proxy). A failure of the
	 * server itself (5xx: its database cannot be read) is never signed: it is a failed contact
	 * (issue 11, point 4), never taken for an answer.
	 */
	function signRefusal(
		error: unknown,
		request: {installationId: string; nonce?: string | undefined},
	): never {
		if (error instanceof VendorError && error.status < 500) {
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

	function answer(
		activated: Activated,
		at: number,
		nonce: string | undefined,
	): ActivationAnswer {
		return {
			document: document(activated, at, {nonce}),
			refusals: activated.refusals,
		};
	}

	/**
	 * Applies `change` to the licenses the target names (one license, or every subscription of a
	 * key), after due renewals, in one transaction holding the key's row.
	 */
	function changeSubscriptions(
		keyOrLicenseId: string,
		action: string,
		change: (license: LicenseRecord, at: number) => LicenseRecord,
		options: {needsActivation: boolean; subscriptionsOnly: boolean},
	): Promise<KeyDescription> {
		const at = now();
		const target = parseTarget(keyOrLicenseId);
		return store.transaction(async (tx) => {
			const stored = (await tx.lockKeys([target.key])).get(target.key);
			const record = renewKey(checkTarget(keyOrLicenseId, stored), at);
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
			await tx.saveLicenses(changed.key, changed.licenses);
			return describeRecord(tx, changed);
		});
	}

	/** R14: the installation's document as it stands now (see contact below). */
	async function contactNow(request: ContactInput): Promise<SignedDocument> {
		const at = now();
		// One statement: the installation and the keys bound to it (a key bound elsewhere is not
		// among them, whatever happened before).
		const view = await store.view(request.installationId);
		if (view === undefined) {
			throw new VendorError(
				404,
				'unknown-installation',
				`The installation ${request.installationId} has never been activated here. Activate a key first.`,
			);
		}
		let records = view.keys;
		if (records.some((record) => renewKey(record, at) !== record)) {
			records = await store.transaction(async (tx) => {
				const locked = await tx.lockKeys(records.map((record) => record.key));
				const still = records.flatMap((record) => {
					const current = locked.get(record.key);
					return current?.installationId === request.installationId
						? [current]
						: [];
				});
				return renewAll(tx, still, at);
			});
		}
		const lastContactAt = view.installation.lastContactAt;
		if (
			lastContactAt === null ||
			lastContactAt < at - CONTACT_TIME_RESOLUTION_MS
		) {
			// Bookkeeping: a database too busy to write it now (another process holds the write
			// lock) does not fail a contact it could read; the next contact writes it.
			await store
				.touchContact(
					request.installationId,
					at,
					at - CONTACT_TIME_RESOLUTION_MS,
				)
				.catch((error: unknown) => {
					if (!(error instanceof StoreUnavailableError)) throw error;
				});
		}
		// SPEC §4: a contact from another fingerprint gets the document still bound to the old
		// one; only Activate rebinds (R8).
		return document(
			{
				installationId: view.installation.installationId,
				fingerprint: view.installation.fingerprint,
				records,
			},
			at,
			{nonce: request.nonce},
		);
	}

	return {
		async mint(spec) {
			const valid = validate(mintBodySchema, spec);
			const specs = valid.type === 'license' ? [valid] : valid.licenses;
			return store.transaction(async (tx) => {
				for (;;) {
					const record: KeyRecord = {
						key: mintKey(valid.type, randomBytes),
						type: valid.type,
						licenses: specs.map(newLicenseRecord),
						installationId: null,
						createdAt: now(),
						boundAt: null,
					};
					// 115 random bits make a collision unthinkable; the key's primary key settles it.
					if (await tx.insertKey(record)) return {key: record.key, record};
				}
			});
		},

		async activate(request) {
			const at = now();
			try {
				return answer(await activate(context, request, at), at, request.nonce);
			} catch (error) {
				return signRefusal(error, request);
			}
		},

		async contact(request) {
			try {
				return await contactNow(request);
			} catch (error) {
				return signRefusal(error, request);
			}
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
			// R5: a request answered before gets the same response, byte for byte, and counts once.
			const answered = await store.offlineAnswer(request.requestId);
			if (answered !== undefined) {
				if (answered.installationId !== request.installationId) {
					throw new VendorError(
						409,
						'offline-request-reused',
						`The request ${request.requestId} was already answered for another installation. Export a new request file from MyQ.`,
					);
				}
				return answered.responseText;
			}
			const at = now();
			const respond = (activated: Activated) => {
				const payload: ActivationResponsePayload = {
					type: 'myq-activation-response',
					version: 1,
					requestId: request.requestId,
					installationId: request.installationId,
					fingerprint: request.fingerprint,
					document: document(activated, at, {requestId: request.requestId}),
					refusals: activated.refusals,
				};
				return toSignedFileText(sign(payload, privateKey));
			};
			let responseText: string | undefined;
			const activated = await activate(
				context,
				request,
				at,
				async (tx, done) => {
					responseText = respond(done);
					await tx.saveOfflineAnswer({
						requestId: request.requestId,
						installationId: request.installationId,
						responseText,
						answeredAt: at,
					});
				},
			);
			return responseText ?? respond(activated);
		},

		async extend(keyOrLicenseId, days) {
			const valid = validate(extendBodySchema, {days});
			return changeSubscriptions(
				keyOrLicenseId,
				'extend',
				(license) => ({
					...license,
					expiresAt: (license.expiresAt ?? 0) + valid.days * DAY,
				}),
				{needsActivation: true, subscriptionsOnly: true},
			);
		},

		cancelRenewal(keyOrLicenseId) {
			return changeSubscriptions(
				keyOrLicenseId,
				'cancel the renewal of',
				(license) => ({...license, autoRenew: false}),
				{needsActivation: false, subscriptionsOnly: true},
			);
		},

		revoke(keyOrLicenseId) {
			return changeSubscriptions(
				keyOrLicenseId,
				'revoke',
				(license, at) => ({...license, revokedAt: at}),
				{needsActivation: false, subscriptionsOnly: false},
			);
		},

		async describe(keyOrLicenseId) {
			const target = parseTarget(keyOrLicenseId);
			const record = checkTarget(keyOrLicenseId, await store.key(target.key));
			// Shown as of now: renewals due are applied at the next contact, but the admin should
			// see them already.
			return describeRecord(store, renewKey(record, now()));
		},
	};
}

/** The key the admin named, or the 404 that says what exists. */
function checkTarget(
	keyOrLicenseId: string,
	record: KeyRecord | undefined,
): KeyRecord {
	const target = parseTarget(keyOrLicenseId);
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
	return record;
}

async function describeRecord(
	reads: VendorReads,
	record: KeyRecord,
): Promise<KeyDescription> {
	const installation =
		record.installationId === null
			? undefined
			: await reads.installation(record.installationId);
	return {
		key: record.key,
		record,
		licenses: grantsOf(record),
		installation: installation ?? null,
	};
}
