import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createManualClock} from '../simulator/clock.js';
import {createSimulatedLicenseServer} from '../simulator/world.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {createVendor} from '../source/license-server/index.js';
import {serveVendor} from '../source/license-server/serve.js';
import {importPublicKey} from '../source/signing/index.js';

const START = Date.UTC(2027, 0, 4, 9);
const BASE_URL = 'http://license.test';
const INSTALLATION = {
	installationId: 'inst-1',
	fingerprint: 'fp-a',
	nonce: 'nonce-1',
};

async function setup() {
	const clock = createManualClock(START);
	const {vendor, network} = await createSimulatedLicenseServer({
		clock,
		baseUrl: BASE_URL,
	});
	const {key} = await vendor.service.mint({
		type: 'license',
		kind: 'subscription',
		devices: 5,
		termDays: 30,
		autoRenew: true,
	});
	const client = createHttpLicenseServer({
		baseUrl: BASE_URL,
		clock,
		fetch: network.fetch,
		publicKey: importPublicKey(vendor.publicKey),
	});
	return {clock, vendor, network, client, key};
}

/** A well-formed key: for answers that never get as far as a signature check. */
const PLACEHOLDER_KEY = Buffer.alloc(32, 7).toString('base64');

/** A client over a fetch that answers every request with one canned response. */
function clientAnswering(
	answer: () => Response | Promise<Response>,
	publicKeyText?: string,
) {
	const clock = createManualClock(START);
	return createHttpLicenseServer({
		baseUrl: BASE_URL,
		clock,
		fetch: (async () => answer()) as typeof fetch,
		publicKey: importPublicKey(publicKeyText ?? PLACEHOLDER_KEY),
	});
}

describe('HTTP license-server client (SPEC §4, R14, R16)', () => {
	it('online: activate and contact return verified documents', async () => {
		const {client, key} = await setup();

		const activation = await client.activate({
			...INSTALLATION,
			keys: [key, 'bogus'],
			customer: null,
		});
		expect(activation.ok).toBe(true);
		if (!activation.ok) return;
		expect(activation.value.document.payload).toMatchObject({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			issuedAt: START,
		});
		expect(activation.value.document.payload.licenses).toEqual([
			expect.objectContaining({id: key, expiresAt: START + 30 * 86_400_000}),
		]);
		expect(activation.value.refusals).toEqual([
			expect.objectContaining({key: 'bogus', code: 'malformed-key'}),
		]);

		const contact = await client.contact(INSTALLATION);
		expect(contact).toMatchObject({
			ok: true,
			value: {payload: {installationId: 'inst-1'}},
		});
	});

	it('offline: a network failure, never a throw', async () => {
		const {client, network} = await setup();
		network.setState('offline');
		const result = await client.contact(INSTALLATION);
		expect(result).toMatchObject({ok: false, failure: {kind: 'network'}});
		if (!result.ok) expect(result.failure.message).toContain(BASE_URL);
	});

	it('any TypeError from fetch is a network failure', async () => {
		const client = clientAnswering(() => {
			throw new TypeError('fetch failed', {
				cause: new Error('connect ECONNREFUSED 127.0.0.1:1'),
			});
		});
		const result = await client.contact(INSTALLATION);
		expect(result).toMatchObject({ok: false, failure: {kind: 'network'}});
		if (!result.ok) expect(result.failure.message).toContain('ECONNREFUSED');
	});

	it('error: a 5xx is an http failure with its status', async () => {
		const {client, network} = await setup();
		network.setState('error');
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'http', status: 503},
		});
	});

	it('slow: times out on the injected clock after timeoutMs, and aborts the request', async () => {
		const {client, network, clock} = await setup();
		network.setState('slow');
		let settled = false;
		const pending = client.contact(INSTALLATION).then((result) => {
			settled = true;
			return result;
		});

		// 9.999 s: still waiting
		await clock.tickAsync(9_999);
		expect(settled).toBe(false);
		// 10 s: the client gives up
		await clock.tickAsync(1);
		const result = await pending;
		expect(result).toMatchObject({ok: false, failure: {kind: 'timeout'}});
		// the aborted request left no timer behind (the slow answer was cancelled, ours cleared)
		expect(clock.countTimers()).toBe(0);
	});

	it('the timeout is configurable', async () => {
		const {vendor, network, clock} = await setup();
		network.setState('slow');
		const client = createHttpLicenseServer({
			baseUrl: BASE_URL,
			clock,
			fetch: network.fetch,
			timeoutMs: 2_000,
			publicKey: importPublicKey(vendor.publicKey),
		});
		const pending = client.contact(INSTALLATION);
		await clock.tickAsync(2_000);
		expect(await pending).toMatchObject({
			ok: false,
			failure: {kind: 'timeout'},
		});
	});

	it('a timer that was not needed is cleared', async () => {
		const {client, clock, key} = await setup();
		await client.activate({...INSTALLATION, keys: [key], customer: null});
		expect(clock.countTimers()).toBe(0);
	});

	it('rejected: a 4xx with an error body is a precise refusal (a successful contact)', async () => {
		const {client} = await setup();
		const result = await client.contact({
			installationId: 'never-activated',
			fingerprint: 'fp-a',
			nonce: 'nonce-1',
		});
		expect(result).toMatchObject({
			ok: false,
			failure: {kind: 'rejected', code: 'unknown-installation'},
		});
	});

	it('a 4xx without an error body is an http failure', async () => {
		const client = clientAnswering(
			() => new Response('I am a teapot', {status: 418}),
		);
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'http', status: 418},
		});
	});

	it('a 4xx web page is no refusal: the URL looks wrong (SPEC §4)', async () => {
		const client = clientAnswering(
			() => new Response('<html>teapot</html>', {status: 418}),
		);
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'wrong-url', answer: 'web-page', status: 418},
		});
	});

	it('garbage: unreadable answers are bad-response, altered documents bad-signature', async () => {
		const {client, network, key} = await setup();
		await client.activate({...INSTALLATION, keys: [key], customer: null});
		network.setState('garbage');

		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'bad-response'},
		});
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'bad-signature'},
		});
		expect(
			await client.activate({...INSTALLATION, keys: [], customer: null}),
		).toMatchObject({
			ok: false,
			failure: {kind: 'bad-response'},
		});
		expect(
			await client.activate({...INSTALLATION, keys: [], customer: null}),
		).toMatchObject({
			ok: false,
			failure: {kind: 'bad-signature'},
		});
	});

	it('bad-response: JSON of the wrong shape, or a document for another installation', async () => {
		const {vendor} = await setup();
		const wrongShape = clientAnswering(
			() => Response.json({documents: []}),
			vendor.publicKey,
		);
		expect(await wrongShape.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'bad-response'},
		});

		const {key} = await vendor.service.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 1,
		});
		const other = await vendor.service.activate({
			installationId: 'inst-2',
			fingerprint: 'fp-z',
			keys: [key],
		});
		const misdirected = clientAnswering(
			() => Response.json({document: other.document}),
			vendor.publicKey,
		);
		expect(await misdirected.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'bad-response'},
		});
	});

	it('bad-signature: a document signed by another vendor key', async () => {
		const {network, clock, key} = await setup();
		const impostor = await createVendor({now: clock.now});
		const client = createHttpLicenseServer({
			baseUrl: BASE_URL,
			clock,
			fetch: network.fetch,
			publicKey: importPublicKey(impostor.publicKey),
		});
		expect(
			await client.activate({...INSTALLATION, keys: [key], customer: null}),
		).toMatchObject({
			ok: false,
			failure: {kind: 'bad-signature'},
		});
	});

	it('R16: without a key it asks nothing, and never fetches a key to trust by itself', async () => {
		const {network, clock, key} = await setup();
		const requested: string[] = [];
		const countingFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
			requested.push(
				new URL(input instanceof Request ? input.url : input).pathname,
			);
			return network.fetch(input, init);
		}) as typeof fetch;
		const client = createHttpLicenseServer({
			baseUrl: `${BASE_URL}/`,
			clock,
			fetch: countingFetch,
		});

		const activation = await client.activate({
			...INSTALLATION,
			keys: [key],
			customer: null,
		});
		const contact = await client.contact(INSTALLATION);

		expect(activation).toMatchObject({
			ok: false,
			failure: {kind: 'bad-signature'},
		});
		expect(contact).toMatchObject({
			ok: false,
			failure: {kind: 'bad-signature'},
		});
		expect(requested).toEqual([]);
		expect(client.publicKey()).toBeNull();
	});

	it('R16: with a key, no call fetches /v1/public-key first', async () => {
		const {network, clock, key, vendor} = await setup();
		const requested: string[] = [];
		const client = createHttpLicenseServer({
			baseUrl: BASE_URL,
			clock,
			fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
				requested.push(
					new URL(input instanceof Request ? input.url : input).pathname,
				);
				return network.fetch(input, init);
			}) as typeof fetch,
			publicKey: importPublicKey(vendor.publicKey),
		});
		await client.activate({...INSTALLATION, keys: [key], customer: null});
		await client.contact(INSTALLATION);
		expect(requested).toEqual(['/v1/activate', '/v1/contact']);
	});

	it('R16: fetchPublicKey gives the key the server presents, or the failure', async () => {
		const {vendor, network, clock} = await setup();
		const client = createHttpLicenseServer({
			baseUrl: BASE_URL,
			clock,
			fetch: network.fetch,
		});
		expect(await client.fetchPublicKey()).toEqual({
			ok: true,
			value: vendor.publicKey,
		});
		network.setState('offline');
		expect(await client.fetchPublicKey()).toMatchObject({
			ok: false,
			failure: {kind: 'network'},
		});
	});

	it('a server sending an unusable public key is a bad-response', async () => {
		const client = clientAnswering(() =>
			Response.json({publicKey: 'not-a-key'}),
		);
		expect(await client.fetchPublicKey()).toMatchObject({
			ok: false,
			failure: {kind: 'bad-response'},
		});
	});
});

describe('only a fresh, signed answer is a successful contact (SPEC §4, R14)', () => {
	it.each([
		['answering another nonce', 'an-old-nonce'],
		['without any nonce (a server answering old clients)', undefined],
	])(
		'stale: a vendor-signed document %s is a failed contact',
		async (_name, nonce) => {
			const {client, vendor, key} = await setup();
			const {nonce: _, ...request} = INSTALLATION;
			const old = await vendor.service.activate({
				...request,
				keys: [key],
				nonce,
			});
			expect(old.document.payload.nonce).toBe(nonce);
			const replaying = clientAnswering(
				() => Response.json({document: old.document}),
				vendor.publicKey,
			);
			expect(await replaying.contact(INSTALLATION)).toMatchObject({
				ok: false,
				failure: {kind: 'stale'},
			});
			// The same server's fresh answer is accepted.
			expect(await client.contact(INSTALLATION)).toMatchObject({ok: true});
		},
	);

	it('a refusal signed for another nonce is no refusal', async () => {
		const {vendor} = await setup();
		const refusal = await vendor.app.request('/v1/contact', {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({
				installationId: 'inst-1',
				fingerprint: 'fp-a',
				nonce: 'another',
			}),
		});
		const body = await refusal.text();
		expect(refusal.status).toBe(404);
		const replaying = clientAnswering(
			() => new Response(body, {status: 404}),
			vendor.publicKey,
		);
		expect(await replaying.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'stale'},
		});
	});

	it.each([
		[
			'an unsigned 403 error body',
			403,
			'{"error":{"code":"revoked","message":"no"}}',
			'http',
		],
		[
			'an unsigned 404 error body',
			404,
			'{"error":{"code":"unknown-installation","message":"no"}}',
			'wrong-url',
		],
		['a 404 page', 404, 'Not Found', 'wrong-url'],
		[
			'a proxy page with 200',
			200,
			'<!doctype html><title>Login</title>',
			'wrong-url',
		],
	])('%s is a failed contact', async (_name, status, text, kind) => {
		const client = clientAnswering(() => new Response(text, {status}));
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind},
		});
	});

	it('a redirect is not followed: the URL looks wrong', async () => {
		const seen: string[] = [];
		const client = createHttpLicenseServer({
			baseUrl: BASE_URL,
			clock: createManualClock(START),
			fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => {
				seen.push(String(init?.redirect));
				return new Response(null, {
					status: 302,
					headers: {location: 'http://nowhere.invalid/'},
				});
			}) as typeof fetch,
			publicKey: importPublicKey(PLACEHOLDER_KEY),
		});
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'wrong-url', answer: 'redirect', status: 302},
		});
		expect(seen).toEqual(['manual']);
	});
});

describe('HTTP client against a real `vendor serve` (127.0.0.1, port 0)', () => {
	it('activates and contacts over real HTTP', async () => {
		const token = 'test-token';
		const served = await serveVendor({
			port: 0,
			storeUrl: 'memory:',
			token,
			write: () => undefined,
		});
		try {
			expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			// Given a key minted through the admin API
			const minted = await fetch(`${served.url}/v1/admin/keys`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${token}`,
					'content-type': 'application/json',
				},
				body: JSON.stringify({
					type: 'installation',
					licenses: [{kind: 'perpetual', devices: 10}],
				}),
			});
			expect(minted.status).toBe(201);
			const {key} = (await minted.json()) as {key: string};

			// When the client activates it and contacts the server, on the system clock
			const client = createHttpLicenseServer({
				baseUrl: served.url,
				clock: {
					now: () => Date.now(),
					setTimeout: (callback, ms) => setTimeout(callback, ms),
					clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
				},
				publicKey: importPublicKey(served.publicKey),
			});
			const activation = await client.activate({
				...INSTALLATION,
				keys: [key],
				customer: null,
			});
			const contact = await client.contact({
				installationId: 'inst-1',
				fingerprint: 'fp-other',
				nonce: 'nonce-2',
			});

			// Then both answers verify with the served key
			expect(activation).toMatchObject({ok: true, value: {refusals: []}});
			if (activation.ok)
				expect(
					activation.value.document.payload.licenses.map(
						(license) => license.id,
					),
				).toEqual([`${key}/1`]);
			expect(contact).toMatchObject({
				ok: true,
				value: {payload: {fingerprint: 'fp-a'}},
			});
			const notFound = await fetch(`${served.url}/nothing`);
			expect(notFound.status).toBe(404);
		} finally {
			await served.close();
		}
		// And once closed, nothing answers there any more
		const client = createHttpLicenseServer({
			baseUrl: served.url,
			clock: {
				now: () => Date.now(),
				setTimeout: (callback, ms) => setTimeout(callback, ms),
				clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
			},
			publicKey: importPublicKey(served.publicKey),
		});
		expect(await client.contact(INSTALLATION)).toMatchObject({
			ok: false,
			failure: {kind: 'network'},
		});
	});

	it('keeps its identity and catalog across restarts on a SQLite store', async () => {
		const directory = await mkdtemp(join(tmpdir(), 'myq-serve-'));
		const storeUrl = `sqlite://${join(directory, 'vendor.sqlite')}`;
		try {
			const first = await serveVendor({
				port: 0,
				storeUrl,
				token: 't',
				write: () => undefined,
			});
			const minted = await fetch(`${first.url}/v1/admin/keys`, {
				method: 'POST',
				headers: {authorization: 'Bearer t'},
				body: JSON.stringify({type: 'license', kind: 'perpetual', devices: 2}),
			});
			const {key} = (await minted.json()) as {key: string};
			await first.close();

			const second = await serveVendor({
				port: 0,
				storeUrl,
				token: 't',
				write: () => undefined,
			});
			try {
				expect(second.publicKey).toBe(first.publicKey);
				const described = await fetch(`${second.url}/v1/admin/keys/${key}`, {
					headers: {authorization: 'Bearer t'},
				});
				expect(described.status).toBe(200);
			} finally {
				await second.close();
			}
		} finally {
			await rm(directory, {recursive: true, force: true});
		}
	});

	it('refuses a store URL it cannot open, saying which ones it knows', async () => {
		await expect(
			serveVendor({port: 0, storeUrl: 'ftp://nowhere'}),
		).rejects.toThrow(/sqlite:\/\/PATH/);
	});
});
