/**
 * The dashboard's data source over a replayed scenario, as an admin sees it (no simulation
 * bar): the simulated MyQ server's runtime, the one running now (a restart step makes another).
 * While the replay moves time (`quietly`), the runtime's publications are held back and the
 * dashboard draws once at the end: one frame an advance, whatever happened on the way.
 */

import type {ScenarioReplay} from '../../simulator/replay.js';
import type {Runtime} from '../runtime/runtime.js';
import {
	type DashboardSource,
	type DashboardView,
	runtimeView,
} from '../ui/dashboard-source.js';

export type ReplaySource = DashboardSource & {
	/** Runs `work` with the runtime's publications held back, then publishes once. */
	quietly(work: () => Promise<void>): Promise<void>;
};

export function createReplaySource(replay: ScenarioReplay): ReplaySource {
	const {simulation} = replay;
	const listeners = new Set<() => void>();
	let cached: DashboardView | null = null;
	let isQuiet = false;
	let attached: Runtime | null = null;
	let detach = () => {};
	const changed = () => {
		for (const listener of listeners) listener();
	};
	// The runtime now: a restart or hardware step replaces it.
	const attach = () => {
		const runtime = simulation.runtime;
		if (attached === runtime) return;
		detach();
		attached = runtime;
		const unsubscribe = runtime.subscribe(() => {
			if (!isQuiet) changed();
		});
		detach = () => {
			unsubscribe();
		};
	};
	attach();
	return {
		isDemo: false,
		view() {
			const snapshot = simulation.runtime.snapshot();
			if (cached?.snapshot !== snapshot) cached = runtimeView(snapshot);
			return cached;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		runtime: () => simulation.runtime,
		demo: null,
		offlinePortal: null,
		vendorTrust: null,
		async quietly(work) {
			isQuiet = true;
			try {
				await work();
			} finally {
				isQuiet = false;
				attach();
				changed();
			}
		},
		async dispose() {
			detach();
			await simulation.dispose();
		},
	};
}
