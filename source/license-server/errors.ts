import type {RefusalPayload, Signed} from '../engine/types.js';

/**
 * The vendor's typed error (Hono style: an error class that carries its context). The service
 * throws it; the HTTP app turns it into `{error: {code, message}}` with its status (SPEC §4).
 */

/** Every code the vendor API answers with, so clients and tests can match on them. */
export type VendorErrorCode =
	| 'bad-request'
	| 'body-too-large'
	| 'not-found'
	| 'unauthorized'
	| 'forbidden'
	| 'admin-disabled'
	| 'malformed-key'
	| 'unknown-key'
	| 'unknown-license'
	| 'unknown-installation'
	| 'not-a-subscription'
	| 'not-activated'
	| 'revoked'
	| 'rate-limited'
	| 'rebind-needs-proof'
	| 'installation-secret-required'
	| 'offline-request-reused'
	| 'store-unavailable'
	| 'internal';

export type VendorErrorStatus =
	| 400
	| 401
	| 403
	| 404
	| 409
	| 413
	| 429
	| 500
	| 503;

/** A refusal signed for the contact it answers (SPEC §4): what makes it a successful contact. */
export type SignedRefusal = Signed<RefusalPayload>;

export class VendorError extends Error {
	/** Set when the refusal answers a contact or an activation: the body carries it (SPEC §4). */
	signed?: SignedRefusal;

	constructor(
		readonly status: VendorErrorStatus,
		readonly code: VendorErrorCode,
		message: string,
		/** The request field at fault, for `bad-request` (dotted path, `keys.2`). */
		readonly field?: string,
	) {
		super(message);
		this.name = 'VendorError';
	}

	toBody(): {
		error: {code: VendorErrorCode; message: string; field?: string};
		signed?: SignedRefusal;
	} {
		return {
			error: {
				code: this.code,
				message: this.message,
				...(this.field === undefined ? {} : {field: this.field}),
			},
			...(this.signed === undefined ? {} : {signed: this.signed}),
		};
	}
}

/**
 * 429 `rate-limited`: too many activations in a window (see rate-limit.ts). Says when to retry,
 * in the message for people, and as `retryAt` (ISO) in the body and `Retry-After` (seconds) in
 * the headers for programs.
 */
export class RateLimitedError extends VendorError {
	constructor(
		message: string,
		/** Epoch ms from which one more activation fits in the limit. */
		readonly retryAt: number,
		/** Whole seconds from now to `retryAt`, at least 1. */
		readonly retryAfterSeconds: number,
	) {
		super(429, 'rate-limited', message);
		this.name = 'RateLimitedError';
	}

	override toBody(): {
		error: {code: VendorErrorCode; message: string; retryAt: string};
		signed?: SignedRefusal;
	} {
		return {
			error: {
				code: this.code,
				message: this.message,
				retryAt: new Date(this.retryAt).toISOString(),
			},
			...(this.signed === undefined ? {} : {signed: this.signed}),
		};
	}
}

/**
 * 503 `store-unavailable`: the database could not be read or written (unreachable, locked past
 * the busy timeout, a disk error). Never taken for missing data (issue 11): the client counts it
 * as a failed contact and tries again later. The cause is logged, never sent.
 */
export class StoreUnavailableError extends VendorError {
	constructor(cause: unknown) {
		super(
			503,
			'store-unavailable',
			'The license server cannot read its database right now; nothing was changed. Try again in a moment.',
		);
		this.name = 'StoreUnavailableError';
		this.cause = cause;
	}
}
