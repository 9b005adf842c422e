/**
 * Issue 13, point 4: the trainer's scripts. The default demo (fixtures/demo.yaml) and the ready
 * scenarios of a training session (fixtures/training/) replay with every expectation held, and
 * every step says what it showed in both languages, for the simulation bar.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {DEFAULT_DEMO_SCENARIO} from '../simulator/demo.js';
import {runScenario} from '../simulator/runner.js';
import {loadScenario, parseScenario} from '../simulator/scenario/index.js';

const TRAINING = path.resolve('fixtures/training');
const files = [
	DEFAULT_DEMO_SCENARIO,
	...readdirSync(TRAINING)
		.filter((file) => file.endsWith('.yaml'))
		.map((file) => path.join(TRAINING, file)),
];

describe('training scenarios', () => {
	it('a session has its five: expiry, outage, hardware change, manual activation, clock rollback', () => {
		expect(files.map((file) => path.basename(file)).sort()).toEqual([
			'clock-rollback.yaml',
			'demo.yaml',
			'expiry.yaml',
			'hardware-change.yaml',
			'manual-activation.yaml',
			'outage.yaml',
		]);
	});

	it.each(files)('%s replays as its expectations say', async (file) => {
		const scenario = await loadScenario(file);
		// Up to the last expectation: the demo's timeline runs ten years.
		const until = Math.max(...scenario.expect.map((each) => each.day));
		const result = await runScenario(scenario, {until});
		expect(
			result.expectations.failed.map((failure) => failure.message),
		).toEqual([]);
		expect(result.expectations.passed).toBe(scenario.expect.length);
		expect(scenario.expect.length).toBeGreaterThan(2);
	});

	it.each(files)(
		'%s: every step has a note in English and French',
		async (file) => {
			const scenario = await loadScenario(file);
			for (const step of scenario.steps) {
				expect({line: step.line, note: step.note}).toEqual({
					line: step.line,
					note: {en: expect.any(String), fr: expect.any(String)},
				});
			}
		},
	);
});

describe('step notes (scenario schema)', () => {
	const scenario = (note: string) => `
name: notes
start: 2027-01-04T09:00:00Z
days: 1
hardware: [a]
keys: {}
steps:
  - {day: 0, do: restart, note: ${note}}
expect: []
`;

	it('a note is one text or one per language', () => {
		expect(parseScenario(scenario('"Say this"')).steps[0]?.note).toBe(
			'Say this',
		);
		expect(
			parseScenario(scenario('{en: "Say this", fr: "Dites ceci"}')).steps[0]
				?.note,
		).toEqual({en: 'Say this', fr: 'Dites ceci'});
	});

	it('an empty note, or one in another language, is refused with its line', () => {
		expect(() => parseScenario(scenario('""'))).toThrow(
			/8: steps\[0\]\.note: must not be empty/,
		);
		expect(() => parseScenario(scenario('{de: "Sag das"}'))).toThrow(
			/steps\[0\]\.note\.de: unknown field/,
		);
	});
});
