/**
 * A French admin read why a contact failed in English: "Le serveur de licences est injoignable
 * (The license server at http://license-server.simulated cannot be reached: fetch failed (the
 * simulated network is offline))". The license-server client built English sentences and the
 * runtime put them inside the French ones. Now the client's failures carry their reason as
 * message data (`outcome.client-*`, `outcome.trust-*`), said in the admin's language; only the
 * URL, the path, the status, the system's error text and the server's own words stay raw.
 */
import {generateKeyPairSync} from 'node:crypto';
import {afterEach, describe, expect, it} from 'vitest';
import type {DemoController} from '../simulator/demo.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import type {Clock, Failure} from '../source/ports/index.js';
import {failureOutcome, type Outcome} from '../source/runtime/outcome.js';
import {createController} from './helpers/dashboard-world.js';
import {englishIn, FRENCH_DEMO} from './helpers/english-words.js';

let controller: DemoController | undefined;
afterEach(async () => {
	await controller?.dispose();
	controller = undefined;
});

/** The French demo, activated on day 0 (its first four steps), the network as given. */
async function frenchDemo(
	network: 'offline' | 'slow' | 'garbage' | 'error',
): Promise<DemoController> {
	controller = await createController(FRENCH_DEMO);
	for (let step = 0; step < 4; step++) await controller.stepScenario();
	await controller.jumpToDay(20);
	await controller.setNetwork(network);
	return controller;
}

/** Connect now, the clock moved on while it waits (a slow network answers after the timeout). */
async function connectNow(world: DemoController): Promise<Outcome> {
	const pending = world.runtime.connect();
	let outcome: Outcome | undefined;
	pending.then((done) => {
		outcome = done;
	});
	for (let tries = 0; outcome === undefined && tries < 20; tries++) {
		await world.advance(5_000);
	}
	return pending;
}

describe('the reason a contact failed, in the admin language', () => {
	it('french-contact-failure-says-no-english: offline, the network unplugged', async () => {
		// Given the French demo, the network cut on day 20
		const world = await frenchDemo('offline');
		// When the admin connects now
		const outcome = await connectNow(world);
		// Then the reason is French around the system's own text
		const fr = renderOutcome('fr', outcome);
		expect(fr).toBe(
			'Le serveur de licences est injoignable (le serveur de licences à http://license-server.simulated ne peut pas être joint : fetch failed (connect ENETUNREACH license-server.simulated)). Vérifiez le réseau et réessayez avec Se connecter maintenant ; les licences continuent de fonctionner pendant les délais de grâce.',
		);
		expect(englishIn(fr)).toEqual([]);
		// And the English reads as it did
		expect(renderOutcome('en', outcome)).toBe(
			'The license server could not be reached (The license server at http://license-server.simulated cannot be reached: fetch failed (connect ENETUNREACH license-server.simulated)). Check the network and try again with Connect now; licenses keep working during the grace periods.',
		);
	});

	it('french-contact-failure-says-no-english: a timeout, a slow network', async () => {
		const world = await frenchDemo('slow');
		const outcome = await connectNow(world);
		expect(outcome.code).toBe('timeout');
		const fr = renderOutcome('fr', outcome);
		expect(fr).toMatch(
			/^Le serveur de licences est injoignable \(le serveur de licences à http:\/\/license-server\.simulated n'a pas répondu à POST \/v1\/contact en \d+ s\)/,
		);
		expect(englishIn(fr)).toEqual([]);
		expect(renderOutcome('en', outcome)).toMatch(
			/^The license server could not be reached \(The license server at http:\/\/license-server\.simulated did not answer POST \/v1\/contact within \d+ s\)\. /,
		);
	});

	it('french-contact-failure-says-no-english: garbage answers, not JSON then altered', async () => {
		const world = await frenchDemo('garbage');
		// The garbage network spoils every answer, alternately two ways
		for (const expected of ['bad-response', 'bad-signature']) {
			const outcome = await connectNow(world);
			expect(['bad-response', 'bad-signature']).toContain(outcome.code);
			const fr = renderOutcome('fr', outcome);
			expect(fr, expected).toMatch(/^Le serveur de licences a répondu/);
			expect(englishIn(fr), fr).toEqual([]);
			expect(renderOutcome('en', outcome)).toMatch(
				/^The license server answered something that cannot be trusted \(The license server's/,
			);
		}
	});

	it('french-contact-failure-says-no-english: the server out of service (HTTP 503)', async () => {
		const world = await frenchDemo('error');
		const outcome = await connectNow(world);
		expect(outcome.code).toBe('http');
		const fr = renderOutcome('fr', outcome);
		expect(fr).toContain(
			'le serveur de licences a répondu à /v1/contact par HTTP 503 (service-unavailable: HTTP 503 Service Unavailable)',
		);
		expect(englishIn(fr)).toEqual([]);
	});
});

/** A client over a fetch that answers `response`, with a vendor key so it reads what comes. */
async function failureOf(
	response: () => Response,
	maxReplyBytes = 1024,
): Promise<Failure> {
	const clock: Clock = {
		now: () => 0,
		setTimeout: () => 0,
		clearTimeout: () => undefined,
	};
	const client = createHttpLicenseServer({
		baseUrl: 'http://license.test',
		clock,
		fetch: (async () => response()) as typeof fetch,
		maxReplyBytes,
		publicKey: generateKeyPairSync('ed25519').publicKey,
	});
	const reply = await client.contact({
		installationId: 'inst-1',
		fingerprint: 'fp',
		nonce: 'n1',
	});
	if (reply.ok) throw new Error('the contact was expected to fail');
	return reply.failure;
}

describe('the client reasons for a bad answer, in both languages', () => {
	const cases: Array<[string, () => Response, RegExp]> = [
		[
			'too-large',
			() => new Response('x'.repeat(4096)),
			/^The license server answered something that cannot be trusted \(The license server's answer to POST \/v1\/contact is larger than 1 KiB, the most this client reads: it was not read\)/,
		],
		[
			'too-large-announced',
			() =>
				new Response('x'.repeat(4096), {
					headers: {'content-length': '4096'},
				}),
			/\(The license server's answer to POST \/v1\/contact is larger than 1 KiB, the most this client reads( \(it announced 4096 bytes\))?: it was not read\)/,
		],
		[
			'not-json',
			() => new Response('{"document": <garbled'),
			/\(The license server's answer to \/v1\/contact is not JSON: "\{"document": <garbled"\)/,
		],
		[
			'empty-body',
			() => new Response(''),
			/\(The license server's answer to \/v1\/contact is not JSON: an empty body\)/,
		],
		[
			'header-unsigned',
			() => new Response(null, {headers: {'myq-document': 'not-a-document'}}),
			/header that is not a signed document \(base64url text, a dot, base64url signature\): "not-a-document"\)/,
		],
		[
			'forged-document',
			() =>
				Response.json({
					document: {payload: {type: 'myq-activation'}, signature: 'AAAA'},
				}),
			/\(The license server's document was refused: the signature is malformed\)/,
		],
	];
	for (const [name, response, english] of cases) {
		it(`client-reason-in-french: ${name}`, async () => {
			const failure = await failureOf(response);
			expect(failure.kind).not.toBe('rejected');
			if (failure.kind === 'rejected') return;
			const outcome = failureOutcome(failure);
			const fr = renderOutcome('fr', outcome);
			expect(englishIn(fr), fr).toEqual([]);
			expect(renderOutcome('en', outcome)).toMatch(english);
		});
	}
});
