/** What a parsed scenario holds (SPEC §5 "Scenario file"). */
import type {
	BannerId,
	CustomerForm,
	LicenseStatus,
	OperationalState,
} from '../../source/engine/types.js';
import type {Step} from './steps.js';

export type {NetworkState} from '../network.js';
export type {
	Step,
	StepKind,
	StepNote,
	StepOf,
	TamperKind,
	VendorAction,
} from './steps.js';

export type LicenseSpec = {
	kind: 'perpetual' | 'subscription';
	devices: number;
	termDays?: number;
	autoRenew?: boolean;
};

/** One entry of the vendor catalog, minted at start (the shape `vendor mint` takes). */
export type CatalogEntry =
	| {type: 'installation'; licenses: LicenseSpec[]}
	| ({type: 'license'} & LicenseSpec);

export type Expectation = {
	day: number;
	line: number;
	state?: OperationalState;
	operational?: boolean;
	/** The exact list of banner ids shown, in display order. */
	banners?: BannerId[];
	days?: Record<string, number>;
	capacity?: number;
	devices?: {activated?: number; licensed?: number; capacity?: number};
	/** License alias (`L10`, `INST/1`, or `INST` for a pending installation row) → status. */
	licenses?: Record<string, LicenseStatus>;
	/** Event types that must have happened on that day. */
	events?: string[];
};

/**
 * A scenario as validated (SPEC §5 "Scenario file"): `start` in epoch milliseconds, steps
 * sorted.
 * @example
 * const scenario: Scenario = await loadScenario('customer.yaml');
 * console.log(scenario.steps.length, scenario.days);
 */
export type Scenario = {
	name: string;
	/** Epoch ms of day 0. */
	start: number;
	/** The timeline covers day 0..days. */
	days: number;
	lang: 'fr' | 'en';
	customer: CustomerForm;
	/** Named fingerprints; the first is used at start. */
	hardware: string[];
	keys: Record<string, CatalogEntry>;
	/** Sorted by day, then `at`, then file order. */
	steps: Step[];
	/** Sorted by day, then file order. */
	expect: Expectation[];
	/** R14: hours between scheduled contacts; absent means the engine's default. */
	contactIntervalHours?: number;
};

export type ParseScenarioOptions = {
	/** Names the file in messages and decides the format by extension. @default none: the format is read from the content */
	fileName?: string;
};
