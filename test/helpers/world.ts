/**
 * A small world for runtime tests: the simulator's own (simulator/world.ts: the vendor app in
 * process behind the MSW network layer, the simulated clock, named fingerprints, a real SQLite
 * store in a temporary folder), with the runtime's defaults (random ids, hourly clock checks)
 * and a fresh vendor key pair, started on `server-a`.
 */

import {createSimulatedClock} from '../../simulator/clock.js';
import {
	createSimulatedWorld,
	type SimulatedWorld,
} from '../../simulator/world.js';
import type {CustomerForm} from '../../source/engine/types.js';
import type {MintSpec, VendorStore} from '../../source/license-server/index.js';

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

export type World = SimulatedWorld & {
	mint(spec: MintSpec): Promise<string>;
	/** Runs the clock `ms` forward, waiting for the runtime's work at each timer. */
	advance(ms: number): Promise<void>;
};

export async function createWorld(
	options: {
		contactInterval?: number;
		vendorKey?: string | null;
		/** The license server's store, for a test that looks at it. @default SQLite in memory */
		vendorStore?: VendorStore;
	} = {},
): Promise<World> {
	const simulated = await createSimulatedWorld({
		clock: createSimulatedClock(START),
		baseUrl: BASE_URL,
		hardware: 'server-a',
		vendor: {
			token: TOKEN,
			...(options.vendorStore === undefined
				? {}
				: {store: options.vendorStore}),
		},
		...(options.vendorKey === undefined ? {} : {vendorKey: options.vendorKey}),
		runtime:
			options.contactInterval === undefined
				? {}
				: {contactInterval: options.contactInterval},
	});
	const world: World = Object.assign(simulated, {
		async mint(spec: MintSpec) {
			return (await simulated.vendor.service.mint(spec)).key;
		},
		advance: (ms: number) => simulated.advanceTo(simulated.clock.now() + ms),
	});
	await world.start();
	return world;
}
