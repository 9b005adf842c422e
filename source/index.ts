/**
 * `myq-license` as a library (`import {evaluate, createRuntime} from 'myq-license'`): the pure
 * engine (`evaluate`, `step`) and its types, the runtime with its ports and their adapters, the
 * simulator's scenario runner and clock, and the reference license server's app. The dashboard
 * for snapshot tests is `myq-license/testing`. Nothing here loads Ink or React.
 *
 * @example
 * import {loadScenario, runScenario} from 'myq-license';
 *
 * const result = await runScenario(await loadScenario('renewal.yaml'));
 * console.log(result.days.at(-1)?.banners);
 */

// The simulator: scenarios (SPEC §5), replayed on a clock that moves only when told.
export {createManualClock, type ManualClock} from '../simulator/clock.js';
export type {SimulatedNetwork} from '../simulator/network.js';
export {
	type DaySample,
	runScenario,
	type SimulationOptions,
	type SimulationResult,
} from '../simulator/runner.js';
export {
	loadScenario,
	parseScenario,
	type Scenario,
	ScenarioError,
	scenarioFromData,
} from '../simulator/scenario/index.js';
export {createSimulatedLicenseServer} from '../simulator/world.js';
export {createNamedProbe} from './adapters/hardware-probe.js';
export {
	createHttpLicenseServer,
	type HttpLicenseServerOptions,
} from './adapters/http-license-server.js';
export {type KeyvStore, openStore} from './adapters/keyv-store.js';
export {createSystemClock} from './adapters/system-clock.js';
// The engine: pure rules (SPEC §2), time as a parameter.
export {
	type Evaluation,
	evaluate,
	type LicenseView,
} from './engine/evaluate.js';
export {
	type Effect,
	type EngineEvent,
	initialState,
	step,
} from './engine/step.js';
export {
	BANNER_ORDER,
	type Banner,
	type BannerId,
	type Customer,
	type CustomerForm,
	DAY,
	type EngineState,
	HOUR,
	type KeyKind,
	type LicenseKind,
	type LicenseStatus,
	type LogEntry,
	type OperationalState,
	type SignedDocument,
} from './engine/types.js';
export {bannerText} from './i18n/banners.js';
export type {Lang} from './i18n/lang.js';
// The reference license server (SPEC §4): its Hono app, service and key pair.
export {
	createVendor,
	type MintSpec,
	type Vendor,
	type VendorOptions,
} from './license-server/index.js';
// The runtime and its ports (interfaces), with the adapters that implement them for real.
export type {
	ActivationReply,
	Clock,
	Failure,
	HardwareProbe,
	LicenseServer,
	ServerResult,
	Store,
	StoreLoad,
} from './ports/index.js';
export {
	createRuntime,
	type Outcome,
	Runtime,
	type RuntimeOptions,
	type Snapshot,
} from './runtime/runtime.js';
export {importPublicKey} from './signing/index.js';
