import {getResponse} from 'msw';
import {describe, expect, it} from 'vitest';
import {createManualClock} from '../simulator/clock.js';
import {createSimulatedLicenseServer} from '../simulator/world.js';
import type {ActivationDocument} from '../source/engine/types.js';
import type {createVendor} from '../source/license-server/index.js';
import {importPublicKey, verify} from '../source/signing/index.js';

const START = Date.UTC(2027, 0, 4, 9);
const BASE_URL = 'http://license.test';

async function setup(slowMs?: number) {
	const clock = createManualClock(START);
	const {vendor, network} = await createSimulatedLicenseServer({
		clock,
		baseUrl: BASE_URL,
		...(slowMs === undefined ? {} : {slowMs}),
	});
	return {clock, vendor, network};
}

/** An installation with one license, activated over the network, for contacts to answer. */
async function activated(vendor: Awaited<ReturnType<typeof createVendor>>) {
	const {key} = await vendor.service.mint({
		type: 'license',
		kind: 'perpetual',
		devices: 3,
	});
	await vendor.service.activate({
		installationId: 'inst-1',
		fingerprint: 'fp-a',
		keys: [key],
	});
}

const contactInit: RequestInit = {
	method: 'POST',
	headers: {'content-type': 'application/json'},
	body: JSON.stringify({installationId: 'inst-1', fingerprint: 'fp-a'}),
};

describe('simulated network (SPEC §5 network states)', () => {
	it('online: requests reach the vendor app', async () => {
		const {network, vendor} = await setup();
		expect(network.state()).toBe('online');
		const response = await network.fetch(`${BASE_URL}/v1/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			ok: true,
			publicKey: vendor.publicKey,
			database: {engine: 'sqlite', reachable: true},
		});
	});

	it('offline: fetch rejects with a TypeError, like real fetch with no network', async () => {
		const {network} = await setup();
		network.setState('offline');
		expect(network.state()).toBe('offline');
		await expect(network.fetch(`${BASE_URL}/v1/health`)).rejects.toBeInstanceOf(
			TypeError,
		);
		// the handler itself answers with a network error response
		const raw = await getResponse(
			network.handlers,
			new Request(`${BASE_URL}/v1/health`),
		);
		expect(raw?.type).toBe('error');
	});

	it('error: the license server answers 503 with a JSON error', async () => {
		const {network} = await setup();
		network.setState('error');
		const response = await network.fetch(`${BASE_URL}/v1/health`);
		expect(response.status).toBe(503);
		expect(await response.json()).toMatchObject({
			error: {code: 'service-unavailable'},
		});
	});

	it('slow: the answer comes only after slowMs on the injected clock', async () => {
		const {network, clock} = await setup(60_000);
		network.setState('slow');
		let answered: Response | undefined;
		const pending = network.fetch(`${BASE_URL}/v1/health`).then((response) => {
			answered = response;
		});

		await clock.tickAsync(59_999);
		expect(answered).toBeUndefined();
		await clock.tickAsync(1);
		await pending;
		expect(answered?.status).toBe(200);
	});

	it('slow: a caller that gives up gets an AbortError at once, and no timer is left behind', async () => {
		const {network, clock} = await setup();
		network.setState('slow');
		const controller = new AbortController();
		const pending = network.fetch(`${BASE_URL}/v1/health`, {
			signal: controller.signal,
		});
		await clock.tickAsync(1_000);
		expect(clock.countTimers()).toBe(1);

		controller.abort();

		await expect(pending).rejects.toMatchObject({name: 'AbortError'});
		expect(clock.countTimers()).toBe(0);
	});

	it('garbage: alternately a body that is not JSON and a document whose signature fails', async () => {
		const {network, vendor} = await setup();
		await activated(vendor);
		network.setState('garbage');
		const publicKey = importPublicKey(vendor.publicKey);

		const first = await network.fetch(`${BASE_URL}/v1/contact`, contactInit);
		expect(first.status).toBe(200);
		await expect(first.clone().json()).rejects.toThrow();

		const second = await network.fetch(`${BASE_URL}/v1/contact`, contactInit);
		const {document} = (await second.json()) as {
			document: {payload: ActivationDocument; signature: string};
		};
		expect(document.payload).toMatchObject({
			type: 'myq-activation',
			installationId: 'inst-1',
			fingerprint: 'fp-a',
		});
		expect(verify(document, publicKey)).toMatchObject({ok: false});

		const third = await network.fetch(`${BASE_URL}/v1/contact`, contactInit);
		await expect(third.json()).rejects.toThrow();

		// back online, the same request verifies: only the answer was spoiled
		network.setState('online');
		const clean = (await (
			await network.fetch(`${BASE_URL}/v1/contact`, contactInit)
		).json()) as {document: unknown};
		expect(verify(clean.document, publicKey).ok).toBe(true);
	});

	it('garbage: a document in the answer header (README "The contact on the wire") is altered there, its signature then fails', async () => {
		const {network, vendor} = await setup();
		await activated(vendor);
		network.setState('garbage');
		const init: RequestInit = {
			method: 'POST',
			headers: {prefer: 'document-in-header'},
		};
		const url = `${BASE_URL}/v1/contact?installationId=inst-1&fingerprint=fp-a`;
		await network.fetch(url, init);
		const second = await network.fetch(url, init);
		expect(await second.text()).toBe('');
		const [payloadText = '', signature = ''] = (
			second.headers.get('MyQ-Document') ?? ''
		).split('.');
		const document = {
			payload: JSON.parse(
				Buffer.from(payloadText, 'base64url').toString('utf8'),
			) as ActivationDocument,
			signature: Buffer.from(signature, 'base64url').toString('base64'),
		};
		expect(document.payload).toMatchObject({installationId: 'inst-1'});
		expect(verify(document, importPublicKey(vendor.publicKey)).ok).toBe(false);
	});

	it('garbage: an answer without a document is replaced by a forged one', async () => {
		const {network, vendor} = await setup();
		network.setState('garbage');
		await network.fetch(`${BASE_URL}/v1/public-key`);
		const forged = (await (
			await network.fetch(`${BASE_URL}/v1/public-key`)
		).json()) as {document: unknown};
		expect(verify(forged.document, importPublicKey(vendor.publicKey)).ok).toBe(
			false,
		);
	});

	it('a URL outside the license server fails like an unreachable host', async () => {
		const {network} = await setup();
		await expect(
			network.fetch('http://elsewhere.test/v1/health'),
		).rejects.toBeInstanceOf(TypeError);
	});

	it('matches what http.all(BASE/*) matched: any method and path under the server, no look-alike host (issue 16: its own handler)', async () => {
		const {network} = await setup();
		const answered = async (url: string, method = 'GET') =>
			(await getResponse(network.handlers, new Request(url, {method})))?.status;
		expect(await answered(`${BASE_URL}/v1/health`)).toBe(200);
		expect(await answered(`${BASE_URL}/v1/health?x=1#y`)).toBe(200);
		expect(await answered(`${BASE_URL}/`)).toBe(404);
		expect(await answered(BASE_URL)).toBe(404);
		expect(await answered(`${BASE_URL}/v1/contact`, 'DELETE')).toBe(404);
		expect(await answered('http://LICENSE.test/v1/health')).toBe(200);
		expect(await answered('http://license.test.evil/v1/health')).toBe(
			undefined,
		);
		expect(await answered('http://license.testx/v1/health')).toBe(undefined);
		expect(await answered('https://license.test/v1/health')).toBe(undefined);
	});

	it("runs its handler as MSW does, minus what it never uses (issue 16): a body-less request is handed on as it is, a request with a body as a copy MSW's listeners can still read after the server read the original", async () => {
		const {network, vendor} = await setup();
		await activated(vendor);
		const [handler] = network.handlers;
		const get = new Request(`${BASE_URL}/v1/health`);
		const got = await handler!.run({request: get, requestId: 'get-1'});
		expect(got?.request).toBe(get);
		expect(got?.handler).toBe(handler);
		expect(got?.requestId).toBe('get-1');
		expect(got?.response?.status).toBe(200);
		expect(handler!.isUsed).toBe(true);
		const post = new Request(`${BASE_URL}/v1/contact`, contactInit);
		const posted = await handler!.run({request: post, requestId: 'post-1'});
		expect(posted?.response?.status).toBe(200);
		expect(post.bodyUsed).toBe(true);
		expect(posted?.request).not.toBe(post);
		expect(await posted?.request.json()).toEqual({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
		});
		expect(
			await handler!.run({
				request: new Request('http://elsewhere.test/v1/health'),
				requestId: 'other-1',
			}),
		).toBeNull();
	});

	it('does not intercept the global fetch', async () => {
		const before = globalThis.fetch;
		await setup();
		expect(globalThis.fetch).toBe(before);
	});

	// Its speed is `npm run bench`'s (the ten-year replay figure): no test asserts wall time.
	it('answers the 3,650 contacts of a 10-year simulation, one after the other', async () => {
		const {network, vendor} = await setup();
		await activated(vendor);
		const statuses = new Map<number, number>();
		for (let day = 0; day < 3_650; day++) {
			const response = await network.fetch(
				`${BASE_URL}/v1/contact`,
				contactInit,
			);
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			await response.arrayBuffer();
		}
		expect(Object.fromEntries(statuses)).toEqual({200: 3_650});
	});
});
