/**
 * `myq-license/testing` (SPEC §6): the dashboard for snapshot tests with ink-testing-library, on
 * the simulator at a chosen day of a scenario (`renderAtDay`) or on your own ports
 * (`renderDashboard`), at a chosen size, language and screen. It works with any test runner: it
 * imports none.
 *
 * @example
 * import {afterEach, expect, it} from 'vitest';
 * import {cleanup, renderAtDay} from 'myq-license/testing';
 *
 * afterEach(cleanup);
 *
 * it('Settings > License ten days before the subscription expires, in French at 80×24', async () => {
 *   const instance = await renderAtDay('fixtures/yearly-subscription.yaml', 355, {
 *     columns: 80,
 *     rows: 24,
 *     lang: 'fr',
 *     screen: 'settings-license',
 *   });
 *   expect(instance.lastFrame()).toMatchSnapshot();
 * });
 */
export {
	type AdvanceBy,
	renderAtDay,
	type ScenarioDashboard,
	type ScenarioInput,
} from './at-day.js';
export type {DashboardOptions, ScreenName} from './dashboard.js';
export type {FileAccess} from './files.js';
export {MASKED_ID, MASKED_KEY, maskFrame} from './frame.js';
export type {DashboardInstance} from './instance.js';
export {KEY} from './keys.js';
export {type DashboardPorts, renderDashboard} from './on-ports.js';
export {cleanup} from './registry.js';
export type {StatusDocument} from './state.js';
export type {
	FrameMatch,
	FrameOptions,
	TerminalSize,
	WaitOptions,
} from './terminal.js';
