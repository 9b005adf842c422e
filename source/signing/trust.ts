/**
 * The one trust checker (R16): is this the vendor's signature, over a document of the shape the
 * engine reads? Used for every document whatever its way in: the HTTP client's replies, the
 * runtime's live replies (with its own key, which may differ from the one the client pinned),
 * every load from the store, and response files (R5). A signature proves who made a document,
 * not that it is one the engine can read, so both are checked, always together.
 *
 * Hand-written rather than with the schema library: every command loads the store and checks
 * its document, and loading that library costs scripts ~30 ms at each start (issue 6).
 */
import type {KeyObject} from 'node:crypto';
import type {
	ActivationDocument,
	ActivationResponsePayload,
	KeyRefusal,
	RefusalPayload,
	SignedDocument,
} from '../engine/types.js';
import {englishReason} from '../i18n/english-reason.js';
import type {FailureReason} from '../ports/index.js';
import {parseCanonicalFile, type VerifyProblem, verify} from './index.js';

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
		// A count of devices: a whole number, never negative (R6 adds them up).
		Number.isInteger(value.devices) &&
		(value.devices as number) >= 0 &&
		isTime(value.activatedAt) &&
		isNullableTime(value.expiresAt) &&
		(value.kind === 'perpetual' || value.expiresAt !== null) &&
		typeof value.autoRenew === 'boolean' &&
		isNullableTime(value.revokedAt)
	);
}

/** Why `payload` is not an activation document (`outcome.shape-*`), or null when it is one. */
export function documentShapeProblem(payload: unknown): FailureReason | null {
	if (
		!isObject(payload) ||
		payload.type !== 'myq-activation' ||
		payload.version !== 1
	) {
		return {code: 'shape-not-activation', params: {}};
	}
	if (
		typeof payload.installationId !== 'string' ||
		typeof payload.fingerprint !== 'string' ||
		!isTime(payload.issuedAt)
	) {
		return {code: 'shape-missing-fields', params: {}};
	}
	if (!Array.isArray(payload.licenses)) {
		return {code: 'shape-no-licenses', params: {}};
	}
	const index = payload.licenses.findIndex((grant) => !isGrant(grant));
	if (index >= 0) {
		return {code: 'shape-bad-license', params: {index: index + 1}};
	}
	if (
		payload.requestId !== undefined &&
		typeof payload.requestId !== 'string'
	) {
		return {code: 'shape-request-id', params: {}};
	}
	if (payload.nonce !== undefined && typeof payload.nonce !== 'string') {
		return {code: 'shape-nonce', params: {}};
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

/**
 * Why a document is not trusted: `bad-signature` (not the vendor's), `bad-response` (unreadable,
 * or not for this installation), `stale` (the vendor's, but not an answer to this contact: R14).
 */
export type TrustFailure = {
	kind: 'bad-signature' | 'bad-response' | 'stale';
	message: string;
	/** The same as message data, when given (ports' FailureReason). */
	reason?: FailureReason;
};

/**
 * A trust failure as message data (`reason`, said in the admin's language) and in English from
 * the same catalog entry (`message`, for logs, stored records and response-file problems).
 */
function trustFailure(
	kind: TrustFailure['kind'],
	code: FailureReason['code'],
	params: FailureReason['params'] = {},
): TrustFailure {
	const reason: FailureReason = {code, params};
	return {kind, reason, message: englishReason(reason)};
}

const VERIFY_PROBLEM = {
	'not-signed': 'trust-not-signed',
	'missing-parts': 'trust-missing-parts',
	'malformed-signature': 'trust-malformed-signature',
	'payload-not-json': 'trust-payload-not-json',
	'signature-mismatch': 'trust-signature-mismatch',
} as const satisfies Record<VerifyProblem, FailureReason['code']>;

export type TrustResult =
	| {ok: true; document: SignedDocument}
	| {ok: false; failure: TrustFailure};

/**
 * R16: `value` is a document signed with `key`, of the shape of an activation document, and
 * (when asked) for this installation, bound to this fingerprint, and answering the contact that
 * sent `nonce` (R14: anything else is a replayed or stale answer). The document returned is
 * `{payload, signature}` exactly as signed: members beside them are dropped, the payload is the
 * one received (a copy could lose members and no longer match its signature at the next load).
 */
export function checkDocument(
	value: unknown,
	key: KeyObject,
	expected: {
		installationId?: string;
		fingerprint?: string | null;
		nonce?: string;
	} = {},
): TrustResult {
	const verified = verify<ActivationDocument>(value, key);
	if (!verified.ok) {
		return {
			ok: false,
			failure: trustFailure('bad-signature', VERIFY_PROBLEM[verified.problem]),
		};
	}
	const payload = verified.value.payload;
	const problem = documentShapeProblem(payload);
	if (problem !== null) {
		return {
			ok: false,
			failure: trustFailure('bad-response', 'trust-unreadable-document', {
				problem,
			}),
		};
	}
	if (
		expected.installationId !== undefined &&
		payload.installationId !== expected.installationId
	) {
		return {
			ok: false,
			failure: trustFailure('bad-response', 'trust-other-installation', {
				found: payload.installationId,
				expected: expected.installationId,
			}),
		};
	}
	if (
		expected.fingerprint !== undefined &&
		expected.fingerprint !== null &&
		payload.fingerprint !== expected.fingerprint
	) {
		return {
			ok: false,
			failure: trustFailure('bad-response', 'trust-other-hardware'),
		};
	}
	if (expected.nonce !== undefined && payload.nonce !== expected.nonce) {
		return {ok: false, failure: staleFailure(payload.nonce)};
	}
	return {ok: true, document: verified.value as SignedDocument};
}

function staleFailure(nonce: unknown): TrustFailure {
	return trustFailure(
		'stale',
		nonce === undefined ? 'trust-no-nonce' : 'trust-other-nonce',
	);
}

/**
 * SPEC §4: a refusal with a precise code counts as a successful contact only when the vendor
 * signed it, for this installation, with the code it gives, carrying the contact's nonce. The
 * answer's `issuedAt` is the server's time (R15).
 */
export function checkRefusal(
	value: unknown,
	key: KeyObject,
	expected: {installationId: string; code: string; nonce: string},
): {ok: true; issuedAt: number} | {ok: false; failure: TrustFailure} {
	const verified = verify<RefusalPayload>(value, key);
	if (!verified.ok) {
		return {
			ok: false,
			failure: trustFailure('bad-signature', VERIFY_PROBLEM[verified.problem]),
		};
	}
	const payload = verified.value.payload as unknown;
	if (
		!isObject(payload) ||
		payload.type !== 'myq-refusal' ||
		payload.version !== 1 ||
		typeof payload.installationId !== 'string' ||
		typeof payload.code !== 'string' ||
		!isTime(payload.issuedAt)
	) {
		return {
			ok: false,
			failure: trustFailure('bad-response', 'trust-refusal-unreadable'),
		};
	}
	if (
		payload.installationId !== expected.installationId ||
		payload.code !== expected.code
	) {
		return {
			ok: false,
			failure: trustFailure('bad-response', 'trust-refusal-mismatch', {
				code: payload.code,
			}),
		};
	}
	if (payload.nonce !== expected.nonce) {
		return {ok: false, failure: staleFailure(payload.nonce)};
	}
	return {ok: true, issuedAt: payload.issuedAt as number};
}

/** Why a response file (R5) is not trusted; each says what to do next in its own message. */
export type ResponseFileProblem =
	/** Not the bytes the portal wrote (not JSON, or not in canonical form). */
	| {code: 'unreadable'; reason: string}
	/** Not signed with the vendor key. */
	| {code: 'unsigned'; reason: string}
	/** Signed, but not an activation response. */
	| {code: 'not-a-response'; reason: string}
	/** The document inside is not the vendor's, or cannot be read. */
	| {code: 'bad-document'; reason: string};

/**
 * R5, R16: the text of a response file, checked byte for byte, signature and shape, and the
 * document inside it as any other document. Whether it fits this installation now is the
 * engine's rule (engine/manual-response.ts).
 */
export function checkResponseFile(
	text: string,
	key: KeyObject,
):
	| {ok: true; response: ActivationResponsePayload}
	| {ok: false; problem: ResponseFileProblem} {
	const parsed = parseCanonicalFile(text);
	if (!parsed.ok) {
		return {ok: false, problem: {code: 'unreadable', reason: parsed.reason}};
	}
	return checkResponse(parsed.value, key);
}

/** {@link checkResponseFile} for a file already read byte for byte (`parseCanonicalFile`). */
export function checkResponse(
	value: unknown,
	key: KeyObject,
):
	| {ok: true; response: ActivationResponsePayload}
	| {ok: false; problem: ResponseFileProblem} {
	const signed = verify<ActivationResponsePayload>(value, key);
	if (!signed.ok) {
		return {ok: false, problem: {code: 'unsigned', reason: signed.reason}};
	}
	const response = signed.value.payload as unknown;
	if (
		!isObject(response) ||
		response.type !== 'myq-activation-response' ||
		typeof response.requestId !== 'string' ||
		typeof response.installationId !== 'string' ||
		typeof response.fingerprint !== 'string' ||
		!isRefusalList(response.refusals) ||
		!isObject(response.document)
	) {
		return {
			ok: false,
			problem: {
				code: 'not-a-response',
				reason: 'it is not an activation response',
			},
		};
	}
	const inner = checkDocument(response.document, key);
	if (!inner.ok) {
		return {
			ok: false,
			problem: {code: 'bad-document', reason: inner.failure.message},
		};
	}
	return {ok: true, response: response as ActivationResponsePayload};
}
