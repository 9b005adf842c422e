/**
 * A small world for runtime tests: the vendor app in process behind the MSW network layer, a
 * fake clock (@sinonjs/fake-timers `createClock()`, injected as the Clock port; nothing global
 * is faked), named fingerprints, and a real SQLite store in a temporary folder.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import FakeTimers from '@sinonjs/fake-timers';
import Keyv from 'keyv';
import {nextTimerAt} from '../../simulator/clock.js';
import {
	createSimulatedNetwork,
	type SimulatedNetwork,
} from '../../simulator/network.js';
import {createNamedProbe} from '../../source/adapters/hardware-probe.js';
import {createHttpLicenseServer} from '../../source/adapters/http-license-server.js';
import {type KeyvStore, openStore} from '../../source/adapters/keyv-store.js';
import type {CustomerForm} from '../../source/engine/types.js';
import {
	createVendor,
	type MintSpec,
	type Vendor,
} from '../../source/license-server/index.js';
import type {Clock} from '../../source/ports/index.js';
import {createRuntime, type Runtime} from '../../source/runtime/runtime.js';
import {importPublicKey} from '../../source/signing/index.js';

export const START = Date.parse('2027-01-04T09:00:00Z');
export const BASE_URL = 'http://license.test';
export const TOKEN = 'test-token';

export const CUSTOMER: CustomerForm = {
	company: 'Acme',
	person: 'Jane Roe',
	address: '1 Rue X, Paris',
	country: 'FR',
	email: 'it@acme.test',
};

export type World = {
	fake: ReturnType<typeof FakeTimers.createClock>;
	clock: Clock;
	vendor: Vendor;
	network: SimulatedNetwork;
	store: KeyvStore;
	storeUrl: string;
	runtime: Runtime;
	hardware: {name: string};
	mint(spec: MintSpec): Promise<string>;
	/** A new runtime over the same store, on the current hardware. */
	restart(): Promise<Runtime>;
	/** Runs the fake clock forward, waiting for the runtime's work at each timer. */
	advance(ms: number): Promise<void>;
	/** Waits for the runtime, moving the clock when a request waits on it (slow network). */
	settle(): Promise<void>;
	dispose(): Promise<void>;
};

export async function createWorld(
	options: {contactInterval?: number} = {},
): Promise<World> {
	const fake = FakeTimers.createClock(START);
	const clock: Clock = {
		now: () => fake.now,
		setTimeout: (callback, ms) => fake.setTimeout(callback, ms),
		clearTimeout: (handle) =>
			fake.clearTimeout(handle as Parameters<typeof fake.clearTimeout>[0]),
	};
	const directory = await mkdtemp(path.join(tmpdir(), 'myq-world-'));
	const storeUrl = `sqlite://${path.join(directory, 'myq.sqlite')}`;
	const vendor = await createVendor({
		store: new Keyv(),
		now: () => fake.now,
		token: TOKEN,
	});
	const network = createSimulatedNetwork({
		baseUrl: BASE_URL,
		app: vendor.app,
		clock,
	});
	// Requests on the wire: a slow answer waits on the fake clock, so settle() must move it.
	let inFlight = 0;
	let stalled: (() => void) | null = null;
	const trackedFetch: typeof fetch = async (input, init) => {
		inFlight += 1;
		const call = network.fetch(input, init);
		if (network.state() === 'slow') {
			stalled?.();
		}
		try {
			return await call;
		} finally {
			inFlight -= 1;
		}
	};
	const server = createHttpLicenseServer({
		baseUrl: BASE_URL,
		clock,
		fetch: trackedFetch,
		publicKey: importPublicKey(vendor.publicKey),
	});
	const store = await openStore(storeUrl, {now: () => fake.now});
	const hardware = {name: 'server-a'};
	const make = () =>
		createRuntime({
			clock,
			server,
			hardware: {
				fingerprint: () => createNamedProbe(hardware.name).fingerprint(),
			},
			store,
			vendorKey: vendor.publicKey,
			...(options.contactInterval === undefined
				? {}
				: {contactInterval: options.contactInterval}),
		});

	const world: World = {
		fake,
		clock,
		vendor,
		network,
		store,
		storeUrl,
		runtime: make(),
		hardware,
		async mint(spec) {
			return (await vendor.service.mint(spec)).key;
		},
		async restart() {
			await world.runtime.stop();
			world.runtime = make();
			const started = world.runtime.start();
			await world.settle();
			await started;
			return world.runtime;
		},
		async settle() {
			while (world.runtime.isBusy) {
				if (inFlight > 0 && network.state() === 'slow') {
					// The request waits on the clock: move it to the next timer (the client's timeout).
					fake.next();
					await new Promise((resolve) => setImmediate(resolve));
					continue;
				}
				// Real I/O (SQLite) is awaited for real.
				await Promise.race([
					world.runtime.idle(),
					new Promise<void>((resolve) => {
						stalled = resolve;
					}),
				]);
				stalled = null;
			}
		},
		async advance(ms) {
			const target = fake.now + ms;
			for (;;) {
				const next = nextTimerAt(fake);
				if (next === null || next > target) {
					break;
				}
				fake.tick(Math.max(0, next - fake.now));
				await world.settle();
			}
			fake.tick(target - fake.now);
			await world.settle();
		},
		async dispose() {
			await world.runtime.stop();
			await store.close();
			await rm(directory, {recursive: true, force: true});
		},
	};
	const started = world.runtime.start();
	await world.settle();
	await started;
	return world;
}
