/**
 * One simulated world, the building block of the simulator and of the runtime tests: the
 * vendor's Hono app in process behind the MSW network layer, the MyQ server's HTTP client on the
 * simulated clock, named fingerprints, a real SQLite store in a temporary folder, and the real
 * runtime over them. A restart is a new runtime over the same store.
 *
 * Time only moves when told (`advanceTo`); in between, `settle` waits for the runtime's work:
 * real I/O (SQLite, signatures) is awaited for real, and a request that waits on the simulated
 * clock (a slow answer, the client's timeout) gets time moved to its next timer.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createNamedProbe} from '../source/adapters/hardware-probe.js';
import {createHttpLicenseServer} from '../source/adapters/http-license-server.js';
import {type KeyvStore, openStore} from '../source/adapters/keyv-store.js';
import {
	createVendor,
	type Vendor,
	type VendorOptions,
} from '../source/license-server/index.js';
import type {Clock, LicenseServer} from '../source/ports/index.js';
import {
	createRuntime,
	type Runtime,
	type RuntimeOptions,
} from '../source/runtime/runtime.js';
import {importPublicKey} from '../source/signing/index.js';
import type {SimulatedClock} from './clock.js';
import {createSimulatedNetwork, type SimulatedNetwork} from './network.js';

export type SimulatedWorldOptions = {
	/** The world's time; it starts where this clock stands. */
	clock: SimulatedClock;
	/** Where the license server "is", like `http://license.test`. */
	baseUrl: string;
	/** The fingerprint name the MyQ server runs on at first. */
	hardware: string;
	/** The vendor's options but its clock. @default a SQLite store in memory, nothing else */
	vendor?: Partial<Omit<VendorOptions, 'now'>>;
	/** The runtime's options but its ports (contact interval, ids, clock checks). @default none */
	runtime?: Omit<
		RuntimeOptions,
		'clock' | 'server' | 'hardware' | 'store' | 'vendorKey'
	>;
	/**
	 * The vendor key the MyQ server trusts (R16): the simulator sets trust up itself, with the
	 * simulated vendor's key. Null: none is configured (to show what an admin then sees).
	 * @default the simulated vendor's public key
	 */
	vendorKey?: string | null;
};

export type SimulatedWorld = {
	readonly clock: SimulatedClock;
	readonly vendor: Vendor;
	readonly network: SimulatedNetwork;
	/** The MyQ server's license-server client (HTTP over the simulated network). */
	readonly server: LicenseServer;
	readonly store: KeyvStore;
	readonly storeUrl: string;
	/** The fingerprint the MyQ server sees; a change shows the next time the runtime looks. */
	readonly hardware: {name: string};
	/** The MyQ server running now: set by `start`, replaced by `restart`. */
	readonly runtime: Runtime;
	/** Starts the MyQ server and waits until its start-up work (the contact of R14) is done. */
	start(): Promise<Runtime>;
	/** Stops the MyQ server and starts a new one over the same store, on the current hardware. */
	restart(): Promise<Runtime>;
	/** Waits until the runtime has nothing left to do (see the top of this file). */
	settle(): Promise<void>;
	/** Moves true time to `at`, running every timer due by then and settling after each. */
	advanceTo(at: number): Promise<void>;
	dispose(): Promise<void>;
};

export type SimulatedLicenseServerOptions = {
	/** The vendor's time, and the network's delays. */
	clock: Clock;
	/** Where the license server "is", like `http://license.test`. */
	baseUrl: string;
	/** The vendor's options but its clock. @default a SQLite store in memory, nothing else */
	vendor?: Partial<Omit<VendorOptions, 'now'>>;
	/** How long a `slow` answer takes. @default DEFAULT_SLOW_MS (past the client's timeout) */
	slowMs?: number;
};

/**
 * The license server's side of a world: the vendor's app behind the simulated network.
 * @example
 * const {vendor, network} = await createSimulatedLicenseServer({clock, baseUrl: 'http://license.test'});
 * const server = createHttpLicenseServer({baseUrl: 'http://license.test', clock, fetch: network.fetch, publicKey: vendor.keyPair.publicKey});
 */
export async function createSimulatedLicenseServer(
	options: SimulatedLicenseServerOptions,
): Promise<{vendor: Vendor; network: SimulatedNetwork}> {
	const {clock} = options;
	const vendor = await createVendor({
		...options.vendor,
		now: () => clock.now(),
	});
	const network = createSimulatedNetwork({
		baseUrl: options.baseUrl,
		app: vendor.app,
		clock,
		...(options.slowMs === undefined ? {} : {slowMs: options.slowMs}),
	});
	return {vendor, network};
}

/** Builds the world; the MyQ server starts with `start()` (after the catalog is minted, say). */
export async function createSimulatedWorld(
	options: SimulatedWorldOptions,
): Promise<SimulatedWorld> {
	const {clock} = options;
	const directory = await mkdtemp(path.join(tmpdir(), 'myq-simulation-'));
	const storeUrl = `sqlite://${path.join(directory, 'myq.sqlite')}`;
	const {vendor, network} = await createSimulatedLicenseServer({
		clock: clock.world,
		baseUrl: options.baseUrl,
		...(options.vendor === undefined ? {} : {vendor: options.vendor}),
	});

	// Requests on the wire: one that waits on the simulated clock (the slow network) must have
	// time moved for it, so `settle` is told when one starts.
	let inFlight = 0;
	let stalled: (() => void) | null = null;
	const trackedFetch: typeof fetch = async (input, init) => {
		inFlight += 1;
		const isSlow = network.state() === 'slow';
		const call = network.fetch(input, init);
		if (isSlow) {
			stalled?.();
		}
		try {
			return await call;
		} finally {
			inFlight -= 1;
		}
	};
	const server = createHttpLicenseServer({
		baseUrl: options.baseUrl,
		clock: clock.server,
		fetch: trackedFetch,
		publicKey: importPublicKey(vendor.publicKey),
	});
	const store = await openStore(storeUrl, {now: () => clock.now()});
	const hardware = {name: options.hardware};
	let runtime: Runtime | undefined;

	const world: SimulatedWorld = {
		clock,
		vendor,
		network,
		server,
		store,
		storeUrl,
		hardware,
		get runtime(): Runtime {
			if (runtime === undefined) {
				throw new Error(
					'The simulated MyQ server is not started: call start()',
				);
			}
			return runtime;
		},
		async start() {
			runtime = createRuntime({
				...options.runtime,
				clock: clock.server,
				server,
				hardware: {
					fingerprint: () => createNamedProbe(hardware.name).fingerprint(),
				},
				store,
				vendorKey:
					options.vendorKey === undefined
						? vendor.publicKey
						: options.vendorKey,
			});
			const started = runtime.start();
			await world.settle();
			await started;
			return runtime;
		},
		async restart() {
			await runtime?.stop();
			return world.start();
		},
		async settle() {
			while (runtime?.isBusy) {
				if (inFlight > 0 && network.state() === 'slow') {
					// The request waits on the clock: move it to the next timer (the client's timeout).
					clock.fireNext();
					await new Promise((resolve) => setImmediate(resolve));
					continue;
				}
				await Promise.race([
					runtime.idle(),
					new Promise<void>((resolve) => {
						stalled = resolve;
					}),
				]);
				stalled = null;
			}
		},
		async advanceTo(at) {
			for (;;) {
				const next = clock.nextTimerAt();
				if (next === null || next > at) {
					break;
				}
				if (next <= clock.now()) {
					clock.fireNext();
				} else {
					clock.advanceTo(next);
				}
				await world.settle();
			}
			clock.advanceTo(at);
			await world.settle();
		},
		async dispose() {
			await runtime?.stop();
			await store.close();
			await vendor.close();
			await rm(directory, {recursive: true, force: true});
		},
	};
	return world;
}
