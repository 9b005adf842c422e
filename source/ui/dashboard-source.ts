/**
 * The dashboard's data source: the real runtime, or the demo's simulation controls (declared in
 * `demo-controls.ts`, implemented by the simulator). Both give a cached `view()` (stable until
 * something changes, as `useSyncExternalStore` wants) and a `subscribe` that fires on every
 * change the engine publishes (so banners change at `nextChangeAt` with no key pressed).
 */
import type {Clock, ServerResult} from '../ports/index.js';
import type {Runtime, Snapshot} from '../runtime/runtime.js';
import type {DemoControls, DemoKey, DemoView} from './demo-controls.js';

export type DashboardView = {
	/** The MyQ server's clock (simulated in the demo). */
	now: number;
	snapshot: Snapshot;
	demo: DemoView | null;
	demoKeys: DemoKey[];
};

/** The view of a runtime with no demo around it: its snapshot, at the snapshot's own time. */
export function runtimeView(snapshot: Snapshot): DashboardView {
	return {now: snapshot.evaluation.now, snapshot, demo: null, demoKeys: []};
}

export type DashboardSource = {
	readonly isDemo: boolean;
	view(): DashboardView;
	subscribe(listener: () => void): () => void;
	/** The runtime to send commands to (in the demo it changes at every restart: ask each time). */
	runtime(): Runtime;
	demo: DemoControls | null;
	/** Demo only: the simulated vendor portal answers a manual activation request file (R5). */
	offlinePortal: ((requestText: string) => Promise<string>) | null;
	/**
	 * R16, the real engine: trusting the key the license server presents, offered when no key is
	 * trusted yet. Null in the demo (the simulator trusts its vendor itself).
	 */
	vendorTrust: VendorTrustOffer | null;
	dispose(): Promise<void>;
};

/**
 * Trust on first use, as an explicit choice (R16): the dashboard shows the key the server
 * presents, and records it only when the admin confirms.
 */
export type VendorTrustOffer = {
	/** The key the license server presents (`GET /v1/public-key`). */
	presented(): Promise<ServerResult<string>>;
	/** Records `key` in the trust file as trusted on first use, and trusts it from now on. */
	trust(key: string): Promise<{file: string}>;
};

export type RuntimeSourceOptions = {
	clock: Clock;
	/** How often the header's clock is refreshed. @default 30_000 */
	tickMs?: number;
	/** Called once when the source is disposed (close the store). */
	onDispose?: () => Promise<void>;
	/** What the dashboard offers when no vendor key is trusted. @default null */
	vendorTrust?: VendorTrustOffer | null;
};

/** The real engine: the runtime publishes after every event and at `nextChangeAt` (its timer). */
export function createRuntimeSource(
	runtime: Runtime,
	options: RuntimeSourceOptions,
): DashboardSource {
	const listeners = new Set<() => void>();
	let cached: DashboardView | null = null;
	const changed = () => {
		cached = null;
		for (const listener of listeners) listener();
	};
	const unsubscribe = runtime.subscribe(changed);
	const ticker = setInterval(changed, options.tickMs ?? 30_000);
	ticker.unref();
	return {
		isDemo: false,
		view() {
			cached ??= runtimeView(runtime.snapshot());
			return cached;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		runtime: () => runtime,
		demo: null,
		offlinePortal: null,
		vendorTrust: options.vendorTrust ?? null,
		async dispose() {
			clearInterval(ticker);
			unsubscribe();
			await runtime.stop();
			await options.onDispose?.();
		},
	};
}

/** The simulator: the controller publishes after every control and every runtime event. */
export function createDemoSource(controller: DemoControls): DashboardSource {
	let lastDemo: DemoView | null = null;
	let cached: DashboardView | null = null;
	return {
		isDemo: true,
		view() {
			const demo = controller.view();
			if (!cached || demo !== lastDemo) {
				lastDemo = demo;
				cached = {
					now: demo.now,
					snapshot: demo.snapshot,
					demo,
					demoKeys: demo.keys,
				};
			}
			return cached;
		},
		subscribe: (listener) => controller.subscribe(listener),
		runtime: () => controller.runtime,
		demo: controller,
		offlinePortal: (requestText) => controller.offlineActivate(requestText),
		vendorTrust: null,
		dispose: () => controller.dispose(),
	};
}
