/**
 * `renderDashboard(ports, options)` (SPEC §6): the same dashboard on a runtime made on injected
 * ports (clock, license-server client, hardware probe, store), for people testing their own
 * wiring.
 */
import {createRuntime, type RuntimeOptions} from '../runtime/runtime.js';
import {createRuntimeSource} from '../ui/dashboard-source.js';
import {type DashboardOptions, renderSource} from './dashboard.js';
import {type DashboardInstance, dashboardInstance} from './instance.js';
import {statusOf} from './state.js';

/**
 * The runtime's ports (`clock`, `server`, `hardware`, `store`) and its other options, as
 * `createRuntime` takes them; `vendorKey` is the vendor public key trusted (R16).
 * @example
 * const ports: DashboardPorts = {clock, server, hardware, store, vendorKey: vendor.publicKey};
 */
export type DashboardPorts = RuntimeOptions;

/**
 * Makes a runtime on `ports`, starts it (it loads the store, looks at the hardware, contacts
 * the license server: R14) and renders the dashboard on it with ink-testing-library. Options
 * as `renderAtDay`'s; the language defaults to English. Time moves as your clock moves it.
 * @example
 * import {createManualClock} from 'myq-license';
 * import {renderDashboard} from 'myq-license/testing';
 *
 * const clock = createManualClock(Date.parse('2027-01-04T09:00:00Z'));
 * const instance = await renderDashboard({clock, server, hardware, store, vendorKey}, {columns: 80, rows: 24});
 * await instance.waitFor('Enter license');
 */
export async function renderDashboard(
	ports: DashboardPorts,
	options: DashboardOptions = {},
): Promise<DashboardInstance> {
	const runtime = createRuntime(ports);
	const source = createRuntimeSource(runtime, {clock: ports.clock});
	const lang = options.lang ?? 'en';
	let terminal: Awaited<ReturnType<typeof renderSource>>;
	try {
		await runtime.start();
		terminal = await renderSource(source, {...options, lang});
	} catch (error) {
		await source.dispose();
		throw error;
	}
	return dashboardInstance(terminal, source, () =>
		statusOf(runtime.snapshot(), lang, runtime.vendorPublicKey),
	);
}
