/**
 * The ports the runtime works through. Adapters (source/adapters/) implement them for real;
 * the simulator and tests implement them with a fake clock, MSW and named fingerprints.
 */
import type {
	ActivationDocument,
	Customer,
	KeyRefusal,
	SignedDocument,
} from '../engine/types.js';

/**
 * Time as a port (xstate's Clock): the simulated one only moves forward.
 * @example
 * const clock: Clock = createManualClock(Date.parse('2027-01-04T09:00:00Z'));
 */
export type Clock = {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
};

/**
 * Why a request to the license server did not give a usable answer (SPEC §4), as a value:
 * network, timeout, HTTP status, a signed refusal, a bad signature or answer, a stale answer, or
 * an address that is not a license server.
 * @example
 * const failure: Failure = {kind: 'network', message: 'ECONNREFUSED'};
 *
 * `message` is the failure in English, for logs and stored records; `reason`, when the source
 * gives one, is the same as message data (STYLE 11) that the i18n formatter says in the admin's
 * language (`outcome.<code>` in both catalogs), so no English sentence reaches a French screen.
 */
export type Failure =
	| {kind: 'network'; message: string; reason?: FailureReason}
	| {kind: 'timeout'; message: string; reason?: FailureReason}
	| {kind: 'http'; status: number; message: string; reason?: FailureReason}
	/**
	 * The server answered with a precise refusal it signed with the contact's nonce: a
	 * successful contact (SPEC §4), made at the server's `issuedAt` (R15).
	 */
	| {
			kind: 'rejected';
			code: string;
			message: string;
			issuedAt: number;
			reason?: FailureReason;
	  }
	| {kind: 'bad-signature'; message: string; reason?: FailureReason}
	| {kind: 'bad-response'; message: string; reason?: FailureReason}
	/** Signed by the vendor, but not carrying this contact's nonce: replayed or stale (R14). */
	| {kind: 'stale'; message: string; reason?: FailureReason}
	/**
	 * What answered is not a license server: a 404 everywhere, a web page, a redirect (SPEC §4).
	 * `url` is the address asked, `answer` what came back (`404`, `html`, `redirect`).
	 */
	| {
			kind: 'wrong-url';
			url: string;
			answer: 'not-found' | 'web-page' | 'redirect';
			status: number;
			message: string;
			reason?: FailureReason;
	  };

/**
 * Why a license-server call failed, as message data: `outcome.<code>` in both catalogs, filled
 * with `params`. Only what cannot be translated is a raw value: a URL, a path, a status, the
 * system's own error text (`fetch failed (ECONNREFUSED)`), the server's own words.
 * @example
 * const reason: FailureReason = {code: 'client-unreachable', params: {url, cause: 'fetch failed'}};
 */
export type FailureReason = {
	code: FailureReasonCode;
	params: Record<string, string | number | FailureReason>;
};

/** The codes of FailureReason; each is an OutcomeCode (runtime/outcome.ts checks it). */
export type FailureReasonCode =
	| 'client-unreachable'
	| 'client-timeout'
	| 'client-too-large'
	| 'client-too-large-announced'
	| 'client-header-too-large'
	| 'client-header-unsigned'
	| 'client-not-json'
	| 'client-unexpected-shape'
	| 'client-http'
	| 'client-refusal-untrusted'
	| 'client-no-key'
	| 'client-document-refused'
	| 'client-bad-public-key'
	| 'client-empty-body'
	| 'client-quoted'
	| 'client-size-bytes'
	| 'client-size-kib'
	| 'client-size-mib'
	| 'trust-not-signed'
	| 'trust-missing-parts'
	| 'trust-malformed-signature'
	| 'trust-payload-not-json'
	| 'trust-signature-mismatch'
	| 'trust-unreadable-document'
	| 'trust-other-installation'
	| 'trust-other-hardware'
	| 'trust-no-nonce'
	| 'trust-other-nonce'
	| 'trust-refusal-unreadable'
	| 'trust-refusal-mismatch'
	| 'shape-not-activation'
	| 'shape-missing-fields'
	| 'shape-no-licenses'
	| 'shape-bad-license'
	| 'shape-request-id'
	| 'shape-nonce';

/**
 * What a license-server call gives: its value, or a Failure (never a throw).
 * @example
 * const result: ServerResult<ActivationReply> = await server.contact({installationId, fingerprint, nonce});
 * if (!result.ok) console.error(result.failure.kind);
 */
export type ServerResult<T> =
	| {ok: true; value: T}
	| {ok: false; failure: Failure};

/**
 * The license server's answer to an activation or contact: the signed document, and the keys it
 * refused with why.
 * @example
 * const result = await server.activate({installationId, fingerprint, keys: [key], customer, nonce});
 * if (result.ok) {
 *   const {document, refusals}: ActivationReply = result.value;
 * }
 */
export type ActivationReply = {
	document: SignedDocument;
	refusals: KeyRefusal[];
};

/**
 * The license-server client. Never throws for transport errors: failures are values. Every
 * answer it returns is signed with the vendor key it was given and carries the request's
 * `nonce` (R14, R16): a fresh random value, 16 bytes in base64url.
 * @example
 * const server: LicenseServer = createHttpLicenseServer({baseUrl, clock, publicKey});
 * const answer = await server.contact({installationId, fingerprint, nonce});
 */
export type LicenseServer = {
	activate(request: {
		installationId: string;
		fingerprint: string;
		keys: string[];
		customer: Customer | null;
		/**
		 * The installation's secret (Shell.installationSecret): the license server adopts the
		 * first one an installation presents, then asks for it at every activation.
		 */
		installationSecret?: string;
		nonce: string;
	}): Promise<ServerResult<ActivationReply>>;
	contact(request: {
		installationId: string;
		fingerprint: string;
		nonce: string;
	}): Promise<ServerResult<SignedDocument>>;
	/**
	 * The public key the server presents (`GET /v1/public-key`), as printed by `vendor serve`.
	 * Only asked when the admin chooses to trust it (R16): never before a contact.
	 */
	fetchPublicKey?(): Promise<ServerResult<string>>;
};

/**
 * The port that fingerprints the machine the MyQ server runs on (R8).
 * @example
 * const hardware: HardwareProbe = {fingerprint: async () => 'fp1:my-test-machine'};
 */
export type HardwareProbe = {
	/** A stable fingerprint of the machine the server runs on (R8). */
	fingerprint(): Promise<string>;
};

/**
 * What the store keeps: the engine state as JSON, plus what could not be trusted (R16 keeps
 * it rather than deleting it).
 * @example
 * const store: Store = await openStore('sqlite://./myq.sqlite');
 */
export type Store = {
	load(): Promise<StoreLoad>;
	save(value: unknown): Promise<void>;
	/**
	 * Saves `value` only if the stored state's revision is still `expected` (see
	 * {@link storedRevision}): another process (the CLI beside the dashboard) may have written
	 * since. False when it had; nothing is written then.
	 */
	saveIfRevision(value: unknown, expected: number): Promise<boolean>;
	/** Keeps a copy of data that failed to load or verify, under a name with its time. */
	quarantine(label: string, value: unknown): Promise<void>;
	close(): Promise<void>;
};

/**
 * The revision of a stored state as the store compares it: its `revision` field when that is a
 * whole number from 0 to 2^53 - 1 (the revisions a runtime writes), 0 for a JSON value without
 * one (or with any other value there), -1 for a row that is not JSON, and -2 when there is no
 * row. A store that compares in its own language (SQLite's json_extract) says which revision it
 * reads (`load.revision`), and that one is the revision: issue 10 point 4, where JavaScript read
 * `1.0` as 1 and SQLite as not an integer, and every save spun forever.
 */
export function storedRevision(load: StoreLoad): number {
	if (load.revision !== undefined) {
		return load.revision;
	}
	if (load.kind === 'empty') {
		return -2;
	}
	if (load.kind === 'corrupt') {
		return -1;
	}
	return revisionOf(load.value);
}

/** The `revision` of a parsed state as storedRevision reads it (see there). */
export function revisionOf(value: unknown): number {
	const revision = (value as {revision?: unknown} | null)?.revision;
	return isRevision(revision) ? revision : 0;
}

/** A revision a runtime writes: a whole number from 0 to 2^53 - 1, exact in JSON and in SQL. */
export function isRevision(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * What `Store.load` found: nothing yet, a stored state, or content it could not read (kept raw).
 * @example
 * const loaded: StoreLoad = await store.load();
 * if (loaded.kind === 'corrupt') console.error(loaded.reason);
 */
export type StoreLoad = (
	| {kind: 'empty'}
	| {kind: 'loaded'; value: unknown}
	/** The store opened but its content is unreadable: the raw text is kept for the record. */
	| {kind: 'corrupt'; reason: string; raw: string}
) & {
	/** The revision as the store's compare-and-set reads it, when it reads it itself. */
	revision?: number;
};

export type {ActivationDocument};
