/**
 * The license-server client over fetch (SPEC §4, R14, R16). Every failure comes back as a value:
 * what the engine needs is whether the contact was successful (a signed document, or a precise
 * refusal) or failed (no answer, timeout, 5xx, unreadable or badly signed answer).
 *
 * It does transport and JSON; whether a document is the vendor's is the one trust checker's
 * answer (signing/trust.ts), the same the runtime asks at every load and file import.
 */
import type {KeyObject} from 'node:crypto';
import {z} from 'zod';
import {safeText, shownUrl} from '../engine/safe-text.js';
import type {KeyRefusal, SignedDocument} from '../engine/types.js';
import type {
	ActivationReply,
	Clock,
	Failure,
	LicenseServer,
	ServerResult,
} from '../ports/index.js';
import {exportPublicKey, importPublicKey} from '../signing/index.js';
import {checkDocument as checkTrust} from '../signing/trust.js';
import {formatLimit, INPUT_LIMITS, readResponseUpTo} from './bounded-read.js';

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
	/** The pinned vendor key. @default null: fetched from `/v1/public-key` at first use, then pinned */
	publicKey?: KeyObject | null;
	/** Called once when a key fetched from the server is pinned, with its printed form. */
	onPinned?: (publicKeyText: string) => void;
};

export type HttpLicenseServer = LicenseServer & {
	/** The vendor key in use: the one given, the one pinned, or null before the first use. */
	publicKey(): KeyObject | null;
};

export const DEFAULT_TIMEOUT_MS = 10_000;

const refusalSchema = z.object({
	key: z.string(),
	code: z.string(),
	message: z.string(),
});
const errorBodySchema = z.object({
	error: z.object({code: z.string(), message: z.string()}),
});
const activateReplySchema = z.object({
	document: z.unknown(),
	refusals: z.array(refusalSchema),
});
const contactReplySchema = z.object({document: z.unknown()});
const publicKeyReplySchema = z.object({publicKey: z.string()});

type Answer = {status: number; text: string};

function fail<T>(failure: Failure): ServerResult<T> {
	return {ok: false, failure};
}

export function createHttpLicenseServer(
	options: HttpLicenseServerOptions,
): HttpLicenseServer {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	// The server as messages name it: never a password it may carry (issue 10 point 13).
	const shownBase = shownUrl(baseUrl);
	const {clock} = options;
	const fetchImpl = options.fetch ?? globalThis.fetch;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxReplyBytes = options.maxReplyBytes ?? INPUT_LIMITS.serverReply;
	let pinned: KeyObject | null = options.publicKey ?? null;
	let pinning: Promise<ServerResult<KeyObject>> | null = null;
	const lastAnswers = new Map<string, {text: string; value: unknown}>();
	let live = new AbortController();
	/** One exchange, raced against a timer on the injected clock; the loser is aborted. */
	async function send(
		method: 'GET' | 'POST',
		path: string,
		body?: unknown,
	): Promise<ServerResult<Answer>> {
		const url = `${baseUrl}${path}`;
		// One controller serves every exchange until a timeout spends it: making an AbortSignal
		// costs more than the rest of a simulated round trip, and a daily contact never needs a
		// fresh one. A timeout aborts what is in flight and leaves a new one for the next call.
		const controller = live;
		let isTimedOut = false;
		let timer: unknown;
		const timedOut: ServerResult<Answer> = fail({
			kind: 'timeout',
			message: `The license server at ${shownBase} did not answer ${method} ${path} within ${timeoutMs / 1000} s.`,
		});
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
						body === undefined
							? {accept: 'application/json'}
							: {
									accept: 'application/json',
									'content-type': 'application/json',
								},
					...(body === undefined ? {} : {body: JSON.stringify(body)}),
					signal: controller.signal,
				});
				// Reading the body is part of the exchange: a server that stalls mid-body times out too.
				// Never more of it than the limit (issue 10 point 5).
				const read = await readResponseUpTo(response, maxReplyBytes);
				if (!read.ok) {
					return fail({
						kind: 'bad-response',
						message: `The license server's answer to ${method} ${path} is larger than ${formatLimit(read.limit)}, the most this client reads${read.size === null ? '' : ` (it announced ${read.size} bytes)`}: it was not read.`,
					});
				}
				return {ok: true, value: {status: response.status, text: read.value}};
			} catch (error) {
				if (isTimedOut) return timedOut;
				// fetch reports every transport failure (refused, reset, DNS, TLS) as a TypeError;
				// anything else thrown here is no answer from the server either.
				return fail({
					kind: 'network',
					message: `The license server at ${shownBase} cannot be reached: ${safeText(describeError(error).replaceAll(baseUrl, shownBase), 300)}.`,
				});
			}
		})();
		try {
			return await Promise.race([attempt, timeout]);
		} finally {
			clock.clearTimeout(timer);
		}
	}

	/** Reads a 2xx JSON answer of the given shape; anything else becomes the matching failure. */
	async function call<T>(
		method: 'GET' | 'POST',
		path: string,
		schema: z.ZodType<T>,
		body?: unknown,
	): Promise<ServerResult<T>> {
		const sent = await send(method, path, body);
		if (!sent.ok) return sent;
		const {status, text} = sent.value;
		// The same answer as last time (a daily contact with nothing new): the same value, already
		// read and checked, instead of parsing and verifying identical bytes again.
		const previous = lastAnswers.get(path);
		if (
			previous !== undefined &&
			status >= 200 &&
			status < 300 &&
			previous.text === text
		) {
			return {ok: true, value: previous.value as T};
		}
		const result = read(path, status, text, schema);
		if (result.ok) {
			lastAnswers.set(path, {text, value: result.value});
		}
		return result;
	}

	function read<T>(
		path: string,
		status: number,
		text: string,
		schema: z.ZodType<T>,
	): ServerResult<T> {
		const json = parseJson(text);
		if (status >= 200 && status < 300) {
			if (json === undefined) {
				return fail({
					kind: 'bad-response',
					message: `The license server's answer to ${path} is not JSON: ${preview(text)}.`,
				});
			}
			const shaped = schema.safeParse(json);
			if (!shaped.success) {
				return fail({
					kind: 'bad-response',
					message: `The license server's answer to ${path} has an unexpected shape (${firstIssue(shaped.error)}).`,
				});
			}
			return {ok: true, value: shaped.data};
		}
		const error = errorBodySchema.safeParse(json);
		// The server's words are outside text: kept and shown made visible and cut (issue 10
		// point 7: a 5,000-character message with ESC in it reached the terminal as it was).
		const code = error.success ? safeText(error.data.error.code, 60) : '';
		const said = error.success ? safeText(error.data.error.message.trim()) : '';
		if (status >= 400 && status < 500 && error.success) {
			// SPEC §4: a precise refusal is an answer, so the contact was successful.
			const message = said || `the server gave no reason (${code})`;
			return fail({kind: 'rejected', code, message});
		}
		const detail = error.success ? `${code}: ${said}` : preview(text);
		return fail({
			kind: 'http',
			status,
			message: `The license server answered ${path} with HTTP ${status} (${detail}).`,
		});
	}

	async function vendorKey(): Promise<ServerResult<KeyObject>> {
		if (pinned !== null) return {ok: true, value: pinned};
		// Concurrent first calls share one fetch of the key.
		pinning ??= (async (): Promise<ServerResult<KeyObject>> => {
			const reply = await call('GET', '/v1/public-key', publicKeyReplySchema);
			if (!reply.ok) return reply;
			let key: KeyObject;
			try {
				key = importPublicKey(reply.value.publicKey);
			} catch (error) {
				return fail<KeyObject>({
					kind: 'bad-response',
					message: `The license server sent an unusable public key: ${describeError(error)}.`,
				});
			}
			// Trust on first use (R16): from now on only documents signed with this key are accepted.
			pinned = key;
			options.onPinned?.(reply.value.publicKey.trim());
			return {ok: true, value: key};
		})().finally(() => {
			pinning = null;
		});
		return await pinning;
	}

	/** R16: asked of the one trust checker; its reason is kept, said as the client's. */
	function checkDocument(
		value: unknown,
		key: KeyObject,
		installationId: string,
	): ServerResult<SignedDocument> {
		const checked = checkTrust(value, key, {installationId});
		if (checked.ok) return {ok: true, value: checked.document};
		return fail({
			kind: checked.failure.kind,
			message: `The license server's document was refused: ${checked.failure.message}.`,
		});
	}

	return {
		publicKey: () => pinned,

		async fetchPublicKey() {
			const key = await vendorKey();
			return key.ok ? exportPublicKey(key.value) : null;
		},

		async activate(request) {
			const key = await vendorKey();
			if (!key.ok) return key;
			const reply = await call(
				'POST',
				'/v1/activate',
				activateReplySchema,
				request,
			);
			if (!reply.ok) return reply;
			const document = checkDocument(
				reply.value.document,
				key.value,
				request.installationId,
			);
			if (!document.ok) return document;
			// The server's words per key, made visible and cut as its other words (issue 10 point 7).
			const refusals: KeyRefusal[] = reply.value.refusals.map((refusal) => ({
				key: refusal.key,
				code: safeText(refusal.code, 60),
				message: safeText(refusal.message),
			}));
			return {
				ok: true,
				value: {document: document.value, refusals} satisfies ActivationReply,
			};
		},

		async contact(request) {
			const key = await vendorKey();
			if (!key.ok) return key;
			const reply = await call(
				'POST',
				'/v1/contact',
				contactReplySchema,
				request,
			);
			if (!reply.ok) return reply;
			return checkDocument(
				reply.value.document,
				key.value,
				request.installationId,
			);
		},
	};
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function preview(text: string): string {
	const oneLine = text.slice(0, 4096).replace(/\s+/g, ' ').trim();
	if (oneLine === '') return 'an empty body';
	return `"${safeText(oneLine, 80)}"`;
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
