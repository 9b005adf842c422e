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
import {type DaySample, runScenario} from '../simulator/runner.js';
import {loadScenario, parseScenario} from '../simulator/scenario/index.js';

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
		// Given the fixture replayed on a real store, its history exported at the end
		const scenario = await loadScenario(path.join(DIRECTORY, file));
		let exported: ReturnType<typeof exportScenario> = null;
		let now = 0;
		const first = await runScenario(scenario, {
			lang: 'en',
			onEnd(simulation) {
				now = simulation.clock.server.now();
				exported = exportScenario(simulation.runtime.snapshot().state, {
					now,
					lang: 'en',
				});
			},
		});
		const recorded = first.days;

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
