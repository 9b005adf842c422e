/**
 * The shapes shared by the engine, the runtime, the vendor server and the simulator.
 * Times are epoch milliseconds everywhere inside the program; ISO strings only at the edges
 * (JSON output, files a person reads).
 */

import type {HistoryEntry} from './history.js';

/**
 * One day in milliseconds (SPEC §2 day arithmetic).
 * @example
 * const expiresAt = activatedAt + 365 * DAY;
 */
export const DAY = 86_400_000;
/**
 * One hour in milliseconds.
 * @example
 * clock.advanceTo(clock.now() + 6 * HOUR);
 */
export const HOUR = 3_600_000;

/**
 * SPEC §3: an installation key (the first, carrying licenses) or a license key (added later).
 * @example
 * const kind: KeyKind = state.everActivated ? 'license' : 'installation';
 */
export type KeyKind = 'installation' | 'license';
/**
 * SPEC §2: a perpetual license, or a subscription with a term.
 * @example
 * const kind: LicenseKind = 'subscription';
 */
export type LicenseKind = 'perpetual' | 'subscription';

/**
 * SPEC §2 "License statuses".
 * @example
 * const counts = (status: LicenseStatus) => ['active', 'hardware-grace', 'offline-grace'].includes(status);
 */
export type LicenseStatus =
	| 'pending'
	| 'active'
	| 'hardware-grace'
	| 'offline-grace'
	| 'expired'
	| 'invalid';

/**
 * SPEC §2 "Operational state".
 * @example
 * const state: OperationalState = evaluate(engineState, Date.now()).state;
 */
export type OperationalState = 'unlicensed' | 'running' | 'warning' | 'stopped';

/**
 * SPEC §2 "Banners", in display order.
 * @example
 * const shown = [...ids].sort((a, b) => BANNER_ORDER.indexOf(a) - BANNER_ORDER.indexOf(b));
 */
export const BANNER_ORDER = [
	'license-problem',
	'server-stopped',
	'hardware-changed',
	'server-unreachable',
	'subscription-expiring',
	'clock-tampered',
] as const;
/**
 * A banner of SPEC §2 "Banners" (`subscription-expiring`, `server-unreachable`, ...).
 * @example
 * const id: BannerId = 'subscription-expiring';
 * console.log(bannerText(id, 'fr', 10));
 */
export type BannerId = (typeof BANNER_ORDER)[number];

/**
 * A banner shown (SPEC §2 "Banners"), with its count of days when its text has one.
 * @example
 * const banner: Banner = {id: 'subscription-expiring', days: 10};
 * console.log(bannerText(banner.id, 'en', banner.days));
 */
export type Banner = {id: BannerId; days?: number};

/**
 * The customer of R2, as stored once validated. Country is ISO 3166-1 alpha-2.
 * @example
 * const customer: Customer = {company: 'Acme', person: 'Jane Roe', address: '1 Rue X, Paris', country: 'FR', email: 'it@acme.test'};
 */
export type Customer = {
	company: string;
	person: string;
	address: string;
	country: string;
	email: string;
	phone?: string;
};

/**
 * The raw form as typed by the admin (R2): every field a string, possibly empty.
 * @example
 * const form: CustomerForm = {company: 'Acme', person: 'Jane Roe', address: '1 Rue X', country: 'FR', email: 'it@acme.test'};
 * await runtime.save(form, 'NXXXX-XXXXX-XXXXX-XXXXX-XXXXX');
 */
export type CustomerForm = {
	company?: string;
	person?: string;
	address?: string;
	country?: string;
	email?: string;
	phone?: string;
};

/**
 * One license as the license server grants it, inside a signed activation document.
 * `id` is stable: a license key's own key, or `<installation key>/<n>` for the n-th license
 * an installation key carries (n from 1, in catalog order).
 */
export type LicenseGrant = {
	id: string;
	key: string;
	keyKind: KeyKind;
	kind: LicenseKind;
	devices: number;
	activatedAt: number;
	/** Subscriptions only; null for perpetual licenses. */
	expiresAt: number | null;
	autoRenew: boolean;
	/** Set when the vendor revoked the license: it ends at once. */
	revokedAt: number | null;
};

/**
 * What the license server signs (SPEC §4): the whole installation as it stands, bound to one
 * fingerprint. Every successful contact or activation yields a fresh one.
 */
export type ActivationDocument = {
	type: 'myq-activation';
	version: 1;
	installationId: string;
	fingerprint: string;
	/** Server time when the document was made (R15: a successful contact confirms the time). */
	issuedAt: number;
	licenses: LicenseGrant[];
	/** Set when the document answers a manual activation request (R5). */
	requestId?: string;
	/**
	 * The nonce of the contact or activation it answers (R14): only an answer carrying the one
	 * just sent is fresh. Absent from answers to manual requests (their `requestId` plays that
	 * part) and from servers answering older clients.
	 */
	nonce?: string;
};

/**
 * What the license server signs a refusal with (SPEC §4): a refusal counts as a successful
 * contact only when signed for this installation, with its code, carrying the contact's nonce.
 */
export type RefusalPayload = {
	type: 'myq-refusal';
	version: 1;
	installationId: string;
	code: string;
	/** Absent when the request carried none (an older client). */
	nonce?: string;
	/** Server time (R15). */
	issuedAt: number;
};

/** A payload with its Ed25519 signature over the canonical JSON of the payload (R16). */
export type Signed<T> = {payload: T; signature: string};

/**
 * The activation document the license server signs (R16): the licenses of an installation on a
 * machine, with the signature over its payload.
 * @example
 * const document: SignedDocument | null = runtime.snapshot().state.document;
 * console.log(document?.payload.licenses);
 */
export type SignedDocument = Signed<ActivationDocument>;

/** A key typed by the admin, saved and waiting for Activate (R3). */
export type PendingKey = {
	key: string;
	kind: KeyKind;
	addedAt: number;
	/** Why the license server refused it at the last Activate, if it did. */
	refusal?: {code: string; message: string};
};

export type Device = {id: string; activatedAt: number};

export type EngineEventType =
	| 'started'
	| 'customer-saved'
	| 'key-added'
	| 'key-refused'
	| 'license-activated'
	| 'activation-failed'
	| 'activation-refused'
	| 'contact-succeeded'
	| 'contact-failed'
	| 'contact-refused'
	| 'license-changed'
	| 'license-expired'
	| 'license-revoked'
	| 'hardware-changed'
	| 'hardware-restored'
	| 'reactivated'
	| 'device-activated'
	| 'device-refused'
	| 'device-deactivated'
	| 'clock-tampered'
	| 'clock-confirmed'
	| 'document-rejected'
	| 'manual-request-exported'
	| 'manual-response-refused'
	| 'vendor-key-pinned'
	| 'state-changed';

/**
 * What a log entry says, as a code: `log.<code>` in the catalogs (source/i18n) holds its text in
 * each language. The engine builds no sentence (STYLE 11), so no screen shows English to a
 * French admin. Listed here so a test can check that both catalogs carry every one.
 */
export const LOG_CODES = [
	'started',
	'customer-saved',
	'key-added',
	'key-refused',
	'license-activated',
	'activation-refused',
	'activation-failed',
	'contact-refused',
	'contact-failed',
	'contact-restored',
	'license-replaced',
	'license-extended',
	'license-renewal-on',
	'license-renewal-off',
	'license-expired',
	'license-revoked',
	'hardware-changed',
	'hardware-restored',
	'reactivated',
	'device-activated',
	'device-refused',
	'device-deactivated',
	'clock-tampered',
	'clock-confirmed',
	'clock-still-behind',
	'document-rejected',
	'manual-request-exported',
	'manual-response-refused',
	'vendor-key-pinned',
	'state-changed',
	'state-stopped',
] as const;
export type LogCode = (typeof LOG_CODES)[number];

/**
 * The values a log entry's text is filled with. A value named after a notion (`from`, `to`,
 * `status`, `kind`, `keyKind`, `reason`, `stopReason`, `failure`, `refusal`, `source`, `unit`) is
 * an id that the formatter translates; `message` is a text from outside the engine (the license
 * server's or the transport's own words), kept for support and shown where no code says more.
 */
export type LogParams = Record<string, string | number>;

/** The engine's event log entry (shown on the Events screen, in `simulate` output). */
export type CodedLogEntry = {
	at: number;
	type: EngineEventType;
	code: LogCode;
	params: LogParams;
};

/**
 * An entry written before log entries became codes: its English text as it was. Stored states
 * keep them (history is never lost) and the formatter shows their text as is.
 */
export type LegacyLogEntry = {
	at: number;
	type: EngineEventType;
	detail: string;
};

/**
 * An entry of the engine's event log (the Events screen): a code with its values, or the
 * English text of an entry written before codes.
 * @example
 * const last: LogEntry | undefined = runtime.snapshot().state.log.at(-1);
 */
export type LogEntry = CodedLogEntry | LegacyLogEntry;

/**
 * The engine's persistent state. Plain JSON: it is what the store keeps.
 * @example
 * const {state}: {state: EngineState} = runtime.snapshot();
 * console.log(state.customer?.company);
 */
export type EngineState = {
	version: 1;
	installationId: string;
	customer: Customer | null;
	pending: PendingKey[];
	/** The last activation document that verified (R16); null before the first activation. */
	document: SignedDocument | null;
	/** True once anything was activated: distinguishes `unlicensed` from `stopped`. */
	everActivated: boolean;
	hardware: {
		/** The fingerprint the engine sees now. */
		current: string | null;
		/** First sighting of a fingerprint other than the bound one (R8); null when they match. */
		mismatchSince: number | null;
	};
	server: {
		lastSuccessAt: number | null;
		lastFailureAt: number | null;
		/** First failed contact since the last successful one (R12). */
		unreachableSince: number | null;
		lastFailure: string | null;
	};
	clock: {
		/** Highest time the engine has seen (R15). */
		highWater: number;
		/** When a rollback of more than an hour was seen; cleared by a successful contact. */
		tamperedAt: number | null;
	};
	/** Set when a stored or received document failed verification (R16). */
	integrity: Integrity | null;
	/** The manual activation request waiting for its response (R5). */
	manualRequest: ManualRequest | null;
	devices: Device[];
	/** Start of the current run: contacts happen every interval after it (R14). */
	startedAt: number;
	log: LogEntry[];
	/**
	 * What happened, as data for `export-scenario` (engine/history.ts): bounded by time, the last
	 * 400 days in full. States written before it have none (read as empty).
	 */
	history: HistoryEntry[];
};

/**
 * Why a document is not trusted (R16): `reason` in the verifier's words, `code` the kind of
 * problem, which says what the admin can do about it (absent in states written before codes).
 */
export type Integrity = {
	reason: string;
	at: number;
	code?: IntegrityCode;
};

/**
 * - `no-vendor-key`: no vendor key is configured, so nothing signed can be checked
 * - `bad-signature`: not signed by the trusted vendor key (altered, or another key)
 * - `bad-document`: signed, but not a document this program reads
 * - `unreadable-state`: the stored state itself cannot be read (a copy was kept)
 */
export type IntegrityCode =
	| 'no-vendor-key'
	| 'bad-signature'
	| 'bad-document'
	| 'unreadable-state';

export type ManualRequest = {
	requestId: string;
	createdAt: number;
	fingerprint: string;
	keys: string[];
};

/** The activation request file of R5 (decided: our format). */
export type ActivationRequest = {
	type: 'myq-activation-request';
	version: 1;
	requestId: string;
	installationId: string;
	fingerprint: string;
	keys: string[];
	customer: Customer | null;
	createdAt: number;
	/** The installation's secret (sent by versions that keep one): its proof at the portal (R8). */
	installationSecret?: string;
};

/**
 * The activation response file of R5: what the vendor portal signs for one request. The file is
 * `Signed<ActivationResponsePayload>` written as canonical JSON, so any altered byte is caught.
 */
export type ActivationResponsePayload = {
	type: 'myq-activation-response';
	version: 1;
	requestId: string;
	installationId: string;
	fingerprint: string;
	document: SignedDocument;
	refusals: KeyRefusal[];
};

export type ActivationResponse = Signed<ActivationResponsePayload>;

export type KeyRefusal = {key: string; code: string; message: string};
