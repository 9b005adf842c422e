/**
 * The simulated network between the MyQ server and the license server (SPEC §1, §5): MSW
 * handlers in front of the vendor's own Hono app, with a switch for the network's state.
 *
 * The returned `fetch` resolves requests through the handlers directly (msw's `getResponse`),
 * without patching the global fetch: nothing else in the process is affected, several
 * simulations can run side by side, and a round trip costs little (a 10-year simulation makes
 * thousands). The `handlers` can also be given to `setupServer` where interception is wanted.
 */
import {getResponse, HttpResponse, RequestHandler} from 'msw';
import {
	DOCUMENT_HEADER,
	decodeDocumentHeader,
} from '../source/adapters/contact-wire.js';
import type {Clock} from '../source/ports/index.js';

export type NetworkState = 'online' | 'offline' | 'error' | 'slow' | 'garbage';

/** Every state (`satisfies` keeps the list in step with the type); the scenario schema reads it. */
export const NETWORK_STATES = Object.keys({
	online: true,
	offline: true,
	error: true,
	slow: true,
	garbage: true,
} satisfies Record<NetworkState, true>) as [NetworkState, ...NetworkState[]];

export type SimulatedNetworkOptions = {
	/** Where the license server "is", like `http://license.test`. */
	baseUrl: string;
	/** The vendor app (`createVendor(...).app`) that answers when the network works. */
	app: {fetch(request: Request): Response | Promise<Response>};
	/** Delays of the `slow` state run on this clock. @default the system timers */
	clock?: Clock;
	/** How long a `slow` answer takes: past the client's timeout. @default 60_000 */
	slowMs?: number;
};

/**
 * The network between a MyQ server and its license server in a simulation (MSW handlers): it
 * works, is down, slow, or answers garbage, as `setState` says.
 * @example
 * const {network}: {network: SimulatedNetwork} = await createSimulatedLicenseServer({clock, baseUrl});
 * network.setState('offline'); // the next contact fails as a network failure
 */
export type SimulatedNetwork = {
	/** A fetch that goes through the handlers; rejects with a TypeError when there is no network. */
	fetch: typeof fetch;
	setState(state: NetworkState): void;
	state(): NetworkState;
	handlers: RequestHandler[];
};

export const DEFAULT_SLOW_MS = 60_000;

const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) =>
		clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** 64 zero bytes: a signature of the right form that never verifies. */
const FORGED_SIGNATURE = Buffer.alloc(64).toString('base64');

export function createSimulatedNetwork(
	options: SimulatedNetworkOptions,
): SimulatedNetwork {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const clock = options.clock ?? systemClock;
	const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
	let current: NetworkState = 'online';
	let garbageCount = 0;

	/** The slow state: the answer comes after `slowMs` on the clock, unless the caller gives up. */
	function later(request: Request): Promise<Response> {
		return new Promise((resolve) => {
			const onAbort = () => {
				clock.clearTimeout(handle);
				resolve(HttpResponse.error());
			};
			const handle = clock.setTimeout(() => {
				request.signal.removeEventListener('abort', onAbort);
				resolve(options.app.fetch(request));
			}, slowMs);
			request.signal.addEventListener('abort', onAbort, {once: true});
		});
	}

	/**
	 * The garbage state, alternately: a body that is not JSON, then the server's real answer
	 * with its document altered after signing (or, for an answer without one, a document
	 * with a forged signature). The request does reach the server: only the answer is spoiled
	 * on its way back, as by a broken proxy.
	 */
	async function garbage(request: Request): Promise<Response> {
		garbageCount += 1;
		const asked = await fieldsOf(request);
		const answer = await options.app.fetch(request);
		if (garbageCount % 2 === 1) {
			return new HttpResponse('{"document": {"payload": <garbled', {
				status: 200,
				headers: {'Content-Type': 'application/json'},
			});
		}
		// The document in the answer's header (README "The contact on the wire"): its signed
		// text altered there, the signature kept.
		const inHeader = answer.headers.get(DOCUMENT_HEADER);
		const decoded = inHeader === null ? null : decodeDocumentHeader(inHeader);
		const signedPayload =
			decoded === null ? null : parseJson(decoded.payloadText);
		if (decoded !== null && isRecord(signedPayload)) {
			signedPayload.issuedAt =
				typeof signedPayload.issuedAt === 'number'
					? signedPayload.issuedAt + 1
					: 0;
			const headers = new Headers(answer.headers);
			headers.set(
				DOCUMENT_HEADER,
				`${Buffer.from(JSON.stringify(signedPayload)).toString('base64url')}.${Buffer.from(decoded.signature, 'base64').toString('base64url')}`,
			);
			return new HttpResponse(null, {status: answer.status, headers});
		}
		const json = parseJson(await answer.text());
		if (
			isRecord(json) &&
			isRecord(json.document) &&
			isRecord(json.document.payload)
		) {
			const payload = json.document.payload;
			payload.issuedAt =
				typeof payload.issuedAt === 'number' ? payload.issuedAt + 1 : 0;
			return HttpResponse.json(json as Record<string, never>, {
				status: answer.status,
			});
		}
		const fields = isRecord(asked) ? asked : {};
		return HttpResponse.json({
			document: {
				payload: {
					type: 'myq-activation',
					version: 1,
					installationId:
						typeof fields.installationId === 'string'
							? fields.installationId
							: 'unknown',
					fingerprint:
						typeof fields.fingerprint === 'string'
							? fields.fingerprint
							: 'unknown',
					issuedAt: clock.now(),
					licenses: [],
				},
				signature: FORGED_SIGNATURE,
			},
			refusals: [],
		});
	}

	const handlers: RequestHandler[] = [
		new LicenseServerHandler(baseUrl, ({request}) => {
			switch (current) {
				case 'online':
					return options.app.fetch(request);
				case 'offline':
					return HttpResponse.error();
				case 'error':
					return HttpResponse.json(
						{
							// The server's own words reach the admin as they are (inside a sentence in
							// their language): the standard status line, which reads the same in both.
							error: {
								code: 'service-unavailable',
								message: 'HTTP 503 Service Unavailable',
							},
						},
						{status: 503},
					);
				case 'slow':
					return later(request);
				case 'garbage':
					return garbage(request);
			}
		}),
	];

	async function simulatedFetch(
		input: RequestInfo | URL,
		init?: RequestInit,
	): Promise<Response> {
		// Only a slow answer needs the request itself to see the caller give up (to cancel its
		// timer); otherwise the abort is watched here, and the Request is spared following it.
		const {signal: callerSignal, ...rest} = init ?? {};
		const request = new Request(
			input,
			withContentLength(current === 'slow' ? init : rest),
		);
		const signal = callerSignal ?? request.signal;
		signal.throwIfAborted();
		const response = await untilAborted(getResponse(handlers, request), signal);
		if (response === undefined) {
			// Real fetch to a host nobody serves fails the same way, with the system's code: a
			// technical text that reads the same to a French and an English admin.
			throw fetchFailed('ECONNREFUSED', new URL(request.url).host);
		}
		if (response.type === 'error') {
			// An unplugged network, as the system says it (no English sentence for a French admin).
			throw fetchFailed('ENETUNREACH', new URL(request.url).host);
		}
		return response;
	}

	return {
		fetch: simulatedFetch as typeof fetch,
		setState(state) {
			current = state;
			garbageCount = 0;
		},
		state: () => current,
		handlers,
	};
}

/**
 * Every request under `baseUrl`, whatever its method: what `http.all(`${baseUrl}/*`)` matches,
 * without what an `http` handler works out for each request and the simulated network never
 * uses: its path pattern compiled into a regular expression, and the cookies of the request's
 * URL looked up in MSW's cookie store (issue 16: each a tenth of a bare round trip). The
 * resolver gets `{request, requestId}`; still MSW's own lifecycle (`getResponse`,
 * `setupServer`), the request cloned and the answer's cookies forwarded as for any handler.
 */
class LicenseServerHandler extends RequestHandler<
	{header: string},
	undefined,
	Record<string, never>
> {
	private readonly prefix: string;
	private readonly resolve: (info: {
		request: Request;
	}) => Response | Promise<Response>;

	constructor(
		baseUrl: string,
		resolver: (info: {request: Request}) => Response | Promise<Response>,
	) {
		super({info: {header: `all ${baseUrl}/*`}, resolver});
		this.resolve = resolver;
		// As a Request spells its URL (host in lower case, default port dropped).
		this.prefix = `${new URL(baseUrl).href.replace(/\/+$/, '')}/`;
	}

	override async parse(): Promise<undefined> {
		return undefined;
	}

	predicate({request}: {request: Request}): boolean {
		return request.url.startsWith(this.prefix);
	}

	/** The simulated network logs nothing (an `http` handler logs only in a browser). */
	log(): void {}

	/**
	 * MSW's `run` without what this handler never uses (issue 16: together about a fifth of a
	 * bare round trip): the resolver gets no `finalize` (so no AbortController made and aborted,
	 * with its DOMException, per request), there are no cookies to forward outside a browser,
	 * and a request without a body is not cloned (the clone is kept only so that logging can
	 * read the body once more; one with a body still is). `isUsed`, the predicate and the
	 * execution result are MSW's own.
	 */
	override async run(args: {
		request: Request;
		requestId: string;
	}): ReturnType<RequestHandler['run']> {
		const {request, requestId} = args;
		if (!this.predicate({request})) return null;
		const kept = request.body === null ? request : request.clone();
		this.isUsed = true;
		const response = await this.resolve({request});
		// What MSW's createExecutionResult (private) makes.
		return {handler: this, request: kept, requestId, response};
	}
}

/** Like real fetch, an abort rejects at once with the signal's reason. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, {once: true});
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			},
		);
	});
}

/** What a request asked with: a contact's query (README "The contact on the wire"), or its JSON body. */
async function fieldsOf(request: Request): Promise<unknown> {
	const query = new URL(request.url).searchParams;
	if (query.has('installationId')) return Object.fromEntries(query);
	return request.method === 'GET'
		? undefined
		: parseJson(await request.clone().text());
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A body sent over a real wire carries its length; a Request built in memory does not. Adding
 * it lets the server check the size from the header, as it does for real clients, instead of
 * reading the body as a stream to count its bytes.
 */
function withContentLength(init?: RequestInit): RequestInit | undefined {
	if (typeof init?.body !== 'string') {
		return init;
	}
	const headers = new Headers(init.headers);
	if (!headers.has('content-length')) {
		headers.set('content-length', String(Buffer.byteLength(init.body)));
	}
	return {...init, headers};
}

/**
 * What Node's fetch throws when the network fails: a TypeError `fetch failed` whose cause names
 * the system's error code (`connect ENETUNREACH host`), the code also as `code`.
 */
function fetchFailed(code: string, host: string): TypeError {
	const cause = Object.assign(new Error(`connect ${code} ${host}`), {code});
	return new TypeError('fetch failed', {cause});
}
