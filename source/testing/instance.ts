/** What `renderAtDay` and `renderDashboard` return: the terminal, `state()` and `dispose()`. */
import type {DashboardSource} from '../ui/dashboard-source.js';
import type {DashboardTerminal} from './dashboard.js';
import {track} from './registry.js';
import type {StatusDocument} from './state.js';

/**
 * What `renderDashboard` returns (and `renderAtDay`, with `advance`): ink-testing-library's
 * instance (`lastFrame`, `frames`, `stdin`, `rerender`, `unmount`) with `press`, `waitFor`,
 * `resize`, `state` and `dispose`.
 * @example
 * const instance: DashboardInstance = await renderDashboard(ports);
 * await instance.press(KEY.enter);
 * expect(instance.state().state).toBe('unlicensed');
 */
export type DashboardInstance = DashboardTerminal & {
	/**
	 * The installation now, as `myq-license status --json` prints it: state, banners with their
	 * texts in the dashboard's language, licenses, devices, server, hardware.
	 * @example expect(instance.state().banners.map((banner) => banner.id)).toEqual(['subscription-expiring'])
	 */
	state(): StatusDocument;
	/**
	 * Unmounts the dashboard and stops what runs behind it (the simulation, or the runtime made
	 * on your ports; your store stays open). `cleanup()` does it for every dashboard still open.
	 * @example afterEach(() => instance.dispose())
	 */
	dispose(): Promise<void>;
};

export function dashboardInstance(
	terminal: DashboardTerminal,
	source: DashboardSource,
	state: () => StatusDocument,
): DashboardInstance {
	let disposing: Promise<void> | null = null;
	const instance: DashboardInstance = Object.assign(terminal, {
		state,
		dispose() {
			disposing ??= (async () => {
				untrack();
				terminal.unmount();
				terminal.cleanup();
				await source.dispose();
			})();
			return disposing;
		},
	});
	const untrack = track(instance);
	return instance;
}
