/**
 * Issue 10, points 2 and 3, on the runtime over the simulated network: only a signed answer that
 * carries the contact's nonce is a successful contact (R14, R15), and only a signed refusal counts
 * as one (SPEC §4). A replayed document, a 404 everywhere, a proxy's page, a redirect to nowhere:
 * failed contacts, nothing else changes, and the admin is told why.
 */
import {HttpResponse, http} from 'msw';
import {afterEach, describe, expect, it} from 'vitest';
import {DAY, HOUR, type SignedDocument} from '../source/engine/types.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import {withDetail} from './helpers/log.js';
import {BASE_URL, CUSTOMER, createWorld, type World} from './helpers/world.js';

let world: World | undefined;

afterEach(async () => {
	await world?.dispose();
	world = undefined;
});

/** An installation running on a 5-device subscription and a 1-device perpetual license. */
async function runningWorld(): Promise<World> {
	const w = await createWorld();
	world = w;
	expect((await w.runtime.save(CUSTOMER, '')).ok).toBe(true);
	const keys = [
		await w.mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			termDays: 365,
		}),
		await w.mint({type: 'license', kind: 'perpetual', devices: 1}),
	];
	await w.runtime.save(null, keys.join(' '));
	expect(await w.runtime.activate()).toMatchObject({ok: true});
	return w;
}

/** Every request to `path` answered by `answer` (before the vendor's own app). */
function answerWith(w: World, path: string, answer: () => Response) {
	const seen = {count: 0};
	w.network.handlers.unshift(
		http.all(`${BASE_URL}${path}`, () => {
			seen.count += 1;
			return answer();
		}),
	);
	return seen;
}

describe('R14 R15 freshness: a contact carries a nonce its answer must carry back (issue 10, point 2)', () => {
	it('replayed-old-document-does-not-clear-clock-tampered', async () => {
		// Given an installation whose activation answer someone kept
		const w = await runningWorld();
		const old = w.runtime.snapshot().state.document as SignedDocument;
		expect(old.payload.nonce).toMatch(/^[\w-]{22}$/);

		// When, ten days on, the clock is set back three days (R15)
		await w.advance(10 * DAY);
		w.clock.shift(-3 * DAY);
		await w.runtime.observe();
		expect(w.runtime.snapshot().state.clock.tamperedAt).not.toBeNull();
		const lastSuccessAt = w.runtime.snapshot().state.server.lastSuccessAt;

		// And a server answers the contact with the installation's old signed document
		const replays = answerWith(w, '/v1/contact', () =>
			HttpResponse.json({document: old}),
		);
		const outcome = await w.runtime.connect();

		// Then the contact failed: the time is not confirmed, and the admin sees both why
		expect(replays.count).toBe(1);
		expect(outcome).toMatchObject({ok: false, code: 'stale'});
		expect(renderOutcome('en', outcome)).toMatch(
			/^The license server's answer is not fresh \(.*carries another nonce than the one this contact sent/,
		);
		const {state, evaluation} = w.runtime.snapshot();
		expect(state.clock.tamperedAt).not.toBeNull();
		expect(state.server.lastSuccessAt).toBe(lastSuccessAt);
		expect(evaluation.banners.map((banner) => banner.id)).toEqual([
			'server-unreachable',
			'clock-tampered',
		]);
		expect(withDetail(state.log.at(-1))).toMatchObject({
			type: 'contact-failed',
			detail: expect.stringContaining('not made for this contact'),
		});
	});

	it('a fresh answer confirms the time only once the clock is right; its issue time becomes the high-water mark', async () => {
		const w = await runningWorld();
		await w.advance(10 * DAY);
		w.clock.shift(-3 * DAY);
		await w.runtime.observe();

		// The real server answers, fresh: but the clock is still three days behind its time, and
		// Connect now says so (it said "licenses are up to date" beside the clock banner).
		const held = await w.runtime.connect();
		expect(held).toMatchObject({
			ok: true,
			code: 'connected-clock-behind',
		});
		expect(renderOutcome('fr', held)).toBe(
			"Connecté au serveur de licences, mais l'horloge de ce serveur a encore 3 jours de retard sur son heure : l'heure n'est pas confirmée, aucun abonnement ne compte. Remettez l'horloge à l'heure, puis reconnectez-vous.",
		);
		let state = w.runtime.snapshot().state;
		expect(state.clock).toMatchObject({highWater: w.clock.now()});
		expect(state.clock.tamperedAt).not.toBeNull();
		expect(withDetail(state.log.at(-1))?.detail).toBe(
			"the license server's time is 3 days ahead of this clock: the time is not confirmed; set the clock right, then connect again",
		);

		// The admin puts the clock right: the next fresh answer confirms it.
		w.clock.shift(3 * DAY);
		await w.advance(HOUR);
		expect(await w.runtime.connect()).toMatchObject({
			ok: true,
			code: 'connected',
		});
		state = w.runtime.snapshot().state;
		expect(state.clock).toEqual({highWater: w.clock.now(), tamperedAt: null});
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity: 6,
			banners: [],
		});
	});

	it('a refusal the server signed with the nonce is a successful contact and confirms the time', async () => {
		// Given a clock set back two hours, then put right (still to be confirmed, R15)
		const w = await runningWorld();
		await w.advance(DAY);
		w.clock.shift(-2 * HOUR);
		await w.runtime.observe();
		w.clock.shift(2 * HOUR);
		expect(w.runtime.snapshot().state.clock.tamperedAt).not.toBeNull();
		// And an installation activated 30 times this hour (a copied installation, say: its
		// store, and the secret in it, copied too)
		const {installationId} = w.runtime;
		const fingerprint = w.runtime.snapshot().state.hardware.current!;
		const stored = await w.store.load();
		const {installationSecret} = (
			stored.kind === 'loaded' ? stored.value : {}
		) as {installationSecret?: string};
		for (let i = 0; i < 30; i++) {
			await w.vendor.service.activate({
				installationId,
				fingerprint,
				keys: [],
				installationSecret,
			});
		}

		// When Activate is refused: 429, signed for this contact
		const outcome = await w.runtime.activate();

		// Then the server was reached, and its time confirms the clock
		expect(outcome).toMatchObject({ok: false, code: 'rate-limited'});
		const {server, clock} = w.runtime.snapshot().state;
		expect(server).toMatchObject({
			lastSuccessAt: w.clock.now(),
			unreachableSince: null,
		});
		expect(clock).toEqual({highWater: w.clock.now(), tamperedAt: null});
	});
});

describe('SPEC §4: only a signed refusal is a successful contact (issue 10, point 3)', () => {
	/** The installation after a first failed contact: server-unreachable shows. */
	async function unreachableWorld(): Promise<World> {
		const w = await runningWorld();
		await w.advance(DAY);
		w.network.setState('offline');
		expect(await w.runtime.connect()).toMatchObject({ok: false});
		w.network.setState('online');
		expect(bannerIds(w)).toEqual(['server-unreachable']);
		return w;
	}

	const bannerIds = (w: World) =>
		w.runtime.snapshot().evaluation.banners.map((banner) => banner.id);

	it.each([
		[
			'wrong-url-404-everywhere',
			() =>
				HttpResponse.json(
					{
						error: {
							code: 'not-found',
							message: 'There is no POST /api/v1/contact',
						},
					},
					{status: 404},
				),
			'nothing answers there (HTTP 404) where its API should be',
			"rien n'y répond (HTTP 404) là où son API devrait être",
		],
		[
			'wrong-url-proxy-html-page',
			() =>
				new HttpResponse(
					'<html><body>Please log in to the proxy</body></html>',
					{
						status: 200,
						headers: {'content-type': 'text/html'},
					},
				),
			'it answers with a web page (HTTP 200), as a proxy or a web site does',
			'elle répond par une page web (HTTP 200), comme le fait un proxy ou un site web',
		],
		[
			'wrong-url-redirect-to-nowhere',
			() =>
				new HttpResponse(null, {
					status: 302,
					headers: {location: 'http://nowhere.invalid/v1/contact'},
				}),
			'it redirects elsewhere (HTTP 302), which a license server never does',
			'elle redirige ailleurs (HTTP 302), ce que ne fait jamais un serveur de licences',
		],
	])(
		'%s: a failed contact that says the URL looks wrong; lastSuccessAt stays, server-unreachable stays',
		async (_name, answer, en, fr) => {
			const w = await unreachableWorld();
			const before = w.runtime.snapshot().state;
			answerWith(w, '/*', answer);

			const outcome = await w.runtime.connect();

			expect(outcome).toMatchObject({ok: false, code: 'wrong-url'});
			expect(renderOutcome('en', outcome)).toBe(
				`${BASE_URL} does not look like a license server: ${en}. The URL looks wrong: check --server (or MYQ_LICENSE_SERVER); a license server's address has no path, like https://licensing.example.com. Nothing was changed; licenses keep working during the grace periods.`,
			);
			expect(renderOutcome('fr', outcome)).toContain(
				`${BASE_URL} ne ressemble pas à un serveur de licences : ${fr}. L'adresse semble fausse`,
			);
			const {state} = w.runtime.snapshot();
			expect(state.server.lastSuccessAt).toBe(before.server.lastSuccessAt);
			expect(state.server.unreachableSince).toBe(
				before.server.unreachableSince,
			);
			expect(state.document).toBe(before.document);
			expect(bannerIds(w)).toEqual(['server-unreachable']);
			expect(withDetail(state.log.at(-1))).toMatchObject({
				type: 'contact-failed',
				detail: expect.stringContaining('does not look like a license server'),
			});

			// Activate says the same, without sending the admin to manual activation.
			const activation = await w.runtime.activate();
			expect(activation).toMatchObject({ok: false, code: 'wrong-url'});
			expect(renderOutcome('en', activation)).not.toContain('manual');
		},
	);

	it('an unsigned refusal with a precise code is a failed contact too', async () => {
		const w = await unreachableWorld();
		const before = w.runtime.snapshot().state;
		answerWith(w, '/v1/contact', () =>
			HttpResponse.json(
				{error: {code: 'revoked', message: 'revoked, says a proxy'}},
				{status: 403},
			),
		);
		expect(await w.runtime.connect()).toMatchObject({ok: false, code: 'http'});
		expect(w.runtime.snapshot().state.server).toEqual({
			...before.server,
			lastFailureAt: w.clock.now(),
			lastFailure: expect.stringContaining('HTTP 403'),
		});
	});
});
