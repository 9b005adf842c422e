import {afterEach, describe, expect, it} from 'vitest';
import {DAY, HOUR} from '../source/engine/types.js';
import {renderOutcome} from '../source/i18n/outcome.js';
import type {MintSpec} from '../source/license-server/index.js';
import {CUSTOMER, createWorld, type World} from './helpers/world.js';

let world: World;

afterEach(async () => {
	await world?.dispose();
});

const statuses = (w: World) =>
	w.runtime
		.snapshot()
		.evaluation.licenses.map((license) => [license.kind, license.status]);

async function registered(): Promise<World> {
	const w = await createWorld();
	const saved = await w.runtime.save(CUSTOMER, '');
	expect(saved.ok).toBe(true);
	return w;
}

describe('R2 the customer form before keys', () => {
	it('R2 an invalid form saves nothing and names every bad field; the other fields are kept', async () => {
		world = await createWorld();
		const key = await world.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 5,
		});
		const outcome = await world.runtime.save(
			{...CUSTOMER, email: 'not-an-email', person: 'Jane'},
			key,
		);
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.errors.map((error) => error.field)).toEqual([
			'person',
			'email',
		]);
		expect(outcome.form.company).toBe('Acme');
		expect(world.runtime.snapshot().state.customer).toBeNull();
		expect(world.runtime.snapshot().state.pending).toEqual([]);
	});
});

describe('R3 Save adds keys as pending', () => {
	it('R3 the valid keys are added, a malformed or duplicate one is refused by name', async () => {
		world = await registered();
		const good = await world.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 5,
		});
		const bad = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;
		const outcome = await world.runtime.save(null, `${good}, ${bad}\n${good}`);
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(outcome.accepted).toEqual([good]);
		expect(outcome.refused.map((refusal) => refusal.code)).toEqual([
			'checksum',
			'duplicate',
		]);
		expect(outcome.refused[0]?.message).toContain(bad);
		expect(outcome.refused[1]?.message).toContain(good);
		expect(statuses(world)).toEqual([['license', 'pending']]);
		// Saved for real: a restart finds it.
		await world.restart();
		expect(statuses(world)).toEqual([['license', 'pending']]);
	});
});

describe('R4 Activate online', () => {
	it('R4 an installation key is replaced by its licenses, added and activated in one step', async () => {
		world = await registered();
		const key = await world.mint({
			type: 'installation',
			licenses: [
				{kind: 'subscription', devices: 10, termDays: 365},
				{kind: 'perpetual', devices: 1},
			],
		});
		await world.runtime.save(null, key);
		expect(statuses(world)).toEqual([['installation', 'pending']]);
		const outcome = await world.runtime.activate();
		expect(outcome).toMatchObject({ok: true});
		const {evaluation} = world.runtime.snapshot();
		expect(evaluation.licenses.map((license) => license.id)).toEqual([
			`${key}/1`,
			`${key}/2`,
		]);
		expect(statuses(world)).toEqual([
			['subscription', 'active'],
			['perpetual', 'active'],
		]);
		expect(evaluation).toMatchObject({state: 'running', capacity: 11});
		expect(evaluation.licenses[0]?.expiresAt).toBe(world.fake.now + 365 * DAY);
	});

	it('R4 license keys become active', async () => {
		world = await registered();
		const keys = [
			await world.mint({type: 'license', kind: 'perpetual', devices: 10}),
			await world.mint({type: 'license', kind: 'perpetual', devices: 1}),
			await world.mint({
				type: 'license',
				kind: 'subscription',
				devices: 5,
				termDays: 30,
				autoRenew: true,
			}),
		];
		await world.runtime.save(null, keys.join('\n'));
		expect(await world.runtime.activate()).toMatchObject({ok: true});
		// R6: 10 + 1 + 5 = 16.
		expect(world.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity: 16,
		});
	});

	it('R4 offline, Activate fails with a message that offers manual activation; the keys stay pending', async () => {
		world = await registered();
		const key = await world.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 3,
		});
		await world.runtime.save(null, key);
		world.network.setState('offline');
		const outcome = await world.runtime.activate();
		expect(outcome.ok).toBe(false);
		expect(renderOutcome('en', outcome)).toMatch(/manual activation/);
		expect(renderOutcome('en', outcome)).toMatch(/stay pending/);
		expect(statuses(world)).toEqual([['license', 'pending']]);
	});

	it('R4 a key unknown to the server stays pending with the server’s reason', async () => {
		world = await registered();
		const real = await world.mint({
			type: 'license',
			kind: 'perpetual',
			devices: 3,
		});
		// A well-formed key the vendor never minted: same kind, other random part.
		const {mintKey} = await import('../source/engine/keys.js');
		const unknown = mintKey('license', (size) => new Uint8Array(size).fill(7));
		await world.runtime.save(null, `${real} ${unknown}`);
		const outcome = await world.runtime.activate();
		expect(outcome.ok).toBe(true);
		const pending = world.runtime
			.snapshot()
			.evaluation.licenses.find((license) => license.status === 'pending');
		expect(pending?.refusal?.code).toBe('unknown-key');
	});
});

describe('R5 manual activation', () => {
	async function exportAndAnswer(w: World) {
		const exported = await w.runtime.exportActivationRequest();
		if (!exported.ok) throw new Error(renderOutcome('en', exported));
		return {
			request: exported.text,
			response: await w.vendor.service.offlineActivate(exported.text),
		};
	}

	it.each<[string, MintSpec, number]>([
		[
			'an installation key',
			{type: 'installation', licenses: [{kind: 'perpetual', devices: 4}]},
			4,
		],
		[
			'a license key',
			{type: 'license', kind: 'subscription', devices: 2, termDays: 90},
			2,
		],
	])('R5 works for %s with no network', async (_label, spec, capacity) => {
		world = await registered();
		world.network.setState('offline');
		await world.runtime.save(null, await world.mint(spec));
		const {response} = await exportAndAnswer(world);
		expect(
			await world.runtime.importActivationResponse(response),
		).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity,
		});
	});

	it('R5 a response for another fingerprint is refused and changes nothing', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		const {response} = await exportAndAnswer(world);
		world.hardware.name = 'server-b';
		await world.restart();
		const before = world.runtime.snapshot().state;
		const outcome = await world.runtime.importActivationResponse(response);
		expect(outcome).toMatchObject({ok: false, code: 'other-fingerprint'});
		expect(renderOutcome('en', outcome)).toMatch(/another server/);
		expect(world.runtime.snapshot().state.document).toBe(before.document);
		expect(world.runtime.snapshot().state.pending).toEqual(before.pending);
	});

	it('R5 a response to another request is refused', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		const first = await exportAndAnswer(world);
		await world.runtime.exportActivationRequest();
		const outcome = await world.runtime.importActivationResponse(
			first.response,
		);
		expect(outcome).toMatchObject({ok: false, code: 'other-request'});
		expect(renderOutcome('en', outcome)).toMatch(/another request/);
		expect(world.runtime.snapshot().evaluation.state).toBe('unlicensed');
	});

	it('R5 a response altered in one byte is refused', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		const {response} = await exportAndAnswer(world);
		const index = response.indexOf('"devices":4') + '"devices":'.length;
		const altered = `${response.slice(0, index)}9${response.slice(index + 1)}`;
		const outcome = await world.runtime.importActivationResponse(altered);
		expect(outcome).toMatchObject({ok: false, code: 'altered-file'});
		expect(renderOutcome('en', outcome)).toMatch(/not signed by the vendor/);
		expect(world.runtime.snapshot().evaluation.state).toBe('unlicensed');
		expect(world.runtime.snapshot().state.log.at(-1)?.type).toBe(
			'manual-response-refused',
		);
	});

	it('R5 an outdated response is refused', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		const {response} = await exportAndAnswer(world);
		// Meanwhile the network came back and Activate ran online.
		await world.advance(HOUR);
		expect(await world.runtime.activate()).toMatchObject({ok: true});
		const outcome = await world.runtime.importActivationResponse(response);
		expect(outcome).toMatchObject({ok: false, code: 'outdated-response'});
	});

	it('R5 the same response imported twice is refused the second time', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		const {response} = await exportAndAnswer(world);
		expect(
			await world.runtime.importActivationResponse(response),
		).toMatchObject({ok: true});
		expect(
			await world.runtime.importActivationResponse(response),
		).toMatchObject({ok: false, code: 'no-request'});
	});

	it('R5 a file that is not a response at all is refused clearly', async () => {
		world = await registered();
		const outcome = await world.runtime.importActivationResponse('hello');
		expect(outcome).toMatchObject({ok: false, code: 'altered-file'});
		expect(renderOutcome('en', outcome)).toMatch(/not valid JSON/);
	});
});

describe('R8 hardware binding through the runtime', () => {
	it('R8 a restart on other hardware starts the countdown; Activate rebinds and clears it', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		await world.runtime.activate();
		world.hardware.name = 'server-b';
		await world.restart();
		expect(world.runtime.snapshot().evaluation.banners).toEqual([
			{id: 'hardware-changed', days: 7},
		]);
		await world.advance(3 * DAY);
		expect(world.runtime.snapshot().evaluation.banners).toEqual([
			{id: 'hardware-changed', days: 4},
		]);
		expect(await world.runtime.activate()).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			banners: [],
		});
	});

	it('R8 manual reactivation works too', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		await world.runtime.activate();
		world.hardware.name = 'server-b';
		world.network.setState('offline');
		await world.restart();
		const exported = await world.runtime.exportActivationRequest();
		if (!exported.ok) throw new Error(renderOutcome('en', exported));
		const response = await world.vendor.service.offlineActivate(exported.text);
		expect(
			await world.runtime.importActivationResponse(response),
		).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation.hardware.changed).toBe(false);
	});
});

describe('R14 scheduled contacts, and changes made on the server', () => {
	async function activatedSubscription(
		spec = {termDays: 30, autoRenew: false},
	) {
		const w = await registered();
		const key = await w.mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			...spec,
		});
		await w.runtime.save(null, key);
		await w.runtime.activate();
		return {w, key};
	}

	it('R14 contacts every 24 hours after start', async () => {
		const {w} = await activatedSubscription();
		world = w;
		const {startedAt} = w.runtime.snapshot().state;
		// Day 1, at the start's time of day: the scheduled contact.
		await w.advance(DAY);
		expect(w.runtime.snapshot().state.server.lastSuccessAt).toBe(
			startedAt + DAY,
		);
		await w.advance(DAY);
		expect(w.runtime.snapshot().state.server.lastSuccessAt).toBe(
			startedAt + 2 * DAY,
		);
	});

	it('R14 an extension made on the server is seen at the next contact', async () => {
		const {w, key} = await activatedSubscription();
		world = w;
		const before = w.runtime.snapshot().evaluation.licenses[0]?.expiresAt;
		await w.vendor.service.extend(key, 30);
		await w.advance(DAY);
		expect(w.runtime.snapshot().evaluation.licenses[0]?.expiresAt).toBe(
			before! + 30 * DAY,
		);
	});

	it('R14 a revocation is seen at Connect now', async () => {
		const {w, key} = await activatedSubscription();
		world = w;
		await w.vendor.service.revoke(key);
		expect(await w.runtime.connect()).toMatchObject({ok: true});
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'stopped',
			banners: [{id: 'license-problem'}],
		});
	});

	it('R14 auto-renewal happens at the contact at expiry; cancel-renewal lets it expire', async () => {
		const {w, key} = await activatedSubscription({
			termDays: 30,
			autoRenew: true,
		});
		world = w;
		await w.advance(31 * DAY);
		expect(w.runtime.snapshot().evaluation).toMatchObject({state: 'running'});
		await w.vendor.service.cancelRenewal(key);
		await w.advance(31 * DAY);
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'stopped',
			banners: [{id: 'license-problem'}],
		});
	});

	it('R10 R11 the countdown and the stop arrive by themselves, with no command', async () => {
		const {w} = await activatedSubscription({termDays: 30, autoRenew: false});
		world = w;
		await w.advance(20 * DAY);
		expect(w.runtime.snapshot().evaluation.banners).toEqual([
			{id: 'subscription-expiring', days: 10},
		]);
		await w.advance(9 * DAY);
		expect(w.runtime.snapshot().evaluation.banners).toEqual([
			{id: 'subscription-expiring', days: 1},
		]);
		await w.advance(DAY);
		expect(w.runtime.snapshot().evaluation).toMatchObject({
			state: 'stopped',
			banners: [{id: 'license-problem'}],
		});
	});
});

describe('network faults (SPEC §4): no crash, nothing lost, a later good contact recovers', () => {
	it.each(['offline', 'error', 'slow', 'garbage'] as const)(
		'%s',
		async (state) => {
			world = await registered();
			await world.runtime.save(
				null,
				await world.mint({
					type: 'license',
					kind: 'subscription',
					devices: 5,
					termDays: 365,
				}),
			);
			await world.runtime.activate();
			const document = world.runtime.snapshot().state.document;
			world.network.setState(state);
			const connecting = world.runtime.connect();
			await world.settle();
			const outcome = await connecting;
			expect(outcome.ok).toBe(false);
			const {state: engine, evaluation} = world.runtime.snapshot();
			expect(engine.document).toEqual(document);
			expect(evaluation).toMatchObject({state: 'warning', capacity: 5});
			expect(evaluation.banners[0]).toMatchObject({
				id: 'server-unreachable',
				days: 375,
			});
			// Nothing lost across a restart either.
			await world.restart();
			expect(world.runtime.snapshot().evaluation.capacity).toBe(5);
			world.network.setState('online');
			expect(await world.runtime.connect()).toMatchObject({ok: true});
			expect(world.runtime.snapshot().evaluation).toMatchObject({
				state: 'running',
				banners: [],
			});
		},
	);
});

describe('R16 integrity at load', () => {
	it('R16 a stored document edited by hand gives license-problem and an event; nothing is deleted; a good contact recovers', async () => {
		world = await registered();
		await world.runtime.save(
			null,
			await world.mint({type: 'license', kind: 'perpetual', devices: 4}),
		);
		await world.runtime.activate();
		await world.runtime.stop();
		// Edit the stored row: 4 devices become 400.
		const raw = world.store.raw;
		const record = (await raw.get('state')) as {
			state: {document: {payload: {licenses: {devices: number}[]}}};
		};
		record.state.document.payload.licenses[0]!.devices = 400;
		await raw.set('state', record);
		// Offline, so the contact at start cannot replace it at once.
		world.network.setState('offline');
		await world.restart();
		const {state, evaluation} = world.runtime.snapshot();
		expect(evaluation).toMatchObject({
			state: 'stopped',
			banners: [{id: 'license-problem'}],
			capacity: 0,
		});
		expect(
			state.log.some(
				(entry) =>
					entry.type === 'document-rejected' && /signature/.test(entry.detail),
			),
		).toBe(true);
		expect(state.document?.payload.licenses[0]?.devices).toBe(400);
		world.network.setState('online');
		expect(await world.runtime.connect()).toMatchObject({ok: true});
		expect(world.runtime.snapshot().evaluation).toMatchObject({
			state: 'running',
			capacity: 4,
		});
	});

	it('R16 an unreadable stored state is kept aside, and the program says why', async () => {
		world = await registered();
		await world.runtime.stop();
		await world.store.raw.set('state', {format: 'something else'});
		await world.restart();
		const {state, evaluation} = world.runtime.snapshot();
		expect(evaluation.banners).toEqual([{id: 'license-problem'}]);
		expect(state.log.some((entry) => entry.type === 'document-rejected')).toBe(
			true,
		);
		const quarantined = await world.store.listQuarantine();
		expect(quarantined.length).toBe(1);
	});
});
