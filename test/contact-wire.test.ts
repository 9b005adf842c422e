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
	DOCUMENT_HEADER,
	decodeDocumentHeader,
	MAX_DOCUMENT_HEADER,
	prefersDocumentHeader,
} from '../source/adapters/contact-wire.js';
import {
	contactQuery,
	createHttpLicenseServer,
	MAX_CONTACT_QUERY,
} from '../source/adapters/http-license-server.js';
import type {SignedDocument} from '../source/engine/types.js';
import {
	canonicalJson,
	importPublicKey,
	verify,
} from '../source/signing/index.js';

const START = Date.UTC(2027, 0, 4, 9);
const BASE_URL = 'http://license.test';

type Sent = {
	method: string;
	url: URL;
	body: string;
	contentType: string | null;
	prefer: string | null;
};

type Answered = {
	status: number;
	documentHeader: string | null;
	preferenceApplied: string | null;
	body: string;
};

/**
 * A vendor with one activated installation (one license, or `licenses` of an installation key),
 * and a client whose requests and answers are kept; `alter` changes an answer on its way back.
 */
async function activated(
	installationId = 'inst-1',
	fingerprint = 'fp-a',
	options: {licenses?: number; alter?: (answer: Response) => Response} = {},
) {
	const clock = createManualClock(START);
	const {vendor, network} = await createSimulatedLicenseServer({
		clock,
		baseUrl: BASE_URL,
	});
	const subscription = {
		kind: 'subscription' as const,
		devices: 5,
		termDays: 30,
		autoRenew: true,
	};
	const {key} = await vendor.service.mint(
		options.licenses === undefined
			? {type: 'license', ...subscription}
			: {
					type: 'installation',
					licenses: Array.from({length: options.licenses}, () => subscription),
				},
	);
	await vendor.service.activate({
		installationId,
		fingerprint,
		keys: [key],
		customer: null,
		nonce: 'nonce-0',
	});
	const sent: Sent[] = [];
	const answered: Answered[] = [];
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
				prefer: request.headers.get('prefer'),
			});
			const answer = await network.fetch(input, init);
			answered.push({
				status: answer.status,
				documentHeader: answer.headers.get(DOCUMENT_HEADER),
				preferenceApplied: answer.headers.get('preference-applied'),
				body: await answer.clone().text(),
			});
			return options.alter?.(answer) ?? answer;
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
	return {vendor, client, sent, answered, post};
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

describe('the contact answer in a header: no body to stream (issue 16)', () => {
	const ask = {installationId: 'inst-1', fingerprint: 'fp-a', nonce: 'nonce-h'};

	it('contact-document-in-header: the client prefers it, the server answers 200 with the signed document in MyQ-Document and no body', async () => {
		const world = await activated();
		const reply = await world.client.contact(ask);
		expect(reply).toMatchObject({
			ok: true,
			value: {payload: {nonce: 'nonce-h'}},
		});
		expect(world.sent[0]?.prefer).toBe('document-in-header');
		const [answer] = world.answered;
		expect(answer?.status).toBe(200);
		expect(answer?.body).toBe('');
		expect(answer?.preferenceApplied).toBe('document-in-header');
		const decoded = decodeDocumentHeader(answer?.documentHeader ?? '');
		expect(decoded).not.toBeNull();
		const document = {
			payload: JSON.parse(decoded?.payloadText ?? ''),
			signature: decoded?.signature,
		} as SignedDocument;
		// The payload as the vendor signed it: its canonical JSON, byte for byte.
		expect(decoded?.payloadText).toBe(canonicalJson(document.payload));
		expect(document.payload.nonce).toBe('nonce-h');
		expect(verify(document, importPublicKey(world.vendor.publicKey)).ok).toBe(
			true,
		);
	});

	it('contact-document-in-body-unless-asked: a client that does not prefer the header (earlier versions) gets 200 {document}', async () => {
		const world = await activated();
		const answer = await world.post(
			'?installationId=inst-1&fingerprint=fp-a&nonce=old',
		);
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({document: {payload: {nonce: 'old'}}});
	});

	it('contact-long-document-in-body: a document too long for a header goes in the body, and the client reads it there', async () => {
		const world = await activated('inst-1', 'fp-a', {licenses: 12});
		const reply = await world.client.contact(ask);
		expect(reply.ok && reply.value.payload.licenses).toHaveLength(12);
		const [answer] = world.answered;
		expect(answer?.documentHeader).toBeNull();
		const body = JSON.parse(answer?.body ?? '') as {document: SignedDocument};
		expect(
			Buffer.from(canonicalJson(body.document.payload)).toString('base64url')
				.length,
		).toBeGreaterThan(MAX_DOCUMENT_HEADER);
	});

	it('contact-header-document-altered-refused: a document changed in its header on the way is refused as a bad signature, nothing kept', async () => {
		const world = await activated('inst-1', 'fp-a', {
			alter(answer) {
				const decoded = decodeDocumentHeader(
					answer.headers.get(DOCUMENT_HEADER) ?? '',
				);
				const payload = JSON.parse(
					decoded?.payloadText ?? '',
				) as SignedDocument['payload'];
				const altered = {
					...payload,
					licenses: payload.licenses.map((grant) => ({
						...grant,
						devices: grant.devices + 100,
					})),
				};
				const headers = new Headers(answer.headers);
				headers.set(
					DOCUMENT_HEADER,
					`${Buffer.from(canonicalJson(altered)).toString('base64url')}.${Buffer.from(decoded?.signature ?? '', 'base64').toString('base64url')}`,
				);
				return new Response(null, {status: 200, headers});
			},
		});
		const reply = await world.client.contact(ask);
		expect(reply).toMatchObject({ok: false, failure: {kind: 'bad-signature'}});
	});

	it('contact-header-not-a-signed-text-refused: a header that is not base64url text, a dot and a base64url signature is a bad answer, said as such', async () => {
		const world = await activated('inst-1', 'fp-a', {
			alter: (answer) =>
				new Response(null, {
					status: 200,
					headers: {
						[DOCUMENT_HEADER]: `${answer.headers.get(DOCUMENT_HEADER)}{not base64}`,
					},
				}),
		});
		const reply = await world.client.contact(ask);
		expect(reply).toMatchObject({
			ok: false,
			failure: {kind: 'bad-response', message: /MyQ-Document header/},
		});
	});

	it('contact-header-preference-parsed: Prefer lists preferences separated by commas, names in any case, with parameters', () => {
		expect(prefersDocumentHeader('document-in-header')).toBe(true);
		expect(
			prefersDocumentHeader('respond-async, Document-In-Header; x=1'),
		).toBe(true);
		expect(prefersDocumentHeader('return=minimal')).toBe(false);
		expect(prefersDocumentHeader('document-in-header-not')).toBe(false);
		expect(prefersDocumentHeader(null)).toBe(false);
		expect(prefersDocumentHeader(undefined)).toBe(false);
	});
});
