/**
 * The license-server client over fetch (SPEC §4, R14, R16). Every failure comes back as a value:
 * what the engine needs is whether the contact was successful (a signed document carrying the
 * contact's nonce, or a refusal signed with it) or failed (no answer, timeout, 5xx, an unsigned
 * error, something that is not a license server, an unreadable, stale or badly signed answer).
 *
 * It does transport and JSON; whether a document or refusal is the vendor's is the one trust
 * checker's answer (signing/trust.ts), the same the runtime asks at every load and file import.
 * The vendor key is given (R16: it comes from the installation's configuration); the client
 * never fetches one to trust, and asks `/v1/public-key` only when told to (`fetchPublicKey`).
 */
import type {KeyObject} from 'node:crypto';
import * as z from 'zod';
import {safeText, shownUrl} from '../engine/safe-text.js';
import type {KeyRefusal, SignedDocument} from '../engine/types.js';
import {englishReason} from '../i18n/english-reason.js';
import type {
	ActivationReply,
	Clock,
	Failure,
	FailureReason,
	LicenseServer,
	ServerResult,
} from '../ports/index.js';
import {
	exportPublicKey,
	importPublicKey,
	readSignedText,
} from '../signing/index.js';
import {checkRefusal, checkDocument as checkTrust} from '../signing/trust.js';
import {INPUT_LIMITS, readResponseUpTo} from './bounded-read.js';
import {
	DOCUMENT_HEADER,
	DOCUMENT_PREFERENCE,
	decodeDocumentHeader,
} from './contact-wire.js';

/**
 * Where the license server is, the vendor key its answers must be signed with (R16), the clock
 * its timeouts run on and, for tests, the fetch it uses.
 * @example
 * const options: HttpLicenseServerOptions = {baseUrl: 'http://license.test', clock, publicKey, fetch: network.fetch};
 * const server = createHttpLicenseServer(options);
 */
export type HttpLicenseServerOptions = {
	/** The license server, like `https://licensing.example.com` (no trailing `/v1`). */
	baseUrl: string;
	/** Timeouts run on this clock, so fake clocks control them (never AbortSignal.timeout). */
	clock: Clock;
	/** @default globalThis.fetch */
	fetch?: typeof fetch;
	/** @default 10_000 */
	timeoutMs?: number;
	/**
	 * The most of an answer the client reads (issue 10 point 5: a 400 MB answer took the CLI to
	 * 2.7 GB). @default INPUT_LIMITS.serverReply
	 */
	maxReplyBytes?: number;
	/**
	 * The vendor key answers must be signed with (R16). Null: no answer can be trusted, so
	 * activate and contact fail at once without asking anything. @default null
	 */
	publicKey?: KeyObject | null;
};

export type HttpLicenseServer = LicenseServer & {
	/** The vendor key answers are checked with, as given. */
	publicKey(): KeyObject | null;
	fetchPublicKey(): Promise<ServerResult<string>>;
};

export const DEFAULT_TIMEOUT_MS = 10_000;

const refusalSchema = z.object({
	key: z.string(),
	code: z.string(),
	message: z.string(),
});
const errorBodySchema = z.object({
	error: z.object({code: z.string(), message: z.string()}),
	/** SPEC §4: the refusal signed with the contact's nonce (checked by signing/trust.ts). */
	signed: z.unknown().optional(),
});
const activateReplySchema = z.object({
	document: z.unknown(),
	refusals: z.array(refusalSchema),
});
const contactReplySchema = z.object({document: z.unknown()});
const publicKeyReplySchema = z.object({publicKey: z.string()});

type Answer = {
	status: number;
	text: string;
	contentType: string;
	/** Where a redirect points, when it says. */
	location: string | null;
	/** The answer already read as JSON (a document from its header), instead of `text`. */
	json?: unknown;
};

/** What a request carries that its answer must match (SPEC §4, R14). */
type Expected = {installationId: string; nonce: string};

function fail<T>(failure: Failure): ServerResult<T> {
	return {ok: false, failure};
}

type ReasonedKind =
	| 'network'
	| 'timeout'
	| 'bad-response'
	| 'bad-signature'
	| 'stale';

/**
 * A failure said as message data (`reason`, in the admin's language where it is shown) and, for
 * logs and stored records, in English from the same catalog entry: one sentence, two languages.
 */
function failWith<T>(
	kind: ReasonedKind,
	code: FailureReason['code'],
	params: FailureReason['params'] = {},
): ServerResult<T> {
	const reason: FailureReason = {code, params};
	return fail({kind, reason, message: english(reason)});
}

/** A reason in English, as a sentence (the catalogs hold it as a clause, no full stop). */
function english(reason: FailureReason): string {
	return `${englishReason(reason)}.`;
}

/** A size as the catalogs say it: `1 MiB`, `64 KiB`, `300 bytes` (`octets` in French). */
function sizeReason(bytes: number): FailureReason {
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) {
		return {code: 'client-size-mib', params: {amount: bytes / (1024 * 1024)}};
	}
	if (bytes >= 1024 && bytes % 1024 === 0) {
		return {code: 'client-size-kib', params: {amount: bytes / 1024}};
	}
	return {code: 'client-size-bytes', params: {amount: bytes}};
}

/**
 * The license-server client over HTTP (SPEC §4): signed answers checked with the vendor key
 * (R16), failures as values, its timeout on the given clock.
 * @example
 * const server = createHttpLicenseServer({
 *   baseUrl: 'https://licensing.example.com',
 *   clock: createSystemClock(),
 *   publicKey: importPublicKey(vendorKeyText),
 * });
 */
export function createHttpLicenseServer(
	options: HttpLicenseServerOptions,
): HttpLicenseServer {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const {clock} = options;
	const fetchImpl = options.fetch ?? globalThis.fetch;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxReplyBytes = options.maxReplyBytes ?? INPUT_LIMITS.serverReply;
	// The server as messages name it: never a password it may carry (issue 10 point 13).
	const shownBase = shownUrl(baseUrl);
	const vendorKey: KeyObject | null = options.publicKey ?? null;
	let live = new AbortController();
	/** One exchange, raced against a timer on the injected clock; the loser is aborted. */
	async function send(
		method: 'GET' | 'POST',
		path: string,
		body?: unknown,
		query?: string,
		documentInHeader = false,
	): Promise<ServerResult<Answer>> {
		// The query is on the wire only: messages name the path, never the fields it carries.
		const url = `${baseUrl}${path}${query === undefined ? '' : `?${query}`}`;
		// One controller serves every exchange until a timeout spends it: making an AbortSignal
		// costs more than the rest of a simulated round trip, and a daily contact never needs a
		// fresh one. A timeout aborts what is in flight and leaves a new one for the next call.
		const controller = live;
		let isTimedOut = false;
		let timer: unknown;
		const timedOut: ServerResult<Answer> = failWith(
			'timeout',
			'client-timeout',
			{
				url: shownBase,
				method,
				path,
				seconds: timeoutMs / 1000,
			},
		);
		const timeout = new Promise<ServerResult<Answer>>((resolve) => {
			timer = clock.setTimeout(() => {
				isTimedOut = true;
				if (live === controller) {
					live = new AbortController();
				}
				controller.abort();
				resolve(timedOut);
			}, timeoutMs);
		});
		const attempt = (async (): Promise<ServerResult<Answer>> => {
			try {
				const response = await fetchImpl(url, {
					method,
					headers:
						body !== undefined
							? {
									accept: 'application/json',
									'content-type': 'application/json',
								}
							: documentInHeader
								? {accept: 'application/json', prefer: DOCUMENT_PREFERENCE}
								: {accept: 'application/json'},
					...(body === undefined ? {} : {body: JSON.stringify(body)}),
					// A license server never redirects: a redirect says the URL is wrong (SPEC §4),
					// and following it could take the contact anywhere.
					redirect: 'manual',
					signal: controller.signal,
				});
				const inHeader = documentInHeader
					? response.headers.get(DOCUMENT_HEADER)
					: null;
				if (inHeader !== null) {
					return documentFromHeader(method, path, response, inHeader);
				}
				// Reading the body is part of the exchange: a server that stalls mid-body times out too.
				// Never more of it than the limit (issue 10 point 5).
				const read = await readResponseUpTo(response, maxReplyBytes);
				if (!read.ok) {
					const limit = sizeReason(read.limit);
					return read.size === null
						? failWith('bad-response', 'client-too-large', {
								method,
								path,
								limit,
							})
						: failWith('bad-response', 'client-too-large-announced', {
								method,
								path,
								limit,
								size: read.size,
							});
				}
				return {
					ok: true,
					value: {
						status: response.status,
						text: read.value,
						contentType: response.headers.get('content-type') ?? '',
						location: response.headers.get('location'),
					},
				};
			} catch (error) {
				if (isTimedOut) return timedOut;
				// fetch reports every transport failure (refused, reset, DNS, TLS) as a TypeError;
				// anything else thrown here is no answer from the server either.
				// The system's own words (`fetch failed (ECONNREFUSED)`) stay as they are: not ours to
				// translate, and what a network admin searches for.
				return failWith('network', 'client-unreachable', {
					url: shownBase,
					cause: safeText(
						describeError(error).replaceAll(baseUrl, shownBase),
						300,
					),
				});
			}
		})();
		try {
			return await Promise.race([attempt, timeout]);
		} finally {
			clock.clearTimeout(timer);
		}
	}

	/**
	 * A contact's answer with the document in its header (adapters/contact-wire.ts): read as if
	 * the body were `{"document": ...}`, so the same checks follow. A body beside it is not read.
	 */
	function documentFromHeader(
		method: string,
		path: string,
		response: Response,
		value: string,
	): ServerResult<Answer> {
		response.body?.cancel().catch(() => undefined);
		if (value.length > maxReplyBytes) {
			return failWith('bad-response', 'client-header-too-large', {
				method,
				path,
				limit: sizeReason(maxReplyBytes),
				header: DOCUMENT_HEADER,
				size: value.length,
			});
		}
		const decoded = decodeDocumentHeader(value);
		const document =
			decoded === null || vendorKey === null
				? undefined
				: readSignedText(decoded.payloadText, decoded.signature, vendorKey);
		if (document === undefined) {
			return failWith('bad-response', 'client-header-unsigned', {
				path,
				header: DOCUMENT_HEADER,
				preview: preview(value),
			});
		}
		return {
			ok: true,
			value: {
				status: response.status,
				text: '',
				contentType: 'application/json',
				location: null,
				json: {document},
			},
		};
	}

	/** Reads a 2xx JSON answer of the given shape; anything else becomes the matching failure. */
	async function call<T>(
		method: 'GET' | 'POST',
		path: string,
		schema: z.ZodType<T>,
		body?: unknown,
		expected?: Expected,
		query?: string,
		documentInHeader = false,
	): Promise<ServerResult<T>> {
		const sent = await send(method, path, body, query, documentInHeader);
		if (!sent.ok) return sent;
		return read(path, sent.value, schema, expected);
	}

	function read<T>(
		path: string,
		answer: Answer,
		schema: z.ZodType<T>,
		expected: Expected | undefined,
	): ServerResult<T> {
		const {status, text} = answer;
		if (status >= 300 && status < 400) {
			return wrongUrl(path, 'redirect', status, answer.location);
		}
		const json = 'json' in answer ? answer.json : parseJson(text);
		// Only an answer that is no success can be an error body (the daily contact spares the check).
		const error = status >= 400 ? errorBodySchema.safeParse(json) : null;
		if (status < 500 && error?.success) {
			const refusal = error.data;
			if (refusal.signed !== undefined && expected !== undefined) {
				return signedRefusal(refusal, expected);
			}
		}
		// SPEC §4: an unsigned 404 is no refusal: nothing answers there (a wrong path, a proxy).
		if (status === 404 || status === 405) {
			return wrongUrl(path, 'not-found', status, null);
		}
		if (json === undefined && status < 500 && isWebPage(answer)) {
			return wrongUrl(path, 'web-page', status, null);
		}
		if (status >= 200 && status < 300) {
			if (json === undefined) {
				return failWith('bad-response', 'client-not-json', {
					path,
					preview: preview(text),
				});
			}
			const shaped = schema.safeParse(json);
			if (!shaped.success) {
				return failWith('bad-response', 'client-unexpected-shape', {
					path,
					issue: firstIssue(shaped.error),
				});
			}
			return {ok: true, value: shaped.data};
		}
		// An unsigned refusal proves nothing about who answered (SPEC §4): a failed contact. Its
		// words are outside text: made visible and cut (issue 10 point 7).
		const detail: string | FailureReason = error?.success
			? `${safeText(error.data.error.code, 60)}: ${safeText(error.data.error.message)}`
			: preview(text);
		const reason: FailureReason = {
			code: 'client-http',
			params: {path, status, detail},
		};
		return fail({kind: 'http', status, reason, message: english(reason)});
	}

	/** SPEC §4: a refusal counts as an answer only when the vendor signed it for this contact. */
	function signedRefusal<T>(
		refusal: z.infer<typeof errorBodySchema>,
		expected: Expected,
	): ServerResult<T> {
		const {code} = refusal.error;
		if (vendorKey === null) return noKey();
		const checked = checkRefusal(refusal.signed, vendorKey, {
			...expected,
			code,
		});
		// The server's code and words are outside text: kept and shown made visible and cut (issue
		// 10 point 7: a 5,000-character message with ESC in it reached the terminal as it was).
		const shownCode = safeText(code, 60);
		if (!checked.ok) {
			return failWith(checked.failure.kind, 'client-refusal-untrusted', {
				code: shownCode,
				reason: checked.failure.reason ?? checked.failure.message,
			});
		}
		const message =
			safeText(refusal.error.message.trim()) ||
			`the server gave no reason (${shownCode})`;
		return fail({
			kind: 'rejected',
			code: shownCode,
			message,
			issuedAt: checked.issuedAt,
		});
	}

	function wrongUrl<T>(
		path: string,
		answer: 'not-found' | 'web-page' | 'redirect',
		status: number,
		location: string | null,
	): ServerResult<T> {
		const what =
			answer === 'redirect'
				? `a redirect (HTTP ${status}${location ? ` to ${englishReason(preview(location))}` : ''})`
				: answer === 'not-found'
					? `HTTP ${status}: nothing there`
					: `a web page (HTTP ${status})`;
		return fail({
			kind: 'wrong-url',
			url: shownBase,
			answer,
			status,
			message: `${shownBase} does not look like a license server: ${path} answered ${what}. Check the server URL (a license server's URL has no path, like ${shownUrl(originOf(baseUrl))}).`,
		});
	}

	function noKey<T>(): ServerResult<T> {
		const reason: FailureReason = {code: 'client-no-key', params: {}};
		return fail({
			kind: 'bad-signature',
			reason,
			message: englishReason(reason),
		});
	}

	/** R16, R14: asked of the one trust checker; its reason is kept, said as the client's. */
	function checkDocument(
		value: unknown,
		expected: Expected,
	): ServerResult<SignedDocument> {
		if (vendorKey === null) return noKey();
		const checked = checkTrust(value, vendorKey, expected);
		if (checked.ok) return {ok: true, value: checked.document};
		return failWith(checked.failure.kind, 'client-document-refused', {
			reason: checked.failure.reason ?? checked.failure.message,
		});
	}

	return {
		publicKey: () => vendorKey,

		async fetchPublicKey() {
			const reply = await call('GET', '/v1/public-key', publicKeyReplySchema);
			if (!reply.ok) return reply;
			try {
				return {
					ok: true,
					value: exportPublicKey(importPublicKey(reply.value.publicKey)),
				};
			} catch (error) {
				return failWith('bad-response', 'client-bad-public-key', {
					cause: safeText(describeError(error), 300),
				});
			}
		},

		async activate(request) {
			if (vendorKey === null) return noKey();
			const expected = {
				installationId: request.installationId,
				nonce: request.nonce,
			};
			const reply = await call(
				'POST',
				'/v1/activate',
				activateReplySchema,
				request,
				expected,
			);
			if (!reply.ok) return reply;
			const document = checkDocument(reply.value.document, expected);
			if (!document.ok) return document;
			// The server's words per key, made visible and cut as its other words (issue 10 point 7).
			const refusals: KeyRefusal[] = reply.value.refusals.map((refusal) => ({
				key: refusal.key,
				code: safeText(refusal.code, 60),
				message: safeText(refusal.message),
			}));
			return {
				ok: true,
				value: {
					document: document.value,
					refusals,
				} satisfies ActivationReply,
			};
		},

		async contact(request) {
			if (vendorKey === null) return noKey();
			const expected = {
				installationId: request.installationId,
				nonce: request.nonce,
			};
			// README "The contact on the wire": the fields in the query, no body (issue 16).
			const query = contactQuery(request);
			const reply = await call(
				'POST',
				'/v1/contact',
				contactReplySchema,
				query === null ? request : undefined,
				expected,
				query ?? undefined,
				// README "The contact on the wire": the document in a header when the server can.
				true,
			);
			if (!reply.ok) return reply;
			return checkDocument(reply.value.document, expected);
		},
	};
}

/**
 * The most a contact's query may hold: past it (a fingerprint of unusual length) the fields go as
 * a JSON body, which every server version reads, rather than risk a URL a proxy cuts.
 */
export const MAX_CONTACT_QUERY = 2048;

/** A contact's fields as a query (`installationId=…&fingerprint=…&nonce=…`), or null when too long. */
export function contactQuery(request: {
	installationId: string;
	fingerprint: string;
	nonce?: string | undefined;
}): string | null {
	let query = `installationId=${encodeURIComponent(request.installationId)}&fingerprint=${encodeURIComponent(request.fingerprint)}`;
	if (request.nonce !== undefined) {
		query += `&nonce=${encodeURIComponent(request.nonce)}`;
	}
	return query.length > MAX_CONTACT_QUERY ? null : query;
}

function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return 'https://licensing.example.com';
	}
}

/** A page for people: what a proxy, a captive portal or a web server answers, not an API. */
function isWebPage(answer: Answer): boolean {
	return (
		/^\s*text\/html\b/i.test(answer.contentType) || /^\s*</.test(answer.text)
	);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The start of an answer, quoted, made visible and cut; or that it was empty. */
function preview(text: string): FailureReason {
	const oneLine = text.slice(0, 4096).replace(/\s+/g, ' ').trim();
	if (oneLine === '') return {code: 'client-empty-body', params: {}};
	return {code: 'client-quoted', params: {text: safeText(oneLine, 80)}};
}

function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (issue === undefined) return 'invalid';
	return issue.path.length > 0
		? `${issue.path.map(String).join('.')}: ${issue.message}`
		: issue.message;
}

function describeError(error: unknown): string {
	if (!(error instanceof Error)) {
		// Whatever was thrown may not even turn into a string (no toString, a throwing one).
		try {
			return String(error);
		} catch {
			return 'an unreadable error';
		}
	}
	const cause = (error as {cause?: unknown}).cause;
	return cause instanceof Error && cause.message !== ''
		? `${error.message} (${cause.message})`
		: error.message;
}
