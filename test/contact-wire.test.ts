/**
 * The contact on the wire (README "The contact on the wire", issue 16): its fields in the query
 * of `POST /v1/contact`, no body, since a body cost a stream, MSW's copy of it and Hono's read at
 * every daily contact. A JSON body from an earlier client is still read; both at once, or a
 * field twice, is refused; fields too long for a URL go as a JSON body.
 */
import {describe, expect, it} from 'vitest';
import {createManualClock} from '../simulator/clock.js';
import {createSimulatedLicenseServer} from '../simulator/world.js';
import {
	contactQuery,
	createHttpLicenseServer,
	MAX_CONTACT_QUERY,
} from '../source/adapters/http-license-server.js';
import {importPublicKey} from '../source/signing/index.js';

const START = Date.UTC(2027, 0, 4, 9);
const BASE_URL = 'http://license.test';

type Sent = {
	method: string;
	url: URL;
	body: string;
	contentType: string | null;
};

/** A vendor with one activated installation, and a client whose requests are kept. */
async function activated(installationId = 'inst-1', fingerprint = 'fp-a') {
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
	await vendor.service.activate({
		installationId,
		fingerprint,
		keys: [key],
		customer: null,
		nonce: 'nonce-0',
	});
	const sent: Sent[] = [];
	const client = createHttpLicenseServer({
		baseUrl: BASE_URL,
		clock,
		fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
			const request = new Request(input, init);
			sent.push({
				method: request.method,
				url: new URL(request.url),
				body: await request.clone().text(),
				contentType: request.headers.get('content-type'),
			});
			return network.fetch(input, init);
		}) as typeof fetch,
		publicKey: importPublicKey(vendor.publicKey),
	});
	/** Sends `init` to /v1/contact`query` on the simulated network, as any client could. */
	const post = async (query: string, init: RequestInit = {}) => {
		const response = await network.fetch(`${BASE_URL}/v1/contact${query}`, {
			method: 'POST',
			...init,
		});
		return {status: response.status, json: await response.json()};
	};
	return {vendor, client, sent, post};
}

describe('the contact on the wire: fields in the query, no body (issue 16)', () => {
	it('contact-fields-in-query-no-body: the client sends installationId, fingerprint and nonce in the query and no body', async () => {
		const world = await activated();
		const reply = await world.client.contact({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			nonce: 'nonce-1',
		});
		expect(reply).toMatchObject({
			ok: true,
			value: {payload: {nonce: 'nonce-1'}},
		});
		expect(world.sent).toHaveLength(1);
		const [sent] = world.sent;
		expect(sent?.method).toBe('POST');
		expect(sent?.url.pathname).toBe('/v1/contact');
		expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			nonce: 'nonce-1',
		});
		expect(sent?.body).toBe('');
		expect(sent?.contentType).toBeNull();
	});

	it('contact-query-carries-any-character: & = + % spaces and accents in an id reach the server as they are', async () => {
		const installationId = 'inst &a=b+c%20 é/?#';
		const world = await activated(installationId, 'fp a+b');
		const reply = await world.client.contact({
			installationId,
			fingerprint: 'fp a+b',
			nonce: 'n+/=',
		});
		expect(reply).toMatchObject({
			ok: true,
			value: {payload: {installationId, fingerprint: 'fp a+b', nonce: 'n+/='}},
		});
	});

	it('contact-json-body-still-read: a JSON body, as earlier clients send it, is answered the same', async () => {
		const world = await activated();
		const answer = await world.post('', {
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({
				installationId: 'inst-1',
				fingerprint: 'fp-a',
				nonce: 'old-client',
			}),
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			document: {payload: {installationId: 'inst-1', nonce: 'old-client'}},
		});
	});

	it('contact-query-and-body-refused: fields in the query and a body too are a bad request, not one of them ignored', async () => {
		const world = await activated();
		const answer = await world.post('?installationId=inst-1&fingerprint=fp-a', {
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({installationId: 'someone-else', fingerprint: 'x'}),
		});
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({error: {code: 'bad-request'}});
	});

	it('contact-field-twice-refused: a field given twice in the query is a bad request', async () => {
		const world = await activated();
		const answer = await world.post(
			'?installationId=inst-1&installationId=inst-2&fingerprint=fp-a',
		);
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({
			error: {code: 'bad-request', field: 'installationId'},
		});
	});

	it('contact-query-validated-like-the-body: a query field out of bounds is refused as the body field would be', async () => {
		const world = await activated();
		const answer = await world.post(
			`?installationId=inst-1&fingerprint=fp-a&nonce=${'n'.repeat(65)}`,
		);
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({
			error: {code: 'bad-request', field: 'nonce'},
		});
	});

	it('contact-too-long-for-a-url-goes-as-body: fields whose query would pass the limit are sent as a JSON body', async () => {
		const fingerprint = 'é'.repeat(900);
		expect(
			contactQuery({installationId: 'inst-1', fingerprint, nonce: 'n'}),
		).toBeNull();
		expect(
			contactQuery({installationId: 'inst-1', fingerprint: 'fp', nonce: 'n'})
				?.length,
		).toBeLessThan(MAX_CONTACT_QUERY);
		const world = await activated('inst-1', fingerprint);
		const reply = await world.client.contact({
			installationId: 'inst-1',
			fingerprint,
			nonce: 'nonce-long',
		});
		expect(reply).toMatchObject({ok: true, value: {payload: {fingerprint}}});
		const [sent] = world.sent;
		expect(sent?.url.search).toBe('');
		expect(JSON.parse(sent?.body ?? '')).toEqual({
			installationId: 'inst-1',
			fingerprint,
			nonce: 'nonce-long',
		});
	});
});
