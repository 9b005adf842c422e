/**
 * The vendor's HTTP JSON API (SPEC §4), one Hono app for `vendor serve`, MSW and tests.
 * Every error is `{error: {code, message}}` with a 4xx/5xx status.
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import {Hono} from 'hono';
import {bodyLimit} from 'hono/body-limit';
import {RateLimitedError, VendorError} from './errors.js';
import {
	activateBodySchema,
	contactBodySchema,
	extendBodySchema,
	mintBodySchema,
	parseBody,
} from './schemas.js';
import type {VendorService} from './service.js';

export type VendorAppOptions = {
	service: VendorService;
	publicKey: string;
	/** Admin bearer token; without one the admin routes answer `admin-disabled`. */
	token?: string;
	/** @default 65_536 */
	maxBodyBytes?: number;
	/** Where unexpected errors go (they answer `internal` without details). @default console.error */
	log?: (message: string, error: unknown) => void;
};

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export function createVendorApp(options: VendorAppOptions): Hono {
	const {service, publicKey, token} = options;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
	const log =
		options.log ??
		((message: string, error: unknown) => console.error(message, error));
	const app = new Hono();

	app.onError((error, c) => {
		if (error instanceof RateLimitedError) {
			c.header('Retry-After', String(error.retryAfterSeconds));
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

	app.use(
		'*',
		bodyLimit({
			maxSize: maxBodyBytes,
			onError: (c) =>
				c.json(
					{
						error: {
							code: 'body-too-large',
							message: `The request body is larger than ${maxBodyBytes} bytes, the most this license server accepts.`,
						},
					},
					413,
				),
		}),
	);

	app.get('/v1/health', (c) => c.json({ok: true, publicKey}));
	app.get('/v1/public-key', (c) => c.json({publicKey}));

	app.post('/v1/activate', async (c) => {
		const body = parseBody(activateBodySchema, await c.req.text());
		return c.json(await service.activate(body));
	});

	app.post('/v1/contact', async (c) => {
		const body = parseBody(contactBodySchema, await c.req.text());
		return c.json({document: await service.contact(body)});
	});

	app.post('/v1/offline-activation', async (c) => {
		const responseText = await service.offlineActivate(await c.req.text());
		// The exact bytes matter (R5: the file is checked byte for byte), so no re-serialising.
		return c.body(responseText, 200, {
			'Content-Type': 'application/json; charset=utf-8',
		});
	});

	app.post('/v1/admin/keys', async (c) => {
		const spec = parseBody(mintBodySchema, await c.req.text());
		return c.json(await service.mint(spec), 201);
	});

	app.get('/v1/admin/keys/:key', async (c) =>
		c.json(await service.describe(c.req.param('key'))),
	);

	app.post('/v1/admin/keys/:key/extend', async (c) => {
		const {days} = parseBody(extendBodySchema, await c.req.text());
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

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}
