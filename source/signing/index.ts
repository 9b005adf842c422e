/**
 * Ed25519 signatures over canonical JSON (R16). Used by the vendor server to sign, and by the
 * runtime to verify every document at every load. Deterministic and free of I/O.
 */
import {
	createPrivateKey,
	createPublicKey,
	sign as cryptoSign,
	verify as cryptoVerify,
	generateKeyPairSync,
	type KeyObject,
} from 'node:crypto';
import type {Signed} from '../engine/types.js';

/**
 * JSON with object keys sorted at every level and no insignificant whitespace, so that the
 * same value always yields the same bytes. `undefined` members are dropped, like JSON.stringify.
 */
export function canonicalJson(value: unknown): string {
	// A value already in canonical order (the vendor builds its payloads so; parsing keeps the
	// order) is its own JSON.stringify: checking the order costs a fraction of rebuilding it, and
	// this runs twice per contact (the vendor signs, the client verifies: issue 16).
	if (isInCanonicalOrder(value)) return JSON.stringify(value);
	return rebuiltCanonicalJson(value);
}

/**
 * Whether JSON.stringify(value) is already canonical: object keys in ascending order at every
 * level, plain data only (no toJSON, no number without a JSON form, nothing JSON drops but an
 * undefined member, which both forms drop).
 */
function isInCanonicalOrder(value: unknown): boolean {
	if (value === null) return true;
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return true;
		case 'number':
			return Number.isFinite(value);
		case 'object':
			break;
		default:
			return false;
	}
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			// A hole is no member JSON.stringify and the rebuilt form agree on.
			if (!(index in value)) return false;
			const item: unknown = value[index];
			if (item !== undefined && !isInCanonicalOrder(item)) return false;
		}
		return true;
	}
	const record = value as Record<string, unknown>;
	if (typeof record.toJSON === 'function') return false;
	let previous: string | null = null;
	for (const key in record) {
		if (!Object.hasOwn(record, key)) return false;
		if (previous !== null && !(previous < key)) return false;
		previous = key;
		const member = record[key];
		if (member !== undefined && !isInCanonicalOrder(member)) return false;
	}
	return true;
}

function rebuiltCanonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) {
			throw new TypeError(`canonicalJson: ${value} has no JSON form`);
		}
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) {
		return `[${value.map((item) => (item === undefined ? 'null' : rebuiltCanonicalJson(item))).join(',')}]`;
	}
	const entries = Object.keys(value)
		.sort()
		.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
		.map(
			(key) =>
				`${JSON.stringify(key)}:${rebuiltCanonicalJson((value as Record<string, unknown>)[key])}`,
		);
	return `{${entries.join(',')}}`;
}

export type VendorKeyPair = {privateKey: KeyObject; publicKey: KeyObject};

export function generateVendorKeyPair(): VendorKeyPair {
	return generateKeyPairSync('ed25519');
}

/** The public key as base64 of its raw 32 bytes: short enough to print and pin (`--vendor-key`). */
export function exportPublicKey(key: KeyObject): string {
	const der = key.export({type: 'spki', format: 'der'});
	return der.subarray(der.length - 32).toString('base64');
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Reads a public key printed by {@link exportPublicKey}; throws a readable error otherwise.
 * @example
 * const publicKey = importPublicKey(process.env.MYQ_VENDOR_KEY!);
 */
export function importPublicKey(text: string): KeyObject {
	const raw = Buffer.from(text.trim(), 'base64');
	if (raw.length !== 32 || raw.toString('base64') !== text.trim()) {
		throw new SigningError(
			'bad-key',
			`"${text.trim().slice(0, 60)}" is not a vendor public key (base64 of 32 bytes)`,
		);
	}
	return createPublicKey({
		key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
		format: 'der',
		type: 'spki',
	});
}

export function exportPrivateKey(key: KeyObject): string {
	return key.export({type: 'pkcs8', format: 'pem'}).toString();
}

export function importPrivateKey(pem: string): KeyObject {
	return createPrivateKey(pem);
}

export class SigningError extends Error {
	constructor(
		readonly code: 'bad-key' | 'bad-signature' | 'malformed',
		message: string,
	) {
		super(message);
		this.name = 'SigningError';
	}
}

export function sign<T>(payload: T, privateKey: KeyObject): Signed<T> {
	const text = canonicalJson(payload);
	const signature = cryptoSign(null, Buffer.from(text), privateKey).toString(
		'base64',
	);
	const signed = {payload, signature};
	signedTexts.set(signed, text);
	return signed;
}

/** The canonical text each document `sign` made was signed over (documents are never mutated). */
const signedTexts = new WeakMap<object, string>();

/**
 * The exact text `signed.payload` is signed over: its canonical JSON, kept by `sign` for the
 * documents it made (issue 16: the contact's answer sends that text as it is, once).
 */
export function signedText(signed: Signed<unknown>): string {
	return signedTexts.get(signed) ?? canonicalJson(signed.payload);
}

/**
 * A document received as the text its payload was signed over and its signature (the contact's
 * answer in a header, README "The contact on the wire"): the payload parsed from that text, and
 * when the vendor signed exactly those bytes, the document counts as verified with `publicKey`
 * (the next {@link verify} of it skips the canonical JSON and the arithmetic). Any other text or
 * signature is handed on unverified, for {@link verify} to refuse in the usual words. Undefined
 * when the text is not JSON. Sound because the vendor signs only canonical JSON: bytes it signed
 * are the canonical JSON of what they parse to.
 */
export function readSignedText(
	payloadText: string,
	signature: string,
	publicKey: KeyObject,
): Signed<unknown> | undefined {
	let payload: unknown;
	try {
		payload = JSON.parse(payloadText);
	} catch {
		return undefined;
	}
	const document = {payload, signature};
	const bytes = Buffer.from(signature, 'base64');
	if (
		bytes.length === 64 &&
		bytes.toString('base64') === signature &&
		payload !== null &&
		typeof payload === 'object' &&
		cryptoVerify(null, Buffer.from(payloadText), publicKey, bytes)
	) {
		verifiedObjects.set(document, publicKey);
		rememberVerified(signature, payloadText, publicKey);
	}
	return document;
}

export type Verification<T> =
	| {ok: true; value: Signed<T>}
	| {ok: false; reason: string; problem: VerifyProblem};

/** Why a signature was not verified, as a code (the trust checker says it in a language). */
export type VerifyProblem =
	| 'not-signed'
	| 'missing-parts'
	| 'malformed-signature'
	| 'payload-not-json'
	| 'signature-mismatch';

/**
 * Checks that `value` is `{payload, signature}` and that the signature is the vendor's over the
 * canonical payload. Never throws: whatever arrives (a stored document, a file, a reply) may be
 * anything at all.
 */
export function verify<T>(
	value: unknown,
	publicKey: KeyObject,
): Verification<T> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {ok: false, reason: 'not a signed document', problem: 'not-signed'};
	}
	// The very object verified a moment ago (documents are never mutated once received).
	const before = verifiedObjects.get(value);
	if (
		before !== undefined &&
		(before === publicKey || before.equals(publicKey))
	) {
		const known = value as Signed<T>;
		const copy = {payload: known.payload, signature: known.signature};
		verifiedObjects.set(copy, before);
		return {ok: true, value: copy};
	}
	const result = verifyNew<T>(value, publicKey);
	if (result.ok) {
		verifiedObjects.set(value, publicKey);
		// What is handed on is checked next (the client's document, then the runtime's check).
		verifiedObjects.set(result.value, publicKey);
	}
	return result;
}

const verifiedObjects = new WeakMap<object, KeyObject>();

function verifyNew<T>(value: object, publicKey: KeyObject): Verification<T> {
	const {payload, signature} = value as {
		payload?: unknown;
		signature?: unknown;
	};
	if (payload === undefined || typeof signature !== 'string') {
		return {
			ok: false,
			reason: 'not a signed document (payload or signature missing)',
			problem: 'missing-parts',
		};
	}
	const bytes = Buffer.from(signature, 'base64');
	// A base64 string that does not round-trip (stray characters, altered padding bits) is not
	// the signature that was made, even when it decodes to the same bytes.
	if (bytes.length !== 64 || bytes.toString('base64') !== signature) {
		return {
			ok: false,
			reason: 'the signature is malformed',
			problem: 'malformed-signature',
		};
	}
	let text: string;
	try {
		text = canonicalJson(payload);
	} catch {
		return {
			ok: false,
			reason: 'the payload is not JSON',
			problem: 'payload-not-json',
		};
	}
	if (!isVerifiedBefore(signature, text, publicKey)) {
		if (!cryptoVerify(null, Buffer.from(text), publicKey, bytes)) {
			return {
				ok: false,
				reason:
					'the signature does not match the vendor key (altered, or signed by another key)',
				problem: 'signature-mismatch',
			};
		}
		rememberVerified(signature, text, publicKey);
	}
	return {ok: true, value: {payload: payload as T, signature}};
}

/**
 * The same document is verified more than once (by the client as it arrives, by the runtime
 * before the engine sees it, again when the server answers with an unchanged document): the
 * bytes and the key are compared exactly, only the Ed25519 arithmetic is skipped.
 */
const VERIFIED_LIMIT = 64;
const verified = new Map<string, {text: string; key: KeyObject}>();

function isVerifiedBefore(
	signature: string,
	text: string,
	key: KeyObject,
): boolean {
	const entry = verified.get(signature);
	return (
		entry !== undefined &&
		entry.text === text &&
		(entry.key === key || entry.key.equals(key))
	);
}

function rememberVerified(signature: string, text: string, key: KeyObject) {
	if (verified.size >= VERIFIED_LIMIT) {
		verified.delete(verified.keys().next().value as string);
	}
	verified.set(signature, {text, key});
}

/** The exact text of a signed file: canonical JSON and one newline. */
export function toSignedFileText(value: unknown): string {
	return `${canonicalJson(value)}\n`;
}

/**
 * Parses a file written by {@link toSignedFileText}. Any byte that differs from the canonical
 * form (even whitespace that JSON would ignore) is refused, so that a file altered in any byte
 * is caught (R5, R16).
 */
export function parseCanonicalFile(
	text: string,
): {ok: true; value: unknown} | {ok: false; reason: string} {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {ok: false, reason: 'the file is not valid JSON'};
	}
	let canonical: string;
	try {
		canonical = toSignedFileText(value);
	} catch {
		return {ok: false, reason: 'the file is not valid JSON'};
	}
	if (canonical !== text) {
		return {
			ok: false,
			reason: 'the file was altered (it is not in the form it was written in)',
		};
	}
	return {ok: true, value};
}
