/**
 * The simulation controls the demo dashboard drives, declared on the dashboard's side so the UI
 * does not depend on the simulator: the simulator's DemoController (demo.ts) implements them, and
 * the `demo` command (source/commands/dashboard.ts) hands one to `createDemoSource`.
 */
import type {OperationalState} from '../engine/types.js';
import type {MintSpec} from '../license-server/index.js';
import type {Runtime, Snapshot} from '../runtime/runtime.js';

/** The simulated network's states; the simulation bar names each one (`ui.network.*`). */
export type DemoNetwork = 'online' | 'offline' | 'error' | 'slow' | 'garbage';

/** A key of the scenario's catalog, minted by the simulated vendor (as it was asked), to paste with `k`. */
export type DemoKey = {alias: string; key: string; entry: MintSpec};

/** The simulation as the dashboard shows it; the same object until something changes. */
export type DemoView = {
	/** The MyQ server's clock (the simulated date shown in the header). */
	now: number;
	day: number;
	network: DemoNetwork;
	hardware: string;
	hardwareNames: string[];
	snapshot: Snapshot;
	/** One entry a day since day 0: the state sampled at that day's instant. */
	strip: OperationalState[];
	keys: DemoKey[];
	scenario: {name: string; done: number; total: number; next: string | null};
	busy: boolean;
	/** The last thing a simulation control did, for the status line. */
	message: DemoMessage | null;
};

/** What a control did, already said in the demo's language (runtime outcomes rendered). */
export type DemoMessage = {ok: boolean; code?: string; message: string};

export interface DemoControls {
	/** The simulated MyQ server's runtime (another one after every restart: ask each time). */
	readonly runtime: Runtime;
	view(): DemoView;
	subscribe(listener: () => void): () => void;
	advance(ms: number): Promise<void>;
	/** To the next instant something changes or the server is contacted. */
	advanceToNextDeadline(): Promise<void>;
	/** Forward to day `day`; a day already past is refused (in `view().message`). */
	jumpToDay(day: number): Promise<void>;
	toggleNetwork(): Promise<void>;
	/** Restarts the MyQ server on the next named hardware (R8). */
	swapHardware(): Promise<void>;
	restart(): Promise<void>;
	stepScenario(): Promise<void>;
	/** The simulated vendor portal turns a manual activation request into its response (R5). */
	offlineActivate(requestText: string): Promise<string>;
	dispose(): Promise<void>;
}
