/**
 * Every fixture scenario, replayed on the real runtime: its expect blocks must all hold. One
 * file per path of the product (issue 4's list); adding a file adds a test.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runScenario} from '../simulator/runner.js';
import {loadScenario} from '../simulator/scenario/index.js';

const DIRECTORY = path.resolve('fixtures/scenarios');
const files = readdirSync(DIRECTORY).filter((file) =>
	/\.(ya?ml|json)$/.test(file),
);

describe('fixture scenarios', () => {
	it('cover every path', () => {
		expect(files.length).toBeGreaterThanOrEqual(18);
	});

	it.each(files)('%s', async (file) => {
		const scenario = await loadScenario(path.join(DIRECTORY, file));
		const result = await runScenario(scenario);
		expect(
			result.expectations.failed.map((failure) => failure.message),
		).toEqual([]);
		expect(result.expectations.passed).toBe(scenario.expect.length);
		expect(result.days).toHaveLength(scenario.days + 1);
	});
});
