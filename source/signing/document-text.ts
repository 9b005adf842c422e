/**
 * R5 over SSH (issue 12, point 9): an activation request or response as a block of text to copy
 * from a terminal and paste into another, when files cannot be moved. The block carries the very
 * file (the same signed document, byte for byte), gzip-compressed so it takes fewer rows, in
 * base64 lines between BEGIN and END lines, as PEM does: line breaks, indentation and the spaces
 * a terminal adds when copying are ignored, so a wrapped copy still reads back whole.
 *
 *   -----BEGIN MYQ ACTIVATION RESPONSE-----
 *   H4sIAAAAAAAAA6tWSkksSVSyUlAqzs9NVUjOzytJzSvRy87MS1e...
 *   -----END MYQ ACTIVATION RESPONSE-----
 *
 * Decoding takes the block, or the document's JSON pasted as it is (a vendor portal's page).
 * `base64 -d | gunzip` reads a block without us.
 */
import {gunzipSync, gzipSync} from 'node:zlib';

export type DocumentTextKind = 'ACTIVATION REQUEST' | 'ACTIVATION RESPONSE';

/** Base64 symbols a line. @default 76 (as MIME) */
const LINE = 76;

/** A document read back is never larger than this, however it was compressed (no zip bomb). */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

const BEGIN = /-----BEGIN MYQ ([A-Z ]+)-----/;
const END = /-----END MYQ ([A-Z ]+)-----/;

/** The document's file text as a block of lines, at most `width` columns each. */
export function documentBlock(
	kind: DocumentTextKind,
	fileText: string,
	width = LINE,
): string[] {
	const base64 = gzipSync(Buffer.from(fileText, 'utf8'), {level: 9}).toString(
		'base64',
	);
	const size = Math.max(16, Math.min(LINE, width));
	const lines: string[] = [];
	for (let at = 0; at < base64.length; at += size) {
		lines.push(base64.slice(at, at + size));
	}
	return [`-----BEGIN MYQ ${kind}-----`, ...lines, `-----END MYQ ${kind}-----`];
}

export type ReadDocumentText =
	| {ok: true; text: string; kind: DocumentTextKind | null}
	| {ok: false; code: 'empty' | 'incomplete' | 'unreadable'};

/**
 * The document's file text from a pasted block, or from its JSON pasted as is. `incomplete`: a
 * block without its END line yet, or JSON cut short (the paste is still coming).
 */
export function readDocumentText(pasted: string): ReadDocumentText {
	const text = pasted.trim();
	if (text === '') return {ok: false, code: 'empty'};
	const begin = BEGIN.exec(text);
	if (begin) {
		const rest = text.slice(begin.index + begin[0].length);
		const end = END.exec(rest);
		if (!end) return {ok: false, code: 'incomplete'};
		const base64 = rest.slice(0, end.index).replace(/\s+/g, '');
		if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
			return {ok: false, code: 'unreadable'};
		try {
			const bytes = gunzipSync(Buffer.from(base64, 'base64'), {
				maxOutputLength: MAX_DOCUMENT_BYTES,
			});
			const kind = begin[1] as DocumentTextKind;
			return {ok: true, text: bytes.toString('utf8'), kind};
		} catch {
			return {ok: false, code: 'unreadable'};
		}
	}
	if (!text.startsWith('{')) return {ok: false, code: 'unreadable'};
	try {
		JSON.parse(text);
		// A file ends with its line break (signing/index.ts); a paste of it seldom does.
		return {ok: true, text: `${text}\n`, kind: null};
	} catch {
		return {ok: false, code: 'incomplete'};
	}
}
