/**
 * The contact's answer in a header (README "The contact on the wire", issue 16): a client that
 * sends `Prefer: document-in-header` (RFC 7240) may get the signed document in the `MyQ-Document`
 * header of a `200` without a body, since a body costs a stream on both sides at every daily
 * contact. The server uses it only when asked and when the document is short enough for any
 * proxy; otherwise, and for every earlier client, the answer is `200 {document}` as before. The
 * document is the same either way: it is checked as the vendor's, with its nonce, all the same.
 *
 * Shared by the client (adapters/http-license-server.ts) and the server (license-server/app.ts).
 */
import type {SignedDocument} from '../engine/types.js';
import {signedText} from '../signing/index.js';

/** The preference a client sends (`Prefer: document-in-header`) and the server applies. */
export const DOCUMENT_PREFERENCE = 'document-in-header';

/**
 * The answer's header that carries the signed document: `<payload>.<signature>`, each base64url
 * (RFC 4648 §5, no padding): the payload as the exact UTF-8 text the vendor signed (its canonical
 * JSON), the signature's 64 bytes. The client checks the signature over those bytes as they
 * came, and parses them once.
 */
export const DOCUMENT_HEADER = 'MyQ-Document';

/**
 * The longest header value the server sends: a longer document (an installation with many
 * licenses) goes in the body. Proxies keep a response's headers in a buffer of 4 or 8 KiB.
 */
export const MAX_DOCUMENT_HEADER = 2048;

/** Whether a `Prefer` header (RFC 7240: preferences separated by commas) asks for the header. */
export function prefersDocumentHeader(prefer: string | null | undefined) {
	if (prefer === undefined || prefer === null) return false;
	for (const preference of prefer.split(',')) {
		const name = preference.split(/[;=]/, 1)[0]?.trim().toLowerCase();
		if (name === DOCUMENT_PREFERENCE) return true;
	}
	return false;
}

/** The header value for `document`, or null when it is longer than {@link MAX_DOCUMENT_HEADER}. */
export function encodeDocumentHeader(document: SignedDocument): string | null {
	const payload = Buffer.from(signedText(document)).toString('base64url');
	const signature = Buffer.from(document.signature, 'base64').toString(
		'base64url',
	);
	const value = `${payload}.${signature}`;
	return value.length > MAX_DOCUMENT_HEADER ? null : value;
}

const DOCUMENT_VALUE = /^([\w-]+)\.([\w-]+)$/;

/**
 * The signed text and the signature (as base64, the document's form) a header value carries, or
 * null when it is not `<base64url>.<base64url>`.
 */
export function decodeDocumentHeader(
	value: string,
): {payloadText: string; signature: string} | null {
	const parts = DOCUMENT_VALUE.exec(value.trim());
	if (parts === null) return null;
	return {
		payloadText: Buffer.from(parts[1] as string, 'base64url').toString('utf8'),
		signature: Buffer.from(parts[2] as string, 'base64url').toString('base64'),
	};
}
