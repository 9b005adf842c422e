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
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) {
			throw new TypeError(`canonicalJson: ${value} has no JSON form`);
		}
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) {
		return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
	}
	const entries = Object.keys(value)
		.sort()
		.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
		.map(
			(key) =>
				`${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
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
	const signature = cryptoSign(
		null,
		Buffer.from(canonicalJson(payload)),
		privateKey,
	).toString('base64');
	return {payload, signature};
}

export type Verification<T> =
	| {ok: true; value: Signed<T>}
	| {ok: false; reason: string};

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
		return {ok: false, reason: 'not a signed document'};
	}
	// The very object verified a moment ago (documents are never mutated once received).
	const before = verifiedObjects.get(value);
	if (
		before !== undefined &&
		(before === publicKey || before.equals(publicKey))
	) {
		const known = value as Signed<T>;
		return {
			ok: true,
			value: {payload: known.payload, signature: known.signature},
		};
	}
	const result = verifyNew<T>(value, publicKey);
	if (result.ok) {
		verifiedObjects.set(value, publicKey);
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
		};
	}
	const bytes = Buffer.from(signature, 'base64');
	// A base64 string that does not round-trip (stray characters, altered padding bits) is not
	// the signature that was made, even when it decodes to the same bytes.
	if (bytes.length !== 64 || bytes.toString('base64') !== signature) {
		return {ok: false, reason: 'the signature is malformed'};
	}
	let text: string;
	try {
		text = canonicalJson(payload);
	} catch {
		return {ok: false, reason: 'the payload is not JSON'};
	}
	if (!isVerifiedBefore(signature, text, publicKey)) {
		if (!cryptoVerify(null, Buffer.from(text), publicKey, bytes)) {
			return {
				ok: false,
				reason:
					'the signature does not match the vendor key (altered, or signed by another key)',
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
