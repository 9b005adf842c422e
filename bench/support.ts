/**
 * Issue 15's figures: scenarios replayed per second by `simulate DIR --jobs N` (worker threads),
 * and the size of the MyQ server's stored record as its history grows (the last 400 days in
 * full, older days summarised: engine/history.ts).
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {runBatch, scenarioFiles} from '../simulator/batch.js';
import {runScenario} from '../simulator/runner.js';
import {parseScenario} from '../simulator/scenario/index.js';
import {TEN_YEARS} from './simulation.js';

const FIXTURES = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../fixtures/scenarios',
);

/** Scenarios per second over the fixtures, `jobs` at a time (best of `runs`). */
export async function benchBatch(jobs: number, runs = 2) {
	const {files} = await scenarioFiles([FIXTURES]);
	let best = Number.POSITIVE_INFINITY;
	for (let run = 0; run < runs; run++) {
		const started = performance.now();
		const items = await runBatch(files, {jobs});
		best = Math.min(best, performance.now() - started);
		if (items.some((item) => item.exitCode !== 0)) {
			throw new Error('a fixture scenario failed in the batch bench');
		}
	}
	return {
		files: files.length,
		ms: best,
		perSecond: files.length / (best / 1000),
	};
}

/** The stored record's size (its JSON) and its history on some days of a ten-year replay. */
export async function benchStoreSize(days: readonly number[] = [400, 3650]) {
	const scenario = parseScenario(TEN_YEARS, {fileName: 'ten-years.yaml'});
	const sizes: {
		day: number;
		bytes: number;
		historyBytes: number;
		entries: number;
	}[] = [];
	for (const day of days) {
		await runScenario(scenario, {
			until: day,
			async onEnd(simulation) {
				await simulation.settle();
				const loaded = await simulation.store.load();
				const value =
					loaded.kind === 'loaded'
						? (loaded.value as {state: {history: unknown[]}})
						: null;
				sizes.push({
					day,
					bytes: JSON.stringify(value).length,
					historyBytes: JSON.stringify(value?.state.history ?? []).length,
					entries: value?.state.history.length ?? 0,
				});
			},
		});
	}
	return sizes;
}
