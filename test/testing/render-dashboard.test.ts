/**
 * myq-license/testing's renderDashboard (SPEC §6): the dashboard on a runtime made on injected
 * ports, wired only from what the library entry exports (as a user testing their own wiring
 * would): a manual clock, the reference license server behind the simulated network, the HTTP
 * client, a named hardware probe, a Keyv store.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {
	createHttpLicenseServer,
	createManualClock,
	createNamedProbe,
	createSimulatedLicenseServer,
	DAY,
	openStore,
} from '../../source/index.js';
import {cleanup, KEY, renderDashboard} from '../../source/testing/index.js';

const START = Date.parse('2027-01-04T09:00:00Z');
const BASE_URL = 'http://license.test';

let after: (() => Promise<void>)[] = [];
afterEach(async () => {
	await cleanup();
	for (const step of after) await step();
	after = [];
});

/** The ports of a MyQ server whose license server is the reference one, in process. */
async function ports() {
	const clock = createManualClock(START);
	const {vendor, network} = await createSimulatedLicenseServer({
		clock,
		baseUrl: BASE_URL,
		vendor: {token: 'admin'},
	});
	const directory = await mkdtemp(path.join(tmpdir(), 'myq-ports-'));
	const store = await openStore(
		`sqlite://${path.join(directory, 'myq.sqlite')}`,
	);
	after.push(async () => {
		await store.close();
		await vendor.close();
		await rm(directory, {recursive: true, force: true});
	});
	const server = createHttpLicenseServer({
		baseUrl: BASE_URL,
		clock,
		fetch: network.fetch,
		publicKey: vendor.keyPair.publicKey,
	});
	return {
		clock,
		vendor,
		ports: {
			clock,
			server,
			hardware: createNamedProbe('server-a'),
			store,
			vendorKey: vendor.publicKey,
		},
	};
}

describe('renderDashboard: the dashboard on your own ports', () => {
	it('a fresh installation on real wiring: Home says Enter license; state says unlicensed', async () => {
		const {ports: given} = await ports();
		const instance = await renderDashboard(given, {columns: 80, rows: 24});
		expect(instance.lastFrame()).toContain('[»Enter license«]');
		expect(instance.lastFrame().split('\n')).toHaveLength(23);
		expect(instance.state()).toMatchObject({
			state: 'unlicensed',
			vendorKey: {source: 'given', key: given.vendorKey},
		});
	});

	it('keys on the dashboard drive your runtime, and your clock moves its banners (R10)', async () => {
		const {ports: given, vendor, clock} = await ports();
		const {key} = await vendor.service.mint({
			type: 'license',
			kind: 'subscription',
			devices: 5,
			termDays: 30,
			autoRenew: false,
		});
		const runtime = await renderDashboard(given, {
			columns: 100,
			rows: 30,
			lang: 'fr',
			screen: 'settings-license',
		});
		// Given the form filled and the key typed (Enter types into a field, Tab goes on)
		for (const key of [KEY.enter, 'Acme', KEY.tab, 'Jane Roe', KEY.tab])
			await runtime.press(key);
		for (const key of ['1 Rue X', KEY.tab, 'fra', KEY.tab, 'it@acme.test'])
			await runtime.press(key);
		await runtime.press(KEY.tab);
		await runtime.press(KEY.tab);
		await runtime.press(key);
		// When Save, then Activate, are pressed (Enter on Keys goes on to Save; Save selects Activate)
		await runtime.press(KEY.enter);
		await runtime.press(KEY.enter);
		await runtime.waitFor('1 clé(s) ajoutée(s)');
		await runtime.press(KEY.enter);
		// Then the license is active, on the dashboard and in the status document
		await runtime.waitFor('● En fonctionnement');
		expect(runtime.state()).toMatchObject({state: 'running', capacity: 5});
		// When the clock reaches the tenth day before the expiry, the banner shows by itself
		await clock.tickAsync(20 * DAY);
		await runtime.waitFor('interrompus dans 10 jour(s)');
	});

	it('a runtime that cannot start rejects with its reason (a closed store), drawing nothing', async () => {
		const {ports: given} = await ports();
		await given.store.close();
		await expect(renderDashboard(given)).rejects.toThrow(
			/The store sqlite:.* is closed/,
		);
	});
});
