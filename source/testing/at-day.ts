/**
 * `renderAtDay(scenario, day, options)` (SPEC §6): a scenario (a file, or its data) replayed on
 * the simulator to a day's sample point (SPEC §5 order: the contact, the day's steps, then the
 * sample), and the dashboard drawn on it with ink-testing-library, as an admin sees it.
 */
import {fileURLToPath} from 'node:url';
import {ScenarioReplay} from '../../simulator/replay.js';
import {Simulation} from '../../simulator/runner.js';
import {
	loadScenario,
	type Scenario,
	scenarioFromData,
} from '../../simulator/scenario/index.js';
import {DAY, HOUR} from '../engine/types.js';
import {type DashboardOptions, renderSource} from './dashboard.js';
import {type DashboardInstance, dashboardInstance} from './instance.js';
import {createReplaySource} from './replay-source.js';
import {statusOf} from './state.js';

/**
 * A scenario (SPEC §5): the path of a YAML or JSON file (relative to the working directory), its
 * `file:` URL, or its data as an object (what the file holds: `start` as an ISO text).
 * @example
 * await renderAtDay('fixtures/renewal.yaml', 355);
 * await renderAtDay(new URL('./renewal.yaml', import.meta.url), 355);
 * await renderAtDay({name: 'Fresh', start: '2027-01-04T09:00:00Z', days: 30, hardware: ['server-a'], keys: {}, steps: [], expect: []}, 0);
 */
export type ScenarioInput = string | URL | Record<string, unknown>;

/**
 * Time to move forward: whole or part days and hours, added.
 * @example
 * await instance.advance({days: 1, hours: 6});
 */
export type AdvanceBy = {days?: number; hours?: number};

/**
 * What `renderAtDay` returns: ink-testing-library's instance with `press`, `waitFor`, `resize`,
 * `state`, `dispose`, and `advance` to move simulated time.
 * @example
 * const instance: ScenarioDashboard = await renderAtDay('renewal.yaml', 355);
 * await instance.advance({days: 10});
 */
export type ScenarioDashboard = DashboardInstance & {
	/**
	 * Moves simulated time forward, performing on the way every step and scheduled contact due
	 * (as if the scenario had been rendered at that time), and resolves with the frame drawn
	 * then: one frame an advance.
	 * @example
	 * const frame = await instance.advance({days: 1});
	 * expect(frame).toContain('9 day(s)');
	 */
	advance(by: AdvanceBy): Promise<string>;
	/** The scenario's day of the simulated time now (day 0 is `start`). */
	day(): number;
	/** The scenario as validated (its steps sorted, `start` in epoch milliseconds). */
	readonly scenario: Scenario;
};

async function scenarioOf(input: ScenarioInput): Promise<Scenario> {
	if (typeof input === 'string') return loadScenario(input);
	if (input instanceof URL) return loadScenario(fileURLToPath(input));
	return scenarioFromData(input);
}

/**
 * Replays `scenario` to `day` on the simulator and renders the dashboard there with
 * ink-testing-library: at `columns` × `rows` (100 × 24 by default), in the scenario's language
 * or `lang`, on `screen`, without colour unless `color`. Frames mask keys and ids.
 * @example
 * import {afterEach, expect, it} from 'vitest';
 * import {cleanup, renderAtDay} from 'myq-license/testing';
 *
 * afterEach(cleanup);
 *
 * it('warns ten days before the subscription expires', async () => {
 *   const instance = await renderAtDay('fixtures/yearly.yaml', 355, {columns: 80, rows: 24, lang: 'fr'});
 *   // The banner wraps at 80 columns: waitFor reads its rows joined.
 *   await instance.waitFor('interrompus dans 10 jour(s)');
 *   expect(instance.lastFrame()).toMatchSnapshot();
 * });
 */
export async function renderAtDay(
	scenario: ScenarioInput,
	day: number,
	options: DashboardOptions = {},
): Promise<ScenarioDashboard> {
	const loaded = await scenarioOf(scenario);
	if (!Number.isInteger(day) || day < 0 || day > loaded.days)
		throw new RangeError(
			`day must be a whole number from 0 to the scenario's last day, ${loaded.days}; got ${String(day)}`,
		);
	const simulation = new Simulation(loaded);
	const replay = new ScenarioReplay(simulation);
	try {
		await simulation.setup();
		await replay.toDay(day);
	} catch (error) {
		await simulation.dispose();
		throw error;
	}
	const source = createReplaySource(replay);
	const lang = options.lang ?? loaded.lang;
	let terminal: Awaited<ReturnType<typeof renderSource>>;
	try {
		terminal = await renderSource(source, {...options, lang});
	} catch (error) {
		await source.dispose();
		throw error;
	}
	const instance = dashboardInstance(terminal, source, () =>
		statusOf(
			simulation.runtime.snapshot(),
			lang,
			simulation.vendor.publicKey,
			(id) => simulation.aliasOf(id),
		),
	);
	return Object.assign(instance, {
		scenario: loaded,
		day: () => replay.day,
		async advance(by: AdvanceBy) {
			const days = by.days ?? 0;
			const hours = by.hours ?? 0;
			for (const [name, value] of [
				['days', days],
				['hours', hours],
			] as const) {
				if (!Number.isFinite(value) || value < 0)
					throw new RangeError(
						`advance: ${name} must be a number of 0 or more (time only moves forward), got ${String(value)}`,
					);
			}
			const ms = Math.round(days * DAY + hours * HOUR);
			if (ms === 0) return terminal.lastFrame();
			const count = terminal.frames.length;
			await source.quietly(() => replay.to(replay.now() + ms));
			if (terminal.frames.length > count) return terminal.lastFrame();
			// The clock in the header moved: the frame comes with the next render.
			return terminal.waitFor(() => terminal.frames.length > count);
		},
	});
}
