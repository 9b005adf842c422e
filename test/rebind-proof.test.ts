/**
 * Issue 11, point 5: an installation id alone rebinds nothing. Anyone who knows an installation
 * id (status --json prints it, request files carry it) could move its licenses to their machine
 * through /v1/activate with no key. The MyQ side makes a secret, keeps it in its store record and
 * sends it with every activation; the license server adopts the first one an installation
 * presents and from then on asks for it at every activation. Its keys and fingerprint are no
 * proof then: a contact from any machine is answered with the document that lists them (SPEC §4).
 * An installation that never presented one (MyQ versions before secrets) moves with every key.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {ActivationDocument} from '../source/engine/types.js';
import {MIN_SECRET_LENGTH} from '../source/license-server/activation.js';
import {
	createVendor,
	openSqlStore,
	type VendorStore,
} from '../source/license-server/index.js';
import {importPublicKey, verify} from '../source/signing/index.js';
import {callVendor} from './helpers/license-server.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

const START = Date.UTC(2027, 0, 4, 9);
const TOKEN = 'proof-token';
const PERPETUAL = {type: 'license', kind: 'perpetual', devices: 2} as const;
/** A secret as the MyQ side makes one: 32 random bytes in base64url, 43 characters. */
const SECRET = 'owner-secret-made-by-the-myq-server-0123456';

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
	/** The document a contact from any machine gets (SPEC §4): what anyone with the id can read. */
	async function shown(installationId: string): Promise<ActivationDocument> {
		const reply = await callVendor(vendor, 'POST', '/v1/contact', {
			installationId,
			fingerprint: 'anyone',
		});
		const verified = verify<ActivationDocument>(reply.body.document, publicKey);
		if (!verified.ok) throw new Error(verified.reason);
		return verified.value.payload;
	}
	const boundTo = async (installationId: string) =>
		(await shown(installationId)).fingerprint;
	return {vendor, mint, activate, shown, boundTo};
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

	it('what a contact shows anyone (the keys, the bound fingerprint) activates nothing once the installation holds a secret: not moved, not activated from its own fingerprint, its customer and allowance untouched (the installation id alone moved it)', async () => {
		const {vendor, mint, activate, shown, boundTo} = await setup();
		const keys = [await mint(), await mint()];
		await activate({
			installationId: 'victim',
			fingerprint: 'fp-owner',
			keys,
			customer: CUSTOMER,
			installationSecret: SECRET,
		});

		// Given what anyone who knows the installation id reads from a contact
		const document = await shown('victim');
		const leaked = [...new Set(document.licenses.map(({key}) => key))];
		expect(leaked.sort()).toEqual([...keys].sort());

		// When a thief moves it with every key, then from the bound fingerprint with none
		const moved = await activate({
			installationId: 'victim',
			fingerprint: 'fp-thief',
			keys: leaked,
		});
		const attempts = [];
		for (let n = 0; n < 40; n++) {
			attempts.push(
				await activate({
					installationId: 'victim',
					fingerprint: document.fingerprint,
					keys: leaked,
					customer: {...CUSTOMER, company: 'Thief Inc'},
					installationSecret: `guessed-${n}`.padEnd(43, 'x'),
				}),
			);
		}

		// Then nothing moved, no secret was given, and the owner activates as before
		expect([moved.status, moved.body.error?.code]).toEqual([
			403,
			'rebind-needs-proof',
		]);
		expect(attempts.map(({status}) => status)).toEqual(Array(40).fill(403));
		expect(attempts[0]?.body.error?.code).toBe('installation-secret-required');
		for (const reply of [moved, ...attempts]) {
			expect(reply.body).not.toHaveProperty('installationSecret');
		}
		expect(await boundTo('victim')).toBe('fp-owner');
		expect(
			(await vendor.service.describe(keys[0] ?? '')).installation?.customer,
		).toEqual(CUSTOMER);
		const owner = await activate({
			installationId: 'victim',
			fingerprint: 'fp-owner-new',
			keys: [],
			installationSecret: SECRET,
		});
		expect(owner.status).toBe(200);
		expect(await boundTo('victim')).toBe('fp-owner-new');
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

	it('the secret the MyQ server presents at its first activation is adopted, nothing is given back (an answer lost on the way loses nothing), and it moves the installation', async () => {
		const {mint, activate, boundTo} = await setup();
		const first = await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys: [await mint()],
			installationSecret: SECRET,
		});
		expect(first.status).toBe(200);
		expect(first.body).not.toHaveProperty('installationSecret');

		const moved = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys: [],
			installationSecret: SECRET,
		});

		expect(moved.status).toBe(200);
		expect(await boundTo('inst')).toBe('fp-b');
	});

	it('a secret shorter than one the MyQ server makes is not adopted', async () => {
		const {mint, activate} = await setup();
		const short = 'x'.repeat(MIN_SECRET_LENGTH - 1);
		await activate({
			installationId: 'inst',
			fingerprint: 'fp-a',
			keys: [await mint()],
			installationSecret: short,
		});
		const moved = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys: [],
			installationSecret: short,
		});
		expect(moved.status).toBe(403);
	});

	it('an installation that never presented a secret (a MyQ version before secrets) moves with every key; the secret it presents then is adopted, and from then on the keys are no proof', async () => {
		const {mint, activate, boundTo} = await setup();
		const keys = [await mint(), await mint()];
		await activate({installationId: 'inst', fingerprint: 'fp-a', keys});

		const moved = await activate({
			installationId: 'inst',
			fingerprint: 'fp-b',
			keys,
			installationSecret: SECRET,
		});
		const byKeys = await activate({
			installationId: 'inst',
			fingerprint: 'fp-c',
			keys,
		});

		expect(moved.status).toBe(200);
		expect(byKeys.status).toBe(403);
		expect(await boundTo('inst')).toBe('fp-b');
	});

	it('from the bound machine an installation without a secret is activated as before, and one with its secret adds keys', async () => {
		const {mint, activate} = await setup();
		await activate({
			installationId: 'old',
			fingerprint: 'fp-a',
			keys: [await mint()],
		});
		await activate({
			installationId: 'new',
			fingerprint: 'fp-a',
			keys: [await mint()],
			installationSecret: SECRET,
		});
		const added = await Promise.all([
			activate({
				installationId: 'old',
				fingerprint: 'fp-a',
				keys: [await mint()],
			}),
			activate({
				installationId: 'new',
				fingerprint: 'fp-a',
				keys: [await mint()],
				installationSecret: SECRET,
			}),
		]);
		expect(added.map(({status, body}) => [status, body.refusals])).toEqual([
			[200, []],
			[200, []],
		]);
	});
});

describe('the MyQ side keeps the secret and sends it (issue 11, point 5)', () => {
	let world: World;
	let vendorStore: VendorStore | undefined;
	afterEach(async () => {
		await world?.dispose();
		await vendorStore?.close();
		vendorStore = undefined;
	});

	async function activatedWorld(
		options: {vendorStore?: VendorStore} = {},
	): Promise<World> {
		const w = await createWorld(options);
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

	it('an answer spoiled on its way back after the license server adopted the secret: the secret was kept, and it moves the installation after a restart on new hardware', async () => {
		world = await createWorld();
		await world.runtime.save(CUSTOMER, await world.mint({...PERPETUAL}));
		world.network.setState('garbage');
		expect(await world.runtime.activate()).toMatchObject({ok: false});
		world.network.setState('online');

		world.hardware.name = 'server-b';
		await world.restart();

		expect(await world.runtime.activate()).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation.hardware.changed).toBe(false);
	});

	it('a store from before secrets (none kept, none adopted) still moves to new hardware: its activated keys are the proof', async () => {
		vendorStore = await openSqlStore('memory:');
		world = await activatedWorld({vendorStore});
		// As a version before secrets left it: the license server holds none either.
		const {installationId} = world.runtime.snapshot().state;
		await vendorStore.transaction(async (tx) => {
			const row = await tx.lockInstallation(installationId);
			if (row === undefined) throw new Error('not activated');
			await tx.updateInstallation({...row, secretHash: null});
		});
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
