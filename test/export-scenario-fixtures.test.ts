/**
 * export-scenario on every path of the product (issue 15): each fixture scenario is replayed on
 * a real store, the store's history exported, and the export replayed: every day matches the
 * first replay (state, banners with their days, capacity, devices, license statuses and expiry),
 * and the export's own expectations hold. Manual activation, refusals, the clock, the vendor's
 * actions, restarts: each fixture is one of them.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {exportScenario, renderScenarioYaml} from '../simulator/export/index.js';
import {type DaySample, runScenario, Simulation} from '../simulator/runner.js';
import {loadScenario, parseScenario} from '../simulator/scenario/index.js';
import {DAY} from '../source/engine/types.js';

const DIRECTORY = path.resolve('fixtures/scenarios');
const files = readdirSync(DIRECTORY).filter((file) => /\.ya?ml$/.test(file));

const view = (day: DaySample) => ({
	state: day.state,
	banners: day.banners.map((banner) => [banner.id, banner.days]),
	capacity: day.capacity,
	devices: day.devices,
	licenses: day.licenses.map((license) => [
		license.kind,
		license.devices,
		license.status,
		license.expiresAt,
	]),
});

describe('export-scenario: every fixture, replayed, exported and replayed again', () => {
	it.each(files)('%s', async (file) => {
		// Given the fixture replayed day by day on a real store, as runScenario does
		const scenario = await loadScenario(path.join(DIRECTORY, file));
		const simulation = new Simulation(scenario);
		const recorded: DaySample[] = [];
		let exported: ReturnType<typeof exportScenario>;
		let now: number;
		try {
			await simulation.setup();
			for (let day = 0; day <= scenario.days; day++) {
				const instant = scenario.start + day * DAY;
				await simulation.advanceTo(instant);
				const steps = scenario.steps.filter((step) => step.day === day);
				for (const step of steps.filter((candidate) => !candidate.at)) {
					await simulation.perform(step);
				}
				recorded.push(simulation.sample(day, 'en'));
				for (const step of steps.filter((candidate) => candidate.at)) {
					await simulation.advanceTo(instant + step.at!);
					await simulation.perform(step);
				}
			}
			now = simulation.clock.server.now();
			exported = exportScenario(simulation.runtime.snapshot().state, {
				now,
				lang: 'en',
			});
		} finally {
			await simulation.dispose();
		}

		// When its export is replayed
		const text = renderScenarioYaml(exported!, {
			exportedAt: now,
			keepPersonalData: false,
		});
		const replay = await runScenario(parseScenario(text, {fileName: file}));

		// Then every day matches, and the export's expectations hold
		expect(replay.expectations.failed).toEqual([]);
		expect(replay.days).toHaveLength(recorded.length);
		const mismatches = replay.days
			.filter(
				(day) =>
					JSON.stringify(view(day)) !==
					JSON.stringify(view(recorded[day.day]!)),
			)
			.map((day) => ({
				day: day.day,
				replayed: view(day),
				recorded: view(recorded[day.day]!),
			}));
		expect(mismatches.slice(0, 2)).toEqual([]);
	});
});
