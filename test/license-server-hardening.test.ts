/**
 * Issue 6, license server hardening: churn limits on activations (per key, per installation),
 * the bounded body size, and the admin token checks. The tests drive the vendor's own Hono app
 * on an injected clock; the last ones go through the HTTP client and the runtime.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {createManualClock} from '../simulator/clock.js';
import {createSimulatedLicenseServer} from '../simulator/world.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {mintKey} from '../source/engine/keys.js';
import {type ActivationDocument, HOUR} from '../source/engine/types.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import {
	createVendor,
	DEFAULT_ACTIVATION_LIMITS,
	DEFAULT_MAX_BODY_BYTES,
	RateLimitedError,
	type VendorOptions,
} from '../source/license-server/index.js';
import {createActivationLimiter} from '../source/license-server/rate-limit.js';
import {openSqlStore} from '../source/license-server/sql/store.js';
import {importPublicKey, verify} from '../source/signing/index.js';
import {callVendor, type VendorReply} from './helpers/license-server.js';
import {withDetail} from './helpers/log.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

const START = Date.UTC(2027, 0, 4, 9);
const MINUTE = 60_000;
const TOKEN = 'hardening-secret';
const PERPETUAL = {type: 'license', kind: 'perpetual', devices: 2} as const;

type Reply = VendorReply<
	{error?: {code: string; message: string; retryAt?: string}} & Record<
		string,
		unknown
	>
>;

async function setup(options: Partial<VendorOptions> = {}) {
	const time = {now: START};
	const vendor = await createVendor({
		now: () => time.now,
		token: TOKEN,
		...options,
	});
	const publicKey = importPublicKey(vendor.publicKey);

	const call = (
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<Reply> =>
		callVendor<Reply['body']>(vendor, method, path, body, headers);
	const admin = (method: string, path: string, body?: unknown) =>
		call(method, path, body, {authorization: `Bearer ${TOKEN}`});
	const mint = async () => (await vendor.service.mint(PERPETUAL)).key;
	const activate = (
		installationId: string,
		fingerprint: string,
		keys: string[] = [],
		installationSecret?: unknown,
	) =>
		call('POST', '/v1/activate', {
			installationId,
			fingerprint,
			keys,
			customer: null,
			...(installationSecret === undefined ? {} : {installationSecret}),
		});
	/** The fingerprint the installation's licenses are bound to, as a contact shows it. */
	async function boundTo(installationId: string): Promise<string> {
		const reply = await call('POST', '/v1/contact', {
			installationId,
			fingerprint: 'whoever',
		});
		const verified = verify<ActivationDocument>(reply.body.document, publicKey);
		if (!verified.ok) throw new Error(verified.reason);
		return verified.value.payload.fingerprint;
	}
	return {vendor, time, call, admin, mint, activate, boundTo};
}

describe('churn limits: a sliding window per key and per installation', () => {
	it('the limiter allows `limit` activations per window and says when the next one fits', async () => {
		const store = await openSqlStore('memory:');
		const limiter = createActivationLimiter({
			perInstallation: 3,
			perKey: 100,
			windowMs: HOUR,
		});
		const attempt = (at: number, id = 'a') =>
			store
				.transaction(async (tx) => {
					await limiter.check(tx, id, [], at);
					await limiter.count(tx, id, [], at);
					return 'ok';
				})
				.catch((error: unknown) => error);
		for (const minute of [0, 10, 20]) {
			expect(await attempt(START + minute * MINUTE)).toBe('ok');
		}
		// The 4th within the hour is refused until the first hit leaves the window.
		expect(await attempt(START + 30 * MINUTE)).toMatchObject({
			code: 'rate-limited',
			retryAt: START + HOUR,
		});
		expect(await attempt(START + HOUR - 1)).toBeInstanceOf(RateLimitedError);
		expect(await attempt(START + HOUR)).toBe('ok');
		// Other ids have their own count.
		expect(await attempt(START + HOUR, 'b')).toBe('ok');
		await store.close();
	});

	it('hits that left the window are deleted: the table holds one window of traffic', async () => {
		const store = await openSqlStore('memory:');
		const limiter = createActivationLimiter({windowMs: HOUR});
		const ids = Array.from({length: 1000}, (_, i) => `installation-${i}`);
		await store.transaction(async (tx) => {
			for (const id of ids) await limiter.count(tx, id, [], START);
		});
		const count = (subjects: string[]) =>
			store.transaction(async (tx) => (await tx.recentHits(subjects, 0)).size);
		expect(await count(ids.map((id) => `installation:${id}`))).toBe(1000);
		await store.transaction((tx) =>
			limiter.count(tx, 'later', [], START + 2 * HOUR),
		);
		expect(await count(ids.map((id) => `installation:${id}`))).toBe(0);
		await store.close();
	});

	it('a flood of made-up installation ids stores nothing and counts nothing (issue 11: memory grew without bound)', async () => {
		const store = await openSqlStore('memory:');
		const {mint, activate} = await setup({store});
		const taken = await mint();
		await activate('owner', 'fp-a', [taken]);
		const ids = Array.from({length: 2000}, (_, i) => `made-up-${i}`);
		for (const id of ids) {
			const reply = await activate(id, `fp-${id}`, [taken, 'NOT-A-KEY']);
			expect(reply.status).toBe(200);
		}
		for (const id of ids.slice(0, 50)) {
			expect(await store.installation(id)).toBeUndefined();
		}
		const hits = await store.transaction((tx) =>
			tx.recentHits(
				ids.map((id) => `installation:${id}`),
				0,
			),
		);
		expect(hits.size).toBe(0);
		await store.close();
	});

	it('the defaults: 10 activations per key and 30 per installation, per hour', () => {
		expect(DEFAULT_ACTIVATION_LIMITS).toEqual({
			perKey: 10,
			perInstallation: 30,
			windowMs: HOUR,
		});
	});
});

describe('churn limits on POST /v1/activate (issue 6)', () => {
	it('per key: the 11th activation of a key within an hour gets 429 rate-limited, saying when to retry; nothing changes', async () => {
		const {time, mint, activate, boundTo} = await setup();
		const key = await mint();
		// Ten activations of the same key, from ten machines, one every 5 minutes: all answered.
		for (let i = 0; i < 10; i++) {
			time.now = START + i * 5 * MINUTE;
			expect((await activate('inst-1', `fp-${i}`, [key])).status).toBe(200);
		}
		time.now = START + 50 * MINUTE;

		const refused = await activate('inst-1', 'fp-10', [key]);

		expect(refused.status).toBe(429);
		expect(refused.body.error?.code).toBe('rate-limited');
		const message = refused.body.error?.message ?? '';
		expect(message).toContain(key);
		expect(message).toContain('10 times in the last hour');
		// The first activation leaves the window at START + 1 h: that is when to retry.
		expect(message).toContain(
			`Try again after ${new Date(START + HOUR).toISOString()} (in 10 minutes)`,
		);
		expect(refused.body.error?.retryAt).toBe(
			new Date(START + HOUR).toISOString(),
		);
		expect(refused.headers.get('retry-after')).toBe(String(10 * 60));
		// Nothing changed: still bound to the machine of the 10th activation.
		expect(await boundTo('inst-1')).toBe('fp-9');

		// At the time given, it works again.
		time.now = START + HOUR;
		expect((await activate('inst-1', 'fp-10', [key])).status).toBe(200);
		expect(await boundTo('inst-1')).toBe('fp-10');
	});

	it('per installation: the 31st reactivation within an hour gets 429; other installations are not affected', async () => {
		const {time, mint, activate, boundTo} = await setup();
		const secret = 'secret-of-inst-1-'.padEnd(43, 'x');
		const other = 'secret-of-inst-2-'.padEnd(43, 'x');
		await activate('inst-1', 'fp-0', [await mint()], secret);
		await activate('inst-2', 'fp-x', [await mint()], other);
		// 29 more reactivations with no key (R8 rebinding, proven by the installation's secret),
		// each from another machine.
		for (let i = 1; i < 30; i++) {
			time.now = START + i * MINUTE;
			expect((await activate('inst-1', `fp-${i}`, [], secret)).status).toBe(
				200,
			);
		}

		const refused = await activate('inst-1', 'fp-churn', [], secret);

		expect(refused.status).toBe(429);
		expect(refused.body.error?.code).toBe('rate-limited');
		expect(refused.body.error?.message).toContain(
			'installation inst-1 was activated 30 times in the last hour',
		);
		expect(refused.body.error?.message).toMatch(
			/Try again after 2027-01-04T10:00:00\.000Z/,
		);
		expect(await boundTo('inst-1')).toBe('fp-29');
		// Another installation keeps its own count.
		expect((await activate('inst-2', 'fp-y', [], other)).status).toBe(200);
		// A minute after the window of the first activation, one more fits.
		time.now = START + HOUR;
		expect((await activate('inst-1', 'fp-churn', [], secret)).status).toBe(200);
	});

	it('a stranger trying a key bound elsewhere does not use up its owner’s allowance', async () => {
		const {mint, activate} = await setup();
		const key = await mint();
		await activate('owner', 'fp-a', [key]);
		for (let i = 0; i < 50; i++) {
			const attempt = await activate(`stranger-${i % 2}`, 'fp-z', [key]);
			expect(attempt.status).toBe(200);
			expect(attempt.body.refusals).toEqual([
				expect.objectContaining({code: 'key-bound-elsewhere'}),
			]);
		}
		expect((await activate('owner', 'fp-a', [key])).status).toBe(200);
	});

	it('the offline-activation portal counts too (R5): it answers 429 past the limit', async () => {
		const {time, mint, call} = await setup({
			activationLimits: {perInstallation: 2},
		});
		const key = await mint();
		const request = (requestId: string) => ({
			type: 'myq-activation-request',
			version: 1,
			requestId,
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			keys: [key],
			customer: null,
			createdAt: time.now,
		});
		expect(
			(await call('POST', '/v1/offline-activation', request('r1'))).status,
		).toBe(200);
		expect(
			(await call('POST', '/v1/offline-activation', request('r2'))).status,
		).toBe(200);
		const refused = await call('POST', '/v1/offline-activation', request('r3'));
		expect(refused.status).toBe(429);
		expect(refused.body.error?.code).toBe('rate-limited');
	});

	it('the limits are options of createVendor (activationLimits)', async () => {
		const {mint, activate} = await setup({
			activationLimits: {perKey: 1, windowMs: 10 * MINUTE},
		});
		const key = await mint();
		const secret = 'secret-of-inst-1-'.padEnd(43, 'x');
		const first = await activate('inst-1', 'fp-a', [key], secret);
		expect(first.status).toBe(200);
		const refused = await activate('inst-1', 'fp-b', [key], secret);
		expect(refused.status).toBe(429);
		expect(refused.body.error?.message).toContain('in the last 10 minutes');
		// The same installation can still reactivate without presenting the key, with its secret.
		expect((await activate('inst-1', 'fp-b', [], secret)).status).toBe(200);
	});

	it('contacts are not limited: 200 contacts in one hour are all answered', async () => {
		const {time, mint, activate, call} = await setup();
		await activate('inst-1', 'fp-a', [await mint()]);
		for (let i = 0; i < 200; i++) {
			time.now = START + i * 15_000;
			expect(
				(
					await call('POST', '/v1/contact', {
						installationId: 'inst-1',
						fingerprint: 'fp-a',
					})
				).status,
			).toBe(200);
		}
	});
});

describe('bounded body size: 413 body-too-large on every route that reads a body', () => {
	const routes = [
		['POST', '/v1/activate'],
		['POST', '/v1/contact'],
		['POST', '/v1/offline-activation'],
		['POST', '/v1/admin/keys'],
		['POST', '/v1/admin/keys/K0000-00000-00000-00000-00000/extend'],
	] as const;

	it.each(routes)(
		'%s %s refuses a body over the limit, naming the limit',
		async (method, path) => {
			const {admin} = await setup({maxBodyBytes: 2048});
			const reply = await admin(method, path, {
				installationId: 'x'.repeat(4096),
			});
			expect(reply.status).toBe(413);
			expect(reply.body.error).toEqual({
				code: 'body-too-large',
				message:
					'The request body is larger than 2048 bytes, the most this license server accepts.',
			});
		},
	);

	it('the default limit is 64 KiB: just under passes the size check, just over is refused', async () => {
		expect(DEFAULT_MAX_BODY_BYTES).toBe(65_536);
		const {call} = await setup();
		const padding = (total: number) =>
			JSON.stringify({installationId: 'i', fingerprint: 'f', keys: [], pad: ''})
				.length - total;
		const body = (total: number) =>
			JSON.stringify({
				installationId: 'i',
				fingerprint: 'f',
				keys: [],
				pad: 'x'.repeat(-padding(total)),
			});
		expect(body(65_536)).toHaveLength(65_536);
		expect((await call('POST', '/v1/activate', body(65_536))).status).toBe(200);
		expect((await call('POST', '/v1/activate', body(65_537))).status).toBe(413);
	});
});

describe('admin token checks on every admin route', () => {
	// Well formed, never minted here: past the token check the route answers 404 unknown-key.
	const KEY = mintKey('license', (size) => new Uint8Array(size).fill(3));
	const adminRoutes = [
		['POST', '/v1/admin/keys', PERPETUAL],
		['GET', `/v1/admin/keys/${KEY}`, undefined],
		['POST', `/v1/admin/keys/${KEY}/extend`, {days: 10}],
		['POST', `/v1/admin/keys/${KEY}/cancel-renewal`, undefined],
		['POST', `/v1/admin/keys/${KEY}/revoke`, undefined],
	] as const;

	it.each(adminRoutes)(
		'%s %s: 401 without a bearer token, 403 with a wrong one, through with the right one',
		async (method, path, body) => {
			const {call} = await setup();
			const codeOf = async (headers: Record<string, string>) => {
				const reply = await call(method, path, body, headers);
				return [reply.status, reply.body.error?.code ?? 'ok'];
			};
			const missing = await call(method, path, body);
			expect([missing.status, missing.body.error?.code]).toEqual([
				401,
				'unauthorized',
			]);
			expect(missing.headers.get('www-authenticate')).toBe('Bearer');
			expect(missing.body.error?.message).toContain('Authorization: Bearer');
			expect(await codeOf({authorization: `Basic ${TOKEN}`})).toEqual([
				401,
				'unauthorized',
			]);
			expect(await codeOf({authorization: 'Bearer'})).toEqual([
				401,
				'unauthorized',
			]);
			expect(await codeOf({authorization: 'Bearer nope'})).toEqual([
				403,
				'forbidden',
			]);
			// No prefix or case games: only the exact token passes.
			expect(await codeOf({authorization: `Bearer ${TOKEN}x`})).toEqual([
				403,
				'forbidden',
			]);
			expect(
				await codeOf({authorization: `Bearer ${TOKEN.slice(0, -1)}`}),
			).toEqual([403, 'forbidden']);
			expect(
				await codeOf({authorization: `Bearer ${TOKEN.toUpperCase()}`}),
			).toEqual([403, 'forbidden']);
			// With the right token (the scheme's case does not matter) the route answers for itself.
			const expected =
				path === '/v1/admin/keys' ? [201, 'ok'] : [404, 'unknown-key'];
			expect(await codeOf({authorization: `bearer ${TOKEN}`})).toEqual(
				expected,
			);
		},
	);

	it.each(adminRoutes)(
		'%s %s: 403 admin-disabled when the server has no token, whatever is sent',
		async (method, path, body) => {
			const {call} = await setup({token: undefined});
			for (const authorization of [
				undefined,
				`Bearer ${TOKEN}`,
				'Bearer ',
				'Bearer undefined',
			]) {
				const reply = await call(
					method,
					path,
					body,
					authorization === undefined ? {} : {authorization},
				);
				expect([reply.status, reply.body.error?.code]).toEqual([
					403,
					'admin-disabled',
				]);
			}
		},
	);

	it('the token is checked before the body is read: an oversized upload without it gets 401, not 413', async () => {
		const {call, admin} = await setup({maxBodyBytes: 1024});
		const big = {
			type: 'license',
			kind: 'perpetual',
			devices: 1,
			pad: 'x'.repeat(10_000),
		};
		expect((await call('POST', '/v1/admin/keys', big)).status).toBe(401);
		expect(
			(
				await call('POST', '/v1/admin/keys', big, {
					authorization: 'Bearer wrong',
				})
			).status,
		).toBe(403);
		expect((await admin('POST', '/v1/admin/keys', big)).status).toBe(413);
	});
});

describe('a 429 reaches the admin as a precise refusal', () => {
	let world: World | undefined;
	afterEach(async () => {
		await world?.dispose();
		world = undefined;
	});

	it('the HTTP client maps 429 rate-limited to `rejected` (a successful contact) with the server’s message', async () => {
		const clock = createManualClock(START);
		const {vendor, network} = await createSimulatedLicenseServer({
			clock,
			baseUrl: 'http://license.test',
			vendor: {activationLimits: {perInstallation: 1}},
		});
		const client = createHttpLicenseServer({
			baseUrl: 'http://license.test',
			clock,
			fetch: network.fetch,
			publicKey: importPublicKey(vendor.publicKey),
		});
		const {key} = await vendor.service.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 1,
		});
		const request = {
			installationId: 'inst-1',
			fingerprint: 'fp-a',
			keys: [key],
			customer: null,
			nonce: 'nonce-1',
		};
		expect((await client.activate(request)).ok).toBe(true);

		const second = await client.activate({
			...request,
			fingerprint: 'fp-b',
			nonce: 'nonce-2',
		});

		// SPEC §4: signed with the request's nonce, so a successful contact made at the server's time.
		expect(second).toEqual({
			ok: false,
			failure: {
				kind: 'rejected',
				code: 'rate-limited',
				message: expect.stringMatching(
					/^The installation inst-1 was activated 1 times/,
				),
				issuedAt: START,
			},
		});
	});

	it('the runtime shows the server’s message on Activate; the keys stay pending and an event says why', async () => {
		world = await createWorld();
		const w = world;
		expect((await w.runtime.save(CUSTOMER, '')).ok).toBe(true);
		const key = await w.mint({type: 'license', kind: 'perpetual', devices: 3});
		await w.runtime.save(null, key);
		// Someone activated this installation's key ten times this hour (a copied installation).
		for (let i = 0; i < DEFAULT_ACTIVATION_LIMITS.perKey; i++) {
			await w.vendor.service.activate({
				installationId: w.runtime.installationId,
				fingerprint: `clone-${i}`,
				keys: [key],
			});
		}

		const outcome = await w.runtime.activate();

		expect(outcome).toMatchObject({ok: false, code: 'rate-limited'});
		expect(renderOutcome('en', outcome)).toMatch(
			/^The license server refused the activation: The key .* was activated 10 times in the last hour/,
		);
		expect(renderOutcome('en', outcome)).toContain(
			`Try again after ${new Date(w.clock.now() + HOUR).toISOString()}`,
		);
		const {state, evaluation} = w.runtime.snapshot();
		expect(state.pending.map((pending) => pending.key)).toEqual([key]);
		expect(evaluation.state).toBe('unlicensed');
		expect(withDetail(state.log.at(-1))).toMatchObject({
			type: 'contact-refused',
			detail: expect.stringContaining('(rate-limited)'),
		});
		// An hour later Activate works.
		await w.advance(HOUR);
		expect(await w.runtime.activate()).toMatchObject({ok: true});
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity: 3,
		});
	});
});
