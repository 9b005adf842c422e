/**
 * Issue 11, point 5: an installation id alone rebinds nothing. Anyone who knows an installation
 * id (status --json prints it, request files carry it) could move its licenses to their machine
 * through /v1/activate with no key. Rebinding to another fingerprint now needs the secret the
 * installation received at activation, or every key bound to it; the MyQ side keeps the secret
 * in its store record and sends it with Activate.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {ActivationDocument} from '../source/engine/types.js';
import {createVendor} from '../source/license-server/index.js';
import {importPublicKey, verify} from '../source/signing/index.js';
import {callVendor} from './helpers/license-server.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

const START = Date.UTC(2027, 0, 4, 9);
const TOKEN = 'proof-token';
const PERPETUAL = {type: 'license', kind: 'perpetual', devices: 2} as const;

async function setup() {
	const vendor = await createVendor({now: () => START, token: TOKEN});
	const publicKey = importPublicKey(vendor.publicKey);
	const mint = async () => (await vendor.service.mint(PERPETUAL)).key;
	const activate = (body: Record<string, unknown>) =>
		callVendor<{
			installationSecret?: string;
			refusals?: unknown[];
			error?: {code: string; message: string};
		}>(vendor, 'POST', '/v1/activate', {customer: null, ...body});
	async function boundTo(installationId: string): Promise<string> {
		const reply = await callVendor(vendor, 'POST', '/v1/contact', {
			installationId,
			fingerprint: 'anyone',
		});
		const verified = verify<ActivationDocument>(reply.body.document, publicKey);
		if (!verified.ok) throw new Error(verified.reason);
		return verified.value.payload.fingerprint;
	}
	return {vendor, mint, activate, boundTo};
}

describe('rebinding needs proof (issue 11, point 5)', () => {
	it('an installation id alone does not move its licenses to another machine: 403 rebind-needs-proof, nothing changes', async () => {
		const {mint, activate, boundTo} = await setup();
		await activate({
			installationId: 'victim',
			fingerprint: 'fp-owner',
			keys: [await mint()],
		});

		const stolen = await activate({
			installationId: 'victim',
			fingerprint: 'fp-thief',
			keys: [],
		});

		expect(stolen.status).toBe(403);
		expect(stolen.body.error?.code).toBe('rebind-needs-proof');
		expect(stolen.body).not.toHaveProperty('installationSecret');
		expect(await boundTo('victim')).toBe('fp-owner');
	});

	it('a wrong secret, or only some of the keys, is no proof either', async () => {
		const {mint, activate, boundTo} = await setup();
		const [one, two] = [await mint(), await mint()];
		await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys: [one, two],
		});

		const guessed = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys: [],
			installationSecret: 'not-the-secret',
		});
		const partly = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys: [one],
		});

		expect([guessed.status, partly.status]).toEqual([403, 403]);
		expect(await boundTo('inst')).toBe('fp-a');
	});

	it('the secret given at the first activation rebinds; it is not given again while it is presented', async () => {
		const {mint, activate, boundTo} = await setup();
		const first = await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys: [await mint()],
		});
		const secret = first.body.installationSecret;
		expect(secret).toMatch(/^[\w-]{43}$/);

		const moved = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys: [],
			installationSecret: secret,
		});

		expect(moved.status).toBe(200);
		expect(moved.body).not.toHaveProperty('installationSecret');
		expect(await boundTo('inst')).toBe('fp-b');
	});

	it('every key of the installation rebinds too (a MyQ server that lost its secret); it then gets a new secret, and the old one stops working', async () => {
		const {mint, activate, boundTo} = await setup();
		const keys = [await mint(), await mint()];
		const first = await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys,
		});

		const moved = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys,
		});

		expect(moved.status).toBe(200);
		expect(await boundTo('inst')).toBe('fp-b');
		const renewed = moved.body.installationSecret;
		expect(renewed).toMatch(/^[\w-]{43}$/);
		expect(renewed).not.toBe(first.body.installationSecret);
		const old = await activate({
			installationId: 'inst',
			fingerprint: 'fp-c',
			keys: [],
			installationSecret: first.body.installationSecret,
		});
		expect(old.status).toBe(403);
	});

	it('from the bound machine no proof is asked: adding a key works as before', async () => {
		const {mint, activate} = await setup();
		await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys: [await mint()],
		});
		const added = await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys: [await mint()],
		});
		expect([added.status, added.body.refusals]).toEqual([200, []]);
	});
});

describe('the MyQ side keeps the secret and sends it (issue 11, point 5)', () => {
	let world: World;
	afterEach(async () => {
		await world?.dispose();
	});

	async function activatedWorld(): Promise<World> {
		const w = await createWorld();
		await w.runtime.save(CUSTOMER, await w.mint({...PERPETUAL}));
		expect(await w.runtime.activate()).toMatchObject({ok: true});
		return w;
	}

	it('the secret is kept in the store record beside the state, not in the signed document', async () => {
		world = await activatedWorld();
		const loaded = await world.store.load();
		if (loaded.kind !== 'loaded') throw new Error(`store: ${loaded.kind}`);
		const record = loaded.value as {
			installationSecret?: string;
			state: {document: unknown};
		};
		expect(record.installationSecret).toMatch(/^[\w-]{43}$/);
		expect(JSON.stringify(record.state.document)).not.toContain(
			record.installationSecret,
		);
	});

	it('after a restart on new hardware, Activate rebinds with the kept secret', async () => {
		world = await activatedWorld();
		world.hardware.name = 'server-b';
		await world.restart();
		expect(await world.runtime.activate()).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation.hardware.changed).toBe(false);
	});

	it('a store from before secrets (none kept) still moves to new hardware: its activated keys are the proof', async () => {
		world = await activatedWorld();
		const loaded = await world.store.load();
		if (loaded.kind !== 'loaded') throw new Error(`store: ${loaded.kind}`);
		const {installationSecret: _dropped, ...older} = loaded.value as Record<
			string,
			unknown
		>;
		await world.runtime.stop();
		await world.store.save(older);
		world.hardware.name = 'server-b';
		await world.start();
		const outcome = await world.runtime.activate();
		expect(outcome).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation.hardware.changed).toBe(false);
		expect(
			world.runtime
				.snapshot()
				.state.log.some(
					(entry) => 'code' in entry && entry.code === 'key-refused',
				),
		).toBe(false);
	});
});

describe('an installation only ever activated by file (R5) moves to new hardware by file (issue 11, point 5)', () => {
	let world: World;
	afterEach(async () => {
		await world?.dispose();
	});

	it('its activated keys go in the request as the proof: the portal answers, the response imports, and no refusal of them is shown', async () => {
		world = await createWorld();
		world.network.setState('offline');
		await world.runtime.save(CUSTOMER, await world.mint({...PERPETUAL}));
		const first = await world.runtime.exportActivationRequest();
		if (!first.ok) throw new Error('no request');
		expect(
			await world.runtime.importActivationResponse(
				await world.vendor.service.offlineActivate(first.text),
			),
		).toMatchObject({ok: true});

		world.hardware.name = 'server-b';
		await world.restart();
		const moved = await world.runtime.exportActivationRequest();
		if (!moved.ok) throw new Error('no request');
		const response = await world.vendor.service.offlineActivate(moved.text);
		expect(
			await world.runtime.importActivationResponse(response),
		).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation.hardware.changed).toBe(false);
		expect(world.runtime.snapshot().state.pending).toEqual([]);
	});
});
