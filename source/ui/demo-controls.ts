/**
 * The simulation controls the demo dashboard drives, declared on the dashboard's side so the UI
 * does not depend on the simulator: the simulator's DemoController (simulator/demo.ts) implements
 * them, and the `demo` command (source/commands/dashboard.ts) hands one to `createDemoSource`.
 *
 * Time goes both ways (issue 13, point 3): what the trainer does is recorded with its instant, so
 * a day already past is reached by replaying from day 0 (the simulation is deterministic), and the
 * days after it, recorded, are shown as what will happen again unless the trainer does something
 * else.
 */
import type {BannerId, OperationalState} from '../engine/types.js';
import type {StepDescription} from '../i18n/index.js';
import type {LicenseSpec, MintSpec} from '../license-server/index.js';
import type {Outcome, Runtime, Snapshot} from '../runtime/runtime.js';

/** The simulated network's states; the simulation bar names each one (`ui.network.*`). */
export type DemoNetwork = 'online' | 'offline' | 'error' | 'slow' | 'garbage';

/** In the order the network picker lists them. */
export const DEMO_NETWORKS: readonly DemoNetwork[] = [
	'online',
	'offline',
	'error',
	'slow',
	'garbage',
];

/** The vendor's admin operations a trainer can run (SPEC §4). */
export type DemoVendorAction = 'extend' | 'cancel-renewal' | 'revoke';

/** A key of the scenario's catalog, minted by the simulated vendor (as it was asked), to paste with Ctrl+K. */
export type DemoKey = {alias: string; key: string; entry: MintSpec};

/**
 * What the vendor can act on: a whole key (`SUB`, `L5`) or one license of an installation key
 * (`MULTI/2`), by its alias; `spec` is the license (null for a whole installation key).
 */
export type DemoTarget = {
	id: string;
	spec: LicenseSpec | null;
	/** Its key is on this installation (pending or activated). */
	isHere: boolean;
};

/** A scenario the demo can open (`o`): the default demo, the training ones, the one given. */
export type DemoScenarioChoice = {
	/** `demo`, a training scenario's file name without `.yaml`, or `file` for --scenario. */
	id: string;
	/** The file's own name of it (the dashboard names the bundled ones in its language). */
	name: string;
	isCurrent: boolean;
};

/** A day of the timeline: its state and banners at the end of that day (or now, today). */
export type DaySample = {state: OperationalState; banners: readonly BannerId[]};

/**
 * True when the day's end differs from the day before it in state or banners (day 0: from
 * nothing activated): the timeline marks it, and `X` goes back to it.
 */
export function isChangeDay(days: readonly DaySample[], day: number): boolean {
	const today = days[day];
	if (!today) return false;
	const before = days[day - 1] ?? {state: 'unlicensed', banners: []};
	return (
		today.state !== before.state ||
		today.banners.join(' ') !== before.banners.join(' ')
	);
}

/** What a trainer says once a step is done: one text, or one per language. */
export type DemoNote =
	| string
	| {en?: string | undefined; fr?: string | undefined};

/** The simulation as the dashboard shows it; the same object until something changes. */
export type DemoView = {
	/** The MyQ server's clock (the simulated date shown in the header). */
	now: number;
	day: number;
	network: DemoNetwork;
	hardware: string;
	hardwareNames: string[];
	/** The MyQ server's clock minus true time (negative: set back). */
	clockOffset: number;
	snapshot: Snapshot;
	/** One entry a day since day 0, today's as it is now. */
	timeline: DaySample[];
	/**
	 * The days after today recorded before time went back: what happens again as time moves on,
	 * unless the trainer does something else (which forgets them).
	 */
	future: DaySample[];
	/** Actions recorded after now (replayed as time moves on). */
	ahead: number;
	keys: DemoKey[];
	targets: DemoTarget[];
	scenarios: DemoScenarioChoice[];
	/** The next step as data, said in the dashboard's language (i18n formatStep). */
	scenario: {
		id: string;
		name: string;
		done: number;
		total: number;
		next: StepDescription | null;
		/** The note of the step just done, until another control is used. */
		note: DemoNote | null;
	};
	busy: boolean;
	/** The last thing a simulation control did, for the status line. */
	message: DemoMessage | null;
};

/**
 * What a control did, as data the dashboard says in its language: a code of `ui.demo.result.*`
 * with its params, or the outcome of an engine command (a scenario step, a vendor action).
 */
export type DemoMessage = {
	ok: boolean;
	code: string;
	params?: Record<string, string | number>;
	outcome?: Outcome | null;
};

export interface DemoControls {
	/**
	 * The simulated MyQ server's runtime (another one after every restart and replay: ask each
	 * time). What the dashboard asks of it is recorded, to be replayed when time goes back.
	 */
	readonly runtime: Runtime;
	view(): DemoView;
	subscribe(listener: () => void): () => void;
	advance(ms: number): Promise<void>;
	/** To the next instant anything visible changes (the engine's nextChangeAt, or sooner). */
	nextChange(): Promise<void>;
	/** Back to the last day before today the timeline marks as a change (replays). */
	previousChange(): Promise<void>;
	/** To day `day`: forward, or back by replaying from day 0. */
	jumpToDay(day: number): Promise<void>;
	setNetwork(state: DemoNetwork): Promise<void>;
	toggleNetwork(): Promise<void>;
	/** Restarts the MyQ server on the next named hardware (R8). */
	swapHardware(): Promise<void>;
	restart(): Promise<void>;
	/** Moves the MyQ server's clock by `ms` (negative: back, R15); null puts it right. */
	shiftClock(ms: number | null): Promise<void>;
	/** The vendor's admin operation on a key or license (an id of `view().targets`). */
	vendor(
		action: DemoVendorAction,
		target: string,
		days?: number,
	): Promise<void>;
	stepScenario(): Promise<void>;
	/** Opens another scenario (an id of `view().scenarios`), from day 0. */
	openScenario(id: string): Promise<void>;
	/** The simulated vendor portal turns a manual activation request into its response (R5). */
	offlineActivate(requestText: string): Promise<string>;
	dispose(): Promise<void>;
}
