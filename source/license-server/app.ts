/**
 * The vendor's HTTP JSON API (SPEC §4), one Hono app for `vendor serve`, MSW and tests.
 * Every error is `{error: {code, message}}` with a 4xx/5xx status.
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import {type Context, Hono} from 'hono';
import {routePath} from 'hono/route';
import {
	DOCUMENT_HEADER,
	DOCUMENT_PREFERENCE,
	encodeDocumentHeader,
	prefersDocumentHeader,
} from '../adapters/contact-wire.js';
import {
	RateLimitedError,
	StoreUnavailableError,
	VendorError,
} from './errors.js';
import {
	activateBodySchema,
	contactBodySchema,
	extendBodySchema,
	mintBodySchema,
	parseBody,
	validate,
} from './schemas.js';
import type {ContactInput, VendorService} from './service.js';

export type VendorAppOptions = {
	service: VendorService;
	publicKey: string;
	/** Admin bearer token; without one the admin routes answer `admin-disabled`. */
	token?: string;
	/** @default 65_536 */
	maxBodyBytes?: number;
	/**
	 * Where unexpected errors and an unavailable store go (they answer `internal` or
	 * `store-unavailable`, without details). @default console.error
	 */
	log?: (message: string, error: unknown) => void;
	/** Called once per request, after its answer (issue 11, point 7). @default none */
	logRequest?: (entry: RequestLogEntry) => void;
	/** What `GET /v1/health` reports of the database. @default no database to check */
	database?: {engine: string; ping(): Promise<void>};
};

/** One request as the log says it: the route is the pattern, so keys do not spread in logs. */
export type RequestLogEntry = {
	method: string;
	/** The route that answered (`/v1/admin/keys/:key/extend`), or the path when none did. */
	route: string;
	status: number;
	/** Time to the answer, in milliseconds. */
	ms: number;
};

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export function createVendorApp(options: VendorAppOptions): Hono {
	const {service, publicKey, token} = options;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const log =
		options.log ??
		((message: string, error: unknown) => console.error(message, error));
	const app = new Hono();

	if (options.logRequest) {
		const logRequest = options.logRequest;
		app.use('*', async (c, next) => {
			const started = performance.now();
			await next();
			const route = routePath(c, -1);
			logRequest({
				method: c.req.method,
				route: route === '' || route.endsWith('*') ? c.req.path : route,
				status: c.res.status,
				ms: Math.round((performance.now() - started) * 100) / 100,
			});
		});
	}

	app.onError((error, c) => {
		if (error instanceof RateLimitedError) {
			c.header('Retry-After', String(error.retryAfterSeconds));
		}
		if (error instanceof StoreUnavailableError) {
			log(
				`vendor: the store is unavailable on ${c.req.method} ${c.req.path}`,
				error.cause,
			);
			c.header('Retry-After', '5');
		}
		if (error instanceof VendorError) {
			return c.json(error.toBody(), error.status);
		}
		log(`vendor: unexpected error on ${c.req.method} ${c.req.path}`, error);
		return c.json(
			{
				error: {
					code: 'internal',
					message:
						'The license server failed to answer this request; it was logged. Try again later.',
				},
			},
			500,
		);
	});

	app.notFound((c) =>
		c.json(
			{
				error: {
					code: 'not-found',
					message: `There is no ${c.req.method} ${c.req.path} on this license server. Its API is under /v1 (GET /v1/health answers).`,
				},
			},
			404,
		),
	);

	// Admin checks come before the body is read: nobody without the token gets to upload anything.
	app.use('/v1/admin/*', async (c, next) => {
		if (token === undefined || token === '') {
			throw new VendorError(
				403,
				'admin-disabled',
				'Admin operations are disabled on this license server: start it with an admin token to use them.',
			);
		}
		const header = c.req.header('authorization');
		const match =
			header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
		if (match === null) {
			c.header('WWW-Authenticate', 'Bearer');
			throw new VendorError(
				401,
				'unauthorized',
				'Admin operations need the header "Authorization: Bearer <token>".',
			);
		}
		if (!sameSecret(match[1] ?? '', token)) {
			throw new VendorError(
				403,
				'forbidden',
				'The admin token is wrong. Use the token the license server was started with.',
			);
		}
		await next();
	});

	const database = options.database;
	app.get('/v1/health', async (c) => {
		if (database === undefined) return c.json({ok: true, publicKey});
		try {
			await database.ping();
		} catch {
			return c.json(
				{
					ok: false,
					publicKey,
					database: {engine: database.engine, reachable: false},
				},
				503,
			);
		}
		return c.json({
			ok: true,
			publicKey,
			database: {engine: database.engine, reachable: true},
		});
	});
	app.get('/v1/public-key', (c) => c.json({publicKey}));

	app.post('/v1/activate', async (c) => {
		const body = parseBody(activateBodySchema, await readBody(c, maxBodyBytes));
		return c.json(await service.activate(body));
	});

	// The contact's fields in the query, no body (README "The contact on the wire"); a JSON body
	// from a client of an earlier version is still read. The document goes in a header when the
	// client prefers it and it is short enough (adapters/contact-wire.ts), else in the body.
	app.post('/v1/contact', async (c) => {
		const fields =
			contactFromQuery(c) ??
			parseBody(contactBodySchema, await readBody(c, maxBodyBytes));
		const document = await service.contact(fields);
		const inHeader = prefersDocumentHeader(c.req.header('prefer'))
			? encodeDocumentHeader(document)
			: null;
		if (inHeader === null) {
			return c.json({document}, 200, {Vary: 'Prefer'});
		}
		return c.body(null, 200, {
			[DOCUMENT_HEADER]: inHeader,
			'Preference-Applied': DOCUMENT_PREFERENCE,
			Vary: 'Prefer',
		});
	});

	app.post('/v1/offline-activation', async (c) => {
		const responseText = await service.offlineActivate(
			await readBody(c, maxBodyBytes),
		);
		// The exact bytes matter (R5: the file is checked byte for byte), so no re-serialising.
		return c.body(responseText, 200, {
			'Content-Type': 'application/json; charset=utf-8',
		});
	});

	app.post('/v1/admin/keys', async (c) => {
		const spec = parseBody(mintBodySchema, await readBody(c, maxBodyBytes));
		return c.json(await service.mint(spec), 201);
	});

	app.get('/v1/admin/keys/:key', async (c) =>
		c.json(await service.describe(c.req.param('key'))),
	);

	app.post('/v1/admin/keys/:key/extend', async (c) => {
		const {days} = parseBody(extendBodySchema, await readBody(c, maxBodyBytes));
		return c.json(await service.extend(c.req.param('key'), days));
	});

	app.post('/v1/admin/keys/:key/cancel-renewal', async (c) =>
		c.json(await service.cancelRenewal(c.req.param('key'))),
	);

	app.post('/v1/admin/keys/:key/revoke', async (c) =>
		c.json(await service.revoke(c.req.param('key'))),
	);

	return app;
}

/** What a contact sends (service.ts ContactInput), as the query names it. */
const CONTACT_FIELDS = ['installationId', 'fingerprint', 'nonce'] as const;

/**
 * A contact's fields from its query (issue 16: a body costs a stream on both sides of every
 * daily contact), or undefined when the query names none of them (a JSON body then, as earlier
 * clients send it). Each field at most once; fields in the query and a body too are refused,
 * rather than one of them silently ignored.
 */
function contactFromQuery(c: Context): ContactInput | undefined {
	if (!c.req.url.includes('?')) return undefined;
	const query = c.req.queries();
	const fields: Record<string, string> = {};
	let named = 0;
	for (const field of CONTACT_FIELDS) {
		const values = query[field];
		if (values === undefined) continue;
		if (values.length !== 1) {
			throw new VendorError(
				400,
				'bad-request',
				`The field "${field}" is in the query ${values.length} times: give it once.`,
				field,
			);
		}
		fields[field] = values[0] ?? '';
		named += 1;
	}
	if (named === 0) return undefined;
	const length = c.req.header('content-length');
	if (
		(length !== undefined && length.trim() !== '0') ||
		c.req.header('transfer-encoding') !== undefined
	) {
		throw new VendorError(
			400,
			'bad-request',
			'A contact sends its fields in the query or as a JSON body, not both: send no body with a query.',
			'(body)',
		);
	}
	return validate(contactBodySchema, fields);
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The request body as text, read with the size limit whatever the headers say: a body sent
 * chunked or without Content-Length is counted as it arrives (issue 11, point 6), and reading
 * stops at the limit.
 */
async function readBody(c: Context, maxBytes: number): Promise<string> {
	const tooLarge = () =>
		new VendorError(
			413,
			'body-too-large',
			`The request body is larger than ${maxBytes} bytes, the most this license server accepts.`,
		);
	const declared = c.req.header('content-length');
	if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge();
	try {
		// A length declared within the limit: Node's HTTP parser reads no byte past it, so the
		// server's direct read (no web stream built) is bounded too.
		if (
			declared !== undefined &&
			/^\d+$/.test(declared) &&
			c.req.header('transfer-encoding') === undefined
		) {
			return await c.req.text();
		}
		const body = c.req.raw.body;
		if (body === null) return '';
		const reader = body.getReader();
		const chunks: Uint8Array[] = [];
		let size = 0;
		for (;;) {
			const {done, value} = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > maxBytes) {
				await reader.cancel().catch(() => undefined);
				throw tooLarge();
			}
			chunks.push(value);
		}
		return Buffer.concat(chunks).toString('utf8');
	} catch (error) {
		if (error instanceof VendorError) throw error;
		// The client hung up before the end of its body: its request, not the server, failed.
		throw new VendorError(
			400,
			'bad-request',
			'The request body ended before it was complete (the connection was closed). Send it again.',
		);
	}
}
